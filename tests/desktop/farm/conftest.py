"""Fixtures for the desktop's farm tests: one embedded farm (API, database, workers) shared by every
test of the folder, and the main window on a two-scene film, ready to sign in to it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from farm_server import LiveFarm, live_farm
from farm_steps import two_scene_film
from memory_keyring import MemoryKeyring
from PySide6.QtCore import QSettings

from aistudio_desktop.farm.session import FarmSession
from aistudio_desktop.main_window import MainWindow


@pytest.fixture(scope="package")
def farm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveFarm]:
    with live_farm(tmp_path_factory.mktemp("farm")) as running:
        yield running


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
