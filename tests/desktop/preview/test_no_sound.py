"""Where QtMultimedia cannot load (no audio stack), the app plays its preview silently and says so once.

The app runs in a child process in which importing ``PySide6.QtMultimedia`` fails the way it does
on a Linux machine without PulseAudio's client library; everything else is real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from render_farm.film import Film

APP = r"""
import importlib.abc, json, os, sys
from pathlib import Path


class NoAudioStack(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6.QtMultimedia":
            raise ImportError("libpulse.so.0: cannot open shared object file: No such file or directory")
        return None


sys.meta_path.insert(0, NoAudioStack())
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QElapsedTimer, QSettings
from PySide6.QtWidgets import QApplication

from aistudio_desktop.main_window import MainWindow
from aistudio_desktop.preview.renderer import READY
from aistudio_desktop.studio import Studio
from aistudio_desktop.project.store import ProjectStore
from render_farm.ai.offline.espeak import EspeakVoice
from render_farm.film import Film

root = Path(sys.argv[1])
app = QApplication([])
studio = Studio(ProjectStore(root / "data"), voice=EspeakVoice(), cache_dir=root / "cache")
studio.new_project(Film.model_validate_json((root / "film.json").read_text()))
window = MainWindow(studio, QSettings(str(root / "desktop.ini"), QSettings.Format.IniFormat))
window.resize(1360, 820)
window.show()
messages = []
window.statusBar().messageChanged.connect(lambda text: text and messages.append(text))


def wait(condition, seconds):
    timer = QElapsedTimer()
    timer.start()
    while not condition() and timer.elapsed() < seconds * 1000:
        app.processEvents()
    return condition()


timeline = window.timeline
rendered = wait(lambda: all(timeline.previews.state(key) == READY for key in timeline.keys), 90)
for _ in range(2):  # play, pause, play again: the message comes once
    timeline.play()
    wait(lambda: timeline.position > 0.8, 10)
    played_to = timeline.position
    timeline.stop()
    timeline.seek(0.0)
frames = timeline.frames.served
window.gallery.editor.set_member("pip")
window.gallery.editor.play_sample()
wait(lambda: any("voice sample" in m for m in messages), 30)
print(json.dumps({
    "rendered": rendered, "sound": timeline.sound is not None, "player": window.player.available,
    "note": timeline.sound_note.text(), "note_shown": timeline.sound_note.isVisible(),
    "played_to": played_to, "frames": frames, "messages": messages,
}))
window.close()
studio.shutdown()
"""


def test_without_qt_multimedia_the_preview_plays_silently_and_says_so_once(film: Film, tmp_path: Path) -> None:
    data = film.model_dump(mode="json")
    data["scenes"] = data["scenes"][:1]
    data["scenes"][0]["duration"] = 2.0
    data["scenes"][0]["dialogue"] = data["scenes"][0]["dialogue"][:1]
    (tmp_path / "film.json").write_text(json.dumps(data))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parents[3]), *sys.path]))
    result = subprocess.run(
        [sys.executable, "-c", APP, str(tmp_path)], env=env, capture_output=True, text=True, timeout=240, check=False
    )
    assert result.returncode == 0, result.stderr[-4000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["rendered"]  # a rendered preview, whose sound this machine cannot play
    assert not seen["sound"] and not seen["player"]
    assert seen["played_to"] > 0.8 and seen["frames"] > 5  # it plays all the same, picture by picture
    assert "No sound on this computer" in seen["note"] and "libpulse" in seen["note"] and seen["note_shown"]
    told = [m for m in seen["messages"] if m.startswith("No sound on this computer")]
    assert len(told) == 1, seen["messages"]
    sample = next(m for m in seen["messages"] if "voice sample" in m)
    saved = Path(sample.split("Saved the voice sample to ")[1].split(" (open it")[0])
    assert saved.is_file() and saved.suffix == ".wav" and saved.stat().st_size > 10_000
    assert "Traceback" not in result.stderr, result.stderr[-4000:]
