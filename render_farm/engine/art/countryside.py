"""Open-air places: meadow, forest, river, beach and mountains."""

from __future__ import annotations

import math
import random

import numpy as np
import skia

from render_farm.engine.styles import argb, mix

from .props import grass_details, ground, tree
from .shapes import oval, poly, rect, union_all
from .sky import draw_sky
from .stage import Stage, mountain_range, ridge, spread

__all__ = ["beach", "forest", "meadow", "mountains", "river"]


def meadow(st: Stage) -> None:
    draw_sky(st, 62)
    st.fill(ridge(st, 60, 9, 38), st.haze((120, 170, 110), 0.45), outline=0.5)
    hills = ridge(st, 68, 6, 30)
    st.fill(hills, st.haze((110, 176, 90), 0.15))
    for x in spread(st, 45, 0.5):
        tree(st, x, 66 + st.rng.uniform(-1, 2), 0.55, st.rng.choice(["round", "pine"]), haze=0.2)
    ground(st, 72, (102, 168, 74), (128, 186, 96))
    grass_details(st, 72, flowers=True)


def forest(st: Stage) -> None:
    draw_sky(st, 60)
    for x in spread(st, 7, 0.4):
        tree(st, x, 64, st.rng.uniform(0.8, 1.2), "pine", haze=0.55)
    ground(st, 66, (86, 136, 66), (110, 150, 86))
    for x in spread(st, 28, 0.5):
        tree(
            st,
            x,
            72 + st.rng.uniform(-2, 2),
            st.rng.uniform(1.3, 1.8),
            st.rng.choice(["round", "pine", "round"]),
            haze=0.12,
        )
    path = skia.Path()
    path.moveTo(0, 80)
    path.cubicTo(st.w * 0.3, 76, st.w * 0.7, 78, st.w, 79)
    path.lineTo(st.w, 92)
    path.cubicTo(st.w * 0.6, 94, st.w * 0.3, 91, 0, 93)
    path.close()
    st.fill(path, (176, 140, 96), outline=0.0)
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w / 30)):
        x, y = rng.uniform(0, st.w), rng.uniform(93, 99)
        st.fill(union_all([oval(x + dx, y - 2, 2.6, 2.2) for dx in (-2, 0, 2)]), (64, 128, 60))
    for _ in range(int(st.w / 45)):
        x, y = rng.uniform(0, st.w), rng.uniform(73, 78)
        st.fill(rect(x - 0.4, y - 1.6, x + 0.4, y), (245, 235, 215), outline=0.5)
        st.fill(oval(x, y - 1.8, 1.3, 0.9), (214, 70, 60), outline=0.5)
    grass_details(st, 74, flowers=False)


def river(st: Stage) -> None:
    draw_sky(st, 56)
    st.fill(ridge(st, 55, 9, 40), st.haze((118, 160, 120), 0.45), outline=0.5)
    st.fill(ridge(st, 62, 3, 25), (110, 168, 86))
    for x in spread(st, 30, 0.5):
        tree(st, x, 62, 0.6, "round", haze=0.2)
    water = skia.Paint(AntiAlias=True)
    top, _, low = (st.look.treat(c) for c in st.sky)
    water.setShader(
        skia.GradientShader.MakeLinear(
            [skia.Point(0, 62), skia.Point(0, 78)],
            [argb(mix(low, (70, 140, 190), 0.5)), argb(mix(top, (40, 100, 160), 0.5))],
            [0.0, 1.0],
        )
    )
    st.canvas.drawRect(skia.Rect.MakeLTRB(0, 62, st.w, 80), water)
    rng = random.Random(st.rng.random())
    ripples = skia.Path()
    for _ in range(int(st.w / 4)):
        x, y = rng.uniform(0, st.w), rng.uniform(63, 78)
        ripples.moveTo(x, y)
        ripples.lineTo(x + rng.uniform(1.5, 4) * (0.5 + (y - 62) / 16), y)
    st.p.stroke(ripples, (230, 244, 255), 0.28, alpha=0.55)
    bank = skia.Path()
    bank.moveTo(0, 78)
    for x in np.arange(0, st.w + 10, 10):
        bank.quadTo(float(x) + 5, 76.5 + rng.random() * 1.5, float(x) + 10, 78)
    bank.lineTo(st.w + 10, 101)
    bank.lineTo(0, 101)
    bank.close()
    st.fill(bank, (104, 166, 76))
    reeds = skia.Path()
    for _ in range(int(st.w / 8)):
        x = rng.uniform(0, st.w)
        for k in range(3):
            reeds.moveTo(x + k * 0.6, 79)
            reeds.quadTo(x + k * 0.6, 74, x + k * 0.9 + 0.5, 71 + rng.random() * 2)
    st.p.stroke(reeds, (70, 120, 60), 0.35)
    for _ in range(int(st.w / 25)):
        x, y = rng.uniform(0, st.w), rng.uniform(92, 99)
        st.fill(oval(x, y, 2.2, 1.2), (150, 150, 150))
    grass_details(st, 80, flowers=True)


def beach(st: Stage) -> None:
    draw_sky(st, 56)
    top, _, low = (st.look.treat(c) for c in st.sky)
    sea = skia.Paint(AntiAlias=True)
    sea.setShader(
        skia.GradientShader.MakeLinear(
            [skia.Point(0, 56), skia.Point(0, 74)],
            [argb(mix(low, (60, 150, 200), 0.55)), argb(mix(top, (30, 110, 170), 0.5))],
            [0.0, 1.0],
        )
    )
    st.canvas.drawRect(skia.Rect.MakeLTRB(0, 56, st.w, 76), sea)
    rng = random.Random(st.rng.random())
    waves = skia.Path()
    for _ in range(int(st.w / 3)):
        x, y = rng.uniform(0, st.w), rng.uniform(57, 73)
        s = 0.6 + (y - 56) / 10
        waves.moveTo(x, y)
        waves.quadTo(x + s, y - 0.6 * s, x + 2 * s, y)
    st.p.stroke(waves, (236, 248, 255), 0.25, alpha=0.6)
    shore = skia.Path()
    shore.moveTo(0, 74)
    for x in np.arange(0, st.w + 12, 12):
        shore.quadTo(float(x) + 6, 72.5 + rng.random() * 2, float(x) + 12, 74)
    shore.lineTo(st.w + 12, 101)
    shore.lineTo(0, 101)
    shore.close()
    st.fill(shore, (240, 250, 255), outline=0.0)
    sand = skia.Path(shore)
    sand.offset(0, 1.4)
    st.fill(sand, (238, 212, 160))
    for _ in range(int(st.w / 14)):
        x, y = rng.uniform(0, st.w), rng.uniform(80, 99)
        st.p.flat(oval(x, y, 0.6, 0.3), (200, 170, 120))
    for _ in range(int(st.w / 40)):
        x, y = rng.uniform(0, st.w), rng.uniform(86, 99)
        st.fill(oval(x, y, 1.3, 1.0), rng.choice([(255, 210, 200), (255, 240, 220)]), outline=0.5)
    for x in spread(st, 110, 0.2, 15):
        trunk = skia.Path()
        trunk.moveTo(x, 82)
        trunk.quadTo(x + 2, 60, x + 8, 44)
        paint = skia.Paint(
            AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=2.4, StrokeCap=skia.Paint.kRound_Cap
        )
        fill = skia.Path()
        paint.getFillPath(trunk, fill)
        st.fill(fill, (150, 110, 70))
        fronds = []
        for a in (-150, -120, -60, -25, 10, 200):
            r = math.radians(a)
            fr = skia.Path()
            fr.moveTo(x + 8, 44)
            fr.quadTo(
                x + 8 + 8 * math.cos(r), 40 + 8 * math.sin(r) - 3, x + 8 + 15 * math.cos(r), 45 + 12 * math.sin(r)
            )
            fr.quadTo(x + 8 + 7 * math.cos(r), 44 + 8 * math.sin(r), x + 8, 44)
            fronds.append(fr)
        st.fill(union_all(fronds), (70, 150, 70))


def mountains(st: Stage) -> None:
    draw_sky(st, 58)
    far, peaks = mountain_range(st, 62, 34, 34)
    st.fill(far, st.haze((130, 140, 170), 0.4), outline=0.5)
    caps = []
    for x, top, half in peaks:
        k = 0.28
        caps.append(
            poly(
                [
                    (x - half * k, top + (62 - top) * k),
                    (x, top),
                    (x + half * k, top + (62 - top) * k),
                    (x + half * 0.1, top + (62 - top) * k * 0.8),
                    (x - half * 0.12, top + (62 - top) * k * 1.05),
                ]
            )
        )
    st.fill(union_all(caps), (250, 252, 255), outline=0.5)
    mid, _ = mountain_range(st, 70, 18, 26)
    st.fill(mid, st.haze((98, 130, 110), 0.2))
    for x in spread(st, 9, 0.5):
        tree(st, x, 72 + st.rng.uniform(-1, 2), st.rng.uniform(0.45, 0.7), "pine", haze=0.15)
    ground(st, 74, (120, 150, 92), (136, 164, 104))
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w / 22)):
        x, y = rng.uniform(0, st.w), rng.uniform(90, 100)
        st.fill(union_all([oval(x, y, 3.4, 2.2), oval(x + 2, y + 0.6, 2.4, 1.6)]), (150, 146, 140))
    grass_details(st, 76, flowers=False)
