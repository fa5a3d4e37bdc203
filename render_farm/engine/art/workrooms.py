"""Rooms of work and adventure: the workshop's bench and tool wall, the laboratory's flasks and
machine, the ship's cabin with its hammock, barrels and lantern, the lighthouse's great lamp,
the barn's hay and stalls, the cave's rocks and crystals, the space station's consoles. Pieces
stand on ``base`` at ``x`` units from the picture's middle.
"""

from __future__ import annotations

import math
import random

import skia

from render_farm.engine.styles import RGB, darker, lighter

from .shapes import oval, poly, rect, union_all
from .stage import WINDOW_LIT, Stage, spread

__all__ = [
    "barrels",
    "big_lamp",
    "consoles",
    "crystals",
    "hammock",
    "hanging_lantern",
    "hayloft",
    "lab_bench",
    "machine",
    "pipes",
    "railing",
    "rock_arch",
    "stalactites",
    "stalls",
    "tool_wall",
    "workbench",
]

_WOOD: RGB = (150, 100, 62)


def workbench(st: Stage, *, x: float, base: float, width: float = 36.0) -> None:
    """A heavy bench with a vice, planks and a saw on it, shavings below."""
    x = st.cx + x
    for lx in (x - width / 2 + 2, x + width / 2 - 3):
        st.fill(rect(lx, base - 13, lx + 1.6, base), darker(_WOOD, 0.1), outline=0.4)
    st.fill(rect(x - width / 2, base - 9, x + width / 2, base - 8, 0.2), darker(_WOOD, 0.1), outline=0.4)
    st.fill(rect(x - width / 2 - 1, base - 15, x + width / 2 + 1, base - 12.6, 0.3), (190, 140, 90))
    st.fill(
        union_all(
            [
                rect(x - width / 2 + 3, base - 18, x - width / 2 + 8, base - 15),
                rect(x - width / 2 + 5, base - 19.5, x - width / 2 + 6, base - 18),
            ]
        ),
        (90, 100, 120),
    )
    st.fill(rect(x - 6, base - 16.4, x + 10, base - 15, 0.2), (220, 180, 120), outline=0.4)
    saw = union_all(
        [
            poly([(x + 2, base - 17.2), (x + 14, base - 17.2), (x + 14, base - 19.5), (x + 4, base - 18.6)]),
            rect(x - 1, base - 19.6, x + 2.4, base - 16.8, 0.6),
        ]
    )
    st.fill(saw, (190, 196, 206))


def tool_wall(st: Stage, *, x: float, top: float, width: float = 36.0, height: float = 20.0) -> None:
    """A pegboard with tools hanging in their places."""
    x = st.cx + x
    left = x - width / 2
    st.fill(rect(left, top, left + width, top + height, 0.4), (210, 180, 140))
    holes = skia.Path()
    for hx in range(int(width / 2.5)):
        for hy in range(int(height / 2.5)):
            holes.addCircle(left + 1.25 + hx * 2.5, top + 1.25 + hy * 2.5, 0.22)
    st.p.flat(holes, (150, 120, 90))
    tx = left + 4
    tools = [
        lambda px: st.fill(
            union_all([rect(px - 0.4, top + 4, px + 0.4, top + 14), rect(px - 2.4, top + 3, px + 2.4, top + 5.5, 0.4)]),
            (110, 110, 120),
        ),  # hammer
        lambda px: st.fill(
            union_all([rect(px - 0.5, top + 3, px + 0.5, top + 11), oval(px, top + 12.5, 1.8, 2.2)]), (160, 166, 176)
        ),
        lambda px: st.fill(
            poly([(px - 1.6, top + 3), (px + 1.6, top + 3), (px + 1.4, top + 13), (px - 1.4, top + 13)]), (200, 90, 60)
        ),
        lambda px: st.fill(
            union_all(
                [rect(px - 0.35, top + 3, px + 0.35, top + 13), rect(px - 0.9, top + 9, px + 0.9, top + 14, 0.4)]
            ),
            (230, 190, 70),
        ),  # screwdriver
    ]
    k = 0
    while tx < left + width - 3:
        tools[k % len(tools)](tx)
        tx += 5.5
        k += 1


def lab_bench(st: Stage, *, x: float, base: float, width: float = 40.0) -> None:
    """A laboratory bench of flasks and test tubes, bubbling in bright colours."""
    x = st.cx + x
    st.fill(rect(x - width / 2, base - 13, x + width / 2, base), (226, 230, 236))
    st.fill(rect(x - width / 2 - 0.8, base - 14.2, x + width / 2 + 0.8, base - 12.8, 0.3), (70, 80, 96))
    colours = ((120, 230, 120), (240, 90, 200), (90, 190, 250), (250, 200, 60))
    rng = random.Random(st.rng.random())
    fx = x - width / 2 + 4
    k = 0
    while fx < x + width / 2 - 4:
        colour = colours[k % len(colours)]
        if k % 2 == 0:  # a round flask
            glass = union_all([oval(fx, base - 17.6, 3.0, 3.0), rect(fx - 0.8, base - 24, fx + 0.8, base - 19)])
            st.fill(glass, (220, 240, 250), outline=0.5, alpha=0.6)
            st.fill(
                skia.Op(
                    oval(fx, base - 17.6, 2.6, 2.6),
                    rect(fx - 3, base - 18.4, fx + 3, base - 14),
                    skia.PathOp.kIntersect_PathOp,
                )
                or glass,
                colour,
                outline=0.0,
            )
            bubbles = skia.Path()
            for b in range(3):
                bubbles.addCircle(fx + rng.uniform(-0.6, 0.6), base - 25.5 - b * 1.6, 0.35 + 0.1 * b)
            st.p.stroke(bubbles, colour, 0.25)
            fx += 7.5
        else:  # a rack of test tubes
            st.fill(rect(fx - 3, base - 16, fx + 3, base - 14.2, 0.3), _WOOD, outline=0.4)
            for t in range(3):
                tx = fx - 2 + t * 2
                st.fill(rect(tx - 0.6, base - 21, tx + 0.6, base - 15, 0.6), (220, 240, 250), outline=0.4, alpha=0.7)
                st.fill(rect(tx - 0.5, base - 18, tx + 0.5, base - 15.2, 0.5), colours[(k + t) % 4], outline=0.0)
            fx += 7.5
        k += 1


def machine(st: Stage, *, x: float, base: float) -> None:
    """A mysterious machine of dials, blinking lights and a crackling coil."""
    x = st.cx + x
    st.fill(rect(x - 10, base - 30, x + 10, base, 1.0), (120, 140, 160))
    st.fill(rect(x - 8, base - 27, x + 8, base - 16, 0.6), (50, 60, 76))
    for k, colour in enumerate(((250, 80, 80), (250, 210, 60), (90, 230, 120), (90, 180, 250))):
        st.glow(oval(x - 6 + k * 4, base - 13, 0.9, 0.9), colour)
    for dx in (-4, 4):
        st.fill(oval(x + dx, base - 22, 3, 3), (236, 236, 226))
        needle = skia.Path()
        needle.moveTo(x + dx, base - 22)
        needle.lineTo(x + dx + 1.8, base - 24)
        st.p.stroke(needle, (200, 40, 40), 0.3)
    st.fill(rect(x - 1, base - 38, x + 1, base - 30), (180, 120, 60), outline=0.4)
    st.fill(oval(x, base - 39, 3, 3), (200, 210, 220))
    spark = skia.Path()
    spark.moveTo(x - 2, base - 41)
    for k in range(5):
        spark.lineTo(x - 6 + k * 3, base - 44 + (k % 2) * 2.4)
    st.p.stroke(spark, (150, 220, 255), 0.35)


def pipes(st: Stage, *, top: float = 3.0, colour: RGB = (150, 160, 172)) -> None:
    """Pipes along the ceiling, with valves and joints."""
    run = union_all([rect(0, top, st.w, top + 2.2), rect(0, top + 4, st.w, top + 5.4)])
    st.fill(run, colour, outline=0.5)
    for x in spread(st, 30, 0.2, 10):
        st.fill(rect(x - 1, top - 0.5, x + 1, top + 6, 0.3), darker(colour, 0.2), outline=0.4)
        st.fill(oval(x, top + 8, 1.4, 1.4), (200, 70, 60), outline=0.4)


def consoles(st: Stage, *, xs: tuple[float, ...], base: float) -> None:
    """Control consoles with screens and rows of lit buttons."""
    rng = random.Random(st.rng.random())
    for offset in xs:
        x = st.cx + offset
        st.fill(
            poly(
                [
                    (x - 10, base),
                    (x - 10, base - 12),
                    (x - 8, base - 15),
                    (x + 8, base - 15),
                    (x + 10, base - 12),
                    (x + 10, base),
                ]
            ),
            (200, 206, 216),
        )
        st.fill(rect(x - 7, base - 27, x + 7, base - 16, 1.0), (40, 50, 66))
        st.glow(rect(x - 6, base - 26, x + 6, base - 17, 0.6), (40, 120, 150))
        trace = skia.Path()
        trace.moveTo(x - 5.5, base - 21)
        for k in range(12):
            trace.lineTo(x - 5.5 + k, base - 21 + math.sin(k * 1.3 + offset) * 2.2)
        st.p.stroke(trace, (150, 255, 200), 0.3, raw=True)
        for k in range(6):
            st.glow(
                rect(x - 7 + k * 2.5, base - 13.6, x - 5.6 + k * 2.5, base - 12.6, 0.3),
                rng.choice(((250, 80, 80), (250, 210, 60), (90, 230, 120), (90, 180, 250))),
            )


def hammock(st: Stage, *, x: float, top: float = 36.0, width: float = 34.0) -> None:
    """A canvas hammock slung between two hooks."""
    x = st.cx + x
    left, right = x - width / 2, x + width / 2
    ropes = skia.Path()
    ropes.moveTo(left, top)
    ropes.lineTo(left + 5, top + 5)
    ropes.moveTo(right, top)
    ropes.lineTo(right - 5, top + 5)
    st.p.stroke(ropes, (150, 120, 80), 0.4)
    sling = skia.Path()
    sling.moveTo(left + 5, top + 5)
    sling.quadTo(x, top + 16, right - 5, top + 5)
    sling.quadTo(x, top + 12, left + 5, top + 5)
    st.fill(sling, (226, 214, 180))
    for hx in (left, right):
        st.fill(oval(hx, top, 0.8, 0.8), (80, 80, 86), outline=0.3)


def barrels(st: Stage, *, xs: tuple[float, ...], base: float) -> None:
    for offset in xs:
        x = st.cx + offset
        body = union_all([rect(x - 4.4, base - 11, x + 4.4, base, 1.2), oval(x, base - 5.5, 5, 5.8)])
        body = (
            skia.Op(
                body,
                union_all([rect(x - 6, base - 12, x + 6, base - 11), rect(x - 6, base, x + 6, base + 1)]),
                skia.PathOp.kDifference_PathOp,
            )
            or body
        )
        st.fill(body, (160, 104, 60))
        hoops = skia.Path()
        for y in (base - 9, base - 2):
            hoops.moveTo(x - 4.8, y)
            hoops.lineTo(x + 4.8, y)
        st.p.stroke(hoops, (80, 80, 86), 0.5)


def hanging_lantern(st: Stage, *, x: float, y: float = 26.0) -> None:
    """A ship's lantern swinging from a beam, alight."""
    x = st.cx + x
    st.halo(x, y, 20 if st.lit else 10, WINDOW_LIT, 0.45 if st.lit else 0.25)
    st.fill(rect(x - 0.2, 0, x + 0.2, y - 4), (80, 80, 80), outline=0.0)
    st.fill(rect(x - 2.2, y - 4.6, x + 2.2, y - 3.4, 0.4), (60, 60, 66), outline=0.4)
    st.glow(rect(x - 1.8, y - 3.4, x + 1.8, y + 1.4, 0.6), (255, 220, 140))
    st.fill(rect(x - 2.2, y + 1.4, x + 2.2, y + 2.4, 0.4), (60, 60, 66), outline=0.4)


def big_lamp(st: Stage, *, x: float, base: float) -> None:
    """The lighthouse's great lamp: a faceted lens on its pedestal, blazing after dark."""
    x = st.cx + x
    st.fill(poly([(x - 7, base), (x + 7, base), (x + 4, base - 14), (x - 4, base - 14)]), (70, 80, 92))
    lens = union_all([rect(x - 9, base - 36, x + 9, base - 14, 4), oval(x, base - 36, 9, 3)])
    if st.lit:
        for side in (-1, 1):
            beam = poly([(x, base - 25), (x + side * 100, base - 40), (x + side * 100, base - 10)])
            st.p.flat(beam, st.look.treat((255, 240, 180)), alpha=0.22, raw=True)
        st.halo(x, base - 25, 26, WINDOW_LIT, 0.6)
        st.glow(lens, (255, 236, 160))
    else:
        st.fill(lens, (200, 226, 236), alpha=0.9)
    rings = skia.Path()
    for k in range(5):
        y = base - 33 + k * 4.2
        rings.moveTo(x - 8.6, y)
        rings.lineTo(x + 8.6, y)
    st.p.stroke(rings, (160, 140, 80), 0.5)
    st.fill(oval(x, base - 25, 3, 4), (255, 250, 220) if st.lit else (240, 230, 180), outline=0.4)
    st.fill(poly([(x - 10, base - 38), (x + 10, base - 38), (x, base - 44)]), (60, 66, 76))


def railing(st: Stage, *, top: float, bottom: float, colour: RGB = (60, 66, 76)) -> None:
    """An iron railing across the width (the lighthouse's gallery)."""
    bars = [rect(0, top, st.w, top + 0.9), rect(0, (top + bottom) / 2, st.w, (top + bottom) / 2 + 0.6)]
    x = 0.0
    while x < st.w:
        bars.append(rect(x, top, x + 0.6, bottom))
        x += 4.0
    st.fill(union_all(bars), colour, outline=0.4, shade=False)


def stalls(st: Stage, *, xs: tuple[float, ...], base: float) -> None:
    """Wooden stalls for the animals, a bucket and hay in each."""
    for offset in xs:
        x = st.cx + offset
        boards = union_all([rect(x - 12, base - 12, x + 12, base), rect(x - 13, base - 13.5, x + 13, base - 12, 0.3)])
        st.fill(boards, (170, 110, 70))
        lines = skia.Path()
        for k in range(1, 4):
            lines.moveTo(x - 12, base - 12 + k * 3)
            lines.lineTo(x + 12, base - 12 + k * 3)
        lines.moveTo(x - 12, base - 12)
        lines.lineTo(x + 12, base)
        st.p.stroke(lines, darker((170, 110, 70), 0.3), 0.3)
        st.fill(union_all([oval(x - 6, base - 13, 5, 2.4), oval(x - 2, base - 13.6, 4, 2)]), (226, 196, 110))


def hayloft(st: Stage, *, base: float) -> None:
    """The loft above, hay spilling over its edge, a ladder up to it."""
    st.fill(rect(0, base - 40, st.w, base - 37), (130, 84, 50))
    rng = random.Random(st.rng.random())
    hay = union_all([oval(x, base - 41, rng.uniform(4, 7), rng.uniform(2, 3.4)) for x in spread(st, 7, 0.3)])
    st.fill(hay, (226, 196, 110))
    x = st.cx + st.w * 0.3
    ladder = union_all(
        [rect(x - 4, base - 41, x - 3, base), rect(x + 3, base - 41, x + 4, base)]
        + [rect(x - 3, y, x + 3, y + 0.8) for y in range(int(base - 38), int(base), 4)]
    )
    st.fill(ladder, (170, 120, 70))


def stalactites(st: Stage, *, colour: RGB = (100, 92, 96)) -> None:
    """Rock teeth hanging from the roof of a cave."""
    rng = random.Random(st.rng.random())
    roof = union_all([oval(x, rng.uniform(-2, 1), rng.uniform(8, 14), rng.uniform(4, 7)) for x in spread(st, 12, 0.3)])
    teeth = []
    for x in spread(st, 7, 0.5):
        length = rng.uniform(4, 14)
        teeth.append(poly([(x - 2, 2), (x + 2, 2), (x + 0.3, 2 + length), (x - 0.3, 2 + length)]))
    st.fill(union_all([roof, *teeth]), colour)


def rock_arch(st: Stage, *, colour: RGB = (92, 84, 90)) -> None:
    """The cave's walls closing in at the sides, and boulders at their feet."""
    for side in (-1, 1):
        edge = 0.0 if side < 0 else st.w
        wall = poly(
            [
                (edge, 0),
                (edge - side * 14, 0),
                (edge - side * 22, 30),
                (edge - side * 16, 60),
                (edge - side * 24, 80),
                (edge, 80),
            ],
            4,
        )
        st.fill(wall, colour)
        st.fill(
            union_all([oval(edge - side * 20, 78, 9, 5), oval(edge - side * 30, 80, 6, 3.6)]), lighter(colour, 0.08)
        )


def crystals(st: Stage, *, xs: tuple[float, ...], base: float, colour: RGB = (140, 200, 250)) -> None:
    """Glowing crystals growing out of the rock, lighting the cave."""
    for k, offset in enumerate(xs):
        x = st.cx + offset
        tint = colour if k % 2 == 0 else (210, 150, 250)
        st.halo(x, base - 6, 14, tint, 0.4)
        shards = [
            poly(
                [
                    (x + dx - 1.4, base),
                    (x + dx + 1.4, base),
                    (x + dx + 0.8 + lean, base - h),
                    (x + dx + lean, base - h - 2),
                    (x + dx - 0.8 + lean, base - h),
                ]
            )
            for dx, h, lean in ((-3, 6, -1.5), (0, 10, 0), (3, 7, 1.6), (1.6, 4, 2.4))
        ]
        st.glow(union_all(shards), tint, 0.9)
        st.p.stroke(union_all(shards), lighter(tint, 0.5), 0.25, raw=True)
