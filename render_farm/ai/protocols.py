"""The small protocols every AI provider implements, and the data they exchange.

Three jobs: a :class:`StoryWriter` turns a prompt (or a pasted story) into a :class:`Film`; a
:class:`CharacterDesigner` gives every cast member a design (and optionally generated art); a
:class:`VoiceProvider` speaks one dialogue line and says when each word and mouth shape falls. The
engine owns what it renders from (the voice protocol and :class:`Speech`, in
:mod:`render_farm.engine.speech`); they are named here too, beside the other two jobs. Built-in
providers work offline with no key; HTTP providers speak the OpenAI-compatible API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from render_farm.engine.speech import Speech, VisemeTiming, VoiceProvider, WordTiming
from render_farm.film import Film, Style

__all__ = [
    "BreakdownRequest",
    "CharacterDesigner",
    "ProviderError",
    "Providers",
    "Speech",
    "StoryWriter",
    "VisemeTiming",
    "VoiceProvider",
    "WordTiming",
]


class ProviderError(RuntimeError):
    """A provider could not do its job; the message says why and what to do about it."""


@dataclass(frozen=True)
class BreakdownRequest:
    prompt: str
    style: Style = Style.storybook
    length: float = 60.0  # seconds of film wanted
    language: str = "en"
    seed: int = 0


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


@dataclass
class Providers:
    """The providers a film is made with, chosen in settings."""

    writer: StoryWriter
    designer: CharacterDesigner
    voice: VoiceProvider
    notes: list[str] = field(default_factory=list)
