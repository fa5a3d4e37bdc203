"""The character rig: a cast member drawn once per height as layers, posed per frame.

A :class:`CharacterRig` draws a cast member -- its :class:`~render_farm.film.Kind`, age, gender,
costume and :class:`~render_farm.film.spec.Design` -- in a film's :class:`Style` with skia, as
separate premultiplied RGBA layers, then composites them with numpy for each new :class:`Pose` and
caches the result as a :class:`Sprite`; :func:`composite_sprite` puts a sprite on a frame. The
drawing is in a unit space where the character is 100 units tall, feet at ``y = 0``; ``facing =
-1`` mirrors the finished sprite.

Layers, each drawn the first time a pose needs it and kept per height: ``back`` (tail, wings,
cape, long hair), ``legs_<stance>``, ``torso``, ``arm+_<gesture>`` and ``arm-_<gesture>`` (the arm
on the side the character faces and the other one), ``head``, ``eyes_open``/``eyes_closed``,
``brows_<emotion>``, ``mouth_<viseme>``, ``mouth_rest_<emotion>``, ``mouth_closed_<emotion>`` and
``front`` (glasses, an eyepatch, a helmet's glass). A plain standing pose reuses one composite of
the body and head.

The pose API (for staging)::

    Pose(mouth=Viseme.rest, eyes_closed=False, facing=1, emotion=Emotion.neutral,
         action=None, phase=0.0, listening=False)

* ``action`` -- an :class:`~render_farm.film.Action` or None (standing, arms at rest). ``wave``,
  ``point``, ``give``, ``hold``, ``think``, ``hug`` and ``cheer`` move the arms (the arm on the
  ``facing`` side leads); ``sit`` sits down (on the ground line: the anchor stays at the feet);
  ``jump`` crouches, rises and lands over its cycle; ``walk_in``/``walk_out`` and ``run`` step
  through a four-frame walk cycle with swinging arms; ``nod`` dips the head; ``dance`` steps and
  swings the arms.
* ``phase`` -- how far through the action's cycle, 0..1 (whole cycles wrap: pass time × rate). It
  is rounded to the action's few frames (see :data:`~render_farm.engine.art.poses.ACTION_FRAMES`),
  so a walk is four cached sprites, not one per frame.
* ``listening`` -- the mouth stays closed whatever the emotion (a listener who smiles, or is
  surprised, does not hold an open mouth); with ``mouth=Viseme.rest`` only.
* ``eyes_closed`` -- a blink.

A :class:`Sprite` carries ``anchor`` (the pixel of the feet's centre on the ground; in a jump the
figure is drawn above it) and ``hands``: the pixel centre of the leading hand (on the ``facing``
side; it waves, points, gives and holds) and of the other one, where a held prop is drawn. Poses
made with the first four fields alone look exactly as before.

Everything is deterministic: the same member, style, height and pose give byte-identical pixels.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace

import cv2
import numpy as np

from render_farm.engine.styles import Look, ShapePainter, look_for, rgba_surface
from render_farm.engine.visemes import Viseme
from render_farm.film import Action, CastMember, Design, Emotion, Style

from .backs import draw_back
from .bodies import draw_torso
from .clothes import draw_front
from .faces import CLOSED_MOUTHS, draw_brows, draw_eyes, draw_mouth
from .figure import Figure, identity_of
from .heads import draw_head
from .legs import draw_legs, sit_drop
from .limbs import arm_points, draw_arm
from .looks import default_design
from .poses import ACTION_FRAMES, BodyFrame, body_frame, frame_index
from .seeds import stable_seed

__all__ = ["CharacterRig", "Pose", "Sprite", "composite_sprite"]


@dataclass(frozen=True)
class Pose:
    mouth: Viseme = Viseme.rest
    eyes_closed: bool = False
    facing: int = 1  # +1 looks towards +x (right), -1 towards left
    emotion: Emotion = Emotion.neutral
    action: Action | None = None  # what the body does; None: stands with its arms at rest
    phase: float = 0.0  # 0..1 through the action's cycle
    listening: bool = False  # keep the mouth closed at rest whatever the emotion


@dataclass(frozen=True)
class Sprite:
    pixels: np.ndarray  # (h, w, 4) uint8, premultiplied RGBA, C-contiguous (read-only: it is cached)
    anchor: tuple[int, int]  # (x, y) pixel of the feet centre (ground contact point)
    hands: tuple[tuple[int, int], ...] = ()  # (leading hand, other hand) pixel centres


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
    scale: float
    parts: dict[str, _Part]
    draw: Callable[[str], _Part]
    base: np.ndarray | None = None  # body and head composited, standing

    def part(self, name: str) -> _Part:
        part = self.parts.get(name)
        if part is None:
            part = self.parts[name] = self.draw(name)
        return part


def _over(dst: np.ndarray, src: np.ndarray) -> None:
    """Premultiplied "source over" of ``src`` onto ``dst`` in place (same shape, uint8)."""
    inverse = 255 - src[..., 3]
    # OpenCV's rounded uint8 products, straight on the view: no 16-bit temporaries
    cv2.multiply(dst, cv2.merge([inverse, inverse, inverse, inverse]), dst=dst, scale=1 / 255)
    cv2.add(dst, src, dst=dst)


def _paste(dst: np.ndarray, part: _Part, dy: int = 0) -> None:
    """``part`` over ``dst``, moved down by ``dy`` pixels (clipped at the canvas)."""
    h, w = part.pixels.shape[:2]
    y0 = part.y0 + dy
    top, bottom = max(0, y0), min(dst.shape[0], y0 + h)
    if top >= bottom or not w:
        return
    _over(dst[top:bottom, part.x0 : part.x0 + w], part.pixels[top - y0 : bottom - y0])


class CharacterRig:
    """Draws one cast member in one style; sprites are cached per (height, pose)."""

    _SPRITE_CACHE = 256
    _LAYER_CACHE = 6

    def __init__(self, member: CastMember, style: Style, art: np.ndarray | None = None) -> None:
        self.member = member
        self.style = Style(style)
        self.look: Look = look_for(self.style)
        self.identity = identity_of(member)
        self.design: Design = member.design or default_design(self.identity, stable_seed("design", member.id))
        self.figure = Figure(self.design, self.look, self.identity)
        self.art = None if art is None else _premultiply(art)
        self._lock = threading.RLock()
        self._layers: OrderedDict[int, _Layers] = OrderedDict()
        self._sprites: OrderedDict[tuple[int, Pose], Sprite] = OrderedDict()

    # -- public ------------------------------------------------------------------------------

    def sprite(self, height: int, pose: Pose) -> Sprite:
        """The character ``height`` pixels tall (feet to top of head) in ``pose``."""
        height = max(8, int(height))
        pose = _normal(pose)
        key = (height, pose)
        with self._lock:
            cached = self._sprites.get(key)
            if cached is not None:
                self._sprites.move_to_end(key)
                return cached
            layers = self._layers_for(height)
            frame = self._frame(pose)
            pixels = self._body(layers, frame)
            face_dy = round((frame.body_dy + frame.head_dy) * layers.scale)
            emotion = Emotion(pose.emotion)
            mouth = Viseme(pose.mouth)
            names = ["eyes_closed" if pose.eyes_closed else "eyes_open", f"brows_{emotion.value}"]
            mouth_name = f"mouth_{mouth.value}"
            if mouth is Viseme.rest and emotion is not Emotion.neutral:
                closed = pose.listening and emotion in CLOSED_MOUTHS
                mouth_name = f"mouth_{'closed' if closed else 'rest'}_{emotion.value}"
            names.append(mouth_name)
            if self.figure.has_front or self.figure.c.hat == "space_helmet":
                names.append("front")
            for name in names:
                _paste(pixels, layers.part(name), face_dy)
            for side, gesture in ((1, frame.arms[0]), (-1, frame.arms[1])):
                if gesture == "chin":
                    _paste(
                        pixels,
                        layers.part(f"arm{'+' if side > 0 else '-'}_{gesture}"),
                        round(frame.body_dy * layers.scale),
                    )
            anchor = (layers.anchor[0], layers.anchor[1] + round(frame.lift * layers.scale))
            hands = self._hands(layers, frame)
            if pose.facing < 0:
                pixels = np.ascontiguousarray(pixels[:, ::-1])
                anchor = (layers.width - 1 - anchor[0], anchor[1])
                hands = tuple((layers.width - 1 - x, y) for x, y in hands)
            pixels.flags.writeable = False
            sprite = Sprite(pixels=pixels, anchor=anchor, hands=hands)
            self._sprites[key] = sprite
            if len(self._sprites) > self._SPRITE_CACHE:
                self._sprites.popitem(last=False)
            return sprite

    def layers(self, height: int) -> dict[str, Sprite]:
        """Every layer of a standing pose on the full canvas: body, head, eyes_open, eyes_closed,
        mouth_<viseme>, and extras (``brows_<emotion>``, ``mouth_rest_<emotion>``, ``front``)."""
        height = max(8, int(height))
        with self._lock:
            layers = self._layers_for(height)
            names = ["head", "eyes_open", "eyes_closed"] + [f"brows_{e.value}" for e in Emotion]
            names += [f"mouth_{v.value}" for v in Viseme]
            names += [f"mouth_rest_{e.value}" for e in Emotion if e is not Emotion.neutral]
            if self.figure.has_front or self.figure.c.hat == "space_helmet":
                names.append("front")
            parts = {name: layers.part(name) for name in names}
            body = self._standing_body(layers)
        out: dict[str, Sprite] = {"body": Sprite(pixels=body, anchor=layers.anchor)}
        for name, part in parts.items():
            full = np.zeros((layers.height, layers.width, 4), np.uint8)
            h, w = part.pixels.shape[:2]
            full[part.y0 : part.y0 + h, part.x0 : part.x0 + w] = part.pixels
            out[name] = Sprite(pixels=full, anchor=layers.anchor)
        return out

    # -- posing --------------------------------------------------------------------------

    def _frame(self, pose: Pose) -> BodyFrame:
        if self.art is not None:
            return BodyFrame()
        return body_frame(pose.action, pose.phase, sit_drop=sit_drop(self.figure))

    def _standing_body(self, layers: _Layers) -> np.ndarray:
        body = np.zeros((layers.height, layers.width, 4), np.uint8)
        if self.art is not None:
            _paste(body, layers.part("art"))
            return body
        for name in ("back", "legs_stand", "torso", "arm+_rest", "arm-_rest"):
            _paste(body, layers.part(name))
        return body

    def _body(self, layers: _Layers, frame: BodyFrame) -> np.ndarray:
        """Body and head in ``frame`` (the arms that go over the face are added after the face)."""
        if frame.standing:
            if layers.base is None:
                base = self._standing_body(layers)
                if self.art is None:
                    _paste(base, layers.part("head"))
                base.flags.writeable = False
                layers.base = base
            return layers.base.copy()
        pixels = np.zeros((layers.height, layers.width, 4), np.uint8)
        body_dy = round(frame.body_dy * layers.scale)
        _paste(pixels, layers.part("back"), body_dy)
        _paste(pixels, layers.part(f"legs_{frame.stance}"))
        _paste(pixels, layers.part("torso"), body_dy)
        for side, gesture in ((1, frame.arms[0]), (-1, frame.arms[1])):
            if gesture != "chin":
                _paste(pixels, layers.part(f"arm{'+' if side > 0 else '-'}_{gesture}"), body_dy)
        _paste(pixels, layers.part("head"), round((frame.body_dy + frame.head_dy) * layers.scale))
        return pixels

    def _hands(self, layers: _Layers, frame: BodyFrame) -> tuple[tuple[int, int], ...]:
        ax, ay = layers.anchor
        out = []
        for side, gesture in ((1, frame.arms[0]), (-1, frame.arms[1])):
            _, _, (hx, hy) = arm_points(self.figure, side, gesture)
            out.append((round(ax + 0.5 + hx * layers.scale), round(ay + (hy + frame.body_dy) * layers.scale)))
        return tuple(out)

    # -- drawing -----------------------------------------------------------------------------

    def _layers_for(self, height: int) -> _Layers:
        cached = self._layers.get(height)
        if cached is not None:
            self._layers.move_to_end(height)
            return cached
        layers = self._new_layers(height)
        self._layers[height] = layers
        if len(self._layers) > self._LAYER_CACHE:
            self._layers.popitem(last=False)
        return layers

    def _new_layers(self, height: int) -> _Layers:
        scale = height / 100.0
        pad = max(2, round(height * 0.03))
        width = 2 * round(height * 0.58) + 1
        canvas_h = round(height * 1.34) + pad
        ax, ay = width // 2, canvas_h - pad
        fig = self.figure
        face_box = fig.face_box

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
            return _cropped(pixels, x0, y0)

        def draw(name: str) -> _Part:
            if name == "art":
                assert self.art is not None
                return _Part(_fit_art(self.art, width, canvas_h, height, (ax, ay)), 0, 0)
            if self.art is not None and (name in ("back", "torso", "head") or name.startswith(("legs_", "arm"))):
                return _Part(np.zeros((0, 0, 4), np.uint8), 0, 0)
            if name == "back":
                return render(lambda p: draw_back(fig, p), None)
            if name.startswith("legs_"):
                stance = name[5:]
                return render(lambda p: draw_legs(fig, p, stance), None)
            if name == "torso":
                return render(lambda p: draw_torso(fig, p), None)
            if name.startswith("arm"):
                side = 1 if name[3] == "+" else -1
                gesture = name[5:]
                return render(lambda p: draw_arm(fig, p, side, gesture), None)
            if name == "head":
                return render(lambda p: draw_head(fig, p), None)
            if name in ("eyes_open", "eyes_closed"):
                closed = name == "eyes_closed"
                return render(lambda p: draw_eyes(fig, p, closed=closed), face_box)
            if name.startswith("brows_"):
                emotion = Emotion(name[6:])
                return render(lambda p: draw_brows(fig, p, emotion), face_box)
            if name.startswith(("mouth_rest_", "mouth_closed_")):
                closed = name.startswith("mouth_closed_")
                emotion = Emotion(name.split("_", 2)[2])
                return render(lambda p: draw_mouth(fig, p, Viseme.rest, emotion, closed=closed), face_box)
            if name.startswith("mouth_"):
                viseme = Viseme(name[6:])
                return render(lambda p: draw_mouth(fig, p, viseme, Emotion.neutral), face_box)
            if name == "front":
                return render(lambda p: draw_front(fig, p), face_box)
            raise KeyError(name)

        def frozen(name: str) -> _Part:
            part = draw(name)
            part.pixels.flags.writeable = False
            return part

        return _Layers(width=width, height=canvas_h, anchor=(ax, ay), scale=scale, parts={}, draw=frozen)


def _normal(pose: Pose) -> Pose:
    """``pose`` with its phase rounded to the action's frame (so equal-looking poses share a cache entry)."""
    if pose.action is None:
        return replace(pose, phase=0.0) if pose.phase else pose
    action = Action(pose.action)
    count = ACTION_FRAMES.get(action.value, 1)
    return replace(pose, action=action, phase=frame_index(action, pose.phase) / count)


def _cropped(pixels: np.ndarray, x0: int, y0: int) -> _Part:
    """The drawn part of ``pixels`` (its alpha's bounding box), so compositing skips empty canvas."""
    alpha = pixels[..., 3]
    rows = np.flatnonzero(alpha.any(axis=1))
    if not len(rows):
        return _Part(np.zeros((0, 0, 4), np.uint8), x0, y0)
    cols = np.flatnonzero(alpha.any(axis=0))
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    return _Part(np.ascontiguousarray(pixels[top:bottom, left:right]), x0 + int(left), y0 + int(top))


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
