"""When the farm or its notification stream goes away: the offline state while local editing goes on,
and polling while the stream is down."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from farm_server import LiveFarm
from farm_steps import WAIT, sign_in, two_scene_film

from aistudio_desktop.farm.client import FarmClient, FarmUnreachable, Notification
from aistudio_desktop.farm.session import FarmState
from aistudio_desktop.main_window import MainWindow


def test_farm_going_away_is_the_offline_state_and_local_editing_goes_on(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm
) -> None:
    from aistudio_desktop.project.commands import EditSceneCommand

    window, panel, session = farm_window, farm_window.farm_ui.panel, farm_window.farm
    email, _ = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    qtbot.waitUntil(lambda: session.stream_live, timeout=15_000)
    farm.stop_api()
    try:
        qtbot.waitUntil(lambda: session.state is FarmState.offline, timeout=20_000)
        assert panel.balance.text() == "Offline" and panel.retry_button.isVisible()
        assert "Cannot reach" in panel.status.text() and "keep working" in panel.status.text()
        assert not window.farm_ui.render_action.isEnabled()
        document = window.document
        document.push(EditSceneCommand(document, "kite", title="The kite, offline"))
        window.studio.writer.flush(10)
        assert window.studio.store.load(document.project_id).scenes[0].title == "The kite, offline"
    finally:
        farm.start_api()
    qtbot.waitUntil(lambda: session.state is FarmState.online, timeout=20_000)
    qtbot.waitUntil(lambda: panel.balance.text() == "100 credits", timeout=10_000)
    qtbot.waitUntil(lambda: session.stream_live, timeout=15_000)


def test_when_the_stream_drops_the_queue_and_notifications_are_polled(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, panel, session = farm_window, farm_window.farm_ui.panel, farm_window.farm
    email, token = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    qtbot.waitUntil(lambda: session.stream_live, timeout=15_000)

    def blocked(*_args: object, **_kwargs: object) -> Iterator[Notification]:
        raise FarmUnreachable("The farm's notification stream stopped: the connection broke off.")
        yield  # a generator, as the real stream is

    # From here on, every stream the app opens breaks off at once, as behind a proxy that does not
    # pass event streams, while the farm's other answers come through.
    monkeypatch.setattr(FarmClient, "notification_stream", blocked)
    session._stop_stream()
    session._start_stream()
    qtbot.waitUntil(lambda: "checking every few seconds" in panel.status.text(), timeout=20_000)
    assert not session.stream_live
    # A render submitted elsewhere (the farm's site, another machine) still shows up here.
    with farm.api(token) as api:
        project = api.post("/projects", json={"name": "From elsewhere"}).json()["id"]
        spec = two_scene_film("From elsewhere").model_dump_json()
        version = api.post(f"/projects/{project}/versions", content=spec, headers={"Content-Type": "application/json"})
        number = version.json()["number"]
        submitted = api.post(
            f"/projects/{project}/versions/{number}/renders", headers={"Idempotency-Key": uuid.uuid4().hex}, json={}
        )
        assert submitted.status_code == 201, submitted.text
    qtbot.waitUntil(lambda: panel.tabs.tabText(2) == "Notifications (1)", timeout=WAIT)
    qtbot.waitUntil(lambda: [j.film_title for j in panel.queue_model.jobs] == ["From elsewhere"], timeout=15_000)
    assert not session.stream_live
