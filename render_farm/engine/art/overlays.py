"""Costume extras: what a role wears over its top, round its neck and on its back.

Over the top (:func:`draw_front`): aprons, a hi-vis vest, a waistcoat, a pirate's open coat, a
mayor's sash and chain, belts, a knight's tabard, a clown's ruff and pompoms, a hero's emblem.
Round the neck (any body plan, even one without a top): neckerchiefs, ties and bow ties,
necklaces, a stethoscope, a lanyard. On the back (:func:`draw_back`): capes and cloaks, fairy
wings, an astronaut's pack, a student's backpack.
"""

from __future__ import annotations

import math

import skia

from render_farm.engine.styles import RGB, ShapePainter, darker, lighter

from .figure import GOLD, Figure
from .garments import main_color, trim_color, wears_clothes
from .headwear import star
from .shapes import cut, oval, poly, rotated, rrect, tube, union

__all__ = ["cape_color", "draw_back", "draw_front", "neck_point"]

_WHITE: RGB = (250, 249, 245)
_HIVIS: RGB = (250, 150, 40)
_SILVER: RGB = (214, 220, 228)
_LEATHER: RGB = (128, 84, 50)


def neck_point(fig: Figure) -> tuple[float, float]:
    """Where a tie or a neckerchief is tied: under the chin."""
    if fig.plan in ("person", "biped", "robot") or (fig.plan == "bird" and not fig.k.neck):
        return (fig.a.lean, max(fig.a.torso_top, fig.head_c[1] + fig.head_r[1] * 0.9))
    return (fig.head_c[0] + fig.a.lean, fig.head_c[1] + fig.head_r[1] * 0.95)


def cape_color(fig: Figure) -> RGB:
    """A cape that stands out from the suit: the accessory colour, or a contrast to the outfit."""
    if fig.d.accessory_color is not None:
        return fig.acc
    if fig.c.top == "bodysuit":
        r, _, b = main_color(fig)
        return (200, 50, 42) if b > r else (42, 80, 200)
    if "cloak" in fig.c.extras:
        return darker(main_color(fig), 0.25)
    return darker(main_color(fig), 0.2)


def draw_back(fig: Figure, p: ShapePainter) -> None:
    """What hangs behind the body: capes, cloaks, fairy wings, packs."""
    extras = fig.c.extras
    a = fig.a
    b = fig.b
    if "fairy_wings" in extras:
        for side in (-1, 1):
            for k, (dy, r) in enumerate(((-10, 15), (8, 10))):
                wing = rotated(
                    oval(side * 22, a.torso_top + dy, r, r * 0.62),
                    side * (35 if k == 0 else -25),
                    side * 6,
                    a.torso_top + 6,
                )
                p.fill(wing, (220, 240, 255), alpha=0.7)
    if "cape" in extras or "cloak" in extras:
        long_cloak = "cloak" in extras
        top = a.torso_top + 1
        w = a.torso_tw
        spread = 24 * b if long_cloak else (27 * b if "ermine" in extras else 22 * b)
        cape = poly(
            [(-w, top), (w, top), (spread, -3 if long_cloak else -8), (0, -1), (-spread, -3 if long_cloak else -8)], 4
        )
        p.fill(cape, cape_color(fig))
        if "ermine" in extras:  # a royal mantle's white fur hem
            hem = cut(cape, rrect(-60, -14, 60, 0, 0))
            p.fill(hem, _WHITE, outline=0.5)
            for x in range(-24, 25, 8):
                p.flat(cut(poly([(x, -11), (x + 1, -8.6), (x - 1, -8.6)]), hem), (30, 30, 34))
    if "space_pack" in extras:
        p.fill(rrect(-a.torso_tw - 4, a.torso_top - 2, a.torso_tw + 4, a.torso_bottom + 2, 4), (200, 204, 214))
    if "backpack" in extras:
        p.fill(rrect(-a.torso_tw - 3, a.torso_top + 2, a.torso_tw + 3, a.torso_bottom + 3, 5), fig.cloth)


def draw_front(fig: Figure, p: ShapePainter) -> None:
    """Everything a costume wears over its top and round its neck, back to front."""
    extras = fig.c.extras
    if not extras:
        return
    a = fig.a
    clothed = wears_clothes(fig) and fig.plan in ("person", "biped")
    if clothed:
        torso = fig.torso_path()
        box = torso.computeTightBounds()
        left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
        cx = (left + right) / 2 + a.lean * 0.5
        mid = (top + bottom) / 2
        main, trim = main_color(fig), trim_color(fig)
        knee = a.hip[1] * 0.42
        for name, colour in (
            ("apron", _WHITE),
            ("green_apron", (90, 150, 80)),
            ("leather_apron", _LEATHER),
            ("striped_apron", (70, 150, 100)),
        ):
            if name in extras:
                _apron(p, cx, top, bottom, knee, fig.b, colour, striped=name == "striped_apron")
        if "coat_open" in extras:
            coat = fig.cloth
            for side in (-1, 1):
                panel = poly(
                    [
                        (cx + side * 4, top),
                        (side * (right - cx + 1) + cx, top),
                        (cx + side * (right - cx + 3), knee),
                        (cx + side * 6, knee),
                    ],
                    2,
                )
                p.fill(panel, coat)
                for k in range(3):
                    p.fill(oval(cx + side * 6.2, top + 5 + k * 6, 1.1, 1.1), GOLD, outline=0.3, shade=False)
        if "vest" in extras:
            for side in (-1, 1):
                panel = poly(
                    [
                        (cx + side * 3, top),
                        (cx + side * (right - cx + 1), top),
                        (cx + side * (right - cx + 1), bottom),
                        (cx + side * 2, bottom),
                    ],
                    1.5,
                )
                p.fill(cut(panel, torso), _LEATHER)
        if "hivis" in extras:
            for side in (-1, 1):
                panel = cut(
                    torso,
                    rrect(cx + (side * 3 if side > 0 else -50), top - 1, cx + (50 if side > 0 else -3), bottom + 1, 0),
                )
                p.fill(panel, _HIVIS if fig.costume.value != "builder" else (236, 222, 60))
            for y in (mid - 2, bottom - 4):
                p.flat(cut(torso, rrect(left - 1, y - 1.2, right + 1, y + 1.2, 0)), _SILVER)
        if "tabard" in extras:
            tabard = poly([(cx - 7, top + 2), (cx + 7, top + 2), (cx + 8, knee + 4), (cx - 8, knee + 4)], 2)
            p.fill(tabard, fig.cloth)
            p.fill(
                union(
                    rrect(cx - 1.2, top + 6, cx + 1.2, top + 18, 0.3),
                    rrect(cx - 4.5, top + 9, cx + 4.5, top + 11.4, 0.3),
                ),
                GOLD,
                outline=0.4,
            )
        if "ermine" in extras:
            collar = union(oval(cx - 7, top + 2, 8, 5), oval(cx + 7, top + 2, 8, 5))
            p.fill(collar, _WHITE)
            for dx in (-9, -4, 5, 10):
                p.flat(poly([(cx + dx, top + 1), (cx + dx + 1, top + 3.4), (cx + dx - 1, top + 3.4)]), (30, 30, 34))
        if "sash" in extras:
            sash = poly([(left + 1, top), (left + 6, top), (right + 1, bottom - 2), (right - 4, bottom + 1)], 1)
            p.fill(cut(sash, _grown(torso)), fig.cloth)
            p.stroke(tube([(left + 3, top + 1), (right - 1, bottom - 1)], 0.01), GOLD, 0.6)
        if "mayor_chain" in extras:
            chain = skia.Path()
            chain.moveTo(cx - 8, top + 1)
            chain.quadTo(cx, top + 16, cx + 8, top + 1)
            p.stroke(chain, GOLD, 1.6)
            p.fill(oval(cx, top + 9, 2.6, 2.6), GOLD, outline=0.5)
        if "sash_belt" in extras:
            colour = fig.cloth if fig.costume.value == "pirate" else darker(main, 0.3)
            p.fill(cut(torso, rrect(left - 1, bottom - 6, right + 1, bottom, 0)), colour, outline=0.6)
            p.fill(poly([(right - 6, bottom - 3), (right - 2, bottom + 6), (right - 6, bottom + 5)], 1), colour)
        if "belt" in extras or "tool_belt" in extras:
            tool = "tool_belt" in extras
            p.fill(
                cut(torso, rrect(left - 1, bottom - 4.5, right + 1, bottom - 0.5, 0)),
                (76, 52, 36) if not tool else _LEATHER,
                outline=0.5,
            )
            if tool:
                for dx in (-8, 6):
                    p.fill(rrect(cx + dx - 2.5, bottom - 3, cx + dx + 2.5, bottom + 3, 1), darker(_LEATHER, 0.2))
                p.fill(tube([(cx + 11, bottom - 6), (cx + 12, bottom + 4)], 1.6), (150, 120, 80), outline=0.4)
            else:
                p.fill(rrect(cx - 2.2, bottom - 5, cx + 2.2, bottom, 0.6), GOLD, outline=0.4, shade=False)
        if "pompoms" in extras:
            for k in range(3):
                p.fill(oval(cx, top + 6 + k * 7, 2.2, 2.2), trim)
        if "gold_braid" in extras:
            for side in (-1, 1):
                p.fill(oval(cx + side * (right - cx - 1), top + 1.5, 4.5, 2.6), GOLD, outline=0.5)
        if "epaulettes" in extras:
            for side in (-1, 1):
                p.fill(
                    rrect(cx + side * (right - cx) - 4.5, top - 1.5, cx + side * (right - cx) + 4.5, top + 1.8, 1.2),
                    GOLD,
                    outline=0.5,
                )
        if "puff_sleeves" in extras:
            for side in (-1, 1):
                sx, sy = fig.shoulder(side)
                p.fill(oval(sx, sy + 1, 5.5, 4.6), lighter(main, 0.15))
        if "emblem" in extras:
            p.fill(oval(cx, mid - 3, 6, 5.2), trim)
            emblem = star(cx, mid - 3, 4.2, 1.8)
            p.fill(emblem, main, outline=0.4)
        if "stars" in extras:
            for dx, dy in ((-6, 4), (5, 10), (-3, 17), (7, -1)):
                p.fill(star(cx + dx, top + dy, 2.2, 0.9), GOLD, outline=0.3)
            for dx, dy in ((-8, -6), (9, -8), (0, -14)):
                p.fill(star(cx + dx, a.torso_bottom - dy, 2.2, 0.9), GOLD, outline=0.3)
        if "paint_dabs" in extras:
            for k, colour in enumerate(((220, 60, 60), (60, 120, 220), (240, 200, 50), (80, 180, 90))):
                p.flat(oval(cx - 7 + k * 5, mid + (k % 2) * 5 - 2, 1.8, 1.5), colour)
        if "pens" in extras:
            for k, colour in enumerate(((60, 100, 200), (200, 60, 60))):
                p.fill(rrect(cx + 9 + k * 2, mid - 5, cx + 10.2 + k * 2, mid + 1, 0.5), colour, outline=0.3)
        if "badge" in extras:
            shape = (
                star(cx - 7, mid - 4, 2.8, 1.3)
                if fig.costume.value != "police_officer"
                else poly(
                    [
                        (cx - 9.5, mid - 7),
                        (cx - 4.5, mid - 7),
                        (cx - 4.5, mid - 3),
                        (cx - 7, mid - 0.5),
                        (cx - 9.5, mid - 3),
                    ],
                    0.6,
                )
            )
            p.fill(shape, GOLD, outline=0.4)
        if "school_badge" in extras:
            p.fill(
                poly(
                    [(cx - 10, mid - 6), (cx - 5, mid - 6), (cx - 5, mid - 2), (cx - 7.5, mid), (cx - 10, mid - 2)], 0.6
                ),
                GOLD,
                outline=0.4,
            )
        if "badge_cross" in extras:
            p.fill(rrect(cx - 10, mid - 6, cx - 4, mid, 1), _WHITE, outline=0.4)
            p.flat(
                union(rrect(cx - 7.6, mid - 5, cx - 6.4, mid - 1, 0), rrect(cx - 9, mid - 3.6, cx - 5, mid - 2.4, 0)),
                (220, 50, 50),
            )
        if "satchel" in extras:
            p.fill(cut(tube([(left + 2, top), (right - 1, bottom)], 2.2), _grown(torso)), _LEATHER, outline=0.5)
            p.fill(rrect(right - 7, bottom - 6, right + 4, bottom + 4, 2), _LEATHER)
            p.fill(rrect(right - 7, bottom - 6, right + 4, bottom - 2, 1.5), darker(_LEATHER, 0.15), outline=0.5)
        if "brooch" in extras:
            p.fill(oval(cx - 6, top + 5, 1.6, 1.6), GOLD, outline=0.4)
        if "boutonniere" in extras:
            p.fill(oval(cx - 7, top + 5, 2.0, 2.0), fig.cloth if fig.c.color else (230, 60, 80), outline=0.4)
        if "soot" in extras:
            for dx, dy in ((-6, 6), (5, 14)):
                p.flat(oval(cx + dx, top + dy, 2.4, 1.4), (60, 56, 52), alpha=0.45)
    # round the neck: for every body plan
    nx, ny = neck_point(fig)
    if "ruff" in extras:
        ruff = union(
            *[
                oval(nx + math.cos(t) * 10, ny + 1 + math.sin(t) * 2.2, 3.4, 3.0)
                for t in [k * math.tau / 8 for k in range(8)]
            ]
        )
        p.fill(ruff, _WHITE)
    if "neckerchief" in extras:
        colour = fig.cloth if fig.costume.value != "sailor" else (210, 50, 50)
        if fig.costume.value == "cowboy":
            colour = (200, 50, 50)
        knot = poly([(nx - 6, ny - 1), (nx + 6, ny - 1), (nx, ny + 7)], 1.5)
        p.fill(knot, colour)
        p.fill(oval(nx, ny + 0.5, 2, 1.6), darker(colour, 0.15), outline=0.4)
    if "tie" in extras:
        colour = fig.cloth if fig.c.color else darker(fig.cloth, 0.35)
        if fig.costume.value == "police_officer":
            colour = (30, 34, 50)
        tie = poly(
            [(nx - 1.6, ny + 1.5), (nx + 1.6, ny + 1.5), (nx + 2.6, ny + 14), (nx, ny + 17), (nx - 2.6, ny + 14)], 0.6
        )
        p.fill(tie, colour)
        p.fill(oval(nx, ny + 1.2, 2, 1.6), colour, outline=0.5)
    if "bow_tie" in extras or "neck_bow" in extras:
        big = "neck_bow" in extras
        colour = (30, 30, 36) if not big else fig.cloth
        if big and not fig.c.color:
            colour = (200, 50, 60)
        w, h = (4.5, 2.6) if not big else (6.5, 4.0)
        for side in (-1, 1):
            p.fill(poly([(nx, ny + 1.5), (nx + side * w, ny + 1.5 - h), (nx + side * w, ny + 1.5 + h)], 1), colour)
        p.fill(oval(nx, ny + 1.5, 1.4, 1.4), darker(colour, 0.2))
    if "necklace" in extras:
        for k in range(7):
            t = (k - 3) / 3.0
            p.fill(oval(nx + t * 7, ny + 2 + (1 - t * t) * 4, 1.1, 1.1), (250, 246, 236), outline=0.3, shade=False)
    if "stethoscope" in extras:
        tubing = skia.Path()
        tubing.moveTo(nx - 6, ny)
        tubing.quadTo(nx - 7, ny + 12, nx - 2, ny + 14)
        tubing.moveTo(nx + 6, ny)
        tubing.quadTo(nx + 8, ny + 9, nx + 5, ny + 16)
        p.stroke(tubing, (70, 74, 84), 1.3)
        p.fill(oval(nx + 5, ny + 17, 2.2, 2.2), (190, 196, 206), outline=0.5)
    if "lanyard" in extras:
        cord = skia.Path()
        cord.moveTo(nx - 5, ny)
        cord.lineTo(nx, ny + 12)
        cord.lineTo(nx + 5, ny)
        p.stroke(cord, (200, 60, 60), 0.9)
        p.fill(rrect(nx - 3, ny + 11, nx + 3, ny + 18, 0.8), _WHITE, outline=0.5)
        p.flat(rrect(nx - 2, ny + 12.5, nx + 2, ny + 14, 0.3), (80, 120, 200))


def _apron(
    p: ShapePainter, cx: float, top: float, bottom: float, knee: float, b: float, colour: RGB, *, striped: bool
) -> None:
    bib = union(
        rrect(cx - 7 * b, top + 3, cx + 7 * b, bottom, 2),
        poly([(cx - 11 * b, bottom - 2), (cx + 11 * b, bottom - 2), (cx + 12.5 * b, knee), (cx - 12.5 * b, knee)], 2.5),
    )
    p.fill(bib, colour)
    if striped:
        for k in range(-3, 4):
            p.flat(cut(rrect(cx + k * 3.4 - 0.8, top, cx + k * 3.4 + 0.8, knee + 2, 0), bib), _WHITE)
    pocket = rrect(cx - 4.5, bottom + 1, cx + 4.5, bottom + 6, 1.2)
    p.fill(pocket, darker(colour, 0.08), outline=0.5)
    for side in (-1, 1):
        p.fill(tube([(cx + side * 7 * b, top + 3), (cx + side * 9 * b, top - 1)], 1.2), colour, outline=0.4)


def _grown(path: skia.Path) -> skia.Path:
    out = skia.Path(path)
    out.transform(skia.Matrix.Scale(1.06, 1.03))
    return out
