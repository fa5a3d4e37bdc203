"""Props: the things set in a scene or held and handed over, every :class:`Prop` in every style.

Each prop is a :class:`PropArt`: a drawing in unit space where 100 units are an adult person's
height, its ground contact at the origin (y grows downwards, so the prop lies at y < 0), the
box it stays inside and the point a hand holds it by. :func:`render_prop` draws one at a pixel
scale as a premultiplied RGBA :class:`PropPicture` (cached), :func:`prop_look` reads the few
words of a scene prop's note the drawing can show (a colour, big or small, lit or out, open,
broken), and :func:`prop_thumbnail` is the small picture a prop picker shows.

The drawings live by family in :mod:`.food`, :mod:`.garden`, :mod:`.things`, :mod:`.play`
and :mod:`.large`; this module holds the registry they fill.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import skia

from render_farm.engine.styles import RGB, ShapePainter, argb, look_for, rgba_surface
from render_farm.film.spec import Prop, Style

__all__ = [
    "PROPS",
    "PropArt",
    "PropLook",
    "PropPainter",
    "PropPicture",
    "prop_look",
    "prop_thumbnail",
    "register",
    "render_prop",
]

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class PropLook:
    """What a scene prop's note changes in its drawing."""

    colour: RGB | None = None  # replaces the prop's main colour
    scale: float = 1.0
    lit: bool | None = None  # a lantern, candle or campfire burning (None: when it is dark)
    open: bool = False
    broken: bool = False


class PropPainter:
    """A :class:`ShapePainter` with what a prop drawing needs besides: its look and the dark."""

    def __init__(self, painter: ShapePainter, look: PropLook, dark: bool) -> None:
        self.p = painter
        self.look = look
        self.lit = look.lit if look.lit is not None else dark

    def main(self, rgb: RGB) -> RGB:
        """The prop's main colour: its own, or the one its note names."""
        return self.look.colour or rgb

    def fill(self, path: skia.Path, rgb: RGB, *, outline: float = 0.7, shade: bool = True, alpha: float = 1.0) -> None:
        self.p.fill(path, rgb, outline=outline, shade=shade, alpha=alpha)

    def flat(self, path: skia.Path, rgb: RGB, *, alpha: float = 1.0) -> None:
        self.p.flat(path, rgb, alpha=alpha)

    def line(self, path: skia.Path, rgb: RGB, width: float, *, alpha: float = 1.0) -> None:
        self.p.stroke(path, rgb, width, alpha=alpha)

    def glow(self, path: skia.Path, rgb: RGB, alpha: float = 1.0) -> None:
        """A light source, drawn unshaded and bright."""
        self.p.flat(path, self.p.look.treat(rgb), alpha=alpha, raw=True)

    def halo(self, x: float, y: float, radius: float, rgb: RGB, alpha: float) -> None:
        paint = skia.Paint(AntiAlias=True)
        colour = self.p.look.treat(rgb)
        paint.setShader(
            skia.GradientShader.MakeRadial(
                skia.Point(x, y), radius, [argb(colour, alpha), argb(colour, 0.0)], [0.0, 1.0]
            )
        )
        self.p.canvas.drawCircle(x, y, radius, paint)


@dataclass(frozen=True)
class PropArt:
    """How one prop is drawn: ``draw`` paints it inside ``box`` (left, top, right, bottom in
    units, the ground at y = 0); ``grip`` is where a hand holds it."""

    draw: Callable[[PropPainter], None]
    box: Box
    grip: tuple[float, float] = (0.0, 0.0)

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


PROPS: dict[Prop, PropArt] = {}


def register(
    prop: Prop, box: Box, grip: tuple[float, float] | None = None
) -> Callable[[Callable[[PropPainter], None]], Callable[[PropPainter], None]]:
    """Record the decorated drawing as ``prop``'s; the grip defaults to the middle of its box."""

    def record(draw: Callable[[PropPainter], None]) -> Callable[[PropPainter], None]:
        where = grip if grip is not None else ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        PROPS[prop] = PropArt(draw, box, where)
        return draw

    return record


@dataclass(frozen=True)
class PropPicture:
    """A prop drawn at a pixel scale: premultiplied RGBA (read-only), where its ground contact
    (the unit-space origin) and its grip fall on the picture."""

    pixels: np.ndarray
    base: tuple[float, float]
    grip: tuple[float, float]


_COLOURS: dict[str, RGB] = {
    "red": (214, 60, 56),
    "orange": (240, 140, 50),
    "yellow": (246, 210, 70),
    "green": (80, 160, 80),
    "blue": (70, 120, 210),
    "purple": (140, 90, 190),
    "pink": (240, 140, 180),
    "white": (246, 244, 238),
    "black": (50, 48, 54),
    "brown": (140, 96, 60),
    "grey": (150, 150, 156),
    "gray": (150, 150, 156),
    "gold": (240, 194, 60),
    "golden": (240, 194, 60),
    "silver": (200, 206, 216),
}
_BIG = {"big", "large", "huge", "giant", "enormous", "great"}
_SMALL = {"small", "little", "tiny", "wee"}
_LIT = {"lit", "glowing", "shining", "burning", "bright", "blazing"}
_OUT = {"unlit", "dark", "out", "snuffed", "cold"}
_OPEN = {"open", "opened"}
_BROKEN = {"broken", "cracked", "torn", "smashed"}


def prop_look(note: str) -> PropLook:
    """The look a scene prop's note gives it: the first colour word, big or small, lit or out,
    open, broken (any other words change nothing)."""
    words = re.findall(r"[a-z]+", note.lower())
    colour = next((_COLOURS[w] for w in words if w in _COLOURS), None)
    scale = 1.35 if _BIG & set(words) else 0.75 if _SMALL & set(words) else 1.0
    lit = True if _LIT & set(words) else False if _OUT & set(words) else None
    return PropLook(
        colour=colour, scale=scale, lit=lit, open=bool(_OPEN & set(words)), broken=bool(_BROKEN & set(words))
    )


@lru_cache(maxsize=512)
def render_prop(
    prop: Prop,
    style: Style,
    person_px: float,
    look: PropLook = PropLook(),
    dark: bool = False,
    facing: int = 1,
    outline: float = 1.0,
) -> PropPicture:
    """``prop`` drawn for characters ``person_px`` pixels tall (an adult's height), in ``style``;
    ``facing`` -1 mirrors it; ``dark`` lights its lamps and flames; ``outline`` scales the
    outline (a thumbnail blown up to fill its square keeps its lines fine)."""
    art = PROPS[Prop(prop)]
    scale = person_px / 100.0 * look.scale
    pad = 2.0 + look_for(style).outline_width * person_px
    left, top, right, bottom = art.box
    width = max(1, math.ceil((right - left) * scale + 2 * pad))
    height = max(1, math.ceil((bottom - top) * scale + 2 * pad))
    pixels = np.zeros((height, width, 4), np.uint8)
    surface = rgba_surface(pixels)
    canvas = surface.getCanvas()
    ox, oy = pad - left * scale, pad - top * scale
    canvas.translate(ox, oy)
    canvas.scale(scale, scale)
    art.draw(PropPainter(ShapePainter(canvas, look_for(style), unit=outline), look, dark))
    del canvas, surface
    base, grip = (ox, oy), (ox + art.grip[0] * scale, oy + art.grip[1] * scale)
    if facing < 0:
        pixels = np.ascontiguousarray(pixels[:, ::-1])
        base, grip = (width - base[0], base[1]), (width - grip[0], grip[1])
    pixels.flags.writeable = False
    return PropPicture(pixels, base, grip)


def prop_thumbnail(prop: Prop, style: Style, size: int = 96) -> np.ndarray:
    """A small square picture of ``prop`` on a light ground for a picker: (size, size, 3) uint8 RGB."""
    art = PROPS[Prop(prop)]
    longest = max(art.box[2] - art.box[0], art.box[3] - art.box[1])
    person_px = size * 0.78 * 100 / longest
    # as thick as a prop's outline is in a frame of about this size, however far it is blown up
    outline = min(1.0, max(0.3, 2.5 * size / person_px))
    picture = render_prop(Prop(prop), Style(style), person_px, outline=outline)
    frame = np.empty((size, size, 3), np.uint8)
    frame[...] = look_for(style).treat((244, 238, 226))
    ph, pw = picture.pixels.shape[:2]
    y0, x0 = (size - ph) // 2, (size - pw) // 2
    sy, sx = max(0, -y0), max(0, -x0)
    y0, x0 = max(0, y0), max(0, x0)
    h, w = min(ph - sy, size - y0), min(pw - sx, size - x0)
    src = picture.pixels[sy : sy + h, sx : sx + w].astype(np.uint16)
    dst = frame[y0 : y0 + h, x0 : x0 + w].astype(np.uint16)
    frame[y0 : y0 + h, x0 : x0 + w] = ((dst * (255 - src[..., 3:4]) + 127) // 255 + src[..., :3]).clip(0, 255)
    return frame


# The drawings register themselves as they load (they need the names above, so they come last).
from . import food, garden, large, play, things  # noqa: E402, F401
