"""Backgrounds: the stage picture of a scene, drawn from its :class:`Setting` in the film's style.

This module owns every built-in place (forest, river, village, city street, room, beach,
mountains, space, castle, meadow), how the time of day lights it (sky, sun, moon and stars, a
colour cast on everything else) and how weather changes it (clouds, rain, snow, fog). A picture
is built in layers from far to near -- sky, far hills, the place's own middle ground, the floor
where characters stand at :attr:`Backdrop.floor_y`, weather on top -- and drawn with skia in the
same :class:`~render_farm.engine.styles.Look` as the characters.

Geometry is in units of 1/100 of the picture height, so a wider picture (for a camera pan) shows
more of the same place instead of a stretched one. Everything is a deterministic function of the
arguments.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import skia

from render_farm.engine.characters import stable_seed
from render_farm.engine.styles import (
    RGB,
    Look,
    ShapePainter,
    argb,
    darker,
    halftone_paint,
    lighter,
    look_for,
    mix,
)
from render_farm.film.spec import Place, Setting, Style, TimeOfDay, Weather

__all__ = ["Backdrop", "render_background"]


@dataclass(frozen=True)
class Backdrop:
    pixels: np.ndarray  # (h, w, 3) uint8 RGB, C-contiguous
    floor_y: float  # fraction of the height (0..1) where characters' feet stand


_SKY: dict[TimeOfDay, tuple[RGB, RGB, RGB]] = {  # top, middle, horizon
    TimeOfDay.dawn: ((108, 104, 172), (232, 160, 176), (255, 208, 162)),
    TimeOfDay.day: ((78, 146, 226), (142, 196, 242), (208, 234, 250)),
    TimeOfDay.dusk: ((48, 44, 108), (196, 96, 116), (255, 168, 92)),
    TimeOfDay.night: ((8, 12, 38), (20, 30, 72), (42, 56, 108)),
}
_LIGHT: dict[TimeOfDay, tuple[float, float, float]] = {
    TimeOfDay.dawn: (1.0, 0.9, 0.92),
    TimeOfDay.day: (1.0, 1.0, 1.0),
    TimeOfDay.dusk: (0.98, 0.78, 0.72),
    TimeOfDay.night: (0.36, 0.43, 0.68),
}
_FLOOR: dict[Place, float] = {
    Place.forest: 0.84,
    Place.river: 0.86,
    Place.village: 0.85,
    Place.city_street: 0.86,
    Place.room: 0.85,
    Place.beach: 0.85,
    Place.mountains: 0.85,
    Place.space: 0.84,
    Place.castle: 0.85,
    Place.meadow: 0.84,
}
_WINDOW_LIT: RGB = (255, 214, 120)


class _Stage:
    """What every place's drawing needs: the canvas, the painter, the light and a seeded rng."""

    def __init__(self, canvas: skia.Canvas, look: Look, setting: Setting, width_u: float, unit: float, seed: int):
        self.canvas = canvas
        self.look = look
        self.setting = setting
        self.time = TimeOfDay(setting.time_of_day)
        self.weather = Weather(setting.weather)
        self.w = width_u
        self.rng = random.Random(seed)
        light = _LIGHT[self.time]
        if self.weather in (Weather.cloudy, Weather.rain):
            k = 0.86 if self.weather is Weather.cloudy else 0.76
            light = (light[0] * k, light[1] * k, light[2] * k * 1.03)
        self.light = light
        self.p = ShapePainter(canvas, look, unit=1.0, light=light)
        self.sky = self._sky_colors()
        self.night = self.time is TimeOfDay.night
        self.lit = self.time in (TimeOfDay.night, TimeOfDay.dusk)
        self.outline = look.background_outline
        self.unit = unit

    def _sky_colors(self) -> tuple[RGB, RGB, RGB]:
        top, mid, low = _SKY[self.time]
        grey = {Weather.cloudy: 0.45, Weather.rain: 0.62, Weather.snow: 0.4, Weather.fog: 0.5}.get(self.weather, 0.0)
        if grey:
            tone = (150, 158, 172) if self.time is not TimeOfDay.night else (40, 44, 58)
            if self.weather in (Weather.snow, Weather.fog) and self.time is not TimeOfDay.night:
                tone = (206, 212, 222)
            top, mid, low = (mix(c, tone, grey) for c in (top, mid, low))
        return top, mid, low

    def haze(self, rgb: RGB, amount: float) -> RGB:
        """``rgb`` faded towards the horizon colour: distance (and fog) wash things out."""
        if self.weather is Weather.fog:
            amount = min(0.9, amount * 1.8 + 0.1)
        horizon = self.sky[2]
        lit = tuple(int(min(255, c / max(k, 0.05))) for c, k in zip(horizon, self.light, strict=True))
        return mix(rgb, lit, amount)  # type: ignore[arg-type]

    def fill(self, path: skia.Path, rgb: RGB, *, outline: float = 1.0, shade: bool = True, alpha: float = 1.0) -> None:
        self.p.fill(path, rgb, outline=outline * self.outline, shade=shade, alpha=alpha)

    def glow(self, path: skia.Path, rgb: RGB, alpha: float = 1.0) -> None:
        """A light source: drawn unlit (windows at night, lamps, the sun)."""
        self.p.flat(path, self.look.treat(rgb), alpha=alpha, raw=True)


# -- path helpers -------------------------------------------------------------------------------


def _rect(left: float, top: float, right: float, bottom: float, radius: float = 0.0) -> skia.Path:
    path = skia.Path()
    if radius:
        path.addRoundRect(skia.Rect.MakeLTRB(left, top, right, bottom), radius, radius)
    else:
        path.addRect(skia.Rect.MakeLTRB(left, top, right, bottom))
    return path


def _oval(cx: float, cy: float, rx: float, ry: float) -> skia.Path:
    path = skia.Path()
    path.addOval(skia.Rect.MakeLTRB(cx - rx, cy - ry, cx + rx, cy + ry))
    return path


def _poly(points: list[tuple[float, float]]) -> skia.Path:
    path = skia.Path()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    return path


def _union(paths: list[skia.Path]) -> skia.Path:
    builder = skia.OpBuilder()
    for path in paths:
        builder.add(path, skia.PathOp.kUnion_PathOp)
    return builder.resolve() or skia.Path()


def _ridge(st: _Stage, base: float, amplitude: float, step: float, bottom: float = 101.0) -> skia.Path:
    """A smooth hill line across the whole width, closed down to ``bottom``."""
    xs = np.arange(-step, st.w + 2 * step, step)
    ys = [base - amplitude * (0.35 + 0.65 * st.rng.random()) for _ in xs]
    path = skia.Path()
    path.moveTo(xs[0], bottom)
    path.lineTo(xs[0], ys[0])
    for i in range(1, len(xs)):
        mx, my = (xs[i - 1] + xs[i]) / 2, (ys[i - 1] + ys[i]) / 2
        path.quadTo(xs[i - 1], ys[i - 1], mx, my)
    path.lineTo(xs[-1], ys[-1])
    path.lineTo(xs[-1], bottom)
    path.close()
    return path


def _peaks(
    st: _Stage, base: float, height: float, spacing: float
) -> tuple[skia.Path, list[tuple[float, float, float]]]:
    """A mountain range: the outline and each peak's (x, top y, half width)."""
    points = [(-spacing, base)]
    peaks = []
    x = -spacing * st.rng.random()
    while x < st.w + spacing:
        half = spacing * (0.45 + 0.35 * st.rng.random())
        top = base - height * (0.6 + 0.4 * st.rng.random())
        points += [(x - half, base), (x, top), (x + half, base)]
        peaks.append((x, top, half))
        x += spacing * (0.7 + 0.5 * st.rng.random())
    points += [(st.w + spacing, base), (st.w + spacing, 101), (-spacing, 101)]
    path = _union(
        [_poly([(px - h, base + 0.5), (px, top), (px + h, base + 0.5)]) for px, top, h in peaks]
        + [_rect(-spacing, base, st.w + spacing, 101)]
    )
    return path, peaks


def _spread(st: _Stage, spacing: float, jitter: float = 0.4, margin: float = 0.0) -> list[float]:
    """Positions across the width roughly ``spacing`` apart."""
    xs = []
    x = margin - spacing * st.rng.random()
    while x < st.w + spacing:
        xs.append(x)
        x += spacing * (1 - jitter + 2 * jitter * st.rng.random())
    return xs


# -- sky ---------------------------------------------------------------------------------------


def _draw_sky(st: _Stage, horizon: float) -> None:
    top, mid, low = (st.look.treat(c) for c in st.sky)
    paint = skia.Paint(AntiAlias=True)
    paint.setShader(
        skia.GradientShader.MakeLinear(
            [skia.Point(0, 0), skia.Point(0, max(10.0, horizon))], [argb(top), argb(mid), argb(low)], [0.0, 0.55, 1.0]
        )
    )
    st.canvas.drawRect(skia.Rect.MakeLTRB(0, 0, st.w, 101), paint)
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
    clear = st.weather in (Weather.clear, Weather.cloudy)
    sun_x = st.w * (0.78 if time in (TimeOfDay.day, TimeOfDay.dusk) else 0.22)
    if time is TimeOfDay.night:
        if clear:
            mx, my = st.w * 0.8, horizon * 0.28
            st.glow(_oval(mx, my, 11, 11), (200, 210, 255), 0.12)
            moon = skia.Op(_oval(mx, my, 5.5, 5.5), _oval(mx + 2.6, my - 1.6, 4.8, 4.8), skia.PathOp.kDifference_PathOp)
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
        st.glow(_oval(sun_x, sy, r, r), core)
    _draw_clouds(st, horizon)


def _draw_clouds(st: _Stage, horizon: float) -> None:
    weather, time = st.weather, st.time
    count_per_100 = {Weather.clear: 1.2, Weather.cloudy: 3.5, Weather.rain: 4.5, Weather.snow: 3.0, Weather.fog: 1.5}[
        weather
    ]
    if st.setting.place is Place.space:
        return
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
            _oval(cx + dx * size, cy - dy * size, r * size, r * size)
            for dx, dy, r in ((-1.2, 0, 0.8), (0, 0.5, 1.1), (1.2, 0.1, 0.85), (0.5, -0.2, 0.9))
        ]
        puffs.append(_rect(cx - 1.9 * size, cy - 0.2 * size, cx + 1.9 * size, cy + 0.8 * size, 0.8 * size))
        cloud = _union(puffs)
        color = st.look.treat(base)
        st.p.fill(cloud, color, outline=st.outline * 0.6, raw=True, alpha=0.95)


# -- shared props -------------------------------------------------------------------------------


def _tree(st: _Stage, x: float, ground: float, size: float, kind: str, haze: float = 0.0) -> None:
    trunk_c = st.haze((122, 84, 56), haze)
    leaf = st.haze(mix((76, 150, 70), (40, 110, 70), st.rng.random()), haze)
    if kind == "pine":
        st.fill(_rect(x - 0.9 * size, ground - 4 * size, x + 0.9 * size, ground), trunk_c)
        tiers = [
            _poly(
                [
                    (x - (6 - i) * size, ground - (3 + 4.5 * i) * size),
                    (x + (6 - i) * size, ground - (3 + 4.5 * i) * size),
                    (x, ground - (12 + 4.5 * i) * size),
                ]
            )
            for i in range(3)
        ]
        st.fill(_union(tiers), darker(leaf, 0.1))
    else:
        st.fill(
            _poly(
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
            _oval(x + dx * size, ground - (12 + dy) * size, r * size, r * size)
            for dx, dy, r in ((-3.5, 0, 4.5), (3.5, 0.5, 4.5), (0, 4, 5.5), (0, -1, 5))
        ]
        st.fill(_union(blobs), leaf)


def _grass_details(st: _Stage, top: float, flowers: bool) -> None:
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
                _union([_oval(x + math.cos(a) * s, y + math.sin(a) * s, 0.75 * s, 0.75 * s) for a in (0, 2.1, 4.2)]),
                color,
                outline=0.4,
            )
            st.p.flat(_oval(x, y, 0.45 * s, 0.45 * s), (255, 200, 60))


def _ground(st: _Stage, top: float, color: RGB, far_color: RGB | None = None) -> None:
    paint = skia.Paint(AntiAlias=True)
    far = st.p.color(far_color or lighter(color, 0.1))
    paint.setShader(
        skia.GradientShader.MakeLinear(
            [skia.Point(0, top), skia.Point(0, 100)], [argb(far), argb(st.p.color(color))], [0.0, 1.0]
        )
    )
    st.canvas.drawRect(skia.Rect.MakeLTRB(0, top, st.w, 101), paint)


def _windows(
    st: _Stage, left: float, top: float, right: float, bottom: float, cols: int, rows: int, frame: RGB
) -> None:
    cw, rh = (right - left) / cols, (bottom - top) / rows
    for r in range(rows):
        for c in range(cols):
            x0, y0 = left + c * cw + cw * 0.22, top + r * rh + rh * 0.2
            win = _rect(x0, y0, x0 + cw * 0.56, y0 + rh * 0.6, 0.3)
            if st.lit and st.rng.random() < 0.65:
                st.glow(win, _WINDOW_LIT)
            else:
                st.fill(win, mix((150, 190, 220), frame, 0.2), outline=0.5, shade=False)


# -- places -----------------------------------------------------------------------------------


def _meadow(st: _Stage) -> None:
    _draw_sky(st, 62)
    st.fill(_ridge(st, 60, 9, 38), st.haze((120, 170, 110), 0.45), outline=0.5)
    hills = _ridge(st, 68, 6, 30)
    st.fill(hills, st.haze((110, 176, 90), 0.15))
    for x in _spread(st, 45, 0.5):
        _tree(st, x, 66 + st.rng.uniform(-1, 2), 0.55, st.rng.choice(["round", "pine"]), haze=0.2)
    _ground(st, 72, (102, 168, 74), (128, 186, 96))
    _grass_details(st, 72, flowers=True)


def _forest(st: _Stage) -> None:
    _draw_sky(st, 60)
    for x in _spread(st, 7, 0.4):
        _tree(st, x, 64, st.rng.uniform(0.8, 1.2), "pine", haze=0.55)
    _ground(st, 66, (86, 136, 66), (110, 150, 86))
    for x in _spread(st, 28, 0.5):
        _tree(
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
        st.fill(_union([_oval(x + dx, y - 2, 2.6, 2.2) for dx in (-2, 0, 2)]), (64, 128, 60))
    for _ in range(int(st.w / 45)):
        x, y = rng.uniform(0, st.w), rng.uniform(73, 78)
        st.fill(_rect(x - 0.4, y - 1.6, x + 0.4, y), (245, 235, 215), outline=0.5)
        st.fill(_oval(x, y - 1.8, 1.3, 0.9), (214, 70, 60), outline=0.5)
    _grass_details(st, 74, flowers=False)


def _river(st: _Stage) -> None:
    _draw_sky(st, 56)
    st.fill(_ridge(st, 55, 9, 40), st.haze((118, 160, 120), 0.45), outline=0.5)
    st.fill(_ridge(st, 62, 3, 25), (110, 168, 86))
    for x in _spread(st, 30, 0.5):
        _tree(st, x, 62, 0.6, "round", haze=0.2)
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
        st.fill(_oval(x, y, 2.2, 1.2), (150, 150, 150))
    _grass_details(st, 80, flowers=True)


def _village(st: _Stage) -> None:
    _draw_sky(st, 58)
    st.fill(_ridge(st, 58, 8, 40), st.haze((120, 164, 110), 0.45), outline=0.5)
    _ground(st, 64, (118, 170, 86))
    roofs = [(190, 80, 66), (140, 84, 60), (88, 110, 160), (170, 110, 60)]
    walls = [(246, 226, 190), (236, 210, 176), (232, 232, 216), (220, 196, 170)]
    rng = random.Random(st.rng.random())
    for x in _spread(st, 34, 0.25):
        w, h = rng.uniform(17, 22), rng.uniform(14, 20)
        base = 74.0
        wall = rng.choice(walls)
        if rng.random() < 0.5:
            st.fill(_rect(x + w * 0.2, base - h - 12, x + w * 0.32, base - h - 2), (150, 90, 70))
        st.fill(_rect(x - w / 2, base - h, x + w / 2, base), wall)
        st.fill(
            _poly([(x - w / 2 - 2.5, base - h + 0.5), (x + w / 2 + 2.5, base - h + 0.5), (x, base - h - 11)]),
            rng.choice(roofs),
        )
        st.fill(_rect(x - 2.5, base - 8, x + 2.5, base, 1.0), (128, 84, 54))
        _windows(st, x - w / 2 + 1, base - h + 3, x + w / 2 - 1, base - 9, 2, 1, wall)
    fence = skia.Path()
    for x in np.arange(0, st.w, 4):
        fence.addRect(skia.Rect.MakeLTRB(float(x), 73, float(x) + 1.2, 78.5))
    fence.addRect(skia.Rect.MakeLTRB(0, 74.5, st.w, 75.5))
    fence.addRect(skia.Rect.MakeLTRB(0, 76.8, st.w, 77.6))
    st.fill(fence, (220, 200, 170), outline=0.5, shade=False)
    _ground(st, 78.5, (196, 176, 146), (210, 192, 164))
    stones = skia.Path()
    for row, y in enumerate(np.arange(80, 101, 3.5)):
        offset = (row % 2) * 3
        for x in np.arange(-offset, st.w, 6):
            stones.addRoundRect(
                skia.Rect.MakeLTRB(float(x) + 0.4, float(y) + 0.4, float(x) + 5.6, float(y) + 3.1), 1.2, 1.2
            )
    st.p.fill(stones, (214, 196, 168), outline=0.0, shade=False)
    st.p.stroke(stones, darker(st.p.color((196, 176, 146)), 0.15), 0.18, raw=True)


def _city_street(st: _Stage) -> None:
    _draw_sky(st, 62)
    rng = random.Random(st.rng.random())
    sky_line = [_rect(x, 62 - rng.uniform(12, 34), x + rng.uniform(8, 14), 66) for x in _spread(st, 10, 0.3)]
    st.fill(_union(sky_line), st.haze((120, 130, 160), 0.5), outline=0.4)
    facades = [(196, 104, 84), (226, 190, 140), (150, 170, 190), (200, 160, 120), (170, 120, 150)]
    x = -rng.uniform(0, 10)
    while x < st.w:
        w, h = rng.uniform(20, 32), rng.uniform(34, 56)
        color = rng.choice(facades)
        st.fill(_rect(x, 74 - h, x + w, 74), color)
        st.fill(_rect(x - 0.5, 74 - h - 1.6, x + w + 0.5, 74 - h + 0.6), darker(color, 0.2))
        _windows(st, x + 1.5, 74 - h + 3, x + w - 1.5, 66, max(2, int(w / 7)), max(1, int((h - 10) / 8)), color)
        st.fill(_rect(x + w / 2 - 3, 66, x + w / 2 + 3, 74), darker(color, 0.45))
        x += w + rng.uniform(0, 2)
    _ground(st, 74, (178, 178, 184), (196, 196, 200))
    tiles = skia.Path()
    for x in np.arange(0, st.w, 8):
        tiles.moveTo(float(x), 74)
        tiles.lineTo(float(x) - 3, 96)
    for y in (79.0, 86.0):
        tiles.moveTo(0, y)
        tiles.lineTo(st.w, y)
    st.p.stroke(tiles, (150, 150, 158), 0.18)
    st.fill(_rect(0, 96, st.w, 101), (110, 110, 118), outline=0.5)
    for x in _spread(st, 60, 0.1, 20):
        st.fill(_rect(x - 0.6, 50, x + 0.6, 84), (60, 66, 76), outline=0.5)
        st.fill(_rect(x - 2.2, 47.5, x + 2.2, 50.5, 0.8), (60, 66, 76), outline=0.5)
        if st.lit:
            halo = skia.Paint(AntiAlias=True)
            halo.setShader(
                skia.GradientShader.MakeRadial(
                    skia.Point(x, 51), 12, [argb(st.look.treat(_WINDOW_LIT), 0.45), argb(_WINDOW_LIT, 0.0)], [0.0, 1.0]
                )
            )
            st.canvas.drawCircle(x, 51, 12, halo)
            st.glow(_oval(x, 51, 1.6, 1.0), (255, 240, 190))


def _room(st: _Stage) -> None:
    wall = (236, 214, 184)
    st.fill(_rect(0, 0, st.w, 76), wall, outline=0.0, shade=False)
    stripes = skia.Path()
    for x in np.arange(0, st.w, 6):
        stripes.addRect(skia.Rect.MakeLTRB(float(x), 0, float(x) + 2.2, 76))
    st.p.flat(stripes, darker(wall, 0.06))
    rng = random.Random(st.rng.random())
    for wx in np.arange(25.0, st.w + 20, 90.0):
        wx = float(wx)
        frame = _rect(wx - 14, 14, wx + 14, 50, 1.0)
        st.canvas.save()
        st.canvas.clipPath(frame, doAntiAlias=True)
        _draw_sky(st, 50)
        st.fill(_ridge(st, 48, 4, 20, 60), st.haze((110, 170, 90), 0.3), outline=0.0)
        st.canvas.restore()
        bars = skia.Path()
        bars.addRect(skia.Rect.MakeLTRB(wx - 0.6, 14, wx + 0.6, 50))
        bars.addRect(skia.Rect.MakeLTRB(wx - 14, 31.4, wx + 14, 32.6))
        st.fill(bars, (250, 246, 236), outline=0.5, shade=False)
        st.fill(
            skia.Op(_rect(wx - 15.5, 12.5, wx + 15.5, 51.5, 1.2), frame, skia.PathOp.kDifference_PathOp),
            (250, 246, 236),
            outline=0.6,
        )
        curtain = (196, 84, 84) if rng.random() < 0.5 else (84, 128, 186)
        for side in (-1, 1):
            c = _poly(
                [
                    (wx + side * 19, 10),
                    (wx + side * 11, 10),
                    (wx + side * 15, 34),
                    (wx + side * 13, 56),
                    (wx + side * 20, 56),
                ]
            )
            st.fill(c, curtain)
        st.fill(_rect(wx - 22, 8.6, wx + 22, 10.4, 0.8), (140, 96, 60))
    for px in np.arange(70.0, st.w + 20, 90.0):
        px = float(px)
        st.fill(_rect(px - 8, 22, px + 8, 34, 0.5), (150, 100, 60))
        st.fill(_rect(px - 6.5, 23.5, px + 6.5, 32.5), (170, 210, 230), outline=0.4)
        st.fill(
            _poly([(px - 6.5, 32.5), (px - 1, 26), (px + 3, 30), (px + 6.5, 27), (px + 6.5, 32.5)]),
            (110, 160, 90),
            outline=0.3,
        )
        st.fill(_rect(px - 10, 44, px + 10, 45.5), (140, 96, 60))
        for i in range(6):
            x0 = px - 9 + i * 2.6
            st.fill(
                _rect(x0, 37 + (i % 3) * 0.8, x0 + 2.2, 44, 0.3),
                rng.choice([(190, 70, 70), (70, 110, 170), (220, 180, 70), (90, 150, 100)]),
                outline=0.4,
            )
    st.fill(_rect(0, 73, st.w, 76.5), (200, 170, 130), outline=0.5)
    _ground(st, 76.5, (176, 124, 82), (162, 114, 76))
    boards = skia.Path()
    for y in np.arange(79, 101, 4.5):
        boards.moveTo(0, float(y))
        boards.lineTo(st.w, float(y))
    st.p.stroke(boards, (130, 88, 56), 0.22)
    st.fill(_oval(st.w / 2, 90, min(38, st.w * 0.3), 6), (180, 90, 90), outline=0.6)
    st.p.stroke(_oval(st.w / 2, 90, min(34, st.w * 0.27), 4.6), (236, 200, 150), 0.5)
    if st.lit:
        for lx in np.arange(50.0, st.w + 20, 90.0):
            lx = float(lx)
            halo = skia.Paint(AntiAlias=True)
            halo.setShader(
                skia.GradientShader.MakeRadial(
                    skia.Point(lx, 50), 30, [argb(st.look.treat(_WINDOW_LIT), 0.4), argb(_WINDOW_LIT, 0.0)], [0.0, 1.0]
                )
            )
            st.canvas.drawCircle(lx, 50, 30, halo)
            st.fill(_rect(lx - 0.5, 54, lx + 0.5, 78), (80, 70, 60))
            st.glow(_poly([(lx - 5, 55), (lx + 5, 55), (lx + 3, 47), (lx - 3, 47)]), (255, 226, 160))


def _beach(st: _Stage) -> None:
    _draw_sky(st, 56)
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
        st.p.flat(_oval(x, y, 0.6, 0.3), (200, 170, 120))
    for _ in range(int(st.w / 40)):
        x, y = rng.uniform(0, st.w), rng.uniform(86, 99)
        st.fill(_oval(x, y, 1.3, 1.0), rng.choice([(255, 210, 200), (255, 240, 220)]), outline=0.5)
    for x in _spread(st, 110, 0.2, 15):
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
        st.fill(_union(fronds), (70, 150, 70))


def _mountains(st: _Stage) -> None:
    _draw_sky(st, 58)
    far, peaks = _peaks(st, 62, 34, 34)
    st.fill(far, st.haze((130, 140, 170), 0.4), outline=0.5)
    caps = []
    for x, top, half in peaks:
        k = 0.28
        caps.append(
            _poly(
                [
                    (x - half * k, top + (62 - top) * k),
                    (x, top),
                    (x + half * k, top + (62 - top) * k),
                    (x + half * 0.1, top + (62 - top) * k * 0.8),
                    (x - half * 0.12, top + (62 - top) * k * 1.05),
                ]
            )
        )
    st.fill(_union(caps), (250, 252, 255), outline=0.5)
    mid, _ = _peaks(st, 70, 18, 26)
    st.fill(mid, st.haze((98, 130, 110), 0.2))
    for x in _spread(st, 9, 0.5):
        _tree(st, x, 72 + st.rng.uniform(-1, 2), st.rng.uniform(0.45, 0.7), "pine", haze=0.15)
    _ground(st, 74, (120, 150, 92), (136, 164, 104))
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w / 22)):
        x, y = rng.uniform(0, st.w), rng.uniform(90, 100)
        st.fill(_union([_oval(x, y, 3.4, 2.2), _oval(x + 2, y + 0.6, 2.4, 1.6)]), (150, 146, 140))
    _grass_details(st, 76, flowers=False)


def _space(st: _Stage) -> None:
    bright = st.time is TimeOfDay.day
    top = (16, 14, 48) if not bright else (40, 40, 110)
    low = (60, 30, 90) if not bright else (120, 80, 160)
    light = {TimeOfDay.dawn: 0.85, TimeOfDay.day: 1.0, TimeOfDay.dusk: 0.8, TimeOfDay.night: 0.6}[st.time]
    top = tuple(int(c * light) for c in top)  # type: ignore[assignment]
    low = tuple(int(c * light) for c in low)  # type: ignore[assignment]
    st.sky = (top, mix(top, low, 0.5), low)  # type: ignore[assignment]
    _draw_sky(st, 78)
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
    for px in _spread(st, 80, 0.4, 20):
        py, pr = rng.uniform(16, 40), rng.uniform(4, 8)
        color = rng.choice([(230, 150, 90), (120, 190, 220), (200, 120, 180)])
        if rng.random() < 0.5:
            ring = _oval(px, py, pr * 1.9, pr * 0.45)
            st.p.stroke(ring, lighter(color, 0.3), 0.7)
        st.p.fill(_oval(px, py, pr, pr), color, outline=st.outline)
        st.p.flat(_oval(px - pr * 0.3, py - pr * 0.35, pr * 0.3, pr * 0.22), (255, 255, 255), alpha=0.35)
    surface = _ridge(st, 78, 3, 30)
    ground = (150, 146, 160) if bright else (124, 120, 140)
    st.p.light = (light, light, light)
    st.p.fill(surface, ground, outline=st.outline)
    for _ in range(int(st.w / 12)):
        x, y = rng.uniform(0, st.w), rng.uniform(82, 100)
        s = 0.6 + (y - 78) / 10
        st.p.fill(_oval(x, y, 2.2 * s, 0.7 * s), darker(ground, 0.2), outline=0.0, shade=False)
        st.p.flat(_oval(x, y - 0.25 * s, 1.8 * s, 0.45 * s), darker(ground, 0.35))


def _castle(st: _Stage) -> None:
    _draw_sky(st, 60)
    st.fill(_ridge(st, 62, 10, 40), st.haze((116, 160, 110), 0.45), outline=0.5)
    stone = (190, 184, 176)
    roof = (70, 90, 160)
    rng = random.Random(st.rng.random())
    for cx in _spread(st, 120, 0.1, 40):
        wall = _rect(cx - 34, 48, cx + 34, 76)
        battlements = [_rect(x, 45, x + 3, 49) for x in np.arange(cx - 34, cx + 34, 5.5)]
        st.fill(_union([wall, *battlements]), stone)
        st.fill(_rect(cx - 6, 60, cx + 6, 76, 0), (90, 64, 44))
        st.fill(
            skia.Op(_oval(cx, 60, 6, 6), _rect(cx - 7, 60, cx + 7, 70), skia.PathOp.kDifference_PathOp), (90, 64, 44)
        )
        for tx, h in ((cx - 36, 44), (cx + 36, 44), (cx - 14, 34), (cx + 14, 30)):
            st.fill(_rect(tx - 6, 76 - h, tx + 6, 76), lighter(stone, 0.05))
            st.fill(_poly([(tx - 8, 76 - h + 0.5), (tx + 8, 76 - h + 0.5), (tx, 76 - h - 13)]), roof)
            st.fill(_rect(tx - 0.25, 76 - h - 19, tx + 0.25, 76 - h - 12), (90, 90, 90), outline=0.3)
            st.fill(
                _poly([(tx + 0.25, 76 - h - 19), (tx + 6, 76 - h - 17.5), (tx + 0.25, 76 - h - 16)]),
                rng.choice([(220, 60, 60), (250, 200, 60)]),
                outline=0.4,
            )
            win = _rect(tx - 1.4, 76 - h + 6, tx + 1.4, 76 - h + 11, 1.4)
            st.glow(win, _WINDOW_LIT) if st.lit else st.fill(win, (50, 50, 70), outline=0.3, shade=False)
        bricks = skia.Path()
        for y in np.arange(51, 76, 4):
            bricks.moveTo(cx - 34, float(y))
            bricks.lineTo(cx + 34, float(y))
        st.p.stroke(bricks, darker(stone, 0.2), 0.15)
    _ground(st, 76, (170, 162, 150), (160, 154, 144))
    flags = skia.Path()
    for row, y in enumerate(np.arange(79, 101, 5)):
        offset = (row % 2) * 4
        for x in np.arange(-offset, st.w, 8):
            flags.addRoundRect(
                skia.Rect.MakeLTRB(float(x) + 0.4, float(y) + 0.4, float(x) + 7.6, float(y) + 4.6), 0.8, 0.8
            )
    st.p.stroke(flags, (130, 124, 116), 0.2)


_PLACES: dict[Place, Callable[[_Stage], None]] = {
    Place.meadow: _meadow,
    Place.forest: _forest,
    Place.river: _river,
    Place.village: _village,
    Place.city_street: _city_street,
    Place.room: _room,
    Place.beach: _beach,
    Place.mountains: _mountains,
    Place.space: _space,
    Place.castle: _castle,
}


# -- weather and finish -----------------------------------------------------------------------


def _weather(st: _Stage) -> None:
    rng = random.Random(st.rng.random())
    indoor = st.setting.place in (Place.room, Place.space)
    if st.weather is Weather.rain and not indoor:
        streaks = skia.Path()
        for _ in range(int(st.w * 3)):
            x, y, length = rng.uniform(-10, st.w + 10), rng.uniform(-5, 100), rng.uniform(2.5, 5)
            streaks.moveTo(x, y)
            streaks.lineTo(x - length * 0.25, y + length)
        st.p.stroke(streaks, (210, 220, 240), 0.18, alpha=0.5, raw=True)
    elif st.weather is Weather.snow and not indoor:
        st.p.flat(_rect(0, _FLOOR[st.setting.place] * 100 - 10, st.w, 101), (255, 255, 255), alpha=0.25)
        flakes = skia.Path()
        for _ in range(int(st.w * 1.6)):
            flakes.addCircle(rng.uniform(0, st.w), rng.uniform(0, 100), rng.uniform(0.15, 0.45))
        st.p.flat(flakes, (255, 255, 255), alpha=0.85, raw=True)
    elif st.weather is Weather.fog and st.setting.place is not Place.space:
        fog = (226, 230, 236) if not st.night else (90, 100, 124)
        paint = skia.Paint(AntiAlias=True)
        paint.setShader(
            skia.GradientShader.MakeLinear(
                [skia.Point(0, 20), skia.Point(0, 100)],
                [argb(fog, 0.15), argb(fog, 0.55), argb(fog, 0.2)],
                [0.0, 0.55, 1.0],
            )
        )
        st.canvas.drawRect(skia.Rect.MakeLTRB(0, 0, st.w, 101), paint)


@cache
def _paper_tile(size: int = 96) -> skia.Image:
    """A deterministic grain tile: the paper texture of the storybook style."""
    rng = np.random.default_rng(12345)
    grain = rng.normal(128, 22, (size, size)).clip(0, 255).astype(np.uint8)
    rgba = np.dstack([grain, grain, grain, np.full_like(grain, 255)])
    return skia.Image.fromarray(np.ascontiguousarray(rgba), colorType=skia.kRGBA_8888_ColorType)


def render_background(setting: Setting, style: Style, width: int, height: int, seed: int = 0) -> Backdrop:
    """The backdrop of ``setting`` in ``style``, ``width`` x ``height`` pixels (deterministic)."""
    if width < 1 or height < 1:
        raise ValueError(f"a background needs a positive size, not {width}x{height}")
    look = look_for(style)
    place = Place(setting.place)
    rgba = np.zeros((height, width, 4), np.uint8)
    surface = skia.Surface(rgba, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorBLACK)
    unit = height / 100.0
    canvas.scale(unit, unit)
    rng_seed = stable_seed("background", seed, place.value, setting.time_of_day.value, setting.weather.value)
    stage = _Stage(canvas, look, setting, width / unit, unit, rng_seed)
    _PLACES[place](stage)
    _weather(stage)
    if look.texture == "paper":
        paint = skia.Paint()
        paint.setShader(
            _paper_tile().makeShader(
                skia.TileMode.kRepeat,
                skia.TileMode.kRepeat,
                skia.SamplingOptions(),
                skia.Matrix.Scale(1 / unit, 1 / unit),
            )
        )
        paint.setBlendMode(skia.BlendMode.kOverlay)
        paint.setAlphaf(0.25)
        canvas.drawRect(skia.Rect.MakeLTRB(0, 0, width / unit, 101), paint)
    del canvas, surface
    return Backdrop(pixels=np.ascontiguousarray(rgba[..., :3]), floor_y=_FLOOR[place])
