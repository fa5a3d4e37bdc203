"""Props shared by the places: trees, grass and flowers, the ground, lit or dark windows."""

from __future__ import annotations

import math
import random

import skia

from render_farm.engine.styles import RGB, darker, lighter, mix

from .shapes import oval, poly, rect, union_all
from .stage import WINDOW_LIT, Stage

__all__ = ["grass_details", "ground", "tree", "windows"]


def tree(st: Stage, x: float, ground: float, size: float, kind: str, haze: float = 0.0) -> None:
    trunk_c = st.haze((122, 84, 56), haze)
    leaf = st.haze(mix((76, 150, 70), (40, 110, 70), st.rng.random()), haze)
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
        st.fill(union_all(tiers), darker(leaf, 0.1))
    else:
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
        blobs = [
            oval(x + dx * size, ground - (12 + dy) * size, r * size, r * size)
            for dx, dy, r in ((-3.5, 0, 4.5), (3.5, 0.5, 4.5), (0, 4, 5.5), (0, -1, 5))
        ]
        st.fill(union_all(blobs), leaf)


def grass_details(st: Stage, top: float, flowers: bool) -> None:
    rng = random.Random(st.rng.random())
    tufts = skia.Path()
    for _ in range(int(st.w * 0.5)):
        x, y = rng.uniform(0, st.w), rng.uniform(top + 2, 100)
        s = 0.5 + (y - top) / 40
        for dx in (-0.6, 0, 0.6):
            tufts.moveTo(x + dx * s, y)
            tufts.lineTo(x + dx * 2.2 * s, y - 1.6 * s)
    st.p.stroke(tufts, (60, 120, 50), 0.22)
    if flowers:
        for _ in range(int(st.w * 0.25)):
            x, y = rng.uniform(0, st.w), rng.uniform(top + 3, 99)
            s = 0.35 + (y - top) / 50
            color = rng.choice([(255, 120, 150), (255, 226, 90), (255, 255, 255), (170, 140, 255)])
            st.fill(
                union_all([oval(x + math.cos(a) * s, y + math.sin(a) * s, 0.75 * s, 0.75 * s) for a in (0, 2.1, 4.2)]),
                color,
                outline=0.4,
            )
            st.p.flat(oval(x, y, 0.45 * s, 0.45 * s), (255, 200, 60))


def ground(st: Stage, top: float, color: RGB, far_color: RGB | None = None) -> None:
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
