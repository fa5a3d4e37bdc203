"""The sky of a background: its gradient, sun or moon, stars and clouds.

The sky's colours come from the time of day and the weather (see :class:`.stage.Stage`); this
module paints them, puts up the one light source the time of day has (the sun, low at dawn and
dusk, or the moon at night), scatters stars at night, and adds clouds by the weather. Space gets
only the gradient and its stars here: it brings its own light (see :mod:`.space`).
"""

from __future__ import annotations

import random

import skia

from render_farm.engine.styles import argb, darker, halftone_paint, mix
from render_farm.film.spec import Place, TimeOfDay, Weather

from .shapes import oval, rect, union_all
from .stage import Stage

__all__ = ["draw_clouds", "draw_sky"]


def draw_sky(st: Stage, horizon: float) -> None:
    top, mid, low = (st.look.treat(c) for c in st.sky)
    st.band(0.0, 0.0, max(10.0, horizon), (top, mid, low), (0.0, 0.55, 1.0))
    if st.look.texture == "dots":
        st.canvas.drawRect(skia.Rect.MakeLTRB(0, 0, st.w, horizon * 0.55), halftone_paint(1.6, darker(top, 0.3), 0.22))
    time = st.time
    rng = random.Random(st.rng.random())
    if time is TimeOfDay.night or st.setting.place is Place.space:
        stars = skia.Path()
        count = int(st.w * horizon / 40)
        for _ in range(count):
            x, y, r = rng.uniform(0, st.w), rng.uniform(0, horizon) ** 1.0, rng.uniform(0.08, 0.28)
            stars.addCircle(x, y * rng.uniform(0.3, 1.0), r)
        alpha = 0.9 if st.weather in (Weather.clear, Weather.snow) else 0.35
        st.glow(stars, (255, 250, 230), alpha)
    if st.setting.place is Place.space:
        return  # no earth sun, moon or clouds in space: it lights itself (see .space)
    clear = st.weather in (Weather.clear, Weather.cloudy)
    sun_x = st.w * (0.78 if time in (TimeOfDay.day, TimeOfDay.dusk) else 0.22)
    if time is TimeOfDay.night:
        if clear:
            mx, my = st.w * 0.8, horizon * 0.28
            st.glow(oval(mx, my, 11, 11), (200, 210, 255), 0.12)
            moon = skia.Op(oval(mx, my, 5.5, 5.5), oval(mx + 2.6, my - 1.6, 4.8, 4.8), skia.PathOp.kDifference_PathOp)
            st.glow(moon, (255, 244, 210))
    elif clear:
        sy = horizon * (0.25 if time is TimeOfDay.day else 0.78)
        r = 5.5 if time is TimeOfDay.day else 8.5
        core = {TimeOfDay.day: (255, 244, 190), TimeOfDay.dawn: (255, 214, 170), TimeOfDay.dusk: (255, 190, 110)}[time]
        halo = skia.Paint(AntiAlias=True)
        halo.setShader(
            skia.GradientShader.MakeRadial(skia.Point(sun_x, sy), r * 4, [argb(core, 0.5), argb(core, 0.0)], [0.0, 1.0])
        )
        st.canvas.drawCircle(sun_x, sy, r * 4, halo)
        st.glow(oval(sun_x, sy, r, r), core)
    draw_clouds(st, horizon)


def draw_clouds(st: Stage, horizon: float) -> None:
    weather, time = st.weather, st.time
    count_per_100 = {Weather.clear: 1.2, Weather.cloudy: 3.5, Weather.rain: 4.5, Weather.snow: 3.0, Weather.fog: 1.5}[
        weather
    ]
    base = {
        TimeOfDay.dawn: (255, 214, 220),
        TimeOfDay.day: (255, 255, 255),
        TimeOfDay.dusk: (248, 170, 150),
        TimeOfDay.night: (70, 80, 118),
    }[time]
    if weather in (Weather.cloudy, Weather.rain, Weather.snow):
        base = mix(base, (120, 126, 140) if weather is Weather.rain else (190, 194, 204), 0.5)
    rng = random.Random(st.rng.random())
    count = max(1, int(st.w / 100 * count_per_100))
    for _ in range(count):
        cx, cy = rng.uniform(-10, st.w + 10), rng.uniform(6, horizon * 0.6)
        size = rng.uniform(5, 9) * (1.4 if weather is not Weather.clear else 1.0)
        puffs = [
            oval(cx + dx * size, cy - dy * size, r * size, r * size)
            for dx, dy, r in ((-1.2, 0, 0.8), (0, 0.5, 1.1), (1.2, 0.1, 0.85), (0.5, -0.2, 0.9))
        ]
        puffs.append(rect(cx - 1.9 * size, cy - 0.2 * size, cx + 1.9 * size, cy + 0.8 * size, 0.8 * size))
        cloud = union_all(puffs)
        color = st.look.treat(base)
        st.p.fill(cloud, color, outline=st.outline * 0.6, raw=True, alpha=0.95)
