"""Headwear: every hat, cap, helmet and crown a costume names, fitted to any head.

Each piece is drawn in a reference frame -- the top of a child's head at ``y = 0``, the head 27
units wide either side and 25 high, its centre at ``(0, 25)`` -- then scaled onto the figure's
head (:attr:`~render_farm.engine.art.figure.Figure.crown`), so a toque fits a person, a fox and a
duck alike. Outlines keep their width whatever the scale. :func:`draw_headwear_back` is the part
behind the body (a bride's veil); :func:`draw_headwear_front` the glass of a space helmet.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import skia

from render_farm.engine.styles import RGB, ShapePainter, darker, hex_rgb, lighter

from .figure import GOLD, Figure
from .shapes import cut, oval, poly, rrect, tube, union

__all__ = ["HATS", "covers_hair", "draw_headwear", "draw_headwear_back", "draw_headwear_front", "hat_color", "star"]

_WHITE: RGB = (250, 249, 245)
_BLACK: RGB = (36, 34, 40)


def hat_color(fig: Figure) -> RGB:
    return hex_rgb(fig.c.hat_color) if fig.c.hat_color else fig.cloth


def covers_hair(fig: Figure) -> bool:
    return fig.c.hides_hair or fig.c.hat in ("headcloth", "knight_helmet")


def _dome(cx: float, cy: float, rx: float, ry: float, cut_y: float) -> skia.Path:
    return cut(oval(cx, cy, rx, ry), rrect(cx - rx - 2, cy - ry - 2, cx + rx + 2, cut_y, 0))


def _baker_cap(p: ShapePainter, c: RGB) -> None:
    p.fill(oval(0, -4, 23, 10), c)
    p.fill(rrect(-20, 0, 21, 8, 3), darker(c, 0.05))


def _toque(p: ShapePainter, c: RGB) -> None:
    puff = union(oval(-11, -17, 11, 13), oval(0, -24, 13, 15), oval(11, -17, 11, 13), rrect(-16, -16, 16, 4, 2))
    p.fill(puff, c)
    for x in (-8, 0, 8):
        p.stroke(tube([(x, -2), (x * 1.2, -20)], 0.01), darker(c, 0.12), 0.8)
    p.fill(rrect(-17, -1, 18, 8, 2), darker(c, 0.04))


def _witch(p: ShapePainter, c: RGB) -> None:
    p.fill(oval(2, 6, 40, 6.5), darker(c, 0.1))
    cone = poly([(-17, 5), (20, 5), (12, -26), (24, -40), (4, -30)], 2.5)
    p.fill(cone, c)
    p.fill(rrect(-16.5, -1, 19.5, 5, 1), (130, 70, 170))
    p.fill(rrect(-1, -1.5, 4, 5.5, 0.8), GOLD, outline=0.5, shade=False)


def _wizard(p: ShapePainter, c: RGB) -> None:
    cone = poly([(-19, 6), (21, 6), (10, -34), (-4, -44), (2, -32)], 3)
    p.fill(cone, c)
    p.fill(rrect(-26, 2, 28, 9, 3), darker(c, 0.12))
    for x, y, r in ((4, -16, 2.6), (-6, -4, 1.8), (9, -2, 1.6)):
        p.fill(star(x, y, r, r * 0.42), GOLD, outline=0.3)
    moon = cut(oval(-3, -26, 3.2, 3.2), oval(-1.5, -27, 2.8, 2.8), skia.PathOp.kDifference_PathOp)
    p.flat(moon, GOLD)


def _sailor_cap(p: ShapePainter, c: RGB) -> None:
    p.fill(_dome(2, 1, 19, 10, -2), c)
    p.fill(rrect(-19, -2, 23, 6, 3), lighter(c, 0.02))
    p.fill(rrect(-20, 3, 24, 8, 2.5), darker(c, 0.06))


def _peaked_cap(p: ShapePainter, top: RGB, band: RGB, badge: RGB, *, check: bool = False) -> None:
    p.fill(oval(1, -5, 26, 8), top)
    p.fill(rrect(-20, -4, 22, 6, 1.5), band)
    if check:
        for x in range(-19, 21, 4):
            p.flat(rrect(x, -1.5, x + 2, 1.5, 0), _WHITE)
    p.fill(poly([(-6, 5), (22, 5), (20, 11), (-4, 10)], 2), _BLACK)
    p.fill(oval(4, -1, 3.2, 3.2), badge, outline=0.5)


def _watch_cap(p: ShapePainter, c: RGB) -> None:
    p.fill(cut(oval(0, 14, 28.5, 22), rrect(-40, -30, 40, 12, 0)), c)
    band = rrect(-28.5, 8, 28.5, 16, 3)
    p.fill(band, darker(c, 0.1))
    for x in range(-24, 26, 4):
        p.stroke(tube([(x, 9.5), (x, 14.5)], 0.01), darker(c, 0.3), 0.6)


def _souwester(p: ShapePainter, c: RGB) -> None:
    brim = poly([(-38, 14), (-28, 4), (28, 4), (38, 14), (20, 11), (-20, 11)], 4)
    p.fill(brim, darker(c, 0.08))
    p.fill(_dome(0, 6, 23, 15, 6), c)
    p.stroke(tube([(-16, 0), (16, 0)], 0.01), darker(c, 0.2), 0.8)


def _knight_helmet(p: ShapePainter, c: RGB, plume: RGB) -> None:
    plume_path = union(oval(-4, -12, 5, 12), oval(-10, -8, 4, 9), oval(2, -14, 4, 10))
    p.fill(plume_path, plume)
    helmet = cut(oval(0, 24, 31, 29), rrect(-18, 13, 22, 49, 9), skia.PathOp.kDifference_PathOp)
    helmet = cut(helmet, rrect(-40, -10, 40, 48, 0))
    p.fill(helmet, c)
    p.fill(cut(helmet, rrect(-40, 6, 40, 11, 0)), darker(c, 0.15), outline=0.5)
    p.stroke(tube([(0, -4), (0, 6)], 0.01), darker(c, 0.3), 0.8)
    p.fill(rrect(1.5, 9, 5, 33, 1.5), darker(c, 0.05), outline=0.6)
    for x in (-22, -12, 16, 26):
        p.flat(oval(x, 8.5, 0.9, 0.9), darker(c, 0.4))


def _crown(p: ShapePainter, c: RGB, gem: RGB) -> None:
    crown = poly([(-13, 4), (13, 4), (16, -11), (8, -3), (0, -14), (-8, -3), (-16, -11)], 1.2)
    p.fill(crown, c)
    p.fill(rrect(-13, 0, 13, 5, 0.8), darker(c, 0.1), outline=0.5)
    p.fill(oval(0, -2, 2.2, 2.2), gem, outline=0.4)
    for x in (-16, 0, 16):
        p.fill(oval(x, -12.5 if x else -15, 1.6, 1.6), _WHITE, outline=0.3)


def _kings_crown(p: ShapePainter, c: RGB, gem: RGB) -> None:
    """A tall crown with arches, an orb and a cross on top."""
    arches = poly([(-15, 4), (15, 4), (16, -14), (8, -22), (0, -24), (-8, -22), (-16, -14)], 4)
    p.fill(arches, (160, 40, 60))
    for x in (-9, 0, 9):
        p.fill(tube([(x * 1.4, 2), (x * 0.9, -16), (0, -23)], 2.2), c, outline=0.5)
    p.fill(rrect(-16, -2, 16, 5, 1.2), c)
    for x in (-10, 0, 10):
        p.fill(oval(x, 1.5, 1.8, 1.8), gem if x == 0 else (250, 250, 250), outline=0.3)
    p.fill(oval(0, -26, 3.2, 3.2), c)
    p.fill(union(rrect(-0.9, -34, 0.9, -27, 0.3), rrect(-3, -32, 3, -30.4, 0.3)), c, outline=0.4)


def _circlet(p: ShapePainter, c: RGB, gem: RGB) -> None:
    band = skia.Path()
    band.moveTo(-24, 8)
    band.quadTo(2, 1, 26, 8)
    p.stroke(band, c, 2.6)
    p.fill(poly([(-3, 5), (5, 5), (1, -3)], 0.8), c, outline=0.5)
    p.fill(oval(1, 3, 1.6, 1.6), gem, outline=0.3)


def _tiara(p: ShapePainter, c: RGB, gem: RGB) -> None:
    p.fill(poly([(-11, 4), (12, 4), (9, -2), (5, 1), (0.5, -7), (-4, 1), (-8, -2)], 0.6), c)
    p.fill(oval(0.5, -1, 1.8, 1.8), gem, outline=0.3)


def _tricorn(p: ShapePainter, c: RGB) -> None:
    p.fill(oval(1, -4, 19, 10), c)
    hat = poly([(-34, -6), (-20, 7), (2, 3), (24, 7), (36, -6), (20, -4), (2, -9), (-18, -4)], 3)
    p.fill(hat, darker(c, 0.05))
    trim = skia.Path()
    trim.moveTo(-33, -5)
    trim.lineTo(-20, 6)
    trim.lineTo(2, 2)
    trim.lineTo(24, 6)
    trim.lineTo(35, -5)
    p.stroke(trim, GOLD, 1.1)
    p.fill(oval(2, -4, 2.4, 2.2), _WHITE, outline=0.3)


def _head_mirror(p: ShapePainter, c: RGB) -> None:
    band = skia.Path()
    band.moveTo(-27, 12)
    band.quadTo(2, 3, 28, 12)
    p.stroke(band, (60, 64, 74), 2.2)
    p.fill(oval(3, 6, 6.5, 6.5), (200, 206, 214))
    p.flat(oval(1.5, 4.5, 2.2, 2.2), _WHITE, alpha=0.8)
    del c


def _nurse_cap(p: ShapePainter, c: RGB) -> None:
    p.fill(poly([(-13, 3), (13, 3), (10, -8), (-10, -8)], 1.5), c)
    p.flat(union(rrect(-1.1, -6, 1.1, 1, 0), rrect(-3.5, -3.6, 3.5, -1.4, 0)), (220, 50, 50))


def _straw_hat(p: ShapePainter, c: RGB) -> None:
    p.fill(oval(1, 5, 39, 6.5), c)
    p.fill(rrect(-15, -13, 17, 5, 6), lighter(c, 0.05))
    p.fill(rrect(-15, -1, 17, 4, 0.5), (200, 60, 50), outline=0.5)
    for x in (-10, -4, 2, 8, 14):
        p.stroke(tube([(x, -11), (x, -2)], 0.01), darker(c, 0.2), 0.5)


def _fire_helmet(p: ShapePainter, c: RGB) -> None:
    p.fill(poly([(-36, 10), (-24, 3), (26, 3), (32, 8), (20, 9), (-18, 9)], 3), darker(c, 0.1))
    p.fill(_dome(0, 4, 24, 17, 5), c)
    p.fill(tube([(-4, -12), (0, -13), (4, -12)], 3.2), darker(c, 0.15), outline=0.5)
    p.fill(poly([(-2, -8), (9, -8), (10, 2), (3.5, 6), (-3, 2)], 1.2), GOLD, outline=0.5)


def _goggles(p: ShapePainter, c: RGB) -> None:
    band = skia.Path()
    band.moveTo(-27, 9)
    band.quadTo(2, 1, 29, 9)
    p.stroke(band, (60, 52, 48), 3.0)
    for x in (-7, 12):
        p.fill(oval(x, 4, 6.4, 5.6), c)
        p.flat(oval(x, 4, 4.6, 4.0), (150, 210, 235))
        p.flat(oval(x - 1.5, 2.6, 1.5, 1.2), _WHITE, alpha=0.8)


def _sun_hat(p: ShapePainter, c: RGB) -> None:
    brim = poly([(-41, 10), (-30, 2), (30, 2), (43, 10), (30, 10), (-30, 10)], 5)
    p.fill(brim, c)
    p.fill(_dome(1, 2, 17, 12, 3), lighter(c, 0.05))
    p.fill(rrect(-17, -1, 19, 3.5, 0.5), (110, 170, 90), outline=0.5)
    for k in range(5):
        t = k * math.tau / 5
        p.fill(oval(13 + 2.4 * math.cos(t), -2 + 2.4 * math.sin(t), 1.9, 1.9), (240, 130, 160), outline=0.3)
    p.flat(oval(13, -2, 1.3, 1.3), (250, 210, 70))


def _cap(p: ShapePainter, c: RGB) -> None:
    p.fill(poly([(6, 4), (36, 6), (35, 10.5), (6, 9)], 2.5), darker(c, 0.12))
    p.fill(_dome(0, 7, 25, 15, 7), c)
    p.fill(oval(0, -7.5, 2, 1.5), darker(c, 0.2))


def _veil_top(p: ShapePainter, c: RGB) -> None:
    for k in range(7):
        t = math.pi + k * math.pi / 6
        x, y = 20 * math.cos(t), 9 + 8 * math.sin(t)
        p.fill(oval(x, y, 2.6, 2.6), _WHITE, outline=0.4)
        p.flat(oval(x, y, 1.0, 1.0), (244, 200, 210))
    del c


def _deerstalker(p: ShapePainter, c: RGB) -> None:
    p.fill(poly([(14, 3), (30, 8), (14, 9)], 2), darker(c, 0.1))
    p.fill(poly([(-14, 3), (-30, 8), (-14, 9)], 2), darker(c, 0.1))
    dome = _dome(0, 6, 25, 16, 7)
    p.fill(dome, c)
    for x in range(-20, 24, 6):
        p.flat(cut(rrect(x, -12, x + 1, 8, 0), dome), darker(c, 0.25), alpha=0.7)
    for y in range(-6, 8, 5):
        p.flat(cut(rrect(-30, y, 30, y + 1, 0), dome), darker(c, 0.25), alpha=0.7)
    p.fill(oval(0, -10.5, 2, 1.4), darker(c, 0.2))


def _pith_helmet(p: ShapePainter, c: RGB) -> None:
    p.fill(oval(1, 6, 33, 6), darker(c, 0.06))
    p.fill(_dome(1, 4, 23, 17, 4), c)
    p.fill(rrect(-21, -1, 23, 3.5, 0.5), darker(c, 0.25), outline=0.5)
    p.fill(oval(1, -13, 2.2, 1.4), darker(c, 0.1))


def _beret(p: ShapePainter, c: RGB) -> None:
    beret = union(oval(-5, 0, 27, 8.5), oval(-14, 4, 10, 6))
    p.fill(beret, c)
    p.fill(tube([(-3, -8), (-2, -11)], 1.6), darker(c, 0.2), outline=0.4)


def _shako(p: ShapePainter, c: RGB, plume: RGB) -> None:
    p.fill(union(oval(1, -32, 4, 8), oval(1, -26, 5, 5)), _WHITE)
    p.fill(rrect(-14, -22, 16, 6, 2), c)
    p.fill(rrect(-14, -22, 16, -18, 1), GOLD, outline=0.5)
    p.fill(poly([(-4, 4), (20, 4), (18, 9), (-2, 9)], 1.5), _BLACK)
    p.fill(star(1, -7, 4.2, 1.9), GOLD, outline=0.4)
    del plume


def _clown_hat(p: ShapePainter, c: RGB) -> None:
    cone = poly([(-4, 4), (14, 2), (9, -22)], 1.5)
    p.fill(cone, c)
    for t in (0.35, 0.65):
        p.fill(cut(rrect(-10, -22 + 26 * t - 1.5, 20, -22 + 26 * t + 1.5, 0), cone), _WHITE, outline=0.0)
    p.fill(oval(9, -23, 3.4, 3.4), (232, 60, 60))


def _hard_hat(p: ShapePainter, c: RGB, *, lamp: bool = False) -> None:
    p.fill(rrect(-29, 3, 30, 8.5, 3), darker(c, 0.08))
    p.fill(_dome(0, 6, 25, 18, 5), c)
    p.fill(tube([(0, -11), (0, 3)], 3.2), lighter(c, 0.15), outline=0.5)
    if lamp:
        p.fill(rrect(-1, -3, 12, 5, 2), (90, 94, 104), outline=0.6)
        p.fill(oval(11, 1, 3.6, 3.8), (255, 236, 140), outline=0.5)
        p.flat(oval(11, 1, 1.6, 1.6), _WHITE)


def _headcloth(p: ShapePainter, c: RGB) -> None:
    cloth = union(
        oval(0, 20, 31, 25),
        poly([(-31, 20), (31, 20), (33, 56), (22, 58), (20, 30), (-18, 30), (-20, 58), (-33, 56)], 3),
    )
    cloth = cut(cloth, rrect(-19, 9, 23, 60, 8), skia.PathOp.kDifference_PathOp)
    p.fill(cloth, c)
    band = skia.Path()
    band.moveTo(-27, 9)
    band.quadTo(2, 4, 29, 9)
    p.stroke(band, (70, 52, 40), 2.4)


def _ranger_hat(p: ShapePainter, c: RGB) -> None:
    p.fill(oval(1, 5, 37, 6), darker(c, 0.05))
    crown = poly([(-14, 5), (16, 5), (12, -12), (6, -17), (1, -11), (-4, -17), (-10, -12)], 2)
    p.fill(crown, c)
    p.fill(rrect(-14, 0, 16, 4.5, 0.5), (90, 64, 44), outline=0.5)


def _flower_crown(p: ShapePainter, c: RGB) -> None:
    colours = (c, (250, 220, 90), (170, 140, 240), c, (250, 250, 250))
    for k in range(7):
        t = math.pi + (k + 0.5) * math.pi / 7
        x, y = 23 * math.cos(t), 11 + 10 * math.sin(t)
        p.fill(oval(x, y, 2.8, 2.8), colours[k % len(colours)], outline=0.4)
        p.flat(oval(x, y, 1.0, 1.0), (250, 210, 70))
    for k in range(6):
        t = math.pi + (k + 1) * math.pi / 7
        p.fill(oval(23 * math.cos(t), 11 + 10 * math.sin(t) + 2.2, 1.8, 1.1), (110, 180, 90), outline=0.3)


def _starfish(p: ShapePainter, c: RGB) -> None:
    p.fill(star(-17, 8, 5.5, 2.4), c, outline=0.6)


def _cowboy_hat(p: ShapePainter, c: RGB) -> None:
    brim = poly([(-39, -2), (-30, 7), (0, 9), (32, 7), (41, -2), (30, 3), (0, 5), (-28, 3)], 3)
    p.fill(brim, darker(c, 0.06))
    crown = poly([(-15, 5), (17, 5), (15, -15), (6, -12), (1, -16), (-4, -12), (-13, -15)], 3)
    p.fill(crown, c)
    p.fill(rrect(-15, -1, 17, 3.5, 0.5), (90, 54, 34), outline=0.5)


def _flat_cap(p: ShapePainter, c: RGB) -> None:
    p.fill(poly([(4, 4), (32, 6), (30, 10), (4, 9)], 2.5), darker(c, 0.1))
    p.fill(_dome(-2, 6, 27, 12, 7), c)
    p.fill(oval(-2, -5, 1.6, 1.2), darker(c, 0.2))


def _top_hat(p: ShapePainter, c: RGB, band: RGB) -> None:
    p.fill(rrect(-24, 3, 26, 9, 3), darker(c, 0.1))
    p.fill(rrect(-14, -24, 16, 6, 2.5), c)
    p.fill(rrect(-14, -2, 16, 3, 0.5), band, outline=0.5)


def _clown_hair(p: ShapePainter) -> None:
    for s in (-1, 1):
        p.fill(union(oval(s * 27, 22, 8, 7), oval(s * 31, 30, 7, 6), oval(s * 26, 34, 6, 6)), (240, 110, 40))


def _helmet_ring(p: ShapePainter, c: RGB) -> None:
    p.fill(rrect(-26, 50, 26, 57, 3), darker(c, 0.12))


HATS: dict[str, Callable[[ShapePainter, Figure, RGB], None]] = {
    "baker_cap": lambda p, f, c: _baker_cap(p, c),
    "toque": lambda p, f, c: _toque(p, c),
    "witch": lambda p, f, c: _witch(p, c),
    "wizard": lambda p, f, c: _wizard(p, c),
    "sailor_cap": lambda p, f, c: _sailor_cap(p, c),
    "captain_cap": lambda p, f, c: _peaked_cap(p, c, _BLACK, GOLD),
    "police_cap": lambda p, f, c: _peaked_cap(p, c, _BLACK, (214, 220, 228), check=True),
    "mail_cap": lambda p, f, c: _peaked_cap(p, c, darker(c, 0.15), (230, 200, 80)),
    "watch_cap": lambda p, f, c: _watch_cap(p, c),
    "souwester": lambda p, f, c: _souwester(p, c),
    "knight_helmet": lambda p, f, c: _knight_helmet(p, c, f.cloth),
    "crown": lambda p, f, c: _crown(p, c, (200, 40, 60) if f.cloth[0] < 150 else (60, 90, 210)),
    "kings_crown": lambda p, f, c: _kings_crown(p, c, (60, 90, 210)),
    "circlet": lambda p, f, c: _circlet(p, c, (60, 150, 220)),
    "tiara": lambda p, f, c: _tiara(p, c, (240, 110, 170)),
    "tricorn": lambda p, f, c: _tricorn(p, c),
    "head_mirror": lambda p, f, c: _head_mirror(p, c),
    "nurse_cap": lambda p, f, c: _nurse_cap(p, c),
    "straw_hat": lambda p, f, c: _straw_hat(p, c),
    "fire_helmet": lambda p, f, c: _fire_helmet(p, c),
    "goggles": lambda p, f, c: _goggles(p, c),
    "sun_hat": lambda p, f, c: _sun_hat(p, c),
    "cap": lambda p, f, c: _cap(p, c),
    "veil": lambda p, f, c: _veil_top(p, c),
    "deerstalker": lambda p, f, c: _deerstalker(p, c),
    "pith_helmet": lambda p, f, c: _pith_helmet(p, c),
    "beret": lambda p, f, c: _beret(p, c),
    "shako": lambda p, f, c: _shako(p, f.cloth, c),
    "clown_hat": lambda p, f, c: _clown_hat(p, f.cloth),
    "hard_hat": lambda p, f, c: _hard_hat(p, c),
    "miner_helmet": lambda p, f, c: _hard_hat(p, c, lamp=True),
    "headcloth": lambda p, f, c: _headcloth(p, c),
    "ranger_hat": lambda p, f, c: _ranger_hat(p, c),
    "flower_crown": lambda p, f, c: _flower_crown(p, c),
    "starfish": lambda p, f, c: _starfish(p, c),
    "cowboy_hat": lambda p, f, c: _cowboy_hat(p, c),
    "flat_cap": lambda p, f, c: _flat_cap(p, c),
    "top_hat": lambda p, f, c: _top_hat(p, c, (200, 50, 60) if f.costume.value != "mayor" else f.cloth),
    "space_helmet": lambda p, f, c: _helmet_ring(p, c),
}


def _fitted(fig: Figure, p: ShapePainter, draw: Callable[[ShapePainter], None]) -> None:
    """Run ``draw`` in the reference frame of a child's head, moved and scaled onto ``fig``'s head."""
    x, top, half = fig.crown
    k = half / 27.0
    ky = fig.head_r[1] / 25.0
    canvas = p.canvas
    canvas.save()
    canvas.translate(x, top)
    canvas.scale(k, (k + ky) / 2)
    draw(ShapePainter(canvas, p.look, unit=p.unit / k, light=p.light))
    canvas.restore()


def draw_headwear(fig: Figure, p: ShapePainter) -> None:
    """The costume's hat (and the red nose, clown hair and mask that go with some roles)."""
    extras = fig.c.extras
    if "clown_hair" in extras:
        _fitted(fig, p, _clown_hair)
    if "mask" in extras:
        mask_c = hex_rgb(fig.c.trim) if fig.c.trim else _BLACK
        cx, cy = fig.head_c
        band = rrect(
            cx - fig.head_r[0] * 0.92,
            fig.eye_y - 5.5 * fig.fs * 1.3,
            cx + fig.head_r[0] * 0.95,
            fig.eye_y + 5.0 * fig.fs * 1.3,
            4 * fig.fs,
        )
        p.fill(cut(band, oval(cx, cy, fig.head_r[0] + 0.5, fig.head_r[1] + 0.5)), mask_c, outline=0.6)
    hat = HATS.get(fig.c.hat)
    if hat is not None:
        colour = hat_color(fig)
        _fitted(fig, p, lambda q: hat(q, fig, colour))
    if "red_nose" in extras:
        nx, ny = fig.head_c[0] + fig.fx + 0.5, fig.eye_y + fig.head_r[1] * 0.28
        p.fill(oval(nx, ny, 3.8 * fig.fs + 1, 3.6 * fig.fs + 1), (232, 50, 50))
        p.flat(oval(nx - 1, ny - 1.2, 1.0, 0.8), _WHITE, alpha=0.8)
    if "soot" in extras:
        cx = fig.head_c[0] + fig.fx
        p.flat(oval(cx - fig.eye_dx - 3, fig.mouth_y - 2, 2.6, 1.4), (60, 56, 52), alpha=0.35)


def draw_headwear_back(fig: Figure, p: ShapePainter) -> None:
    """What a hat lets fall behind the body: a bride's veil."""
    if fig.c.hat == "veil":
        cx, cy = fig.head_c
        rx, ry = fig.head_r
        veil = union(
            oval(cx, cy - ry * 0.3, rx + 4, ry + 2),
            poly(
                [
                    (cx - rx - 4, cy),
                    (cx + rx + 4, cy),
                    (cx + rx + 12, fig.a.torso_bottom + 6),
                    (cx - rx - 12, fig.a.torso_bottom + 6),
                ],
                6,
            ),
        )
        p.fill(veil, (250, 250, 252), alpha=0.72)


def draw_headwear_front(fig: Figure, p: ShapePainter) -> None:
    """What lies over the face: the glass of a space helmet."""
    if fig.c.hat == "space_helmet":
        cx, cy = fig.head_c
        r = max(fig.head_r) + 8
        p.flat(oval(cx, cy + 2, r, r), (190, 225, 255), alpha=0.16)
        ring = cut(
            oval(cx, cy + 2, r + 1.4, r + 1.4), oval(cx, cy + 2, r - 0.4, r - 0.4), skia.PathOp.kDifference_PathOp
        )
        p.flat(ring, (200, 210, 224), alpha=0.9)
        shine = skia.Path()
        shine.addArc(skia.Rect.MakeLTRB(cx - r + 5, cy + 2 - r + 5, cx + r - 5, cy + 2 + r - 5), 200, 50)
        p.stroke(shine, (255, 255, 255), 2.4, alpha=0.7)


def star(cx: float, cy: float, r: float, inner: float) -> skia.Path:
    """A five-pointed star (a wizard's robe and hat, a badge, a hero's emblem)."""
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else inner
        t = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(t), cy + radius * math.sin(t)))
    return poly(points, 0.2)
