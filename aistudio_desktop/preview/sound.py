"""Sound on the desktop: voice samples spoken off the UI thread, and played through QtMultimedia.

QtMultimedia comes with PySide6-Addons and, on Linux, needs PulseAudio's client library. Where it
cannot load, :func:`sound_problem` says why, the app says so once and goes on silently: voice
samples are saved as WAV files (the message says where), the preview plays without sound, and
exported films still have it.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal

from render_farm.ai.protocols import VoiceProvider
from render_farm.engine.audio import write_wav
from render_farm.film import Emotion, VoiceStyle

log = logging.getLogger(__name__)

GREETINGS = {
    "en": "Hello, I am {name}. Shall we begin our story?",
    "es": "Hola, soy {name}. ¿Empezamos nuestra historia?",
    "fr": "Bonjour, je suis {name}. On commence notre histoire ?",
    "de": "Hallo, ich bin {name}. Beginnen wir unsere Geschichte?",
    "it": "Ciao, sono {name}. Cominciamo la nostra storia?",
    "pt": "Olá, eu sou {name}. Vamos começar a nossa história?",
    "nl": "Hallo, ik ben {name}. Zullen we ons verhaal beginnen?",
}


def sample_text(name: str, language: str) -> str:
    return GREETINGS.get(language, GREETINGS["en"]).format(name=name)


@functools.cache
def _load_multimedia() -> tuple[Any | None, str]:
    try:
        from PySide6 import QtMultimedia
    except (ImportError, OSError) as error:  # no Addons, or no audio stack (libpulse) to load it with
        problem = f"Qt Multimedia could not load ({error})"
        log.warning("no sound playback: %s", problem)
        return None, problem
    return QtMultimedia, ""


def multimedia() -> Any | None:
    """The QtMultimedia module, or None where it cannot load."""
    return _load_multimedia()[0]


def sound_problem() -> str:
    """Why this computer cannot play sound; '' when it can."""
    return _load_multimedia()[1]


def silent_note() -> str:
    """The one clear sentence the app shows where it cannot play sound."""
    why = f"No sound on this computer: {sound_problem()}." if sound_problem() else "No sound here."
    return f"{why} The preview plays silently; exported films have sound."


def output_problem() -> str:
    """Why nothing would be heard here now ('' when a sound output device is there)."""
    module = multimedia()
    if module is None:
        return sound_problem()
    if not module.QMediaDevices.audioOutputs():
        return "no speakers or headphones were found"
    return ""


class SoundPlayer(QObject):
    """Plays voice samples (``available`` when QtMultimedia loaded); ``message(text)`` says what cannot be
    heard and why; ``playingChanged(playing)`` follows the playback, so a button can offer Stop.

    ``media`` is the QMediaPlayer (None without QtMultimedia).
    """

    message = Signal(str)
    playingChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        module = multimedia()
        self.available = module is not None
        self.media: Any = None
        self._playing_state: Any = None
        if module is not None:
            self._output = module.QAudioOutput(self)
            self.media = module.QMediaPlayer(self)
            self.media.setAudioOutput(self._output)
            self._playing_state = module.QMediaPlayer.PlaybackState.PlayingState
            self.media.errorOccurred.connect(
                lambda _error, text: self.message.emit(f"Could not play the sound: {text}")
            )
            self.media.playbackStateChanged.connect(self._state_changed)

    def _state_changed(self, state: Any) -> None:
        self.playingChanged.emit(state == self._playing_state)

    @property
    def playing(self) -> bool:
        return self.media is not None and self.media.playbackState() == self._playing_state

    def play(self, path: Path) -> bool:
        """Play ``path`` from its start; False (and a message saying where the file is) without playback.

        Without an output device it plays all the same (one may be plugged in meanwhile) and says so.
        """
        if self.media is None:
            self.message.emit(f"Saved the voice sample to {path} (open it in a player): no sound on this computer")
            return False
        problem = output_problem()
        if problem:
            self.message.emit(f"Nothing can be heard: {problem}")
        url = QUrl.fromLocalFile(str(path))
        if self.media.source() == url:
            self.media.setPosition(0)  # the same sample again: from the start (it loads asynchronously otherwise)
        else:
            self.media.setSource(url)
        self.media.play()
        return True

    def stop(self) -> None:
        if self.media is not None:
            self.media.stop()


class _Signals(QObject):
    ready = Signal(str, str)  # member id, WAV path
    failed = Signal(str, str)  # member id, message


class _Speak(QRunnable):
    def __init__(
        self, voice: VoiceProvider, member_id: str, text: str, style: VoiceStyle, path: Path, signals: _Signals
    ) -> None:
        super().__init__()
        self.voice, self.member_id, self.text, self.style, self.path, self.signals = (
            voice, member_id, text, style, path, signals
        )  # fmt: skip

    def run(self) -> None:
        try:
            if not self.path.exists():
                speech = self.voice.speak(self.text, self.style, Emotion.happy)
                self.path.parent.mkdir(parents=True, exist_ok=True)
                partial = self.path.with_name(self.path.name + ".partial")
                write_wav(partial, speech.samples, speech.sample_rate)
                os.replace(partial, self.path)
            self.signals.ready.emit(self.member_id, str(self.path))
        except Exception as error:  # a voice that cannot speak is reported, never a crash
            self.signals.failed.emit(self.member_id, f"{type(error).__name__}: {error}")


class VoiceSampler(QObject):
    """Speaks a character's sample line on a worker thread into a cached WAV: ``ready(member_id, path)``."""

    ready = Signal(str, str)
    failed = Signal(str, str)

    def __init__(self, voice: VoiceProvider, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.voice = voice
        self.cache_dir = cache_dir
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.ready.connect(self.ready)
        self._signals.failed.connect(self.failed)

    def path_for(self, text: str, style: VoiceStyle) -> Path:
        blob = "\x1f".join([self.voice.identity(), text, style.model_dump_json()])
        return self.cache_dir / f"sample-{hashlib.sha256(blob.encode()).hexdigest()[:24]}.wav"

    def speak(self, member_id: str, text: str, style: VoiceStyle) -> Path:
        """Start speaking; returns the path the WAV will have."""
        path = self.path_for(text, style)
        self.pool.start(_Speak(self.voice, member_id, text, style, path, self._signals))
        return path

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
