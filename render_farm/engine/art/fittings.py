"""Fittings of public rooms: the classroom's blackboard and desks, the library's tall shelves,
the town hall's pillars and lectern, the castle hall's throne, banners and torches, the museum's
skeleton and cases, the hospital bed, the theatre's curtains and footlights. Pieces stand on
``base`` at ``x`` units from the picture's middle.
"""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import skia

from render_farm.engine.styles import RGB, darker, lighter

from .furniture import bookcase
from .shapes import oval, poly, rect, tube, union_all
from .stage import WINDOW_LIT, Stage, spread

__all__ = [
    "banners",
    "blackboard",
    "chandelier",
    "display_cases",
    "footlights",
    "globe",
    "hospital_bed",
    "lectern",
    "library_shelves",
    "painted_backdrop",
    "pillars",
    "school_desks",
    "skeleton",
    "stage_curtains",
    "throne",
    "torches",
    "wall_clock",
]


def blackboard(st: Stage, *, x: float, top: float, width: float = 44.0, height: float = 20.0) -> None:
    """A green chalkboard with sums and letters, a chalk ledge below."""
    x = st.cx + x
    left, right = x - width / 2, x + width / 2
    st.fill(rect(left - 1.4, top - 1.4, right + 1.4, top + height + 1.4, 0.4), (150, 100, 60))
    st.fill(rect(left, top, right, top + height), (50, 92, 70), outline=0.3)
    chalk = skia.Path()
    ax, ay = left + 4, top + 4
    for dx, letter in ((0, "A"), (5, "B"), (10, "C")):
        bx = ax + dx
        if letter == "A":
            chalk.moveTo(bx, ay + 5)
            chalk.lineTo(bx + 1.6, ay)
            chalk.lineTo(bx + 3.2, ay + 5)
            chalk.moveTo(bx + 0.8, ay + 3)
            chalk.lineTo(bx + 2.4, ay + 3)
        elif letter == "B":
            chalk.moveTo(bx, ay)
            chalk.lineTo(bx, ay + 5)
            chalk.addArc(skia.Rect.MakeXYWH(bx - 1.2, ay, 3.6, 2.5), -90, 180)
            chalk.addArc(skia.Rect.MakeXYWH(bx - 1.4, ay + 2.5, 4.0, 2.5), -90, 180)
        else:
            chalk.addArc(skia.Rect.MakeXYWH(bx, ay, 3.6, 5), 45, 270)
    sx, sy = left + 4, top + height - 6
    chalk.moveTo(sx, sy)  # 1 + 2 = 3
    chalk.lineTo(sx, sy + 4)
    chalk.moveTo(sx + 2.5, sy + 2)
    chalk.lineTo(sx + 5, sy + 2)
    chalk.moveTo(sx + 3.75, sy + 0.75)
    chalk.lineTo(sx + 3.75, sy + 3.25)
    chalk.moveTo(sx + 6.5, sy + 1.4)
    chalk.lineTo(sx + 9, sy + 1.4)
    chalk.moveTo(sx + 6.5, sy + 2.8)
    chalk.lineTo(sx + 9, sy + 2.8)
    chalk.addArc(skia.Rect.MakeXYWH(sx + 10.5, sy, 2.6, 2), -150, 240)
    chalk.addArc(skia.Rect.MakeXYWH(sx + 10.5, sy + 2, 2.6, 2), -90, 240)
    chalk.addOval(skia.Rect.MakeXYWH(right - 14, top + 4, 9, 9))  # a sun in the corner
    for k in range(8):
        a = k * math.pi / 4
        chalk.moveTo(right - 9.5 + math.cos(a) * 5.6, top + 8.5 + math.sin(a) * 5.6)
        chalk.lineTo(right - 9.5 + math.cos(a) * 7.2, top + 8.5 + math.sin(a) * 7.2)
    st.p.stroke(chalk, (236, 240, 230), 0.4)
    st.fill(rect(left, top + height + 1.4, right, top + height + 2.6, 0.3), (150, 100, 60), outline=0.4)


def school_desks(st: Stage, *, xs: tuple[float, ...], base: float, colour: RGB = (190, 150, 100)) -> None:
    """Pupils' desks, each with its chair and a book open on top."""
    for offset in xs:
        x = st.cx + offset
        st.fill(rect(x + 6, base - 7, x + 10, base - 6, 0.3), (70, 110, 170), outline=0.4)
        st.fill(rect(x + 9.4, base - 13, x + 10.4, base), (70, 110, 170), outline=0.4)
        st.fill(rect(x + 6.2, base - 6, x + 7, base), (70, 110, 170), outline=0.4)
        for lx in (x - 6.5, x + 5.5):
            st.fill(rect(lx, base - 10, lx + 1, base), (110, 110, 120), outline=0.4)
        st.fill(rect(x - 7.5, base - 11.4, x + 7.5, base - 10, 0.3), colour)
        st.fill(
            poly([(x - 3, base - 11.4), (x, base - 12.2), (x + 3, base - 11.4), (x, base - 11.8)]),
            (250, 250, 244),
            outline=0.3,
        )


def globe(st: Stage, *, x: float, base: float) -> None:
    x = st.cx + x
    st.fill(
        union_all([rect(x - 0.5, base - 8, x + 0.5, base), oval(x, base - 0.5, 3, 0.8)]), (120, 90, 60), outline=0.4
    )
    ball = oval(x, base - 11, 4, 4)
    st.fill(ball, (90, 150, 220))
    land = union_all([oval(x - 1.6, base - 12.2, 1.8, 1.3), oval(x + 1.4, base - 9.8, 1.6, 1.8)])
    st.p.flat(skia.Op(land, ball, skia.PathOp.kIntersect_PathOp) or land, (110, 180, 90))
    st.p.stroke(oval(x, base - 11, 4.8, 4.8), (200, 170, 90), 0.4)


def wall_clock(st: Stage, *, x: float, y: float, radius: float = 3.2) -> None:
    x = st.cx + x
    st.fill(oval(x, y, radius + 0.6, radius + 0.6), (60, 60, 70))
    st.fill(oval(x, y, radius, radius), (250, 250, 246), outline=0.3)
    hands = skia.Path()
    hands.moveTo(x, y)
    hands.lineTo(x, y - radius * 0.75)
    hands.moveTo(x, y)
    hands.lineTo(x + radius * 0.5, y + radius * 0.2)
    st.p.stroke(hands, (30, 30, 36), 0.35)


def library_shelves(st: Stage, *, base: float, top: float = 8.0, gap: tuple[float, float] | None = None) -> None:
    """Shelves from floor to ceiling along the whole wall, a gap left for a window if given."""
    x = -st.w / 2 - 6
    k = 0
    while x < st.w / 2 + 20:
        if gap is None or not (gap[0] - 9 < x < gap[1] + 9):
            bookcase(st, x=x, base=base, width=18, height=base - top, seed=k)
        x += 18.4
        k += 1


def pillars(st: Stage, *, xs: tuple[float, ...], base: float, top: float = 4.0, colour: RGB = (232, 226, 214)) -> None:
    """Classical columns with a base and a capital."""
    for offset in xs:
        x = st.cx + offset
        st.fill(rect(x - 3.4, top + 3, x + 3.4, base - 3), colour)
        flutes = skia.Path()
        for k in (-2, -0.7, 0.7, 2):
            flutes.moveTo(x + k, top + 4)
            flutes.lineTo(x + k, base - 4)
        st.p.stroke(flutes, darker(colour, 0.15), 0.3)
        st.fill(rect(x - 5, top, x + 5, top + 3.2, 0.6), lighter(colour, 0.1))
        st.fill(rect(x - 5, base - 3.2, x + 5, base, 0.6), lighter(colour, 0.1))


def lectern(st: Stage, *, x: float, base: float, flags: bool = True) -> None:
    """A speaker's lectern on a low platform, flags either side."""
    x = st.cx + x
    st.fill(rect(x - 18, base - 3, x + 18, base, 0.4), (140, 60, 60))
    st.fill(poly([(x - 5, base - 3), (x + 5, base - 3), (x + 6, base - 17), (x - 6, base - 17)]), (150, 100, 62))
    st.fill(poly([(x - 7, base - 17), (x + 7, base - 17), (x + 6, base - 19.5), (x - 6, base - 19.5)]), (120, 80, 50))
    st.fill(oval(x, base - 10, 2.4, 2.4), (230, 190, 80), outline=0.4)
    if not flags:
        return
    for side, colour in ((-1, (70, 110, 190)), (1, (200, 70, 70))):
        px = x + side * 14
        st.fill(rect(px - 0.4, base - 34, px + 0.4, base - 3), (200, 170, 80), outline=0.4)
        st.fill(oval(px, base - 34.6, 0.9, 0.9), (230, 200, 90), outline=0.3)
        cloth = poly(
            [
                (px + side * 0.4, base - 33),
                (px + side * 9, base - 32),
                (px + side * 8, base - 25),
                (px + side * 0.4, base - 24),
            ]
        )
        st.fill(cloth, colour)


def chandelier(st: Stage, *, x: float, y: float = 12.0) -> None:
    x = st.cx + x
    if st.lit:
        st.halo(x, y + 2, 26, WINDOW_LIT, 0.35)
    st.fill(rect(x - 0.2, 0, x + 0.2, y - 2), (180, 150, 80), outline=0.0)
    st.fill(union_all([oval(x, y, 8, 1.6), oval(x, y - 1.6, 1.4, 2.2)]), (210, 176, 80))
    for k in range(5):
        cx = x - 7 + k * 3.5
        st.fill(rect(cx - 0.4, y - 3.6, cx + 0.4, y - 1), (250, 246, 236), outline=0.3)
        flame = oval(cx, y - 4.4, 0.5, 0.8)
        st.glow(flame, (255, 210, 110)) if st.lit else st.fill(flame, (255, 220, 150), outline=0.2)


def throne(st: Stage, *, x: float, base: float) -> None:
    """A golden throne on a stepped dais, a red carpet running to it."""
    x = st.cx + x
    st.fill(poly([(x - 8, base), (x + 8, base), (x + 26, 101), (x - 26, 101)]), (170, 40, 50), outline=0.5)
    st.fill(rect(x - 14, base - 2.5, x + 14, base, 0.3), (150, 140, 130))
    st.fill(rect(x - 11, base - 5, x + 11, base - 2.5, 0.3), (170, 160, 150))
    back = union_all([rect(x - 6, base - 26, x + 6, base - 5), oval(x, base - 26, 6, 4)])
    st.fill(back, (226, 180, 60))
    st.fill(rect(x - 4, base - 24, x + 4, base - 11, 1.6), (170, 40, 60))
    st.fill(rect(x - 8, base - 13, x + 8, base - 9.5, 0.6), (226, 180, 60))
    st.fill(rect(x - 6.5, base - 11.5, x + 6.5, base - 9.6, 0.6), (190, 50, 70), outline=0.4)
    for side in (-1, 1):
        st.fill(rect(x + side * 7 - 1, base - 15, x + side * 7 + 1, base - 5), (210, 166, 50))
    st.fill(
        poly(
            [
                (x - 2.4, base - 30),
                (x - 1.2, base - 32.5),
                (x, base - 30.5),
                (x + 1.2, base - 32.5),
                (x + 2.4, base - 30),
                (x + 2.4, base - 29),
                (x - 2.4, base - 29),
            ]
        ),
        (250, 210, 70),
        outline=0.4,
    )


def banners(st: Stage, *, xs: tuple[float, ...], top: float = 6.0, length: float = 28.0) -> None:
    """Heraldic banners hanging from poles."""
    colours = ((190, 50, 60), (60, 90, 170), (60, 130, 80))
    for k, offset in enumerate(xs):
        x = st.cx + offset
        colour = colours[k % len(colours)]
        st.fill(rect(x - 5.5, top - 0.6, x + 5.5, top + 0.6, 0.3), (150, 120, 60), outline=0.4)
        cloth = poly(
            [
                (x - 4.5, top + 0.6),
                (x + 4.5, top + 0.6),
                (x + 4.5, top + length),
                (x, top + length - 4),
                (x - 4.5, top + length),
            ]
        )
        st.fill(cloth, colour)
        crest = poly(
            [(x - 2.4, top + 7), (x + 2.4, top + 7), (x + 2.4, top + 11), (x, top + 14), (x - 2.4, top + 11)], 0.4
        )
        st.fill(crest, (240, 200, 80), outline=0.4)


def torches(st: Stage, *, xs: tuple[float, ...], y: float = 34.0) -> None:
    """Torches in iron brackets on the wall, always burning."""
    for offset in xs:
        x = st.cx + offset
        st.halo(x, y - 3, 14, (255, 170, 80), 0.45)
        st.fill(poly([(x - 1.2, y), (x + 1.2, y), (x + 0.6, y + 6), (x - 0.6, y + 6)]), (110, 80, 50), outline=0.4)
        st.fill(rect(x - 1.8, y - 0.6, x + 1.8, y + 0.6, 0.3), (70, 70, 76), outline=0.4)
        st.glow(union_all([oval(x, y - 2, 1.6, 2.4), oval(x + 0.4, y - 3.6, 0.8, 1.4)]), (255, 170, 60))
        st.glow(oval(x, y - 1.6, 0.8, 1.2), (255, 236, 150))


def skeleton(st: Stage, *, x: float, base: float) -> None:
    """A dinosaur skeleton on its plinth, the museum's pride."""
    x = st.cx + x
    st.fill(rect(x - 22, base - 3, x + 22, base, 0.4), (150, 140, 130))
    bone = (244, 236, 214)
    spine = [(x - 20, base - 16), (x - 10, base - 20), (x, base - 22), (x + 9, base - 24), (x + 14, base - 30)]
    parts = [tube(spine, 1.2)]
    parts.append(tube([(x - 20, base - 16), (x - 30, base - 11), (x - 36, base - 8)], 0.9))  # the tail
    for k in range(6):
        rx = x - 8 + k * 3
        parts.append(tube([(rx, base - 21 + k * -0.3), (rx + 1, base - 16), (rx, base - 13)], 0.6))
    for lx in (x - 8, x + 6):
        parts.append(tube([(lx, base - 20), (lx + 1.5, base - 11), (lx - 0.5, base - 3)], 1.0))
    parts.append(union_all([oval(x + 18, base - 32, 5, 3), rect(x + 15, base - 31.5, x + 23, base - 29.5, 1)]))
    st.fill(union_all(parts), bone)
    st.p.flat(oval(x + 19, base - 32.6, 0.8, 0.8), (80, 70, 60))
    teeth = skia.Path()
    for k in range(4):
        teeth.addPath(
            poly(
                [(x + 17 + k * 1.4, base - 29.6), (x + 17.7 + k * 1.4, base - 28.4), (x + 18.4 + k * 1.4, base - 29.6)]
            )
        )
    st.p.flat(teeth, bone)


def display_cases(st: Stage, *, xs: tuple[float, ...], base: float) -> None:
    """Glass cases on stands, a vase, a gem or a crown inside each."""
    for k, offset in enumerate(xs):
        x = st.cx + offset
        st.fill(rect(x - 5, base - 12, x + 5, base), (150, 110, 80))
        st.fill(rect(x - 6, base - 13, x + 6, base - 12, 0.3), (120, 90, 64), outline=0.4)
        item = k % 3
        if item == 0:
            st.fill(
                union_all([oval(x, base - 16, 2.6, 3.2), rect(x - 1.2, base - 20.5, x + 1.2, base - 18)]),
                (70, 130, 180),
            )
            st.p.stroke(oval(x, base - 16, 2.6, 0.8), (240, 240, 220), 0.3)
        elif item == 1:
            st.fill(
                poly([(x - 2.4, base - 16.5), (x, base - 19.5), (x + 2.4, base - 16.5), (x, base - 13.5)]),
                (120, 220, 200),
            )
        else:
            st.fill(
                poly(
                    [
                        (x - 2.6, base - 14),
                        (x - 2.6, base - 18),
                        (x - 1.3, base - 16.3),
                        (x, base - 18.6),
                        (x + 1.3, base - 16.3),
                        (x + 2.6, base - 18),
                        (x + 2.6, base - 14),
                    ]
                ),
                (240, 200, 70),
            )
        st.fill(rect(x - 5, base - 23, x + 5, base - 13), (210, 236, 246), outline=0.5, alpha=0.35)
    ropes = skia.Path()
    posts = [st.cx + o for o in xs]
    for a, b in itertools.pairwise(posts):
        ropes.moveTo(a + 7, base - 6)
        ropes.quadTo((a + b) / 2, base - 3, b - 7, base - 6)
    st.p.stroke(ropes, (170, 40, 50), 0.5)


def hospital_bed(st: Stage, *, x: float, base: float) -> None:
    """A hospital bed with rails, a drip stand and a curtain on its track."""
    x = st.cx + x
    st.fill(rect(x - 26, 4, x + 26, 5, 0.3), (170, 176, 186), outline=0.3)
    curtain = skia.Path()
    for k in range(7):
        cx = x + 14 + k * 2
        curtain.addPath(rect(cx, 5, cx + 2.1, base - 4, 0.8))
    st.fill(curtain, (150, 200, 200), outline=0.4)
    st.fill(rect(x - 17, base - 15, x - 15.5, base), (180, 186, 196))
    st.fill(rect(x + 10.5, base - 11, x + 12, base), (180, 186, 196))
    st.fill(rect(x - 16, base - 10, x + 11, base - 6, 0.8), (246, 248, 250))
    st.fill(rect(x - 15, base - 13, x - 8, base - 9.5, 1.6), (252, 252, 255), outline=0.5)
    st.fill(rect(x - 8, base - 11, x + 11, base - 5.5, 1.0), (170, 210, 230))
    rail = skia.Path()
    rail.addRect(skia.Rect.MakeLTRB(x - 6, base - 12.5, x + 8, base - 9))
    st.p.stroke(rail, (150, 156, 166), 0.4)
    for wx in (x - 14, x + 9):
        st.fill(oval(wx, base - 0.9, 0.9, 0.9), (60, 60, 66), outline=0.3)
    ix = x - 22
    st.fill(rect(ix - 0.3, base - 30, ix + 0.3, base), (170, 176, 186), outline=0.3)
    st.fill(rect(ix - 2, base - 30, ix + 2, base - 29.4), (170, 176, 186), outline=0.3)
    st.fill(rect(ix + 0.6, base - 29, ix + 3, base - 24, 0.8), (220, 240, 250), outline=0.4, alpha=0.85)
    cross = union_all([rect(x - 1.2, 10, x + 1.2, 18), rect(x - 4, 12.8, x + 4, 15.2)])
    st.fill(cross, (220, 60, 60), outline=0.4)


def painted_backdrop(st: Stage, *, top: float = 8.0, bottom: float = 74.0) -> None:
    """The scenery cloth hung at the back of the stage: painted sky, hills, a sun and trees."""
    cloth = skia.Path()
    cloth.moveTo(0, top)
    cloth.lineTo(st.w, top)
    cloth.lineTo(st.w, bottom)
    for x in np.arange(st.w, -10, -10):
        cloth.quadTo(float(x) - 5, bottom + 1.2, float(x) - 10, bottom)
    cloth.close()
    st.fill(cloth, (150, 196, 226), shade=False)
    st.canvas.save()
    st.canvas.clipPath(cloth, doAntiAlias=True)
    st.fill(oval(st.cx + 26, top + 16, 7, 7), (250, 214, 100), outline=0.5)
    for k, (y, colour) in enumerate(((bottom - 18, (120, 170, 100)), (bottom - 10, (96, 150, 80)))):
        hills = skia.Path()
        hills.moveTo(0, bottom + 2)
        for x in np.arange(0, st.w + 30, 30):
            hills.quadTo(float(x) + 15, y - 8 + 4 * k, float(x) + 30, y)
        hills.lineTo(st.w + 30, bottom + 2)
        hills.close()
        st.fill(hills, colour, outline=0.5, shade=False)
    for x in (st.cx - 40, st.cx - 30, st.cx + 44):
        st.fill(rect(x - 0.8, bottom - 16, x + 0.8, bottom - 9), (130, 90, 60), outline=0.4, shade=False)
        st.fill(oval(x, bottom - 19, 4.5, 5), (80, 140, 70), outline=0.5, shade=False)
    st.canvas.restore()
    st.fill(rect(0, top - 1.5, st.w, top + 0.5), (90, 70, 60), outline=0.4)


def stage_curtains(st: Stage, *, colour: RGB = (176, 30, 50)) -> None:
    """A proscenium: red velvet curtains drawn back and a pelmet across the top."""
    rng = random.Random(st.rng.random())
    for side in (-1, 1):
        edge = 0.0 if side < 0 else st.w
        inner = st.cx + side * (st.w * 0.36)
        drape = poly([(edge, 0), (inner, 0), (inner + side * 3, 34), (inner + side * 8, 62), (edge, 76)])
        st.fill(drape, colour)
        folds = skia.Path()
        for k in range(5):
            fx = edge - side * (k + 1) * abs(inner - edge) / 6
            folds.moveTo(fx, 2)
            folds.quadTo(fx + side * 2, 40, fx + side * (3 + rng.random()), 70)
        st.canvas.save()
        st.canvas.clipPath(drape, doAntiAlias=True)
        st.p.stroke(folds, darker(colour, 0.3), 0.8)
        st.canvas.restore()
        st.fill(oval(inner + side * 3, 40, 1.8, 1.2), (240, 200, 80), outline=0.4)
    pelmet = skia.Path()
    pelmet.moveTo(0, 0)
    pelmet.lineTo(st.w, 0)
    pelmet.lineTo(st.w, 8)
    for x in np.arange(st.w, -8, -8):
        pelmet.quadTo(float(x) - 4, 12, float(x) - 8, 8)
    pelmet.close()
    st.fill(pelmet, darker(colour, 0.1))
    st.fill(rect(0, 0, st.w, 2, 0), (220, 180, 70), outline=0.3)


def footlights(st: Stage, *, y: float = 97.0) -> None:
    """The footlights along the front of the stage, and the spotlights' pools."""
    for x in spread(st, 9, 0.0, 4):
        st.fill(rect(x - 2, y - 1.2, x + 2, y + 1.2, 0.6), (60, 56, 60), outline=0.4)
        st.glow(oval(x, y - 1.2, 1.6, 0.7), (255, 230, 160))
    for x in (st.cx - 30, st.cx + 30):
        pool = poly([(x - 4, 0), (x + 4, 0), (x + 20, 90), (x - 20, 90)])
        st.p.flat(pool, st.look.treat((255, 246, 210)), alpha=0.12, raw=True)
        st.p.flat(oval(x, 88, 20, 4), st.look.treat((255, 246, 210)), alpha=0.16, raw=True)
