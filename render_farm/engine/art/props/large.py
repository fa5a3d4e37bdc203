"""Props too big to carry, set in a scene: boat, bicycle, car, cart, wheelbarrow, rocket, sled,
ladder, chest, windmill, tent, campfire, snowman, scarecrow, well, fountain and bench.
Units: 100 = an adult's height, the ground at y = 0."""

from __future__ import annotations

import math

import skia

from render_farm.engine.art.shapes import oval, poly, rect, tube, union_all
from render_farm.engine.styles import RGB, darker, lighter
from render_farm.film.spec import Prop

from . import PropPainter, register

_WOOD: RGB = (160, 108, 66)
_IRON: RGB = (70, 70, 78)


def _wheel(p: PropPainter, x: float, y: float, r: float, spokes: int = 8, colour: RGB = _IRON) -> None:
    p.fill(
        skia.Op(oval(x, y, r, r), oval(x, y, r * 0.78, r * 0.78), skia.PathOp.kDifference_PathOp) or oval(x, y, r, r),
        colour,
    )
    lines = skia.Path()
    for k in range(spokes):
        a = math.tau * k / spokes
        lines.moveTo(x, y)
        lines.lineTo(x + math.cos(a) * r * 0.8, y + math.sin(a) * r * 0.8)
    p.line(lines, lighter(colour, 0.3), max(0.3, r * 0.06))
    p.fill(oval(x, y, r * 0.16, r * 0.16), colour, outline=0.4)


@register(Prop.boat, (-36, -58, 36, 0))
def boat(p: PropPainter) -> None:
    """A little sailing boat drawn up on the shore."""
    colour = p.main((70, 120, 190))
    p.fill(rect(-0.9, -56, 0.9, -12), _WOOD)
    p.fill(poly([(2, -54), (2, -16), (26, -16)], 0.6), (250, 246, 236))
    p.fill(poly([(-2, -46), (-2, -18), (-16, -18)], 0.6), (240, 232, 214))
    hull = poly([(-35, -14), (35, -14), (28, -2), (20, 0), (-22, 0), (-30, -4)], 1.6)
    p.fill(hull, colour)
    p.fill(rect(-34, -14.6, 34, -11.6, 0.6), (250, 246, 236), outline=0.5)
    p.fill(
        union_all([oval(-14, -7, 1.6, 1.6), oval(-4, -7, 1.6, 1.6), oval(6, -7, 1.6, 1.6)]),
        (230, 230, 220),
        outline=0.4,
    )


@register(Prop.bicycle, (-28, -36, 28, 0))
def bicycle(p: PropPainter) -> None:
    colour = p.main((220, 60, 60))
    _wheel(p, -16, -11, 11, 12)
    _wheel(p, 16, -11, 11, 12)
    frame = union_all(
        [
            tube([(-16, -11), (-4, -11), (10, -26), (-6, -26), (-16, -11)], 1.6),
            tube([(-4, -11), (-8, -30)], 1.4),
            tube([(10, -26), (16, -11)], 1.4),
            tube([(10, -26), (12, -33)], 1.4),
        ]
    )
    p.fill(frame, colour)
    p.fill(rect(-12, -32, -4, -29.6, 1.2), (50, 46, 50))
    p.fill(tube([(8, -34), (15, -33)], 1.4), (50, 46, 50))
    p.fill(oval(-4, -11, 2.4, 2.4), _IRON, outline=0.4)


@register(Prop.car, (-48, -40, 48, 0))
def car(p: PropPainter) -> None:
    colour = p.main((230, 180, 60))
    body = poly(
        [
            (-46, -10),
            (-44, -20),
            (-26, -22),
            (-16, -36),
            (18, -36),
            (30, -22),
            (44, -20),
            (46, -10),
            (44, -5),
            (-44, -5),
        ],
        3,
    )
    p.fill(body, colour)
    windows: tuple[list[tuple[float, float]], ...] = (
        [(-12, -33.4), (0, -33.4), (0, -23), (-22, -23)],  # the back window, raked
        [(3, -33.4), (14, -33.4), (24, -23), (3, -23)],  # the windscreen
    )
    for points in windows:
        p.fill(poly(points, 0.8), (190, 226, 240), outline=0.5)
    p.fill(rect(-4, -21, -0.6, -19.8, 0.4), darker(colour, 0.3), outline=0.3)
    p.fill(rect(42, -18, 46, -14, 1.0), (255, 244, 200), outline=0.4)
    p.fill(rect(-46, -17, -43, -13.6, 0.8), (230, 60, 50), outline=0.4)
    for x in (-28, 28):
        p.fill(oval(x, -8, 8, 8), (46, 46, 52))
        p.fill(oval(x, -8, 3.6, 3.6), (200, 206, 216), outline=0.4)


@register(Prop.cart, (-34, -36, 34, 0))
def cart(p: PropPainter) -> None:
    """A wooden hand cart loaded with sacks, its shafts resting on the ground."""
    colour = p.main(_WOOD)
    p.fill(tube([(14, -20), (33, -2)], 1.6), darker(colour, 0.1))
    for x, y, c in ((-14, -26, (220, 200, 150)), (-2, -27, (210, 190, 140)), (-8, -31, (226, 206, 160))):
        p.fill(oval(x, y, 6, 5), c)
    p.fill(rect(-24, -24, 18, -12, 0.8), colour)
    planks = skia.Path()
    for y in (-20, -16):
        planks.moveTo(-24, y)
        planks.lineTo(18, y)
    p.line(planks, darker(colour, 0.3), 0.35)
    _wheel(p, -4, -11, 11, 8, darker(colour, 0.25))


@register(Prop.wheelbarrow, (-28, -25, 28, 1))
def wheelbarrow(p: PropPainter) -> None:
    colour = p.main((90, 150, 110))
    p.fill(union_all([tube([(-26, -16), (12, -9)], 1.4), tube([(-20, -12), (-20, 0)], 1.4)]), _WOOD)
    p.fill(poly([(-16, -20), (14, -20), (18, -8), (-8, -6)], 1.2), colour)
    p.fill(union_all([oval(-6, -20, 6, 2.6), oval(4, -21, 6, 3)]), (120, 90, 60), outline=0.4)
    _wheel(p, 16, -7, 7, 8)


@register(Prop.rocket, (-22, -150, 22, 0))
def rocket(p: PropPainter) -> None:
    colour = p.main((236, 236, 242))
    for side in (-1, 1):
        p.fill(poly([(side * 9, -46), (side * 20, -18), (side * 20, 0), (side * 9, -14)], 1.4), (214, 60, 60))
    body = poly([(-10, -12), (-11, -90), (-6, -124), (0, -148), (6, -124), (11, -90), (10, -12)], 3)
    p.fill(body, colour)
    p.fill(poly([(-6, -124), (0, -148), (6, -124)], 1.6), (214, 60, 60))
    p.fill(oval(0, -90, 5.4, 5.4), (150, 160, 176))
    p.fill(oval(0, -90, 3.8, 3.8), (120, 190, 240), outline=0.4)
    p.fill(rect(-7, -12, 7, -4, 1.2), (110, 114, 126))
    p.fill(rect(-1.8, -40, 1.8, -14), (214, 60, 60), outline=0.4)


@register(Prop.sled, (-24, -16, 24, 0))
def sled(p: PropPainter) -> None:
    colour = p.main((200, 60, 60))
    runner = skia.Path()
    runner.moveTo(-22, -1)
    runner.lineTo(18, -1)
    runner.quadTo(24, -1, 23, -7)
    p.line(runner, _IRON, 1.2)
    for x in (-14, 0, 12):
        p.fill(rect(x - 0.8, -8, x + 0.8, -1), _IRON, outline=0.4)
    p.fill(rect(-20, -11, 18, -7.6, 1.2), colour)
    p.fill(rect(-20, -14.6, -16, -7.6, 1.2), darker(colour, 0.15))


@register(Prop.ladder, (-9, -92, 9, 0))
def ladder(p: PropPainter) -> None:
    colour = p.main((190, 140, 80))
    parts = [rect(-8, -92, -6, 0), rect(6, -92, 8, 0)] + [rect(-6, y, 6, y + 1.8) for y in range(-86, -2, 10)]
    p.fill(union_all(parts), colour)


@register(Prop.chest, (-15, -24, 15, 0))
def chest(p: PropPainter) -> None:
    """A treasure chest (open: its lid thrown back and the gold showing)."""
    colour = p.main((150, 96, 56))
    if p.look.open:
        p.fill(poly([(-14, -16), (14, -16), (13, -23.6), (-13, -23.6)], 1.4), darker(colour, 0.15))
        p.fill(union_all([oval(x, -16, 3, 2.4) for x in (-8, -2.6, 3, 8)]), (246, 200, 60), outline=0.4)
        p.fill(rect(-14, -16, 14, 0, 0.8), colour)
    else:
        p.fill(
            union_all(
                [
                    rect(-14, -16, 14, 0, 0.8),
                    skia.Op(oval(0, -16, 14, 6.4), rect(-15, -16, 15, 0), skia.PathOp.kDifference_PathOp)
                    or rect(-14, -20, 14, -16),
                ]
            ),
            colour,
        )
    bands = union_all(
        [
            rect(-10, -21 if not p.look.open else -16, -8, 0),
            rect(8, -21 if not p.look.open else -16, 10, 0),
            rect(-14, -16.6, 14, -15),
        ]
    )
    p.fill(bands, (220, 180, 70), outline=0.4)
    p.fill(rect(-2, -15, 2, -10, 0.6), (220, 180, 70), outline=0.4)
    p.flat(oval(0, -12, 0.6, 0.8), (60, 40, 30))


@register(Prop.windmill, (-80, -250, 80, 0))
def windmill(p: PropPainter) -> None:
    tower = poly([(-34, 0), (-20, -150), (20, -150), (34, 0)], 2)
    p.fill(tower, p.main((236, 226, 206)))
    p.fill(rect(-8, -34, 8, 0, 6), (110, 76, 50))
    p.fill(rect(-6, -96, 6, -82, 2), (120, 170, 200), outline=0.5)
    p.fill(poly([(-24, -148), (24, -148), (0, -176)], 2), (160, 70, 56))
    hub = (0, -152)
    sails = []
    for k in range(4):
        a = math.radians(30 + 90 * k)
        tip = (hub[0] + math.cos(a) * 76, hub[1] + math.sin(a) * 76)
        near = (hub[0] + math.cos(a) * 18, hub[1] + math.sin(a) * 18)
        n = (-math.sin(a) * 16, math.cos(a) * 16)
        sails.append(tube([hub, tip], 3.2))
        sails.append(poly([near, tip, (tip[0] + n[0], tip[1] + n[1]), (near[0] + n[0], near[1] + n[1])]))
    p.fill(union_all(sails), (244, 240, 230))
    p.fill(oval(*hub, 6, 6), (90, 70, 60))


@register(Prop.tent, (-40, -52, 40, 0))
def tent(p: PropPainter) -> None:
    colour = p.main((230, 140, 60))
    p.fill(poly([(-38, 0), (0, -50), (38, 0)], 1.2), colour)
    p.fill(poly([(-10, 0), (0, -38), (10, 0)]), (70, 50, 40), outline=0.5)
    p.fill(poly([(0, -50), (0, 0), (-8, 0)]), lighter(colour, 0.2), outline=0.0, shade=False)
    p.fill(rect(-0.8, -52, 0.8, -48), (120, 90, 60), outline=0.4)
    ropes = skia.Path()
    for side in (-1, 1):
        ropes.moveTo(side * 24, -20)
        ropes.lineTo(side * 39, 0)
    p.line(ropes, (120, 110, 100), 0.4)


@register(Prop.campfire, (-16, -28, 16, 4))
def campfire(p: PropPainter) -> None:
    for x in (-9, -3, 3, 9):
        p.fill(oval(x, -1.6, 3, 2), (150, 146, 140))
    logs = union_all([tube([(-10, -2), (8, -8)], 2.6), tube([(10, -2), (-8, -8)], 2.6)])
    p.fill(logs, (130, 84, 50))
    if p.look.lit is False:
        smoke = skia.Path()
        smoke.moveTo(0, -8)
        smoke.quadTo(-4, -16, 1, -24)
        p.line(smoke, (190, 190, 200), 1.0, alpha=0.6)
        return
    p.halo(0, -12, 16, (255, 170, 80), 0.5)
    flames = union_all([oval(-3, -10, 3.4, 6), oval(3, -11, 3.2, 7), oval(0, -15, 2.6, 8)])
    p.glow(flames, (250, 140, 50))
    p.glow(union_all([oval(0, -10, 2.4, 4.6), oval(-1.6, -8, 1.6, 2.4)]), (255, 220, 110))


@register(Prop.snowman, (-18, -66, 18, 0))
def snowman(p: PropPainter) -> None:
    snow = (246, 248, 252)
    p.fill(oval(0, -14, 15, 14), snow)
    p.fill(oval(0, -37, 11, 10.4), snow)
    p.fill(oval(0, -54, 8, 7.6), snow)
    for side in (-1, 1):
        p.line(tube([(side * 9, -38), (side * 17, -46), (side * 17.4, -50)], 0.1), (110, 76, 50), 1.0)
    p.fill(union_all([rect(-7, -61.4, 7, -59.6, 0.4), rect(-4.6, -66, 4.6, -60.6, 0.6)]), (40, 40, 46))
    p.fill(poly([(0, -53.6), (7.4, -52.4), (0, -51.4)], 0.3), p.main((240, 130, 40)), outline=0.4)
    dots = skia.Path()
    for x, y in ((-2.6, -56.4), (2.6, -56.4), (0, -40), (0, -35), (0, -30)):
        dots.addCircle(x, y, 0.9)
    p.flat(dots, (40, 40, 46))
    p.fill(poly([(-8.6, -47.4), (8.6, -47.4), (8, -44.6), (-8, -44.6)], 0.8), p.main((210, 60, 60)))
    p.fill(rect(4, -46, 7.4, -38, 0.8), p.main((210, 60, 60)))


@register(Prop.scarecrow, (-30, -110, 30, 0))
def scarecrow(p: PropPainter) -> None:
    p.fill(rect(-1.6, -80, 1.6, 0), _WOOD)
    p.fill(rect(-28, -72, 28, -69, 0.6), _WOOD)
    shirt = poly(
        [
            (-16, -76),
            (16, -76),
            (24, -71),
            (24, -64),
            (12, -66),
            (11, -40),
            (-11, -40),
            (-12, -66),
            (-24, -64),
            (-24, -71),
        ],
        1.6,
    )
    p.fill(shirt, p.main((80, 120, 180)))
    p.fill(rect(-6, -60, -1, -54, 0.4), (220, 70, 60), outline=0.4)
    straw = skia.Path()
    for x in (-25, 25):
        for dy in (-2, 0, 2):
            straw.moveTo(x, -68)
            straw.lineTo(x + (3 if x > 0 else -3), -68 + dy * 1.6)
    for dx in (-6, 0, 6):
        straw.moveTo(dx, -40)
        straw.lineTo(dx * 1.3, -34)
    p.line(straw, (226, 196, 100), 0.7)
    p.fill(oval(0, -86, 9, 9), (236, 214, 160))
    p.fill(union_all([oval(0, -93, 16, 3), rect(-8, -106, 8, -92, 3)]), (150, 110, 60))
    face = skia.Path()
    face.addCircle(-3.4, -88, 1.2)
    face.addCircle(3.4, -88, 1.2)
    p.flat(face, (60, 40, 30))
    smile = skia.Path()
    smile.moveTo(-4, -82.6)
    smile.quadTo(0, -80, 4, -82.6)
    p.line(smile, (60, 40, 30), 0.6)


@register(Prop.well, (-22, -60, 22, 0))
def well(p: PropPainter) -> None:
    stone = p.main((170, 164, 156))
    p.fill(union_all([rect(-16, -54, -14, -18), rect(14, -54, 16, -18)]), _WOOD)
    p.fill(poly([(-21, -50), (0, -60), (21, -50), (19, -47), (-19, -47)], 1), (170, 70, 56))
    p.fill(rect(-14, -40, 14, -38), _WOOD, outline=0.5)
    p.line(tube([(0, -39), (0, -28)], 0.1), (120, 100, 80), 0.5)
    p.fill(rect(-2.4, -28, 2.4, -23, 0.6), (110, 110, 120), outline=0.4)
    p.fill(rect(-18, -20, 18, 0, 1.0), stone)
    blocks = skia.Path()
    for row, y in enumerate((-15, -10, -5)):
        blocks.moveTo(-18, y)
        blocks.lineTo(18, y)
        for x in range(-16 + (row % 2) * 3, 18, 6):
            blocks.moveTo(x, y)
            blocks.lineTo(x, y - 5)
    p.line(blocks, darker(stone, 0.25), 0.35)
    p.fill(oval(0, -20, 18, 2.4), darker(stone, 0.1), outline=0.5)


@register(Prop.fountain, (-28, -56, 28, 0))
def fountain(p: PropPainter) -> None:
    stone = p.main((200, 196, 190))
    p.fill(rect(-26, -12, 26, 0, 1.2), stone)
    p.fill(oval(0, -12, 26, 3.4), (110, 170, 220))
    p.fill(rect(-3, -34, 3, -12), stone)
    p.fill(oval(0, -34, 12, 2.6), stone)
    p.fill(oval(0, -35, 10, 1.6), (120, 180, 226), outline=0.3)
    water = skia.Path()
    for side in (-1, 1):
        water.moveTo(0, -44)
        water.quadTo(side * 10, -52, side * 12, -34)
        water.moveTo(side * 11, -34)
        water.quadTo(side * 20, -30, side * 22, -13)
    water.moveTo(0, -34)
    water.lineTo(0, -54)
    p.line(water, (150, 206, 246), 1.4, alpha=0.85)
    p.line(water, (236, 248, 255), 0.4)


@register(Prop.bench, (-22, -20, 22, 0))
def bench(p: PropPainter) -> None:
    colour = p.main((150, 100, 60))
    legs = union_all([rect(-18, -9, -16, 0), rect(16, -9, 18, 0), rect(-18, -19, -16.6, -9), rect(16.6, -19, 18, -9)])
    p.fill(legs, _IRON)
    p.fill(rect(-21, -10.4, 21, -8, 0.5), colour)
    for y in (-19.6, -15.4):
        p.fill(rect(-21, y, 21, y + 2.6, 0.5), colour)
