"""Signing in to the farm from the app: the Farm menu's shortcuts, a wrong password, an expired access
token renewed without asking, sign-out and a restart that remembers, and a system whose keyring
is missing or refuses."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from farm_server import PASSWORD, LiveFarm
from farm_steps import access_token_issued, sign_in
from memory_keyring import MemoryKeyring
from PySide6.QtCore import QSettings, Qt

from aistudio_desktop.farm.client import FarmClient
from aistudio_desktop.farm.session import FarmSession, FarmState
from aistudio_desktop.farm.tokens import KeyringTokens, Tokens
from aistudio_desktop.main_window import MainWindow


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


def test_expired_access_token_is_renewed_without_asking(qtbot: Any, farm_window: MainWindow, farm: LiveFarm) -> None:
    window, session = farm_window, farm_window.farm
    email, _ = farm.sign_up()
    sign_in(qtbot, window, farm, email, create=False)
    client = session.client
    assert client is not None and client.tokens is not None
    expired = access_token_issued(farm, client.tokens.access_token, timedelta(minutes=10))
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
