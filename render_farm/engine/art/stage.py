"""The stage of a background: light, sky colours and floor heights, and layout helpers.

A :class:`Stage` is what every place's drawing needs: the skia canvas, the painter lit by the
time of day and the weather, the sky's colours, a seeded rng and the picture's width. Geometry is
in units of 1/100 of the picture height, so a wider picture shows more of the same place.
:data:`FLOOR` says where characters stand in each place.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np
import skia

from render_farm.engine.styles import RGB, Look, ShapePainter, argb, mix
from render_farm.film.spec import Place, Setting, TimeOfDay, Weather

from .shapes import poly, rect, union_all

__all__ = ["FLOOR", "WINDOW_LIT", "Stage", "mountain_range", "ridge", "spread"]

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
FLOOR: dict[Place, float] = {
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
WINDOW_LIT: RGB = (255, 214, 120)


class Stage:
    """What every place's drawing needs: the canvas, the painter, the light and a seeded rng."""

    def __init__(
        self,
        canvas: skia.Canvas,
        look: Look,
        setting: Setting,
        width_u: float,
        unit: float,
        seed: int,
        pixels: np.ndarray | None = None,
    ):
        self.canvas = canvas
        self.pixels = pixels  # the (h, w, 4) premultiplied RGBA the canvas draws into, when known
        self.look = look
        self.setting = setting
        self.time = TimeOfDay(setting.time_of_day)
        # space has no weather: no clouds, rain or fog, nothing dims its light or its stars
        self.weather = Weather(setting.weather) if setting.place is not Place.space else Weather.clear
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

    def band(self, top: float, start: float, end: float, colours: Sequence[RGB], stops: Sequence[float]) -> None:
        """Paint the whole width from ``top`` down to the bottom, opaque, with a vertical gradient
        of ``colours`` at ``stops`` (0..1) between heights ``start`` and ``end`` (clamped beyond).

        Skies and grounds cover most of a picture, and a gradient over the whole frame is the
        slowest thing skia's raster backend draws (~15 ms at 720p): rows of one colour are
        written with numpy instead, the edge row at ``top`` blended by how much of it is covered.
        """
        if not self._plain_canvas():  # clipped (a sky through a window) or moved: skia draws it
            paint = skia.Paint(AntiAlias=True)
            points = [skia.Point(0, start), skia.Point(0, end)]
            paint.setShader(skia.GradientShader.MakeLinear(points, [argb(c) for c in colours], list(stops)))
            self.canvas.drawRect(skia.Rect.MakeLTRB(0, top, self.w, 101), paint)
            return
        pixels = self.pixels
        assert pixels is not None  # _plain_canvas() says so
        height = pixels.shape[0]
        centres = (np.arange(height) + 0.5) / self.unit  # each row's centre, in canvas units
        t = np.clip((centres - start) / max(end - start, 1e-6), 0.0, 1.0)
        rows = np.stack([np.interp(t, stops, [c[k] for c in colours]) for k in range(3)], axis=1)
        edge = top * self.unit
        first = max(0, int(np.floor(edge)))
        if first >= height:
            return
        cover = 1.0 - (edge - first) if edge > 0 else 1.0
        colour = np.empty((height - first, 4), np.float64)
        colour[:, :3], colour[:, 3] = rows[first:], 255.0
        pixels[first + 1 :] = (colour[1:] + 0.5).astype(np.uint8)[:, None, :]
        edge_row = pixels[first].astype(np.float64)
        pixels[first] = (edge_row + (colour[0] - edge_row) * cover + 0.5).astype(np.uint8)

    def _plain_canvas(self) -> bool:
        """The canvas draws straight onto the whole picture: no clip, no transform but the scale."""
        if self.pixels is None or self.canvas.getSaveCount() != 1:
            return False
        height, width = self.pixels.shape[:2]
        bounds = self.canvas.getDeviceClipBounds()
        matrix = self.canvas.getTotalMatrix()
        whole = (bounds.left(), bounds.top(), bounds.right(), bounds.bottom()) == (0, 0, width, height)
        scale_only = matrix.isScaleTranslate() and (matrix.getTranslateX(), matrix.getTranslateY()) == (0, 0)
        scale = (matrix.getScaleX(), matrix.getScaleY())  # kept by skia in single precision
        return whole and scale_only and all(abs(k - self.unit) <= 1e-5 * self.unit for k in scale)

    def fill(self, path: skia.Path, rgb: RGB, *, outline: float = 1.0, shade: bool = True, alpha: float = 1.0) -> None:
        self.p.fill(path, rgb, outline=outline * self.outline, shade=shade, alpha=alpha)

    def glow(self, path: skia.Path, rgb: RGB, alpha: float = 1.0) -> None:
        """A light source: drawn unlit (windows at night, lamps, the sun)."""
        self.p.flat(path, self.look.treat(rgb), alpha=alpha, raw=True)


def ridge(st: Stage, base: float, amplitude: float, step: float, bottom: float = 101.0) -> skia.Path:
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


def mountain_range(
    st: Stage, base: float, height: float, spacing: float
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
    path = union_all(
        [poly([(px - h, base + 0.5), (px, top), (px + h, base + 0.5)]) for px, top, h in peaks]
        + [rect(-spacing, base, st.w + spacing, 101)]
    )
    return path, peaks


def spread(st: Stage, spacing: float, jitter: float = 0.4, margin: float = 0.0) -> list[float]:
    """Positions across the width roughly ``spacing`` apart."""
    xs = []
    x = margin - spacing * st.rng.random()
    while x < st.w + spacing:
        xs.append(x)
        x += spacing * (1 - jitter + 2 * jitter * st.rng.random())
    return xs
