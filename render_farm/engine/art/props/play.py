"""Toys, tools and instruments: kite, ball, balloon, umbrella, flag, net, fishing rod, rope,
telescope, guitar, drum and hammer. Units: 100 = an adult's height, the ground at y = 0."""

from __future__ import annotations

import skia

from render_farm.engine.art.shapes import oval, poly, rect, tube, union_all
from render_farm.engine.styles import darker, lighter
from render_farm.film.spec import Prop

from . import PropPainter, register

_WOOD = (160, 110, 66)


@register(Prop.kite, (-12, -80, 12, 0), grip=(0, 0))
def kite(p: PropPainter) -> None:
    """A diamond kite flying high on its string, its tail of bows fluttering."""
    string = skia.Path()
    string.moveTo(0, 0)
    string.quadTo(8, -30, 2, -56)
    p.line(string, (90, 90, 96), 0.3)
    colour = p.main((220, 60, 70))
    top, mid, bottom = -79, -66, -50
    p.fill(poly([(0, top), (9, mid), (0, bottom), (-9, mid)], 0.6), colour)
    p.fill(poly([(0, top), (9, mid), (0, mid)]), lighter(colour, 0.35), outline=0.0, shade=False)
    p.fill(poly([(0, bottom), (-9, mid), (0, mid)]), lighter(colour, 0.35), outline=0.0, shade=False)
    spars = skia.Path()
    spars.moveTo(0, top)
    spars.lineTo(0, bottom)
    spars.moveTo(-9, mid)
    spars.lineTo(9, mid)
    p.line(spars, (120, 80, 50), 0.35)
    tail = skia.Path()
    tail.moveTo(0, bottom)
    tail.cubicTo(-5, -44, 5, -40, -2, -34)
    p.line(tail, (90, 90, 96), 0.3)
    for k, (x, y) in enumerate(((-1.6, -46), (0.8, -41.4), (-1.4, -36.6))):
        p.fill(
            union_all(
                [
                    poly([(x, y), (x - 1.8, y - 1.2), (x - 1.8, y + 1.2)]),
                    poly([(x, y), (x + 1.8, y - 1.2), (x + 1.8, y + 1.2)]),
                ]
            ),
            ((250, 210, 70), (90, 160, 220), (120, 190, 100))[k],
            outline=0.3,
        )


@register(Prop.ball, (-7, -14, 7, 0), grip=(0, -7))
def ball(p: PropPainter) -> None:
    colour = p.main((220, 70, 70))
    body = oval(0, -7, 6.8, 6.8)
    p.fill(body, colour)
    band = skia.Op(body, rect(-7, -8.6, 7, -5.4), skia.PathOp.kIntersect_PathOp)
    if band is not None:
        p.fill(band, (250, 246, 236), outline=0.0, shade=False)
    p.fill(oval(0, -7, 1.8, 1.8), (70, 120, 210), outline=0.3)
    p.flat(oval(-2.6, -10, 1.4, 1.0), (255, 255, 255), alpha=0.5)


@register(Prop.balloon, (-8, -80, 8, 0), grip=(0, 0))
def balloon(p: PropPainter) -> None:
    """A balloon riding high on its string above the hand that holds it."""
    string = skia.Path()
    string.moveTo(0, 0)
    string.cubicTo(3, -20, -3, -40, 0, -58)
    p.line(string, (110, 110, 116), 0.3)
    colour = p.main((230, 70, 90))
    p.fill(poly([(-1.2, -57.4), (1.2, -57.4), (0, -60)]), colour, outline=0.4)
    p.fill(oval(0, -69, 7.4, 9.6), colour)
    p.flat(oval(-2.8, -73, 1.6, 2.6), (255, 255, 255), alpha=0.5)


@register(Prop.umbrella, (-23, -68, 23, 0.5), grip=(0, 0))
def umbrella(p: PropPainter) -> None:
    """An open umbrella held up over the head by its crook."""
    colour = p.main((70, 110, 200))
    p.fill(rect(-0.6, -58, 0.6, -1.6), (70, 70, 78), outline=0.4)
    p.line(
        skia.Op(oval(1.6, -1.6, 1.6, 1.6), rect(-1, -3.4, 4, -1.6), skia.PathOp.kDifference_PathOp)
        or oval(1.6, -1, 1.6, 1.6),
        (70, 70, 78),
        0.8,
    )
    canopy = skia.Path()
    canopy.moveTo(-22, -46)
    canopy.quadTo(-20, -64, 0, -64)
    canopy.quadTo(20, -64, 22, -46)
    for k in range(4, 0, -1):  # the scalloped hem, right to left
        x = -22 + k * 11
        canopy.quadTo(x - 5.5, -50, x - 11, -46)
    canopy.close()
    p.fill(canopy, colour)
    ribs = skia.Path()
    for x in (-11, 0, 11):
        ribs.moveTo(0, -64)
        ribs.quadTo(x * 0.7, -58, x, -46)
    p.line(ribs, darker(colour, 0.3), 0.35)
    p.fill(rect(-0.5, -67, 0.5, -63.6), (70, 70, 78), outline=0.3)


@register(Prop.flag, (-2, -60, 16, 0), grip=(0, -24))
def flag(p: PropPainter) -> None:
    p.fill(rect(-0.8, -58, 0.8, 0, 0.4), (150, 150, 160))
    p.fill(oval(0, -58.6, 1.4, 1.4), (240, 194, 60), outline=0.4)
    cloth = skia.Path()
    cloth.moveTo(0.8, -57)
    cloth.cubicTo(6, -59, 10, -54, 15.4, -56)
    cloth.lineTo(15.4, -45)
    cloth.cubicTo(10, -43, 6, -48, 0.8, -46)
    cloth.close()
    colour = p.main((220, 60, 60))
    p.fill(cloth, colour)
    stripe = skia.Op(cloth, rect(0, -53, 16, -50), skia.PathOp.kIntersect_PathOp)
    if stripe is not None:
        p.fill(stripe, (250, 246, 236), outline=0.0, shade=False)


@register(Prop.net, (-9, -58, 9, 0), grip=(0, -14))
def net(p: PropPainter) -> None:
    """A butterfly net on a long handle."""
    p.fill(rect(-0.7, -40, 0.7, 0, 0.6), (160, 110, 66))
    bag = poly([(-7.6, -48), (7.6, -48), (4, -36), (0, -33), (-4, -36)], 3)
    p.fill(bag, (240, 244, 246), alpha=0.7)
    mesh = skia.Path()
    for x in (-4, 0, 4):
        mesh.moveTo(x * 1.6, -48)
        mesh.lineTo(x * 0.5, -34)
    for y in (-44, -40):
        mesh.moveTo(-6.6, y)
        mesh.lineTo(6.6, y)
    p.p.canvas.save()
    p.p.canvas.clipPath(bag, doAntiAlias=True)
    p.line(mesh, (190, 196, 206), 0.25)
    p.p.canvas.restore()
    p.line(oval(0, -48, 7.6, 2.2), p.main((220, 80, 60)), 0.8)


@register(Prop.fishing_rod, (-2, -86, 34, 0), grip=(0, -28))
def fishing_rod(p: PropPainter) -> None:
    rod = tube([(0, -20), (10, -52), (26, -82)], 0.9)
    p.fill(rod, p.main((150, 100, 60)))
    p.fill(oval(2.2, -28, 1.8, 1.8), (70, 70, 78), outline=0.4)
    line = skia.Path()
    line.moveTo(26, -82)
    line.quadTo(31, -60, 31, -30)
    p.line(line, (200, 200, 210), 0.25)
    p.fill(oval(31, -29, 1.2, 1.6), (220, 60, 60), outline=0.3)
    p.fill(
        union_all([oval(31, -23, 3, 1.4), poly([(33.2, -23), (34, -24.6), (34, -21.4)])]), (120, 170, 200), outline=0.3
    )


@register(Prop.rope, (-8, -8, 8, 0), grip=(5, -5))
def rope(p: PropPainter) -> None:
    colour = p.main((200, 170, 110))
    for k in range(3):
        p.line(oval(0, -4 + k * 0.3, 6.6 - k * 1.6, 3.4 - k * 0.6), darker(colour, 0.08 * k), 1.6)
    p.fill(tube([(5, -3), (7.6, -0.6)], 1.4), colour, outline=0.4)


@register(Prop.telescope, (-4, -34, 22, 0), grip=(3, -10))
def telescope(p: PropPainter) -> None:
    """A brass telescope on its tripod, pointing at the sky."""
    legs = skia.Path()
    for x in (-3, 0, 4):
        legs.moveTo(x, 0)
        legs.lineTo(2, -14)
    p.line(legs, (110, 80, 56), 0.8)
    colour = p.main((200, 160, 70))
    tube_path = union_all(
        [
            poly([(-2, -12), (0, -15), (14, -28), (12, -25)], 0.4),
            poly([(11, -24), (13.6, -28.6), (20, -33), (17.4, -28.4)], 0.6),
        ]
    )
    p.fill(tube_path, colour)
    p.fill(oval(18.8, -30.8, 1.4, 2.4), (60, 90, 130), outline=0.4)


@register(Prop.guitar, (-7, -42, 7, 0), grip=(0, -14))
def guitar(p: PropPainter) -> None:
    colour = p.main((200, 120, 60))
    body = union_all([oval(0, -7, 6.6, 6.6), oval(0, -15, 5, 5)])
    p.fill(body, colour)
    p.fill(oval(0, -10.6, 2, 2), (60, 40, 30), outline=0.3)
    p.fill(rect(-1, -38, 1, -13), (110, 70, 44))
    p.fill(rect(-1.8, -42, 1.8, -37, 0.6), (90, 56, 36))
    strings = skia.Path()
    for x in (-0.5, 0, 0.5):
        strings.moveTo(x, -40)
        strings.lineTo(x, -4)
    p.line(strings, (236, 236, 230), 0.15)
    p.fill(rect(-2.4, -4.4, 2.4, -3.2, 0.3), (60, 40, 30), outline=0.3)


@register(Prop.drum, (-9, -16, 9, 0), grip=(-8, -9))
def drum(p: PropPainter) -> None:
    colour = p.main((210, 60, 60))
    p.fill(rect(-8, -12, 8, -1.6), colour)
    zigzag = skia.Path()
    zigzag.moveTo(-8, -10.4)
    for k in range(9):
        zigzag.lineTo(-8 + (k + 1) * 16 / 9, -10.4 if k % 2 else -3.2)
    p.line(zigzag, (250, 220, 90), 0.5)
    p.fill(oval(0, -1.6, 8, 1.8), (240, 230, 210))
    p.fill(oval(0, -12, 8, 1.8), (246, 240, 228))
    for side in (-1, 1):
        p.fill(tube([(side * 2, -13), (side * 6, -15.4)], 0.7), (180, 130, 80), outline=0.4)


@register(Prop.hammer, (-5, -22, 5, 0), grip=(0, -4))
def hammer(p: PropPainter) -> None:
    p.fill(rect(-0.9, -18, 0.9, 0, 0.6), _WOOD)
    head = union_all([rect(-4.6, -21.6, 3.4, -17.4, 0.4), poly([(3.4, -21.6), (4.8, -22), (4.4, -18.6), (3.4, -18.4)])])
    p.fill(head, p.main((110, 114, 126)))
    p.flat(rect(-4, -21, 2.6, -20.2), (255, 255, 255), alpha=0.3)
