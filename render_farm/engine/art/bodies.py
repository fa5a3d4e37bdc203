"""Bodies: the body layer of a character, everything below and behind the head.

Per body plan: legs and feet, the torso (dressed by :mod:`.clothes`), arms and hands, tails,
dragon wings, a bird's round body and wings, a robot's metal frame; and, in the right order
around them, what is worn on the body (cape, backpack, scarf) and long hair falling behind.
"""

from __future__ import annotations

import skia

from render_farm.engine.art import clothes
from render_farm.engine.art.figure import Figure
from render_farm.engine.art.heads import hair_back
from render_farm.engine.art.shapes import cut, oval, poly, rotated, rrect, tube, union
from render_farm.engine.styles import ShapePainter, darker, mix
from render_farm.film.spec import Kind

__all__ = ["draw_body"]


def draw_body(fig: Figure, p: ShapePainter) -> None:
    """The whole body layer, back to front."""
    sp = fig.plan
    clothes.cape_back(fig, p)
    if sp is Kind.human and fig.hair_style in (1, 3):
        hair_back(fig, p)
    if sp is Kind.dragon:
        for side in (-1, 1):
            wing = poly(
                [
                    (side * 8, -48),
                    (side * 40, -70),
                    (side * 44, -52),
                    (side * 36, -50),
                    (side * 34, -38),
                    (side * 14, -32),
                ],
                3,
            )
            p.fill(wing, darker(fig.accent, 0.1) if fig.accent != fig.skin else darker(fig.skin, 0.2))
    _tail(fig, p)
    clothes.backpack_back(fig, p)
    if sp is Kind.bird:
        _bird_body(fig, p)
        return
    if sp is Kind.robot:
        _robot_body(fig, p)
        return
    _legs(fig, p)
    clothes.torso(fig, p)
    _arms(fig, p)
    clothes.scarf(fig, p)
    clothes.backpack_straps(fig, p)
    clothes.cape_clasp(fig, p, -50)


def _tail(fig: Figure, p: ShapePainter) -> None:
    sp, b = fig.plan, fig.b
    if sp is Kind.cat:
        tail = tube([(-8 * b, -24), (-30, -22), (-30, -44), (-36, -58)], 5.5)
        p.fill(tail, fig.skin)
    elif sp is Kind.mouse:
        tail = tube([(-6 * b, -22), (-26, -14), (-36, -30), (-42, -22)], 2.4)
        p.fill(tail, mix(fig.skin, (240, 150, 160), 0.6), outline=0.7)
    elif sp is Kind.fox:
        tail = poly([(-6 * b, -26), (-26, -20), (-42, -38), (-40, -56), (-30, -48), (-22, -34)], 7)
        p.fill(tail, fig.skin)
        tip = cut(tail, oval(-41, -52, 10, 10))
        p.fill(tip, fig.accent, outline=0.0)
    elif sp is Kind.dog:
        p.fill(tube([(-8 * b, -28), (-20, -34), (-24, -46)], 5.0), fig.skin)
    elif sp is Kind.rabbit:
        p.fill(oval(-14 * b, -24, 6.5, 6.5), fig.belly)
    elif sp is Kind.dragon:
        tail = tube([(-6 * b, -20), (-26, -10), (-40, -20)], 8, round_cap=True)
        spade = poly([(-40, -28), (-49, -20), (-40, -14), (-37, -20)], 1.5)
        p.fill(union(tail, spade), fig.skin)
    elif sp is Kind.monster:
        p.fill(tube([(-8 * b, -24), (-24, -18), (-30, -30)], 6), fig.skin)


def _legs(fig: Figure, p: ShapePainter) -> None:
    b, sp = fig.b, fig.plan
    long_cover = fig.outfit == "robe"
    if sp is Kind.human:
        if fig.outfit in ("shirt", "coat"):
            leg_color = mix(darker(fig.cloth, 0.5), (62, 66, 92), 0.55)
        elif fig.outfit == "overalls":
            leg_color = fig.cloth
        elif fig.outfit == "armor":
            leg_color = (150, 156, 170)
        elif fig.outfit == "tunic":
            leg_color = darker(fig.cloth, 0.45)
        else:
            leg_color = fig.skin
        shoe = (92, 62, 44) if fig.outfit != "armor" else (110, 114, 128)
    else:
        leg_color = fig.skin
        shoe = darker(fig.skin, 0.18) if sp is not Kind.monster else darker(fig.skin, 0.25)
    for side in (-1, 1):
        if not long_cover:
            p.fill(tube([(side * 6.5 * b, -26), (side * 7 * b, -4)], 9.0), leg_color)
        foot_x = side * 7.5 * b + 2.0
        p.fill(oval(foot_x, -3.3, 7.2, 4.2), shoe)


def _arms(fig: Figure, p: ShapePainter) -> None:
    b, o = fig.b, fig.outfit
    sleeve = fig.cloth if o in ("shirt", "coat", "tunic", "robe") else None
    if o == "armor":
        sleeve = mix((176, 184, 198), fig.cloth, 0.3)
    if o == "overalls":
        sleeve = (246, 236, 214)
    if fig.plan is not Kind.human and o == "none":
        sleeve = None
    for side in (-1, 1):
        sx, sy = side * 12.5 * b, -47.0
        hx, hy = side * (19.5 * b + 1.5), -27.0
        arm = tube([(sx, sy), (side * (17 * b + 1), -38), (hx, hy)], 7.6)
        hand_color = fig.skin
        if sleeve is not None and o != "dress":
            p.fill(arm, fig.skin)
            if o == "robe":
                cuff = poly(
                    [
                        (sx - side * 2, sy - 3),
                        (sx + side * 4, sy - 2),
                        (hx + side * 5, hy - 2),
                        (hx - side * 5, hy - 1),
                    ],
                    2.5,
                )
                p.fill(cuff, sleeve)
            else:
                upper = tube([(sx, sy), (side * (17 * b + 1), -38), ((hx * 0.92), hy + (-3.5))], 8.4)
                p.fill(upper, sleeve)
        else:
            p.fill(arm, fig.skin)
            if o == "dress":
                p.fill(oval(sx + side * 1.5, sy + 1, 6, 5.5), fig.cloth)
        p.fill(oval(hx, hy + 1, 4.6, 4.6), hand_color)


def _bird_body(fig: Figure, p: ShapePainter) -> None:
    b = fig.b
    leg = (238, 156, 52)
    for side in (-1, 1):
        x = side * 6 * b
        p.fill(tube([(x, -14), (x, -3)], 2.4), leg, outline=0.6)
        foot = union(tube([(x, -2.5), (x + 5, -1.2)], 2.2), tube([(x, -2.5), (x - 3, -1.5)], 2.2))
        p.fill(foot, leg, outline=0.6)
    body = oval(0, -33, 19 * b, 23)
    p.fill(body, fig.skin)
    p.fill(oval(fig.fx * 0.6, -29, 12 * b, 15), fig.belly, outline=0.0, shade=False)
    if fig.outfit not in ("none",):
        clothes.bird_clothes(fig, p)
    for side in (-1, 1):
        wing = rotated(oval(side * 19 * b, -34, 6.5, 15), -side * 16, side * 19 * b, -46)
        tips = cut(wing, oval(side * 19 * b, -16, 12, 9))
        color = fig.accent if fig.accent != fig.skin else darker(fig.skin, 0.2)
        p.fill(wing, color)
        p.fill(tips, darker(color, 0.2), outline=0.0)
    clothes.scarf(fig, p, "bird")


def _robot_body(fig: Figure, p: ShapePainter) -> None:
    b = fig.b
    metal = fig.skin
    joint = darker(metal, 0.35)
    for side in (-1, 1):
        p.fill(tube([(side * 7 * b, -24), (side * 7 * b, -6)], 5.0), joint, outline=0.7)
        p.fill(rrect(side * 7 * b - 6 + 2, -8, side * 7 * b + 6 + 2, 0, 2.5), darker(metal, 0.1))
    for side in (-1, 1):
        p.fill(tube([(side * 15 * b, -46), (side * 21 * b, -30)], 4.5), joint, outline=0.7)
        p.fill(oval(side * 15 * b, -46, 4.5, 4.5), metal)
        claw = cut(oval(side * 21.5 * b, -27, 5, 5), oval(side * 21.5 * b, -23, 2.8, 3), skia.PathOp.kDifference_PathOp)
        p.fill(claw, metal)
    torso = rrect(-15 * b, -53, 15 * b, -20, 6)
    p.fill(torso, metal)
    if fig.outfit != "none":
        p.fill(cut(torso, rrect(-40, -30, 40, -18, 0)), fig.cloth, outline=0.6)
    p.fill(rrect(-8 * b, -46, 8 * b, -33, 3), (38, 48, 70), outline=0.7, shade=False)
    for i, col in enumerate((fig.accent, (120, 230, 140), (250, 210, 90))):
        p.flat(oval(-4.5 * b + i * 4.5 * b, -39.5, 1.6, 1.6), col)
    clothes.scarf(fig, p, "robot")
    clothes.cape_clasp(fig, p, -52)
