"""Props to eat and drink: cake, bread, pie, cookie, apple, carrot, egg, honey pot, acorn,
mushroom, teapot and cup. Units: 100 = an adult's height, the ground at y = 0."""

from __future__ import annotations

import skia

from render_farm.engine.art.shapes import oval, poly, rect, tube, union_all
from render_farm.engine.styles import darker, lighter
from render_farm.film.spec import Prop

from . import PropPainter, register


@register(Prop.cake, (-9.5, -17, 9.5, 1), grip=(0, -2))
def cake(p: PropPainter) -> None:
    p.fill(oval(0, -0.8, 9, 1.6), (240, 240, 246))  # the plate
    sponge = p.main((246, 200, 150))
    p.fill(rect(-7, -10, 7, -1.2, 1.2), sponge)
    p.fill(rect(-7, -6.2, 7, -4.8), (200, 70, 90), outline=0.3, shade=False)
    icing = union_all([rect(-7.4, -11.4, 7.4, -9, 1.4)] + [oval(-6 + k * 3, -9, 1.2, 1.6) for k in range(5)])
    p.fill(icing, (252, 240, 246))
    p.fill(rect(-0.5, -15, 0.5, -11.4), (120, 170, 230), outline=0.3)
    p.glow(oval(0, -15.8, 0.7, 1.2), (255, 200, 80))
    p.fill(oval(-3.5, -12, 1, 1), (220, 40, 60), outline=0.3)
    p.fill(oval(3.5, -12, 1, 1), (220, 40, 60), outline=0.3)


@register(Prop.bread, (-10, -7, 10, 0))
def bread(p: PropPainter) -> None:
    loaf = union_all([oval(0, -3.6, 10, 3.6), rect(-9, -3.6, 9, 0, 1.2)])
    p.fill(loaf, p.main((214, 150, 80)))
    cuts = skia.Path()
    for x in (-5, -1, 3, 7):
        cuts.moveTo(x - 1.4, -5.2)
        cuts.lineTo(x + 0.6, -2.8)
    p.line(cuts, (170, 106, 50), 0.5)


@register(Prop.pie, (-10, -7, 10, 0))
def pie(p: PropPainter) -> None:
    p.fill(poly([(-10, -4), (10, -4), (8, 0), (-8, 0)], 0.6), (200, 200, 210))
    crust = union_all([oval(0, -4.4, 10, 2.6)])
    p.fill(crust, p.main((226, 170, 96)))
    lattice = skia.Path()
    for x in (-5, 0, 5):
        lattice.moveTo(x - 1.5, -6.4)
        lattice.lineTo(x + 1.5, -2.4)
    p.line(lattice, (190, 120, 60), 0.6)
    p.fill(oval(-3, -4.2, 1.1, 0.6), (180, 40, 60), outline=0.2, shade=False)
    p.fill(oval(3, -4.6, 1.1, 0.6), (180, 40, 60), outline=0.2, shade=False)


@register(Prop.cookie, (-4, -8, 4, 0))
def cookie(p: PropPainter) -> None:
    p.fill(oval(0, -4, 3.8, 3.8), p.main((214, 160, 90)))
    chips = skia.Path()
    for x, y in ((-1.5, -5.2), (1.4, -4.6), (-0.4, -2.6), (1.8, -2.6), (-2, -3.2)):
        chips.addCircle(x, y, 0.5)
    p.flat(chips, (90, 56, 40))


@register(Prop.apple, (-5, -11, 5, 0))
def apple(p: PropPainter) -> None:
    body = union_all([oval(-1.8, -4.6, 3.4, 4.4), oval(1.8, -4.6, 3.4, 4.4)])
    p.fill(body, p.main((214, 50, 50)))
    p.line(tube([(0, -8.6), (0.6, -10.4)], 0.1), (110, 70, 40), 0.7)
    p.fill(poly([(0.8, -9.4), (3.6, -10.6), (2.2, -8.6)], 0.3), (90, 160, 70), outline=0.4)
    p.flat(oval(-2, -6, 0.9, 1.4), (255, 255, 255), alpha=0.45)


@register(Prop.carrot, (-3, -18, 3, 0), grip=(0, -12))
def carrot(p: PropPainter) -> None:
    p.fill(poly([(-2.4, -12), (2.4, -12), (0.4, 0), (-0.4, 0)], 0.8), p.main((240, 130, 40)))
    ridges = skia.Path()
    for y in (-9, -6, -3):
        ridges.moveTo(-1.4, y)
        ridges.lineTo(0.4, y)
    p.line(ridges, (200, 100, 30), 0.3)
    leaves = union_all(
        [tube([(0, -12), (-1.8, -17)], 1.0), tube([(0, -12), (0.4, -17.6)], 1.0), tube([(0, -12), (2, -16.4)], 1.0)]
    )
    p.fill(leaves, (90, 160, 70), outline=0.4)


@register(Prop.egg, (-4, -10, 4, 0))
def egg(p: PropPainter) -> None:
    shell = poly(
        [(0, -9.6), (2.6, -7.6), (3.6, -3.6), (2.8, -0.8), (0, 0), (-2.8, -0.8), (-3.6, -3.6), (-2.6, -7.6)], 2.6
    )
    p.fill(shell, p.main((250, 242, 226)))
    if p.look.broken:
        crack = skia.Path()
        crack.moveTo(-3.4, -5)
        for k, x in enumerate((-2, -1, 0, 1, 2, 3.4)):
            crack.lineTo(x, -5 + (0.9 if k % 2 == 0 else -0.9))
        p.line(crack, (120, 100, 80), 0.35)
    p.flat(oval(-1.2, -6.4, 0.8, 1.2), (255, 255, 255), alpha=0.5)


@register(Prop.honey_pot, (-6, -13, 6, 0))
def honey_pot(p: PropPainter) -> None:
    pot = union_all([oval(0, -5, 5.6, 5), rect(-3.6, -10, 3.6, -6, 0.6)])
    p.fill(pot, p.main((230, 170, 60)))
    p.fill(rect(-4.4, -11.4, 4.4, -9.6, 0.6), (200, 110, 60), outline=0.5)
    drip = union_all([rect(-4, -9.6, 4, -8.4), oval(-2.2, -7.8, 0.9, 1.4), oval(1.6, -7.2, 0.8, 1.8)])
    p.fill(drip, (250, 200, 60), outline=0.3, shade=False)
    p.fill(rect(-3, -5.6, 3, -2.4, 0.4), (250, 244, 220), outline=0.4)
    p.line(tube([(-1.6, -4), (1.6, -4)], 0.1), (160, 110, 50), 0.4)


@register(Prop.acorn, (-3, -8, 3, 0))
def acorn(p: PropPainter) -> None:
    p.fill(poly([(-2.4, -5), (2.4, -5), (1.8, -1.4), (0, 0), (-1.8, -1.4)], 1.2), p.main((190, 130, 60)))
    cap = union_all([oval(0, -5.4, 2.8, 1.6), rect(-0.3, -7.8, 0.3, -6.4)])
    p.fill(cap, (130, 90, 50))
    dots = skia.Path()
    for x in (-1.6, -0.4, 0.8, 1.8):
        dots.addCircle(x, -5.6, 0.25)
    p.flat(dots, (100, 66, 36))


@register(Prop.mushroom, (-6, -11, 6, 0))
def mushroom(p: PropPainter) -> None:
    p.fill(poly([(-1.8, 0), (-1.4, -6), (1.4, -6), (1.8, 0)], 0.8), (246, 238, 220))
    cap = skia.Op(oval(0, -6, 6, 5), rect(-7, -6, 7, 0), skia.PathOp.kDifference_PathOp) or oval(0, -6, 6, 5)
    p.fill(cap, p.main((214, 60, 56)))
    spots = skia.Path()
    for x, y, r in ((-3, -8, 0.9), (1, -9.6, 0.8), (3.4, -7.4, 0.7), (-0.6, -7, 0.6)):
        spots.addCircle(x, y, r)
    p.flat(spots, (250, 250, 246))


@register(Prop.teapot, (-9, -12, 9, 0), grip=(-6, -6))
def teapot(p: PropPainter) -> None:
    colour = p.main((90, 150, 200))
    p.fill(tube([(4, -5), (7.4, -8), (8.4, -10)], 1.6), colour)
    p.line(oval(-5.6, -6, 2.4, 3), colour, 1.2)
    body = union_all([oval(0, -5, 5.6, 5), rect(-4, -2, 4, 0, 0.8)])
    p.fill(body, colour)
    p.fill(oval(0, -9.6, 3.4, 1.0), lighter(colour, 0.2))
    p.fill(oval(0, -10.8, 0.9, 0.9), darker(colour, 0.2), outline=0.4)
    p.flat(oval(-2, -6.2, 1.4, 2), (255, 255, 255), alpha=0.35)


@register(Prop.cup, (-4, -11, 5, 0), grip=(3.6, -4))
def cup(p: PropPainter) -> None:
    colour = p.main((246, 244, 240))
    p.line(oval(3.4, -4, 1.4, 1.6), darker(colour, 0.1), 0.8)
    p.fill(poly([(-3.4, -6.4), (3.4, -6.4), (2.6, 0), (-2.6, 0)], 0.6), colour)
    p.fill(oval(0, -6.4, 3.4, 0.8), (120, 80, 50), outline=0.3, shade=False)
    steam = skia.Path()
    steam.moveTo(-0.8, -7.4)
    steam.quadTo(-2, -9, -0.6, -10.4)
    p.line(steam, (250, 250, 255), 0.3, alpha=0.6)
