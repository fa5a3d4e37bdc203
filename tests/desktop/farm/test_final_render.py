"""The desktop app against a real embedded farm: sign up and in, credits, the estimate, a final
render with live progress in the Render Queue, download and decode, double submits, a poor
account, the farm going away, an expired access token, and a system without a keyring."""

from __future__ import annotations

import json
import os
import signal
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import av
import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from farm_server import PASSWORD, LiveFarm, live_farm
from memory_keyring import MemoryKeyring
from PySide6.QtCore import QSettings, Qt

from aistudio_desktop.farm.client import FarmClient, RenderJob
from aistudio_desktop.farm.dialogs import RenderDialog, SignInDialog
from aistudio_desktop.farm.renders import PreparedRender
from aistudio_desktop.farm.session import FarmSession, FarmState
from aistudio_desktop.farm.tokens import KEYRING_SERVICE, KeyringTokens, Tokens
from aistudio_desktop.main_window import MainWindow
from render_farm.film import CastMember, DialogueLine, Film, Place, Scene, Setting
from render_farm.server import security

WAIT = 90_000


@pytest.fixture(scope="module")
def farm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveFarm]:
    with live_farm(tmp_path_factory.mktemp("farm")) as running:
        yield running


@pytest.fixture
def os_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def two_scene_film(title: str = "The Kite") -> Film:
    from render_farm.ai.offline.designer import OfflineDesigner

    scenes = [
        Scene(id="kite", number=1, title="A lost kite", duration=3.0, cast=["pip"],
              setting=Setting(place=Place.meadow), dialogue=[DialogueLine(speaker="pip", text="A kite!")]),
        Scene(id="home", number=2, title="Home", duration=3.0, cast=["pip"],
              setting=Setting(place=Place.village), dialogue=[DialogueLine(speaker="pip", text="Here you are.")]),
    ]  # fmt: skip
    film = Film(title=title, cast=[CastMember(id="pip", name="Pip", description="a small orange fox")], scenes=scenes)
    return OfflineDesigner().design(film)


@pytest.fixture
def farm_window(
    qtbot: Any, studio: Any, settings: QSettings, os_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    monkeypatch.setattr(FarmSession, "poll_ms", 250)  # follow progress closely: these renders take seconds
    monkeypatch.setattr(FarmSession, "offline_retry_ms", 300)  # and come back quickly after the farm does
    studio.new_project(two_scene_film())
    window = MainWindow(studio, settings)
    qtbot.addWidget(window)
    window.resize(1360, 820)
    window.show()
    qtbot.waitExposed(window)
    return window


def _signal_workers(farm: LiveFarm, signum: int) -> None:
    for process in farm.workers:  # each worker leads its own process group (its pool children too)
        os.killpg(process.pid, signum)


@contextmanager
def workers_held(farm: LiveFarm) -> Iterator[None]:
    """The farm's worker processes stopped (SIGSTOP) for the block, except while stepped."""
    _signal_workers(farm, signal.SIGSTOP)
    try:
        yield
    finally:
        _signal_workers(farm, signal.SIGCONT)


def step_until_partly_done(qtbot: Any, farm: LiveFarm, seen: list[RenderJob]) -> None:
    """Let held workers run in short steps until the app has shown a render partly done."""
    for _ in range(400):
        _signal_workers(farm, signal.SIGCONT)
        time.sleep(0.03)
        _signal_workers(farm, signal.SIGSTOP)
        qtbot.wait(300)  # a poll or two of the app's (250 ms while a render is active)
        if any(0 < job.progress < 1 for job in seen):
            return
        assert not any(job.progress >= 1 for job in seen), "the render finished within one step"


def sign_in(qtbot: Any, window: MainWindow, farm: LiveFarm, email: str, *, create: bool) -> SignInDialog:
    dialog = window.farm_ui.sign_in()
    dialog.url.clear()
    qtbot.keyClicks(dialog.url, farm.url)
    qtbot.keyClicks(dialog.email, email)
    qtbot.keyClicks(dialog.password, PASSWORD)
    if create:
        dialog.create_account.setChecked(True)
        qtbot.keyClicks(dialog.name, "Test Maker")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.farm.state is FarmState.online, timeout=20_000)
    return dialog


def open_estimate(qtbot: Any, window: MainWindow) -> RenderDialog:
    dialog = window.farm_ui.render_film()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.prepared_render is not None, timeout=20_000)
    return dialog


def farm_ledger(farm: LiveFarm, token: str) -> list[tuple[str, int, int]]:
    with farm.api(token) as api:
        items = api.get("/billing/ledger").json()["items"]
    return [(item["kind"], item["delta"], item["balance_after"]) for item in items]


def token_of(window: MainWindow) -> str:
    assert window.farm.client is not None and window.farm.client.tokens is not None
    return window.farm.client.tokens.access_token


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
    assert dialog.shortfall.text() == "Not enough credits: this render needs 80 more than your balance."
    assert not dialog.submit_button.isEnabled() and dialog.isVisible()
    dialog.reject()
    # The estimate says so before submitting, too.
    again = open_estimate(qtbot, window)
    assert again.prepared_render is not None and again.prepared_render.version == prepared.version  # not uploaded again
    assert again.shortfall.text() == "You need 80 more credits to submit this render."
    assert not again.submit_button.isEnabled()
    again.reject()


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


def test_expired_access_token_is_renewed_without_asking(qtbot: Any, farm_window: MainWindow, farm: LiveFarm) -> None:
    window, session = farm_window, farm_window.farm
    email, _ = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    client = session.client
    assert client is not None and client.tokens is not None
    claims = security.decode_access_token(client.tokens.access_token, farm.settings.jwt_signing_key)
    expired = security.create_access_token(
        claims.user_id, claims.token_version, farm.settings.jwt_signing_key, 1,
        now=security.utcnow() - timedelta(minutes=10),
    )  # fmt: skip
    old = client.tokens
    # The app believes it still has time: the farm's 401 makes it renew and repeat the call.
    client.use_tokens(Tokens(email, expired, old.refresh_token, time.time() + 600))
    with qtbot.waitSignal(session.accountChanged, timeout=10_000) as changed:
        session.refresh()
    assert changed.args[0].email == email and session.state is FarmState.online
    renewed = client.tokens
    assert renewed is not None and renewed.refresh_token != old.refresh_token
    # And where it knows the token has expired, it renews before asking.
    client.use_tokens(Tokens(email, expired, renewed.refresh_token, time.time() - 1))
    with qtbot.waitSignal(session.accountChanged, timeout=10_000):
        session.refresh()
    assert client.tokens is not None and client.tokens.access_token != expired


def test_sign_out_revokes_and_a_restart_remembers_the_sign_in(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm, settings: QSettings
) -> None:
    window = farm_window
    email, _ = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    # A new run of the app signs in from the keyring alone.
    again = FarmSession(settings)
    try:
        with qtbot.waitSignal(again.accountChanged, timeout=10_000) as restored:
            again.restore()
        assert restored.args[0].email == email and again.state is FarmState.online
    finally:
        again.shutdown()
    client = window.farm.client
    assert client is not None and client.tokens is not None
    refresh_token = client.tokens.refresh_token
    window.farm_ui.sign_out_action.trigger()
    assert window.farm.state is FarmState.signed_out
    assert window.farm_ui.panel.balance.text() == "Not signed in"
    assert not window.farm_ui.render_action.isEnabled()
    qtbot.waitUntil(lambda: KeyringTokens().load(farm.url) is None, timeout=10_000)

    def revoked() -> bool:
        with farm.api() as api:
            return api.post("/auth/refresh", json={"refresh_token": refresh_token}).status_code == 401

    qtbot.waitUntil(revoked, timeout=10_000)


def test_without_a_keyring_sign_in_says_so_and_offers_a_session_only_sign_in(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm, settings: QSettings
) -> None:
    window = farm_window
    keyring.set_keyring(keyring.backends.fail.Keyring())
    dialog = window.farm_ui.sign_in()
    assert dialog.keyring_note.isVisible()
    assert "no usable keyring" in dialog.keyring_note.text() and "GNOME Keyring" in dialog.keyring_note.text()
    assert not dialog.ok.isEnabled()  # nothing is stored anywhere without the user's say
    dialog.session_only.setChecked(True)
    assert dialog.ok.isEnabled()
    email, _ = farm.sign_up()
    dialog.url.clear()
    qtbot.keyClicks(dialog.url, farm.url)
    qtbot.keyClicks(dialog.email, email)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.farm.state is FarmState.online, timeout=20_000)
    assert "token" not in Path(settings.fileName()).read_text()
    # The next run finds no sign-in and says why, without a crash.
    again = FarmSession(settings)
    try:
        with qtbot.waitSignal(again.message, timeout=10_000) as said:
            again.restore()
        assert "no usable keyring" in said.args[0] and again.state is FarmState.signed_out
    finally:
        again.shutdown()
    with pytest.raises(Exception, match="no usable keyring"):
        FarmClient(farm.url, KeyringTokens()).tokens  # noqa: B018


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
        assert "cannot be reached" in dialog.shortfall.text() and "charged once" in dialog.shortfall.text()
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


def test_farm_keyboard_shortcuts(qtbot: Any, farm_window: MainWindow) -> None:
    window = farm_window
    window.activateWindow()
    window.farm_ui.dock.hide()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert window.farm_ui.dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.farm_ui.render_dialog is None  # Render Final Film waits for a sign-in
    assert not window.farm_ui.render_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    dialog = window.farm_ui.sign_in_dialog
    assert dialog is not None and dialog.isVisible() and dialog.ok.text() == "Sign In"
    dialog.create_account.setChecked(True)
    assert dialog.ok.text() == "Create Account" and dialog.name.isVisible()
    dialog.reject()


def test_when_the_stream_drops_the_queue_and_notifications_are_polled(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm
) -> None:
    window, panel, session = farm_window, farm_window.farm_ui.panel, farm_window.farm
    session.stream_retry_seconds = 600  # once down, the stream stays down for this test
    email, token = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    qtbot.waitUntil(lambda: session.stream_live, timeout=15_000)
    session._stop_stream()  # start again with an access token the farm ends the stream for in 2 s
    client = session.client
    assert client is not None and client.tokens is not None
    claims = security.decode_access_token(client.tokens.access_token, farm.settings.jwt_signing_key)
    short = security.create_access_token(
        claims.user_id, claims.token_version, farm.settings.jwt_signing_key, 1,
        now=security.utcnow() - timedelta(seconds=58),
    )  # fmt: skip
    client.use_tokens(Tokens(email, short, client.tokens.refresh_token, time.time() + 600))
    session._start_stream()
    qtbot.waitUntil(lambda: session.stream_live, timeout=15_000)
    qtbot.waitUntil(lambda: not session.stream_live, timeout=20_000)
    assert "checking every few seconds" in panel.status.text()
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


def test_a_wrong_password_is_said_in_the_dialog(qtbot: Any, farm_window: MainWindow, farm: LiveFarm) -> None:
    email, _ = farm.sign_up()
    dialog = farm_window.farm_ui.sign_in()
    dialog.url.setText(farm.url)
    dialog.email.setText(email)
    dialog.password.setText("not the password at all")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text() == "Email or password is wrong."
    assert dialog.isVisible() and dialog.ok.isEnabled() and farm_window.farm.state is FarmState.signed_out


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


class LockedKeyring(MemoryKeyring):
    """A keyring that is there but refuses to store anything (locked, or its service is not running)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the keyring is locked")


def test_a_keyring_that_refuses_is_said_and_a_session_only_sign_in_offered(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm
) -> None:
    keyring.set_keyring(LockedKeyring())
    email, _ = farm.sign_up()
    dialog = farm_window.farm_ui.sign_in()
    assert not dialog.keyring_note.isVisible()
    dialog.url.setText(farm.url)
    dialog.email.setText(email)
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.keyring_note.isVisible, timeout=10_000)
    assert "no usable keyring (PasswordSetError)" in dialog.keyring_note.text()
    assert farm_window.farm.state is FarmState.signed_out and not dialog.ok.isEnabled()
    dialog.session_only.setChecked(True)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: farm_window.farm.state is FarmState.online, timeout=10_000)
    assert farm_window.farm.client is not None and not farm_window.farm.client.store.remembers
