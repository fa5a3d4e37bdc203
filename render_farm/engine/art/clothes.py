"""Clothes and accessories: outfits on the torso, and what a character wears or carries.

The outfits (shirt, dress, overalls, tunic, coat, armor, robe, a bird's vest) and the accessories
(cape, backpack, scarf, antenna, flower, bow, crown, hats, glasses), each drawn for a
:class:`~render_farm.engine.art.figure.Figure` in unit space. Accessories take the figure's
accessory colour (``Design.accessory_color``, or one derived from the outfit / accent).
"""

from __future__ import annotations

import math
import random

import skia

from render_farm.engine.art.figure import GOLD, Figure
from render_farm.engine.art.shapes import cut, fuzzy_oval, oval, poly, rrect, tube
from render_farm.engine.styles import ShapePainter, darker, lighter, mix
from render_farm.film.spec import Kind

__all__ = [
    "antenna",
    "backpack_back",
    "backpack_straps",
    "bird_clothes",
    "cape_back",
    "cape_clasp",
    "glasses",
    "head_accessories",
    "scarf",
    "torso",
]

# where the scarf sits on each body shape: (band left/right, top, bottom; tail points)
_SCARF: dict[str, tuple[float, float, float, list[tuple[float, float]]]] = {
    "human": (15, -55, -46, [(5, -50), (11, -50), (13, -33), (6, -34)]),
    "bird": (14, -55, -47, [(5, -50), (11, -50), (13, -36), (6, -37)]),
    "robot": (15, -57, -48, [(5, -52), (11, -52), (13, -35), (6, -36)]),
}


# -- outfits -----------------------------------------------------------------------------------


def torso(fig: Figure, p: ShapePainter) -> None:
    """The torso in its outfit (or bare, with a lighter belly, when the outfit is "none")."""
    b, o, sp = fig.b, fig.outfit, fig.plan
    top = fig.torso_top
    tw, bw = 12.5 * b, 14.5 * b
    if o == "none":
        if sp is Kind.monster:
            bare = fuzzy_oval(0, -37, 16 * b, 17, 14, 2.2, random.Random(fig.rng_seed + 1))
        else:
            bare = poly([(-tw, top), (tw, top), (bw + 1, -20), (-bw - 1, -20)], 9 * b)
        p.fill(bare, fig.skin)
        p.fill(oval(fig.fx * 0.4, -35, 9 * b, 12), fig.belly, outline=0.0, shade=False)
        return
    cloth = fig.cloth
    if o == "dress":
        body = poly([(-tw, top), (tw, top), (13 * b, -40), (23 * b, -13), (-23 * b, -13), (-13 * b, -40)], 5)
        p.fill(body, cloth)
        p.fill(rrect(-12.5 * b, -41, 12.5 * b, -37, 2), lighter(cloth, 0.45), outline=0.5)
        p.fill(cut(body, rrect(-30, -17, 30, -12, 0)), lighter(cloth, 0.3), outline=0.0)
    elif o == "robe":
        body = poly([(-tw, top), (tw, top), (19 * b, -2), (-19 * b, -2)], 6)
        p.fill(body, cloth)
        p.fill(cut(body, rrect(-30, -34, 30, -29, 0)), fig.accent, outline=0.6)
        p.fill(poly([(-2, top), (4, top), (1.5, -40)], 1), lighter(cloth, 0.4), outline=0.5)
    elif o == "coat":
        body = poly([(-tw - 1, top), (tw + 1, top), (bw + 4, -11), (-bw - 4, -11)], 6)
        p.fill(body, cloth)
        p.stroke(tube([(1.5, top + 2), (1.5, -12)], 0.01), darker(cloth, 0.4), 0.9)
        for y in (-44, -36, -28, -20):
            p.fill(oval(4.5, y, 1.5, 1.5), darker(cloth, 0.45), outline=0.0, shade=False)
        for side in (-1, 1):
            lapel = poly([(side * 1.5, top), (side * 9 * b, top), (side * 2, -38)], 1)
            p.fill(lapel, lighter(cloth, 0.2), outline=0.5)
    elif o == "armor":
        metal = mix((176, 184, 198), cloth, 0.3)
        body = poly([(-tw - 1, top), (tw + 1, top), (bw, -18), (-bw, -18)], 6)
        p.fill(body, metal)
        p.fill(poly([(-7 * b, -48), (7 * b, -48), (0, -30)], 2), cloth, outline=0.6)
        p.fill(rrect(-bw, -25, bw, -20, 1.5), darker(metal, 0.3), outline=0.6)
        for side in (-1, 1):
            p.fill(oval(side * 13 * b, -48, 7.5, 6.0), lighter(metal, 0.1))
    elif o == "overalls":
        shirt = (246, 236, 214)
        p.fill(poly([(-tw, top), (tw, top), (bw, -20), (-bw, -20)], 8 * b), shirt)
        p.fill(poly([(-9 * b, -42), (9 * b, -42), (bw, -20), (-bw, -20)], 3), cloth)
        for side in (-1, 1):
            p.fill(tube([(side * 8 * b, -41), (side * 9 * b, top + 1)], 3.0), cloth, outline=0.6)
            p.fill(oval(side * 6.5 * b, -39.5, 1.4, 1.4), GOLD, outline=0.4, shade=False)
        p.fill(rrect(-4 * b, -37, 4 * b, -31, 1.5), darker(cloth, 0.15), outline=0.5)
    elif o == "tunic":
        body = poly([(-tw, top), (tw, top), (bw + 2.5, -15), (-bw - 2.5, -15)], 6)
        p.fill(body, cloth)
        p.fill(rrect(-bw - 1, -30, bw + 1, -26, 1.0), (110, 74, 46), outline=0.6)
        p.fill(rrect(-2, -30.5, 2, -25.5, 0.6), GOLD, outline=0.4, shade=False)
    else:  # shirt
        body = poly([(-tw, top), (tw, top), (bw, -19), (-bw, -19)], 8 * b)
        p.fill(body, cloth)
        collar = poly([(-6, top), (6, top), (1.5, -45)], 1.2)
        p.fill(collar, lighter(cloth, 0.55), outline=0.5)


def bird_clothes(fig: Figure, p: ShapePainter) -> None:
    """A bird's vest: its outfit colour over the chest, open at the front."""
    b = fig.b
    vest = cut(oval(0, -33, 19 * b, 23), rrect(-30, -52, 30, -20, 0))
    p.fill(cut(vest, poly([(-3, -56), (3, -56), (6, -18), (-6, -18)], 0), skia.PathOp.kDifference_PathOp), fig.cloth)


# -- accessories on the body -------------------------------------------------------------------


def cape_back(fig: Figure, p: ShapePainter) -> None:
    """The cape hanging behind the body."""
    if "cape" in fig.d.accessories:
        b = fig.b
        cape = poly([(-13 * b, -52), (13 * b, -52), (24 * b, -4), (0, -1), (-24 * b, -4)], 4)
        p.fill(cape, fig.acc)


def cape_clasp(fig: Figure, p: ShapePainter, y: float) -> None:
    """The gold clasp of the cape at the neck (``y`` depends on the body shape)."""
    if "cape" in fig.d.accessories:
        p.fill(oval(0, y, 3.2, 3.2), GOLD, outline=0.6)


def backpack_back(fig: Figure, p: ShapePainter) -> None:
    """The backpack behind the body."""
    if "backpack" in fig.d.accessories:
        b = fig.b
        p.fill(rrect(-17 * b, -50, 17 * b, -24, 6), fig.acc)


def backpack_straps(fig: Figure, p: ShapePainter) -> None:
    """The backpack's straps over the shoulders."""
    if "backpack" in fig.d.accessories:
        b = fig.b
        for side in (-1, 1):
            p.fill(tube([(side * 9 * b, -51), (side * 10 * b, -33)], 3.2), darker(fig.acc, 0.15), outline=0.6)


def scarf(fig: Figure, p: ShapePainter, shape: str = "human") -> None:
    """The scarf round the neck of a ``shape`` ("human" for every walking body, "bird", "robot")."""
    if "scarf" not in fig.d.accessories:
        return
    b = fig.b
    half, top, bottom, tail = _SCARF[shape]
    p.fill(rrect(-half * b, top, half * b, bottom, 4.5), fig.acc)
    p.fill(poly([(x * b, y) for x, y in tail], 2), darker(fig.acc, 0.08))


# -- accessories on the head -------------------------------------------------------------------


def head_accessories(fig: Figure, p: ShapePainter) -> None:
    """Antenna, flower, bow, crown and hats, in front of the head."""
    acc = fig.d.accessories
    ears_on_top = fig.plan in (Kind.cat, Kind.fox, Kind.rabbit, Kind.bear, Kind.mouse)
    if "antenna" in acc:
        antenna(fig, p)
    if "flower" in acc:
        x, y = -18.0, -93.0
        for k in range(5):
            a = k * 2 * math.pi / 5
            p.fill(
                oval(x + 3.6 * math.cos(a), y + 3.6 * math.sin(a), 3, 3),
                lighter(fig.acc, 0.2) if fig.acc != fig.skin else (250, 140, 170),
                outline=0.5,
            )
        p.fill(oval(x, y, 2.2, 2.2), (250, 210, 70), outline=0.5)
    if "bow" in acc:
        x, y = 15.0, -97.0
        for side in (-1, 1):
            p.fill(poly([(x, y), (x + side * 9, y - 6), (x + side * 9, y + 5)], 2), fig.acc)
        p.fill(oval(x, y, 2.6, 2.6), darker(fig.acc, 0.1))
    if "crown" in acc:
        base = -97.0 if not ears_on_top else -99.0
        crown = poly(
            [
                (-12, base),
                (12, base),
                (14, base - 13),
                (7, base - 6),
                (0, base - 15),
                (-7, base - 6),
                (-14, base - 13),
            ],
            1.2,
        )
        p.fill(crown, GOLD)
        p.fill(oval(0, base - 4, 2.0, 2.0), fig.acc if fig.acc != GOLD else (210, 50, 60), outline=0.4)
    if "hat" in acc:
        hat = fig.acc
        if fig.outfit == "robe":  # a wizard's hat
            p.fill(poly([(-16, -92), (18, -92), (4, -128), (-2, -124)], 2.5), hat)
            p.fill(rrect(-26, -95, 28, -89, 3), darker(hat, 0.1))
            p.flat(oval(4, -110, 1.6, 1.6), GOLD)
        elif fig.hat_kind == 0 or ears_on_top:  # a wide brimmed hat
            crown_w = 15 if not ears_on_top else 10
            p.fill(rrect(-32, -94, 34, -88, 3), darker(hat, 0.08))
            p.fill(poly([(-crown_w, -91), (crown_w + 1, -91), (crown_w - 2, -109), (-crown_w + 2, -109)], 4), hat)
            p.fill(rrect(-crown_w, -96, crown_w + 1, -92, 1), lighter(fig.cloth, 0.1), outline=0.5)
        elif fig.hat_kind == 1:  # a beanie
            beanie = cut(oval(0, -86, 28.5, 22), rrect(-40, -130, 40, -86, 0))
            p.fill(beanie, hat)
            p.fill(rrect(-28.5, -90, 28.5, -84, 3), darker(hat, 0.1))
            p.fill(oval(0, -109, 4, 4), lighter(hat, 0.4))
        else:  # a top hat
            p.fill(rrect(-24, -96, 26, -90, 3), darker(hat, 0.1))
            p.fill(rrect(-14, -122, 16, -93, 2.5), hat)
            p.fill(rrect(-14, -99, 16, -95, 0.5), fig.cloth, outline=0.5)


def antenna(fig: Figure, p: ShapePainter) -> None:
    """An antenna with a bulb in the accent colour (every robot has one; others may wear it)."""
    top = -100 if fig.plan is Kind.robot else -98
    p.fill(tube([(0, top + 1), (2, top - 12)], 2.0), (120, 126, 140), outline=0.6)
    p.fill(oval(2, top - 14, 3.8, 3.8), fig.accent)
    p.flat(oval(1, top - 15.2, 1.1, 1.1), (255, 255, 255), alpha=0.8)


def glasses(fig: Figure, p: ShapePainter) -> None:
    """Glasses over the eyes: the "front" layer, drawn over every face layer."""
    if "glasses" not in fig.d.accessories:
        return
    frame = (70, 50, 44)
    r = 6.6 * max(1.0, fig.look.eye_scale * 0.9)
    for side in (-1, 1):
        ex = fig.fx + side * fig.eye_dx
        p.flat(oval(ex, fig.eye_y, r, r), (220, 240, 255), alpha=0.22)
        ring = cut(
            oval(ex, fig.eye_y, r + 0.8, r + 0.8),
            oval(ex, fig.eye_y, r - 0.8, r - 0.8),
            skia.PathOp.kDifference_PathOp,
        )
        p.flat(ring, frame)
    bridge = skia.Path()
    bridge.moveTo(fig.fx - fig.eye_dx + r, fig.eye_y - 1)
    bridge.quadTo(fig.fx, fig.eye_y - 3.5, fig.fx + fig.eye_dx - r, fig.eye_y - 1)
    p.stroke(bridge, frame, 1.4)
