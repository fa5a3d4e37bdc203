"""Head features: ears of every shape, horns and antlers, a unicorn's horn and antennae, manes
(a lion's, a horse's, a zebra's crest, wool, a wolf's ruff, a hedgehog's spines), crests, combs
and wattles -- each named by the kind's row in :mod:`.kinds` and placed from the figure's head, so
one drawing serves every kind that has it, at every age.
"""

from __future__ import annotations

import math
import random

import skia

from render_farm.engine.styles import RGB, ShapePainter, darker, lighter, mix
from render_farm.film import Age, Gender

from .figure import GOLD, Figure
from .shapes import cut, fuzzy_oval, oval, poly, rotated, rrect, tube, union

__all__ = ["TOP_EARS", "draw_crest", "draw_ears", "draw_horns", "draw_mane_back", "draw_mane_front", "hatted"]

_INNER_EAR: RGB = (240, 160, 172)
_HORN: RGB = (236, 222, 196)

TOP_EARS = {"cat", "fox", "wolf", "squirrel", "rabbit", "hare", "horse", "tall", "bat", "mouse", "round", "koala"}


def hatted(fig: Figure) -> bool:
    """Whether a hat sits over ears that stand on top of the head (they are drawn over it, then)."""
    if fig.k.ears not in TOP_EARS or fig.c.hat in ("knight_helmet", "headcloth", "space_helmet"):
        return False
    return fig.c.hat != "none" or bool({"hat", "crown"} & set(fig.d.accessories))


def draw_ears(fig: Figure, p: ShapePainter, *, front: bool, outside: object = None) -> None:
    if outside is not None:  # only what shows outside the head (and so outside the hat's crown)
        clip = skia.Path(outside)  # type: ignore[arg-type]
        clip.setFillType(skia.PathFillType.kInverseWinding)
        p.canvas.save()
        p.canvas.clipPath(clip, doAntiAlias=True)
        draw_ears(fig, p, front=front)
        p.canvas.restore()
        return
    ears = fig.k.ears
    if ears == "floppy" and fig.variant == 3:
        ears = "cat"  # a pointed-eared dog
    if (ears in ("floppy", "pig")) != front:
        return
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    fur = fig.head_color if fig.pattern != "panda" else fig.marks
    for side in (-1, 1):
        x = cx + side * rx
        if ears == "human":
            p.fill(oval(cx + side * (rx - 0.5), fig.eye_y + 3 * s, 3.6 * s, 5.2 * s), fig.skin)
        elif ears in ("cat", "fox", "wolf", "squirrel"):
            tall = {"cat": 24, "fox": 30, "wolf": 27, "squirrel": 24}[ears] * s
            ear = poly(
                [
                    (cx + side * 0.3 * rx, cy - 0.76 * ry),
                    (cx + side * 0.93 * rx, cy - 0.36 * ry),
                    (cx + side * 0.81 * rx, cy - 0.36 * ry - tall),
                ],
                3.5 * s,
            )
            p.fill(ear, fur)
            inner = poly(
                [
                    (cx + side * 0.44 * rx, cy - 0.72 * ry),
                    (cx + side * 0.81 * rx, cy - 0.48 * ry),
                    (cx + side * 0.76 * rx, cy - 0.36 * ry - tall + 7 * s),
                ],
                2 * s,
            )
            colour = _INNER_EAR if ears == "cat" else darker(fur, 0.35)
            if fig.pattern == "mask":
                colour = (240, 238, 232)
            p.flat(inner, colour)
            if ears == "squirrel":
                p.fill(
                    poly(
                        [
                            (cx + side * 0.81 * rx - 2 * s, cy - 0.36 * ry - tall + 3 * s),
                            (cx + side * 0.81 * rx + 2 * s, cy - 0.36 * ry - tall + 3 * s),
                            (cx + side * 0.85 * rx, cy - 0.36 * ry - tall - 5 * s),
                        ],
                        1 * s,
                    ),
                    darker(fur, 0.2),
                )
        elif ears in ("round", "small_round", "mouse", "koala"):
            r = {"round": 8.5, "small_round": 6.0, "mouse": 13.0, "koala": 12.0}[ears] * s
            ex, ey = cx + side * rx * (0.74 if ears != "koala" else 0.92), cy - ry * (0.76 if ears != "koala" else 0.55)
            if ears == "mouse":
                ex, ey = cx + side * rx * 0.85, cy - ry * 0.68
            shape = oval(ex, ey, r, r) if ears != "koala" else fuzzy_oval(ex, ey, r, r, 11, 2 * s, random.Random(side))
            p.fill(shape, fur)
            inner = _INNER_EAR if ears == "mouse" else (darker(fur, 0.25) if ears != "koala" else (240, 238, 234))
            p.flat(oval(ex, ey + 0.6 * s, r * 0.55, r * 0.55), inner)
        elif ears in ("rabbit", "hare"):
            length = 20 * s if ears == "rabbit" else 22 * s
            ex, ey = cx + side * 0.37 * rx, cy - 1.32 * ry
            pivot = (ex, cy - 0.68 * ry)
            tilt = side * (10 if fig.variant != 2 or ears == "hare" else 35)
            p.fill(rotated(oval(ex, ey, 6.5 * s, length), tilt, *pivot), fur)
            p.flat(rotated(oval(ex, ey + 1 * s, 3.4 * s, length * 0.72), tilt, *pivot), _INNER_EAR)
            if ears == "hare":
                tip = cut(
                    rotated(oval(ex, ey, 6.5 * s, length), tilt, *pivot),
                    rotated(oval(ex, ey - length, 8 * s, 7 * s), tilt, *pivot),
                )
                p.fill(tip, fig.marks, outline=0.0)
        elif ears == "floppy":
            ear = rotated(
                oval(cx + side * 0.93 * rx, cy - 0.2 * ry, 7.5 * s, 15 * s),
                -side * 18,
                cx + side * 0.93 * rx,
                cy - 0.68 * ry,
            )
            colour = darker(fig.accent, 0.05) if fig.accent != fig.skin else darker(fig.skin, 0.25)
            if fig.pattern == "patches":
                colour = fig.marks
            p.fill(ear, fig.greyed(colour) if fig.age is Age.elder else colour)
        elif ears == "pig":
            ear = poly(
                [
                    (cx + side * 0.38 * rx, cy - 0.88 * ry),
                    (cx + side * 0.88 * rx, cy - 0.62 * ry),
                    (cx + side * 0.9 * rx, cy - 1.12 * ry),
                ],
                2 * s,
            )
            p.fill(ear, fur)
        elif ears in ("side", "long_side"):
            big = ears == "long_side"
            ex, ey = x + side * (5 if not big else 6) * s, cy - ry * (0.22 if not big else 0.5)
            ear = rotated(
                oval(ex, ey, (9 if not big else 11) * s, (4.2 if not big else 5.5) * s),
                side * (-12 if not big else -32),
                ex,
                ey,
            )
            p.fill(ear, fur)
            p.flat(
                rotated(oval(ex + side * 1 * s, ey, 5.5 * s, 2.2 * s), side * (-12 if not big else -32), ex, ey),
                _INNER_EAR if fig.kind.value != "sheep" else darker(fur, 0.3),
            )
        elif ears in ("horse", "tall"):
            tall = ears == "tall"
            ex, ey = cx + side * 0.5 * rx, cy - ry * (1.05 if not tall else 1.25)
            ear = rotated(oval(ex, ey, (4.4 if not tall else 6) * s, (9 if not tall else 15) * s), side * 14, ex, ey)
            p.fill(ear, fur)
            p.flat(
                rotated(oval(ex, ey + 1.5 * s, 2 * s, (5.5 if not tall else 10) * s), side * 14, ex, ey),
                darker(fur, 0.3),
            )
        elif ears == "elephant":
            ex, ey = x + side * 3 * s, cy + 0.05 * ry
            p.fill(oval(ex, ey, 16 * s, 20 * s), fur)
            p.flat(oval(ex + side * 2 * s, ey, 11 * s, 14 * s), mix(fur, (240, 170, 180), 0.35))
        elif ears == "bat":
            ear = poly(
                [
                    (cx + side * 0.2 * rx, cy - 0.8 * ry),
                    (cx + side * 1.05 * rx, cy - 0.25 * ry),
                    (cx + side * 1.0 * rx, cy - 1.55 * ry),
                ],
                2.5 * s,
            )
            p.fill(ear, fur)
            p.flat(
                poly(
                    [
                        (cx + side * 0.42 * rx, cy - 0.76 * ry),
                        (cx + side * 0.92 * rx, cy - 0.4 * ry),
                        (cx + side * 0.92 * rx, cy - 1.3 * ry),
                    ],
                    2 * s,
                ),
                mix(fur, (230, 150, 170), 0.45),
            )
        elif ears == "monkey":
            p.fill(oval(x + side * 2 * s, fig.eye_y + 1 * s, 7 * s, 8 * s), fur)
            p.flat(oval(x + side * 2.5 * s, fig.eye_y + 1 * s, 4 * s, 5 * s), fig.greyed(fig.belly))


def draw_horns(fig: Figure, p: ShapePainter, *, front: bool) -> None:
    horns = fig.k.horns
    if horns == "none":
        return
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    if horns == "unicorn":
        if front:
            hx = cx + fig.fx * 0.5
            root = cy - 0.8 * ry
            horn = poly([(hx - 3.8 * s, root), (hx + 3.8 * s, root), (hx + 1 * s, root - 22 * s)], 1 * s)
            p.fill(horn, GOLD)
            for k in range(3):
                y = root - (4 + k * 5.5) * s
                p.stroke(
                    tube([(hx - 2.6 * s + k * 0.8 * s, y), (hx + 2.6 * s - k * 0.5 * s, y - 2 * s)], 0.01),
                    darker(GOLD, 0.3),
                    0.7,
                )
        return
    if horns == "antennae":
        if front:
            tip_colour = fig.accent if fig.kind.value in ("alien", "butterfly") else fig.marks
            for side in (-1, 1):
                base = (cx + side * 0.25 * rx, cy - 0.9 * ry)
                tip = (cx + side * 0.7 * rx, cy - ry - 14 * s)
                p.fill(
                    tube([base, (cx + side * 0.42 * rx, cy - ry - 8 * s), tip], 1.6 * s),
                    darker(fig.skin, 0.45) if fig.kind.value != "alien" else fig.skin,
                    outline=0.5,
                )
                p.fill(oval(tip[0], tip[1], 3 * s, 3 * s), tip_colour)
        return
    if front:
        return
    for side in (-1, 1):
        if horns == "goat":
            horn = tube(
                [
                    (cx + side * 0.28 * rx, cy - 0.82 * ry),
                    (cx + side * 0.5 * rx, cy - 1.38 * ry),
                    (cx + side * 0.98 * rx, cy - 1.22 * ry),
                ],
                4.6 * s,
            )
            p.fill(horn, (196, 176, 146))
            for t in (0.3, 0.55):
                hx = cx + side * (0.28 + t * 0.5) * rx
                p.stroke(
                    tube(
                        [(hx - 2 * s, cy - (1.1 + t * 0.3) * ry), (hx + 2 * s, cy - (1.1 + t * 0.3) * ry + 1 * s)], 0.01
                    ),
                    darker((196, 176, 146), 0.3),
                    0.6,
                )
        elif horns == "cow":
            horn = tube(
                [
                    (cx + side * 0.55 * rx, cy - 0.78 * ry),
                    (cx + side * 0.98 * rx, cy - 0.92 * ry),
                    (cx + side * 1.02 * rx, cy - 1.2 * ry),
                ],
                3.6 * s,
            )
            p.fill(horn, _HORN)
        elif horns == "antlers":
            if fig.gender is Gender.female:
                continue
            if fig.age is Age.child:
                p.fill(oval(cx + side * 0.4 * rx, cy - 0.95 * ry, 2.6 * s, 2.2 * s), (150, 110, 70))
                continue
            size = 0.7 if fig.age is Age.teen else 1.0
            base = (cx + side * 0.32 * rx, cy - 0.86 * ry)
            tip = (cx + side * 0.95 * rx * size, cy - ry * (1 + 0.85 * size))
            colour = (150, 110, 70)
            p.fill(tube([base, (cx + side * 0.5 * rx, cy - 1.35 * ry), tip], 3.2 * s), colour)
            for t, length in ((0.45, 9), (0.75, 7)):
                bx = base[0] + (tip[0] - base[0]) * t
                by = base[1] + (tip[1] - base[1]) * t
                p.fill(tube([(bx, by), (bx - side * 2 * s, by - length * s * size)], 2.6 * s), colour)
        elif horns == "ossicones":
            top = (cx + side * 0.34 * rx, cy - 1.35 * ry)
            p.fill(tube([(cx + side * 0.28 * rx, cy - 0.8 * ry), top], 3.6 * s), fig.skin)
            p.fill(oval(top[0], top[1], 3 * s, 3 * s), fig.marks)
        elif horns == "dragon" or (horns == "monster" and fig.variant == 0):
            p.fill(_swept_horn(cx, cy, rx, ry, s, side), _HORN)
        elif horns == "monster":
            v = fig.variant
            if v == 1 and side == 1:
                p.fill(
                    poly(
                        [(cx - 5 * s, cy - 0.9 * ry), (cx + 5 * s, cy - 0.9 * ry), (cx + 1 * s, cy - ry - 16 * s)],
                        2 * s,
                    ),
                    _HORN,
                )
            elif v == 2:
                curl = tube(
                    [
                        (cx + side * 0.45 * rx, cy - 0.8 * ry),
                        (cx + side * 1.05 * rx, cy - 1.1 * ry),
                        (cx + side * 1.12 * rx, cy - 0.55 * ry),
                        (cx + side * 0.9 * rx, cy - 0.5 * ry),
                    ],
                    4 * s,
                )
                p.fill(curl, _HORN)


def _swept_horn(cx: float, cy: float, rx: float, ry: float, s: float, side: int) -> skia.Path:
    """A horn swept up and back from the top of the head (a dragon's; a monster's)."""
    return poly(
        [
            (cx + side * 0.33 * rx, cy - 0.84 * ry),
            (cx + side * 0.63 * rx, cy - 0.72 * ry),
            (cx + side * 0.78 * rx, cy - 1.48 * ry),
        ],
        2.2 * s,
    )


def draw_mane_back(fig: Figure, p: ShapePainter) -> None:
    mane = fig.k.mane
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    if mane == "lion" and fig.gender is not Gender.female:
        grow = 3 if fig.age is Age.child else (8 if fig.age is Age.teen else 12)
        p.fill(
            fuzzy_oval(cx, cy + 2 * s, rx + grow * s, ry + grow * s, 18, 3.2 * s, random.Random(fig.rng_seed)),
            fig.greyed(fig.accent),
        )
    elif mane == "spines":
        points = []
        for k in range(15):
            t = math.pi * (0.95 + 1.1 * k / 14)
            r = 1.28 if k % 2 == 0 else 1.05
            points.append((cx + rx * r * math.cos(t), cy - 3 * s + ry * r * math.sin(t)))
        points += [(cx + rx * 0.9, cy + ry * 0.4), (cx - rx * 0.9, cy + ry * 0.4)]
        p.fill(poly(points, 1.2 * s), fig.marks)
    elif mane == "wool":
        rng = random.Random(fig.rng_seed)
        p.fill(fuzzy_oval(cx, cy - ry * 0.25, rx * 1.12, ry * 0.95, 14, 3 * s, rng), fig.accent)
    elif mane == "horse" and fig.kind.value != "zebra":
        back = poly(
            [
                (cx - rx * 0.2, cy - ry),
                (cx - rx * 0.95, cy - ry * 0.5),
                (cx - rx * 1.2, cy + ry * 0.4),
                (cx - rx * 1.0, fig.a.torso_top + 8),
                (cx - rx * 0.6, cy + ry * 0.6),
            ],
            5 * s,
        )
        p.fill(back, fig.accent)
        if fig.kind.value == "unicorn":
            p.fill(
                cut(back, rrect(cx - rx * 2, cy - ry * 0.2, cx, cy + ry * 0.3, 0)), lighter(fig.accent, 0.4), outline=0
            )


def draw_mane_front(fig: Figure, p: ShapePainter) -> None:
    mane = fig.k.mane
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    if mane == "horse":
        tuft = union(oval(cx - 3 * s, cy - ry * 0.92, 6 * s, 4.5 * s), oval(cx + 3 * s, cy - ry * 0.88, 5 * s, 4 * s))
        colour = fig.accent
        if fig.kind.value == "zebra":
            crest = rrect(cx - 4 * s, cy - ry - 8 * s, cx + 4 * s, cy - ry * 0.7, 3 * s)
            p.fill(crest, fig.skin)
            for k in range(4):
                p.flat(
                    cut(
                        rrect(cx - 5 * s, cy - ry - 7 * s + k * 4 * s, cx + 5 * s, cy - ry - 5.6 * s + k * 4 * s, 0),
                        crest,
                    ),
                    fig.marks,
                )
            return
        p.fill(tuft, colour)
    elif mane == "tuft":
        colour = fig.marks if fig.kind.value == "giraffe" else darker(fig.skin, 0.3)
        p.fill(
            union(oval(cx - 2 * s, cy - ry * 0.95, 4 * s, 3.5 * s), oval(cx + 3 * s, cy - ry * 0.96, 3.5 * s, 3 * s)),
            colour,
        )
    elif mane == "ruff":
        for side in (-1, 1):
            ruff = poly(
                [
                    (cx + side * rx * 0.75, cy + ry * 0.05),
                    (cx + side * (rx + 5 * s), cy + ry * 0.35),
                    (cx + side * rx * 0.9, cy + ry * 0.55),
                    (cx + side * (rx + 3 * s), cy + ry * 0.75),
                    (cx + side * rx * 0.45, cy + ry * 0.85),
                ],
                1.2 * s,
            )
            p.fill(ruff, fig.greyed(fig.belly), outline=0.6)
    elif mane == "lion" and fig.gender is not Gender.female and fig.age is not Age.child:
        p.fill(
            union(oval(cx - 4 * s, cy - ry * 0.95, 6 * s, 4 * s), oval(cx + 4 * s, cy - ry * 0.93, 5 * s, 4 * s)),
            fig.greyed(fig.accent),
        )
    elif mane == "lion" and fig.age is Age.child:
        p.fill(oval(cx + 1 * s, cy - ry * 0.98, 5 * s, 3.6 * s), fig.accent)


def draw_crest(fig: Figure, p: ShapePainter) -> None:
    extras = fig.k.extras
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    top = cy - ry
    if "crest" in extras:
        for k, ang in enumerate((-25, 0, 25)):
            tuft = rotated(oval(cx, top - 4 * s, 3.2 * s, 8 * s), ang, cx, top + 3 * s)
            p.fill(tuft, fig.accent if k != 1 else darker(fig.accent, 0.1))
    if "comb" in extras:
        p.fill(
            union(
                oval(cx - 5 * s, top + 1 * s, 4.5 * s, 5 * s),
                oval(cx + 1 * s, top - 2 * s, 5 * s, 6 * s),
                oval(cx + 7 * s, top + 1.5 * s, 4 * s, 4.5 * s),
            ),
            (222, 50, 50),
        )
    if "ear_tufts" in extras:
        for side in (-1, 1):
            p.fill(
                poly(
                    [
                        (cx + side * 0.35 * rx, top + 3 * s),
                        (cx + side * 0.85 * rx, top + 6 * s),
                        (cx + side * 0.9 * rx, top - 9 * s),
                    ],
                    1.5 * s,
                ),
                darker(fig.skin, 0.12),
            )
    if "spikes" in extras and fig.k.plan == "biped":
        for x in (-8, 0, 8):
            p.fill(
                poly(
                    [
                        (cx + (x - 3.5) * s, top + 1.5 * s),
                        (cx + (x + 3.5) * s, top + 1.5 * s),
                        (cx + x * s, top - 6 * s),
                    ],
                    1.2 * s,
                ),
                fig.accent,
            )
    if "wattle" in extras:
        p.fill(oval(cx + fig.fx + 1 * s, fig.mouth_y + 9 * s, 2.6 * s, 4 * s), (222, 50, 50))
