"""Growing things and the edges of water: rows of trees, undergrowth, reeds and lily pads, the
shore and the river bank, jungle vines and ferns, the savanna's tall grass, mist and fireflies.
Each function is a layer of a place (see :mod:`.places`).
"""

from __future__ import annotations

import math
import random

import numpy as np
import skia

from render_farm.engine.styles import RGB, darker, mix

from .scenery import bush, tree
from .shapes import oval, poly, rect, tube, union_all
from .stage import Stage, spread

__all__ = [
    "bank",
    "ferns",
    "fireflies",
    "forest_path",
    "island_mound",
    "lily_pads",
    "mist",
    "pebbles",
    "reeds",
    "shore",
    "tall_grass",
    "trees",
    "undergrowth",
    "vines",
]


def trees(
    st: Stage,
    *,
    spacing: float,
    base: float,
    size: tuple[float, float] = (0.55, 0.55),
    kinds: tuple[str, ...] = ("round",),
    haze: float = 0.2,
    jitter: float = 0.0,
    margin: float = 0.0,
) -> None:
    """A row of trees ``spacing`` apart standing on ``base``, of the ``kinds`` given."""
    for x in spread(st, spacing, 0.5, margin):
        tree(
            st,
            x,
            base + st.rng.uniform(-jitter, jitter),
            st.rng.uniform(*size),
            st.rng.choice(kinds),
            haze=haze,
        )


def forest_path(st: Stage, *, top: float = 78.0, bottom: float = 93.0) -> None:
    """A winding earth path through the trees."""
    path = skia.Path()
    path.moveTo(0, top + 2)
    path.cubicTo(st.w * 0.3, top - 2, st.w * 0.7, top, st.w, top + 1)
    path.lineTo(st.w, bottom - 1)
    path.cubicTo(st.w * 0.6, bottom + 1, st.w * 0.3, bottom - 2, 0, bottom)
    path.close()
    st.fill(path, (176, 140, 96) if not st.snowy else (236, 238, 246), outline=0.0)


def undergrowth(st: Stage, *, top: float = 73.0, bottom: float = 78.0, mushrooms: bool = True) -> None:
    """Bushes at the front and red-capped mushrooms among the roots."""
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w / 30)):
        x, y = rng.uniform(0, st.w), rng.uniform(93, 99)
        bush(st, x, y + 1, 0.8)
    if not mushrooms:
        return
    for _ in range(int(st.w / 45)):
        x, y = rng.uniform(0, st.w), rng.uniform(top, bottom)
        st.fill(rect(x - 0.4, y - 1.6, x + 0.4, y), (245, 235, 215), outline=0.5)
        st.fill(oval(x, y - 1.8, 1.3, 0.9), (214, 70, 60), outline=0.5)


def reeds(st: Stage, *, base: float, per_100: float = 12.0, height: float = 8.0, cattails: bool = False) -> None:
    rng = random.Random(st.rng.random())
    stalks = skia.Path()
    heads = []
    for _ in range(int(st.w * per_100 / 100)):
        x = rng.uniform(0, st.w)
        for k in range(3):
            tip = (x + k * 0.9 + 0.5, base - height + rng.random() * 2)
            stalks.moveTo(x + k * 0.6, base)
            stalks.quadTo(x + k * 0.6, base - height * 0.6, *tip)
            if cattails and k == 1:
                heads.append(tip)
    st.p.stroke(stalks, darker(st.leaf((70, 120, 60), 0.2), 0.05), 0.35)
    for hx, hy in heads:
        st.fill(rect(hx - 0.5, hy, hx + 0.5, hy + 2.6, 0.5), (110, 70, 40), outline=0.3)


def pebbles(st: Stage, *, top: float, bottom: float, per_100: float = 4.0, colour: RGB = (150, 150, 150)) -> None:
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w * per_100 / 100)):
        x, y = rng.uniform(0, st.w), rng.uniform(top, bottom)
        st.fill(oval(x, y, 2.2, 1.2), colour)


def _lapped(st: Stage, line: float, step: float, rise: float) -> skia.Path:
    """The land from a gently scalloped water's edge at ``line`` down to the bottom."""
    rng = random.Random(st.rng.random())
    edge = skia.Path()
    edge.moveTo(0, line)
    for x in np.arange(0, st.w + step, step):
        edge.quadTo(float(x) + step / 2, line - 1.5 + rng.random() * rise, float(x) + step, line)
    edge.lineTo(st.w + step, 101)
    edge.lineTo(0, 101)
    edge.close()
    return edge


def shore(st: Stage, *, line: float, colour: RGB = (238, 212, 160)) -> None:
    """The sea's edge: a white line of foam, then the sand (snowy in winter)."""
    edge = _lapped(st, line, 12, 2)
    st.fill(edge, (240, 250, 255), outline=0.0)
    sand = skia.Path(edge)
    sand.offset(0, 1.4)
    st.fill(sand, colour if not st.snowy else mix(colour, (244, 246, 250), 0.7))


def bank(st: Stage, *, line: float, colour: RGB = (104, 166, 76), muddy: bool = False) -> None:
    """The near bank of a river, lake or swamp, in grass (or mud)."""
    st.fill(_lapped(st, line, 10, 1.5), (118, 98, 70) if muddy else st.grass(colour))


def island_mound(st: Stage, *, top: float) -> None:
    """The island itself: a mound of sand with the sea lapping round its ends."""
    mound = oval(st.cx, top + 30, st.w * 0.62, 30)
    foam = oval(st.cx, top + 30, st.w * 0.62 + 1.2, 31.2)
    st.fill(foam, (240, 250, 255), outline=0.0)
    st.fill(mound, (238, 212, 160) if not st.snowy else (240, 242, 248))
    grass = skia.Op(mound, rect(0, 0, st.w, top + 3.5), skia.PathOp.kIntersect_PathOp)
    if grass is not None:
        st.fill(grass, st.grass((110, 170, 80)), outline=0.4)


def vines(st: Stage, *, count_per_100: float = 10.0) -> None:
    """Lianas hanging from the canopy, leafy all the way down."""
    rng = random.Random(st.rng.random())
    canopy = union_all(
        [oval(x, rng.uniform(-2, 3), rng.uniform(10, 16), rng.uniform(6, 10)) for x in spread(st, 14, 0.3)]
    )
    st.fill(canopy, st.leaf((40, 110, 56), 0.4))
    ropes = skia.Path()
    leaves = skia.Path()
    for _ in range(int(st.w * count_per_100 / 100)):
        x, length = rng.uniform(0, st.w), rng.uniform(15, 45)
        ropes.moveTo(x, 4)
        ropes.quadTo(x + rng.uniform(-4, 4), length * 0.6, x + rng.uniform(-2, 2), length)
        for t in np.arange(8, length, 4.5):
            side = 1 if int(t) % 2 else -1
            leaves.addOval(skia.Rect.MakeXYWH(x + side * 0.6 - 0.8, float(t), 1.6, 1.0))
    st.p.stroke(ropes, (70, 100, 50), 0.5)
    st.p.flat(leaves, st.leaf((60, 140, 60), 0.6))


def ferns(st: Stage, *, base: float, per_100: float = 6.0, size: float = 1.0) -> None:
    """Broad fronds and bright jungle flowers along the ground."""
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w * per_100 / 100)):
        x = rng.uniform(0, st.w)
        fronds = []
        for a in (-150, -120, -90, -60, -30):
            r = math.radians(a)
            tip = (x + 8 * size * math.cos(r), base + 7 * size * math.sin(r))
            fronds.append(
                tube([(x, base), (x + 4 * size * math.cos(r), base + 5 * size * math.sin(r) - 1), tip], 1.8 * size)
            )
        st.fill(union_all(fronds), st.leaf(mix((50, 140, 60), (30, 110, 60), rng.random()), 0.5))
        if rng.random() < 0.4:
            fx, fy = x + rng.uniform(-4, 4), base - rng.uniform(3, 6) * size
            st.fill(
                union_all(
                    [oval(fx + math.cos(a) * 0.9, fy + math.sin(a) * 0.9, 0.9, 0.9) for a in (0, 1.3, 2.5, 3.8, 5)]
                ),
                rng.choice([(240, 70, 110), (250, 150, 40), (250, 220, 70)]),
                outline=0.4,
            )


def tall_grass(st: Stage, *, base: float, height: float = 5.0, colour: RGB = (214, 180, 90)) -> None:
    """Savanna grass: a golden fringe of long blades."""
    rng = random.Random(st.rng.random())
    blades = skia.Path()
    for x in np.arange(0, st.w, 0.9):
        h = height * rng.uniform(0.6, 1.2)
        blades.moveTo(float(x), base)
        blades.quadTo(float(x) + 0.3, base - h * 0.6, float(x) + rng.uniform(-1, 1.4), base - h)
    st.p.stroke(blades, colour if not st.snowy else (230, 232, 236), 0.3)


def lily_pads(st: Stage, *, top: float, bottom: float, per_100: float = 8.0) -> None:
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w * per_100 / 100)):
        x, y = rng.uniform(0, st.w), rng.uniform(top + 1, bottom - 1)
        s = 0.6 + (y - top) / 12
        pad = skia.Op(
            oval(x, y, 2.4 * s, 0.9 * s),
            poly([(x, y), (x + 3 * s, y - 0.5 * s), (x + 3 * s, y + 0.5 * s)]),
            skia.PathOp.kDifference_PathOp,
        )
        if pad is not None:
            st.fill(pad, (80, 150, 70), outline=0.4)
        if rng.random() < 0.3:
            st.fill(oval(x - 0.6 * s, y - 0.5 * s, 0.7 * s, 0.5 * s), (250, 200, 220), outline=0.3)


def mist(st: Stage, *, top: float, bottom: float, alpha: float = 0.35) -> None:
    """Low mist lying over water or ground."""
    rng = random.Random(st.rng.random())
    wisps = union_all(
        [oval(x, rng.uniform(top, bottom), rng.uniform(10, 20), rng.uniform(1.2, 2.4)) for x in spread(st, 12, 0.4)]
    )
    st.p.flat(wisps, st.haze((230, 236, 230), 0.4), alpha=alpha)


def fireflies(st: Stage, *, top: float, bottom: float) -> None:
    """Little lights drifting in the dusk and the night."""
    if not st.lit:
        return
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w / 6)):
        x, y = rng.uniform(0, st.w), rng.uniform(top, bottom)
        st.halo(x, y, 1.6, (230, 255, 140), 0.6)
        st.glow(oval(x, y, 0.25, 0.25), (250, 255, 200))
