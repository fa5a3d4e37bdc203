"""File > AI Providers: choices saved in settings, the key in the OS keyring, new films made with
the chosen service (a local server speaking the OpenAI protocol)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pytest
from memory_keyring import MemoryKeyring
from PySide6.QtCore import QSettings

from aistudio_desktop.settings import load_provider_settings
from aistudio_desktop.studio import default_providers
from aistudio_desktop.widgets.provider_settings import ProviderSettingsDialog
from render_farm.ai.http import HttpStoryWriter
from render_farm.ai.protocols import BreakdownRequest
from render_farm.ai.registry import KEY_SERVICE
from render_farm.film import Style

sys.path.insert(0, str(Path(__file__).parents[2] / "ai"))
from openai_server import OpenAIServer  # the protocol server the provider tests use

FAKE_KEY = "sk-test-not-a-real-key-123"


@pytest.fixture
def openai_server() -> Iterator[OpenAIServer]:
    server = OpenAIServer().start()
    yield server
    server.stop()


def test_choosing_a_service_saves_it_and_new_films_are_written_by_it(
    qtbot: Any, window: Any, os_keyring: MemoryKeyring, openai_server: OpenAIServer
) -> None:
    dialog = window.provider_settings()
    assert not dialog.service.isEnabled()  # nothing uses the service yet
    dialog.choices["writer"].setCurrentIndex(dialog.choices["writer"].findData("http"))
    assert dialog.service.isEnabled()
    dialog.fields["base_url"].setText(openai_server.url)
    dialog.fields["chat_model"].setText("llama3.1")
    dialog.key.setText(FAKE_KEY)
    dialog.accept()
    assert dialog.result() == ProviderSettingsDialog.DialogCode.Accepted

    settings_file = Path(window.settings.fileName()).read_text()
    assert openai_server.url in settings_file and "http" in settings_file
    assert FAKE_KEY not in settings_file  # the key went to the keyring, never to the file
    assert os_keyring.entries[("aistudio", KEY_SERVICE)] == FAKE_KEY

    providers = default_providers()  # what the new-film flow builds, on its worker thread
    assert isinstance(providers.writer, HttpStoryWriter)
    assert not isinstance(providers.designer, HttpStoryWriter)
    film = providers.writer.breakdown(BreakdownRequest(prompt="a robot learns to dance", style=Style.comic, length=30))
    assert film.scenes and film.cast
    request = openai_server.requests[-1]
    assert request.path == "/v1/chat/completions"
    assert request.headers.get("Authorization") == f"Bearer {FAKE_KEY}"
    assert request.body["model"] == "llama3.1"


def test_a_wrong_address_is_named_and_nothing_is_saved(
    qtbot: Any, window: Any, os_keyring: MemoryKeyring, settings: QSettings
) -> None:
    dialog = window.provider_settings()
    dialog.choices["voice"].setCurrentIndex(dialog.choices["voice"].findData("http"))
    dialog.fields["base_url"].setText("localhost:11434")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != ProviderSettingsDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog) and "Service URL" in dialog.error.text()
    settings.sync()
    assert load_provider_settings(settings).voice == "builtin"


def test_without_a_keyring_the_dialog_says_how_to_give_the_key(
    qtbot: Any, window: Any, os_keyring: MemoryKeyring, openai_server: OpenAIServer
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    dialog = window.provider_settings()
    assert "AISTUDIO_API_KEY" in dialog.key_note.text()  # where the key can come from instead
    dialog.choices["writer"].setCurrentIndex(dialog.choices["writer"].findData("http"))
    dialog.fields["base_url"].setText(openai_server.url)
    dialog.key.setText(FAKE_KEY)
    dialog.accept()
    assert dialog.isVisible() and "no usable keyring" in dialog.error.text()
    assert FAKE_KEY not in Path(window.settings.fileName()).read_text()
