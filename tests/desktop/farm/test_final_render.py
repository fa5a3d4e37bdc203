"""Final renders from the app on a real embedded farm: the estimate, a render with live progress in
the Render Queue, download and decode, double submits, a poor account, a submit the farm never
answered, and a cancel that gives the credits back."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import av
from farm_server import LiveFarm
from farm_steps import WAIT, farm_ledger, open_estimate, sign_in, step_until_partly_done, token_of, workers_held
from memory_keyring import MemoryKeyring
from PySide6.QtCore import QSettings, Qt

from aistudio_desktop.farm.client import RenderJob
from aistudio_desktop.farm.renders import PreparedRender
from aistudio_desktop.farm.tokens import KEYRING_SERVICE, Tokens
from aistudio_desktop.main_window import MainWindow


def test_sign_up_estimate_render_progress_download_and_ledger(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm, os_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    window, panel = farm_window, farm_window.farm_ui.panel
    assert panel.balance.text() == "Not signed in"
    email = f"maker-{uuid.uuid4().hex[:8]}@example.com"
    sign_in(qtbot, window, farm, email, create=True)
    qtbot.waitUntil(lambda: panel.balance.text() == "100 credits", timeout=10_000)
    assert email in panel.status.text()
    assert window.settings.value("farm/url") == farm.url
    kept = Tokens.from_json(os_keyring.entries[(KEYRING_SERVICE, farm.url)])
    assert kept is not None and kept.email == email  # in the keyring, not in the settings file
    assert "token" not in Path(window.settings.fileName()).read_text()

    dialog = open_estimate(qtbot, window)
    assert "2 scenes × 20 credits + 50 for the final video = <b>90 credits</b>" in dialog.cost.text()
    assert "Your balance: 100 credits → 10 after this render" in dialog.cost.text()
    assert dialog.submit_button.isEnabled() and not dialog.shortfall.isVisible()

    seen: list[RenderJob] = []
    window.farm.jobsChanged.connect(lambda jobs: seen.extend(jobs))
    with workers_held(farm):  # scenes render in a blink here: step the workers to catch them mid-way
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 1, timeout=20_000)
        assert window.farm_ui.dock.isVisible()
        step_until_partly_done(qtbot, farm, seen)
    qtbot.waitUntil(lambda: panel.current_job() is not None and panel.current_job().state == "success", timeout=WAIT)
    job = panel.current_job()
    assert job is not None and job.download_ready and len(job.scenes) == 2
    assert any(0 < s.progress < 1 for s in seen), "no progress between start and end was shown"
    assert panel.queue_model.data(panel.queue_model.index(0, 1)) == "Finished"
    assert "Scene 1 done · Scene 2 done · Final video done" in panel.detail.text()

    # The balance and ledger shown are the farm's.
    token = token_of(window)
    with farm.api(token) as api:
        balance = api.get("/billing/balance").json()["credits"]
    assert balance == 10
    qtbot.waitUntil(lambda: panel.balance.text() == "10 credits", timeout=10_000)
    shown = lambda: [(e.kind, e.delta, e.balance_after) for e in panel.ledger_model.entries]  # noqa: E731
    qtbot.waitUntil(lambda: shown() == farm_ledger(farm, token), timeout=10_000)
    assert panel.ledger_model.data(panel.ledger_model.index(len(shown()) - 1, 1)) == "Welcome credits"

    # The render's notification arrives; it can be marked read.
    qtbot.waitUntil(lambda: panel.tabs.tabText(2) == "Notifications (1)", timeout=15_000)
    assert panel.notes_model.items[0].kind == "render_finished"
    qtbot.mouseClick(panel.mark_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.tabs.tabText(2) == "Notifications", timeout=10_000)

    # Download with a progress bar, then decode both streams.
    path = tmp_path / "The Kite.mp4"
    progress: list[tuple[int, int]] = []
    window.farm.renders.downloadProgress.connect(lambda _j, done, total: progress.append((done, total)))
    with qtbot.waitSignal(window.farm.renders.downloadFinished, timeout=30_000) as finished:
        panel.download(path)
    assert finished.args == [job.id, str(path), ""]
    assert progress and progress[-1][0] == progress[-1][1] == path.stat().st_size
    assert panel.open_button.isEnabled()
    with av.open(str(path)) as container:
        assert container.streams.video and container.streams.audio
        frames = sum(1 for _ in container.decode(video=0))
        container.seek(0)
        samples = sum(frame.samples for frame in container.decode(audio=0))
    assert frames > 80 and samples > 48_000 * 5
    assert not list(tmp_path.glob("*.partial"))


def test_double_submit_is_one_render_and_one_charge(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm, settings: QSettings
) -> None:
    window = farm_window
    email, _ = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    dialog = open_estimate(qtbot, window)
    prepared = dialog.prepared_render
    assert isinstance(prepared, PreparedRender)
    answers: list[str] = []
    window.farm.renders.submitFinished.connect(lambda job, _t, _s: answers.append(job.id if job else "none"))
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)  # a double click
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    window.farm.renders.submit(prepared)  # and a retry while the first answer is on its way
    on_disk = QSettings(settings.fileName(), QSettings.Format.IniFormat)  # what a crash would leave
    pending = [k for k in on_disk.allKeys() if k.startswith("farm/pending/")]
    assert len(pending) == 1 and json.loads(str(on_disk.value(pending[0])))["version"] == prepared.version
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=20_000)
    assert answers[0] == answers[1] != "none"
    token = token_of(window)
    with farm.api(token) as api:
        jobs = api.get(f"/projects/{prepared.project_id}/renders").json()
    assert [job["id"] for job in jobs] == [answers[0]]
    assert [kind for kind, _d, _b in farm_ledger(farm, token)].count("reserve") == 1
    on_disk.sync()
    assert not [k for k in on_disk.allKeys() if k.startswith("farm/pending/")]


def test_short_account_sees_the_shortfall(qtbot: Any, farm_window: MainWindow, farm: LiveFarm) -> None:
    window = farm_window
    email, token = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    dialog = open_estimate(qtbot, window)
    assert dialog.submit_button.isEnabled()
    prepared = dialog.prepared_render
    assert prepared is not None
    # Meanwhile another render on the same account spends most of the credits.
    with farm.api(token) as api:
        spent = api.post(
            f"/projects/{prepared.project_id}/versions/{prepared.version}/renders",
            headers={"Idempotency-Key": uuid.uuid4().hex},
            json={},
        )
        assert spent.status_code == 201
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.shortfall.isVisible, timeout=20_000)
    assert dialog.shortfall.text() == (
        "Not enough credits: this render needs 80 more than your balance. Buy credits, then submit."
    )
    assert not dialog.submit_button.isEnabled() and dialog.isVisible() and dialog.buy_button.isVisible()
    assert dialog.missing() == 80
    dialog.reject()
    # The estimate says so before submitting, too.
    again = open_estimate(qtbot, window)
    assert again.prepared_render is not None and again.prepared_render.version == prepared.version  # not uploaded again
    assert again.shortfall.text() == "You need 80 more credits to submit this render: buy credits, then submit."
    assert not again.submit_button.isEnabled() and again.buy_button.isVisible()
    again.reject()


def test_a_submit_the_farm_never_answered_is_sent_again_with_its_key(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm, settings: QSettings
) -> None:
    window, session = farm_window, farm_window.farm
    email, _ = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    dialog = open_estimate(qtbot, window)
    prepared = dialog.prepared_render
    assert prepared is not None
    farm.stop_api()
    try:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.shortfall.isVisible, timeout=20_000)
        said = dialog.shortfall.text()
        assert f"Cannot reach the farm at {farm.url}: nothing answers" in said and "charged once" in said
        on_disk = QSettings(settings.fileName(), QSettings.Format.IniFormat)
        pending = [k for k in on_disk.allKeys() if k.startswith("farm/pending/")]
        assert len(pending) == 1
        key = json.loads(str(on_disk.value(pending[0])))["key"]
        dialog.reject()
    finally:
        farm.start_api()
    with qtbot.waitSignal(session.renders.submitFinished, timeout=20_000) as answered:
        pass  # back online, the app sends the waiting submission by itself
    job = answered.args[0]
    assert isinstance(job, RenderJob)
    token = token_of(window)
    with farm.api(token) as api:
        jobs = api.get(f"/projects/{prepared.project_id}/renders").json()
        replay = api.post(
            f"/projects/{prepared.project_id}/versions/{prepared.version}/renders",
            headers={"Idempotency-Key": key},
            json={"expected_credits": prepared.estimate.total},
        )
    assert [item["id"] for item in jobs] == [job.id]
    assert replay.headers.get("Idempotent-Replayed") == "true" and replay.json()["id"] == job.id
    assert [kind for kind, _d, _b in farm_ledger(farm, token)].count("reserve") == 1
    qtbot.waitUntil(lambda: window.farm_ui.panel.queue_model.rowCount() == 1, timeout=10_000)


def test_cancel_gives_the_credits_back(qtbot: Any, farm_window: MainWindow, farm: LiveFarm) -> None:
    window, panel = farm_window, farm_window.farm_ui.panel
    email, token = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    dialog = open_estimate(qtbot, window)
    with workers_held(farm):  # so the render cannot finish before the click lands
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.cancel_button.isEnabled(), timeout=20_000)
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: panel.current_job() is not None and panel.current_job().state == "canceled", timeout=20_000
        )
    qtbot.waitUntil(lambda: panel.balance.text() == "100 credits", timeout=10_000)
    assert not panel.cancel_button.isEnabled() and not panel.download_button.isEnabled()
    assert [kind for kind, _d, _b in farm_ledger(farm, token)][:2] == ["release", "reserve"]
