"""Character rigs: a layered, animatable cartoon figure per cast member, and the cast sheet.

This module owns what a character looks like on screen. A :class:`CharacterRig` draws a cast
member's :class:`~render_farm.film.spec.Design` in a film's :class:`Style` with skia as separate
premultiplied RGBA layers (body, head, eyes open/closed, eyebrows per emotion, one mouth per
viseme, glasses in front) once per height, then composites them with numpy for each new
:class:`Pose`. The drawing is in a unit space where the character is 100 units tall, feet at
``y = 0`` and the top of the head at ``y = -100``; the face is turned a little towards ``+x`` and
``facing = -1`` mirrors the finished sprite.

Everything is deterministic: the same member, style, height and pose give byte-identical pixels.
"""

from __future__ import annotations

import hashlib
import math
import random
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import skia

from render_farm.engine.fonts import load_font
from render_farm.engine.styles import (
    RGB,
    Look,
    ShapePainter,
    argb,
    darker,
    hex_rgb,
    lighter,
    look_for,
    mix,
    rgba_surface,
)
from render_farm.engine.visemes import Viseme
from render_farm.film.spec import CastMember, Design, Emotion, Film, Species, Style

__all__ = ["CharacterRig", "Pose", "Sprite", "cast_sheet", "composite_sprite", "stable_seed"]


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


def stable_seed(*parts: object) -> int:
    """A 31-bit seed from ``parts`` that is the same on every run and machine (unlike ``hash()``)."""
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


# -- path helpers (unit space) -----------------------------------------------------------------


def _oval(cx: float, cy: float, rx: float, ry: float) -> skia.Path:
    path = skia.Path()
    path.addOval(skia.Rect.MakeLTRB(cx - rx, cy - ry, cx + rx, cy + ry))
    return path


def _rrect(left: float, top: float, right: float, bottom: float, radius: float) -> skia.Path:
    path = skia.Path()
    path.addRoundRect(skia.Rect.MakeLTRB(left, top, right, bottom), radius, radius)
    return path


def _poly(points: list[tuple[float, float]], radius: float = 0.0) -> skia.Path:
    """A closed polygon whose corners are rounded by ``radius``."""
    path = skia.Path()
    if radius <= 0:
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
        return path
    last, first = points[-1], points[0]
    path.moveTo((last[0] + first[0]) / 2, (last[1] + first[1]) / 2)
    count = len(points)
    for i in range(count):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % count]
        path.arcTo(x1, y1, x2, y2, radius)
    path.close()
    return path


def _tube(points: list[tuple[float, float]], width: float, *, round_cap: bool = True) -> skia.Path:
    """The outline of a thick line through ``points`` (a smooth curve when more than two)."""
    src = skia.Path()
    src.moveTo(*points[0])
    if len(points) == 2:
        src.lineTo(*points[1])
    else:
        for i in range(1, len(points) - 1):
            ctrl = points[i]
            end = (
                points[i + 1]
                if i == len(points) - 2
                else ((points[i][0] + points[i + 1][0]) / 2, (points[i][1] + points[i + 1][1]) / 2)
            )
            src.quadTo(ctrl[0], ctrl[1], end[0], end[1])
    paint = skia.Paint(
        Style=skia.Paint.kStroke_Style,
        StrokeWidth=width,
        StrokeCap=skia.Paint.kRound_Cap if round_cap else skia.Paint.kButt_Cap,
        StrokeJoin=skia.Paint.kRound_Join,
    )
    out = skia.Path()
    paint.getFillPath(src, out)
    return skia.Op(out, out, skia.PathOp.kUnion_PathOp) or out


def _union(*paths: skia.Path) -> skia.Path:
    out = paths[0]
    for path in paths[1:]:
        out = skia.Op(out, path, skia.PathOp.kUnion_PathOp) or out
    return out


def _cut(path: skia.Path, by: skia.Path, op: skia.PathOp = skia.PathOp.kIntersect_PathOp) -> skia.Path:
    return skia.Op(path, by, op) or skia.Path()


def _mirror(path: skia.Path) -> skia.Path:
    out = skia.Path(path)
    out.transform(skia.Matrix.Scale(-1, 1))
    return out


def _rotated(path: skia.Path, degrees: float, cx: float, cy: float) -> skia.Path:
    out = skia.Path(path)
    out.transform(skia.Matrix.RotateDeg(degrees, skia.Point(cx, cy)))
    return out


def _fuzzy_oval(cx: float, cy: float, rx: float, ry: float, tufts: int, depth: float, rng: random.Random) -> skia.Path:
    """An oval with a furry, scalloped edge."""
    path = skia.Path()
    step = 2 * math.pi / tufts
    px, py = cx, cy  # the tuft tip of the previous turn
    for i in range(tufts + 1):
        a0 = i * step - math.pi / 2
        mid = a0 + step / 2
        k = depth * (0.7 + 0.6 * rng.random())
        vx, vy = cx + rx * math.cos(a0), cy + ry * math.sin(a0)
        tx, ty = cx + (rx + k) * math.cos(mid), cy + (ry + k) * math.sin(mid)
        if i == 0:
            path.moveTo(vx, vy)
        else:
            path.quadTo(px, py, vx, vy)
        px, py = tx, ty
    path.close()
    return path


# -- the rig -----------------------------------------------------------------------------------

_BROWS: dict[Emotion, tuple[float, float, float, float]] = {
    # (inner dy, outer dy, arch, extra raise of the far brow) -- negative is up
    Emotion.neutral: (0.0, 0.0, -0.8, 0.0),
    Emotion.happy: (-1.2, -0.4, -1.8, 0.0),
    Emotion.sad: (-3.6, 1.6, 0.4, 0.0),
    Emotion.angry: (3.2, -2.2, 0.3, 0.0),
    Emotion.surprised: (-4.5, -4.0, -2.2, 0.0),
    Emotion.scared: (-4.0, -0.5, 0.6, 0.0),
    Emotion.excited: (-2.6, -2.0, -2.2, 0.0),
    Emotion.thoughtful: (0.6, 0.2, -0.4, -3.2),
}

_MOUTH_INSIDE: RGB = (122, 38, 52)
_TONGUE: RGB = (236, 112, 124)
_TEETH: RGB = (255, 255, 250)
_LIP: RGB = (226, 120, 120)
_INK: RGB = (58, 34, 38)
_GOLD: RGB = (242, 192, 58)
_FACE_BOX = (-46.0, -120.0, 46.0, -40.0)  # unit-space box that holds every face layer


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
    alpha = src[..., 3:4].astype(np.uint16)
    kept = (dst.astype(np.uint16) * (255 - alpha) + 127) // 255
    np.add(kept, src, out=kept, casting="unsafe")
    dst[...] = kept


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
        drawer = _Drawer(self.design, self.look)

        def render(draw: object, box: tuple[float, float, float, float] | None) -> _Part:
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
            draw(ShapePainter(canvas, self.look, unit=1.0))  # type: ignore[operator]
            del canvas, surface
            return _Part(pixels, x0, y0)

        parts: dict[str, _Part] = {}
        if self.art is not None:
            parts["body"] = _Part(_fit_art(self.art, width, canvas_h, height, (ax, ay)), 0, 0)
            parts["head"] = _Part(np.zeros((1, 1, 4), np.uint8), 0, 0)
        else:
            parts["body"] = render(drawer.body, None)
            parts["head"] = render(drawer.head, None)
        parts["eyes_open"] = render(lambda p: drawer.eyes(p, closed=False), _FACE_BOX)
        parts["eyes_closed"] = render(lambda p: drawer.eyes(p, closed=True), _FACE_BOX)
        for emotion in Emotion:
            parts[f"brows_{emotion.value}"] = render(lambda p, e=emotion: drawer.brows(p, e), _FACE_BOX)
        for viseme in Viseme:
            parts[f"mouth_{viseme.value}"] = render(lambda p, v=viseme: drawer.mouth(p, v, Emotion.neutral), _FACE_BOX)
        for emotion in Emotion:
            if emotion is not Emotion.neutral:
                parts[f"mouth_rest_{emotion.value}"] = render(
                    lambda p, e=emotion: drawer.mouth(p, Viseme.rest, e), _FACE_BOX
                )
        if drawer.has_front:
            parts["front"] = render(drawer.front, _FACE_BOX)
        base = parts["body"].pixels.copy()
        head = parts["head"]
        h, w = head.pixels.shape[:2]
        _over(base[head.y0 : head.y0 + h, head.x0 : head.x0 + w], head.pixels)
        for part in parts.values():
            part.pixels.flags.writeable = False
        return _Layers(width=width, height=canvas_h, anchor=(ax, ay), parts=parts, base=base)


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
    import cv2

    ah, aw = art.shape[:2]
    scale = min(height / ah, (width - 2) / aw)
    nw, nh = max(1, round(aw * scale)), max(1, round(ah * scale))
    resized = cv2.resize(art, (nw, nh), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    out = np.zeros((canvas_h, width, 4), np.uint8)
    x0 = max(0, anchor[0] - nw // 2)
    y0 = max(0, anchor[1] - nh)
    out[y0 : y0 + nh, x0 : x0 + nw] = resized[: canvas_h - y0, : width - x0]
    return out


# -- the drawing of one design -----------------------------------------------------------------


class _Drawer:
    """Draws the parts of one design in unit space (100 units = character height)."""

    def __init__(self, design: Design, look: Look) -> None:
        self.d = design
        self.look = look
        self.species = Species(design.species)
        self.b = design.build
        self.skin = hex_rgb(design.body_color)
        self.accent = hex_rgb(design.accent_color)
        self.eye = hex_rgb(design.eye_color)
        self.cloth = hex_rgb(design.outfit_color)
        # humans wear their accent colour as hair, so their accessories take a shade of the outfit
        self.acc = darker(self.cloth, 0.18) if self.species is Species.human else self.accent
        self.outfit = design.outfit
        if self.outfit == "none" and self.species is Species.human:
            self.outfit = "shirt"
        rng = random.Random(design.seed)
        self.rng_seed = design.seed
        self.hair_style = rng.randrange(5)
        self.hat_kind = rng.randrange(3)
        self.tail_side = 1
        self.blush = self.species not in (Species.robot,) and rng.random() < 0.8
        self.freckles = self.species is Species.human and rng.random() < 0.2
        self.fx = 3.0  # the face turns a little towards +x
        self.head_c = (0.0, -75.0)
        self.head_r = (27.0, 25.0)
        if self.species is Species.monster:
            self.head_r = (28.0, 25.5)
        self.eye_y = -74.0
        self.eye_dx = 9.5
        self.mouth_y = -61.5
        if self.species in (
            Species.cat,
            Species.dog,
            Species.fox,
            Species.bear,
            Species.mouse,
            Species.rabbit,
            Species.dragon,
        ):
            self.mouth_y = -60.0
        self.has_front = "glasses" in design.accessories
        self.torso_top, self.torso_bottom = -52.0, -21.0

    # colours ------------------------------------------------------------------------------

    @property
    def belly(self) -> RGB:
        if self.species in (Species.fox, Species.dragon, Species.bird):
            return self.accent if self.species is not Species.bird else lighter(self.skin, 0.55)
        return lighter(self.skin, 0.5)

    @property
    def brow_color(self) -> RGB:
        if self.species is Species.human:
            return darker(self.accent, 0.35)
        if self.species is Species.robot:
            return lighter(self.eye, 0.2)
        return darker(self.skin, 0.5)

    # body layer ---------------------------------------------------------------------------

    def body(self, p: ShapePainter) -> None:
        d, b, sp = self.d, self.b, self.species
        if "cape" in d.accessories:
            cape = _poly([(-13 * b, -52), (13 * b, -52), (24 * b, -4), (0, -1), (-24 * b, -4)], 4)
            p.fill(cape, self.acc)
        if sp is Species.human and self.hair_style in (1, 3):
            self._hair_back(p)
        if sp is Species.dragon:
            for side in (-1, 1):
                wing = _poly(
                    [
                        (side * 8, -48),
                        (side * 40, -70),
                        (side * 44, -52),
                        (side * 36, -50),
                        (side * 34, -38),
                        (side * 14, -32),
                    ],
                    3,
                )
                p.fill(wing, darker(self.accent, 0.1) if self.accent != self.skin else darker(self.skin, 0.2))
        self._tail(p)
        if "backpack" in d.accessories:
            p.fill(_rrect(-17 * b, -50, 17 * b, -24, 6), self.acc)
        if sp is Species.bird:
            self._bird_body(p)
            return
        if sp is Species.robot:
            self._robot_body(p)
            return
        self._legs(p)
        self._torso(p)
        self._arms(p)
        if "scarf" in d.accessories:
            p.fill(_rrect(-15 * b, -55, 15 * b, -46, 4.5), self.acc)
            p.fill(_poly([(5 * b, -50), (11 * b, -50), (13 * b, -33), (6 * b, -34)], 2), darker(self.acc, 0.08))
        if "backpack" in d.accessories:
            for side in (-1, 1):
                p.fill(_tube([(side * 9 * b, -51), (side * 10 * b, -33)], 3.2), darker(self.acc, 0.15), outline=0.6)
        if "cape" in d.accessories:
            p.fill(_oval(0, -50, 3.2, 3.2), _GOLD, outline=0.6)

    def _hair_back(self, p: ShapePainter) -> None:
        if self.hair_style == 1:  # long hair falling behind the shoulders
            hair = _union(_oval(0, -78, 30, 27), _rrect(-28, -82, 28, -40, 12))
        else:  # ponytail
            hair = _union(_oval(0, -80, 29, 26), _tube([(-22, -86), (-33, -70), (-30, -52)], 11))
        p.fill(hair, darker(self.accent, 0.08))

    def _tail(self, p: ShapePainter) -> None:
        sp, b = self.species, self.b
        if sp is Species.cat:
            tail = _tube([(-8 * b, -24), (-30, -22), (-30, -44), (-36, -58)], 5.5)
            p.fill(tail, self.skin)
        elif sp is Species.mouse:
            tail = _tube([(-6 * b, -22), (-26, -14), (-36, -30), (-42, -22)], 2.4)
            p.fill(tail, mix(self.skin, (240, 150, 160), 0.6), outline=0.7)
        elif sp is Species.fox:
            tail = _poly([(-6 * b, -26), (-26, -20), (-42, -38), (-40, -56), (-30, -48), (-22, -34)], 7)
            p.fill(tail, self.skin)
            tip = _cut(tail, _oval(-41, -52, 10, 10))
            p.fill(tip, self.accent, outline=0.0)
        elif sp is Species.dog:
            p.fill(_tube([(-8 * b, -28), (-20, -34), (-24, -46)], 5.0), self.skin)
        elif sp is Species.rabbit:
            p.fill(_oval(-14 * b, -24, 6.5, 6.5), self.belly)
        elif sp is Species.dragon:
            tail = _tube([(-6 * b, -20), (-26, -10), (-40, -20)], 8, round_cap=True)
            spade = _poly([(-40, -28), (-49, -20), (-40, -14), (-37, -20)], 1.5)
            p.fill(_union(tail, spade), self.skin)
        elif sp is Species.monster:
            p.fill(_tube([(-8 * b, -24), (-24, -18), (-30, -30)], 6), self.skin)

    def _legs(self, p: ShapePainter) -> None:
        b, sp = self.b, self.species
        long_cover = self.outfit == "robe"
        if sp is Species.human:
            if self.outfit in ("shirt", "coat"):
                leg_color = mix(darker(self.cloth, 0.5), (62, 66, 92), 0.55)
            elif self.outfit == "overalls":
                leg_color = self.cloth
            elif self.outfit == "armor":
                leg_color = (150, 156, 170)
            elif self.outfit == "tunic":
                leg_color = darker(self.cloth, 0.45)
            else:
                leg_color = self.skin
            shoe = (92, 62, 44) if self.outfit != "armor" else (110, 114, 128)
        else:
            leg_color = self.skin
            shoe = darker(self.skin, 0.18) if sp is not Species.monster else darker(self.skin, 0.25)
        for side in (-1, 1):
            if not long_cover:
                p.fill(_tube([(side * 6.5 * b, -26), (side * 7 * b, -4)], 9.0), leg_color)
            foot_x = side * 7.5 * b + 2.0
            p.fill(_oval(foot_x, -3.3, 7.2, 4.2), shoe)

    def _torso(self, p: ShapePainter) -> None:
        b, o, sp = self.b, self.outfit, self.species
        top = self.torso_top
        tw, bw = 12.5 * b, 14.5 * b
        if o == "none" or (sp is Species.monster and o == "none"):
            if sp is Species.monster:
                torso = _fuzzy_oval(0, -37, 16 * b, 17, 14, 2.2, random.Random(self.rng_seed + 1))
            else:
                torso = _poly([(-tw, top), (tw, top), (bw + 1, -20), (-bw - 1, -20)], 9 * b)
            p.fill(torso, self.skin)
            p.fill(_oval(self.fx * 0.4, -35, 9 * b, 12), self.belly, outline=0.0, shade=False)
            return
        cloth = self.cloth
        if o == "dress":
            body = _poly([(-tw, top), (tw, top), (13 * b, -40), (23 * b, -13), (-23 * b, -13), (-13 * b, -40)], 5)
            p.fill(body, cloth)
            p.fill(_rrect(-12.5 * b, -41, 12.5 * b, -37, 2), lighter(cloth, 0.45), outline=0.5)
            p.fill(_cut(body, _rrect(-30, -17, 30, -12, 0)), lighter(cloth, 0.3), outline=0.0)
        elif o == "robe":
            body = _poly([(-tw, top), (tw, top), (19 * b, -2), (-19 * b, -2)], 6)
            p.fill(body, cloth)
            p.fill(_cut(body, _rrect(-30, -34, 30, -29, 0)), self.accent, outline=0.6)
            p.fill(_poly([(-2, top), (4, top), (1.5, -40)], 1), lighter(cloth, 0.4), outline=0.5)
        elif o == "coat":
            body = _poly([(-tw - 1, top), (tw + 1, top), (bw + 4, -11), (-bw - 4, -11)], 6)
            p.fill(body, cloth)
            p.stroke(_tube([(1.5, top + 2), (1.5, -12)], 0.01), darker(cloth, 0.4), 0.9)
            for y in (-44, -36, -28, -20):
                p.fill(_oval(4.5, y, 1.5, 1.5), darker(cloth, 0.45), outline=0.0, shade=False)
            for side in (-1, 1):
                lapel = _poly([(side * 1.5, top), (side * 9 * b, top), (side * 2, -38)], 1)
                p.fill(lapel, lighter(cloth, 0.2), outline=0.5)
        elif o == "armor":
            metal = mix((176, 184, 198), cloth, 0.3)
            body = _poly([(-tw - 1, top), (tw + 1, top), (bw, -18), (-bw, -18)], 6)
            p.fill(body, metal)
            p.fill(_poly([(-7 * b, -48), (7 * b, -48), (0, -30)], 2), cloth, outline=0.6)
            p.fill(_rrect(-bw, -25, bw, -20, 1.5), darker(metal, 0.3), outline=0.6)
            for side in (-1, 1):
                p.fill(_oval(side * 13 * b, -48, 7.5, 6.0), lighter(metal, 0.1))
        elif o == "overalls":
            shirt = (246, 236, 214)
            p.fill(_poly([(-tw, top), (tw, top), (bw, -20), (-bw, -20)], 8 * b), shirt)
            p.fill(_poly([(-9 * b, -42), (9 * b, -42), (bw, -20), (-bw, -20)], 3), cloth)
            for side in (-1, 1):
                p.fill(_tube([(side * 8 * b, -41), (side * 9 * b, top + 1)], 3.0), cloth, outline=0.6)
                p.fill(_oval(side * 6.5 * b, -39.5, 1.4, 1.4), _GOLD, outline=0.4, shade=False)
            p.fill(_rrect(-4 * b, -37, 4 * b, -31, 1.5), darker(cloth, 0.15), outline=0.5)
        elif o == "tunic":
            body = _poly([(-tw, top), (tw, top), (bw + 2.5, -15), (-bw - 2.5, -15)], 6)
            p.fill(body, cloth)
            p.fill(_rrect(-bw - 1, -30, bw + 1, -26, 1.0), (110, 74, 46), outline=0.6)
            p.fill(_rrect(-2, -30.5, 2, -25.5, 0.6), _GOLD, outline=0.4, shade=False)
        else:  # shirt
            body = _poly([(-tw, top), (tw, top), (bw, -19), (-bw, -19)], 8 * b)
            p.fill(body, cloth)
            collar = _poly([(-6, top), (6, top), (1.5, -45)], 1.2)
            p.fill(collar, lighter(cloth, 0.55), outline=0.5)
        if self.species is not Species.human and o not in ("armor",):
            pass

    def _arms(self, p: ShapePainter) -> None:
        b, o = self.b, self.outfit
        sleeve = self.cloth if o in ("shirt", "coat", "tunic", "robe") else None
        if o == "armor":
            sleeve = mix((176, 184, 198), self.cloth, 0.3)
        if o == "overalls":
            sleeve = (246, 236, 214)
        if self.species is not Species.human and o == "none":
            sleeve = None
        for side in (-1, 1):
            sx, sy = side * 12.5 * b, -47.0
            hx, hy = side * (19.5 * b + 1.5), -27.0
            arm = _tube([(sx, sy), (side * (17 * b + 1), -38), (hx, hy)], 7.6)
            hand_color = self.skin
            if sleeve is not None and o != "dress":
                p.fill(arm, self.skin)
                if o == "robe":
                    cuff = _poly(
                        [
                            (sx - side * 2, sy - 3),
                            (sx + side * 4, sy - 2),
                            (hx + side * 5, hy - 2),
                            (hx - side * 5, hy - 1),
                        ],
                        2.5,
                    )
                    p.fill(cuff, sleeve)
                else:
                    upper = _tube([(sx, sy), (side * (17 * b + 1), -38), ((hx * 0.92), hy + (-3.5))], 8.4)
                    p.fill(upper, sleeve)
            else:
                p.fill(arm, self.skin)
                if o == "dress":
                    p.fill(_oval(sx + side * 1.5, sy + 1, 6, 5.5), self.cloth)
            p.fill(_oval(hx, hy + 1, 4.6, 4.6), hand_color)

    def _bird_body(self, p: ShapePainter) -> None:
        b = self.b
        leg = (238, 156, 52)
        for side in (-1, 1):
            x = side * 6 * b
            p.fill(_tube([(x, -14), (x, -3)], 2.4), leg, outline=0.6)
            foot = _union(_tube([(x, -2.5), (x + 5, -1.2)], 2.2), _tube([(x, -2.5), (x - 3, -1.5)], 2.2))
            p.fill(foot, leg, outline=0.6)
        body = _oval(0, -33, 19 * b, 23)
        p.fill(body, self.skin)
        p.fill(_oval(self.fx * 0.6, -29, 12 * b, 15), self.belly, outline=0.0, shade=False)
        if self.outfit not in ("none",):
            self._bird_clothes(p)
        for side in (-1, 1):
            wing = _rotated(_oval(side * 19 * b, -34, 6.5, 15), -side * 16, side * 19 * b, -46)
            tips = _cut(wing, _oval(side * 19 * b, -16, 12, 9))
            color = self.accent if self.accent != self.skin else darker(self.skin, 0.2)
            p.fill(wing, color)
            p.fill(tips, darker(color, 0.2), outline=0.0)
        if "scarf" in self.d.accessories:
            p.fill(_rrect(-14 * b, -55, 14 * b, -47, 4.5), self.accent)
            p.fill(_poly([(5 * b, -50), (11 * b, -50), (13 * b, -36), (6 * b, -37)], 2), darker(self.accent, 0.08))

    def _bird_clothes(self, p: ShapePainter) -> None:
        b = self.b
        vest = _cut(_oval(0, -33, 19 * b, 23), _rrect(-30, -52, 30, -20, 0))
        p.fill(
            _cut(vest, _poly([(-3, -56), (3, -56), (6, -18), (-6, -18)], 0), skia.PathOp.kDifference_PathOp), self.cloth
        )

    def _robot_body(self, p: ShapePainter) -> None:
        b = self.b
        metal = self.skin
        joint = darker(metal, 0.35)
        for side in (-1, 1):
            p.fill(_tube([(side * 7 * b, -24), (side * 7 * b, -6)], 5.0), joint, outline=0.7)
            p.fill(_rrect(side * 7 * b - 6 + 2, -8, side * 7 * b + 6 + 2, 0, 2.5), darker(metal, 0.1))
        for side in (-1, 1):
            p.fill(_tube([(side * 15 * b, -46), (side * 21 * b, -30)], 4.5), joint, outline=0.7)
            p.fill(_oval(side * 15 * b, -46, 4.5, 4.5), metal)
            claw = _cut(
                _oval(side * 21.5 * b, -27, 5, 5), _oval(side * 21.5 * b, -23, 2.8, 3), skia.PathOp.kDifference_PathOp
            )
            p.fill(claw, metal)
        torso = _rrect(-15 * b, -53, 15 * b, -20, 6)
        p.fill(torso, metal)
        if self.outfit != "none":
            p.fill(_cut(torso, _rrect(-40, -30, 40, -18, 0)), self.cloth, outline=0.6)
        p.fill(_rrect(-8 * b, -46, 8 * b, -33, 3), (38, 48, 70), outline=0.7, shade=False)
        for i, col in enumerate((self.accent, (120, 230, 140), (250, 210, 90))):
            p.flat(_oval(-4.5 * b + i * 4.5 * b, -39.5, 1.6, 1.6), col)
        if "scarf" in self.d.accessories:
            p.fill(_rrect(-15 * b, -57, 15 * b, -48, 4.5), self.accent)
            p.fill(_poly([(5 * b, -52), (11 * b, -52), (13 * b, -35), (6 * b, -36)], 2), darker(self.accent, 0.08))
        if "cape" in self.d.accessories:
            p.fill(_oval(0, -52, 3.2, 3.2), _GOLD, outline=0.6)

    # head layer ---------------------------------------------------------------------------

    def head(self, p: ShapePainter) -> None:
        sp, _d = self.species, self.d
        cx, cy = self.head_c
        rx, ry = self.head_r
        fx = self.fx
        self._ears_back(p)
        if sp is Species.robot:
            self._robot_head(p)
        else:
            if sp is Species.monster:
                head = _fuzzy_oval(cx, cy, rx, ry, 20, 2.6, random.Random(self.rng_seed))
            else:
                head = _oval(cx, cy, rx, ry)
            p.fill(head, self.skin)
            if sp is Species.fox:
                mask = _union(_oval(fx - 10, -62, 13, 10), _oval(fx + 10, -62, 13, 10))
                p.fill(_cut(head, mask), self.accent, outline=0.0, shade=False)
            if sp in (Species.cat, Species.dog, Species.bear, Species.mouse, Species.rabbit, Species.dragon):
                mw, mh = {Species.bear: (12, 9), Species.dog: (11, 8.5), Species.dragon: (14, 9.5)}.get(sp, (9, 7))
                p.fill(_oval(fx + 0.5, -61.5, mw, mh), self.belly, outline=0.5)
            self._nose(p)
            if sp in (Species.cat, Species.mouse, Species.rabbit, Species.fox):
                for side in (-1, 1):
                    for k, dy in enumerate((-1.5, 1.5)):
                        x0 = fx + side * 8
                        w = _tube([(x0, -64 + dy), (x0 + side * (13 - k * 2), -65 + dy * 2.2)], 0.01)
                        p.stroke(w, darker(self.skin, 0.55), 0.7)
            if self.blush:
                for side in (-1, 1):
                    p.flat(_oval(fx + side * 15.5, -63.5, 4.6, 2.8), (255, 120, 140), alpha=0.38)
            if self.freckles:
                for side in (-1, 1):
                    for k in range(3):
                        p.flat(_oval(fx + side * (13 + k * 2.2), -66 + (k % 2) * 1.5, 0.6, 0.6), darker(self.skin, 0.4))
        if sp is Species.human:
            self._hair_front(p)
        elif sp is Species.bird:
            for k, ang in enumerate((-25, 0, 25)):
                tuft = _rotated(_oval(0, -104, 3.2, 8), ang, 0, -97)
                p.fill(tuft, self.accent if k != 1 else darker(self.accent, 0.1))
        elif sp is Species.dragon:
            for x in (-8, 0, 8):
                p.fill(_poly([(x - 3.5, -98.5), (x + 3.5, -98.5), (x, -106)], 1.2), self.accent)
        self._ears_front(p)
        self._head_accessories(p)

    def _nose(self, p: ShapePainter) -> None:
        sp, fx = self.species, self.fx
        if sp is Species.human:
            p.stroke(_tube([(fx + 0.5, -67.8), (fx + 1.8, -66.4)], 0.01), darker(self.skin, 0.3), 1.3)
        elif sp in (Species.cat, Species.rabbit, Species.mouse):
            p.fill(_poly([(fx - 2.5, -66.5), (fx + 2.5, -66.5), (fx, -63.8)], 1.0), (236, 136, 150), outline=0.5)
        elif sp in (Species.dog, Species.bear, Species.fox):
            p.fill(_oval(fx + 0.5, -66, 3.6, 2.6), (42, 32, 36), outline=0.4)
            p.flat(_oval(fx - 0.6, -66.9, 1.2, 0.7), (255, 255, 255), alpha=0.7)
        elif sp is Species.dragon:
            for side in (-1, 1):
                p.flat(_oval(fx + side * 3.2, -66, 1.1, 0.8), darker(self.skin, 0.5))
        elif sp is Species.monster:
            p.fill(_oval(fx + 0.5, -66.5, 2.6, 2.0), darker(self.skin, 0.3), outline=0.4)

    def _ears_back(self, p: ShapePainter) -> None:
        sp = self.species
        inner = (240, 160, 172)
        if sp in (Species.cat, Species.fox):
            tall = 30 if sp is Species.fox else 24
            for side in (-1, 1):
                ear = _poly([(side * 8, -94), (side * 25, -84), (side * 22, -84 - tall)], 3.5)
                p.fill(ear, self.skin)
                in_ = _poly([(side * 12, -93), (side * 22, -87), (side * 20.5, -84 - tall + 7)], 2)
                p.flat(in_, inner if sp is Species.cat else darker(self.skin, 0.35))
        elif sp is Species.rabbit:
            for side in (-1, 1):
                ear = _rotated(_oval(side * 10, -110, 6.5, 20), side * 10, side * 10, -92)
                p.fill(ear, self.skin)
                p.flat(_rotated(_oval(side * 10, -110, 3.4, 15), side * 10, side * 10, -92), inner)
        elif sp in (Species.bear, Species.mouse):
            r = 8.5 if sp is Species.bear else 13
            x, y = (20, -94) if sp is Species.bear else (23, -92)
            for side in (-1, 1):
                p.fill(_oval(side * x, y, r, r), self.skin)
                p.flat(
                    _oval(side * x, y + 0.6, r * 0.55, r * 0.55),
                    inner if sp is Species.mouse else darker(self.skin, 0.25),
                )
        elif sp in (Species.dragon, Species.monster):
            horn = (246, 232, 200)
            for side in (-1, 1):
                h = _poly([(side * 9, -96), (side * 17, -93), (side * 21, -112)], 2.2)
                p.fill(h, horn)

    def _ears_front(self, p: ShapePainter) -> None:
        if self.species is Species.dog:
            for side in (-1, 1):
                ear = _rotated(_oval(side * 25, -80, 7.5, 15), -side * 18, side * 25, -92)
                p.fill(ear, darker(self.accent, 0.05) if self.accent != self.skin else darker(self.skin, 0.25))

    def _hair_front(self, p: ShapePainter) -> None:
        hair = self.accent
        cx, cy = self.head_c
        cap = _oval(cx, cy - 1.5, self.head_r[0] + 2.2, self.head_r[1] + 2.5)
        style = self.hair_style
        fringe: list[tuple[float, float]] = [(40, -130), (40, -66)]
        if style == 4:  # spiky
            fringe += [
                (24, -70),
                (18, -86),
                (12, -80),
                (6, -89),
                (0, -81),
                (-6, -88),
                (-12, -80),
                (-18, -86),
                (-24, -70),
            ]
        else:
            fringe += [(25, -70), (20, -82), (10, -87), (3, -84), (-4, -88), (-14, -86), (-22, -80), (-26, -68)]
        fringe += [(-40, -66), (-40, -130)]
        region = _poly(fringe, 2.5)
        front = _cut(cap, region)
        if style == 4:
            spikes = _union(*[_poly([(x - 5, -95), (x + 5, -95), (x + 2, -106)], 1.5) for x in (-14, -4, 6, 15)])
            front = _union(front, spikes)
        if style == 2:  # bun on top
            p.fill(_oval(-2, -102, 9, 7.5), hair)
        p.fill(front, hair)
        shine = _cut(front, _oval(-10, -96, 10, 3.6))
        p.flat(shine, lighter(p.color(hair), 0.35), alpha=0.55, raw=True)

    def _robot_head(self, p: ShapePainter) -> None:
        metal = self.skin
        for side in (-1, 1):
            p.fill(_rrect(side * 27 - 4, -84, side * 27 + 4, -66, 3), self.accent)
        head = _rrect(-26, -100, 26, -51, 11)
        p.fill(head, metal)
        fx = self.fx
        p.fill(_rrect(fx - 20, -91, fx + 20, -56, 8), (30, 38, 58), outline=0.7, shade=False)
        p.flat(_rrect(fx - 17, -89, fx - 5, -86.5, 1.2), (255, 255, 255), alpha=0.18)
        if "antenna" not in self.d.accessories:
            self._antenna(p)

    def _antenna(self, p: ShapePainter) -> None:
        top = -100 if self.species is Species.robot else -98
        p.fill(_tube([(0, top + 1), (2, top - 12)], 2.0), (120, 126, 140), outline=0.6)
        p.fill(_oval(2, top - 14, 3.8, 3.8), self.accent)
        p.flat(_oval(1, top - 15.2, 1.1, 1.1), (255, 255, 255), alpha=0.8)

    def _head_accessories(self, p: ShapePainter) -> None:
        acc = self.d.accessories
        ears_on_top = self.species in (Species.cat, Species.fox, Species.rabbit, Species.bear, Species.mouse)
        if "antenna" in acc:
            self._antenna(p)
        if "flower" in acc:
            x, y = -18.0, -93.0
            for k in range(5):
                a = k * 2 * math.pi / 5
                p.fill(
                    _oval(x + 3.6 * math.cos(a), y + 3.6 * math.sin(a), 3, 3),
                    lighter(self.acc, 0.2) if self.acc != self.skin else (250, 140, 170),
                    outline=0.5,
                )
            p.fill(_oval(x, y, 2.2, 2.2), (250, 210, 70), outline=0.5)
        if "bow" in acc:
            x, y = 15.0, -97.0
            for side in (-1, 1):
                p.fill(_poly([(x, y), (x + side * 9, y - 6), (x + side * 9, y + 5)], 2), self.acc)
            p.fill(_oval(x, y, 2.6, 2.6), darker(self.acc, 0.1))
        if "crown" in acc:
            base = -97.0 if not ears_on_top else -99.0
            crown = _poly(
                [
                    (-12, base),
                    (12, base),
                    (14, base - 13),
                    (7, base - 6),
                    (0, base - 15),
                    (-7, base - 6),
                    (-14, base - 13),
                ],
                1.2,
            )
            p.fill(crown, _GOLD)
            p.fill(_oval(0, base - 4, 2.0, 2.0), self.acc if self.acc != _GOLD else (210, 50, 60), outline=0.4)
        if "hat" in acc:
            hat = self.acc
            if self.outfit == "robe":  # a wizard's hat
                p.fill(_poly([(-16, -92), (18, -92), (4, -128), (-2, -124)], 2.5), hat)
                p.fill(_rrect(-26, -95, 28, -89, 3), darker(hat, 0.1))
                p.flat(_oval(4, -110, 1.6, 1.6), _GOLD)
            elif self.hat_kind == 0 or ears_on_top:  # a wide brimmed hat
                crown_w = 15 if not ears_on_top else 10
                p.fill(_rrect(-32, -94, 34, -88, 3), darker(hat, 0.08))
                p.fill(_poly([(-crown_w, -91), (crown_w + 1, -91), (crown_w - 2, -109), (-crown_w + 2, -109)], 4), hat)
                p.fill(_rrect(-crown_w, -96, crown_w + 1, -92, 1), lighter(self.cloth, 0.1), outline=0.5)
            elif self.hat_kind == 1:  # a beanie
                beanie = _cut(_oval(0, -86, 28.5, 22), _rrect(-40, -130, 40, -86, 0))
                p.fill(beanie, hat)
                p.fill(_rrect(-28.5, -90, 28.5, -84, 3), darker(hat, 0.1))
                p.fill(_oval(0, -109, 4, 4), lighter(hat, 0.4))
            else:  # a top hat
                p.fill(_rrect(-24, -96, 26, -90, 3), darker(hat, 0.1))
                p.fill(_rrect(-14, -122, 16, -93, 2.5), hat)
                p.fill(_rrect(-14, -99, 16, -95, 0.5), self.cloth, outline=0.5)

    # face layers --------------------------------------------------------------------------

    def eyes(self, p: ShapePainter, *, closed: bool) -> None:
        scale = self.look.eye_scale
        ink = _INK if self.species is not Species.robot else self.eye
        for side in (-1, 1):
            ex, ey = self.fx + side * self.eye_dx, self.eye_y
            if closed:
                lid = skia.Path()
                lid.moveTo(ex - 4.6 * scale, ey - 0.5)
                lid.quadTo(ex, ey + 3.6 * scale, ex + 4.6 * scale, ey - 0.5)
                p.stroke(lid, ink, 1.5 if self.species is not Species.robot else 2.2)
                continue
            if self.species is Species.robot:
                glow = self.eye
                p.flat(_oval(ex, ey, 5.8, 6.8), glow, alpha=0.25)
                p.flat(_oval(ex, ey, 3.6 * scale, 4.8 * scale), lighter(glow, 0.25))
                p.flat(_oval(ex - 1.0, ey - 1.8, 1.1, 1.4), (255, 255, 255), alpha=0.8)
                continue
            rx, ry = 4.7 * scale, 5.9 * scale
            if self.species in (Species.human, Species.dragon, Species.monster):
                p.fill(_oval(ex, ey, rx, ry), (255, 255, 255), outline=0.55, shade=False)
                ir = 3.9 * scale
                icx, icy = ex + 0.9, ey + 0.7
                iris = _cut(_oval(icx, icy, ir, ir * 1.1), _oval(ex, ey, rx, ry))
                p.flat(iris, self.eye)
                p.flat(_cut(_oval(icx, icy, ir * 0.55, ir * 0.6), _oval(ex, ey, rx, ry)), (20, 16, 24))
                lid = skia.Path()
                lid.moveTo(ex - rx - 0.6, ey - 0.5)
                lid.quadTo(ex, ey - ry * 1.55, ex + rx + 0.6, ey - 0.5)
                p.stroke(lid, _INK, 1.4 + (0.4 if self.look.gloss else 0))
            else:
                # animals: large dark glossy eyes tinted with the eye colour
                p.fill(_oval(ex, ey, rx * 0.86, ry * 0.95), mix(self.eye, (16, 12, 18), 0.55), outline=0.5, shade=False)
                p.flat(_oval(ex + 0.4, ey + 1.6, rx * 0.6, ry * 0.5), self.eye, alpha=0.6)
                icx, icy, ir = ex, ey, 3.5 * scale
            p.flat(_oval(icx - ir * 0.35, icy - ir * 0.45, ir * 0.36, ir * 0.38), (255, 255, 255), raw=True)
            if self.look.gloss:
                p.flat(_oval(icx + ir * 0.35, icy + ir * 0.4, ir * 0.18, ir * 0.18), (255, 255, 255), raw=True)

    def brows(self, p: ShapePainter, emotion: Emotion) -> None:
        inner, outer, arch, far = _BROWS[emotion]
        y = self.eye_y - 9.5 * max(1.0, self.look.eye_scale * 0.92)
        for side in (-1, 1):
            ex = self.fx + side * self.eye_dx
            lift = far if side < 0 else 0.0
            xi, xo = ex - side * 4.2, ex + side * 4.6
            path = skia.Path()
            path.moveTo(xi, y + inner + lift)
            path.quadTo(ex, y + arch + (inner + outer) / 2 + lift, xo, y + outer + lift)
            p.stroke(path, self.brow_color, 1.9 if self.species is not Species.robot else 2.2)

    def mouth(self, p: ShapePainter, viseme: Viseme, emotion: Emotion) -> None:
        if self.species is Species.bird:
            self._beak(p, viseme, emotion)
            return
        mx, my = self.fx + 0.5, self.mouth_y
        k = {Species.monster: 1.3, Species.dragon: 1.15}.get(self.species, 1.0)
        robot = self.species is Species.robot
        line = lighter(self.eye, 0.3) if robot else _INK
        inside = lighter(self.eye, 0.15) if robot else _MOUTH_INSIDE

        def sx(x: float) -> float:
            return mx + x * k

        def sy(y: float) -> float:
            return my + y * k

        def open_mouth(
            path: skia.Path, *, tongue: bool = True, upper_teeth: float = 0.0, lower_teeth: float = 0.0
        ) -> None:
            p.fill(path, inside, outline=0.6 if not robot else 0.0, shade=False)
            if robot:
                return
            bounds = path.computeTightBounds()
            if tongue:
                p.flat(
                    _cut(_oval(bounds.centerX(), bounds.bottom(), bounds.width() * 0.36, bounds.height() * 0.4), path),
                    _TONGUE,
                )
            if upper_teeth:
                p.flat(
                    _cut(
                        _rrect(bounds.left(), bounds.top() - 1, bounds.right(), bounds.top() + upper_teeth, 0.8), path
                    ),
                    _TEETH,
                )
            if lower_teeth:
                p.flat(
                    _cut(
                        _rrect(bounds.left(), bounds.bottom() - lower_teeth, bounds.right(), bounds.bottom() + 1, 0.8),
                        path,
                    ),
                    _TEETH,
                )
            stroke = p.outline_paint(p.color(inside), 0.6)
            if stroke is not None:
                p.canvas.drawPath(path, stroke)

        if viseme is Viseme.rest:
            path = skia.Path()
            if emotion in (Emotion.happy, Emotion.excited):
                w = 5.5 if emotion is Emotion.happy else 6.5
                path.moveTo(sx(-w), sy(-1.2))
                path.quadTo(sx(0), sy(-0.2), sx(w), sy(-1.2))
                path.quadTo(sx(0), sy(8.5 if emotion is Emotion.excited else 6.5), sx(-w), sy(-1.2))
                path.close()
                open_mouth(path, upper_teeth=1.4 if emotion is Emotion.excited else 0.0)
            elif emotion is Emotion.surprised:
                open_mouth(_oval(sx(0), sy(1.0), 2.6 * k, 3.2 * k), tongue=False)
            elif emotion in (Emotion.sad, Emotion.scared):
                if emotion is Emotion.sad:
                    path.moveTo(sx(-4.2), sy(2.2))
                    path.quadTo(sx(0), sy(-1.8), sx(4.2), sy(2.2))
                else:
                    path.moveTo(sx(-4.5), sy(1.0))
                    for i, x in enumerate((-2.2, 0.0, 2.2, 4.5)):
                        path.quadTo(sx(x - 1.1), sy(-0.6 if i % 2 == 0 else 2.2), sx(x), sy(1.0))
                p.stroke(path, line, 1.5)
            elif emotion is Emotion.angry:
                path.moveTo(sx(-4.6), sy(1.6))
                path.quadTo(sx(0), sy(-0.8), sx(4.6), sy(1.6))
                p.stroke(path, line, 1.8)
            elif emotion is Emotion.thoughtful:
                path.moveTo(sx(-1.5), sy(0.8))
                path.quadTo(sx(1.5), sy(0.2), sx(4.2), sy(-0.6))
                p.stroke(path, line, 1.5)
            else:
                path.moveTo(sx(-4.2), sy(-0.4))
                path.quadTo(sx(0), sy(2.8), sx(4.2), sy(-0.4))
                p.stroke(path, line, 1.5)
        elif viseme is Viseme.mbp:
            if not robot:
                p.flat(_oval(sx(0), sy(0.5), 4.8 * k, 2.2 * k), _LIP, alpha=0.85)
            path = skia.Path()
            path.moveTo(sx(-4.6), sy(0.5))
            path.quadTo(sx(0), sy(0.9), sx(4.6), sy(0.5))
            p.stroke(path, line, 1.7)
        elif viseme is Viseme.ai:
            path = skia.Path()
            path.moveTo(sx(-6.2), sy(-2.2))
            path.quadTo(sx(0), sy(-3.4), sx(6.2), sy(-2.2))
            path.cubicTo(sx(6.0), sy(6.0), sx(3.0), sy(8.6), sx(0), sy(8.6))
            path.cubicTo(sx(-3.0), sy(8.6), sx(-6.0), sy(6.0), sx(-6.2), sy(-2.2))
            path.close()
            open_mouth(path, upper_teeth=1.8)
        elif viseme is Viseme.e:
            open_mouth(
                _rrect(sx(-6.8), sy(-1.6), sx(6.8), sy(2.8), 2.2 * k), tongue=False, upper_teeth=1.3, lower_teeth=0.9
            )
        elif viseme is Viseme.o:
            o = _oval(sx(0), sy(1.5), 3.3 * k, 4.3 * k)
            if not robot:
                p.flat(_oval(sx(0), sy(1.5), 4.6 * k, 5.6 * k), _LIP, alpha=0.8)
            open_mouth(o)
        elif viseme is Viseme.fv:
            if not robot:
                lower = skia.Path()
                lower.moveTo(sx(-5.2), sy(1.2))
                lower.quadTo(sx(0), sy(4.6), sx(5.2), sy(1.2))
                lower.quadTo(sx(0), sy(2.4), sx(-5.2), sy(1.2))
                p.flat(lower, _LIP)
            slot = _rrect(sx(-5.0), sy(-1.4), sx(5.0), sy(1.6), 1.4 * k)
            p.fill(slot, inside, outline=0.5 if not robot else 0.0, shade=False)
            if robot:
                return
            teeth = _rrect(sx(-3.6), sy(-1.4), sx(3.6), sy(2.4), 0.8)
            p.fill(teeth, _TEETH, outline=0.4, shade=False)
            p.stroke(_tube([(sx(0), sy(-1.2)), (sx(0), sy(2.2))], 0.01), (200, 200, 200), 0.4)
        if self.species is Species.monster and viseme is not Viseme.mbp:
            for side in (-1, 1):
                fang = _poly([(sx(side * 3.6), sy(-0.6)), (sx(side * 1.8), sy(-0.6)), (sx(side * 2.8), sy(3.2))], 0.6)
                p.fill(fang, _TEETH, outline=0.4, shade=False)

    def _beak(self, p: ShapePainter, viseme: Viseme, emotion: Emotion) -> None:
        fx = self.fx + 0.5
        top_y = -68.0
        gape = {Viseme.rest: 0.0, Viseme.mbp: 0.0, Viseme.ai: 6.0, Viseme.e: 2.6, Viseme.o: 4.2, Viseme.fv: 1.4}[viseme]
        if viseme is Viseme.rest and emotion in (Emotion.happy, Emotion.excited, Emotion.surprised):
            gape = 2.4
        width = {Viseme.e: 7.5, Viseme.o: 4.6, Viseme.mbp: 6.6}.get(viseme, 6.0)
        beak_color = (245, 168, 56)
        if gape:
            p.fill(
                _oval(fx, top_y + 3.2 + gape / 2, width * 0.8, gape / 2 + 1.2), _MOUTH_INSIDE, outline=0.6, shade=False
            )
        lower = _poly(
            [(fx - width * 0.8, top_y + 3 + gape), (fx + width * 0.8, top_y + 3 + gape), (fx, top_y + 7 + gape)], 1.5
        )
        p.fill(lower, darker(beak_color, 0.12), outline=0.6)
        upper_tip = 8.0 if viseme is not Viseme.mbp else 6.5
        upper = _poly([(fx - width, top_y), (fx + width, top_y), (fx, top_y + upper_tip)], 2)
        p.fill(upper, beak_color, outline=0.6)
        if viseme is Viseme.fv:
            p.stroke(_tube([(fx - 2, top_y + 4.5), (fx + 2, top_y + 4.5)], 0.01), (255, 255, 255), 1.0)

    def front(self, p: ShapePainter) -> None:
        if "glasses" not in self.d.accessories:
            return
        frame = (70, 50, 44)
        r = 6.6 * max(1.0, self.look.eye_scale * 0.9)
        for side in (-1, 1):
            ex = self.fx + side * self.eye_dx
            p.flat(_oval(ex, self.eye_y, r, r), (220, 240, 255), alpha=0.22)
            ring = _cut(
                _oval(ex, self.eye_y, r + 0.8, r + 0.8),
                _oval(ex, self.eye_y, r - 0.8, r - 0.8),
                skia.PathOp.kDifference_PathOp,
            )
            p.flat(ring, frame)
        bridge = skia.Path()
        bridge.moveTo(self.fx - self.eye_dx + r, self.eye_y - 1)
        bridge.quadTo(self.fx, self.eye_y - 3.5, self.fx + self.eye_dx - r, self.eye_y - 1)
        p.stroke(bridge, frame, 1.4)


# -- compositing and the cast sheet ------------------------------------------------------------


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


def cast_sheet(film: Film, width: int = 1600) -> np.ndarray:
    """Every cast member in the film's style, side by side, with name and role: (h, w, 3) uint8 RGB."""
    from PIL import Image, ImageDraw

    members = list(film.cast)
    count = max(1, len(members))
    cell = width / count
    figure = int(min(cell * 0.95, width * 0.3, 440))
    label_h = max(40, int(figure * 0.28))
    top = int(figure * 0.32)
    height = top + figure + label_h + 10
    floor = top + figure
    look = look_for(film.style)
    back = lighter(look.treat((236, 226, 210)), 0.2)
    ramp = np.linspace(0.0, 1.0, height)[:, None, None]
    lo = np.array(darker(back, 0.08), dtype=float)
    hi = np.array(back, dtype=float)
    sheet = (hi + (lo - hi) * ramp**1.5).repeat(width, axis=1).astype(np.uint8)
    sheet = np.ascontiguousarray(sheet)
    name_font = load_font(max(12, int(label_h * 0.36)), weight=700)
    role_font = load_font(max(10, int(label_h * 0.26)), weight=400)
    placements: list[tuple[int, str, str]] = []
    for index, member in enumerate(members):
        rig = CharacterRig(member, film.style)
        design = rig.design
        cx = int(cell * (index + 0.5))
        h = int(figure * 0.78 * design.height)
        sprite = rig.sprite(h, Pose(emotion=Emotion.happy))
        shadow = np.zeros((max(2, h // 10), max(4, h // 2), 4), np.uint8)
        sh_surface = rgba_surface(shadow)
        sh_canvas = sh_surface.getCanvas()
        sh_canvas.drawOval(
            skia.Rect.MakeWH(shadow.shape[1], shadow.shape[0]),
            skia.Paint(AntiAlias=True, Color=argb((0, 0, 0), 0.18)),
        )
        del sh_canvas, sh_surface
        composite_sprite(sheet, Sprite(shadow, (shadow.shape[1] // 2, shadow.shape[0] // 2)), (cx, floor))
        composite_sprite(sheet, sprite, (cx, floor))
        placements.append((cx, member.name, member.role))
    image = Image.fromarray(sheet)
    draw = ImageDraw.Draw(image)
    ink = darker(look.treat((80, 60, 50)), 0.2)
    for cx, name, role in placements:
        draw.text(
            (cx, floor + label_h * 0.1), _fit(draw, name, name_font, cell * 0.92), font=name_font, fill=ink, anchor="ma"
        )
        draw.text(
            (cx, floor + label_h * 0.58),
            _fit(draw, role, role_font, cell * 0.92),
            font=role_font,
            fill=mix(ink, back, 0.4),
            anchor="ma",
        )
    if not members:
        draw.text((width // 2, height // 2), "No cast yet", font=name_font, fill=ink, anchor="mm")
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


def _fit(draw: object, text: str, font: object, max_width: float) -> str:
    """``text`` shortened with an ellipsis until it fits ``max_width`` pixels."""
    measure = draw.textlength  # type: ignore[attr-defined]
    if measure(text, font=font) <= max_width:
        return text
    while text and measure(text + "…", font=font) > max_width:
        text = text[:-1]
    return text + "…"
