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


SAVE_DIALOG = r"""
import json, os, sys
from datetime import datetime
from pathlib import Path

from aistudio_desktop import main_window  # the app's modules load first, as when it starts
from aistudio_desktop.app import readable_dates

readable_dates(os.environ)
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

app = QApplication([])
folder = Path(sys.argv[1])
film = folder / "The Kite.mp4"
film.write_bytes(b"a film")
moment = datetime(2026, 12, 2, 14, 5).timestamp()
os.utime(film, (moment, moment))
dialog = QFileDialog(None, "Save the film", str(folder))
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog, as on a desktop with no portal
dialog.show()
model = dialog.findChild(QFileSystemModel)
timer = QElapsedTimer()
timer.start()
while not model.index(str(film)).isValid() and timer.elapsed() < 10_000:
    app.processEvents()
print(json.dumps({"modified": model.index(str(film)).siblingAtColumn(3).data()}))
"""


def _modified_column(tmp_path: Path, **locale: str) -> str:
    """The Date Modified column of a save dialog, for a film changed on 2 December 2026 at 14:05."""
    import json

    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    env.update(locale, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run(
        [sys.executable, "-c", SAVE_DIALOG, str(tmp_path)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return str(json.loads(done.stdout.strip().splitlines()[-1])["modified"])


def test_file_dialog_dates_read_as_dates_where_no_locale_is_chosen(tmp_path: Path) -> None:
    assert _modified_column(tmp_path, LANG="C.UTF-8") == "2026-12-02 14:05"  # not "2 12 2026 14:05"
    assert _modified_column(tmp_path, LC_ALL="C") == "2026-12-02 14:05"
    assert _modified_column(tmp_path) == "2026-12-02 14:05"


def test_file_dialog_dates_follow_the_locale_the_user_chose(tmp_path: Path) -> None:
    assert _modified_column(tmp_path, LANG="en_GB.UTF-8") == "02/12/2026 14:05"
    assert _modified_column(tmp_path, LANG="C.UTF-8", LC_TIME="de_DE.UTF-8") == "02.12.26 14:05"
