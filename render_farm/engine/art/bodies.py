"""Bodies: the layers of a character below and behind the head, for every body plan.

* :func:`draw_back` -- what is behind the body: long hair, a veil, capes and cloaks, wings, tails,
  a tortoise's or snail's shell, a camel's hump, a hedgehog's spines, a spider's extra legs.
* :func:`draw_legs` -- legs and feet in a stance (standing, the four steps of a walk or run,
  sitting, crouching, tucked in a jump), in trousers, shorts, boots or bare; tentacles, crab legs.
* :func:`draw_torso` -- the torso (bare, with its belly and markings, or clothed by
  :mod:`.garments` and :mod:`.overlays`) or the whole body of a plan without legs: a fish's, a
  ghost's sheet, a snake's coil, a caterpillar's segments.

Arms are :mod:`.limbs` (one layer each, so they can gesture), the head :mod:`.heads`.
"""

from __future__ import annotations

import math
import random

import skia

from render_farm.engine.art import clothes, garments, hair, headwear, overlays
from render_farm.engine.art.figure import Figure
from render_farm.engine.art.limbs import limb_color, stripe_limb
from render_farm.engine.art.shapes import cut, fuzzy_oval, oval, poly, rotated, rrect, tube, union
from render_farm.engine.styles import RGB, ShapePainter, darker, hex_rgb, lighter, mix

__all__ = ["STANCES", "draw_back", "draw_legs", "draw_torso", "sit_drop"]

STANCES = ("stand", "step0", "step1", "step2", "step3", "run0", "run1", "run2", "run3", "sit", "crouch", "tuck")
_HOOF: RGB = (74, 60, 56)
_BIRD_LEG: RGB = (238, 156, 52)


def sit_drop(fig: Figure) -> float:
    """How far the body sinks when this figure sits (units)."""
    if fig.plan in ("person", "biped", "robot"):
        return -fig.a.hip[1] * 0.5
    if fig.plan == "bird":
        return -fig.a.hip[1] * 0.6
    return 4.0


# -- behind the body ----------------------------------------------------------------------------------


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


# -- legs ------------------------------------------------------------------------------------------------


def draw_legs(fig: Figure, p: ShapePainter, stance: str = "stand") -> None:
    plan = fig.plan
    if plan in ("person", "biped"):
        _two_legs(fig, p, stance)
    elif plan == "bird":
        _bird_legs(fig, p, stance)
    elif plan == "robot":
        _robot_legs(fig, p, stance)
    elif plan == "tentacles":
        _tentacles(fig, p, stance)
    elif plan == "crab":
        _crab_legs(fig, p, stance)
    elif plan == "caterpillar":
        _caterpillar_legs(fig, p, stance)


def _feet_at(fig: Figure, stance: str) -> list[tuple[tuple[float, float], tuple[float, float], tuple[float, float]]]:
    """(hip, knee, foot) per leg, +x side first, for ``stance``."""
    a = fig.a
    hx, hy = a.hip
    fy = -a.foot[1] * 0.8
    out = []
    for side in (1, -1):
        hip = (side * hx, hy)
        foot = (side * hx * 1.1 + 1.5, fy)
        knee = ((hip[0] + foot[0]) / 2, (hip[1] + foot[1]) / 2)
        lead = side > 0
        if stance.startswith(("step", "run")):
            k = int(stance[-1])
            run = stance.startswith("run")
            if k in (0, 2):
                forward = (k == 0) == lead
                foot = (foot[0] + (4.5 if forward else -2.5) * (1.4 if run else 1.0), fy + (0.8 if forward else -1.2))
            else:
                raised = (k == 1) == lead
                if raised:
                    lift = 9.0 if run else 6.0
                    foot = (foot[0] + 2.0, fy - lift)
                    knee = (foot[0] + side * 3.5, (hy + foot[1]) / 2 - 1)
            if not (k in (1, 3) and ((k == 1) == lead)):
                knee = ((hip[0] + foot[0]) / 2, (hip[1] + foot[1]) / 2)
        elif stance == "sit":
            drop = sit_drop(fig)
            hip = (side * hx, hy + drop)
            knee = (side * (hx + 1.5), hy + drop + 2)
            foot = (side * (hx + 1.5) + 1.5, fy)
        elif stance == "crouch":
            hip = (side * hx, hy + 4)
            knee = (side * (hx + 5.5), (hy + 4 + fy) / 2)
            foot = (side * (hx * 1.1 + 2), fy)
        elif stance == "tuck":
            foot = (side * (hx + 1) + 1.5, fy - 7)
            knee = (side * (hx + 6), (hy + foot[1]) / 2 - 2)
        out.append((hip, knee, foot))
    return out


def _two_legs(fig: Figure, p: ShapePainter, stance: str) -> None:
    a = fig.a
    covered = garments.covers_legs(fig)
    if fig.c.lower == "tail" and fig.plan in ("person", "biped"):
        return
    trousers = garments.leg_color(fig)
    bare = limb_color(fig) if not fig.person else fig.skin
    shorts = fig.c.lower == "shorts"
    boots = "boots" in fig.c.extras
    feet = fig.k.feet
    shoe = hex_rgb(fig.c.shoes) if fig.c.shoes and (fig.person or feet == "paws") else None
    for hip, knee, foot in _feet_at(fig, stance):
        ankle = (foot[0] - 1.5, foot[1] - a.foot[1] * 0.5)
        if stance == "sit" and not covered:  # seen from the front: a knee over a shin, the thigh hidden
            colour = trousers if trousers is not None and not shorts else bare
            p.fill(tube([knee, ankle], a.leg_w), colour)
            p.fill(oval(knee[0], knee[1], a.leg_w * 0.66, a.leg_w * 0.6), lighter(colour, 0.06))
            _foot(fig, p, foot, shoe)
            continue
        if not covered:
            leg = tube([hip, knee, ankle], a.leg_w if feet != "insect" else max(2.6, a.leg_w * 0.4))
            colour = trousers if trousers is not None and not shorts else bare
            if feet == "insect":
                colour = fig.marks if fig.k.marks else darker(fig.skin, 0.5)
            p.fill(leg, colour)
            if fig.pattern == "stripes" and fig.plan == "biped" and trousers is None:
                stripe_limb(p, leg, (hip, knee, ankle), fig.marks)
            if shorts and trousers is not None:
                p.fill(tube([hip, ((hip[0] + knee[0]) / 2, (hip[1] + knee[1]) / 2 + 1)], a.leg_w + 1.2), trousers)
            if boots and shoe is not None:
                top = (knee[0] + (ankle[0] - knee[0]) * 0.15, knee[1] + (ankle[1] - knee[1]) * 0.15)
                p.fill(tube([top, ankle], a.leg_w + 1.0), shoe)
        _foot(fig, p, foot, shoe)


def _foot(fig: Figure, p: ShapePainter, at: tuple[float, float], shoe: RGB | None) -> None:
    a = fig.a
    x, y = at
    rx, ry = a.foot
    feet = fig.k.feet
    if shoe is not None or feet == "shoes":
        colour = shoe or (92, 62, 44)
        p.fill(oval(x, y, rx, ry), colour)
        return
    fur = limb_color(fig)
    if fig.pattern == "socks":
        fur = fig.marks
    if feet == "hooves":
        p.fill(rrect(x - rx * 0.75, y - ry * 1.1, x + rx * 0.75, y + ry * 0.75, ry * 0.6), _HOOF)
    elif feet == "big":
        big = oval(x + 1.5, y, rx * 1.35, ry * 1.05)
        p.fill(big, fur if fig.kind.value not in ("elephant", "hippo", "rhino") else fig.skin)
        if fig.kind.value in ("elephant", "hippo", "rhino"):
            for k in (-1, 0, 1):
                p.fill(oval(x + 1.5 + k * rx * 0.5, y + ry * 0.55, 1.6, 1.1), (240, 232, 214), outline=0.3)
    elif feet == "webbed":
        colour = _BIRD_LEG if fig.plan == "bird" else fig.skin
        web = poly(
            [
                (x - 2, y - ry * 0.8),
                (x + rx * 1.3, y + ry * 0.2),
                (x + rx * 0.6, y + ry * 0.8),
                (x - rx * 0.6, y + ry * 0.8),
            ],
            1.2,
        )
        p.fill(web, colour)
    elif feet == "claws":
        p.fill(oval(x, y, rx, ry), fur)
        for k in (-1, 0, 1):
            tip = x + rx * 0.55 + k * 2.2
            p.fill(
                poly([(tip - 1.1, y - 0.4), (tip + 1.1, y - 0.4), (tip + 1.8, y + 1.6)], 0.3),
                (246, 236, 214),
                outline=0.4,
            )
    elif feet == "insect":
        p.fill(oval(x, y, rx * 0.55, ry * 0.6), fig.marks if fig.k.marks else darker(fig.skin, 0.5))
    elif feet == "bird":
        toes = union(
            tube([(x, y - 0.8), (x + 5, y + 0.5)], 2.2),
            tube([(x, y - 0.8), (x - 3, y + 0.2)], 2.2),
            tube([(x, y - 0.8), (x + 2, y + 1.2)], 2.2),
        )
        p.fill(toes, _BIRD_LEG, outline=0.6)
    else:  # paws
        p.fill(oval(x, y, rx, ry), darker(fur, 0.12) if fur == fig.skin else fur)


def _bird_legs(fig: Figure, p: ShapePainter, stance: str) -> None:
    a = fig.a
    penguin = "tall" in fig.k.extras
    for hip, knee, foot in _feet_at(fig, stance):
        if stance == "sit":
            foot = (hip[0] * 1.5, -1.2)
        if not penguin:
            p.fill(tube([(hip[0], a.torso_bottom - 3), (foot[0], foot[1])], 2.4), _BIRD_LEG, outline=0.6)
        if fig.k.feet == "webbed":
            web = poly(
                [
                    (foot[0] - 1, foot[1] - 2),
                    (foot[0] + 7, foot[1] + 1),
                    (foot[0] + 4, foot[1] + 2.5),
                    (foot[0] - 4, foot[1] + 2.5),
                ],
                1.0,
            )
            p.fill(web, _BIRD_LEG, outline=0.6)
        else:
            x, y = foot
            toes = union(tube([(x, y - 0.5), (x + 5, y + 1)], 2.2), tube([(x, y - 0.5), (x - 3, y + 0.5)], 2.2))
            p.fill(toes, _BIRD_LEG, outline=0.6)
        del knee


def _robot_legs(fig: Figure, p: ShapePainter, stance: str) -> None:
    b = fig.b
    metal = fig.skin
    joint = darker(metal, 0.35)
    hy = fig.a.hip[1]
    for hip, knee, foot in _feet_at(fig, stance):
        p.fill(tube([(hip[0] * 1.05 * b, hy), knee, (foot[0], foot[1] - 3)], 5.0), joint, outline=0.7)
        p.fill(rrect(foot[0] - 6 + 1, foot[1] - 4.5, foot[0] + 6 + 1, foot[1] + 3.5, 2.5), darker(metal, 0.1))


def _tentacles(fig: Figure, p: ShapePainter, stance: str) -> None:
    floats = "floats" in fig.k.extras
    cy = fig.head_c[1] + fig.head_r[1] * 0.6
    wiggle = {"step0": 1, "step1": 2, "step2": -1, "step3": -2, "run0": 2, "run1": 3, "run2": -2, "run3": -3}.get(
        stance, 0
    )
    count = 6 if not floats else 5
    for k in range(count):
        t = (k - (count - 1) / 2) / ((count - 1) / 2)
        x0 = t * fig.head_r[0] * 0.72
        if floats:
            pts = [(x0, cy), (x0 + 4 + wiggle, cy + 14), (x0 - 3, cy + 28), (x0 + 3 - wiggle, -8)]
            p.fill(tube(pts, 3.2), lighter(fig.skin, 0.2), alpha=0.85)
            continue
        side = 1 if t >= 0 else -1
        end = (x0 * 1.5 + side * (6 + abs(wiggle) * (1 if (k % 2) else 0)), -4.5)
        curl = (end[0] + side * 5, -9 + wiggle * 0.5 * side)
        p.fill(
            union(tube([(x0, cy), (x0 * 1.3 + side * 2, cy * 0.5), end], 8.5 - abs(t) * 2), tube([end, curl], 4)),
            fig.skin,
        )
        if "suckers" in fig.k.extras:
            p.flat(oval(x0 * 1.35 + side * 2, cy * 0.35, 1.3, 1.1), lighter(fig.skin, 0.45))


def _crab_legs(fig: Figure, p: ShapePainter, stance: str) -> None:
    shift = {"step0": 2, "step1": -2, "step2": 2, "step3": -2, "run0": 3, "run1": -3, "run2": 3, "run3": -3}.get(
        stance, 0
    )
    for side in (-1, 1):
        for k in range(3):
            root = (side * (14 + k * 5), -30)
            knee = (side * (28 + k * 5), -24 - k)
            foot = (side * (30 + k * 6) + (shift if k % 2 else -shift), -1.5)
            p.fill(tube([root, knee, foot], 3.2), darker(fig.skin, 0.08), outline=0.6)


def _caterpillar_legs(fig: Figure, p: ShapePainter, stance: str) -> None:
    lift = {"step1": 2, "step3": 2, "run1": 3, "run3": 3}.get(stance, 0)
    for k, (cx, cy, r) in enumerate(_SEGMENTS):
        for side in (-1, 1):
            up = lift if (k % 2) == (side > 0) else 0
            p.fill(
                tube([(cx + side * r * 0.5, cy), (cx + side * (r * 0.6 + 2), -2 - up)], 2.6),
                darker(fig.skin, 0.35),
                outline=0.5,
            )


# -- the torso (or the whole body of a plan without legs) ----------------------------------------------------

_SEGMENTS = ((0.0, -10.0, 13.0), (-3.0, -27.0, 14.0), (1.0, -44.0, 15.0))


def draw_torso(fig: Figure, p: ShapePainter) -> None:
    plan = fig.plan
    if plan in ("person", "biped"):
        if fig.a.neck:
            _neck(fig, p)
        _bare_torso(fig, p)
        garments.draw_lower(fig, p)
        garments.draw_top(fig, p)
    elif plan == "bird":
        _bird_body(fig, p)
        garments.draw_top(fig, p)
    elif plan == "robot":
        _robot_body(fig, p)
        garments.draw_top(fig, p)
    elif plan == "sea":
        _sea_body(fig, p)
        garments.draw_top(fig, p)
    elif plan == "crab":
        _crab_body(fig, p)
    elif plan == "snail":
        _snail_body(fig, p)
    elif plan == "snake":
        _snake_body(fig, p)
    elif plan == "caterpillar":
        for cx, cy, r in _SEGMENTS:
            p.fill(oval(cx, cy, r, r * 0.75), fig.skin)
            if fig.pattern == "spots":
                p.flat(oval(cx - r * 0.35, cy - r * 0.2, 2.4, 2.4), fig.accent)
        p.fill(tube([(1, -50), (0, fig.head_c[1] + fig.head_r[1] * 0.6)], 14), fig.skin)
    elif plan == "floating":
        _ghost_body(fig, p)
    overlays.draw_front(fig, p)
    clothes.scarf(fig, p)
    clothes.backpack_straps(fig, p)
    clothes.cape_clasp(fig, p)


def _neck(fig: Figure, p: ShapePainter) -> None:
    a = fig.a
    cx, cy = fig.head_c
    neck = tube([(a.lean, a.torso_top + 4), (cx - 1, cy + fig.head_r[1] * 0.5)], 10.5 * fig.b)
    p.fill(neck, fig.skin)
    if fig.pattern == "giraffe":
        for k in range(3):
            y = a.torso_top - 2 - k * 6
            p.flat(cut(oval(cx * (0.3 + k * 0.2) + (-2 if k % 2 else 2), y, 3.2, 2.6), neck), fig.marks)
    if fig.k.mane == "tuft":
        p.fill(tube([(-4.5, a.torso_top + 2), (cx - 5, cy + fig.head_r[1] * 0.4)], 2.6), fig.marks, outline=0.5)


def _bare_torso(fig: Figure, p: ShapePainter) -> None:
    a = fig.a
    torso = fig.torso_path()
    if fig.k.mane == "wool":
        torso = fuzzy_oval(
            a.lean * 0.5,
            (a.torso_top + a.torso_bottom) / 2 + 1,
            a.torso_tw + 3,
            (a.torso_bottom - a.torso_top) / 2 + 3,
            14,
            2.6,
            random.Random(fig.rng_seed + 1),
        )
        p.fill(torso, fig.accent)
        return
    if fig.k.head == "fuzzy" and fig.kind.value == "monster":
        torso = fuzzy_oval(
            0,
            (a.torso_top + a.torso_bottom) / 2,
            a.torso_bw + 1.5,
            (a.torso_bottom - a.torso_top) / 2 + 1,
            14,
            2.2,
            random.Random(fig.rng_seed + 1),
        )
    p.fill(torso, fig.skin)
    box = torso.computeTightBounds()
    cx = box.centerX()
    if fig.pattern == "panda":
        p.fill(
            cut(torso, rrect(box.left() - 2, box.top() - 2, box.right() + 2, box.top() + (box.height()) * 0.35, 0)),
            fig.marks,
            outline=0.0,
        )
    if fig.k.belly and fig.c.top == "none":
        p.fill(
            oval(cx + fig.fx * 0.3, box.centerY() + 2, box.width() * 0.32, box.height() * 0.38),
            fig.belly,
            outline=0.0,
            shade=False,
        )
    _torso_pattern(fig, p, torso)
    if "chest_ruff" in fig.k.extras and fig.c.top == "none":
        top = box.top()
        ruff = poly(
            [
                (cx - box.width() * 0.36, top),
                (cx + box.width() * 0.36, top),
                (cx + box.width() * 0.22, top + 9),
                (cx + 4, top + 6),
                (cx, top + 13),
                (cx - 4, top + 6),
                (cx - box.width() * 0.22, top + 9),
            ],
            1.5,
        )
        p.fill(ruff, fig.greyed(fig.belly), outline=0.6)
    if "pouch" in fig.k.extras and fig.c.top == "none":
        pouch = cut(
            oval(cx, box.bottom() - 4, box.width() * 0.3, 7), rrect(-40, box.bottom() - 6, 40, box.bottom() + 5, 0)
        )
        p.fill(pouch, darker(fig.belly, 0.08), outline=0.6)


def _torso_pattern(fig: Figure, p: ShapePainter, torso: skia.Path) -> None:
    pattern = fig.pattern
    box = torso.computeTightBounds()
    left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
    ink = fig.marks
    if fig.c.top != "none" and pattern not in ("bee", "ladybird"):
        return
    if pattern == "bee":
        for k in range(3):
            y = top + (k + 0.7) * (bottom - top) / 3.4
            p.fill(cut(torso, rrect(left - 2, y, right + 2, y + (bottom - top) * 0.14, 0)), ink, outline=0.0)
    elif pattern == "ladybird":
        shell = cut(oval(box.centerX(), box.centerY() + 1, box.width() * 0.62, box.height() * 0.62), torso)
        p.fill(shell, fig.accent)
        p.stroke(tube([(box.centerX(), top + 2), (box.centerX(), bottom)], 0.01), ink, 1.0)
        for dx, dy in ((-0.22, -0.15), (0.25, -0.1), (-0.25, 0.25), (0.22, 0.3)):
            p.flat(cut(oval(box.centerX() + dx * box.width(), box.centerY() + dy * box.height(), 2.6, 2.6), shell), ink)
    elif pattern in ("stripes", "tabby"):
        for k in range(3):
            y = top + (k + 1) * (bottom - top) / 4
            for side in (-1, 1):
                stripe = poly(
                    [
                        (box.centerX() + side * (box.width() / 2 + 1), y - 1.8),
                        (box.centerX() + side * (box.width() / 2 + 1), y + 1.8),
                        (box.centerX() + side * box.width() * 0.18, y + 0.5),
                    ]
                )
                p.flat(cut(stripe, torso), ink)
    elif pattern in ("patches", "giraffe", "dapples", "spots", "scales", "belly_band", "speckles"):
        rng = random.Random(fig.rng_seed + 7)
        if pattern == "belly_band":
            band = cut(
                torso,
                rrect(box.centerX() - box.width() * 0.22, top - 2, box.centerX() + box.width() * 0.22, bottom + 2, 4),
            )
            p.fill(band, fig.accent, outline=0.0)
            for k in range(4):
                y = top + (k + 0.5) * (bottom - top) / 4
                p.stroke(
                    tube([(box.centerX() - box.width() * 0.2, y), (box.centerX() + box.width() * 0.2, y)], 0.01),
                    darker(fig.accent, 0.25),
                    0.6,
                )
            return
        count = {"patches": 2, "giraffe": 6, "dapples": 6, "spots": 4, "scales": 0, "speckles": 8}[pattern]
        for _ in range(count):
            x = left + rng.random() * (right - left)
            y = top + rng.random() * (bottom - top)
            r = {"patches": 6.5, "giraffe": 3.4, "dapples": 1.6, "spots": 2.4, "speckles": 0.8}[pattern]
            colour = (
                ink
                if pattern in ("patches", "giraffe", "speckles")
                else (lighter(fig.skin, 0.55) if pattern == "dapples" else darker(fig.skin, 0.2))
            )
            p.flat(cut(oval(x, y, r * (1.2 if pattern == "patches" else 1.0), r), torso), colour)


def _bird_body(fig: Figure, p: ShapePainter) -> None:
    a = fig.a
    body = fig.torso_path()
    if fig.k.neck:
        cx, cy = fig.head_c
        top = a.torso_top + 4
        neck = tube([(-2, top), (-8, (top + cy) / 2), (cx - 1, cy + fig.head_r[1] * 0.5)], 7)
        p.fill(neck, fig.skin)
    p.fill(body, fig.skin)
    box = body.computeTightBounds()
    if fig.k.belly:
        p.fill(
            oval(box.centerX() + fig.fx * 0.4, box.centerY() + 3, box.width() * 0.32, box.height() * 0.34),
            fig.belly,
            outline=0.0,
            shade=False,
        )
    if fig.pattern == "speckles":
        for k in range(6):
            x = box.centerX() + ((k * 7) % 11 - 5) * 1.8
            y = box.centerY() + ((k * 5) % 9 - 2) * 1.8
            p.stroke(tube([(x - 1.4, y), (x, y + 1), (x + 1.4, y)], 0.01), fig.marks, 0.8)


def _sea_body(fig: Figure, p: ShapePainter) -> None:
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    kind = fig.kind.value
    wide = 1.45 if kind == "whale" else (1.15 if kind == "seal" else 1.0)
    w = fig.a.torso_tw * wide
    mid = -44.0
    body = union(
        oval(cx, cy, max(rx, w * 0.9), ry + 2),
        oval(0, mid, w, 24),
        poly([(-w * 0.85, mid), (w * 0.85, mid), (6, -11), (-6, -11)], 5),
        rrect(-max(rx, w * 0.9), cy, max(rx, w * 0.9), mid, 4),
    )
    fin = poly(
        [(0, -16), (16 * wide, -2), (19 * wide, 0), (7, -0.5), (0, -6), (-7, -0.5), (-19 * wide, 0), (-16 * wide, -2)],
        2.5,
    )
    if kind in ("fish", "shark"):
        fin = poly([(0, -17), (15, -0.5), (6, -1.5), (0, -7), (-6, -1.5), (-15, -0.5)], 2)
    fin_colour = (
        darker(fig.skin, 0.12) if kind != "fish" else (fig.accent if fig.accent != fig.skin else darker(fig.skin, 0.2))
    )
    p.fill(fin, fin_colour)
    p.fill(body, fig.skin)
    if fig.k.belly:
        belly = cut(oval(fig.fx * 0.5, mid + 4, w * 0.62, 22), body)
        p.fill(belly, fig.belly, outline=0.0, shade=False)
        if kind == "whale":
            for k in range(4):
                y = mid - 8 + k * 6
                p.stroke(tube([(-w * 0.4, y), (w * 0.4, y)], 0.01), darker(fig.belly, 0.2), 0.8)
    if fig.pattern == "stripes":
        for x in (-w * 0.45, w * 0.2):
            p.fill(cut(rrect(x - 3, cy - ry, x + 3, -12, 2), body), fig.accent, outline=0.0)
    elif fig.pattern == "scales":
        for k in range(6):
            x, y = -w * 0.5 + (k % 3) * w * 0.5, mid - 6 + (k // 3) * 9
            p.stroke(tube([(x - 3, y), (x, y + 2.5), (x + 3, y)], 0.01), darker(fig.skin, 0.25), 0.8)
    elif fig.pattern == "speckles":
        for k in range(8):
            x, y = -w * 0.7 + ((k * 7) % 10) * w * 0.15, mid - 12 + ((k * 3) % 5) * 6
            p.flat(cut(oval(x, y, 1.4, 1.1), body), darker(fig.skin, 0.3))
    if kind == "fish":
        p.fill(poly([(-6, cy - ry + 1), (8, cy - ry + 2), (-4, cy - ry - 9)], 2), fin_colour)


def _crab_body(fig: Figure, p: ShapePainter) -> None:
    for side in (-1, 1):
        p.fill(tube([(side * 8, -56), (side * 11, -84)], 3.0), fig.skin)
    shell = oval(0, -44, 32 * fig.b, 19)
    p.fill(shell, fig.skin)
    p.flat(cut(oval(-8, -52, 14, 5), shell), lighter(fig.skin, 0.25), alpha=0.6)


def _snail_body(fig: Figure, p: ShapePainter) -> None:
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    for side in (-1, 1):
        p.fill(tube([(cx + side * 5, cy - ry * 0.6), (cx + side * fig.eye_dx, fig.eye_y + 3)], 2.6), fig.skin)
    body = union(
        oval(cx, cy, rx, ry), tube([(16, -12), (17, -30), (cx + 2, cy + ry * 0.4)], 19), oval(4, -5.5, 32, 5.5)
    )
    p.fill(body, fig.skin)
    p.flat(cut(oval(cx + 8, -30, 5, 14), body), lighter(fig.skin, 0.22), alpha=0.7)


def _snake_body(fig: Figure, p: ShapePainter) -> None:
    colour = fig.skin
    coils = [oval(0, -9, 27, 9), oval(-2, -22, 23, 8.5)]
    neck = tube([(12, -24), (16, -40), (6, -54), (fig.head_c[0], fig.head_c[1] + fig.head_r[1] * 0.6)], 12)
    for shape in coils:
        p.fill(shape, colour)
        _snake_marks(fig, p, shape)
    p.fill(neck, colour)
    _snake_marks(fig, p, neck)


def _snake_marks(fig: Figure, p: ShapePainter, shape: skia.Path) -> None:
    box = shape.computeTightBounds()
    if fig.pattern == "stripes":
        x = box.left() + 4
        while x < box.right():
            p.flat(cut(rrect(x, box.top() - 2, x + 3, box.bottom() + 2, 0), shape), fig.accent)
            x += 9
    elif fig.pattern in ("spots", "diamonds"):
        x = box.left() + 6
        while x < box.right() - 4:
            mark = (
                oval(x, box.centerY(), 2.6, 2.2)
                if fig.pattern == "spots"
                else poly(
                    [(x, box.centerY() - 3), (x + 3, box.centerY()), (x, box.centerY() + 3), (x - 3, box.centerY())]
                )
            )
            p.flat(cut(mark, shape), fig.accent)
            x += 9


def _ghost_body(fig: Figure, p: ShapePainter) -> None:
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    hem = -7.0
    points = [(-rx, cy)]
    count = 4
    for k in range(count * 2 + 1):
        x = -rx - 2 + k * (2 * rx + 4) / (count * 2)
        points.append((x, hem - (0 if k % 2 else 4) + (2 if k % 2 else 0)))
    points.append((rx, cy))
    sheet = union(oval(cx, cy, rx, ry), poly(points, 3))
    p.fill(sheet, fig.skin, alpha=0.95)
    p.flat(cut(oval(cx - rx * 0.4, cy - ry * 0.4, rx * 0.3, ry * 0.2), sheet), (255, 255, 255), alpha=0.5)


def _robot_body(fig: Figure, p: ShapePainter) -> None:
    metal = fig.skin
    torso = fig.torso_path()
    p.fill(torso, metal)
    box = torso.computeTightBounds()
    cx, cy = box.centerX(), box.centerY()
    w = box.width() * 0.27
    p.fill(rrect(cx - w, cy - 7, cx + w, cy + 5, 3), (38, 48, 70), outline=0.7, shade=False)
    for i, col in enumerate((fig.accent, (120, 230, 140), (250, 210, 90))):
        p.flat(oval(cx - w * 0.55 + i * w * 0.55, cy - 1, 1.6, 1.6), col)
