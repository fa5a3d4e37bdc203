"""Desktop settings (theme, window layout) in an INI file in the user's config folder (QSettings)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

CONFIG_DIR_ENV = "AISTUDIO_CONFIG_DIR"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_config_dir("aistudio", appauthor=False))


def app_settings() -> QSettings:
    """The app's settings file (``$AISTUDIO_CONFIG_DIR/desktop.ini`` when that is set)."""
    path = config_dir() / "desktop.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)
