"""Sound on the desktop: voice samples spoken off the UI thread, and playback where Qt offers it.

Playback uses QtMultimedia when the installed Qt has it (PySide6-Essentials does not ship it).
Without it the app still makes every sound as a WAV file and says where it is, so a voice can be
heard in any player; nothing else depends on playback.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal

from render_farm.ai.protocols import VoiceProvider
from render_farm.engine.audio import write_wav
from render_farm.film import Emotion, VoiceStyle

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


def _multimedia() -> Any | None:
    try:
        from PySide6 import QtMultimedia
    except ImportError:
        return None
    return QtMultimedia


class SoundPlayer(QObject):
    """Plays a sound file when QtMultimedia is there (``available``); ``message(text)`` otherwise."""

    message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        module = _multimedia()
        self.available = module is not None
        self._player: Any = None
        if module is not None:
            self._output = module.QAudioOutput(self)
            self._player = module.QMediaPlayer(self)
            self._player.setAudioOutput(self._output)

    def play(self, path: Path, start: float = 0.0) -> bool:
        """Start ``path`` at ``start`` seconds; False (and a message) when there is no playback."""
        if self._player is None:
            self.message.emit(f"Saved the sound to {path} (this installation cannot play sound; open it in a player)")
            return False
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._player.setPosition(round(start * 1000))
        self._player.play()
        return True

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()


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
