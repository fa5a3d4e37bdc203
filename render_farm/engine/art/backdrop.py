"""The backdrop of a scene: a whole background picture, place by place, in the film's style.

:func:`render_background` composes the place's recipe (see :mod:`.places`) on a
:class:`.stage.Stage` lit by the time of day, the weather and the season -- out of doors the sky,
the land from far to near and the weather over it; indoors the room, its windows onto the
weather outside and its furniture -- and finishes it with the style's texture (the storybook
style's paper grain). :func:`place_thumbnail` is the small picture a place picker shows.
Everything is a deterministic function of the arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import cv2
import numpy as np
import skia

from render_farm.engine.styles import look_for
from render_farm.film.spec import Place, Season, Setting, Style, TimeOfDay, Weather

from .places import PLACES, Indoors, compose
from .seeds import stable_seed
from .stage import Stage
from .weather import draw_weather

__all__ = ["Backdrop", "floor_of", "place_thumbnail", "render_background"]

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Backdrop:
    pixels: np.ndarray  # (h, w, 3) uint8 RGB, C-contiguous
    floor_y: float  # fraction of the height (0..1) where characters' feet stand
    indoor: bool = False
    windows: tuple[Box, ...] = ()  # each window's glass, (left, top, right, bottom) as fractions of the picture


def floor_of(place: Place) -> float:
    """Where characters' feet stand in ``place``, as a fraction of the picture's height."""
    recipe = PLACES[Place(place)]
    return recipe.floor_y if isinstance(recipe, Indoors) else recipe.floor


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
    recipe = PLACES[place]
    indoor = isinstance(recipe, Indoors)
    rgba = np.zeros((height, width, 4), np.uint8)
    surface = skia.Surface(rgba, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorBLACK)
    unit = height / 100.0
    canvas.scale(unit, unit)
    parts: list[object] = ["background", seed, place.value, setting.time_of_day.value, setting.weather.value]
    if setting.season is not None:
        parts.append(setting.season.value)
    weathered = True if isinstance(recipe, Indoors) else recipe.weathered
    stage = Stage(
        canvas, look, setting, width / unit, unit, stable_seed(*parts), pixels=rgba, weathered=weathered, indoor=indoor
    )
    compose(stage, recipe)
    floor_y = floor_of(place)
    if not indoor:
        draw_weather(stage, floor_y)
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
    w_units = width / unit
    windows = tuple((x0 / w_units, y0 / 100, x1 / w_units, y1 / 100) for x0, y0, x1, y1 in stage.windows)
    return Backdrop(
        pixels=cv2.cvtColor(rgba, cv2.COLOR_RGBA2RGB),  # opaque: alpha dropped
        floor_y=floor_y,
        indoor=indoor,
        windows=windows,
    )


def place_thumbnail(
    place: Place,
    style: Style,
    width: int = 320,
    height: int = 180,
    *,
    time_of_day: TimeOfDay = TimeOfDay.day,
    weather: Weather = Weather.clear,
    season: Season | None = None,
    seed: int = 0,
) -> np.ndarray:
    """A small picture of ``place`` for a picker: (height, width, 3) uint8 RGB.

    Drawn at a 16:9 stage and fitted into the size asked for (cropped at the sides when it is
    narrower), so every place shows what says it at a glance.
    """
    setting = Setting(place=place, time_of_day=time_of_day, weather=weather, season=season)
    stage_w = max(width, round(height * 16 / 9))
    picture = render_background(setting, style, stage_w, height, seed=seed).pixels
    left = (stage_w - width) // 2
    return np.ascontiguousarray(picture[:, left : left + width])
