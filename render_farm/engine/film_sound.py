"""The film's sound: the scenes' mixes joined with equal-power crossfades, and AAC encoded once.

:func:`encode_sound` encodes it to a file of its own while the film's pictures are still being
made; :class:`CopiedSound` then muxes its packets into the film as the picture advances.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Protocol

import av
import numpy as np

from render_farm.film import TransitionKind

from .encoder import AacTrack
from .errors import RenderError
from .presets import SAMPLE_RATE
from .transitions import FilmPlan


def mix_film(plan: FilmPlan, audios: Sequence[np.ndarray], spf: int) -> np.ndarray:
    """The film's sound: each scene's mix placed at its start, overlaps crossfaded with equal power."""
    mix = np.zeros((plan.total * spf, 2), np.float32)
    last = len(plan.frames) - 1
    for index, (source, start, frames) in enumerate(zip(audios, plan.starts, plan.frames, strict=True)):
        audio = np.zeros((frames * spf, 2), np.float32)
        usable = min(len(source), len(audio))
        audio[:usable] = source[:usable]
        gain = np.ones(len(audio), np.float32)
        head, tail = plan.heads[index] * spf, plan.tails[index] * spf
        # the film's own fade in and fade out follow the picture's whole ramp
        kind_in = plan.kinds[index] if index else TransitionKind.crossfade
        kind_out = plan.kinds[index + 1] if index < last else TransitionKind.crossfade
        if head:
            ramp = np.linspace(0, 1, head, endpoint=False, dtype=np.float32)
            gain[:head] = (
                np.clip(ramp * 2 - 1, 0, 1) if kind_in is TransitionKind.fade_black else np.sin(ramp * np.pi / 2)
            )
        if tail:
            ramp = np.linspace(1, 0, tail, endpoint=False, dtype=np.float32)
            gain[-tail:] *= (
                np.clip(ramp * 2 - 1, 0, 1) if kind_out is TransitionKind.fade_black else np.sin(ramp * np.pi / 2)
            )
        begin = start * spf
        end = min(begin + len(audio), len(mix))
        mix[begin:end] += audio[: end - begin] * gain[: end - begin, None]
    return np.clip(mix, -1.0, 1.0)


def encode_sound(samples: np.ndarray, total: int, path: Path, bit_rate: int) -> Path:
    """``total`` samples of ``samples`` as an AAC-only MP4 at ``path``: the film's sound encoded
    beforehand, for :func:`assemble`'s ``sound``."""
    with av.open(str(path), "w", format="mp4", options={"fflags": "+bitexact"}) as container:
        track = AacTrack(container, bit_rate)
        track.samples = samples
        track.encode_until(total, final=True)
    return path


class SoundTrack(Protocol):
    """What the assembly muxes sound from: encoded here (:class:`AacTrack`) or beforehand."""

    def encode_until(self, end: int, *, final: bool = False) -> None: ...

    def stop(self) -> None: ...


class CopiedSound:
    """Sound encoded beforehand (:func:`encode_sound`): its AAC packets muxed as the picture advances."""

    def __init__(self, container: av.container.OutputContainer, path: Path) -> None:
        self.container = container
        try:
            self._source = av.open(str(path))
        except (OSError, av.FFmpegError) as error:
            raise RenderError(f"cannot read the film's sound {path}: {error}") from None
        try:
            source = self._source.streams.audio[0]
            self.stream = container.add_stream_from_template(source)
        except (IndexError, av.FFmpegError) as error:
            self._source.close()
            raise RenderError(f"{path} holds no sound: {error}") from None
        self._scale = Fraction(source.time_base or Fraction(1, SAMPLE_RATE)) * SAMPLE_RATE  # ticks -> samples
        self._packets = (packet for packet in self._source.demux(source) if packet.size)
        self._next: av.Packet | None = None

    def encode_until(self, end: int, *, final: bool = False) -> None:
        """Mux the packets that end by sample ``end`` (all the rest when ``final``)."""
        while True:
            packet = self._next if self._next is not None else next(self._packets, None)
            self._next = None
            if packet is None:
                return
            if not final and ((packet.pts or 0) + (packet.duration or 0)) * self._scale > end:
                self._next = packet
                return
            packet.stream = self.stream
            self.container.mux(packet)

    def stop(self) -> None:
        self._source.close()
