"""Built-up layers: cottages, chalets, town houses with their clock tower, city facades, the
castle, market stalls and street lamps. Windows light up at dusk and night; roofs carry snow.
"""

from __future__ import annotations

import random

import numpy as np
import skia

from render_farm.engine.styles import RGB, darker, lighter

from .scenery import windows
from .shapes import oval, poly, rect, union_all
from .stage import WINDOW_LIT, Stage, spread

__all__ = ["castle", "chalets", "cottages", "facades", "fence", "lamp_posts", "market_stalls", "town_houses"]

_ROOFS: tuple[RGB, ...] = ((190, 80, 66), (140, 84, 60), (88, 110, 160), (170, 110, 60))
_WALLS: tuple[RGB, ...] = ((246, 226, 190), (236, 210, 176), (232, 232, 216), (220, 196, 170))


def cottages(st: Stage, *, base: float = 74.0, spacing: float = 34.0) -> None:
    """A row of village cottages with pitched roofs, chimneys and doors."""
    rng = random.Random(st.rng.random())
    for x in spread(st, spacing, 0.25):
        w, h = rng.uniform(17, 22), rng.uniform(14, 20)
        wall = rng.choice(_WALLS)
        if rng.random() < 0.5:
            st.fill(rect(x + w * 0.2, base - h - 12, x + w * 0.32, base - h - 2), (150, 90, 70))
        st.fill(rect(x - w / 2, base - h, x + w / 2, base), wall)
        roof = poly([(x - w / 2 - 2.5, base - h + 0.5), (x + w / 2 + 2.5, base - h + 0.5), (x, base - h - 11)])
        st.fill(roof, rng.choice(_ROOFS))
        st.snow_cap(roof, 4)
        st.fill(rect(x - 2.5, base - 8, x + 2.5, base, 1.0), (128, 84, 54))
        windows(st, x - w / 2 + 1, base - h + 3, x + w / 2 - 1, base - 9, 2, 1, wall)


def chalets(st: Stage, *, base: float = 72.0, spacing: float = 44.0) -> None:
    """Mountain chalets: dark timber, deep eaves, a balcony of red flowers."""
    rng = random.Random(st.rng.random())
    for x in spread(st, spacing, 0.3):
        w, h = rng.uniform(16, 21), rng.uniform(12, 16)
        wood = (150, 96, 58) if rng.random() < 0.5 else (128, 82, 52)
        st.fill(rect(x - w / 2, base - h, x + w / 2, base), wood)
        st.fill(rect(x - w / 2, base - h * 0.35, x + w / 2, base), (214, 206, 190))  # stone footing
        planks = skia.Path()
        for px in np.arange(x - w / 2 + 2, x + w / 2, 2.2):
            planks.moveTo(float(px), base - h)
            planks.lineTo(float(px), base - h * 0.35)
        st.p.stroke(planks, darker(wood, 0.25), 0.15)
        roof = poly([(x - w / 2 - 4.5, base - h + 1), (x + w / 2 + 4.5, base - h + 1), (x, base - h - 8)])
        st.fill(roof, (96, 70, 56))
        st.snow_cap(roof, 3.5)
        balcony = rect(x - w / 2 - 1, base - h * 0.62, x + w / 2 + 1, base - h * 0.5)
        st.fill(balcony, (110, 70, 44), outline=0.5)
        blooms = skia.Path()
        for fx in np.arange(x - w / 2, x + w / 2, 1.6):
            blooms.addCircle(float(fx), base - h * 0.64, 0.7)
        if not st.snowy:
            st.fill(blooms, (220, 60, 70), outline=0.3)
        windows(st, x - w / 2 + 1, base - h + 1.5, x + w / 2 - 1, base - h * 0.66, 2, 1, wood)


def town_houses(st: Stage, *, base: float = 76.0, tower: bool = True) -> None:
    """A square's tall gabled houses shoulder to shoulder, the clock tower in the middle."""
    rng = random.Random(st.rng.random())
    colours = ((232, 150, 120), (240, 206, 130), (150, 190, 200), (200, 170, 210), (236, 226, 200), (170, 200, 150))
    x = -rng.uniform(0, 8)
    while x < st.w:
        w, h = rng.uniform(15, 19), rng.uniform(30, 42)
        colour = rng.choice(colours)
        body = union_all(
            [
                rect(x, base - h, x + w, base),
                poly([(x, base - h + 0.5), (x + w / 2, base - h - 8), (x + w, base - h + 0.5)]),
            ]
        )
        st.fill(body, colour)
        gable = poly(
            [
                (x - 0.8, base - h + 0.8),
                (x + w / 2, base - h - 8.8),
                (x + w + 0.8, base - h + 0.8),
                (x + w / 2, base - h - 7.2),
            ]
        )
        st.fill(gable, darker(colour, 0.3), outline=0.5)
        st.snow_cap(gable, 2.5)
        windows(st, x + 1.5, base - h + 2, x + w - 1.5, base - 9, 2, max(2, int(h / 11)), colour)
        st.fill(rect(x + w / 2 - 2.5, base - 8, x + w / 2 + 2.5, base, 1.0), darker(colour, 0.45))
        x += w
    if not tower:
        return
    cx = st.cx
    stone = (214, 200, 176)
    st.fill(rect(cx - 9, base - 62, cx + 9, base), stone)
    roof = poly([(cx - 11, base - 61.5), (cx + 11, base - 61.5), (cx, base - 78)])
    st.fill(roof, (90, 110, 150))
    st.snow_cap(roof, 4)
    st.fill(oval(cx, base - 52, 6, 6), (250, 246, 232))
    hands = skia.Path()
    hands.moveTo(cx, base - 52)
    hands.lineTo(cx, base - 56.5)
    hands.moveTo(cx, base - 52)
    hands.lineTo(cx + 3.2, base - 52)
    st.p.stroke(hands, (40, 36, 40), 0.55)
    st.fill(rect(cx - 4.5, base - 12, cx + 4.5, base, 4.5), (110, 76, 50))
    windows(st, cx - 7, base - 42, cx + 7, base - 16, 2, 2, stone)


def facades(st: Stage, *, base: float = 74.0) -> None:
    """City blocks: tall facades with cornices, rows of windows and front doors."""
    rng = random.Random(st.rng.random())
    colours = ((196, 104, 84), (226, 190, 140), (150, 170, 190), (200, 160, 120), (170, 120, 150))
    x = -rng.uniform(0, 10)
    while x < st.w:
        w, h = rng.uniform(20, 32), rng.uniform(34, 56)
        color = rng.choice(colours)
        st.fill(rect(x, base - h, x + w, base), color)
        cornice = rect(x - 0.5, base - h - 1.6, x + w + 0.5, base - h + 0.6)
        st.fill(cornice, darker(color, 0.2))
        st.snow_cap(cornice, 1.2)
        windows(st, x + 1.5, base - h + 3, x + w - 1.5, base - 8, max(2, int(w / 7)), max(1, int((h - 10) / 8)), color)
        st.fill(rect(x + w / 2 - 3, base - 8, x + w / 2 + 3, base), darker(color, 0.45))
        x += w + rng.uniform(0, 2)


def lamp_posts(st: Stage, *, base: float = 84.0, spacing: float = 60.0, top: float = 50.0) -> None:
    """Street lamps, lit at dusk and night."""
    for x in spread(st, spacing, 0.1, 20):
        st.fill(rect(x - 0.6, top, x + 0.6, base), (60, 66, 76), outline=0.5)
        st.fill(rect(x - 2.2, top - 2.5, x + 2.2, top + 0.5, 0.8), (60, 66, 76), outline=0.5)
        if st.lit:
            st.halo(x, top + 1, 12, WINDOW_LIT, 0.45)
            st.glow(oval(x, top + 1, 1.6, 1.0), (255, 240, 190))


def fence(st: Stage, *, top: float, bottom: float, colour: RGB = (220, 200, 170), pickets: bool = False) -> None:
    """A wooden fence across the width (pointed pickets for a garden)."""
    boards = []
    for x in np.arange(0, st.w, 4 if not pickets else 3):
        x = float(x)
        if pickets:
            boards.append(poly([(x, bottom), (x, top + 1), (x + 0.9, top), (x + 1.8, top + 1), (x + 1.8, bottom)]))
        else:
            boards.append(rect(x, top, x + 1.2, bottom))
    rail_y = top + (bottom - top) * 0.3
    boards.append(rect(0, rail_y, st.w, rail_y + 1.0))
    boards.append(rect(0, bottom - (bottom - top) * 0.3, st.w, bottom - (bottom - top) * 0.3 + 0.8))
    path = union_all(boards)
    st.fill(path, colour, outline=0.5, shade=False)
    st.snow_cap(path, 0.6)


def castle(st: Stage, *, base: float = 76.0) -> None:
    """Castle walls with battlements, a gate, towers with pointed roofs and pennants."""
    stone = (190, 184, 176)
    roof = (70, 90, 160)
    rng = random.Random(st.rng.random())
    for cx in spread(st, 120, 0.1, 40):
        wall = rect(cx - 34, base - 28, cx + 34, base)
        battlements = [rect(x, base - 31, x + 3, base - 27) for x in np.arange(cx - 34, cx + 34, 5.5)]
        st.fill(union_all([wall, *battlements]), stone)
        st.fill(rect(cx - 6, base - 16, cx + 6, base, 0), (90, 64, 44))
        st.fill(
            skia.Op(
                oval(cx, base - 16, 6, 6), rect(cx - 7, base - 16, cx + 7, base - 6), skia.PathOp.kDifference_PathOp
            ),
            (90, 64, 44),
        )
        for tx, h in ((cx - 36, 44), (cx + 36, 44), (cx - 14, 34), (cx + 14, 30)):
            st.fill(rect(tx - 6, base - h, tx + 6, base), lighter(stone, 0.05))
            cone = poly([(tx - 8, base - h + 0.5), (tx + 8, base - h + 0.5), (tx, base - h - 13)])
            st.fill(cone, roof)
            st.snow_cap(cone, 5)
            st.fill(rect(tx - 0.25, base - h - 19, tx + 0.25, base - h - 12), (90, 90, 90), outline=0.3)
            st.fill(
                poly([(tx + 0.25, base - h - 19), (tx + 6, base - h - 17.5), (tx + 0.25, base - h - 16)]),
                rng.choice([(220, 60, 60), (250, 200, 60)]),
                outline=0.4,
            )
            win = rect(tx - 1.4, base - h + 6, tx + 1.4, base - h + 11, 1.4)
            st.glow(win, WINDOW_LIT) if st.lit else st.fill(win, (50, 50, 70), outline=0.3, shade=False)
        bricks = skia.Path()
        for y in np.arange(base - 25, base, 4):
            bricks.moveTo(cx - 34, float(y))
            bricks.lineTo(cx + 34, float(y))
        st.p.stroke(bricks, darker(stone, 0.2), 0.15)


def market_stalls(st: Stage, *, base: float = 78.0, xs: tuple[float, ...] = (-70.0, 68.0)) -> None:
    """Market stalls with striped awnings and crates of fruit, at offsets from the middle."""
    rng = random.Random(st.rng.random())
    for offset in xs:
        x = st.cx + offset
        stripe = rng.choice([(220, 70, 70), (70, 130, 200), (90, 160, 90)])
        st.fill(rect(x - 9, base - 9, x + 9, base), (170, 120, 80))
        for px in (x - 8.5, x + 7.5):
            st.fill(rect(px, base - 22, px + 1, base), (120, 84, 56), outline=0.5)
        awning = skia.Path()
        for k in range(6):
            colour_path = poly(
                [
                    (x - 10 + k * 3.4, base - 23),
                    (x - 10 + (k + 1) * 3.4, base - 23),
                    (x - 10 + (k + 1) * 3.4, base - 19),
                    (x - 10 + k * 3.4, base - 19),
                ]
            )
            if k % 2 == 0:
                awning.addPath(colour_path)
        st.fill(rect(x - 10, base - 23, x + 10.4, base - 19), (250, 246, 236), outline=0.5)
        st.fill(awning, stripe, outline=0.0, shade=False)
        st.snow_cap(rect(x - 10, base - 23, x + 10.4, base - 19), 1.0)
        for k in range(5):
            fx = x - 7 + k * 3.5
            st.fill(
                oval(fx, base - 10, 1.4, 1.2), rng.choice([(230, 70, 60), (250, 180, 50), (120, 180, 70)]), outline=0.4
            )
