"""Accessories: what a design wears besides its outfit, and what covers the eyes.

The accessories of :class:`~render_farm.film.spec.Design` (cape, backpack, scarf, antenna, flower,
bow, crown, hat, glasses), placed from the figure's anatomy so they fit every body plan and age,
and the "front" layer over the face: glasses, a pirate's eyepatch, a space helmet's glass.
Accessories take the figure's accessory colour (``Design.accessory_color``, or one derived from the
outfit / accent). A costume's own extras are :mod:`.overlays` and :mod:`.headwear`.
"""

from __future__ import annotations

import math

import skia

from render_farm.engine.styles import ShapePainter, darker, lighter

from . import headwear
from .figure import GOLD, Figure
from .overlays import neck_point
from .shapes import cut, oval, poly, rrect, tube

__all__ = [
    "antenna",
    "backpack_back",
    "backpack_straps",
    "cape_back",
    "cape_clasp",
    "draw_front",
    "head_accessories",
    "scarf",
]


def _has(fig: Figure, name: str) -> bool:
    if name in ("backpack", "cape") and fig.plan not in ("person", "biped", "robot"):
        return False
    if name == "scarf" and fig.plan not in ("person", "biped", "robot", "bird"):
        return False
    return name in fig.d.accessories


def cape_back(fig: Figure, p: ShapePainter) -> None:
    """The design's cape hanging behind the body."""
    if _has(fig, "cape") and "cape" not in fig.c.extras:
        a, b = fig.a, fig.b
        top = a.torso_top + 1
        cape = poly([(-a.torso_tw, top), (a.torso_tw, top), (24 * b, -4), (0, -1), (-24 * b, -4)], 4)
        p.fill(cape, fig.acc)


def cape_clasp(fig: Figure, p: ShapePainter) -> None:
    """The gold clasp of a cape at the neck."""
    if _has(fig, "cape") or "cape" in fig.c.extras:
        x, y = neck_point(fig)
        p.fill(oval(x, y + 2, 3.2 * max(0.8, fig.fs), 3.2 * max(0.8, fig.fs)), GOLD, outline=0.6)


def backpack_back(fig: Figure, p: ShapePainter) -> None:
    if _has(fig, "backpack"):
        a = fig.a
        p.fill(rrect(-a.torso_tw - 4, a.torso_top + 2, a.torso_tw + 4, a.torso_bottom - 1, 6), fig.acc)


def backpack_straps(fig: Figure, p: ShapePainter) -> None:
    if _has(fig, "backpack") or ("backpack" in fig.c.extras and fig.plan in ("person", "biped")):
        a = fig.a
        colour = darker(fig.acc if _has(fig, "backpack") else fig.cloth, 0.15)
        for side in (-1, 1):
            x = side * a.torso_tw * 0.7 + a.lean
            p.fill(
                tube([(x, a.torso_top + 1), (x + side * 1, a.torso_top + (a.torso_bottom - a.torso_top) * 0.6)], 3.2),
                colour,
                outline=0.6,
            )


def scarf(fig: Figure, p: ShapePainter) -> None:
    """The scarf round the neck."""
    if not _has(fig, "scarf"):
        return
    x, y = neck_point(fig)
    half = max(fig.a.torso_tw, 11) + 1.5
    p.fill(rrect(x - half, y - 3, x + half, y + 5.5, 4.5), fig.acc)
    p.fill(poly([(x + 5, y + 2), (x + 11, y + 2), (x + 13, y + 17), (x + 6, y + 16)], 2), darker(fig.acc, 0.08))


def head_accessories(fig: Figure, p: ShapePainter) -> None:
    """Antenna, flower, bow, crown and hat of the design, on the head."""
    acc = fig.d.accessories
    cx, top, half = fig.crown
    s = half / 27.0
    if "antenna" in acc:
        antenna(fig, p)
    if "flower" in acc:
        x, y = cx - 18 * s, top + 7 * s
        for k in range(5):
            a = k * 2 * math.pi / 5
            p.fill(
                oval(x + 3.6 * s * math.cos(a), y + 3.6 * s * math.sin(a), 3 * s, 3 * s),
                lighter(fig.acc, 0.2) if fig.acc != fig.skin else (250, 140, 170),
                outline=0.5,
            )
        p.fill(oval(x, y, 2.2 * s, 2.2 * s), (250, 210, 70), outline=0.5)
    if "bow" in acc:
        x, y = cx + 15 * s, top + 3 * s
        for side in (-1, 1):
            p.fill(poly([(x, y), (x + side * 9 * s, y - 6 * s), (x + side * 9 * s, y + 5 * s)], 2 * s), fig.acc)
        p.fill(oval(x, y, 2.6 * s, 2.6 * s), darker(fig.acc, 0.1))
    if "crown" in acc and fig.c.hat not in ("crown", "kings_crown", "circlet", "tiara"):
        base = top + 3 * s
        crown = poly(
            [
                (cx - 12 * s, base),
                (cx + 12 * s, base),
                (cx + 14 * s, base - 13 * s),
                (cx + 7 * s, base - 6 * s),
                (cx, base - 15 * s),
                (cx - 7 * s, base - 6 * s),
                (cx - 14 * s, base - 13 * s),
            ],
            1.2 * s,
        )
        p.fill(crown, GOLD)
        p.fill(oval(cx, base - 4 * s, 2 * s, 2 * s), fig.acc if fig.acc != GOLD else (210, 50, 60), outline=0.4)
    if "hat" in acc and fig.c.hat == "none":
        hat = fig.acc
        if fig.outfit == "robe":  # a wizard's hat
            p.fill(
                poly(
                    [
                        (cx - 16 * s, top + 8 * s),
                        (cx + 18 * s, top + 8 * s),
                        (cx + 4 * s, top - 28 * s),
                        (cx - 2 * s, top - 24 * s),
                    ],
                    2.5 * s,
                ),
                hat,
            )
            p.fill(rrect(cx - 26 * s, top + 5 * s, cx + 28 * s, top + 11 * s, 3 * s), darker(hat, 0.1))
            p.flat(oval(cx + 4 * s, top - 10 * s, 1.6 * s, 1.6 * s), GOLD)
        elif fig.hat_kind == 0:  # a wide brimmed hat
            crown_w = 15 * s
            p.fill(rrect(cx - 32 * s, top + 6 * s, cx + 34 * s, top + 12 * s, 3 * s), darker(hat, 0.08))
            p.fill(
                poly(
                    [
                        (cx - crown_w, top + 9 * s),
                        (cx + crown_w + s, top + 9 * s),
                        (cx + crown_w - 2 * s, top - 9 * s),
                        (cx - crown_w + 2 * s, top - 9 * s),
                    ],
                    4 * s,
                ),
                hat,
            )
            p.fill(
                rrect(cx - crown_w, top + 4 * s, cx + crown_w + s, top + 8 * s, s), lighter(fig.cloth, 0.1), outline=0.5
            )
        elif fig.hat_kind == 1:  # a beanie
            cy = top + 14 * s
            beanie = cut(oval(cx, cy, half + 1.5 * s, 22 * s), rrect(cx - 60, top - 40, cx + 60, cy, 0))
            p.fill(beanie, hat)
            p.fill(rrect(cx - half - 1.5 * s, cy - 4 * s, cx + half + 1.5 * s, cy + 2 * s, 3 * s), darker(hat, 0.1))
            p.fill(oval(cx, top - 9 * s, 4 * s, 4 * s), lighter(hat, 0.4))
        else:  # a top hat
            p.fill(rrect(cx - 24 * s, top + 4 * s, cx + 26 * s, top + 10 * s, 3 * s), darker(hat, 0.1))
            p.fill(rrect(cx - 14 * s, top - 22 * s, cx + 16 * s, top + 7 * s, 2.5 * s), hat)
            p.fill(rrect(cx - 14 * s, top + 1 * s, cx + 16 * s, top + 5 * s, 0.5 * s), fig.cloth, outline=0.5)


def antenna(fig: Figure, p: ShapePainter) -> None:
    """An antenna with a bulb in the accent colour (every robot has one; others may wear it)."""
    cx, top, half = fig.crown
    s = half / 27.0
    p.fill(tube([(cx, top + 1 * s), (cx + 2 * s, top - 12 * s)], 2.0 * s), (120, 126, 140), outline=0.6)
    p.fill(oval(cx + 2 * s, top - 14 * s, 3.8 * s, 3.8 * s), fig.accent)
    p.flat(oval(cx + 1 * s, top - 15.2 * s, 1.1 * s, 1.1 * s), (255, 255, 255), alpha=0.8)


def draw_front(fig: Figure, p: ShapePainter) -> None:
    """The "front" layer, over every face layer: glasses, an eyepatch, a space helmet's glass."""
    if _has(fig, "glasses") or "glasses" in fig.c.extras:
        _glasses(fig, p)
    if "goggles_on" in fig.c.extras:  # safety goggles over the eyes: wide lenses on a strap
        s = fig.fs
        cx, _ = fig.head_c
        fx = cx + fig.fx
        strap = skia.Path()
        strap.moveTo(cx - fig.head_r[0] - 0.5, fig.eye_y - 1 * s)
        strap.lineTo(cx + fig.head_r[0] + 0.5, fig.eye_y - 1 * s)
        p.stroke(strap, (60, 64, 74), 2.6 * s)
        lens = rrect(fx - fig.eye_dx - 8 * s, fig.eye_y - 7 * s, fx + fig.eye_dx + 8 * s, fig.eye_y + 7 * s, 6 * s)
        p.fill(lens, (170, 220, 240), alpha=0.45, outline=1.2)
        p.stroke(tube([(fx, fig.eye_y - 6.5 * s), (fx, fig.eye_y + 6.5 * s)], 0.01), (60, 64, 74), 1.6 * s)
        p.flat(
            rrect(fx - fig.eye_dx - 5 * s, fig.eye_y - 5 * s, fx - fig.eye_dx, fig.eye_y - 3.6 * s, 0.6 * s),
            (255, 255, 255),
            alpha=0.7,
        )
    if "eyepatch" in fig.c.extras:
        s = fig.fs
        ex = fig.head_c[0] + fig.fx - fig.eye_dx
        cx = fig.head_c[0]
        strap = skia.Path()
        strap.moveTo(cx - fig.head_r[0], fig.eye_y - 9 * s)
        strap.lineTo(cx + fig.head_r[0] * 0.95, fig.eye_y - 12 * s)
        p.stroke(strap, (30, 28, 34), 1.2)
        p.fill(oval(ex, fig.eye_y + 0.5 * s, 6.2 * s, 5.6 * s), (30, 28, 34), outline=0.6)
    headwear.draw_headwear_front(fig, p)


def _glasses(fig: Figure, p: ShapePainter) -> None:
    frame = (70, 50, 44)
    s = fig.fs
    r = 6.6 * s * max(1.0, fig.look.eye_scale * 0.9)
    fx = fig.head_c[0] + fig.fx
    for side in (-1, 1):
        ex = fx + side * fig.eye_dx
        p.flat(oval(ex, fig.eye_y, r, r), (220, 240, 255), alpha=0.22)
        ring = cut(
            oval(ex, fig.eye_y, r + 0.8, r + 0.8), oval(ex, fig.eye_y, r - 0.8, r - 0.8), skia.PathOp.kDifference_PathOp
        )
        p.flat(ring, frame)
    bridge = skia.Path()
    bridge.moveTo(fx - fig.eye_dx + r, fig.eye_y - 1)
    bridge.quadTo(fx, fig.eye_y - 3.5 * s, fx + fig.eye_dx - r, fig.eye_y - 1)
    p.stroke(bridge, frame, 1.4)
