"""The stage of a background: light, sky colours, the season's palette, and layout helpers.

A :class:`Stage` is what every layer of a place needs: the skia canvas, the painter lit by the
time of day and the weather, the sky's colours, the season's colours for leaves and ground, a
seeded rng and the picture's width. Geometry is in units of 1/100 of the picture height, so a
wider picture shows more of the same place; ``st.cx`` is the middle of the picture, where rooms
set their furniture.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np
import skia

from render_farm.engine.styles import RGB, Look, ShapePainter, argb, darker, mix
from render_farm.film.spec import Season, Setting, TimeOfDay, Weather

from .shapes import poly, rect, union_all

__all__ = ["WINDOW_LIT", "Stage", "mountain_range", "ridge", "sky_colours", "spread"]

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
# Indoors the lamps are lit when it is dark outside: the light changes less than under the sky.
_INDOOR_LIGHT: dict[TimeOfDay, tuple[float, float, float]] = {
    TimeOfDay.dawn: (0.96, 0.9, 0.92),
    TimeOfDay.day: (1.0, 1.0, 1.0),
    TimeOfDay.dusk: (0.94, 0.82, 0.76),
    TimeOfDay.night: (0.6, 0.56, 0.66),
}
_WEATHER_LIGHT: dict[Weather, float] = {
    Weather.cloudy: 0.86,
    Weather.rain: 0.76,
    Weather.storm: 0.6,
    Weather.snowstorm: 0.84,
    Weather.fog: 0.94,
}
# how far each weather greys the sky, and towards what (by day; night greys to a dark slate)
_SKY_GREY: dict[Weather, tuple[float, RGB]] = {
    Weather.cloudy: (0.45, (150, 158, 172)),
    Weather.rain: (0.62, (150, 158, 172)),
    Weather.storm: (0.78, (84, 90, 108)),
    Weather.snow: (0.4, (206, 212, 222)),
    Weather.snowstorm: (0.72, (214, 220, 230)),
    Weather.fog: (0.5, (206, 212, 222)),
    Weather.wind: (0.12, (190, 200, 214)),
    Weather.rainbow: (0.12, (170, 178, 190)),
}
WINDOW_LIT: RGB = (255, 214, 120)
_AUTUMN: tuple[RGB, ...] = ((222, 128, 46), (200, 76, 44), (236, 182, 60), (180, 100, 50))
_BLOSSOM: tuple[RGB, ...] = ((255, 190, 214), (255, 236, 244), (250, 160, 196))


def sky_colours(time: TimeOfDay, weather: Weather) -> tuple[RGB, RGB, RGB]:
    """The sky's colours (top, middle, horizon) at ``time`` in ``weather``, as a style treats
    any colour it is given (see :meth:`Look.treat`)."""
    top, mid, low = _SKY[time]
    grey = _SKY_GREY.get(weather)
    if grey:
        amount, tone = grey
        if time is TimeOfDay.night:
            tone = (40, 44, 58) if weather not in (Weather.storm, Weather.snowstorm) else (34, 36, 50)
        top, mid, low = (mix(c, tone, amount) for c in (top, mid, low))
    return top, mid, low


class Stage:
    """What every layer of a place needs: the canvas, the painter, the light and a seeded rng.

    ``weathered`` says whether the sky's weather reaches the place (not in space, under the sea
    or in a cave); ``indoor`` lights it like a room, whose lamps come on when it is dark.
    """

    def __init__(
        self,
        canvas: skia.Canvas,
        look: Look,
        setting: Setting,
        width_u: float,
        unit: float,
        seed: int,
        pixels: np.ndarray | None = None,
        *,
        weathered: bool = True,
        indoor: bool = False,
    ):
        self.canvas = canvas
        self.pixels = pixels  # the (h, w, 4) premultiplied RGBA the canvas draws into, when known
        self.look = look
        self.setting = setting
        self.time = TimeOfDay(setting.time_of_day)
        self.weather = Weather(setting.weather) if weathered else Weather.clear
        self.season: Season | None = None if setting.season is None else Season(setting.season)
        self.indoor = indoor
        self.night = self.time is TimeOfDay.night
        self.w = width_u
        self.cx = width_u / 2
        self.rng = random.Random(seed)
        self.light = self._outdoor_light() if not indoor else _INDOOR_LIGHT[self.time]
        self.p = ShapePainter(canvas, look, unit=1.0, light=self.light)
        self.sky = self._sky_colors()
        self.lit = self.time in (TimeOfDay.night, TimeOfDay.dusk)
        self.outline = look.background_outline
        self.unit = unit
        self.windows: list[tuple[float, float, float, float]] = []  # each window's glass, in units

    def _outdoor_light(self) -> tuple[float, float, float]:
        light = _LIGHT[self.time]
        k = _WEATHER_LIGHT.get(self.weather)
        if k is not None:
            light = (light[0] * k, light[1] * k, light[2] * k * 1.03)
        return light

    def _sky_colors(self) -> tuple[RGB, RGB, RGB]:
        return sky_colours(self.time, self.weather)

    def outside(self) -> tuple[tuple[float, float, float], tuple[RGB, RGB, RGB]]:
        """The light and sky colours out of doors (what a room's window shows)."""
        return self._outdoor_light(), self._sky_colors()

    # -- the season's palette -----------------------------------------------------------------

    @property
    def snowy(self) -> bool:
        """Snow lies on the ground: winter, or snow falling."""
        return self.season is Season.winter or self.weather in (Weather.snow, Weather.snowstorm)

    def leaf(self, rgb: RGB, pick: float = 0.5) -> RGB:
        """A leaf colour in this season (``pick`` in [0, 1) chooses among autumn's colours)."""
        if self.season is Season.autumn:
            return mix(rgb, _AUTUMN[int(pick * len(_AUTUMN)) % len(_AUTUMN)], 0.8)
        if self.season is Season.spring:
            return mix(rgb, (140, 204, 92), 0.35)
        if self.season is Season.winter:
            return mix(darker(rgb, 0.15), (120, 140, 140), 0.3)
        return rgb

    def grass(self, rgb: RGB) -> RGB:
        """A grassy ground's colour in this season (snow when snow lies)."""
        if self.snowy:
            return (236, 240, 248)
        if self.season is Season.autumn:
            return mix(rgb, (186, 146, 70), 0.55)
        if self.season is Season.spring:
            return mix(rgb, (120, 192, 86), 0.3)
        return rgb

    def blossom(self, pick: float) -> RGB | None:
        """Spring's blossom colour for a tree (None out of spring)."""
        if self.season is not Season.spring:
            return None
        return _BLOSSOM[int(pick * len(_BLOSSOM)) % len(_BLOSSOM)]

    @property
    def windy(self) -> float:
        """How hard the wind bends trees: 0 on a still day, up to 1 in a storm."""
        return {Weather.wind: 0.6, Weather.storm: 0.8, Weather.snowstorm: 0.5}.get(self.weather, 0.0)

    @property
    def bare(self) -> bool:
        """Broad-leaved trees have lost their leaves."""
        return self.season is Season.winter

    # -- painting -----------------------------------------------------------------------------

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

    def halo(self, x: float, y: float, radius: float, rgb: RGB, alpha: float) -> None:
        """A soft round glow of light around (x, y), fading out at ``radius``."""
        paint = skia.Paint(AntiAlias=True)
        colour = self.look.treat(rgb)
        paint.setShader(
            skia.GradientShader.MakeRadial(
                skia.Point(x, y), radius, [argb(colour, alpha), argb(colour, 0.0)], [0.0, 1.0]
            )
        )
        self.canvas.drawCircle(x, y, radius, paint)

    def snow_cap(self, path: skia.Path, depth: float) -> None:
        """When snow lies, a white cap over the top ``depth`` units of ``path`` (roofs, walls)."""
        if not self.snowy or self.indoor:
            return
        bounds = path.computeTightBounds()
        cap = skia.Op(
            path,
            rect(bounds.left() - 1, bounds.top() - 1, bounds.right() + 1, bounds.top() + depth),
            skia.PathOp.kIntersect_PathOp,
        )
        if cap is not None:
            self.fill(cap, (246, 248, 252), outline=0.5, shade=False)


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
    peaks = []
    x = -spacing * st.rng.random()
    while x < st.w + spacing:
        half = spacing * (0.45 + 0.35 * st.rng.random())
        top = base - height * (0.6 + 0.4 * st.rng.random())
        peaks.append((x, top, half))
        x += spacing * (0.7 + 0.5 * st.rng.random())
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
