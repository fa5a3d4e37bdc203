"""The sky of a background: its gradient, sun or moon, stars, clouds, a rainbow and the aurora.

The sky's colours come from the time of day and the weather (see :class:`.stage.Stage`); this
module paints them, puts up the one light source the time of day has (the sun, low at dawn and
dusk, or the moon at night), scatters stars at night, adds clouds by the weather (low, dark and
heavy in a storm) and a rainbow after rain. Space gets only the gradient and its stars here: it
brings its own light (see :mod:`.space`).
"""

from __future__ import annotations

import random

import skia

from render_farm.engine.styles import argb, darker, halftone_paint, mix
from render_farm.film.spec import TimeOfDay, Weather

from .shapes import oval, rect, union_all
from .stage import Stage

__all__ = ["draw_aurora", "draw_clouds", "draw_rainbow", "draw_sky"]


def draw_sky(
    st: Stage,
    horizon: float,
    *,
    space: bool = False,
    lights: bool = True,
    top: float = 0.0,
    clouds: tuple[float, float] | None = None,
) -> None:
    """The sky from the top of the picture down to ``horizon`` (and a little below, under what
    stands on it); ``space`` draws the black sky of space, stars by day and night; ``lights``
    False leaves out the sun and the moon (a window puts its own where it can be seen); the
    gradient runs from ``top`` (a window's top edge) to the horizon and ``clouds`` (a window's
    left and right) keeps the clouds to what a window shows, small and few."""
    high, mid, low = (st.look.treat(c) for c in st.sky)
    st.band(0.0, top, max(top + 10.0, horizon), (high, mid, low), (0.0, 0.55, 1.0))
    if st.look.texture == "dots":
        st.canvas.drawRect(skia.Rect.MakeLTRB(0, 0, st.w, horizon * 0.55), halftone_paint(1.6, darker(high, 0.3), 0.22))
    time = st.time
    rng = random.Random(st.rng.random())
    if time is TimeOfDay.night or space:
        stars = skia.Path()
        count = int(st.w * horizon / 40)
        for _ in range(count):
            x, y, r = rng.uniform(0, st.w), rng.uniform(0, horizon) ** 1.0, rng.uniform(0.08, 0.28)
            stars.addCircle(x, y * rng.uniform(0.3, 1.0), r)
        alpha = 0.9 if st.weather in (Weather.clear, Weather.snow, Weather.wind, Weather.rainbow) else 0.35
        st.glow(stars, (255, 250, 230), alpha)
    if space:
        return  # no earth sun, moon or clouds in space: it lights itself (see .space)
    clear = st.weather in (Weather.clear, Weather.cloudy, Weather.wind, Weather.rainbow)
    sun_x = st.w * (0.78 if time in (TimeOfDay.day, TimeOfDay.dusk) else 0.22)
    if not lights:
        pass
    elif time is TimeOfDay.night:
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
    if st.weather is Weather.rainbow and time is not TimeOfDay.night:
        draw_rainbow(st, horizon)
    if clouds is None:
        draw_clouds(st, horizon)
    elif st.weather is not Weather.clear:
        draw_clouds(st, horizon, span=clouds, scale=0.45)


def draw_rainbow(st: Stage, horizon: float) -> None:
    """A rainbow arching over the land, its feet behind the horizon."""
    cx, radius = st.w * 0.42, min(st.w * 0.42, horizon * 1.15)
    bands = ((232, 70, 70), (244, 150, 60), (246, 220, 80), (110, 190, 90), (80, 140, 220), (130, 90, 190))
    width = radius * 0.045
    for k, colour in enumerate(bands):
        r = radius - k * width
        arc = skia.Path()
        arc.addCircle(cx, horizon + 2, r)
        inner = skia.Path()
        inner.addCircle(cx, horizon + 2, r - width)
        ring = skia.Op(arc, inner, skia.PathOp.kDifference_PathOp)
        if ring is not None:
            st.p.flat(ring, st.look.treat(colour), alpha=0.55, raw=True)


def draw_aurora(st: Stage, horizon: float) -> None:
    """Northern lights: green and violet curtains across a night sky (the arctic at night)."""
    rng = random.Random(st.rng.random())
    for k, colour in enumerate(((90, 240, 170), (150, 110, 230), (80, 210, 200))):
        base = horizon * (0.3 + 0.14 * k)
        curtain = skia.Path()
        xs = [x * st.w / 8 for x in range(-1, 10)]
        ys = [base + rng.uniform(-5, 5) for _ in xs]
        curtain.moveTo(xs[0], ys[0])
        for i in range(1, len(xs)):
            curtain.quadTo(xs[i - 1], ys[i - 1], (xs[i - 1] + xs[i]) / 2, (ys[i - 1] + ys[i]) / 2)
        paint = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=7.0 - k * 1.5)
        paint.setColor(argb(st.look.treat(colour), 0.32))
        paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, 2.0))
        st.canvas.drawPath(curtain, paint)


def draw_clouds(st: Stage, horizon: float, *, span: tuple[float, float] | None = None, scale: float = 1.0) -> None:
    """Clouds by the weather, across the sky above ``horizon`` (or across ``span``, a window's
    width, ``scale`` times their size: the few a window shows)."""
    weather, time = st.weather, st.time
    count_per_100 = {
        Weather.clear: 1.2,
        Weather.cloudy: 3.5,
        Weather.rain: 4.5,
        Weather.storm: 6.0,
        Weather.snow: 3.0,
        Weather.snowstorm: 5.0,
        Weather.fog: 1.5,
        Weather.wind: 2.4,
        Weather.rainbow: 1.8,
    }[weather]
    base = {
        TimeOfDay.dawn: (255, 214, 220),
        TimeOfDay.day: (255, 255, 255),
        TimeOfDay.dusk: (248, 170, 150),
        TimeOfDay.night: (70, 80, 118),
    }[time]
    if weather in (Weather.cloudy, Weather.rain, Weather.snow, Weather.snowstorm):
        base = mix(base, (120, 126, 140) if weather is Weather.rain else (190, 194, 204), 0.5)
    elif weather is Weather.storm:
        base = mix(base, (62, 66, 82), 0.75)
    rng = random.Random(st.rng.random())
    left, right = span if span is not None else (-10.0, st.w + 10)
    top = 6.0 if span is None else horizon - (right - left) * 0.9
    count = max(1, int((right - left) / 100 * count_per_100 / scale))
    for _ in range(count):
        cx, cy = rng.uniform(left, right), rng.uniform(top, top + (horizon - top) * 0.5 if span else horizon * 0.6)
        size = rng.uniform(5, 9) * (1.4 if weather is not Weather.clear else 1.0) * scale
        if weather is Weather.wind:
            size *= 0.7  # small, torn clouds hurrying by
        elif weather is Weather.storm:
            cy *= 0.6
        puffs = [
            oval(cx + dx * size, cy - dy * size, r * size, r * size)
            for dx, dy, r in ((-1.2, 0, 0.8), (0, 0.5, 1.1), (1.2, 0.1, 0.85), (0.5, -0.2, 0.9))
        ]
        puffs.append(rect(cx - 1.9 * size, cy - 0.2 * size, cx + 1.9 * size, cy + 0.8 * size, 0.8 * size))
        cloud = union_all(puffs)
        color = st.look.treat(base)
        st.p.fill(cloud, color, outline=st.outline * 0.6, raw=True, alpha=0.95)
