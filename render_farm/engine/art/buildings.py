"""Built-up places: village, city street, castle and the room indoors."""

from __future__ import annotations

import random

import numpy as np
import skia

from render_farm.engine.styles import argb, darker, lighter

from .props import ground, windows
from .shapes import oval, poly, rect, union_all
from .sky import draw_sky
from .stage import WINDOW_LIT, Stage, ridge, spread

__all__ = ["castle", "city_street", "room", "village"]


def village(st: Stage) -> None:
    draw_sky(st, 58)
    st.fill(ridge(st, 58, 8, 40), st.haze((120, 164, 110), 0.45), outline=0.5)
    ground(st, 64, (118, 170, 86))
    roofs = [(190, 80, 66), (140, 84, 60), (88, 110, 160), (170, 110, 60)]
    walls = [(246, 226, 190), (236, 210, 176), (232, 232, 216), (220, 196, 170)]
    rng = random.Random(st.rng.random())
    for x in spread(st, 34, 0.25):
        w, h = rng.uniform(17, 22), rng.uniform(14, 20)
        base = 74.0
        wall = rng.choice(walls)
        if rng.random() < 0.5:
            st.fill(rect(x + w * 0.2, base - h - 12, x + w * 0.32, base - h - 2), (150, 90, 70))
        st.fill(rect(x - w / 2, base - h, x + w / 2, base), wall)
        st.fill(
            poly([(x - w / 2 - 2.5, base - h + 0.5), (x + w / 2 + 2.5, base - h + 0.5), (x, base - h - 11)]),
            rng.choice(roofs),
        )
        st.fill(rect(x - 2.5, base - 8, x + 2.5, base, 1.0), (128, 84, 54))
        windows(st, x - w / 2 + 1, base - h + 3, x + w / 2 - 1, base - 9, 2, 1, wall)
    fence = skia.Path()
    for x in np.arange(0, st.w, 4):
        fence.addRect(skia.Rect.MakeLTRB(float(x), 73, float(x) + 1.2, 78.5))
    fence.addRect(skia.Rect.MakeLTRB(0, 74.5, st.w, 75.5))
    fence.addRect(skia.Rect.MakeLTRB(0, 76.8, st.w, 77.6))
    st.fill(fence, (220, 200, 170), outline=0.5, shade=False)
    ground(st, 78.5, (196, 176, 146), (210, 192, 164))
    stones = skia.Path()
    for row, y in enumerate(np.arange(80, 101, 3.5)):
        offset = (row % 2) * 3
        for x in np.arange(-offset, st.w, 6):
            stones.addRoundRect(
                skia.Rect.MakeLTRB(float(x) + 0.4, float(y) + 0.4, float(x) + 5.6, float(y) + 3.1), 1.2, 1.2
            )
    st.p.fill(stones, (214, 196, 168), outline=0.0, shade=False)
    st.p.stroke(stones, darker(st.p.color((196, 176, 146)), 0.15), 0.18, raw=True)


def city_street(st: Stage) -> None:
    draw_sky(st, 62)
    rng = random.Random(st.rng.random())
    sky_line = [rect(x, 62 - rng.uniform(12, 34), x + rng.uniform(8, 14), 66) for x in spread(st, 10, 0.3)]
    st.fill(union_all(sky_line), st.haze((120, 130, 160), 0.5), outline=0.4)
    facades = [(196, 104, 84), (226, 190, 140), (150, 170, 190), (200, 160, 120), (170, 120, 150)]
    x = -rng.uniform(0, 10)
    while x < st.w:
        w, h = rng.uniform(20, 32), rng.uniform(34, 56)
        color = rng.choice(facades)
        st.fill(rect(x, 74 - h, x + w, 74), color)
        st.fill(rect(x - 0.5, 74 - h - 1.6, x + w + 0.5, 74 - h + 0.6), darker(color, 0.2))
        windows(st, x + 1.5, 74 - h + 3, x + w - 1.5, 66, max(2, int(w / 7)), max(1, int((h - 10) / 8)), color)
        st.fill(rect(x + w / 2 - 3, 66, x + w / 2 + 3, 74), darker(color, 0.45))
        x += w + rng.uniform(0, 2)
    ground(st, 74, (178, 178, 184), (196, 196, 200))
    tiles = skia.Path()
    for x in np.arange(0, st.w, 8):
        tiles.moveTo(float(x), 74)
        tiles.lineTo(float(x) - 3, 96)
    for y in (79.0, 86.0):
        tiles.moveTo(0, y)
        tiles.lineTo(st.w, y)
    st.p.stroke(tiles, (150, 150, 158), 0.18)
    st.fill(rect(0, 96, st.w, 101), (110, 110, 118), outline=0.5)
    for x in spread(st, 60, 0.1, 20):
        st.fill(rect(x - 0.6, 50, x + 0.6, 84), (60, 66, 76), outline=0.5)
        st.fill(rect(x - 2.2, 47.5, x + 2.2, 50.5, 0.8), (60, 66, 76), outline=0.5)
        if st.lit:
            halo = skia.Paint(AntiAlias=True)
            halo.setShader(
                skia.GradientShader.MakeRadial(
                    skia.Point(x, 51), 12, [argb(st.look.treat(WINDOW_LIT), 0.45), argb(WINDOW_LIT, 0.0)], [0.0, 1.0]
                )
            )
            st.canvas.drawCircle(x, 51, 12, halo)
            st.glow(oval(x, 51, 1.6, 1.0), (255, 240, 190))


def room(st: Stage) -> None:
    wall = (236, 214, 184)
    st.fill(rect(0, 0, st.w, 76), wall, outline=0.0, shade=False)
    stripes = skia.Path()
    for x in np.arange(0, st.w, 6):
        stripes.addRect(skia.Rect.MakeLTRB(float(x), 0, float(x) + 2.2, 76))
    st.p.flat(stripes, darker(wall, 0.06))
    rng = random.Random(st.rng.random())
    for wx in np.arange(25.0, st.w + 20, 90.0):
        wx = float(wx)
        frame = rect(wx - 14, 14, wx + 14, 50, 1.0)
        st.canvas.save()
        st.canvas.clipPath(frame, doAntiAlias=True)
        draw_sky(st, 50)
        st.fill(ridge(st, 48, 4, 20, 60), st.haze((110, 170, 90), 0.3), outline=0.0)
        st.canvas.restore()
        bars = skia.Path()
        bars.addRect(skia.Rect.MakeLTRB(wx - 0.6, 14, wx + 0.6, 50))
        bars.addRect(skia.Rect.MakeLTRB(wx - 14, 31.4, wx + 14, 32.6))
        st.fill(bars, (250, 246, 236), outline=0.5, shade=False)
        st.fill(
            skia.Op(rect(wx - 15.5, 12.5, wx + 15.5, 51.5, 1.2), frame, skia.PathOp.kDifference_PathOp),
            (250, 246, 236),
            outline=0.6,
        )
        curtain = (196, 84, 84) if rng.random() < 0.5 else (84, 128, 186)
        for side in (-1, 1):
            c = poly(
                [
                    (wx + side * 19, 10),
                    (wx + side * 11, 10),
                    (wx + side * 15, 34),
                    (wx + side * 13, 56),
                    (wx + side * 20, 56),
                ]
            )
            st.fill(c, curtain)
        st.fill(rect(wx - 22, 8.6, wx + 22, 10.4, 0.8), (140, 96, 60))
    for px in np.arange(70.0, st.w + 20, 90.0):
        px = float(px)
        st.fill(rect(px - 8, 22, px + 8, 34, 0.5), (150, 100, 60))
        st.fill(rect(px - 6.5, 23.5, px + 6.5, 32.5), (170, 210, 230), outline=0.4)
        st.fill(
            poly([(px - 6.5, 32.5), (px - 1, 26), (px + 3, 30), (px + 6.5, 27), (px + 6.5, 32.5)]),
            (110, 160, 90),
            outline=0.3,
        )
        st.fill(rect(px - 10, 44, px + 10, 45.5), (140, 96, 60))
        for i in range(6):
            x0 = px - 9 + i * 2.6
            st.fill(
                rect(x0, 37 + (i % 3) * 0.8, x0 + 2.2, 44, 0.3),
                rng.choice([(190, 70, 70), (70, 110, 170), (220, 180, 70), (90, 150, 100)]),
                outline=0.4,
            )
    st.fill(rect(0, 73, st.w, 76.5), (200, 170, 130), outline=0.5)
    ground(st, 76.5, (176, 124, 82), (162, 114, 76))
    boards = skia.Path()
    for y in np.arange(79, 101, 4.5):
        boards.moveTo(0, float(y))
        boards.lineTo(st.w, float(y))
    st.p.stroke(boards, (130, 88, 56), 0.22)
    st.fill(oval(st.w / 2, 90, min(38, st.w * 0.3), 6), (180, 90, 90), outline=0.6)
    st.p.stroke(oval(st.w / 2, 90, min(34, st.w * 0.27), 4.6), (236, 200, 150), 0.5)
    if st.lit:
        for lx in np.arange(50.0, st.w + 20, 90.0):
            lx = float(lx)
            halo = skia.Paint(AntiAlias=True)
            halo.setShader(
                skia.GradientShader.MakeRadial(
                    skia.Point(lx, 50), 30, [argb(st.look.treat(WINDOW_LIT), 0.4), argb(WINDOW_LIT, 0.0)], [0.0, 1.0]
                )
            )
            st.canvas.drawCircle(lx, 50, 30, halo)
            st.fill(rect(lx - 0.5, 54, lx + 0.5, 78), (80, 70, 60))
            st.glow(poly([(lx - 5, 55), (lx + 5, 55), (lx + 3, 47), (lx - 3, 47)]), (255, 226, 160))


def castle(st: Stage) -> None:
    draw_sky(st, 60)
    st.fill(ridge(st, 62, 10, 40), st.haze((116, 160, 110), 0.45), outline=0.5)
    stone = (190, 184, 176)
    roof = (70, 90, 160)
    rng = random.Random(st.rng.random())
    for cx in spread(st, 120, 0.1, 40):
        wall = rect(cx - 34, 48, cx + 34, 76)
        battlements = [rect(x, 45, x + 3, 49) for x in np.arange(cx - 34, cx + 34, 5.5)]
        st.fill(union_all([wall, *battlements]), stone)
        st.fill(rect(cx - 6, 60, cx + 6, 76, 0), (90, 64, 44))
        st.fill(skia.Op(oval(cx, 60, 6, 6), rect(cx - 7, 60, cx + 7, 70), skia.PathOp.kDifference_PathOp), (90, 64, 44))
        for tx, h in ((cx - 36, 44), (cx + 36, 44), (cx - 14, 34), (cx + 14, 30)):
            st.fill(rect(tx - 6, 76 - h, tx + 6, 76), lighter(stone, 0.05))
            st.fill(poly([(tx - 8, 76 - h + 0.5), (tx + 8, 76 - h + 0.5), (tx, 76 - h - 13)]), roof)
            st.fill(rect(tx - 0.25, 76 - h - 19, tx + 0.25, 76 - h - 12), (90, 90, 90), outline=0.3)
            st.fill(
                poly([(tx + 0.25, 76 - h - 19), (tx + 6, 76 - h - 17.5), (tx + 0.25, 76 - h - 16)]),
                rng.choice([(220, 60, 60), (250, 200, 60)]),
                outline=0.4,
            )
            win = rect(tx - 1.4, 76 - h + 6, tx + 1.4, 76 - h + 11, 1.4)
            st.glow(win, WINDOW_LIT) if st.lit else st.fill(win, (50, 50, 70), outline=0.3, shade=False)
        bricks = skia.Path()
        for y in np.arange(51, 76, 4):
            bricks.moveTo(cx - 34, float(y))
            bricks.lineTo(cx + 34, float(y))
        st.p.stroke(bricks, darker(stone, 0.2), 0.15)
    ground(st, 76, (170, 162, 150), (160, 154, 144))
    flags = skia.Path()
    for row, y in enumerate(np.arange(79, 101, 5)):
        offset = (row % 2) * 4
        for x in np.arange(-offset, st.w, 8):
            flags.addRoundRect(
                skia.Rect.MakeLTRB(float(x) + 0.4, float(y) + 0.4, float(x) + 7.6, float(y) + 4.6), 0.8, 0.8
            )
    st.p.stroke(flags, (130, 124, 116), 0.2)
