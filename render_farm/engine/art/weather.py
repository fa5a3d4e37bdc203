"""Weather over a finished place, and in the view through a window.

Rain streaks (slanting hard in a storm), falling snow (thick and driven in a snowstorm) with
snow settled on the ground, blowing leaves and wind lines, fog. A storm's lightning is not in
the picture: :func:`lightning_flashes` says when it strikes (a deterministic function of the
scene) and :func:`lightning_picture` draws the bolt and the flash laid over those frames.
"""

from __future__ import annotations

import random

import numpy as np
import skia

from render_farm.engine.styles import argb, look_for, rgba_surface
from render_farm.film.spec import Season, Style, Weather

from .seeds import stable_seed
from .shapes import poly, rect, rotated
from .stage import Stage

__all__ = ["FLASH", "draw_weather", "lightning_flashes", "lightning_picture", "weather_in_view"]

FLASH = 0.25  # seconds a flash of lightning lasts
_LEAVES = ((222, 128, 46), (200, 76, 44), (236, 182, 60), (120, 160, 60))


def draw_weather(st: Stage, floor_y: float) -> None:
    """The weather over the whole picture; ``floor_y`` (0..1) is where the ground the cast
    stands on lies, which settled snow whitens."""
    _falling(st, 0.0, 0.0, st.w, 100.0, settle=floor_y * 100 - 10)


def weather_in_view(st: Stage, left: float, top: float, right: float, bottom: float) -> None:
    """The weather seen through a window (the canvas is clipped to its glass)."""
    _falling(st, left, top, right, bottom, settle=None)


def _falling(st: Stage, left: float, top: float, right: float, bottom: float, settle: float | None) -> None:
    rng = random.Random(st.rng.random())
    weather = st.weather
    width, height = right - left, bottom - top
    area = width * height / 100.0
    if weather in (Weather.rain, Weather.storm):
        slant = 0.25 if weather is Weather.rain else 0.6
        streaks = skia.Path()
        for _ in range(int(area * (3 if weather is Weather.rain else 4.5))):
            x, y, length = rng.uniform(left - 10, right + 10), rng.uniform(top - 5, bottom), rng.uniform(2.5, 5)
            streaks.moveTo(x, y)
            streaks.lineTo(x - length * slant, y + length)
        st.p.stroke(streaks, (210, 220, 240), 0.18, alpha=0.5, raw=True)
        if weather is Weather.storm and settle is not None:
            _blowing(st, rng, left, top, right, bottom, count=int(area * 0.1))
    elif weather in (Weather.snow, Weather.snowstorm):
        if settle is not None:
            st.p.flat(rect(left, settle, right, bottom + 1), (255, 255, 255), alpha=0.25)
        driven = weather is Weather.snowstorm
        flakes = skia.Path()
        for _ in range(int(area * (1.6 if not driven else 4.0))):
            x, y, r = rng.uniform(left, right), rng.uniform(top, bottom), rng.uniform(0.15, 0.45)
            if driven:
                flakes.addOval(skia.Rect.MakeXYWH(x, y, r * 4, r * 1.3))
            else:
                flakes.addCircle(x, y, r)
        st.p.flat(flakes, (255, 255, 255), alpha=0.85, raw=True)
        if driven:
            veil = (236, 240, 248) if not st.night else (120, 130, 156)
            st.p.flat(rect(left, top, right, bottom + 1), veil, alpha=0.28, raw=True)
    elif weather is Weather.wind:
        _blowing(st, rng, left, top, right, bottom, count=int(area * 0.12))
    elif weather is Weather.fog:
        fog = (226, 230, 236) if not st.night else (90, 100, 124)
        paint = skia.Paint(AntiAlias=True)
        paint.setShader(
            skia.GradientShader.MakeLinear(
                [skia.Point(0, top + height * 0.2), skia.Point(0, bottom)],
                [argb(fog, 0.15), argb(fog, 0.55), argb(fog, 0.2)],
                [0.0, 0.55, 1.0],
            )
        )
        st.canvas.drawRect(skia.Rect.MakeLTRB(left, top, right, bottom + 1), paint)


def _blowing(st: Stage, rng: random.Random, left: float, top: float, right: float, bottom: float, count: int) -> None:
    """Leaves tumbling on the wind (petals in spring, snow-dust in winter), and wind lines."""
    lines = skia.Path()
    for _ in range(max(2, count // 3)):
        x, y = rng.uniform(left, right), rng.uniform(top, bottom * 0.8)
        length = rng.uniform(8, 18)
        lines.moveTo(x, y)
        lines.quadTo(x - length * 0.5, y - 1.5, x - length, y + 0.5)
    st.p.stroke(lines, (255, 255, 255), 0.25, alpha=0.5, raw=True)
    for _ in range(count):  # low over the land, where the wind catches them up
        x, y, a = rng.uniform(left, right), rng.uniform(top + (bottom - top) * 0.3, bottom), rng.uniform(0, 360)
        leaf = rotated(poly([(x - 1.6, y), (x, y - 0.8), (x + 1.6, y), (x, y + 0.8)], 0.6), a, x, y)
        if st.season is Season.spring:
            colour = (255, 200, 220)
        elif st.snowy:
            colour = (250, 252, 255)
        else:
            colour = _LEAVES[rng.randrange(len(_LEAVES) - (0 if st.season is not Season.autumn else 1))]
        st.p.fill(leaf, colour, outline=st.outline * 0.4)


def lightning_flashes(weather: Weather, duration: float, *parts: object) -> list[float]:
    """When lightning strikes in a scene of ``duration`` seconds (the starts of its flashes):
    none but in a storm, then every few seconds at times fixed by ``parts`` (the scene)."""
    if Weather(weather) is not Weather.storm:
        return []
    rng = random.Random(stable_seed("lightning", *parts))
    times, t = [], rng.uniform(0.6, 1.8)
    while t < duration - FLASH:
        times.append(round(t, 3))
        t += rng.uniform(2.6, 5.0)
    return times


def lightning_picture(width: int, height: int, style: Style, seed: int, *, bolt: bool = True) -> np.ndarray:
    """The flash laid over a frame when lightning strikes: a pale veil and, out of doors, a
    forked bolt from the clouds; (h, w, 4) premultiplied RGBA."""
    look = look_for(style)
    pixels = np.zeros((height, width, 4), np.uint8)
    surface = rgba_surface(pixels)
    canvas = surface.getCanvas()
    unit = height / 100.0
    canvas.scale(unit, unit)
    w = width / unit
    veil = skia.Paint(Color=argb(look.treat((236, 240, 255)), 0.32))
    canvas.drawRect(skia.Rect.MakeLTRB(0, 0, w, 100), veil)
    if bolt:
        rng = random.Random(seed)
        x, y = rng.uniform(w * 0.15, w * 0.85), 0.0
        path = skia.Path()
        path.moveTo(x, y)
        branches = []
        while y < 55:
            x += rng.uniform(-4, 4)
            y += rng.uniform(4, 8)
            path.lineTo(x, y)
            if rng.random() < 0.3:
                branches.append((x, y))
        for bx, by in branches:
            path.moveTo(bx, by)
            path.lineTo(bx + rng.uniform(-7, 7), by + rng.uniform(5, 9))
        glow = skia.Paint(
            AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=2.2, Color=argb((200, 210, 255), 0.5)
        )
        glow.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, 1.2))
        canvas.drawPath(path, glow)
        core = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=0.6, Color=argb((255, 255, 255)))
        core.setStrokeJoin(skia.Paint.kRound_Join)
        canvas.drawPath(path, core)
    del canvas, surface
    return pixels
