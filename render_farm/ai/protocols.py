"""The small protocols every AI provider implements, and the data they exchange.

Three jobs: a :class:`StoryWriter` turns a prompt (or a pasted story) into a :class:`Film`; a
:class:`CharacterDesigner` gives every cast member a design (and optionally generated art); a
:class:`VoiceProvider` speaks one dialogue line and says when each word and mouth shape falls.
Built-in providers work offline with no key; HTTP providers speak the OpenAI-compatible API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from render_farm.engine.visemes import Viseme
from render_farm.film import Emotion, Film, Style, VoiceStyle


class ProviderError(RuntimeError):
    """A provider could not do its job; the message says why and what to do about it."""


@dataclass(frozen=True)
class BreakdownRequest:
    prompt: str
    style: Style = Style.storybook
    length: float = 60.0  # seconds of film wanted
    language: str = "en"
    seed: int = 0


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
class StoryWriter(Protocol):
    name: str

    def breakdown(self, request: BreakdownRequest) -> Film: ...


@runtime_checkable
class CharacterDesigner(Protocol):
    name: str

    def design(self, film: Film, *, assets_dir: Path | None = None, only: set[str] | None = None) -> Film:
        """Return a copy of ``film`` whose cast members (all, or those in ``only``) have a design.

        A designer that makes images writes them under ``assets_dir`` and records their
        bundle-relative paths in ``CastMember.art``.
        """
        ...


@runtime_checkable
class VoiceProvider(Protocol):
    name: str

    def identity(self) -> str:
        """A string that changes whenever this provider would speak differently (cache keys)."""
        ...

    def speak(self, text: str, voice: VoiceStyle, emotion: Emotion = Emotion.neutral) -> Speech: ...


@dataclass
class Providers:
    """The providers a film is made with, chosen in settings."""

    writer: StoryWriter
    designer: CharacterDesigner
    voice: VoiceProvider
    notes: list[str] = field(default_factory=list)
