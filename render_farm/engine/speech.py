"""Speech as the engine renders it: a spoken line's samples and timings, and what speaks lines.

The engine places lines in time, drives mouths and subtitles from :class:`Speech`, and asks a
:class:`VoiceProvider` for each line; the voice providers in :mod:`render_farm.ai` implement that
protocol and return these types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from render_farm.film import Emotion, VoiceStyle

from .visemes import Viseme

__all__ = ["Speech", "VisemeTiming", "VoiceProvider", "WordTiming"]


@dataclass(frozen=True)
class WordTiming:
    text: str
    start: float  # seconds from the start of the line
    end: float


@dataclass(frozen=True)
class VisemeTiming:
    viseme: Viseme
    start: float
    end: float


@dataclass(frozen=True)
class Speech:
    """One spoken line: mono float32 samples in [-1, 1] and the timings that drive lip-sync."""

    samples: np.ndarray
    sample_rate: int
    words: tuple[WordTiming, ...] = ()
    visemes: tuple[VisemeTiming, ...] = ()

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    def viseme_at(self, t: float) -> Viseme:
        """The mouth shape at ``t`` seconds into the line (rest outside any timing)."""
        for item in self.visemes:
            if item.start <= t < item.end:
                return item.viseme
        return Viseme.rest


@runtime_checkable
class VoiceProvider(Protocol):
    """Speaks one dialogue line and says when each word and mouth shape falls."""

    name: str

    def identity(self) -> str:
        """A string that changes whenever this provider would speak differently (cache keys)."""
        ...

    def speak(self, text: str, voice: VoiceStyle, emotion: Emotion = Emotion.neutral) -> Speech: ...
