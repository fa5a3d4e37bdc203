"""Space: a starry sky with nebulae and planets over a cratered moon surface.

Space has one light source, never the earth's sun and moon: a distant sun (high by day, low over
the surface at dawn and dusk) or, at night, the glow of a big planet rising over the horizon. It
has no weather (see :class:`.stage.Stage`): no clouds, rain, snow or fog.
"""

from __future__ import annotations

import math
import random

import skia

from render_farm.engine.styles import RGB, argb, darker, lighter, mix
from render_farm.film.spec import TimeOfDay

from .shapes import cut, oval, poly
from .sky import draw_sky
from .stage import Stage, ridge, spread

__all__ = ["earthrise", "space"]

_HORIZON = 78.0
_SUN_GLARE: dict[TimeOfDay, RGB] = {
    TimeOfDay.dawn: (255, 206, 176),
    TimeOfDay.day: (255, 246, 220),
    TimeOfDay.dusk: (255, 180, 128),
}


def space(st: Stage) -> None:
    bright = st.time is TimeOfDay.day
    top = (16, 14, 48) if not bright else (40, 40, 110)
    low = (60, 30, 90) if not bright else (120, 80, 160)
    light = {TimeOfDay.dawn: 0.85, TimeOfDay.day: 1.0, TimeOfDay.dusk: 0.8, TimeOfDay.night: 0.6}[st.time]
    top = tuple(int(c * light) for c in top)  # type: ignore[assignment]
    low = tuple(int(c * light) for c in low)  # type: ignore[assignment]
    st.sky = (top, mix(top, low, 0.5), low)  # type: ignore[assignment]
    draw_sky(st, _HORIZON, space=True)
    rng = random.Random(st.rng.random())
    for _ in range(max(2, int(st.w / 50))):
        x, y, r = rng.uniform(0, st.w), rng.uniform(10, 60), rng.uniform(12, 26)
        neb = skia.Paint(AntiAlias=True)
        color = st.look.treat(rng.choice([(180, 80, 200), (80, 120, 220), (220, 90, 140)]))
        neb.setShader(
            skia.GradientShader.MakeRadial(
                skia.Point(x, y), r, [argb(color, 0.28 * light), argb(color, 0.0)], [0.0, 1.0]
            )
        )
        st.canvas.drawCircle(x, y, r, neb)
    lx, ly, keep = _planet_glow(st) if st.time is TimeOfDay.night else _distant_sun(st)
    for px in spread(st, 80, 0.4, 20):
        py, pr = rng.uniform(16, 40), rng.uniform(4, 8)
        color = rng.choice([(230, 150, 90), (120, 190, 220), (200, 120, 180)])
        ringed = rng.random() < 0.5
        if math.hypot(px - lx, py - ly) < keep + 2 * pr:
            continue  # nothing crowds the light source
        if ringed:
            ring = oval(px, py, pr * 1.9, pr * 0.45)
            st.p.stroke(ring, lighter(color, 0.3), 0.7)
        st.p.fill(oval(px, py, pr, pr), color, outline=st.outline)
        st.p.flat(oval(px - pr * 0.3, py - pr * 0.35, pr * 0.3, pr * 0.22), (255, 255, 255), alpha=0.35)
    surface = ridge(st, _HORIZON, 3, 30)
    ground = (150, 146, 160) if bright else (124, 120, 140)
    st.p.light = (light, light, light)
    st.p.fill(surface, ground, outline=st.outline)
    for _ in range(int(st.w / 12)):
        x, y = rng.uniform(0, st.w), rng.uniform(82, 100)
        s = 0.6 + (y - 78) / 10
        st.p.fill(oval(x, y, 2.2 * s, 0.7 * s), darker(ground, 0.2), outline=0.0, shade=False)
        st.p.flat(oval(x, y - 0.25 * s, 1.8 * s, 0.45 * s), darker(ground, 0.35))


def _distant_sun(st: Stage) -> tuple[float, float, float]:
    """A small, fierce white star with a glare and four rays; its (x, y, radius to keep clear)."""
    x = st.w * (0.78 if st.time in (TimeOfDay.day, TimeOfDay.dusk) else 0.22)
    y = _HORIZON * (0.25 if st.time is TimeOfDay.day else 0.66)
    glare = st.look.treat(_SUN_GLARE[st.time])
    halo = skia.Paint(AntiAlias=True)
    halo.setShader(
        skia.GradientShader.MakeRadial(skia.Point(x, y), 16, [argb(glare, 0.6), argb(glare, 0.0)], [0.0, 1.0])
    )
    st.canvas.drawCircle(x, y, 16, halo)
    k = 0.55
    rays = poly(
        [
            (x - 10, y),
            (x - k, y - k),
            (x, y - 10),
            (x + k, y - k),
            (x + 10, y),
            (x + k, y + k),
            (x, y + 10),
            (x - k, y + k),
        ]
    )
    st.glow(rays, _SUN_GLARE[st.time], 0.75)
    st.glow(oval(x, y, 2.6, 2.6), (255, 252, 242))
    return x, y, 16.0


def _planet_glow(st: Stage) -> tuple[float, float, float]:
    """A big planet rising over the horizon, lit along its rim; its (x, y, radius to keep clear)."""
    x, y, r = st.w * 0.8, _HORIZON - 2, 21.0
    rim = st.look.treat((150, 196, 255))
    halo = skia.Paint(AntiAlias=True)
    halo.setShader(
        skia.GradientShader.MakeRadial(
            skia.Point(x, y), r * 1.7, [argb(rim, 0.5), argb(rim, 0.5), argb(rim, 0.0)], [0.0, 1 / 1.7, 1.0]
        )
    )
    st.canvas.drawCircle(x, y, r * 1.7, halo)
    body = oval(x, y, r, r)
    st.p.fill(body, (56, 86, 150), outline=st.outline)
    limb = cut(body, oval(x - r * 0.22, y + r * 0.18, r, r), skia.PathOp.kDifference_PathOp)
    st.glow(limb, (176, 214, 255), 0.85)
    return x, y, r + 6


def earthrise(st: Stage, *, horizon: float) -> None:
    """The black sky over the moon: stars by day and night, and the earth hanging in it, its
    sunlit side turned by the time of day."""
    light = {TimeOfDay.dawn: 0.9, TimeOfDay.day: 1.0, TimeOfDay.dusk: 0.85, TimeOfDay.night: 0.65}[st.time]
    top, low = (4, 6, 18), (22, 24, 44)
    st.sky = (top, mix(top, low, 0.5), low)
    draw_sky(st, horizon, space=True)
    x, y, r = st.w * 0.74, horizon * 0.36, 9.0
    st.halo(x, y, r * 1.8, (140, 190, 255), 0.35)
    body = oval(x, y, r, r)
    st.p.fill(body, (60, 120, 210), outline=st.outline)
    rng = random.Random(st.rng.random())
    land = skia.Path()
    for _ in range(5):
        land.addOval(
            skia.Rect.MakeXYWH(
                x + rng.uniform(-r, r * 0.4), y + rng.uniform(-r, r * 0.5), rng.uniform(3, 6), rng.uniform(2, 4)
            )
        )
    land = cut(land, body)
    st.p.flat(land, (90, 170, 90))
    shade = {TimeOfDay.dawn: -0.5, TimeOfDay.day: -0.9, TimeOfDay.dusk: 0.5, TimeOfDay.night: 0.2}[st.time]
    night_side = cut(body, oval(x + shade * r, y - 0.2 * r, r, r), skia.PathOp.kDifference_PathOp)
    st.p.flat(night_side, (10, 14, 40), alpha=0.75)
    st.p.light = (light, light, light)
