"""Landmarks that say a place at a glance: the lighthouse, the windmill and the barn, moored
boats and the jetty, the ferris wheel and the big top, an igloo, a garden shed, park benches
and hedges, hay bales, bunting. Each is a layer placed at an offset from the picture's middle.
"""

from __future__ import annotations

import math
import random

import numpy as np
import skia

from render_farm.engine.styles import RGB

from .shapes import oval, poly, rect, tube, union_all
from .stage import WINDOW_LIT, Stage, spread

__all__ = [
    "barn",
    "benches",
    "big_top",
    "bunting",
    "ferris_wheel",
    "hay_bales",
    "hedge",
    "igloo",
    "jetty",
    "lighthouse",
    "moored_boats",
    "shed",
    "termite_mound",
    "windmill",
]


def lighthouse(st: Stage, *, x: float, base: float, height: float = 34.0, rock: bool = True) -> None:
    """A red and white lighthouse on its rock; its lamp shines out at dusk and night."""
    x = st.cx + x
    if rock:
        st.fill(
            union_all([oval(x, base + 1, 11, 3.5), oval(x - 5, base, 6, 3), oval(x + 6, base + 0.5, 5, 2.5)]),
            (120, 116, 110),
        )
    w0, w1 = height * 0.16, height * 0.1
    body = poly([(x - w0, base), (x - w1, base - height), (x + w1, base - height), (x + w0, base)])
    st.fill(body, (246, 244, 238))
    bands = skia.Path()
    for k in (0.15, 0.45, 0.75):
        y0, y1 = base - height * k, base - height * (k + 0.14)
        bands.addPath(skia.Op(body, rect(x - w0, y1, x + w0, y0), skia.PathOp.kIntersect_PathOp) or skia.Path())
    st.fill(bands, (204, 60, 56), outline=0.0)
    top = base - height
    st.fill(rect(x - w1 - 1.5, top - 0.8, x + w1 + 1.5, top + 0.6), (60, 60, 66))
    lamp = rect(x - w1 * 0.8, top - 5, x + w1 * 0.8, top - 0.8)
    if st.lit:
        for side in (-1, 1):
            beam = poly([(x, top - 3), (x + side * 60, top - 12), (x + side * 60, top + 4)])
            st.p.flat(beam, st.look.treat((255, 240, 180)), alpha=0.22, raw=True)
        st.halo(x, top - 3, 9, WINDOW_LIT, 0.6)
        st.glow(lamp, (255, 236, 160))
    else:
        st.fill(lamp, (190, 220, 236), outline=0.5)
    st.fill(poly([(x - w1 - 1, top - 5), (x + w1 + 1, top - 5), (x, top - 9.5)]), (60, 60, 66))


def windmill(st: Stage, *, x: float, base: float, height: float = 30.0, angle: float = 20.0) -> None:
    """A windmill with a tapering tower, a cap and four latticed sails."""
    x = st.cx + x
    w0, w1 = height * 0.24, height * 0.14
    st.fill(poly([(x - w0, base), (x - w1, base - height), (x + w1, base - height), (x + w0, base)]), (236, 226, 206))
    cap = poly([(x - w1 - 1.5, base - height + 0.5), (x + w1 + 1.5, base - height + 0.5), (x, base - height - 5)])
    st.fill(cap, (150, 70, 56))
    st.snow_cap(cap, 2)
    st.fill(rect(x - 1.6, base - 6, x + 1.6, base, 1.6), (110, 76, 50))
    hub = (x, base - height - 1)
    sails = []
    for k in range(4):
        a = math.radians(angle + 90 * k)
        tip = (hub[0] + math.cos(a) * height * 0.75, hub[1] + math.sin(a) * height * 0.75)
        sails.append(tube([hub, tip], 0.8))
        n = (-math.sin(a), math.cos(a))
        near = (hub[0] + math.cos(a) * height * 0.2, hub[1] + math.sin(a) * height * 0.2)
        sails.append(
            poly([near, tip, (tip[0] + n[0] * 3.4, tip[1] + n[1] * 3.4), (near[0] + n[0] * 3.4, near[1] + n[1] * 3.4)])
        )
    st.fill(union_all(sails), (240, 236, 226), outline=0.8)
    st.fill(oval(*hub, 1.4, 1.4), (90, 70, 60))


def barn(st: Stage, *, x: float, base: float, width: float = 30.0) -> None:
    """A red barn with a gambrel roof, white trim and a cross-braced door."""
    x = st.cx + x
    h = width * 0.55
    half = width / 2
    body = poly(
        [
            (x - half, base),
            (x - half, base - h),
            (x - half * 0.72, base - h - width * 0.22),
            (x, base - h - width * 0.36),
            (x + half * 0.72, base - h - width * 0.22),
            (x + half, base - h),
            (x + half, base),
        ]
    )
    st.fill(body, (184, 54, 46))
    roof = poly(
        [
            (x - half - 1.2, base - h + 0.6),
            (x - half * 0.74, base - h - width * 0.23),
            (x, base - h - width * 0.38),
            (x + half * 0.74, base - h - width * 0.23),
            (x + half + 1.2, base - h + 0.6),
            (x + half, base - h + 1.8),
            (x + half * 0.7, base - h - width * 0.19),
            (x, base - h - width * 0.32),
            (x - half * 0.7, base - h - width * 0.19),
            (x - half, base - h + 1.8),
        ]
    )
    st.fill(roof, (90, 76, 72))
    st.snow_cap(roof, 2.5)
    door = rect(x - width * 0.18, base - h * 0.7, x + width * 0.18, base)
    st.fill(door, (160, 44, 38))
    brace = skia.Path()
    left, top, right, bottom = x - width * 0.18, base - h * 0.7, x + width * 0.18, base
    brace.addRect(skia.Rect.MakeLTRB(left, top, right, bottom))
    brace.moveTo(left, top)
    brace.lineTo(right, bottom)
    brace.moveTo(right, top)
    brace.lineTo(left, bottom)
    st.p.stroke(brace, (246, 240, 230), 0.6)
    loft = rect(x - width * 0.09, base - h - width * 0.16, x + width * 0.09, base - h - width * 0.02)
    st.glow(loft, WINDOW_LIT) if st.lit else st.fill(loft, (60, 40, 36), outline=0.4)


def hay_bales(st: Stage, *, xs: tuple[float, ...], base: float) -> None:
    for offset in xs:
        x = st.cx + offset
        st.fill(rect(x - 4.5, base - 5, x + 4.5, base, 1.2), (222, 190, 100))
        straw = skia.Path()
        for k in range(5):
            straw.moveTo(x - 4 + k * 2, base - 4.5)
            straw.lineTo(x - 3.6 + k * 2, base - 0.5)
        st.p.stroke(straw, (186, 150, 70), 0.18)
        st.snow_cap(rect(x - 4.5, base - 5, x + 4.5, base, 1.2), 1.2)


def moored_boats(st: Stage, *, waterline: float, count_per_100: float = 1.4) -> None:
    """Fishing boats riding at anchor, masts up, colourful hulls."""
    rng = random.Random(st.rng.random())
    for x in spread(st, 100 / count_per_100, 0.35):
        w = rng.uniform(9, 13)
        hull = poly(
            [
                (x - w, waterline - 3.6),
                (x + w, waterline - 3.6),
                (x + w * 0.7, waterline + 0.8),
                (x - w * 0.75, waterline + 0.8),
            ],
            0.6,
        )
        st.fill(hull, rng.choice([(200, 70, 60), (60, 110, 170), (240, 200, 80), (70, 150, 120)]))
        st.fill(rect(x - w, waterline - 4.4, x + w, waterline - 3.4), (246, 244, 236), outline=0.4)
        st.fill(rect(x - 0.35, waterline - 20, x + 0.35, waterline - 3.6), (120, 90, 60), outline=0.4)
        if rng.random() < 0.6:
            st.fill(
                poly([(x + 0.6, waterline - 19), (x + 0.6, waterline - 6), (x + w * 0.8, waterline - 6)]),
                (246, 240, 226),
                outline=0.5,
            )
        st.fill(rect(x - w * 0.5, waterline - 7.5, x - w * 0.05, waterline - 3.6, 0.4), (236, 230, 214), outline=0.4)


def jetty(st: Stage, *, x: float, top: float, bottom: float, width: float = 1.0) -> None:
    """A wooden jetty on posts, running out into the water (``width`` widens it)."""
    x = st.cx + x
    deck = poly([(x - 4 * width, top), (x + 4 * width, top), (x + 12 * width, bottom), (x - 12 * width, bottom)])
    st.fill(deck, (168, 124, 82))
    planks = skia.Path()
    for k in range(1, 8):
        t = k / 8
        y = top + (bottom - top) * t
        half = (4 + 8 * t) * width
        planks.moveTo(x - half, y)
        planks.lineTo(x + half, y)
    st.p.stroke(planks, (120, 84, 54), 0.2)
    for side in (-1, 1):
        for t in (0.2, 0.6, 1.0):
            px = x + side * (4 + 8 * t) * width
            py = top + (bottom - top) * t
            st.fill(rect(px - 0.6, py - 2.5, px + 0.6, py + 2), (110, 80, 52), outline=0.4)


def ferris_wheel(st: Stage, *, x: float, base: float, radius: float = 22.0) -> None:
    """A big wheel with coloured gondolas; its lights twinkle after dark."""
    x = st.cx + x
    hub = (x, base - radius - 6)
    frame = skia.Path()
    frame.addCircle(*hub, radius)
    frame.addCircle(*hub, radius * 0.92)
    for k in range(12):
        a = math.tau * k / 12
        frame.moveTo(*hub)
        frame.lineTo(hub[0] + math.cos(a) * radius, hub[1] + math.sin(a) * radius)
    frame.moveTo(x - radius * 0.5, base)
    frame.lineTo(*hub)
    frame.lineTo(x + radius * 0.5, base)
    st.p.stroke(frame, (236, 236, 244), 0.7)
    st.p.stroke(frame, (120, 120, 150), 0.25)
    colours = ((230, 80, 80), (250, 200, 70), (90, 160, 220), (120, 190, 100))
    for k in range(12):
        a = math.tau * k / 12
        gx, gy = hub[0] + math.cos(a) * radius, hub[1] + math.sin(a) * radius
        st.fill(rect(gx - 1.8, gy + 0.4, gx + 1.8, gy + 3.6, 0.9), colours[k % 4], outline=0.5)
        if st.lit:
            st.glow(oval(gx, gy, 0.6, 0.6), (255, 236, 170))
    st.fill(oval(*hub, 1.6, 1.6), (200, 60, 60))


def big_top(st: Stage, *, x: float, base: float, width: float = 40.0) -> None:
    """A circus tent in red and white stripes, a pennant on top."""
    x = st.cx + x
    half = width / 2
    h = width * 0.55
    wall = rect(x - half, base - h * 0.45, x + half, base)
    roof = poly([(x - half - 2, base - h * 0.45), (x, base - h), (x + half + 2, base - h * 0.45)])
    st.fill(union_all([wall, roof]), (248, 244, 236))
    stripes = skia.Path()
    for k in range(-4, 5, 2):
        stripes.addPath(
            poly(
                [
                    (x + k * half / 5, base),
                    (x + (k + 1) * half / 5, base),
                    (x + (k + 1) * half / 5.6, base - h * 0.45),
                    (x, base - h),
                    (x + k * half / 5.6, base - h * 0.45),
                ]
            )
        )
    clipped = skia.Op(stripes, union_all([wall, roof]), skia.PathOp.kIntersect_PathOp)
    if clipped is not None:
        st.fill(clipped, (214, 58, 58), outline=0.0)
    st.snow_cap(roof, 3)
    st.fill(poly([(x - 4, base), (x, base - 10), (x + 4, base)]), (60, 30, 30), outline=0.5)
    st.fill(rect(x - 0.3, base - h - 6, x + 0.3, base - h), (80, 80, 80), outline=0.3)
    st.fill(
        poly([(x + 0.3, base - h - 6), (x + 5, base - h - 4.8), (x + 0.3, base - h - 3.6)]), (250, 200, 60), outline=0.4
    )


def bunting(st: Stage, *, y: float, sag: float = 4.0, span: float = 40.0) -> None:
    """Strings of little triangular flags swinging between posts."""
    colours = ((230, 80, 80), (250, 200, 70), (90, 160, 220), (120, 190, 100), (240, 140, 200))
    line = skia.Path()
    flags = []
    x = -span * 0.3
    k = 0
    while x < st.w + span:
        line.moveTo(x, y)
        line.quadTo(x + span / 2, y + sag * 2, x + span, y)
        for t in np.linspace(0.08, 0.92, 8):
            t = float(t)
            fx = x + span * t
            fy = y + sag * 4 * t * (1 - t)
            flags.append((poly([(fx - 1.2, fy), (fx + 1.2, fy), (fx, fy + 2.6)]), colours[k % len(colours)]))
            k += 1
        x += span
    st.p.stroke(line, (80, 70, 70), 0.2)
    for path, colour in flags:
        st.fill(path, colour, outline=0.4, shade=False)
        if st.lit:
            st.glow(oval(path.getBounds().centerX(), path.getBounds().top(), 0.35, 0.35), (255, 240, 180))


def igloo(st: Stage, *, x: float, base: float, radius: float = 10.0) -> None:
    x = st.cx + x
    dome = skia.Op(
        oval(x, base, radius, radius * 0.85),
        rect(x - radius - 1, base, x + radius + 1, base + radius),
        skia.PathOp.kDifference_PathOp,
    )
    if dome is None:
        return
    st.fill(dome, (236, 244, 252))
    blocks = skia.Path()
    for k in range(1, 4):
        y = base - radius * 0.85 * k / 4
        half = radius * math.sqrt(max(0.0, 1 - (k / 4) ** 2))
        blocks.moveTo(x - half, y)
        blocks.lineTo(x + half, y)
    st.p.stroke(blocks, (180, 204, 226), 0.25)
    door = skia.Op(
        oval(x + radius * 0.55, base, radius * 0.32, radius * 0.4),
        rect(x, base, x + radius * 2, base + radius),
        skia.PathOp.kDifference_PathOp,
    )
    if door is not None:
        st.glow(door, WINDOW_LIT) if st.lit else st.fill(door, (70, 90, 120), outline=0.4)


def shed(st: Stage, *, x: float, base: float) -> None:
    """A garden shed with a little window and a sloping roof."""
    x = st.cx + x
    st.fill(rect(x - 9, base - 14, x + 9, base), (150, 180, 150))
    planks = skia.Path()
    for px in np.arange(x - 7.5, x + 9, 2.5):
        planks.moveTo(float(px), base - 14)
        planks.lineTo(float(px), base)
    st.p.stroke(planks, (110, 140, 110), 0.15)
    roof = poly([(x - 10.5, base - 13.5), (x + 10.5, base - 16.5), (x + 10.5, base - 15), (x - 10.5, base - 12)])
    st.fill(roof, (100, 80, 70))
    st.snow_cap(roof, 1.5)
    st.fill(rect(x - 6, base - 10, x - 1, base, 0.4), (120, 150, 120))
    st.fill(rect(x + 2, base - 11, x + 7, base - 7), (190, 220, 236), outline=0.5)


def benches(st: Stage, *, base: float, xs: tuple[float, ...]) -> None:
    """Green park benches with wooden slats."""
    for offset in xs:
        x = st.cx + offset
        legs = union_all([rect(x - 6, base - 3.5, x - 5.2, base), rect(x + 5.2, base - 3.5, x + 6, base)])
        st.fill(legs, (50, 60, 56), outline=0.4)
        st.fill(rect(x - 7, base - 4.2, x + 7, base - 3.2), (150, 100, 60), outline=0.4)
        for k in range(2):
            st.fill(rect(x - 7, base - 8 + k * 1.8, x + 7, base - 7 + k * 1.8), (150, 100, 60), outline=0.4)


def hedge(st: Stage, *, top: float, bottom: float, colour: RGB = (70, 130, 66)) -> None:
    """A trimmed hedge along the width."""
    rng = random.Random(st.rng.random())
    puffs = [rect(0, top + 1.5, st.w, bottom)]
    for x in np.arange(-2, st.w + 4, 4):
        puffs.append(oval(float(x), top + 1.5 + rng.uniform(-0.4, 0.4), 2.6, 1.8))
    path = union_all(puffs)
    st.fill(path, st.leaf(colour, 0.3))
    st.snow_cap(path, 1.5)


def termite_mound(st: Stage, *, x: float, base: float) -> None:
    x = st.cx + x
    st.fill(
        union_all(
            [
                poly(
                    [
                        (x - 5, base),
                        (x - 2, base - 12),
                        (x - 0.5, base - 15),
                        (x + 1.5, base - 10),
                        (x + 2.6, base - 11.5),
                        (x + 4.5, base),
                    ],
                    1.0,
                )
            ]
        ),
        (190, 120, 70),
    )
