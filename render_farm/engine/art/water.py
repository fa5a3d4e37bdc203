"""Under the sea: the water from its bright surface down to the deep, shafts of sunlight, rocks,
seaweed and coral on a sandy floor, fish far off and rising bubbles. The time of day dims it.
"""

from __future__ import annotations

import math
import random

import skia

from render_farm.engine.styles import RGB, argb, darker, mix
from render_farm.film.spec import TimeOfDay

from .shapes import oval, poly, tube, union_all
from .stage import Stage, spread

__all__ = ["bubbles", "coral", "deep_water", "fish_shoal", "seaweed"]

_WATER: dict[TimeOfDay, tuple[RGB, RGB]] = {  # surface, deep
    TimeOfDay.dawn: ((120, 190, 210), (20, 70, 120)),
    TimeOfDay.day: ((110, 214, 230), (16, 84, 150)),
    TimeOfDay.dusk: ((140, 150, 190), (18, 46, 100)),
    TimeOfDay.night: ((30, 60, 110), (4, 14, 44)),
}


def deep_water(st: Stage, *, floor: float) -> None:
    """The water itself, light falling through it in shafts, far rocks in the blue."""
    surface, deep = (st.look.treat(c) for c in _WATER[st.time])
    st.sky = (surface, mix(surface, deep, 0.5), deep)
    st.band(0.0, 0.0, floor, (surface, mix(surface, deep, 0.55), deep), (0.0, 0.5, 1.0))
    if st.time is not TimeOfDay.night:
        rays = skia.Path()
        for x in spread(st, 26, 0.4):
            rays.addPath(poly([(x, -1), (x + 5, -1), (x + 16, floor), (x + 8, floor)]))
        paint = skia.Paint(AntiAlias=True)
        paint.setShader(
            skia.GradientShader.MakeLinear(
                [skia.Point(0, 0), skia.Point(0, floor)],
                [argb((255, 255, 240), 0.22), argb((255, 255, 240), 0.0)],
                [0.0, 1.0],
            )
        )
        st.canvas.drawPath(rays, paint)
    rng = random.Random(st.rng.random())
    far = union_all([oval(x, floor - 2, rng.uniform(8, 16), rng.uniform(5, 12)) for x in spread(st, 28, 0.4)])
    st.fill(far, mix(deep, (60, 90, 110), 0.35), outline=0.3)


def seaweed(st: Stage, *, base: float, per_100: float = 8.0) -> None:
    """Kelp swaying up from the sand."""
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w * per_100 / 100)):
        x, h = rng.uniform(0, st.w), rng.uniform(12, 30)
        points = [(x + math.sin(k * 1.3 + x) * 1.6, base - h * k / 4) for k in range(5)]
        st.fill(tube(points, rng.uniform(1.2, 2.0)), rng.choice([(60, 150, 80), (90, 130, 50), (40, 120, 90)]))


def coral(st: Stage, *, base: float, per_100: float = 5.0) -> None:
    """Branching coral and round sponges in warm colours."""
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w * per_100 / 100)):
        x = rng.uniform(0, st.w)
        colour = rng.choice([(240, 110, 120), (250, 160, 80), (200, 110, 200), (250, 210, 90)])
        if rng.random() < 0.5:
            arms = [
                tube([(x, base), (x + dx * 0.5, base - h * 0.5), (x + dx, base - h)], 1.3)
                for dx, h in ((-4, 7), (0, 10), (3.5, 8), (-1.5, 5))
            ]
            st.fill(union_all(arms), colour)
        else:
            st.fill(union_all([oval(x, base - 2.4, 3.2, 2.6), oval(x + 2.6, base - 1.6, 2, 1.7)]), colour)
            holes = skia.Path()
            for k in range(4):
                holes.addCircle(x - 1.6 + k * 1.1, base - 2.6 + (k % 2) * 0.8, 0.35)
            st.p.flat(holes, darker(colour, 0.35))


def fish_shoal(st: Stage, *, top: float, bottom: float) -> None:
    """Far-off fish, small and hazy, swimming together."""
    rng = random.Random(st.rng.random())
    for _ in range(max(1, int(st.w / 60))):
        cx, cy = rng.uniform(0, st.w), rng.uniform(top, bottom)
        colour = rng.choice([(250, 190, 80), (120, 200, 240), (250, 130, 110)])
        for _ in range(6):
            x, y = cx + rng.uniform(-8, 8), cy + rng.uniform(-4, 4)
            body = union_all([oval(x, y, 1.6, 0.8), poly([(x + 1.2, y), (x + 2.6, y - 0.9), (x + 2.6, y + 0.9)])])
            st.fill(body, st.haze(colour, 0.35), outline=0.3)


def bubbles(st: Stage, *, per_100: float = 12.0) -> None:
    rng = random.Random(st.rng.random())
    rings = skia.Path()
    for _ in range(int(st.w * per_100 / 100)):
        x, y, r = rng.uniform(0, st.w), rng.uniform(4, 70), rng.uniform(0.3, 0.9)
        rings.addCircle(x, y, r)
    st.p.stroke(rings, (230, 250, 255), 0.18, alpha=0.8)
