"""Entry point of the desktop app (``aistudio`` with no arguments, ``python -m aistudio_desktop.app``).

``--self-test`` checks an installation without touching the user's projects: in a temporary
folder it makes a short film from a prompt with the built-in providers (story, cast, voices),
renders it at the preview preset and decodes it back, opens the main window offscreen on a tiny
project, makes and autosaves one edit, plays a short tone where QtMultimedia loads, and exits 0
only when all of that worked.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

SELF_TEST_SPEC = """{
  "schema_version": 2,
  "title": "Self-test",
  "cast": [{"id": "pip", "name": "Pip", "description": "a small orange fox with a green scarf"}],
  "scenes": [
    {"id": "hello", "number": 1, "title": "Hello", "duration": 3.0, "cast": ["pip"],
     "setting": {"place": "forest", "time_of_day": "day"},
     "dialogue": [{"speaker": "pip", "text": "Hello, world!", "emotion": "happy"}]}
  ]
}"""


NO_LOCALE = frozenset({"", "C", "POSIX"})
ISO_DATES = "en_SE.UTF-8"  # English words, dates year-month-day (2026-12-02) and a 24-hour clock
_CATEGORIES = ("LC_CTYPE", "LC_NUMERIC", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_PAPER", "LC_NAME",
               "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION")  # fmt: skip


def readable_dates(environ: MutableMapping[str, str]) -> None:
    """Where no locale is chosen for dates (C or POSIX, as on many minimal systems), Qt writes them as
    ``2 12 2026``, file dialogs too; there the app writes them year-month-day (``2026-12-02``) instead.

    Qt reads the locale from the environment when it starts (dates from ``LC_TIME``, unless ``LC_ALL``
    overrides it), so this runs before the application is made. A locale the user chose is kept.
    """

    def name(value: str) -> str:
        return value.split(".", 1)[0].split("@", 1)[0]

    everything = environ.get("LC_ALL", "")
    if everything:
        if name(everything) not in NO_LOCALE:
            return
        del environ["LC_ALL"]  # the same locale for every category, but dates
        for category in _CATEGORIES:
            environ[category] = everything
        environ["LANG"] = everything
    dates = environ.get("LC_TIME") or environ.get("LANG", "")
    if name(dates) in NO_LOCALE:
        environ["LC_TIME"] = ISO_DATES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aistudio", description="AI Studio desktop app")
    parser.add_argument("--self-test", action="store_true", help="check the installation offscreen and exit")
    return parser


SELF_TEST_SECONDS = "15 s"
SELF_TEST_PROMPT = "a small fox finds a lost kite and returns it to its owner"


def _self_test_film(root: Path) -> str:
    """Make, render and decode a 15 s film with the built-in providers; '' when it is sound, else why not."""
    import av

    from render_farm.ai.protocols import BreakdownRequest
    from render_farm.ai.registry import ProviderSettings, make_providers
    from render_farm.engine.film import render_film
    from render_farm.engine.presets import preset

    providers = make_providers(ProviderSettings())  # the built-in ones, whatever the environment says
    film = providers.writer.breakdown(BreakdownRequest(SELF_TEST_PROMPT, length=15.0))
    film = providers.designer.design(film, assets_dir=root / "assets")
    out = root / "self-test.mp4"
    render_film(film, out, preset("preview"), providers.voice, cache_dir=root / "renders", assets_dir=root / "assets")
    with av.open(str(out)) as container:
        if not container.streams.video or not container.streams.audio:
            return "the film has no picture or no sound"
        video = container.streams.video[0]
        frames = sum(1 for _ in container.decode(video))
        container.seek(0)
        sound = sum(frame.samples for frame in container.decode(audio=0))
    expected = film.duration * 15
    if abs(frames - expected) > 3:
        return f"the film decodes to {frames} frames, not about {expected:.0f}"
    if sound < film.duration * 48_000 * 0.9:
        return f"the film's sound is too short ({sound / 48_000:.1f} s of {film.duration:.1f} s)"
    return ""


def _signals_keep_references() -> str:
    """'' when emitting a Qt signal leaves Python's reference counts alone (PySide6 6.12.0 does not)."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal(float)

    probe = Probe()
    before = sys.getrefcount(True)
    for _ in range(200):
        probe.ping.emit(1.0)
    if sys.getrefcount(True) < before - 100:
        from PySide6 import __version__

        return f"PySide6 {__version__} loses references when signals are emitted; install another version"
    return ""


def _sound_plays(root: Path) -> tuple[bool, str]:
    """(ok, what to say): a short tone played through QtMultimedia must advance. Where QtMultimedia
    cannot load the app plays silently, which is no failure; loading but not playing is (a bundle
    without its FFmpeg plugin, say)."""
    import numpy as np
    from PySide6.QtCore import QElapsedTimer, QUrl
    from PySide6.QtWidgets import QApplication

    from aistudio_desktop.preview.sound import multimedia, sound_problem
    from render_farm.engine.audio import write_wav

    module = multimedia()
    if module is None:
        return True, f"no sound playback here: {sound_problem()}"
    tone = root / "tone.wav"
    write_wav(tone, 0.2 * np.sin(np.arange(24_000) * (2 * np.pi * 440 / 48_000)), 48_000)
    player, output = module.QMediaPlayer(), module.QAudioOutput()
    player.setAudioOutput(output)
    errors: list[str] = []
    player.errorOccurred.connect(lambda _error, text: errors.append(text))
    player.setSource(QUrl.fromLocalFile(str(tone)))
    player.play()
    timer = QElapsedTimer()
    timer.start()
    while player.position() < 100 and not errors and timer.elapsed() < 5_000:
        QApplication.processEvents()
    played = player.position()
    player.stop()
    if played < 100:
        return False, f"QtMultimedia loaded but did not play a sound ({'; '.join(errors) or 'it never started'})"
    return True, "sound playback"


def dress(app: QApplication, theme: str) -> None:
    """Give ``app`` its icon and ``theme``, both read from the product's resources."""
    from PySide6.QtGui import QIcon, QPixmap

    from aistudio_desktop.widgets.theme import apply_theme
    from render_farm import resources

    icon = QPixmap()
    if not icon.loadFromData(resources.read_bytes("icons/aistudio.png")):
        raise OSError("the app icon in AI Studio's resources is not a picture")
    app.setWindowIcon(QIcon(icon))
    apply_theme(app, theme)


def self_test() -> int:
    """Offscreen smoke test of the engine, the store and the main window; 0 when all is well."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from aistudio_desktop.main_window import MainWindow
    from aistudio_desktop.project.commands import EditSceneCommand
    from aistudio_desktop.project.store import ProjectStore
    from aistudio_desktop.studio import Studio, default_voice
    from render_farm.ai.offline.designer import OfflineDesigner
    from render_farm.engine.presets import preset
    from render_farm.engine.scene import SceneRenderer
    from render_farm.film import loads

    started = time.perf_counter()
    app = QApplication.instance() or QApplication(["aistudio", "--self-test"])
    assert isinstance(app, QApplication)
    try:
        dress(app, "light")
    except OSError as error:
        print(f"aistudio self-test: FAILED: {error}", file=sys.stderr)
        return 1
    problem = _signals_keep_references()
    if problem:
        print(f"aistudio self-test: FAILED: {problem}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="aistudio-self-test-") as tmp:
        root = Path(tmp)
        try:
            problem = _self_test_film(root)
        except Exception as error:  # whatever broke, the installer's check gets one line and exit 1
            problem = f"making a film failed: {type(error).__name__}: {error}"
        if problem:
            print(f"aistudio self-test: FAILED: {problem}", file=sys.stderr)
            return 1
        film = OfflineDesigner().design(loads(SELF_TEST_SPEC))
        voice = default_voice()
        frame = SceneRenderer(film, preset("preview"), voice).frame_at(0, 1.0)
        if frame.shape != (480, 854, 3) or float(frame.std()) == 0.0:
            print(f"aistudio self-test: FAILED: a preview frame came out wrong ({frame.shape})", file=sys.stderr)
            return 1
        studio = Studio(ProjectStore(root / "data"), voice=voice, cache_dir=root / "cache")
        studio.previews.set_paused(True)  # the film above already proved rendering
        try:
            project_id = studio.new_project(film)
            window = MainWindow(studio, QSettings(str(root / "desktop.ini"), QSettings.Format.IniFormat))
            window.show()
            app.processEvents()
            studio.document.push(EditSceneCommand(studio.document, "hello", title="Hello again"))
            studio.writer.flush(10)
            saved = studio.store.load(project_id)
            window.close()
        finally:
            studio.shutdown()
        if saved.scenes[0].title != "Hello again":
            print("aistudio self-test: FAILED: an edit was not saved", file=sys.stderr)
            return 1
        sound_ok, sound = _sound_plays(root)
        if not sound_ok:
            print(f"aistudio self-test: FAILED: {sound}", file=sys.stderr)
            return 1
    print(
        f"aistudio self-test: ok (a {SELF_TEST_SECONDS} film made and decoded, preview frame, project store, "
        f"main window, {sound}) in {time.perf_counter() - started:.2f} s"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        return self_test()

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from aistudio_desktop.main_window import MainWindow
    from aistudio_desktop.project.store import StoreError
    from aistudio_desktop.settings import app_settings
    from aistudio_desktop.studio import Studio

    readable_dates(os.environ)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AI Studio")
    app.setOrganizationName("AI Studio")
    app.setDesktopFileName("aistudio")
    settings = app_settings()
    dress(app, str(settings.value("theme", "system")))
    try:
        studio = Studio()
        studio.open_last_or_new()
    except StoreError as error:
        QMessageBox.critical(None, "AI Studio", f"AI Studio cannot open its project database.\n\n{error}")
        return 1
    window = MainWindow(studio, settings)
    window.show()
    try:
        return app.exec()
    finally:
        studio.shutdown()


if __name__ == "__main__":
    sys.exit(main())
