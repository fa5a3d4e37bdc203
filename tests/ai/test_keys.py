"""API keys: environment first, then the OS keyring; no keyring means a clear error, never a file."""

from __future__ import annotations

import io
from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

from render_farm.ai.keys import KEYRING_SERVICE, KeyStoreError, delete_api_key, get_api_key, set_api_key


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps passwords in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("no such password") from None


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv("AISTUDIO_API_KEY", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("AISTUDIO_API_KEY", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_the_environment_variable_wins_over_the_keyring(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_api_key("openai-compatible", "sk-from-keyring")
    monkeypatch.setenv("AISTUDIO_API_KEY", "sk-from-env")
    assert get_api_key("openai-compatible") == "sk-from-env"
    monkeypatch.setenv("MY_KEY", "sk-other")
    assert get_api_key("openai-compatible", env_var="MY_KEY") == "sk-other"


def test_set_get_delete_round_trip_through_the_keyring(memory_keyring: MemoryKeyring) -> None:
    assert get_api_key("openai-compatible") is None
    set_api_key("openai-compatible", "  sk-stored  ")
    assert memory_keyring.passwords == {(KEYRING_SERVICE, "openai-compatible"): "sk-stored"}
    assert get_api_key("openai-compatible") == "sk-stored"
    assert get_api_key("another-service") is None
    assert delete_api_key("openai-compatible") is True
    assert get_api_key("openai-compatible") is None
    assert delete_api_key("openai-compatible") is False


def test_an_empty_key_is_not_stored(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ValueError):
        set_api_key("openai-compatible", "   ")
    assert memory_keyring.passwords == {}


def test_without_a_keyring_every_operation_explains_the_environment_variable(
    no_keyring: None, tmp_path: object
) -> None:
    for action in (
        lambda: get_api_key("openai-compatible"),
        lambda: set_api_key("openai-compatible", "sk-x"),
        lambda: delete_api_key("openai-compatible"),
    ):
        with pytest.raises(KeyStoreError) as caught:
            action()
        message = str(caught.value)
        assert "AISTUDIO_API_KEY" in message and "keyring" in message
        assert "sk-x" not in message


def test_without_a_keyring_the_environment_variable_still_works(
    no_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AISTUDIO_API_KEY", "sk-env")
    assert get_api_key("openai-compatible") == "sk-env"


def test_the_key_command_stores_reports_and_removes_the_key(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from render_farm.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("sk-typed\n"))
    assert main(["key", "set"]) == 0
    assert get_api_key("openai-compatible") == "sk-typed"
    assert "sk-typed" not in capsys.readouterr().out
    assert main(["key", "status"]) == 0
    assert "is set" in capsys.readouterr().out
    assert main(["key", "delete"]) == 0
    assert get_api_key("openai-compatible") is None
    assert main(["key", "status"]) == 0
    assert "No API key" in capsys.readouterr().out


def test_the_key_command_without_a_keyring_is_a_one_line_error(
    no_keyring: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from render_farm.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("sk-typed\n"))
    assert main(["key", "set"]) != 0
    error = capsys.readouterr().err
    assert "AISTUDIO_API_KEY" in error and "Traceback" not in error and error.count("\n") == 1
