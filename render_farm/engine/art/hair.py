"""Hair: a person's hair in front of the head and falling behind it, beards and moustaches.

Styles (the figure's seed picks one that suits gender and age, see
:func:`~render_farm.engine.art.figure.Figure`): short, crop, side_part, spiky, curly,
short_curly, bob, long, ponytail, bun, pigtails, braids, balding, bald. Everything is placed from
the head's centre and radii, so the same style fits a child's big head and an adult's smaller one.
"""

from __future__ import annotations

import random

import skia

from render_farm.engine.styles import ShapePainter, darker, lighter

from . import headwear
from .figure import Figure
from .shapes import cut, fuzzy_oval, oval, poly, rotated, rrect, tube, union

__all__ = ["draw_beard", "draw_hair_back", "draw_hair_front", "has_hair_back"]

_BACK = {"long", "ponytail", "braids", "bob", "pigtails"}


def has_hair_back(fig: Figure) -> bool:
    return fig.person and fig.hair_style in _BACK


def draw_hair_back(fig: Figure, p: ShapePainter) -> None:
    """Long hair, a ponytail, braids or bunches, drawn behind the body."""
    if not has_hair_back(fig) or headwear.covers_hair(fig):
        return
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    colour = darker(fig.hair, 0.08)
    style = fig.hair_style
    if style == "long":
        length = fig.a.torso_top + (fig.a.torso_bottom - fig.a.torso_top) * 0.45
        hair = union(
            oval(cx, cy - 3 * s, rx + 3 * s, ry + 2 * s), rrect(cx - rx - 1, cy - 4 * s, cx + rx + 1, length, 12 * s)
        )
    elif style == "bob":
        hair = union(
            oval(cx, cy - 2 * s, rx + 3.5 * s, ry + 2.5 * s),
            rrect(cx - rx - 3 * s, cy - 4 * s, cx + rx + 3 * s, cy + ry * 0.8, 6 * s),
        )
    elif style == "ponytail":
        hair = union(
            oval(cx, cy - 5 * s, rx + 2 * s, ry + 1 * s),
            tube(
                [(cx - rx * 0.8, cy - ry * 0.45), (cx - rx * 1.22, cy + ry * 0.2), (cx - rx * 1.1, cy + ry * 0.95)],
                11 * s,
            ),
        )
    elif style == "braids":
        hair = oval(cx, cy - 3 * s, rx + 2 * s, ry + 1.5 * s)
        for side in (-1, 1):
            for k in range(4):
                hair = union(hair, oval(cx + side * (rx * 0.78), cy + ry * 0.45 + k * 6 * s, 4.2 * s, 3.8 * s))
    else:  # pigtails: two bunches at the sides
        hair = oval(cx, cy - 3 * s, rx + 2 * s, ry + 1.5 * s)
        for side in (-1, 1):
            hair = union(hair, oval(cx + side * (rx + 7 * s), cy - ry * 0.1, 8 * s, 10 * s))
    p.fill(hair, colour)


def draw_hair_front(fig: Figure, p: ShapePainter) -> None:
    """The hair over the top of the head, with its fringe."""
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    style = fig.hair_style
    hair = fig.hair
    if style == "bald":
        for side in (-1, 1):
            p.fill(oval(cx + side * (rx - 1.5 * s), cy - ry * 0.05, 3.6 * s, 7 * s), hair)
        return
    cap = oval(cx, cy - 1.5 * s, rx + 2.2 * s, ry + 2.5 * s)
    if style == "balding":  # a fringe of hair round the sides and the back, the crown bare
        for side in (-1, 1):
            tuft = union(
                oval(cx + side * (rx - 1.5 * s), cy - ry * 0.02, 5.2 * s, 9 * s),
                oval(cx + side * (rx - 3.5 * s), cy - ry * 0.42, 4.6 * s, 6 * s),
            )
            p.fill(cut(tuft, cap), hair)
        return

    def at(x: float, y: float) -> tuple[float, float]:  # the child reference frame, placed on this head
        return cx + x * rx / 27, cy + (y + 75) * ry / 25

    fringe = [at(40, -130), at(40, -66)]
    if style == "spiky":
        fringe += [
            at(x, y)
            for x, y in (
                (24, -70),
                (18, -86),
                (12, -80),
                (6, -89),
                (0, -81),
                (-6, -88),
                (-12, -80),
                (-18, -86),
                (-24, -70),
            )
        ]
    elif style == "side_part":
        fringe += [at(x, y) for x, y in ((25, -72), (22, -84), (14, -90), (4, -92), (-8, -92), (-18, -88), (-26, -70))]
    elif style == "crop":
        fringe += [at(x, y) for x, y in ((26, -80), (18, -92), (0, -95), (-18, -92), (-26, -80))]
    elif style in ("curly", "short_curly"):
        fringe += [
            at(x, y)
            for x, y in (
                (30, -66),
                (24, -82),
                (16, -87),
                (10, -83),
                (4, -89),
                (-3, -84),
                (-10, -89),
                (-17, -84),
                (-24, -82),
                (-30, -66),
            )
        ]
    elif style == "bob":
        fringe += [at(x, y) for x, y in ((25, -66), (22, -82), (0, -83), (-22, -82), (-25, -66))]
    else:
        fringe += [
            at(x, y)
            for x, y in ((25, -70), (20, -82), (10, -87), (3, -84), (-4, -88), (-14, -86), (-22, -80), (-26, -68))
        ]
    fringe += [at(-40, -66), at(-40, -130)]
    region = poly(fringe, 2.5 * s)
    if style in ("curly", "short_curly"):  # curls all over the top and down the sides, cut by a fringe of curls
        rng = random.Random(fig.rng_seed)
        grow = 5.5 if style == "curly" else 3.0
        cap = union(cap, fuzzy_oval(cx, cy - ry * 0.3, rx + grow * s, ry * 0.78 + grow * s, 16, 3.2 * s, rng))
    front = cut(cap, region)
    if style == "spiky":
        spikes = union(*[poly([at(x - 5, -95), at(x + 5, -95), at(x + 2, -106)], 1.5 * s) for x in (-14, -4, 6, 15)])
        front = union(front, spikes)
    if style == "bun":
        p.fill(oval(cx - 2 * s, cy - ry - 4 * s, 9 * s, 7.5 * s), hair)
    if style == "ponytail":
        p.fill(oval(cx - rx * 0.85, cy - ry * 0.5, 3.2 * s, 3.2 * s), lighter(fig.cloth, 0.2))
    p.fill(front, hair)
    shine = cut(front, oval(cx - 10 * s, cy - ry * 0.84, 10 * s, 3.6 * s))
    p.flat(shine, lighter(p.color(hair), 0.35), alpha=0.55, raw=True)


def draw_beard(fig: Figure, p: ShapePainter) -> None:
    """A beard and/or a moustache, in the hair colour (grey or white on an elder)."""
    acc = fig.d.accessories
    beard = "beard" in acc
    moustache = "moustache" in acc or beard
    if not (beard or moustache) or not fig.person:
        return
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    fx = cx + fig.fx
    colour = fig.hair
    if beard:
        shape = union(
            cut(
                oval(cx + fig.fx * 0.3, cy + ry * 0.25, rx * 0.98, ry * 0.98),
                rrect(cx - rx * 2, cy + ry * 0.15, cx + rx * 2, cy + ry * 2, 0),
            ),
            oval(fx, cy + ry * 0.95, rx * 0.55, ry * 0.45),
        )
        mouth_hole = oval(fx + 0.5 * s, fig.mouth_y + 1.2 * s, 6.5 * s, 4.2 * s)
        p.fill(cut(shape, mouth_hole, skia.PathOp.kDifference_PathOp), colour)
    if moustache:  # two rounded sweeps under the nose
        y = fig.mouth_y - 3.4 * s
        for side in (-1, 1):
            sweep = rotated(oval(fx + 0.5 * s + side * 3.6 * s, y, 4.4 * s, 2.1 * s), side * 12, fx + 0.5 * s, y)
            p.fill(sweep, darker(colour, 0.05), outline=0.6)
