"""The Render Queue says whether it follows the farm live, and is right: when the farm refuses the
stream's sign-in, the app renews it and is live again; while the stream is down, the queue and the
notifications really are checked every few seconds."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta
from typing import Any

from farm_server import LiveFarm
from farm_steps import WAIT, access_token_issued, open_estimate, sign_in

from aistudio_desktop.farm.tokens import Tokens
from aistudio_desktop.main_window import MainWindow


def test_after_a_submit_and_a_refused_stream_sign_in_the_queue_is_live_again(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm
) -> None:
    window, panel, session = farm_window, farm_window.farm_ui.panel, farm_window.farm
    email = f"maker-{uuid.uuid4().hex[:8]}@example.com"
    sign_in(qtbot, window, farm, email, create=True)
    qtbot.waitUntil(lambda: "· live" in panel.status.text(), timeout=15_000)
    dialog = open_estimate(qtbot, window)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.job is not None, timeout=20_000)
    qtbot.waitUntil(lambda: session.job(dialog.job.id).state == "success", timeout=WAIT)
    # The farm goes away a moment (the stream stops), and when it is back the access token the app
    # holds has ended on the farm's side although the app thinks it good for minutes.
    client = session.client
    assert client is not None and client.tokens is not None
    ended = access_token_issued(farm, client.tokens.access_token, timedelta(minutes=2))
    client.use_tokens(Tokens(email, ended, client.tokens.refresh_token, time.time() + 600))
    session._stop_stream()
    session._start_stream()
    qtbot.waitUntil(lambda: "checking every few seconds" in panel.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: "· live" in panel.status.text(), timeout=15_000)
    assert session.stream_live
