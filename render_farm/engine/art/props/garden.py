"""Props of gardens, fields and shores: the seed, the sprout and the sapling it grows into, a
flower, a watering can, a shovel, a basket, a bucket, a nest, a feather, a bone and a shell.
Units: 100 = an adult's height, the ground at y = 0."""

from __future__ import annotations

import math

import skia

from render_farm.engine.art.shapes import oval, poly, rect, tube, union_all
from render_farm.engine.styles import darker, lighter
from render_farm.film.spec import Prop

from . import PropPainter, register


def _pot(p: PropPainter, width: float, height: float) -> None:
    p.fill(poly([(-width, -height), (width, -height), (width * 0.75, 0), (-width * 0.75, 0)], 0.5), (200, 110, 70))
    p.fill(rect(-width - 0.6, -height - 1.2, width + 0.6, -height + 0.4, 0.4), (214, 126, 84))
    p.fill(oval(0, -height - 0.9, width * 0.9, 0.6), (110, 76, 50), outline=0.0, shade=False)


@register(Prop.seed, (-3, -5, 3, 0))
def seed(p: PropPainter) -> None:
    """A big brown seed, a little sprout of promise at its tip."""
    body = poly([(0, -4.6), (2.2, -2.6), (2, -0.6), (0, 0), (-2, -0.6), (-2.2, -2.6)], 1.6)
    p.fill(body, p.main((150, 100, 56)))
    p.line(tube([(0, -4), (0, -1)], 0.1), (120, 76, 40), 0.3)
    p.flat(oval(-0.9, -2.8, 0.5, 0.9), (255, 255, 255), alpha=0.4)


@register(Prop.sprout, (-5, -16, 5, 0), grip=(0, -4))
def sprout(p: PropPainter) -> None:
    """A sprout in its pot: a stem and two fresh leaves."""
    _pot(p, 4, 6)
    p.line(tube([(0, -6.6), (0.4, -11)], 0.1), (90, 150, 60), 0.8)
    for side in (-1, 1):
        leaf = poly([(0.2, -11), (side * 2.4, -14.6), (side * 4.4, -12.6), (side * 2, -11)], 1.0)
        p.fill(leaf, p.main((110, 190, 80)), outline=0.5)


@register(Prop.tree_sapling, (-10, -36, 10, 0), grip=(0, -5))
def tree_sapling(p: PropPainter) -> None:
    """A young tree in a tub: a thin trunk, a few branches and a small crown of leaves."""
    _pot(p, 6, 8)
    p.fill(tube([(0, -8), (0.4, -22), (-0.4, -28)], 1.4), (130, 90, 56))
    p.fill(tube([(0.2, -20), (4, -25)], 0.8), (130, 90, 56), outline=0.5)
    crown = union_all([oval(-3.4, -28, 4.4, 4.2), oval(3.2, -27, 4.4, 4.0), oval(0, -32, 5, 4), oval(0.4, -26, 4, 3)])
    p.fill(crown, p.main((90, 170, 80)))


@register(Prop.flower, (-4, -24, 4, 0), grip=(0, -6))
def flower(p: PropPainter) -> None:
    p.line(tube([(0, 0), (0.4, -18)], 0.1), (80, 140, 60), 0.9)
    p.fill(poly([(0.2, -8), (3.6, -11), (2, -7.6)], 0.6), (100, 170, 70), outline=0.4)
    petals = union_all(
        [oval(math.cos(a) * 2.2, -19 + math.sin(a) * 2.2, 1.8, 1.8) for a in [k * math.tau / 6 for k in range(6)]]
    )
    p.fill(petals, p.main((240, 90, 130)))
    p.fill(oval(0, -19, 1.3, 1.3), (250, 210, 70), outline=0.4)


@register(Prop.watering_can, (-11, -13, 9, 0), grip=(0, -12))
def watering_can(p: PropPainter) -> None:
    colour = p.main((90, 160, 110))
    p.fill(tube([(3, -4), (8.4, -10)], 1.4), colour)
    p.fill(rect(7.4, -11.8, 9, -9.2, 0.4), darker(colour, 0.15), outline=0.4)
    p.fill(rect(-5.6, -8.6, 5, 0, 1.0), colour)
    handle = skia.Path()
    handle.addArc(skia.Rect.MakeLTRB(-4.8, -12.4, 4.0, -5.6), 180, 180)
    p.line(handle, darker(colour, 0.15), 1.0)
    p.fill(oval(-7.4, -6, 1.8, 2.6), darker(colour, 0.1), outline=0.4)
    p.flat(rect(-4.6, -7.4, -3.4, -1.4, 0.5), (255, 255, 255), alpha=0.3)


@register(Prop.shovel, (-4, -62, 4, 0), grip=(0, -40))
def shovel(p: PropPainter) -> None:
    p.fill(rect(-0.7, -58, 0.7, -12), (160, 110, 66))
    p.fill(rect(-2.8, -62, 2.8, -58.4, 1.4), (70, 66, 66), outline=0.5)
    p.fill(poly([(-3.6, -13), (3.6, -13), (3.4, -4), (0, 0), (-3.4, -4)], 0.8), p.main((170, 176, 186)))


@register(Prop.basket, (-8, -16, 8, 0), grip=(0, -14))
def basket(p: PropPainter) -> None:
    colour = p.main((200, 150, 80))
    p.line(
        skia.Op(oval(0, -7, 6.4, 8), rect(-8, -7, 8, 2), skia.PathOp.kDifference_PathOp) or oval(0, -7, 6.4, 8),
        darker(colour, 0.1),
        1.0,
    )
    for x, c in ((-3, (214, 60, 56)), (0.6, (246, 210, 70)), (3.6, (214, 60, 56))):
        p.fill(oval(x, -7.2, 2, 2), c, outline=0.4)
    body = poly([(-7.4, -7), (7.4, -7), (5.6, 0), (-5.6, 0)], 0.8)
    p.fill(body, colour)
    weave = skia.Path()
    for y in (-5, -2.6):
        weave.moveTo(-6.6, y)
        weave.lineTo(6.6, y)
    for x in (-4, -1.3, 1.3, 4):
        weave.moveTo(x, -7)
        weave.lineTo(x * 0.85, 0)
    p.line(weave, darker(colour, 0.3), 0.3)


@register(Prop.bucket, (-7, -14, 7, 0), grip=(0, -13))
def bucket(p: PropPainter) -> None:
    colour = p.main((100, 140, 200))
    p.line(
        skia.Op(oval(0, -9, 5.6, 4.6), rect(-7, -9, 7, 0), skia.PathOp.kDifference_PathOp) or oval(0, -9, 5.6, 4.6),
        (120, 120, 126),
        0.6,
    )
    p.fill(poly([(-6, -9), (6, -9), (4.6, 0), (-4.6, 0)], 0.6), colour)
    p.fill(oval(0, -9, 6, 1.2), darker(colour, 0.3), outline=0.4)
    p.flat(poly([(-4.4, -7.6), (-3.4, -7.6), (-2.8, -1), (-3.6, -1)]), (255, 255, 255), alpha=0.3)


@register(Prop.nest, (-8, -8, 8, 0))
def nest(p: PropPainter) -> None:
    for x in (-2.4, 0, 2.4):
        p.fill(oval(x, -5.4, 1.7, 2.2), (200, 220, 240), outline=0.4)
    bowl = skia.Op(oval(0, -4.4, 7.6, 4.4), rect(-8, -9, 8, -4.4), skia.PathOp.kDifference_PathOp) or oval(0, -4, 7, 4)
    p.fill(bowl, p.main((150, 110, 66)))
    twigs = skia.Path()
    for k in range(7):
        twigs.moveTo(-7 + k * 2, -4 + (k % 2))
        twigs.lineTo(-4.6 + k * 2, -1.4 - (k % 2))
    p.line(twigs, (110, 76, 44), 0.35)


@register(Prop.feather, (-4, -17, 4, 0), grip=(0, -2))
def feather(p: PropPainter) -> None:
    colour = p.main((120, 170, 220))
    vane = skia.Path()
    vane.moveTo(0.2, -3)
    vane.cubicTo(3.6, -6, 3.4, -12, 0.4, -16.8)
    vane.cubicTo(-3.2, -13, -3.4, -8, -2.2, -6.6)
    vane.lineTo(-0.8, -7.4)
    vane.lineTo(-2.0, -5.2)
    vane.close()
    p.fill(vane, colour)
    quill = skia.Path()
    quill.moveTo(0, 0)
    quill.quadTo(0.6, -8, 0.4, -16.4)
    p.line(quill, lighter(colour, 0.55), 0.45)


@register(Prop.bone, (-9, -5, 9, 0))
def bone(p: PropPainter) -> None:
    shape = union_all(
        [rect(-6.4, -3.2, 6.4, -1.6, 0.6)] + [oval(x, y, 1.7, 1.5) for x in (-7, 7) for y in (-3.6, -1.4)]
    )
    p.fill(shape, p.main((246, 240, 222)))


@register(Prop.shell, (-6, -10, 6, 0))
def shell(p: PropPainter) -> None:
    fan = poly([(0, -0.4), (-5.6, -5), (-4.6, -8.6), (-1.6, -9.8), (1.6, -9.8), (4.6, -8.6), (5.6, -5)], 1.6)
    colour = p.main((250, 200, 190))
    p.fill(fan, colour)
    ribs = skia.Path()
    for a in (-60, -35, -10, 15, 40, 62):
        r = math.radians(a - 90)
        ribs.moveTo(0, -0.6)
        ribs.lineTo(math.cos(r) * 8.4, -0.6 + math.sin(r) * 8.4)
    p.p.canvas.save()
    p.p.canvas.clipPath(fan, doAntiAlias=True)
    p.line(ribs, darker(colour, 0.2), 0.3)
    p.p.canvas.restore()
    p.fill(rect(-1.6, -1.4, 1.6, 0, 0.4), darker(colour, 0.1), outline=0.4)
