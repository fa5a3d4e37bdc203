"""Scenery the places share: trees of every climate, bushes, grass and flowers, rocks, the ground,
lit or dark windows. Leaves and grass take the season's colours from the :class:`.stage.Stage`.
"""

from __future__ import annotations

import math
import random

import skia

from render_farm.engine.styles import RGB, darker, lighter, mix
from render_farm.film.spec import Season

from .shapes import oval, poly, rect, tube, union_all
from .stage import WINDOW_LIT, Stage

__all__ = ["bush", "flower_bed", "grass_details", "ground", "rocks", "tree", "windows"]


def tree(st: Stage, x: float, ground: float, size: float, kind: str, haze: float = 0.0) -> None:
    """A tree standing at (x, ground): ``round``, ``pine``, ``palm``, ``acacia``, ``willow``,
    ``jungle`` or ``cactus``, ``size`` 1 being about a third of the picture's height; the wind
    bends it away from the weather."""
    bend = st.windy if kind != "cactus" else 0.0
    if bend:
        st.canvas.save()
        st.canvas.translate(x, ground)
        st.canvas.skew(0.45 * bend, 0.0)
        st.canvas.translate(-x, -ground)
    _tree(st, x, ground, size, kind, haze)
    if bend:
        st.canvas.restore()


def _tree(st: Stage, x: float, ground: float, size: float, kind: str, haze: float) -> None:
    pick = st.rng.random()
    trunk_c = st.haze((122, 84, 56), haze)
    leaf = st.haze(st.leaf(mix((76, 150, 70), (40, 110, 70), pick), st.rng.random()), haze)
    if kind == "pine":
        st.fill(rect(x - 0.9 * size, ground - 4 * size, x + 0.9 * size, ground), trunk_c)
        tiers = [
            poly(
                [
                    (x - (6 - i) * size, ground - (3 + 4.5 * i) * size),
                    (x + (6 - i) * size, ground - (3 + 4.5 * i) * size),
                    (x, ground - (12 + 4.5 * i) * size),
                ]
            )
            for i in range(3)
        ]
        # pines keep their needles all year; only snow changes them
        needles = st.haze(mix((76, 150, 70), (40, 110, 70), pick), haze)
        crown = union_all(tiers)
        st.fill(crown, darker(needles, 0.1))
        if st.snowy:
            caps = union_all(
                [
                    poly(
                        [
                            (x - 2.2 * size, ground - (9.6 + 4.5 * i) * size),
                            (x + 2.2 * size, ground - (9.6 + 4.5 * i) * size),
                            (x, ground - (12 + 4.5 * i) * size),
                        ]
                    )
                    for i in range(3)
                ]
            )
            st.fill(caps, st.haze((246, 248, 252), haze), outline=0.4, shade=False)
    elif kind == "palm":
        _palm(st, x, ground, size, haze)
    elif kind == "acacia":
        trunk = tube(
            [(x, ground), (x + 0.6 * size, ground - 8 * size), (x + 2.5 * size, ground - 15 * size)], 1.4 * size
        )
        branch = tube([(x + 0.6 * size, ground - 8 * size), (x - 3 * size, ground - 14 * size)], 1.0 * size)
        st.fill(union_all([trunk, branch]), trunk_c)
        canopy = union_all(
            [
                oval(x + dx * size, ground - (16 + dy) * size, rx * size, 2.4 * size)
                for dx, dy, rx in ((-4, 0, 7), (4, -0.5, 7.5), (0, 1.4, 6))
            ]
        )
        st.fill(canopy, st.haze(st.leaf((108, 140, 60), pick), haze))
    elif kind == "willow":
        st.fill(
            poly(
                [
                    (x - 1.5 * size, ground),
                    (x - 0.9 * size, ground - 10 * size),
                    (x + 0.9 * size, ground - 10 * size),
                    (x + 1.5 * size, ground),
                ]
            ),
            trunk_c,
        )
        crown = oval(x, ground - 15 * size, 8 * size, 6 * size)
        drapes = [
            poly(
                [
                    (x + dx * size, ground - 14 * size),
                    (x + (dx + 1.6) * size, ground - 14 * size),
                    (x + (dx + 1.1) * size, ground - (3 + abs(dx) * 0.5) * size),
                ]
            )
            for dx in (-8.5, -6, -3.5, -1, 1.5, 4, 6.5)
        ]
        st.fill(union_all([crown, *drapes]), st.haze(st.leaf((92, 130, 70), pick), haze))
    elif kind == "jungle":
        st.fill(rect(x - 1.1 * size, ground - 22 * size, x + 1.1 * size, ground), trunk_c)
        leaves = []
        for a in (-160, -130, -95, -60, -25, 5):
            r = math.radians(a)
            tip = (x + 11 * size * math.cos(r), ground - 22 * size + 9 * size * math.sin(r) + 4 * size)
            mid = (x + 6 * size * math.cos(r), ground - 22 * size + 6 * size * math.sin(r) - 1.5 * size)
            leaves.append(tube([(x, ground - 22 * size), mid, tip], 3.2 * size))
        st.fill(union_all(leaves), st.haze((46, 128, 60), haze))
    elif kind == "cactus":
        green = st.haze((86, 150, 84), haze)
        body = union_all(
            [
                rect(x - 1.6 * size, ground - 14 * size, x + 1.6 * size, ground, 1.6 * size),
                tube(
                    [
                        (x - 1.4 * size, ground - 6 * size),
                        (x - 4 * size, ground - 6.5 * size),
                        (x - 4 * size, ground - 10.5 * size),
                    ],
                    2.2 * size,
                ),
                tube(
                    [
                        (x + 1.4 * size, ground - 8 * size),
                        (x + 3.6 * size, ground - 8.5 * size),
                        (x + 3.6 * size, ground - 12 * size),
                    ],
                    2.0 * size,
                ),
            ]
        )
        st.fill(body, green)
    else:  # round, broad-leaved: bare in winter, in blossom in spring
        st.fill(
            poly(
                [
                    (x - 1.3 * size, ground),
                    (x - 0.8 * size, ground - 9 * size),
                    (x + 0.8 * size, ground - 9 * size),
                    (x + 1.3 * size, ground),
                ]
            ),
            trunk_c,
        )
        if st.bare:
            twigs = [
                tube(
                    [
                        (x, ground - 8 * size),
                        (x + dx * size, ground - (13 + dy) * size),
                        (x + dx * 1.5 * size, ground - (17 + dy) * size),
                    ],
                    0.7 * size,
                )
                for dx, dy in ((-3, 0), (3, 1), (0, 4), (-1.5, 2.5), (2, 3.5))
            ]
            st.fill(union_all(twigs), trunk_c, outline=0.6)
            if st.snowy:
                st.fill(oval(x, ground - 19 * size, 4 * size, 1.1 * size), (246, 248, 252), outline=0.4, shade=False)
            return
        blobs = [
            oval(x + dx * size, ground - (12 + dy) * size, r * size, r * size)
            for dx, dy, r in ((-3.5, 0, 4.5), (3.5, 0.5, 4.5), (0, 4, 5.5), (0, -1, 5))
        ]
        crown = union_all(blobs)
        st.fill(crown, leaf)
        bloom = st.blossom(pick)
        rng = random.Random(pick)
        if bloom is not None:
            dots = skia.Path()
            for _ in range(14):
                angle, reach = rng.uniform(0, math.tau), rng.uniform(0, 6.5) * size
                dots.addCircle(
                    x + math.cos(angle) * reach, ground - 14 * size + math.sin(angle) * reach * 0.8, 0.9 * size
                )
            st.p.flat(skia.Op(dots, crown, skia.PathOp.kIntersect_PathOp) or dots, st.haze(bloom, haze))
        if st.snowy:
            st.fill(oval(x, ground - 20.5 * size, 5 * size, 1.4 * size), (246, 248, 252), outline=0.4, shade=False)


def _palm(st: Stage, x: float, ground: float, size: float, haze: float) -> None:
    top = (x + 8 * size, ground - 38 * size)
    trunk = tube([(x, ground), (x + 2 * size, ground - 22 * size), top], 2.4 * size, round_cap=False)
    st.fill(trunk, st.haze((150, 110, 70), haze))
    fronds = []
    for a in (-150, -120, -60, -25, 10, 200):
        r = math.radians(a)
        fr = skia.Path()
        fr.moveTo(*top)
        fr.quadTo(
            top[0] + 8 * size * math.cos(r),
            top[1] - 4 * size + 8 * size * math.sin(r) - 3 * size,
            top[0] + 15 * size * math.cos(r),
            top[1] + 1 * size + 12 * size * math.sin(r),
        )
        fr.quadTo(top[0] + 7 * size * math.cos(r), top[1] + 8 * size * math.sin(r), *top)
        fronds.append(fr)
    st.fill(union_all(fronds), st.haze((70, 150, 70), haze))


def bush(st: Stage, x: float, ground: float, size: float, rgb: RGB = (70, 140, 66), haze: float = 0.0) -> None:
    blobs = [
        oval(x + dx * size, ground - (2.5 + dy) * size, r * size, r * 0.85 * size)
        for dx, dy, r in ((-2.6, 0, 2.8), (2.6, 0.2, 2.6), (0, 1.6, 3.3))
    ]
    st.fill(union_all(blobs), st.haze(st.leaf(rgb, st.rng.random()), haze))
    if st.snowy:
        st.fill(oval(x, ground - 6.2 * size, 3.2 * size, 0.9 * size), (246, 248, 252), outline=0.4, shade=False)


def rocks(
    st: Stage, *, count: int, top: float, bottom: float, colour: RGB = (150, 146, 140), size: float = 1.0
) -> None:
    rng = random.Random(st.rng.random())
    for _ in range(count):
        x, y = rng.uniform(0, st.w), rng.uniform(top, bottom)
        s = size * (0.7 + 0.3 * (y - top) / max(1.0, bottom - top))
        st.fill(union_all([oval(x, y, 3.4 * s, 2.2 * s), oval(x + 2 * s, y + 0.6 * s, 2.4 * s, 1.6 * s)]), colour)


def grass_details(st: Stage, top: float, flowers: bool) -> None:
    rng = random.Random(st.rng.random())
    if st.snowy:
        return  # snow covers the tufts and the flowers
    tufts = skia.Path()
    for _ in range(int(st.w * 0.5)):
        x, y = rng.uniform(0, st.w), rng.uniform(top + 2, 100)
        s = 0.5 + (y - top) / 40
        for dx in (-0.6, 0, 0.6):
            tufts.moveTo(x + dx * s, y)
            tufts.lineTo(x + dx * 2.2 * s, y - 1.6 * s)
    st.p.stroke(tufts, darker(st.grass((102, 168, 74)), 0.35), 0.22)
    if flowers and st.season is Season.autumn:
        leaves = skia.Path()
        for _ in range(int(st.w * 0.7)):
            x, y = rng.uniform(0, st.w), rng.uniform(top + 2, 99)
            leaves.addOval(skia.Rect.MakeXYWH(x, y, 1.6, 0.9))
        st.p.flat(leaves, (214, 104, 40))
        return
    if flowers:
        count = 0.4 if st.season is Season.spring else 0.25
        for _ in range(int(st.w * count)):
            x, y = rng.uniform(0, st.w), rng.uniform(top + 3, 99)
            s = 0.35 + (y - top) / 50
            color = rng.choice([(255, 120, 150), (255, 226, 90), (255, 255, 255), (170, 140, 255)])
            st.fill(
                union_all([oval(x + math.cos(a) * s, y + math.sin(a) * s, 0.75 * s, 0.75 * s) for a in (0, 2.1, 4.2)]),
                color,
                outline=0.4,
            )
            st.p.flat(oval(x, y, 0.45 * s, 0.45 * s), (255, 200, 60))


def flower_bed(st: Stage, left: float, right: float, top: float, bottom: float) -> None:
    """A bed of soil thick with flowers (bare soil, or snow, out of season)."""
    right = min(right, st.w + 2)
    st.fill(rect(left, top, right, bottom, 1.2), (124, 88, 60) if not st.snowy else (240, 242, 248), outline=0.6)
    if st.snowy:
        return
    rng = random.Random(st.rng.random())
    stems = skia.Path()
    heads = []
    x = left + 1.5
    while x < min(right, st.w + 3) - 1:
        h = rng.uniform(3, 6)
        stems.moveTo(x, top + 0.5)
        stems.lineTo(x, top - h)
        colour = rng.choice([(240, 80, 110), (255, 210, 70), (250, 250, 250), (180, 120, 230), (255, 140, 60)])
        if st.season is Season.autumn:
            colour = mix(colour, (200, 120, 60), 0.5)
        heads.append((x, top - h, colour))
        x += rng.uniform(2.2, 3.4)
    st.p.stroke(stems, (70, 130, 60), 0.35)
    for hx, hy, colour in heads:
        st.fill(
            union_all([oval(hx + math.cos(a) * 0.8, hy + math.sin(a) * 0.8, 0.8, 0.8) for a in (0, 1.6, 3.2, 4.8)]),
            colour,
            outline=0.4,
        )
        st.p.flat(oval(hx, hy, 0.5, 0.5), (255, 220, 90))


def ground(st: Stage, top: float, color: RGB, far_color: RGB | None = None, *, grassy: bool = False) -> None:
    """The ground from ``top`` down to the bottom (grass takes the season's colour)."""
    if grassy:
        color = st.grass(color)
        far_color = st.grass(far_color) if far_color is not None else None
    far = st.p.color(far_color or lighter(color, 0.1))
    st.band(top, top, 100.0, (far, st.p.color(color)), (0.0, 1.0))


def windows(st: Stage, left: float, top: float, right: float, bottom: float, cols: int, rows: int, frame: RGB) -> None:
    cw, rh = (right - left) / cols, (bottom - top) / rows
    for r in range(rows):
        for c in range(cols):
            x0, y0 = left + c * cw + cw * 0.22, top + r * rh + rh * 0.2
            win = rect(x0, y0, x0 + cw * 0.56, y0 + rh * 0.6, 0.3)
            if st.lit and st.rng.random() < 0.65:
                st.glow(win, WINDOW_LIT)
            else:
                st.fill(win, mix((150, 190, 220), frame, 0.2), outline=0.5, shade=False)
