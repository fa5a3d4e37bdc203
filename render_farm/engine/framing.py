"""Framing a shot: how near the camera goes and where it points so the one it is about is
wholly in the picture, centred, and as few others as can be are cut by the frame's edge.

Pure geometry on stage pixels: :func:`frame_on` takes the box of whoever the shot is about
(a speaker, with room for where they move during their line), the boxes of everyone else on
stage and the zoom the shot wants, and returns a :class:`Framing`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["MARGIN", "Box", "Framing", "frame_on", "keep_inside"]

MARGIN = 0.03  # of the visible width and height, kept clear around the one the shot is about
CENTRE_SLACK = 0.16  # how far off centre (of the visible width) the camera may drift to spare others a cut


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )


@dataclass(frozen=True)
class Framing:
    zoom: float
    cx: float
    cy: float
    fit: float  # the nearest zoom at which the box still fits


def _fit(box: Box, width: float, height: float) -> float:
    return min(width * (1 - 2 * MARGIN) / max(1.0, box.width), height * (1 - 2 * MARGIN) / max(1.0, box.height))


def _interval(lo_edge: float, hi_edge: float, visible: float, stage: float) -> tuple[float, float]:
    """Where the camera's centre may be so [lo_edge, hi_edge] stays inside and the view on stage."""
    margin = visible * MARGIN
    lo = max(visible / 2, hi_edge + margin - visible / 2)
    hi = min(stage - visible / 2, lo_edge - margin + visible / 2)
    return lo, hi


def _clamp(value: float, lo: float, hi: float) -> float:
    return min(max(value, lo), hi) if lo <= hi else (lo + hi) / 2


def keep_inside(
    box: Box, zoom: float, cx: float, cy: float, width: float, height: float, stage_w: float, stage_h: float
) -> tuple[float, float]:
    """The camera centre nearest (cx, cy) that keeps ``box`` inside the frame at ``zoom``."""
    vis_w, vis_h = width / zoom, height / zoom
    lo, hi = _interval(box.left, box.right, vis_w, stage_w)
    lo_y, hi_y = _interval(box.top, box.bottom, vis_h, stage_h)
    cx = _clamp(cx, lo, hi) if lo <= hi else _clamp(cx, vis_w / 2, stage_w - vis_w / 2)
    cy = _clamp(cy, lo_y, hi_y) if lo_y <= hi_y else _clamp(cy, vis_h / 2, stage_h - vis_h / 2)
    return cx, cy


def frame_on(
    box: Box,
    others: Sequence[Box],
    *,
    zoom: float,
    width: float,
    height: float,
    stage_w: float,
    stage_h: float,
) -> Framing:
    """Frame ``box`` at ``zoom`` or nearer to 1 if it would not fit, centred on it, drifting a
    little off centre where that keeps ``others`` from being cut by the edge of the frame."""
    fit = _fit(box, width, height)
    zoom = max(1.0, min(zoom, fit))
    vis_w, vis_h = width / zoom, height / zoom
    want = (box.left + box.right) / 2
    lo, hi = _interval(box.left, box.right, vis_w, stage_w)
    if lo > hi:
        lo = hi = _clamp(want, vis_w / 2, stage_w - vis_w / 2)
    slack = CENTRE_SLACK * vis_w
    near_lo, near_hi = max(lo, want - slack), min(hi, want + slack)
    if near_lo > near_hi:
        near_lo = near_hi = _clamp(want, lo, hi)
    steps = 32
    candidates = [_clamp(want, near_lo, near_hi)] + [
        near_lo + (near_hi - near_lo) * k / steps for k in range(steps + 1)
    ]

    def cuts(cx: float) -> int:
        left, right = cx - vis_w / 2, cx + vis_w / 2
        return sum(1 for o in others if o.left < right and o.right > left and not (o.left >= left and o.right <= right))

    cx = min(candidates, key=lambda c: (cuts(c), abs(c - want)))
    want_y = (box.top + box.bottom) / 2
    lo_y, hi_y = _interval(box.top, box.bottom, vis_h, stage_h)
    cy = _clamp(want_y, lo_y, hi_y) if lo_y <= hi_y else _clamp(want_y, vis_h / 2, stage_h - vis_h / 2)
    return Framing(zoom, cx, cy, fit)
