"""The app as a whole: the self-test entry point, themes, the window layout remembered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from aistudio_desktop.main_window import MainWindow


def test_self_test_exits_zero_offscreen(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    result = subprocess.run(
        [sys.executable, "-m", "aistudio_desktop.app", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "self-test: ok" in result.stdout
    assert "film made and decoded" in result.stdout
    assert "main window, sound playback)" in result.stdout  # QtMultimedia played a tone


def test_about_box_shows_the_installed_version(window) -> None:
    from importlib.metadata import version

    assert f"AI Studio {version('aistudio')}" in window.about_text()


def test_window_layout_and_theme_are_remembered(qtbot, window, studio, settings: QSettings) -> None:
    window.resize(720, 540)
    window.inspector_dock.hide()
    window.set_theme("dark")
    window.close()
    assert settings.value("theme") == "dark"
    again = MainWindow(studio, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.size().width(), again.size().height()) == (720, 540)
    assert not again.inspector_dock.isVisible()
    window.set_theme("light")


def test_a_panel_added_to_the_window_gets_a_dock_and_a_menu_entry(qtbot, window) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    dock = window.add_panel("Timeline", QLabel("timeline"), Qt.DockWidgetArea.BottomDockWidgetArea)
    assert dock.objectName() == "dock-timeline"
    assert dock.toggleViewAction() in window.menus["panels"].actions()
