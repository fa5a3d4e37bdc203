"""The backdrop of a scene: a whole background picture, place by place, in the film's style.

:func:`render_background` builds a picture in layers from far to near -- sky, the place's own
middle ground, the floor where characters stand at :attr:`Backdrop.floor_y`, weather on top --
and finishes it with the style's texture (the storybook style's paper grain). Everything is a
deterministic function of the arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import cv2
import numpy as np
import skia

from render_farm.engine.styles import look_for
from render_farm.film.spec import Place, Setting, Style

from . import buildings, countryside
from .seeds import stable_seed
from .space import space
from .stage import FLOOR, Stage
from .standins import drawn_setting
from .weather import draw_weather

__all__ = ["Backdrop", "render_background"]


@dataclass(frozen=True)
class Backdrop:
    pixels: np.ndarray  # (h, w, 3) uint8 RGB, C-contiguous
    floor_y: float  # fraction of the height (0..1) where characters' feet stand


PLACES: dict[Place, Callable[[Stage], None]] = {
    Place.meadow: countryside.meadow,
    Place.forest: countryside.forest,
    Place.river: countryside.river,
    Place.village: buildings.village,
    Place.city_street: buildings.city_street,
    Place.room: buildings.room,
    Place.beach: countryside.beach,
    Place.mountains: countryside.mountains,
    Place.space: space,
    Place.castle: buildings.castle,
}


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
    setting = drawn_setting(setting)
    place = Place(setting.place)
    rgba = np.zeros((height, width, 4), np.uint8)
    surface = skia.Surface(rgba, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorBLACK)
    unit = height / 100.0
    canvas.scale(unit, unit)
    rng_seed = stable_seed("background", seed, place.value, setting.time_of_day.value, setting.weather.value)
    stage = Stage(canvas, look, setting, width / unit, unit, rng_seed, pixels=rgba)
    PLACES[place](stage)
    draw_weather(stage)
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
    return Backdrop(pixels=cv2.cvtColor(rgba, cv2.COLOR_RGBA2RGB), floor_y=FLOOR[place])  # opaque: alpha dropped
