"""Furniture of homes, shops and cafés: what says a living room, a bedroom, a kitchen, a bakery,
a shop or a café at a glance. Each piece stands against the back wall with its feet on ``base``,
its middle ``x`` units from the picture's middle; lamps light up when it is dark outside.
"""

from __future__ import annotations

import random

import numpy as np
import skia

from render_farm.engine.styles import RGB, darker, lighter

from .shapes import oval, poly, rect, tube, union_all
from .stage import WINDOW_LIT, Stage

__all__ = [
    "bed",
    "bookcase",
    "bread_shelves",
    "cake_counter",
    "chalk_menu",
    "coffee_counter",
    "cupboards",
    "fireplace",
    "floor_lamp",
    "goods_shelves",
    "kitchen_counter",
    "oven",
    "pendant_lamps",
    "picture",
    "rug",
    "shop_counter",
    "sofa",
    "table",
    "wardrobe",
]

_WOOD: RGB = (150, 100, 62)
_BOOKS: tuple[RGB, ...] = ((190, 70, 70), (70, 110, 170), (220, 180, 70), (90, 150, 100), (160, 100, 170))


def _lamp_glow(st: Stage, x: float, y: float, radius: float = 24.0) -> None:
    if st.lit:
        st.halo(x, y, radius, WINDOW_LIT, 0.42)


def sofa(st: Stage, *, x: float, base: float, colour: RGB = (110, 140, 190)) -> None:
    x = st.cx + x
    st.fill(rect(x - 16, base - 17, x + 16, base - 5, 3), colour)
    st.fill(rect(x - 15, base - 9, x + 15, base - 2, 1.5), lighter(colour, 0.1))
    for side in (-1, 1):
        st.fill(rect(x + side * 16 - 3, base - 12, x + side * 16 + 3, base - 1, 2), darker(colour, 0.08))
    for lx in (x - 13, x + 13):
        st.fill(rect(lx - 0.8, base - 2, lx + 0.8, base), (90, 60, 40), outline=0.4)
    st.fill(rect(x - 10, base - 14, x - 3, base - 8, 2), (240, 200, 110), outline=0.5)


def fireplace(st: Stage, *, x: float, base: float) -> None:
    x = st.cx + x
    st.fill(rect(x - 13, base - 24, x + 13, base), (200, 110, 90))
    st.fill(rect(x - 15, base - 26, x + 15, base - 23, 0.5), (240, 232, 216))
    hearth = union_all([rect(x - 7, base - 8, x + 7, base), oval(x, base - 8, 7, 6)])
    st.fill(hearth, (50, 36, 34))
    flames = union_all(
        [oval(x - 2.5, base - 3, 2.2, 3.6), oval(x + 2, base - 3.5, 2.4, 4.4), oval(x, base - 2.5, 3, 2.6)]
    )
    st.halo(x, base - 4, 14, (255, 170, 80), 0.45)
    st.glow(flames, (255, 170, 60))
    st.glow(oval(x, base - 2.6, 1.6, 2.0), (255, 230, 140))
    st.fill(rect(x - 6, base - 1.2, x + 6, base, 0.4), (110, 70, 40), outline=0.4)


def picture(
    st: Stage, *, x: float, top: float, width: float = 14.0, height: float = 10.0, scene: str = "hills"
) -> None:
    """A framed picture on the wall (hills, a portrait, or a ship)."""
    x = st.cx + x
    st.fill(rect(x - width / 2 - 1.2, top - 1.2, x + width / 2 + 1.2, top + height + 1.2, 0.4), (170, 120, 60))
    st.fill(rect(x - width / 2, top, x + width / 2, top + height), (186, 214, 230), outline=0.4)
    if scene == "portrait":
        st.fill(rect(x - width / 2, top, x + width / 2, top + height), (90, 70, 60), outline=0.4)
        st.fill(oval(x, top + height * 0.4, width * 0.16, height * 0.2), (236, 200, 170), outline=0.4)
        st.fill(oval(x, top + height * 0.95, width * 0.3, height * 0.32), (120, 40, 50), outline=0.4)
    elif scene == "ship":
        st.fill(
            poly(
                [
                    (x - width * 0.3, top + height * 0.62),
                    (x + width * 0.3, top + height * 0.62),
                    (x + width * 0.2, top + height * 0.78),
                    (x - width * 0.2, top + height * 0.78),
                ]
            ),
            (120, 70, 40),
            outline=0.3,
        )
        st.fill(
            poly([(x, top + height * 0.2), (x, top + height * 0.6), (x + width * 0.25, top + height * 0.6)]),
            (250, 246, 236),
            outline=0.3,
        )
    else:
        st.fill(
            poly(
                [
                    (x - width / 2, top + height),
                    (x - width / 2, top + height * 0.7),
                    (x - width * 0.1, top + height * 0.45),
                    (x + width * 0.2, top + height * 0.65),
                    (x + width / 2, top + height * 0.5),
                    (x + width / 2, top + height),
                ]
            ),
            (110, 160, 90),
            outline=0.3,
        )


def bookcase(st: Stage, *, x: float, base: float, width: float = 18.0, height: float = 30.0, seed: float = 0.0) -> None:
    """A bookcase, shelf upon shelf of books."""
    x = st.cx + x
    left, right, top = x - width / 2, x + width / 2, base - height
    st.fill(rect(left, top, right, base), _WOOD)
    st.fill(rect(left + 1, top + 1, right - 1, base - 1), darker(_WOOD, 0.4), outline=0.0)
    rng = random.Random(seed + st.rng.random())
    shelves = max(2, int(height / 8))
    step = (height - 2) / shelves
    for k in range(shelves):
        y = top + 1 + step * (k + 1)
        st.fill(rect(left + 0.5, y - 0.8, right - 0.5, y), _WOOD, outline=0.3)
        bx = left + 1.4
        while bx < right - 2.2:
            bw = rng.uniform(1.1, 2.0)
            bh = step - rng.uniform(1.4, 2.8)
            st.fill(rect(bx, y - 0.8 - bh, bx + bw, y - 0.8), rng.choice(_BOOKS), outline=0.3, shade=False)
            bx += bw + 0.15


def floor_lamp(st: Stage, *, x: float, base: float) -> None:
    x = st.cx + x
    _lamp_glow(st, x, base - 30)
    st.fill(rect(x - 0.5, base - 28, x + 0.5, base), (80, 70, 60))
    st.fill(oval(x, base - 0.5, 3.5, 1.0), (80, 70, 60), outline=0.4)
    shade = poly([(x - 5, base - 27), (x + 5, base - 27), (x + 3, base - 35), (x - 3, base - 35)])
    st.glow(shade, (255, 226, 160)) if st.lit else st.fill(shade, (240, 220, 170), outline=0.5)


def pendant_lamps(st: Stage, *, xs: tuple[float, ...], drop: float = 14.0, colour: RGB = (60, 90, 80)) -> None:
    """Lamps hanging from the ceiling on cords."""
    for offset in xs:
        x = st.cx + offset
        _lamp_glow(st, x, drop + 2, 20)
        st.fill(rect(x - 0.2, 0, x + 0.2, drop), (60, 60, 60), outline=0.0)
        shade = union_all([oval(x, drop + 1.6, 4.0, 2.4), rect(x - 4, drop + 1.6, x + 4, drop + 2.2)])
        shade = skia.Op(shade, rect(x - 5, drop + 2.2, x + 5, drop + 6), skia.PathOp.kDifference_PathOp) or shade
        st.fill(shade, colour, outline=0.5)
        bulb = oval(x, drop + 2.6, 1.4, 0.8)
        st.glow(bulb, (255, 236, 170)) if st.lit else st.fill(bulb, (250, 246, 230), outline=0.3)


def rug(st: Stage, *, y: float = 90.0, colour: RGB = (180, 90, 90), trim: RGB = (236, 200, 150)) -> None:
    st.fill(oval(st.cx, y, min(38, st.w * 0.3), 6), colour, outline=0.6)
    st.p.stroke(oval(st.cx, y, min(34, st.w * 0.27), 4.6), trim, 0.5)


def bed(st: Stage, *, x: float, base: float, blanket: RGB = (120, 160, 210)) -> None:
    x = st.cx + x
    st.fill(rect(x - 18, base - 20, x - 15.5, base, 0.8), _WOOD)
    st.fill(rect(x + 15.5, base - 13, x + 18, base, 0.8), _WOOD)
    st.fill(rect(x - 16, base - 10, x + 16, base - 3, 1.0), (246, 244, 238))
    st.fill(rect(x - 15, base - 14, x - 7, base - 9.5, 2.0), (250, 250, 252), outline=0.5)
    st.fill(
        poly([(x - 8, base - 11), (x + 16.5, base - 11), (x + 16.5, base - 2.5), (x - 8, base - 2.5)], 1.0), blanket
    )
    checks = skia.Path()
    for k in range(4):
        checks.moveTo(x - 5 + k * 6, base - 11)
        checks.lineTo(x - 5 + k * 6, base - 2.5)
    st.p.stroke(checks, lighter(blanket, 0.35), 0.5)
    st.fill(rect(x - 16, base - 3, x + 16, base - 1.2), _WOOD, outline=0.4)


def wardrobe(st: Stage, *, x: float, base: float, colour: RGB = (170, 120, 80)) -> None:
    x = st.cx + x
    st.fill(rect(x - 9, base - 34, x + 9, base), colour)
    st.fill(rect(x - 10, base - 36, x + 10, base - 33.5, 0.4), darker(colour, 0.15))
    line = skia.Path()
    line.moveTo(x, base - 33)
    line.lineTo(x, base - 2)
    st.p.stroke(line, darker(colour, 0.35), 0.3)
    for side in (-1, 1):
        st.fill(oval(x + side * 1.4, base - 18, 0.5, 0.5), (230, 200, 120), outline=0.3)
        st.fill(
            rect(
                x + side * 8.5 - 3.5 * (side < 0) - 0.5,
                base - 31,
                x + side * 8.5 + 3.5 * (side > 0) - 0.5,
                base - 4,
                0.4,
            ),
            lighter(colour, 0.06),
            outline=0.3,
        )


def table(
    st: Stage,
    *,
    x: float,
    base: float,
    width: float = 24.0,
    height: float = 11.0,
    cloth: RGB | None = None,
    chairs: bool = True,
    round_top: bool = False,
) -> None:
    """A table (round for a café), a cloth if given, a chair at each side."""
    x = st.cx + x
    if chairs:
        for side in (-1, 1):
            cx = x + side * (width / 2 + 3)
            st.fill(rect(cx - 2.5, base - 7, cx + 2.5, base - 5.8), _WOOD, outline=0.4)
            st.fill(rect(cx + side * 2 - 0.6, base - 14, cx + side * 2 + 0.6, base), _WOOD, outline=0.4)
            st.fill(rect(cx - side * 2 - 0.5, base - 6, cx - side * 2 + 0.5, base), _WOOD, outline=0.4)
    if round_top:
        st.fill(rect(x - 0.7, base - height, x + 0.7, base), (70, 60, 60), outline=0.4)
        st.fill(oval(x, base - 0.6, 4, 0.9), (70, 60, 60), outline=0.4)
        st.fill(oval(x, base - height, width / 2, 1.4), cloth or (240, 236, 228))
        return
    for lx in (x - width / 2 + 1.5, x + width / 2 - 1.5):
        st.fill(rect(lx - 0.8, base - height, lx + 0.8, base), _WOOD, outline=0.4)
    st.fill(rect(x - width / 2, base - height - 1.4, x + width / 2, base - height, 0.4), _WOOD)
    if cloth is not None:
        st.fill(
            poly(
                [
                    (x - width / 2 - 0.6, base - height - 1.6),
                    (x + width / 2 + 0.6, base - height - 1.6),
                    (x + width / 2 + 1.2, base - height + 3),
                    (x - width / 2 - 1.2, base - height + 3),
                ]
            ),
            cloth,
        )


def cupboards(st: Stage, *, x: float, top: float, width: float = 30.0, colour: RGB = (120, 170, 160)) -> None:
    """Wall cupboards above a kitchen counter."""
    x = st.cx + x
    for k in range(int(width // 10)):
        left = x - width / 2 + k * 10
        st.fill(rect(left + 0.3, top, left + 9.7, top + 11, 0.4), colour)
        st.fill(oval(left + 8, top + 8.5, 0.45, 0.45), (230, 210, 150), outline=0.3)


def kitchen_counter(st: Stage, *, x: float, base: float, width: float = 40.0, colour: RGB = (120, 170, 160)) -> None:
    """Kitchen units, a worktop with a sink, pans hanging above."""
    x = st.cx + x
    st.fill(rect(x - width / 2, base - 14, x + width / 2, base), colour)
    doors = skia.Path()
    for k in range(int(width // 8)):
        doors.addRect(skia.Rect.MakeLTRB(x - width / 2 + k * 8 + 0.8, base - 12, x - width / 2 + k * 8 + 7.2, base - 1))
    st.p.stroke(doors, darker(colour, 0.25), 0.3)
    st.fill(rect(x - width / 2 - 0.8, base - 15.6, x + width / 2 + 0.8, base - 14, 0.3), (230, 226, 216))
    st.fill(rect(x - 4, base - 15.8, x + 4, base - 14.6, 0.6), (180, 190, 200), outline=0.4)
    st.fill(tube([(x + 2, base - 15.8), (x + 2, base - 19), (x - 0.5, base - 19)], 0.6), (170, 176, 186))
    for k, px in enumerate((x - width / 2 + 6, x - width / 2 + 12, x + width / 2 - 8)):
        st.fill(rect(px - 0.15, base - 44, px + 0.15, base - 38), (90, 90, 90), outline=0.0)
        pan = union_all(
            [oval(px, base - 35, 2.6 + k * 0.4, 2.6 + k * 0.4), rect(px - 0.4, base - 38.5, px + 0.4, base - 36)]
        )
        st.fill(pan, (90, 94, 104) if k != 1 else (200, 110, 70))


def oven(st: Stage, *, x: float, base: float, brick: bool = False) -> None:
    """A cooker with a pot on the hob, or a baker's domed brick oven with its fire glowing."""
    x = st.cx + x
    if brick:
        dome = union_all([rect(x - 14, base - 18, x + 14, base), oval(x, base - 18, 14, 11)])
        st.fill(dome, (190, 96, 70))
        bricks = skia.Path()
        for y in np.arange(base - 26, base, 3):
            bricks.moveTo(x - 14, float(y))
            bricks.lineTo(x + 14, float(y))
        st.canvas.save()
        st.canvas.clipPath(dome, doAntiAlias=True)
        st.p.stroke(bricks, darker((190, 96, 70), 0.3), 0.2)
        st.canvas.restore()
        mouth = union_all([rect(x - 6, base - 14, x + 6, base - 6), oval(x, base - 14, 6, 4.5)])
        st.fill(mouth, (50, 30, 26))
        st.halo(x, base - 10, 12, (255, 160, 70), 0.5)
        st.glow(union_all([oval(x - 2, base - 8, 2.4, 2.2), oval(x + 2.2, base - 8.4, 2.2, 2.6)]), (255, 160, 60))
        st.fill(rect(x - 9, base - 6, x + 9, base - 4.5, 0.4), (120, 110, 100), outline=0.4)
        st.fill(rect(x + 8, base - 34, x + 11, base - 24), (170, 90, 70))
        return
    st.fill(rect(x - 9, base - 15, x + 9, base), (236, 236, 240))
    st.fill(rect(x - 7, base - 11, x + 7, base - 3, 0.6), (60, 60, 70))
    st.fill(rect(x - 6, base - 10, x + 6, base - 4, 0.4), (255, 170, 90) if st.lit else (100, 100, 110), outline=0.3)
    for k in range(3):
        st.fill(oval(x - 5 + k * 5, base - 13, 0.7, 0.7), (60, 60, 70), outline=0.3)
    pot = union_all(
        [rect(x - 5, base - 21, x + 1, base - 15.2, 1.0), rect(x - 6, base - 21.5, x + 2, base - 20.5, 0.4)]
    )
    st.fill(pot, (200, 70, 60))
    steam = skia.Path()
    for k in range(2):
        steam.moveTo(x - 3 + k * 2, base - 23)
        steam.quadTo(x - 4 + k * 2, base - 26, x - 2.5 + k * 2, base - 28)
    st.p.stroke(steam, (250, 250, 255), 0.4, alpha=0.7)


def bread_shelves(st: Stage, *, x: float, base: float, width: float = 26.0) -> None:
    """A baker's rack of loaves, baguettes and rolls."""
    x = st.cx + x
    left, right, top = x - width / 2, x + width / 2, base - 34
    st.fill(rect(left, top, right, base), darker(_WOOD, 0.1))
    st.fill(rect(left + 1, top + 1, right - 1, base - 1), darker(_WOOD, 0.45), outline=0.0)
    rng = random.Random(st.rng.random())
    for k in range(4):
        y = top + 8.2 * (k + 1)
        st.fill(rect(left + 0.5, y - 0.7, right - 0.5, y), _WOOD, outline=0.3)
        bx = left + 3
        while bx < right - 2.5:
            kind = rng.randrange(3)
            if kind == 0:  # a round loaf with a cross cut
                st.fill(oval(bx, y - 2.4, 2.4, 1.8), (214, 150, 80))
                st.p.stroke(poly([(bx - 1, y - 3.2), (bx + 1, y - 2)]), (170, 110, 60), 0.2)
                bx += 5.4
            elif kind == 1:  # a baguette
                st.fill(rect(bx - 2.6, y - 2.0, bx + 3.4, y - 0.6, 0.7), (222, 166, 90))
                bx += 7
            else:  # rolls
                for r in range(2):
                    st.fill(oval(bx + r * 2.4, y - 1.5, 1.3, 1.0), (206, 140, 72))
                bx += 5.6


def cake_counter(st: Stage, *, x: float, base: float, width: float = 34.0) -> None:
    """A shop counter with a glass case of cakes and a till."""
    x = st.cx + x
    st.fill(rect(x - width / 2, base - 14, x + width / 2, base), (236, 220, 196))
    st.fill(rect(x - width / 2 - 0.8, base - 15, x + width / 2 + 0.8, base - 13.6, 0.4), (170, 120, 80))
    case = rect(x - width / 2 + 1, base - 23, x + width / 2 - 9, base - 15)
    st.fill(case, (214, 236, 244), outline=0.6, alpha=0.8)
    for k, colour in enumerate(((250, 180, 200), (130, 80, 60), (250, 230, 150), (200, 230, 170))):
        cx = x - width / 2 + 4.5 + k * 5.8
        if cx > x + width / 2 - 11:
            break
        st.fill(rect(cx - 2.2, base - 19, cx + 2.2, base - 15.4, 0.6), colour, outline=0.4)
        st.fill(oval(cx, base - 19.6, 0.7, 0.7), (220, 40, 60), outline=0.3)
    till = rect(x + width / 2 - 7.5, base - 20, x + width / 2 - 1.5, base - 15, 0.6)
    st.fill(till, (90, 100, 120))
    st.fill(rect(x + width / 2 - 6.8, base - 23, x + width / 2 - 2.2, base - 20, 0.4), (160, 220, 170), outline=0.4)


def shop_counter(st: Stage, *, x: float, base: float, width: float = 30.0) -> None:
    """A wooden counter with a till, a scale and a bell."""
    x = st.cx + x
    st.fill(rect(x - width / 2, base - 13, x + width / 2, base), _WOOD)
    panels = skia.Path()
    for k in range(int(width // 7)):
        panels.addRect(skia.Rect.MakeLTRB(x - width / 2 + 1 + k * 7, base - 11, x - width / 2 + 6 + k * 7, base - 2))
    st.p.stroke(panels, darker(_WOOD, 0.3), 0.3)
    st.fill(rect(x - width / 2 - 1, base - 14.4, x + width / 2 + 1, base - 12.8, 0.4), darker(_WOOD, 0.2))
    st.fill(rect(x + width / 2 - 9, base - 20, x + width / 2 - 2, base - 14.4, 0.6), (200, 60, 60))
    st.fill(rect(x + width / 2 - 8.2, base - 22.5, x + width / 2 - 2.8, base - 20, 0.4), (240, 240, 220), outline=0.4)
    st.fill(
        union_all([rect(x - 6, base - 15.5, x - 1, base - 14.4), oval(x - 3.5, base - 19, 3.4, 1.0)]), (200, 200, 210)
    )


def goods_shelves(st: Stage, *, x: float, base: float, width: float = 36.0, height: float = 34.0) -> None:
    """Shelves of jars, tins and boxes in every colour."""
    x = st.cx + x
    left, right, top = x - width / 2, x + width / 2, base - height
    st.fill(rect(left, top, right, base), (200, 170, 120))
    rng = random.Random(st.rng.random())
    for k in range(4):
        y = top + (height - 1) / 4 * (k + 1)
        st.fill(rect(left, y - 0.8, right, y), darker((200, 170, 120), 0.25), outline=0.3)
        gx = left + 1.2
        while gx < right - 3:
            kind, colour = (
                rng.randrange(3),
                rng.choice(((230, 90, 80), (250, 200, 80), (100, 170, 220), (120, 190, 110), (240, 150, 200))),
            )
            if kind == 0:  # a jar with a lid
                st.fill(rect(gx, y - 4.4, gx + 2.8, y - 0.8, 0.8), colour, outline=0.3)
                st.fill(rect(gx - 0.2, y - 5.2, gx + 3.0, y - 4.4, 0.3), (240, 240, 240), outline=0.3)
            elif kind == 1:  # a tin
                st.fill(rect(gx, y - 3.4, gx + 2.4, y - 0.8), colour, outline=0.3)
                st.p.flat(rect(gx, y - 2.6, gx + 2.4, y - 1.8), (250, 250, 250))
            else:  # a box
                st.fill(rect(gx, y - 5.6, gx + 3.4, y - 0.8), colour, outline=0.3)
            gx += rng.uniform(3.4, 4.6)


def coffee_counter(st: Stage, *, x: float, base: float, width: float = 36.0) -> None:
    """A café counter with a coffee machine, cups and a dome of cakes."""
    x = st.cx + x
    st.fill(rect(x - width / 2, base - 14, x + width / 2, base), (120, 80, 60))
    st.fill(rect(x - width / 2 - 0.8, base - 15.2, x + width / 2 + 0.8, base - 13.8, 0.4), (236, 230, 220))
    mx = x - width / 2 + 7
    st.fill(rect(mx - 5, base - 25, mx + 5, base - 15.2, 1.0), (190, 196, 204))
    st.fill(rect(mx - 4, base - 27, mx + 4, base - 25, 0.6), (90, 90, 96))
    st.fill(rect(mx - 1.5, base - 19, mx + 1.5, base - 15.2, 0.4), (250, 250, 250), outline=0.4)
    steam = skia.Path()
    steam.moveTo(mx, base - 20)
    steam.quadTo(mx - 1.5, base - 23, mx, base - 24.5)
    st.p.stroke(steam, (250, 250, 255), 0.3, alpha=0.7)
    for k in range(3):
        st.fill(rect(x - 3 + k * 3, base - 17.5, x - 1 + k * 3, base - 15.2, 0.4), (250, 246, 236), outline=0.3)
    dx = x + width / 2 - 7
    st.fill(rect(dx - 4, base - 17.5, dx + 4, base - 15.2, 0.6), (240, 190, 210), outline=0.4)
    st.fill(
        skia.Op(
            oval(dx, base - 15.2, 5, 6), rect(dx - 6, base - 15.2, dx + 6, base - 8), skia.PathOp.kDifference_PathOp
        )
        or skia.Path(),
        (214, 236, 244),
        outline=0.5,
        alpha=0.6,
    )


def chalk_menu(st: Stage, *, x: float, top: float, width: float = 20.0, height: float = 13.0) -> None:
    """A blackboard menu hung on the wall, written in chalk."""
    x = st.cx + x
    st.fill(rect(x - width / 2 - 1, top - 1, x + width / 2 + 1, top + height + 1, 0.4), (150, 100, 60))
    st.fill(rect(x - width / 2, top, x + width / 2, top + height), (44, 56, 52), outline=0.3)
    lines = skia.Path()
    for k in range(4):
        y = top + 3 + k * 2.6
        lines.moveTo(x - width / 2 + 2, y)
        lines.lineTo(x + width / 2 - 6 - (k % 2) * 3, y)
        lines.moveTo(x + width / 2 - 4, y)
        lines.lineTo(x + width / 2 - 2, y)
    st.p.stroke(lines, (236, 236, 226), 0.35)
