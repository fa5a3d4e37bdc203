"""Screenshots of the main window with a six-scene project, light and dark, for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from aistudio_desktop.widgets.theme import apply_theme

SHOTS = Path(os.environ.get("AISTUDIO_SCREENSHOTS", "/tmp/desktop"))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_main_window_screenshot_shows_every_scene_card(qtbot, window, theme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    window.storyboard.select_scenes(["forest-path"])
    pictures = window.studio.pictures
    model = window.storyboard_model
    for row in range(model.rowCount()):  # ask for every picture, then wait for the workers
        model.data(model.index(row), 0x0100 + 5)
        model.data(model.index(row), 0x0100 + 6)
    qtbot.waitUntil(lambda: pictures.busy == 0, timeout=30_000)
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"main-window-{theme}.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000
    apply_theme(app, "light")
