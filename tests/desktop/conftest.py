"""Fixtures for the desktop tests: offscreen Qt, a store in a temporary folder, a six-scene film."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from memory_keyring import MemoryKeyring

from render_farm.film import (
    NARRATOR,
    CameraMove,
    CastMember,
    DialogueLine,
    Emotion,
    Film,
    Place,
    Scene,
    Setting,
    Shot,
    TimeOfDay,
    Transition,
    TransitionKind,
    Weather,
)


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the user's real data, cache and settings."""
    monkeypatch.setenv("AISTUDIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AISTUDIO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("AISTUDIO_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def os_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """The OS keyring in memory, and no provider choice or API key from the environment."""
    monkeypatch.delenv("AISTUDIO_API_KEY", raising=False)
    for name in ("WRITER", "DESIGNER", "VOICE", "BASE_URL", "CHAT_MODEL"):
        monkeypatch.delenv(f"AISTUDIO_{name}", raising=False)
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def six_scene_film() -> Film:
    """A small hand-written film: three characters, six scenes, every kind of edit has material."""
    from render_farm.ai.offline.designer import OfflineDesigner

    def line(speaker: str, text: str, emotion: Emotion = Emotion.neutral) -> DialogueLine:
        return DialogueLine(speaker=speaker, text=text, emotion=emotion)

    scenes = [
        Scene(id="meadow-morning", number=1, title="Morning in the meadow", duration=6.0, cast=["pip", "bolt"],
              shot=Shot.wide, setting=Setting(place=Place.meadow, time_of_day=TimeOfDay.dawn),
              beats=["Pip wakes up", "Bolt arrives"],
              dialogue=[line(NARRATOR, "Every morning, Pip waited for the sun."),
                        line("pip", "Bolt! You came back!", Emotion.excited),
                        line("bolt", "I promised I would.", Emotion.happy)]),
        Scene(id="the-map", number=2, title="The old map", duration=5.0, cast=["pip", "bolt"], shot=Shot.medium,
              setting=Setting(place=Place.village, time_of_day=TimeOfDay.day), camera=CameraMove.zoom_in,
              dialogue=[line("bolt", "This map shows the way to the mountain.", Emotion.thoughtful),
                        line("pip", "Then let's go!", Emotion.happy)]),
        Scene(id="forest-path", number=3, title="Into the forest", duration=7.0, cast=["pip", "bolt", "wren"],
              setting=Setting(place=Place.forest, weather=Weather.fog),
              transition_in=Transition(kind=TransitionKind.crossfade, duration=0.6),
              dialogue=[line("wren", "Who goes there?", Emotion.scared),
                        line("pip", "Friends! Just friends.", Emotion.surprised),
                        line("wren", "Then follow me, quickly."),
                        line(NARRATOR, "The forest grew darker.")]),
        Scene(id="river-crossing", number=4, title="Crossing the river at dusk", duration=5.5,
              cast=["bolt", "wren"], setting=Setting(place=Place.river, time_of_day=TimeOfDay.dusk),
              camera=CameraMove.pan_right,
              dialogue=[line("bolt", "I cannot swim.", Emotion.sad), line("wren", "Then we fly!", Emotion.excited)]),
        Scene(id="mountain-storm", number=5, title="The storm", duration=6.5, cast=["pip", "bolt", "wren"],
              setting=Setting(place=Place.mountains, weather=Weather.snow, time_of_day=TimeOfDay.night),
              shot=Shot.close, transition_in=Transition(kind=TransitionKind.fade_black, duration=0.8),
              dialogue=[line("pip", "I'm scared.", Emotion.scared),
                        line("bolt", "Hold on to me.", Emotion.thoughtful)]),
        Scene(id="home-again", number=6, title="Home again", duration=6.0, cast=["pip"], shot=Shot.wide,
              setting=Setting(place=Place.meadow, time_of_day=TimeOfDay.day),
              dialogue=[line(NARRATOR, "And Pip was never lonely again.", Emotion.happy)]),
    ]  # fmt: skip
    film = Film(
        title="Pip and the Mountain",
        premise="A small fox and a robot friend cross the forest to reach the mountain.",
        cast=[
            CastMember(id="pip", name="Pip", role="hero", description="a small orange fox with a green scarf"),
            CastMember(id="bolt", name="Bolt", role="friend", description="a tall silver robot with a blue antenna"),
            CastMember(id="wren", name="Wren", role="guide", description="a little brown bird with a red hat"),
        ],
        scenes=scenes,
    )
    return OfflineDesigner().design(film)


@pytest.fixture
def film() -> Film:
    return six_scene_film()


@pytest.fixture(scope="session")
def voice() -> object:
    from render_farm.ai.offline.espeak import EspeakVoice

    return EspeakVoice()


@pytest.fixture
def studio(tmp_path: Path, voice: object, qapp: object) -> Iterator[object]:
    from aistudio_desktop.project.store import ProjectStore
    from aistudio_desktop.studio import Studio

    studio = Studio(ProjectStore(tmp_path / "data"), voice=voice, cache_dir=tmp_path / "cache")  # type: ignore[arg-type]
    studio.previews.set_paused(True)  # scene previews render only in the tests that are about them
    yield studio
    studio.shutdown()


@pytest.fixture
def settings(tmp_path: Path) -> object:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "config" / "desktop.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: object, studio: object, film: Film, settings: object) -> object:
    from aistudio_desktop.main_window import MainWindow

    studio.new_project(film)  # type: ignore[attr-defined]
    win = MainWindow(studio, settings)  # type: ignore[arg-type]
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(1360, 820)
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    return win
