"""Small things of stories: lantern, candle, broom, wand, book, map, letter, key, crown, sword,
shield, coin, crystal, potion, star, mirror, clock, bell, camera, magnifying glass, trophy,
gift, suitcase, teddy bear and paintbrush. Units: 100 = an adult's height, the ground at y = 0."""

from __future__ import annotations

import math

import skia

from render_farm.engine.art.shapes import oval, poly, rect, tube, union_all
from render_farm.engine.styles import darker, lighter
from render_farm.film.spec import Prop

from . import PropPainter, register

_GOLD = (240, 194, 60)
_IRON = (70, 70, 78)


def _flame(p: PropPainter, x: float, y: float, size: float) -> None:
    p.halo(x, y - size, size * 5, (255, 200, 100), 0.5)
    p.glow(
        union_all([oval(x, y - size, size * 0.8, size * 1.3), oval(x, y - size * 2, size * 0.3, size * 0.6)]),
        (255, 170, 60),
    )
    p.glow(oval(x, y - size * 0.8, size * 0.4, size * 0.7), (255, 240, 170))


@register(Prop.lantern, (-12, -24, 12, 4), grip=(0, -22))
def lantern(p: PropPainter) -> None:
    frame = p.main((60, 62, 70))
    p.line(
        skia.Op(oval(0, -18, 3, 4), rect(-4, -18, 4, 0), skia.PathOp.kDifference_PathOp) or oval(0, -18, 3, 4),
        frame,
        0.7,
    )
    p.fill(rect(-4.4, -2.2, 4.4, 0, 0.5), frame)
    p.fill(poly([(-4.4, -15), (4.4, -15), (2.4, -18.4), (-2.4, -18.4)], 0.4), frame)
    glass = rect(-3.4, -15, 3.4, -2.2, 0.6)
    if p.lit:
        p.halo(0, -8.6, 12, (255, 210, 120), 0.45)
        p.glow(glass, (255, 226, 150))
        _flame(p, 0, -5, 1.8)
    else:
        p.fill(glass, (200, 224, 236), alpha=0.8)
        p.fill(rect(-0.9, -6, 0.9, -2.2), (246, 240, 224), outline=0.3)
    bars = skia.Path()
    for x in (-3.4, 0, 3.4):
        bars.moveTo(x, -15)
        bars.lineTo(x, -2.2)
    p.line(bars, frame, 0.5)


@register(Prop.candle, (-8, -21, 8, 1), grip=(0, -1))
def candle(p: PropPainter) -> None:
    p.fill(union_all([oval(0, -1, 5, 1.4), rect(-2, -2.6, 2, -0.8, 0.5)]), (200, 170, 90))
    p.fill(rect(-1.6, -11, 1.6, -2.2, 0.5), p.main((250, 244, 228)))
    p.fill(oval(-0.9, -10.2, 0.7, 1.4), p.main((250, 244, 228)), outline=0.3)
    p.line(tube([(0, -11), (0, -12.2)], 0.1), (50, 40, 40), 0.3)
    if p.look.lit is not False:
        _flame(p, 0, -12, 1.5)


@register(Prop.broom, (-6, -70, 6, 0), grip=(0, -42))
def broom(p: PropPainter) -> None:
    p.fill(rect(-0.8, -70, 0.8, -14), (150, 100, 60))
    bristles = poly([(-2, -16), (2, -16), (5.6, 0), (-5.6, 0)], 0.6)
    p.fill(bristles, p.main((220, 180, 90)))
    straws = skia.Path()
    for x in (-3.6, -1.6, 0.4, 2.4, 4):
        straws.moveTo(x * 0.4, -14)
        straws.lineTo(x, -0.6)
    p.line(straws, (180, 140, 60), 0.3)
    p.fill(rect(-2.4, -17, 2.4, -14, 0.4), (170, 60, 50), outline=0.5)


@register(Prop.wand, (-6, -25, 6, 0), grip=(0, -4))
def wand(p: PropPainter) -> None:
    p.fill(poly([(-0.8, 0), (0.8, 0), (0.5, -16), (-0.5, -16)], 0.3), p.main((70, 50, 60)))
    p.fill(rect(-0.6, -16, 0.6, -15), (250, 246, 236), outline=0.3)
    sparkle = poly(
        [(0, -23.6), (0.8, -19.6), (2.8, -18.8), (0.8, -18), (0, -14.6), (-0.8, -18), (-2.8, -18.8), (-0.8, -19.6)]
    )
    p.halo(0, -18.8, 6, (255, 240, 150), 0.5)
    p.glow(sparkle, (255, 236, 130))


@register(Prop.book, (-7, -18, 7, 0), grip=(0, -9))
def book(p: PropPainter) -> None:
    colour = p.main((170, 60, 60))
    if p.look.open:
        for side in (-1, 1):
            page = poly([(0, -14), (side * 6.6, -15), (side * 6.6, -4), (0, -3)], 0.4)
            p.fill(page, (250, 246, 232))
        p.fill(poly([(-7, -15.4), (0, -14.4), (7, -15.4), (7, -3.2), (0, -2.2), (-7, -3.2)]), colour, outline=0.4)
        for side in (-1, 1):
            p.fill(poly([(0, -14), (side * 6.4, -15), (side * 6.4, -4), (0, -3)], 0.4), (250, 246, 232))
        lines = skia.Path()
        for y in (-12, -10, -8, -6):
            for side in (-1, 1):
                lines.moveTo(side * 1.4, y)
                lines.lineTo(side * 5.4, y - 0.4)
        p.line(lines, (150, 150, 160), 0.25)
        return
    p.fill(rect(-5, -17.4, 6, -0.6, 0.6), (250, 246, 232))
    p.fill(rect(-6, -18, 5, -0.4, 0.6), colour)
    p.fill(rect(-6, -18, -4.4, -0.4, 0.4), darker(colour, 0.25), outline=0.4)
    p.fill(rect(-2, -14, 3, -10), (240, 200, 90), outline=0.3, shade=False)


@register(Prop.map, (-10, -14, 10, 0), grip=(-8, -7))
def treasure_map(p: PropPainter) -> None:
    sheet = poly([(-8, -13), (8, -13.6), (8.4, -0.6), (-8.2, -0.2)], 0.4)
    p.fill(sheet, p.main((240, 220, 170)))
    for x, y0, y1 in ((-8.6, -14, 0.4), (8.6, -14.4, 0)):
        p.fill(rect(x - 1.2, y0, x + 1.2, y1, 1.2), darker((240, 220, 170), 0.12), outline=0.5)
    trail = skia.Path()
    trail.moveTo(-5, -3)
    trail.cubicTo(-2, -8, 1, -2, 4, -9)
    p.line(trail, (170, 70, 50), 0.45, alpha=0.9)
    cross = skia.Path()
    cross.moveTo(3.2, -10.4)
    cross.lineTo(5.6, -8)
    cross.moveTo(5.6, -10.4)
    cross.lineTo(3.2, -8)
    p.line(cross, (200, 40, 40), 0.7)
    p.fill(
        union_all([oval(-4, -9.6, 2.4, 1.6), oval(-2.6, -10.4, 1.6, 1.2)]), (150, 190, 110), outline=0.3, shade=False
    )


@register(Prop.letter, (-7, -10, 7, 0), grip=(-5, -5))
def letter(p: PropPainter) -> None:
    envelope = rect(-6.6, -9.4, 6.6, -0.4, 0.4)
    p.fill(envelope, p.main((250, 246, 236)))
    folds = skia.Path()
    folds.moveTo(-6.4, -9.2)
    folds.lineTo(0, -4.4)
    folds.lineTo(6.4, -9.2)
    folds.moveTo(-6.4, -0.6)
    folds.lineTo(-1.4, -5.4)
    folds.moveTo(6.4, -0.6)
    folds.lineTo(1.4, -5.4)
    p.line(folds, (190, 180, 170), 0.35)
    p.fill(oval(0, -4.6, 1.4, 1.4), (200, 40, 50), outline=0.4)


@register(Prop.key, (-3, -14, 3, 0), grip=(0, -11))
def key(p: PropPainter) -> None:
    colour = p.main(_GOLD)
    bow = skia.Op(oval(0, -11, 2.6, 2.6), oval(0, -11, 1.1, 1.1), skia.PathOp.kDifference_PathOp) or oval(
        0, -11, 2.6, 2.6
    )
    shaft = union_all([rect(-0.6, -8.6, 0.6, 0), rect(0.6, -3, 2.4, -1.8), rect(0.6, -0.9, 2.0, 0)])
    p.fill(union_all([bow, shaft]), colour)


@register(Prop.crown, (-8, -11.5, 8, 0), grip=(0, -2))
def crown(p: PropPainter) -> None:
    band = poly([(-6.4, 0), (6.4, 0), (6.8, -8.4), (3.4, -4.2), (0, -9.6), (-3.4, -4.2), (-6.8, -8.4)], 0.4)
    p.fill(band, p.main(_GOLD))
    for x, y, c in ((-6.8, -8.8, (250, 240, 200)), (0, -10, (250, 240, 200)), (6.8, -8.8, (250, 240, 200))):
        p.fill(oval(x, y, 0.9, 0.9), c, outline=0.3)
    for x, c in ((-3.4, (60, 120, 220)), (0, (220, 40, 60)), (3.4, (40, 170, 90))):
        p.fill(oval(x, -2.2, 1.0, 1.0), c, outline=0.3)


@register(Prop.sword, (-5, -48, 5, 0), grip=(0, -4))
def sword(p: PropPainter) -> None:
    p.fill(poly([(-1.4, -10), (1.4, -10), (1.4, -44), (0, -47.4), (-1.4, -44)], 0.2), p.main((210, 216, 226)))
    p.line(tube([(0, -11), (0, -43)], 0.1), (170, 176, 190), 0.35)
    p.fill(rect(-5, -10.8, 5, -8.8, 0.8), _GOLD)
    p.fill(rect(-0.9, -8.8, 0.9, -1.6, 0.4), (110, 70, 50))
    p.fill(oval(0, -1, 1.4, 1.4), _GOLD, outline=0.4)


@register(Prop.shield, (-11, -26, 11, 0), grip=(0, -13))
def shield(p: PropPainter) -> None:
    body = poly([(-10, -25), (10, -25), (10, -13), (0, -0.4), (-10, -13)], 3)
    colour = p.main((60, 100, 180))
    p.fill(body, colour)
    rim = skia.Op(
        body,
        poly([(-8.2, -23.2), (8.2, -23.2), (8.2, -13.4), (0, -2.8), (-8.2, -13.4)], 2.4),
        skia.PathOp.kDifference_PathOp,
    )
    if rim is not None:
        p.fill(rim, (200, 200, 210), outline=0.4)
    p.fill(union_all([rect(-1.4, -21, 1.4, -5), rect(-6, -16, 6, -13.2)]), _GOLD, outline=0.4)


@register(Prop.coin, (-4, -8, 4, 0))
def coin(p: PropPainter) -> None:
    colour = p.main(_GOLD)
    p.fill(oval(0, -4, 3.8, 3.8), colour)
    p.line(oval(0, -4, 2.8, 2.8), darker(colour, 0.2), 0.4)
    p.fill(
        poly(
            [
                (0, -5.8),
                (0.6, -4.4),
                (2, -4.3),
                (0.9, -3.4),
                (1.2, -2),
                (0, -2.8),
                (-1.2, -2),
                (-0.9, -3.4),
                (-2, -4.3),
                (-0.6, -4.4),
            ]
        ),
        lighter(colour, 0.3),
        outline=0.0,
        shade=False,
    )


@register(Prop.crystal, (-11, -19, 11, 3), grip=(0, -4))
def crystal(p: PropPainter) -> None:
    colour = p.main((150, 110, 240))
    p.halo(0, -8, 11, colour, 0.35)
    gem = poly([(0, -15.6), (4.2, -10), (3, -1.2), (0, 0), (-3, -1.2), (-4.2, -10)], 0.3)
    p.fill(gem, colour)
    facets = skia.Path()
    facets.moveTo(0, -15.6)
    facets.lineTo(0, 0)
    facets.moveTo(-4.2, -10)
    facets.lineTo(4.2, -10)
    p.line(facets, lighter(colour, 0.5), 0.35)
    p.flat(poly([(-2.6, -10.6), (-0.6, -14), (-0.8, -10.6)]), (255, 255, 255), alpha=0.55)


@register(Prop.potion, (-5, -14, 5, 0), grip=(0, -10))
def potion(p: PropPainter) -> None:
    colour = p.main((110, 220, 120))
    bottle = union_all([oval(0, -4.4, 4.4, 4.4), rect(-1.4, -11, 1.4, -7)])
    p.fill(bottle, (220, 240, 250), alpha=0.7)
    liquid = skia.Op(oval(0, -4.4, 3.8, 3.8), rect(-5, -5.4, 5, 0), skia.PathOp.kIntersect_PathOp) or oval(0, -3, 3, 2)
    p.fill(liquid, colour, outline=0.0)
    p.fill(rect(-1.8, -13.6, 1.8, -11, 0.6), (170, 120, 70), outline=0.5)
    p.flat(oval(-1.8, -6, 0.7, 1.2), (255, 255, 255), alpha=0.6)
    p.flat(oval(1.2, -3, 0.5, 0.5), (255, 255, 255), alpha=0.6)


@register(Prop.star, (-12, -20, 12, 4), grip=(0, -8))
def star(p: PropPainter) -> None:
    points = []
    for k in range(10):
        r = 7.6 if k % 2 == 0 else 3.2
        a = -math.pi / 2 + k * math.pi / 5
        points.append((math.cos(a) * r, -8 + math.sin(a) * r))
    colour = p.main((250, 214, 70))
    p.halo(0, -8, 12, colour, 0.4)
    p.fill(poly(points, 0.8), colour)
    p.flat(oval(-1.6, -10, 1.0, 1.4), (255, 255, 255), alpha=0.5)


@register(Prop.mirror, (-6, -20, 6, 0), grip=(0, -3))
def mirror(p: PropPainter) -> None:
    colour = p.main((200, 150, 70))
    p.fill(rect(-1.2, -9, 1.2, 0, 0.8), colour)
    p.fill(oval(0, -14, 5.4, 6), colour)
    p.fill(oval(0, -14, 4.2, 4.8), (196, 226, 240))
    p.flat(poly([(-2.4, -16.6), (-0.6, -18), (1.6, -12), (0, -11)]), (255, 255, 255), alpha=0.55)


@register(Prop.clock, (-7, -16, 7, 0), grip=(0, -13))
def clock(p: PropPainter) -> None:
    colour = p.main((200, 70, 60))
    for side in (-1, 1):
        p.fill(oval(side * 3.6, -13.6, 2.2, 1.8), colour, outline=0.5)
        p.fill(rect(side * 4 - 0.5, -2.4, side * 4 + 0.5, 0), _IRON, outline=0.4)
    p.fill(oval(0, -7, 6.2, 6.2), colour)
    p.fill(oval(0, -7, 4.8, 4.8), (250, 250, 244), outline=0.4)
    hands = skia.Path()
    hands.moveTo(0, -7)
    hands.lineTo(0, -10.4)
    hands.moveTo(0, -7)
    hands.lineTo(2.4, -6)
    p.line(hands, (40, 40, 46), 0.45)


@register(Prop.bell, (-7, -15, 7, 0), grip=(0, -14))
def bell(p: PropPainter) -> None:
    colour = p.main(_GOLD)
    p.fill(oval(0, -13.6, 1.4, 1.4), darker(colour, 0.1), outline=0.5)
    body = poly([(-2.6, -12.4), (2.6, -12.4), (4.2, -6), (6.4, -2), (-6.4, -2), (-4.2, -6)], 1.6)
    p.fill(body, colour)
    p.fill(oval(0, -1.4, 1.5, 1.4), darker(colour, 0.3), outline=0.4)
    p.flat(poly([(-2, -11), (-1, -11), (-2.6, -4), (-3.8, -4)]), (255, 255, 255), alpha=0.45)


@register(Prop.camera, (-7, -10, 7, 0), grip=(-5, -5))
def camera(p: PropPainter) -> None:
    colour = p.main((60, 62, 70))
    p.fill(rect(-3, -10, 1, -7.6, 0.6), colour)
    p.fill(rect(-6.6, -8.4, 6.6, 0, 1.2), colour)
    p.fill(rect(-6.6, -5.2, 6.6, -3.4), (150, 110, 80), outline=0.3, shade=False)
    p.fill(oval(0.6, -4.2, 3.4, 3.4), (200, 206, 216))
    p.fill(oval(0.6, -4.2, 2.2, 2.2), (40, 60, 90), outline=0.3)
    p.flat(oval(-0.2, -5, 0.6, 0.6), (255, 255, 255), alpha=0.7)
    p.fill(rect(3.8, -9.6, 5.8, -8.4, 0.3), (240, 80, 60), outline=0.3)


@register(Prop.magnifying_glass, (-5, -20, 5, 0), grip=(0, -3))
def magnifying_glass(p: PropPainter) -> None:
    p.fill(rect(-1, -10, 1, 0, 0.8), p.main((120, 70, 50)))
    ring = skia.Op(oval(0, -14.4, 4.8, 4.8), oval(0, -14.4, 3.8, 3.8), skia.PathOp.kDifference_PathOp) or oval(
        0, -14, 4, 4
    )
    p.fill(oval(0, -14.4, 3.8, 3.8), (206, 232, 244), alpha=0.6, outline=0.0)
    p.fill(ring, (90, 90, 100))
    p.flat(oval(-1.4, -15.8, 1.0, 1.4), (255, 255, 255), alpha=0.7)


@register(Prop.trophy, (-7, -18, 7, 0), grip=(0, -8))
def trophy(p: PropPainter) -> None:
    colour = p.main(_GOLD)
    for side in (-1, 1):
        p.line(oval(side * 4.8, -14, 2.2, 2.6), darker(colour, 0.1), 0.9)
    p.fill(poly([(-4.6, -17.6), (4.6, -17.6), (3.4, -11), (0, -8.6), (-3.4, -11)], 1.2), colour)
    p.fill(rect(-0.8, -9, 0.8, -4), colour)
    p.fill(rect(-4, -4, 4, 0, 0.4), (110, 70, 50))
    p.fill(rect(-2.4, -3, 2.4, -1.2), (250, 246, 230), outline=0.3, shade=False)


@register(Prop.gift, (-7, -16, 7, 0), grip=(0, -6))
def gift(p: PropPainter) -> None:
    colour = p.main((220, 70, 90))
    p.fill(rect(-6, -11, 6, 0, 0.5), colour)
    p.fill(rect(-6.6, -12.4, 6.6, -9.4, 0.5), lighter(colour, 0.1))
    ribbon = (250, 220, 90)
    p.fill(union_all([rect(-1, -12.4, 1, 0), rect(-6.6, -7, 6.6, -5.4)]), ribbon, outline=0.3, shade=False)
    for side in (-1, 1):
        p.fill(poly([(0, -12.4), (side * 4, -15.6), (side * 3.6, -12.8)], 0.8), ribbon, outline=0.4)


@register(Prop.suitcase, (-10, -22, 10, 0), grip=(0, -20))
def suitcase(p: PropPainter) -> None:
    colour = p.main((150, 90, 60))
    p.line(
        skia.Op(rect(-3.6, -22, 3.6, -16, 1.6), rect(-2.4, -20.8, 2.4, -16, 0.6), skia.PathOp.kDifference_PathOp)
        or rect(-3, -22, 3, -17),
        _IRON,
        0.6,
    )
    p.fill(rect(-9.4, -17, 9.4, 0, 1.6), colour)
    p.fill(union_all([rect(-6, -17, -4.4, 0), rect(4.4, -17, 6, 0)]), darker(colour, 0.25), outline=0.3, shade=False)
    p.fill(rect(-8, -11, -2, -6, 0.4), (240, 220, 160), outline=0.3, shade=False)


@register(Prop.teddy_bear, (-9.5, -25.5, 9.5, 0), grip=(-6, -12))
def teddy_bear(p: PropPainter) -> None:
    fur = p.main((190, 130, 80))
    for side in (-1, 1):
        p.fill(oval(side * 4.4, -3, 3.2, 2.8), fur)
        p.fill(oval(side * 6.4, -11, 2.4, 3.6), fur)
        p.fill(oval(side * 4.8, -22, 2.4, 2.4), fur)
    p.fill(oval(0, -9, 5.6, 7), fur)
    p.fill(oval(0, -8, 3.4, 4.2), lighter(fur, 0.4), outline=0.3, shade=False)
    p.fill(oval(0, -17.6, 5.4, 5), fur)
    p.fill(oval(0, -16, 2.4, 1.8), lighter(fur, 0.45), outline=0.3, shade=False)
    eyes = skia.Path()
    for side in (-1, 1):
        eyes.addCircle(side * 2, -18.6, 0.6)
    eyes.addCircle(0, -16.6, 0.7)
    p.flat(eyes, (40, 30, 30))
    p.fill(
        poly([(-2.4, -12.2), (0, -11.4), (2.4, -12.2), (2.4, -10.2), (0, -11), (-2.4, -10.2)], 0.3),
        (210, 60, 70),
        outline=0.3,
    )


@register(Prop.paintbrush, (-3, -22, 3, 0), grip=(0, -6))
def paintbrush(p: PropPainter) -> None:
    p.fill(rect(-0.8, -12, 0.8, 0, 0.8), (190, 130, 70))
    p.fill(rect(-1.1, -15.4, 1.1, -12), (190, 196, 206), outline=0.4)
    tip = poly([(-1.2, -15.4), (1.2, -15.4), (0.8, -19.6), (0, -21.6), (-0.8, -19.6)], 0.6)
    p.fill(tip, p.main((220, 70, 70)))
