"""Visual styles: how each :class:`Style` treats colour, outline and shading.

This module owns the :class:`Look` of every style and the small drawing kit that the character
rig and the backgrounds share, so both follow one treatment:

* ``storybook`` -- warm, slightly muted palette, ``soft`` gradient shading, thin brown outline,
  a paper grain on backgrounds.
* ``anime`` -- bright saturated colours, ``cel`` shading (one hard shadow band), thin dark outline,
  big glossy eyes.
* ``comic`` -- flat saturated colours, ``halftone`` dot shadows, bold black outline.
* ``pastel`` -- light desaturated palette, ``flat`` shading with a faint glow, a soft outline tinted
  from each shape's own colour.

Everything here is deterministic: no randomness, no global state besides small caches of
immutable shaders.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from functools import cache

import numpy as np
import skia

from render_farm.film.spec import Style

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Look:
    """How a style draws.

    ``shading`` is one of ``"soft"`` (diagonal light-to-shade gradient), ``"cel"`` (flat fill plus
    one hard-edged shadow band), ``"halftone"`` (flat fill plus a dotted shadow band) or ``"flat"``
    (a flat fill with a faint glow, no shadow band).
    """

    style: Style
    outline_width: float  # relative to character height
    outline_color: RGB
    shading: str
    saturation: float  # multiplies HSV saturation
    lightness: float = 0.0  # 0..1: how far colours are mixed towards white
    tint: RGB = (255, 255, 255)  # colour every fill is nudged towards
    tint_amount: float = 0.0
    outline_tinted: bool = False  # outline is a darker version of the fill instead of outline_color
    outline_alpha: float = 1.0
    shadow_strength: float = 0.25  # how much darker the shadow side is (0..1)
    eye_scale: float = 1.0
    gloss: bool = False  # white specular highlights on heads and eyes
    texture: str = "none"  # background treatment: "paper", "dots", "none"
    background_outline: float = 0.5  # background outline width as a fraction of the character one

    def treat(self, rgb: RGB) -> RGB:
        """The colour as this style paints it (saturation, lightness and tint applied)."""
        r, g, b = (c / 255.0 for c in rgb)
        h, s, v = colorsys.rgb_to_hsv(r, g, b)
        s = min(1.0, s * self.saturation)
        r, g, b = colorsys.hsv_to_rgb(h, s, v)
        out = np.array([r, g, b]) * 255.0
        if self.lightness:
            out = out + (255.0 - out) * self.lightness
        if self.tint_amount:
            out = out * (1 - self.tint_amount) + np.array(self.tint, dtype=float) * self.tint_amount
        return tuple(round(min(255.0, max(0.0, c))) for c in out)  # type: ignore[return-value]


_LOOKS: dict[Style, Look] = {
    Style.storybook: Look(
        style=Style.storybook,
        outline_width=0.009,
        outline_color=(92, 62, 40),
        shading="soft",
        saturation=0.82,
        tint=(255, 226, 180),
        tint_amount=0.12,
        shadow_strength=0.22,
        texture="paper",
        background_outline=0.6,
    ),
    Style.anime: Look(
        style=Style.anime,
        outline_width=0.007,
        outline_color=(44, 32, 48),
        shading="cel",
        saturation=1.3,
        tint=(255, 250, 255),
        tint_amount=0.04,
        shadow_strength=0.28,
        eye_scale=1.28,
        gloss=True,
        background_outline=0.0,
    ),
    Style.comic: Look(
        style=Style.comic,
        outline_width=0.02,
        outline_color=(16, 14, 18),
        shading="halftone",
        saturation=1.35,
        shadow_strength=0.45,
        texture="dots",
        background_outline=0.45,
    ),
    Style.pastel: Look(
        style=Style.pastel,
        outline_width=0.006,
        outline_color=(160, 140, 170),
        shading="flat",
        saturation=0.7,
        lightness=0.26,
        tint=(255, 236, 246),
        tint_amount=0.08,
        outline_tinted=True,
        outline_alpha=0.75,
        shadow_strength=0.12,
        background_outline=0.0,
    ),
}


def look_for(style: Style) -> Look:
    """The look of ``style``."""
    return _LOOKS[Style(style)]


# -- colour helpers ----------------------------------------------------------------------------


def hex_rgb(value: str) -> RGB:
    """``"#rrggbb"`` as an (r, g, b) tuple."""
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear mix of two colours: ``t=0`` is ``a``, ``t=1`` is ``b``."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def darker(rgb: RGB, amount: float) -> RGB:
    """``rgb`` darkened by ``amount`` (0..1), keeping a little of its hue in the shade."""
    r, g, b = (c / 255.0 for c in rgb)
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    v *= 1 - amount
    s = min(1.0, s * (1 + amount * 0.4))
    return tuple(round(c * 255) for c in colorsys.hsv_to_rgb(h, s, v))  # type: ignore[return-value]


def lighter(rgb: RGB, amount: float) -> RGB:
    return mix(rgb, (255, 255, 255), amount)


def color4f(rgb: RGB, alpha: float = 1.0) -> skia.Color4f:
    return skia.Color4f(rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0, alpha)


def argb(rgb: RGB, alpha: float = 1.0) -> int:
    return skia.ColorSetARGB(round(alpha * 255), rgb[0], rgb[1], rgb[2])


# -- pixels ----------------------------------------------------------------------------------


def rgba_surface(pixels: np.ndarray) -> skia.Surface:
    """A skia surface drawing straight into ``pixels`` ((h, w, 4) uint8, premultiplied RGBA)."""
    return skia.Surface(pixels, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)


@cache
def halftone_tile(period: int, radius_frac: float = 0.36) -> skia.Image:
    """A repeating tile with one anti-aliased dark dot: the halftone screen of the comic style."""
    tile = np.zeros((period, period, 4), np.uint8)
    surface = rgba_surface(tile)
    canvas = surface.getCanvas()
    paint = skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(255, 0, 0, 0))
    half = period / 2.0
    canvas.drawCircle(half, half, period * radius_frac, paint)
    del canvas, surface
    return skia.Image.fromarray(tile, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)


def halftone_paint(period: float, rgb: RGB, alpha: float) -> skia.Paint:
    """A paint that fills with dots of ``rgb``; ``period`` is the dot spacing in canvas units."""
    size = 16
    shader = halftone_tile(size).makeShader(
        skia.TileMode.kRepeat,
        skia.TileMode.kRepeat,
        skia.SamplingOptions(skia.FilterMode.kLinear),
        skia.Matrix.Scale(period / size, period / size).postRotate(45),
    )
    paint = skia.Paint(AntiAlias=True)
    paint.setShader(shader)
    paint.setColorFilter(skia.ColorFilters.Blend(argb(rgb), skia.BlendMode.kSrcIn))
    paint.setAlphaf(alpha)
    return paint


# -- shapes ------------------------------------------------------------------------------------


class ShapePainter:
    """Fills and outlines paths the way a :class:`Look` says.

    ``unit`` is the size in canvas units of one percent of the character height (or, for
    backgrounds, of the picture height), so outline widths and halftone dots scale with it.
    Colours passed in are raw design colours; the painter applies :meth:`Look.treat` itself,
    plus an optional ``light`` multiplier (the time-of-day lighting of backgrounds).
    """

    def __init__(self, canvas: skia.Canvas, look: Look, unit: float, light: tuple[float, float, float] = (1, 1, 1)):
        self.canvas = canvas
        self.look = look
        self.unit = unit
        self.light = light

    def color(self, rgb: RGB) -> RGB:
        treated = self.look.treat(rgb)
        if self.light == (1, 1, 1):
            return treated
        return tuple(int(min(255, c * k)) for c, k in zip(treated, self.light, strict=True))  # type: ignore[return-value]

    def outline_paint(self, fill: RGB, scale: float = 1.0) -> skia.Paint | None:
        width = self.look.outline_width * 100 * self.unit * scale
        if width <= 0:
            return None
        color = darker(fill, 0.45) if self.look.outline_tinted else self.color(self.look.outline_color)
        if self.look.outline_tinted:
            color = tuple(int(min(255, c * k)) for c, k in zip(color, self.light, strict=True))  # type: ignore[assignment]
        paint = skia.Paint(
            AntiAlias=True,
            Style=skia.Paint.kStroke_Style,
            StrokeWidth=width,
            StrokeJoin=skia.Paint.kRound_Join,
            StrokeCap=skia.Paint.kRound_Cap,
            Color=argb(color, self.look.outline_alpha),
        )
        return paint

    def fill(
        self,
        path: skia.Path,
        rgb: RGB,
        *,
        outline: float = 1.0,
        shade: bool = True,
        alpha: float = 1.0,
        raw: bool = False,
    ) -> None:
        """Fill ``path`` with ``rgb`` in the look's shading, then outline it (``outline`` scales the width)."""
        canvas = self.canvas
        base = rgb if raw else self.color(rgb)
        bounds = path.computeTightBounds()
        w, h = bounds.width(), bounds.height()
        paint = skia.Paint(AntiAlias=True)
        shading = self.look.shading if shade else "none"
        if shading == "soft":
            paint.setShader(
                skia.GradientShader.MakeLinear(
                    [skia.Point(bounds.left(), bounds.top()), skia.Point(bounds.right(), bounds.bottom())],
                    [
                        argb(lighter(base, 0.14), alpha),
                        argb(base, alpha),
                        argb(darker(base, self.look.shadow_strength), alpha),
                    ],
                    [0.0, 0.45, 1.0],
                )
            )
        elif shading == "flat":
            cx, cy = bounds.centerX() - w * 0.15, bounds.centerY() - h * 0.2
            paint.setShader(
                skia.GradientShader.MakeRadial(
                    skia.Point(cx, cy),
                    max(1e-3, max(w, h) * 0.8),
                    [
                        argb(lighter(base, 0.12), alpha),
                        argb(base, alpha),
                        argb(darker(base, self.look.shadow_strength), alpha),
                    ],
                    [0.0, 0.6, 1.0],
                )
            )
        else:
            paint.setColor(argb(base, alpha))
        canvas.drawPath(path, paint)
        if shading in ("cel", "halftone") and min(w, h) > 0:
            offset = min(w, h) * 0.2 + 0.6 * self.unit
            moved = skia.Path(path)
            moved.offset(-offset * 0.8, -offset * 0.6)
            band = skia.Op(path, moved, skia.PathOp.kDifference_PathOp)
            if band is not None:
                if shading == "cel":
                    shadow = skia.Paint(AntiAlias=True, Color=argb(darker(base, self.look.shadow_strength), alpha))
                else:
                    shadow = halftone_paint(max(2.5, 1.6 * self.unit), darker(base, 0.55), 0.55 * alpha)
                canvas.drawPath(band, shadow)
        if outline:
            stroke = self.outline_paint(base, outline)
            if stroke is not None:
                if alpha < 1:
                    stroke.setAlphaf(stroke.getAlphaf() * alpha)
                canvas.drawPath(path, stroke)

    def stroke(self, path: skia.Path, rgb: RGB, width: float, *, alpha: float = 1.0, raw: bool = False) -> None:
        """A plain round-capped line (no shading) of ``width`` canvas units."""
        paint = skia.Paint(
            AntiAlias=True,
            Style=skia.Paint.kStroke_Style,
            StrokeWidth=width,
            StrokeJoin=skia.Paint.kRound_Join,
            StrokeCap=skia.Paint.kRound_Cap,
            Color=argb(rgb if raw else self.color(rgb), alpha),
        )
        self.canvas.drawPath(path, paint)

    def flat(self, path: skia.Path, rgb: RGB, *, alpha: float = 1.0, raw: bool = False) -> None:
        """A plain fill, no shading, no outline (eyes' whites, highlights, windows...)."""
        paint = skia.Paint(AntiAlias=True, Color=argb(rgb if raw else self.color(rgb), alpha))
        self.canvas.drawPath(path, paint)
