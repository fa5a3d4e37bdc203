"""The desktop's settings: an INI file in the user's config folder (QSettings), and the AI
providers chosen in it.

The file holds the theme, the window layout, the render cache's cap, the farm's address and the
provider choices (group ``providers``). Secrets never go here: the service's API key lives in the
OS keyring (``render_farm.ai.keys``) or an environment variable, the farm's tokens in the keyring.
Environment variables (``AISTUDIO_WRITER=http``, ...) fill in whatever the settings leave unset,
so a machine configured for the command line works in the app too. No widgets here: reading the
settings loads no dialog.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs
from pydantic import ValidationError
from PySide6.QtCore import QSettings

from render_farm.ai.registry import ProviderSettings

CONFIG_DIR_ENV = "AISTUDIO_CONFIG_DIR"
PROVIDERS_GROUP = "providers"
# The service's settings other than the choice of provider, with the names the app shows them by
SERVICE_FIELDS = (
    ("base_url", "Service URL"),
    ("chat_model", "Chat model (story)"),
    ("image_model", "Image model (characters)"),
    ("speech_model", "Speech model (voices)"),
)


class ProviderSettingsError(ValueError):
    """A setting that cannot be used; the message names it."""


def config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_config_dir("aistudio", appauthor=False))


def app_settings() -> QSettings:
    """The app's settings file (``$AISTUDIO_CONFIG_DIR/desktop.ini`` when that is set)."""
    path = config_dir() / "desktop.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def load_provider_settings(
    settings: QSettings | None = None, environ: dict[str, str] | None = None
) -> ProviderSettings:
    """The saved choices, over the environment's, over the defaults."""
    chosen = ProviderSettings.from_env(environ)
    store = settings if settings is not None else app_settings()
    for name in ProviderSettings.model_fields:
        value = store.value(f"{PROVIDERS_GROUP}/{name}")
        if not isinstance(value, str) or not value:
            continue
        try:  # a value edited by hand into something unusable is skipped, not a crash
            chosen = ProviderSettings.model_validate({**chosen.model_dump(), name: value})
        except ValidationError:
            continue
    return chosen


def check_provider_settings(chosen: ProviderSettings) -> None:
    """Refuse settings the providers could not work with, naming the field."""
    if "http" in (chosen.writer, chosen.designer, chosen.voice):
        parts = urlsplit(chosen.base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ProviderSettingsError(
                f"Service URL: {chosen.base_url!r} is not an http:// or https:// address "
                "(for example http://localhost:11434/v1)"
            )
        for name, label in SERVICE_FIELDS[1:]:
            if not getattr(chosen, name).strip():
                raise ProviderSettingsError(f"{label}: name the model the service should use")


def save_provider_settings(chosen: ProviderSettings, settings: QSettings | None = None) -> None:
    check_provider_settings(chosen)
    store = settings if settings is not None else app_settings()
    for name in ProviderSettings.model_fields:
        store.setValue(f"{PROVIDERS_GROUP}/{name}", str(getattr(chosen, name)).strip())
    store.sync()
