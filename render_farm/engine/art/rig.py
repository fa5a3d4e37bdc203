"""The character rig: a cast member drawn once per height as layers, posed per frame.

A :class:`CharacterRig` draws a cast member's :class:`~render_farm.film.spec.Design` in a film's
:class:`Style` with skia as separate premultiplied RGBA layers (body, head, eyes open/closed,
eyebrows per emotion, one mouth per viseme, glasses in front) once per height, then composites
them with numpy for each new :class:`Pose` and caches the result as a :class:`Sprite`;
:func:`composite_sprite` puts a sprite on a frame. The drawing is in a unit space where the
character is 100 units tall, feet at ``y = 0``; ``facing = -1`` mirrors the finished sprite.

Everything is deterministic: the same member, style, height and pose give byte-identical pixels.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from render_farm.engine.art.bodies import draw_body
from render_farm.engine.art.clothes import glasses
from render_farm.engine.art.faces import FACE_BOX, draw_brows, draw_eyes, draw_mouth
from render_farm.engine.art.figure import Figure
from render_farm.engine.art.heads import draw_head
from render_farm.engine.art.seeds import stable_seed
from render_farm.engine.styles import Look, ShapePainter, look_for, rgba_surface
from render_farm.engine.visemes import Viseme
from render_farm.film.spec import CastMember, Design, Emotion, Style

__all__ = ["CharacterRig", "Pose", "Sprite", "composite_sprite"]


@dataclass(frozen=True)
class Pose:
    mouth: Viseme = Viseme.rest
    eyes_closed: bool = False
    facing: int = 1  # +1 looks towards +x (right), -1 towards left
    emotion: Emotion = Emotion.neutral


@dataclass(frozen=True)
class Sprite:
    pixels: np.ndarray  # (h, w, 4) uint8, premultiplied RGBA, C-contiguous (read-only: it is cached)
    anchor: tuple[int, int]  # (x, y) pixel of the feet centre (ground contact point)


@dataclass(frozen=True)
class _Part:
    """One layer drawn on a crop of the canvas: ``pixels`` lie at ``(x0, y0)``."""

    pixels: np.ndarray
    x0: int
    y0: int


@dataclass
class _Layers:
    width: int
    height: int
    anchor: tuple[int, int]
    parts: dict[str, _Part]
    base: np.ndarray  # body and head composited


def _over(dst: np.ndarray, src: np.ndarray) -> None:
    """Premultiplied "source over" of ``src`` onto ``dst`` in place (same shape, uint8)."""
    inverse = 255 - src[..., 3]
    # OpenCV's rounded uint8 products, straight on the view: no 16-bit temporaries
    cv2.multiply(dst, cv2.merge([inverse, inverse, inverse, inverse]), dst=dst, scale=1 / 255)
    cv2.add(dst, src, dst=dst)


class CharacterRig:
    """Draws one cast member in one style; sprites are cached per (height, pose)."""

    _SPRITE_CACHE = 256
    _LAYER_CACHE = 6

    def __init__(self, member: CastMember, style: Style, art: np.ndarray | None = None) -> None:
        self.member = member
        self.style = Style(style)
        self.look: Look = look_for(self.style)
        self.design: Design = member.design or Design(seed=stable_seed("design", member.id))
        self.art = None if art is None else _premultiply(art)
        self._lock = threading.RLock()
        self._layers: OrderedDict[int, _Layers] = OrderedDict()
        self._sprites: OrderedDict[tuple[int, Pose], Sprite] = OrderedDict()

    # -- public ------------------------------------------------------------------------------

    def sprite(self, height: int, pose: Pose) -> Sprite:
        """The character ``height`` pixels tall (feet to top of head) in ``pose``."""
        height = max(8, int(height))
        key = (height, pose)
        with self._lock:
            cached = self._sprites.get(key)
            if cached is not None:
                self._sprites.move_to_end(key)
                return cached
            layers = self._layers_for(height)
            pixels = layers.base.copy()
            emotion = Emotion(pose.emotion)
            mouth = Viseme(pose.mouth)
            names = ["eyes_closed" if pose.eyes_closed else "eyes_open", f"brows_{emotion.value}"]
            mouth_name = f"mouth_{mouth.value}"
            if mouth is Viseme.rest and f"mouth_rest_{emotion.value}" in layers.parts:
                mouth_name = f"mouth_rest_{emotion.value}"
            names += [mouth_name, "front"]
            for name in names:
                part = layers.parts.get(name)
                if part is None:
                    continue
                h, w = part.pixels.shape[:2]
                _over(pixels[part.y0 : part.y0 + h, part.x0 : part.x0 + w], part.pixels)
            anchor = layers.anchor
            if pose.facing < 0:
                pixels = np.ascontiguousarray(pixels[:, ::-1])
                anchor = (layers.width - 1 - anchor[0], anchor[1])
            pixels.flags.writeable = False
            sprite = Sprite(pixels=pixels, anchor=anchor)
            self._sprites[key] = sprite
            if len(self._sprites) > self._SPRITE_CACHE:
                self._sprites.popitem(last=False)
            return sprite

    def layers(self, height: int) -> dict[str, Sprite]:
        """Every layer on the full canvas: body, head, eyes_open, eyes_closed, mouth_<viseme>, and extras
        (``brows_<emotion>``, ``mouth_rest_<emotion>``, ``front``)."""
        height = max(8, int(height))
        with self._lock:
            layers = self._layers_for(height)
        out: dict[str, Sprite] = {}
        for name, part in layers.parts.items():
            full = np.zeros((layers.height, layers.width, 4), np.uint8)
            h, w = part.pixels.shape[:2]
            full[part.y0 : part.y0 + h, part.x0 : part.x0 + w] = part.pixels
            out[name] = Sprite(pixels=full, anchor=layers.anchor)
        return out

    # -- drawing -----------------------------------------------------------------------------

    def _layers_for(self, height: int) -> _Layers:
        cached = self._layers.get(height)
        if cached is not None:
            self._layers.move_to_end(height)
            return cached
        layers = self._draw(height)
        self._layers[height] = layers
        if len(self._layers) > self._LAYER_CACHE:
            self._layers.popitem(last=False)
        return layers

    def _draw(self, height: int) -> _Layers:
        scale = height / 100.0
        pad = max(2, round(height * 0.03))
        width = 2 * round(height * 0.58) + 1
        canvas_h = round(height * 1.34) + pad
        ax, ay = width // 2, canvas_h - pad
        fig = Figure(self.design, self.look, self.member.kind, self.member.age)

        def render(draw: Callable[[ShapePainter], None], box: tuple[float, float, float, float] | None) -> _Part:
            if box is None:
                x0, y0, x1, y1 = 0, 0, width, canvas_h
            else:
                x0 = max(0, math.floor(ax + 0.5 + box[0] * scale))
                y0 = max(0, math.floor(ay + box[1] * scale))
                x1 = min(width, math.ceil(ax + 0.5 + box[2] * scale))
                y1 = min(canvas_h, math.ceil(ay + box[3] * scale))
            pixels = np.zeros((y1 - y0, x1 - x0, 4), np.uint8)
            surface = rgba_surface(pixels)
            canvas = surface.getCanvas()
            canvas.translate(ax + 0.5 - x0, ay - y0)
            canvas.scale(scale, scale)
            draw(ShapePainter(canvas, self.look, unit=1.0))
            del canvas, surface
            return _Part(pixels, x0, y0)

        parts: dict[str, _Part] = {}
        if self.art is not None:
            parts["body"] = _Part(_fit_art(self.art, width, canvas_h, height, (ax, ay)), 0, 0)
            parts["head"] = _Part(np.zeros((1, 1, 4), np.uint8), 0, 0)
        else:
            parts["body"] = render(lambda p: draw_body(fig, p), None)
            parts["head"] = render(lambda p: draw_head(fig, p), None)
        parts["eyes_open"] = render(lambda p: draw_eyes(fig, p, closed=False), FACE_BOX)
        parts["eyes_closed"] = render(lambda p: draw_eyes(fig, p, closed=True), FACE_BOX)
        for emotion in Emotion:
            parts[f"brows_{emotion.value}"] = render(_brows(fig, emotion), FACE_BOX)
        for viseme in Viseme:
            parts[f"mouth_{viseme.value}"] = render(_mouth(fig, viseme, Emotion.neutral), FACE_BOX)
        for emotion in Emotion:
            if emotion is not Emotion.neutral:
                parts[f"mouth_rest_{emotion.value}"] = render(_mouth(fig, Viseme.rest, emotion), FACE_BOX)
        if fig.has_front:
            parts["front"] = render(lambda p: glasses(fig, p), FACE_BOX)
        base = parts["body"].pixels.copy()
        head = parts["head"]
        h, w = head.pixels.shape[:2]
        _over(base[head.y0 : head.y0 + h, head.x0 : head.x0 + w], head.pixels)
        for part in parts.values():
            part.pixels.flags.writeable = False
        return _Layers(width=width, height=canvas_h, anchor=(ax, ay), parts=parts, base=base)


def _brows(fig: Figure, emotion: Emotion) -> Callable[[ShapePainter], None]:
    return lambda p: draw_brows(fig, p, emotion)


def _mouth(fig: Figure, viseme: Viseme, emotion: Emotion) -> Callable[[ShapePainter], None]:
    return lambda p: draw_mouth(fig, p, viseme, emotion)


def _premultiply(art: np.ndarray) -> np.ndarray:
    art = np.asarray(art)
    if art.ndim == 2:
        art = np.stack([art] * 3, axis=-1)
    if art.shape[2] == 3:
        art = np.concatenate([art, np.full((*art.shape[:2], 1), 255, np.uint8)], axis=2)
    art = art.astype(np.uint16)
    alpha = art[..., 3:4]
    rgb = (art[..., :3] * alpha + 127) // 255
    return np.ascontiguousarray(np.concatenate([rgb, alpha], axis=2).astype(np.uint8))


def _fit_art(art: np.ndarray, width: int, canvas_h: int, height: int, anchor: tuple[int, int]) -> np.ndarray:
    """Generated art scaled to the character's height, standing on the anchor."""
    ah, aw = art.shape[:2]
    scale = min(height / ah, (width - 2) / aw)
    nw, nh = max(1, round(aw * scale)), max(1, round(ah * scale))
    resized = cv2.resize(art, (nw, nh), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    out = np.zeros((canvas_h, width, 4), np.uint8)
    x0 = max(0, anchor[0] - nw // 2)
    y0 = max(0, anchor[1] - nh)
    out[y0 : y0 + nh, x0 : x0 + nw] = resized[: canvas_h - y0, : width - x0]
    return out


def composite_sprite(frame: np.ndarray, sprite: Sprite, position: tuple[int, int]) -> None:
    """Draw ``sprite`` onto an RGB ``frame`` in place with its anchor at ``position`` (clipped at the edges)."""
    fh, fw = frame.shape[:2]
    sh, sw = sprite.pixels.shape[:2]
    x0, y0 = position[0] - sprite.anchor[0], position[1] - sprite.anchor[1]
    fx0, fy0, fx1, fy1 = max(0, x0), max(0, y0), min(fw, x0 + sw), min(fh, y0 + sh)
    if fx0 >= fx1 or fy0 >= fy1:
        return
    src = sprite.pixels[fy0 - y0 : fy1 - y0, fx0 - x0 : fx1 - x0]
    dst = frame[fy0:fy1, fx0:fx1]
    alpha = src[..., 3:4].astype(np.uint16)
    out = (dst.astype(np.uint16) * (255 - alpha) + 127) // 255 + src[..., :3]
    dst[...] = np.minimum(out, 255).astype(np.uint8)
