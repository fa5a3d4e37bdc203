"""Backs: what is drawn behind a character's body -- long hair and a veil, capes and cloaks, wings
(a dragon's, a bat's, a bee's, a butterfly's, a fairy's), tails of every kind, a tortoise's or a
snail's shell, a camel's hump, a dinosaur's plates, a hedgehog's spines, a spider's extra legs and
a dolphin's or shark's fin. One layer (``back``), under the legs, torso, arms and head.
"""

from __future__ import annotations

import math

import skia

from render_farm.engine.styles import ShapePainter, darker, lighter, mix

from . import clothes, hair, headwear, overlays
from .figure import Figure
from .shapes import cut, oval, poly, rotated, rrect, tube, union

__all__ = ["draw_back"]


def draw_back(fig: Figure, p: ShapePainter) -> None:
    """Everything behind the body, back to front."""
    headwear.draw_headwear_back(fig, p)
    overlays.draw_back(fig, p)
    clothes.cape_back(fig, p)
    hair.draw_hair_back(fig, p)
    a = fig.a
    extras = fig.k.extras
    wings = fig.k.wings
    if wings == "dragon":
        for side in (-1, 1):
            top = a.torso_top
            wing = poly(
                [
                    (side * 8, top + 4),
                    (side * 40, top - 18),
                    (side * 44, top),
                    (side * 36, top + 2),
                    (side * 34, top + 14),
                    (side * 14, top + 20),
                ],
                3,
            )
            p.fill(wing, darker(fig.accent, 0.1) if fig.accent != fig.skin else darker(fig.skin, 0.2))
    elif wings == "bat":
        membrane = mix(fig.skin, fig.accent, 0.4)
        for side in (-1, 1):
            top = a.torso_top
            root = (side * a.torso_tw * 0.5, top + 3)
            elbow = (side * 30, top - 12)
            tip = (side * 45, top - 6)
            edge = [
                (side * 41, top + 12),
                (side * 33, top + 5),
                (side * 28, top + 19),
                (side * 20, top + 11),
                (side * (a.torso_tw + 1), a.torso_bottom - 3),
            ]
            p.fill(poly([root, elbow, tip, *edge], 1.2), membrane)
            bone = darker(fig.skin, 0.25)
            p.fill(tube([root, elbow, tip], 2.4), bone, outline=0.5)
            for x, y in edge[:4:2]:
                p.stroke(tube([elbow, (x, y)], 0.01), bone, 1.2)
    elif wings in ("bee", "butterfly"):
        for side in (-1, 1):
            top = a.torso_top
            if wings == "bee":
                for dy, r, ang in ((-4, 13, 35), (8, 9, -20)):
                    w = rotated(oval(side * 20, top + dy, r, r * 0.55), side * ang, side * 6, top + 6)
                    p.fill(w, (226, 242, 255), alpha=0.75)
            else:
                upper = rotated(oval(side * 25, top - 12, 21, 16), side * -24, side * 6, top + 2)
                lower = rotated(oval(side * 19, top + 14, 13, 12), side * 20, side * 6, top + 2)
                rim = darker(fig.accent, 0.45)
                p.fill(lower, rim)
                p.fill(upper, rim)
                p.flat(
                    cut(lower, rotated(oval(side * 18, top + 13, 10, 9), side * 20, side * 6, top + 2)),
                    darker(fig.accent, 0.1),
                )
                p.flat(
                    cut(upper, rotated(oval(side * 24, top - 11, 17, 12.5), side * -24, side * 6, top + 2)), fig.accent
                )
                p.flat(oval(side * 30, top - 16, 5, 5), lighter(fig.accent, 0.65))
                p.flat(oval(side * 30, top - 16, 2.2, 2.2), (40, 34, 44))
                p.flat(oval(side * 20, top + 16, 3.4, 3.4), lighter(fig.accent, 0.55))
    if "hump" in extras:
        p.fill(oval(-a.torso_tw * 0.9, a.torso_top - 6, a.torso_tw * 0.8, 13), fig.skin)
    if "plates" in extras:  # a row of plates down the back, showing past the head and the body
        cx, cy = fig.head_c
        rx, ry = fig.head_r
        for deg, size in ((-95, 8.0), (-130, 9.0), (-162, 8.5), (-192, 7.0)):
            t = math.radians(deg)
            bx, by = cx + rx * 0.9 * math.cos(t), cy + ry * 0.9 * math.sin(t)
            point = (cx + (rx + size * 1.5) * math.cos(t), cy + (ry + size * 1.5) * math.sin(t))
            hx, hy = -math.sin(t) * size * 0.6, math.cos(t) * size * 0.6
            p.fill(poly([(bx + hx, by + hy), point, (bx - hx, by - hy)], 2.2), fig.accent)
        for k in range(2):
            y = a.torso_top + 6 + k * 11
            x = -a.torso_tw - 1
            p.fill(poly([(x + 4, y - 5), (x - 8, y - 1), (x + 4, y + 5)], 2.0), fig.accent)
    if fig.k.mane == "spines":
        points = []
        for k in range(13):
            t = math.pi * (0.55 + 0.9 * k / 12)
            reach = 1.0 if k % 2 else 1.3
            points.append(
                (math.cos(t) * (a.torso_tw + 6) * reach, (a.torso_top + a.torso_bottom) / 2 - math.sin(t) * 20 * reach)
            )
        p.fill(poly([*points, (a.torso_tw, a.torso_bottom)], 1.0), fig.marks)
    if "extra_legs" in extras or "extra_arms" in extras:
        count = 2 if "extra_legs" in extras else 1
        for side in (-1, 1):
            for k in range(count):
                y = a.torso_top + 6 + k * 8
                knee = (side * (a.torso_tw + 12 + k * 2), y - 8 + k * 6)
                foot = (side * (a.torso_tw + 16 + k * 4), y + 14 + k * 4)
                p.fill(
                    tube([(side * a.torso_tw * 0.5, y), knee, foot], 2.6),
                    fig.marks if fig.k.marks else darker(fig.skin, 0.4),
                    outline=0.6,
                )
    if "dorsal" in extras:
        if fig.kind.value == "shark":
            cx, cy = fig.head_c
            p.fill(
                poly(
                    [
                        (cx - 9, cy - fig.head_r[1] + 3),
                        (cx + 6, cy - fig.head_r[1] + 2),
                        (cx - 6, cy - fig.head_r[1] - 16),
                    ],
                    2,
                ),
                fig.skin,
            )
        else:
            cx, cy = fig.head_c
            top = cy - fig.head_r[1]
            p.fill(poly([(cx - 7, top + 4), (cx + 5, top + 3), (cx - 10, top - 11)], 2.5), darker(fig.skin, 0.06))
    if "shell" in extras:
        if fig.plan == "snail":
            _snail_shell(fig, p)
        else:
            mid = (a.torso_top + a.torso_bottom) / 2
            shell = oval(a.lean, mid - 2, a.torso_tw + 13, (a.torso_bottom - a.torso_top) / 2 + 12)
            p.fill(shell, fig.marks)
            for side in (-1, 1):
                for dy in (-9, 5):
                    cx = side * (a.torso_tw + 7)
                    hexagon = poly(
                        [
                            (cx + 5 * math.cos(t), mid + dy + 5 * math.sin(t))
                            for t in [k * math.pi / 3 for k in range(6)]
                        ],
                        0.8,
                    )
                    p.flat(cut(hexagon, shell), lighter(fig.marks, 0.22))
            p.flat(
                cut(
                    oval(a.lean, mid - 2, a.torso_tw + 13, (a.torso_bottom - a.torso_top) / 2 + 12),
                    rrect(-60, a.torso_bottom + 6, 60, 0, 0),
                ),
                darker(fig.marks, 0.2),
            )
    _tail(fig, p)
    clothes.backpack_back(fig, p)


def _snail_shell(fig: Figure, p: ShapePainter) -> None:
    cx, cy, r = -9.0, -36.0, 28.0
    p.fill(oval(cx, cy, r, r), fig.accent)
    spiral = skia.Path()
    spiral.moveTo(cx, cy)
    for k in range(1, 40):
        t = k * 0.42
        rad = r * 0.86 * k / 40
        spiral.lineTo(cx + rad * math.cos(t), cy + rad * math.sin(t))
    p.stroke(spiral, darker(fig.accent, 0.35), 1.6)


def _tail(fig: Figure, p: ShapePainter) -> None:
    tail = fig.k.tail
    a = fig.a
    b = fig.b
    y0 = a.torso_bottom - 4
    x0 = -a.torso_bw * 0.6
    if tail == "none":
        return
    if tail == "cat":
        p.fill(tube([(x0, y0), (-30, y0 + 2), (-30, y0 - 20), (-36, y0 - 34)], 5.5), fig.skin)
        if fig.pattern == "tabby":
            for k in range(3):
                p.flat(oval(-30 - k * 1.5, y0 - 8 - k * 8, 3.2, 1.2), fig.marks)
    elif tail == "long_thin":
        colour = mix(fig.skin, (240, 150, 160), 0.6) if fig.kind.value == "mouse" else fig.skin
        p.fill(
            tube([(x0, y0), (-26, y0 + 8), (-36, y0 - 6), (-42, y0 + 2)], 2.4 if fig.kind.value == "mouse" else 4.5),
            colour,
            outline=0.7,
        )
    elif tail in ("fox", "bushy"):
        shape = poly([(x0, y0 - 2), (-26, y0 + 4), (-42, y0 - 14), (-40, y0 - 32), (-30, y0 - 24), (-22, y0 - 10)], 7)
        p.fill(shape, fig.skin)
        tip = cut(shape, oval(-41, y0 - 28, 10, 10))
        p.fill(tip, fig.accent if tail == "fox" else lighter(fig.skin, 0.4), outline=0.0)
    elif tail == "curl":
        if fig.plan == "bird":  # a duck's curl of tail feathers
            p.fill(
                tube([(-a.torso_tw + 4, y0 - 4), (-a.torso_tw - 6, y0 - 8), (-a.torso_tw - 4, y0 - 16)], 4), fig.skin
            )
        else:
            p.fill(tube([(x0, y0 - 4), (-20, y0 - 10), (-24, y0 - 22)], 5.0), fig.skin)
    elif tail in ("stub", "cotton"):
        colour = fig.belly if tail == "cotton" else fig.skin
        r = 6.5 if tail == "cotton" else 4.5
        p.fill(oval(-a.torso_bw * 0.95 * b, y0 + 2, r, r), colour)
    elif tail in ("tuft", "horse"):
        end = (-36, y0 + 18) if tail == "horse" else (-30, y0 + 10)
        p.fill(
            tube([(x0, y0 - 4), (-24, y0 - 2), end], 3.0 if tail == "tuft" else 6.0),
            fig.skin if tail == "tuft" else fig.accent,
        )
        if tail == "tuft":
            p.fill(oval(end[0], end[1] + 2, 4, 5.5), darker(fig.accent if fig.k.mane != "none" else fig.skin, 0.3))
        elif fig.kind.value == "unicorn":
            p.fill(tube([(x0, y0 - 2), (-22, y0), (-32, y0 + 16)], 3.0), lighter(fig.accent, 0.45), outline=0.0)
    elif tail == "ringed":
        shape = tube([(x0, y0), (-24, y0 + 2), (-34, y0 - 12), (-36, y0 - 26)], 7.5)
        p.fill(shape, fig.skin)
        for k in range(4):
            band = cut(shape, rotated(rrect(-50, y0 - 3 - k * 8, 0, y0 + 0.5 - k * 8, 0), -20 - k * 10, -30, y0 - 10))
            p.fill(band, fig.marks, outline=0.0)
    elif tail == "thick":
        p.fill(tube([(x0 + 2, y0 - 2), (-22, y0 + 8), (-36, -4)], 10 if fig.kind.value != "otter" else 7), fig.skin)
    elif tail == "flat":
        paddle = rotated(oval(-30, y0 + 6, 14, 7), -25, -30, y0 + 6)
        p.fill(paddle, darker(fig.skin, 0.3))
        for k in range(3):
            p.stroke(tube([(-38 + k * 6, y0 + 1), (-34 + k * 6, y0 + 12)], 0.01), darker(fig.skin, 0.5), 0.6)
    elif tail == "dragon":
        shape = tube([(x0, y0 + 4), (-26, y0 + 14), (-40, y0 + 4)], 8)
        spade = poly([(-40, y0 - 4), (-49, y0 + 4), (-40, y0 + 10), (-37, y0 + 4)], 1.5)
        p.fill(union(shape, spade), fig.skin)
    elif tail == "spiky":
        shape = tube([(x0, y0), (-26, y0 + 12), (-44, y0 + 16)], 10)
        p.fill(shape, fig.skin)
        for k in range(3):
            x = -20 - k * 8
            p.fill(
                poly([(x - 3, y0 + 5 + k * 2), (x + 3, y0 + 5 + k * 2), (x, y0 - 1 + k * 2)], 0.6),
                darker(fig.skin, 0.2),
            )
    elif tail == "curly_pig":
        spiral = skia.Path()
        spiral.moveTo(x0, y0)
        spiral.cubicTo(-24, y0 + 2, -26, y0 - 10, -20, y0 - 8)
        spiral.cubicTo(-16, y0 - 6, -20, y0, -26, y0 - 2)
        p.stroke(spiral, darker(fig.skin, 0.15), 2.4)
    elif tail == "monkey":
        p.fill(tube([(x0, y0), (-28, y0 + 6), (-38, y0 - 18), (-28, y0 - 28), (-24, y0 - 20)], 4), fig.skin)
    elif tail == "squirrel":
        shape = union(oval(-28, y0 - 16, 13, 24), oval(-22, y0 - 40, 10, 9))
        p.fill(shape, fig.skin)
        p.fill(cut(shape, oval(-32, y0 - 10, 6, 18)), lighter(fig.skin, 0.25), outline=0.0)
    elif tail == "feathers":
        root = -a.torso_tw + 2
        for k, ang in enumerate((-30, -10, 10)):
            f = rotated(oval(root - 8, y0 + 1, 10, 3.6), ang, root, y0 + 1)
            p.fill(f, darker(fig.skin, 0.15) if k % 2 else fig.accent if fig.kind.value == "parrot" else fig.skin)
