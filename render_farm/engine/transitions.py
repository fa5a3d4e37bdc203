"""Where the scenes of a film sit and how they join: the film's plan and its transition frames.

A transition's frames are blended in I420 from the frames of the scenes it joins (the tail of
one and the head of the next, or one of them and black for the film's fade in and fade out), the
same whether those frames were drawn from the spec or decoded from a scene clip.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from render_farm.film import Transition, TransitionKind

from .compositing import i420_planes
from .errors import RenderError
from .presets import Preset

BLACK_YUV = (16, 128, 128)

TransitionKey = tuple[str, int]
"""("in", i): the frames joining scene i to the one before (the film's fade in for the first);
("out", i): the film's fade out at the end of scene i, the last."""


@dataclass(frozen=True)
class FilmPlan:
    """Where every scene sits in the film, in frames (from the spec alone)."""

    frames: list[int]  # each scene's frames
    heads: list[int]  # frames at each scene's start shared with the one before (or faded in)
    tails: list[int]  # frames at each scene's end shared with the next (or faded out)
    kinds: list[TransitionKind]  # how each scene joins the one before
    starts: list[int]  # film frame of each scene's first frame
    total: int

    def transitions(self) -> list[TransitionKey]:
        """The film's transitions in the order they are seen."""
        keys: list[TransitionKey] = [("in", i) for i, head in enumerate(self.heads) if head]
        if self.tails[-1]:
            keys.append(("out", len(self.frames) - 1))
        return keys

    def sources(self, key: TransitionKey) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]:
        """The scene frames a transition is made of, as (scene, start, stop) before and after it."""
        side, index = key
        if side == "out":
            return (index, self.frames[index] - self.tails[index], self.frames[index]), None
        after = (index, 0, self.heads[index])
        if index == 0:
            return None, after
        return (index - 1, self.frames[index - 1] - self.heads[index], self.frames[index - 1]), after


def plan_film(frames: Sequence[int], joins: Sequence[Transition], fps: int, fade_out: float) -> FilmPlan:
    """The film's layout from each scene's frame count and transition in; refuses scenes shorter
    than their transitions."""
    if not frames:
        raise RenderError("a film needs at least one scene")
    heads = [round(join.duration * fps) for join in joins]
    tails = [*heads[1:], round(fade_out * fps)]
    for index, (count, head, tail) in enumerate(zip(frames, heads, tails, strict=True)):
        if head + tail > count:
            raise RenderError(
                f"scene {index + 1} ({count} frames) is shorter than its transitions ({head + tail} frames)"
            )
    starts, position = [], 0
    for index, count in enumerate(frames):
        starts.append(position if index == 0 else position - heads[index])
        position = starts[-1] + count
    kinds = [join.kind if index else TransitionKind.fade_black for index, join in enumerate(joins)]
    return FilmPlan(list(frames), heads, tails, kinds, starts, position)


def blend(
    a: np.ndarray, b: np.ndarray, kind: TransitionKind, progress: float, height: int, out: np.ndarray | None = None
) -> np.ndarray:
    """Frame ``progress`` (0..1) of a transition from I420 frame ``a`` to ``b`` (either may be black),
    in ``out`` (a buffer of their shape, neither of them) when given.

    All in uint8 with OpenCV's rounded weighted sums, straight on the encoder's planes: a
    transition frame costs well under a millisecond beside the encoder's tens.
    """
    out = np.empty_like(a) if out is None else out
    if kind is TransitionKind.fade_black:
        # through black: a fades down to black over the first half, b comes up from it over the second
        source, level = (a, 1 - progress * 2) if progress < 0.5 else (b, (progress - 0.5) * 2)
        for plane, target, black in zip(i420_planes(source, height), i420_planes(out, height), BLACK_YUV, strict=True):
            cv2.addWeighted(plane, level, plane, 0.0, black * (1 - level), dst=target)
    elif kind is TransitionKind.wipe:
        for plane_a, plane_b, target in zip(
            i420_planes(a, height), i420_planes(b, height), i420_planes(out, height), strict=True
        ):
            width = plane_a.shape[1]
            soft = max(2.0, width * 0.04)
            edge = -soft + (width + 2 * soft) * progress
            weight = np.clip((edge - np.arange(width, dtype=np.float32)) / soft + 0.5, 0, 1)
            # b left of the soft edge, a right of it, a mix only across the edge itself
            mixed = np.flatnonzero((weight > 0) & (weight < 1))
            shown = int(np.count_nonzero(weight >= 1))
            target[:, :shown] = plane_b[:, :shown]
            target[:, shown:] = plane_a[:, shown:]
            if len(mixed):
                x0, x1 = int(mixed[0]), int(mixed[-1]) + 1
                fa, fb = plane_a[:, x0:x1].astype(np.float32), plane_b[:, x0:x1].astype(np.float32)
                target[:, x0:x1] = np.clip(fa + (fb - fa) * weight[x0:x1] + 0.5, 0, 255).astype(np.uint8)
    else:  # crossfade (and any other kind) mixes linearly, the same weights on every plane
        cv2.addWeighted(a, 1 - progress, b, progress, 0.0, dst=out)
    return out


def black_frame(preset: Preset) -> np.ndarray:
    frame = np.empty((preset.height * 3 // 2, preset.width), np.uint8)
    for plane, value in zip(i420_planes(frame, preset.height), BLACK_YUV, strict=True):
        plane[...] = value
    return frame


def transition_frames(
    plan: FilmPlan,
    key: TransitionKey,
    before: Iterable[np.ndarray] | None,
    after: Iterable[np.ndarray] | None,
    preset: Preset,
) -> Iterator[np.ndarray]:
    """The frames of transition ``key``, blended from the I420 scene frames that
    :meth:`FilmPlan.sources` names (``None`` where it names none).

    Every frame comes in the same buffer, overwritten by the next: the encoder it is written to
    copies it at once.
    """
    side, index = key
    black, height = black_frame(preset), preset.height
    out = np.empty_like(black)
    if side == "out":
        assert before is not None
        count = plan.tails[index]
        for i, frame in enumerate(before):
            yield blend(frame, black, TransitionKind.fade_black, 0.5 * (i + 1) / (count + 1), height, out)
        return
    assert after is not None
    count = plan.heads[index]
    if before is None:  # the film's fade in
        for i, frame in enumerate(after):
            yield blend(black, frame, TransitionKind.fade_black, 0.5 + 0.5 * (i + 1) / (count + 1), height, out)
        return
    for i, (a, b) in enumerate(zip(before, after, strict=True)):
        yield blend(a, b, plan.kinds[index], (i + 1) / (count + 1), height, out)
