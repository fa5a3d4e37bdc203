"""What a scene shows besides its backdrop and its cast: props, thought bubbles, lightning.

:class:`StagePictures` makes (and caches) the sprites a scene's frames blend: each prop at the
scale and facing it is drawn at, a thought bubble over whoever is thinking, the flash of a
storm's lightning; and it draws the props that stand still all scene into the stage picture
once (:meth:`StagePictures.set_on_stage`), so they cost a frame nothing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
import skia

from render_farm.film import Prop, Style

from .art.props import PropLook, render_prop
from .art.weather import lightning_picture
from .compositing import Sprite, blend
from .prop_staging import PropState, SetProp
from .styles import argb, look_for, rgba_surface

__all__ = ["StagePictures"]

_CACHE = 256


class StagePictures:
    """Sprites of props, thought bubbles and lightning for one film's style and colours."""

    def __init__(self, style: Style, matrix: np.ndarray) -> None:
        self.style, self.matrix = style, matrix
        self._lock = threading.Lock()
        self._sprites: OrderedDict[tuple[object, ...], tuple[Sprite, tuple[float, float], tuple[float, float]]] = (
            OrderedDict()
        )

    def prop(
        self, state: PropState | SetProp, zoom: float, dark: bool
    ) -> tuple[Sprite, tuple[float, float], tuple[float, float]]:
        """A prop's sprite at ``zoom``, with where its base and its grip fall on it."""
        size = max(4, round(state.size * zoom))
        facing = state.facing if isinstance(state, PropState) else 1
        return self._prop(state.prop.value, state.look, size, facing, dark)

    def _prop(
        self, prop: str, look: PropLook, size: int, facing: int, dark: bool
    ) -> tuple[Sprite, tuple[float, float], tuple[float, float]]:
        key = ("prop", prop, look, size, facing, dark)
        with self._lock:
            hit = self._sprites.get(key)
            if hit is not None:
                self._sprites.move_to_end(key)
                return hit
        picture = render_prop(Prop(prop), self.style, float(size), look, dark, facing)
        made = (Sprite(np.ascontiguousarray(picture.pixels), self.matrix), picture.base, picture.grip)
        return self._keep(key, made)

    def set_on_stage(self, stage: np.ndarray, props: list[SetProp], dark: bool) -> None:
        """Draw the props that stand still all scene into the stage picture (RGB, in place)."""
        for item in sorted(props, key=lambda p: p.y):  # further back first
            sprite, base, _ = self.prop(item, 1.0, dark)
            blend(stage, sprite, round(item.x - base[0]), round(item.y - base[1]))

    def bubble(self, height: int) -> Sprite:
        """A thought bubble for a character ``height`` pixels tall: a cloud and its trail of dots."""
        key = ("bubble", height)
        with self._lock:
            hit = self._sprites.get(key)
        if hit is not None:
            return hit[0]
        size = max(12, round(height * 0.42))
        pixels = np.zeros((size, size, 4), np.uint8)
        surface = rgba_surface(pixels)
        canvas = surface.getCanvas()
        canvas.scale(size / 100, size / 100)
        look = look_for(self.style)
        cloud = skia.Path()
        for x, y, r in ((40, 34, 20), (62, 30, 18), (78, 40, 14), (52, 50, 18), (28, 48, 14)):
            cloud.addCircle(x, y, r)
        cloud = skia.Op(cloud, cloud, skia.PathOp.kUnion_PathOp) or cloud
        fill = skia.Paint(AntiAlias=True, Color=argb(look.treat((252, 252, 255))))
        ink = skia.Paint(
            AntiAlias=True,
            Style=skia.Paint.kStroke_Style,
            StrokeWidth=max(2.0, look.outline_width * 300),
            Color=argb(look.treat(look.outline_color)),
        )
        for x, y, r in ((22, 78, 6), (12, 92, 4)):
            canvas.drawCircle(x, y, r, fill)
            canvas.drawCircle(x, y, r, ink)
        canvas.drawPath(cloud, fill)
        canvas.drawPath(cloud, ink)
        dots = skia.Paint(AntiAlias=True, Color=argb(look.treat((120, 110, 130))))
        for x in (40, 54, 68):
            canvas.drawCircle(x, 40, 4, dots)
        del canvas, surface
        return self._keep(key, (Sprite(pixels, self.matrix), (0.0, float(size)), (0.0, 0.0)))[0]

    def flash(self, width: int, height: int, seed: int, outdoors: bool) -> Sprite:
        """The flash laid over a frame when lightning strikes (the bolt only out of doors)."""
        key = ("flash", width, height, seed, outdoors)
        with self._lock:
            hit = self._sprites.get(key)
        if hit is not None:
            return hit[0]
        picture = lightning_picture(width, height, self.style, seed, bolt=outdoors)
        return self._keep(key, (Sprite(picture, self.matrix), (0.0, 0.0), (0.0, 0.0)))[0]

    def _keep(
        self, key: tuple[object, ...], made: tuple[Sprite, tuple[float, float], tuple[float, float]]
    ) -> tuple[Sprite, tuple[float, float], tuple[float, float]]:
        with self._lock:
            self._sprites[key] = made
            if len(self._sprites) > _CACHE:
                self._sprites.popitem(last=False)
        return made
