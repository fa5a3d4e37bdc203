"""What a user does with the app against the embedded farm, as steps the farm tests share: sign in,
open the estimate, hold and step the farm's workers, read the farm's own ledger."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from farm_server import PASSWORD, LiveFarm
from PySide6.QtCore import Qt

from aistudio_desktop.farm.client import RenderJob
from aistudio_desktop.farm.dialogs import RenderDialog, SignInDialog
from aistudio_desktop.farm.session import FarmState
from aistudio_desktop.main_window import MainWindow
from render_farm.film import CastMember, DialogueLine, Film, Place, Scene, Setting
from render_farm.server import security

WAIT = 90_000


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


def access_token_issued(farm: LiveFarm, token: str, ago: timedelta) -> str:
    """A one-minute access token of the farm for the user of ``token``, issued ``ago`` before now."""
    key = farm.settings.jwt_signing_key
    claims = security.decode_access_token(token, key)
    return security.create_access_token(claims.user_id, claims.token_version, key, 1, now=security.utcnow() - ago)
