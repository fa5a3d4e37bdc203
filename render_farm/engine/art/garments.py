"""Garments: the top a character wears on its torso and what covers its legs.

Each top of :class:`~render_farm.engine.art.costumes.CostumeLook` (shirt, sweater, lab coat,
armour, spacesuit, gown, ...) is drawn over the figure's torso outline, so it fits every body
plan that wears clothes; coats, robes, gowns, skirts, a tutu and a mermaid's tail hang below it.
:func:`sleeve` and :func:`leg_color` tell the limbs what to wear. The extras worn over a top (an
apron, a hi-vis vest, a sash) are :mod:`.overlays`.
"""

from __future__ import annotations

import skia

from render_farm.engine.styles import RGB, ShapePainter, darker, hex_rgb, lighter, mix

from .figure import GOLD, Figure
from .shapes import cut, oval, poly, rrect, tube, union

__all__ = [
    "covers_legs",
    "draw_lower",
    "draw_top",
    "leg_color",
    "main_color",
    "sleeve",
    "trim_color",
    "wears_clothes",
]

_SHIRT_WHITE: RGB = (248, 246, 240)
_LONG_TOPS = {"labcoat", "trench", "oilskin", "smock", "tunic", "fire_jacket", "coat"}


def wears_clothes(fig: Figure) -> bool:
    """Whether this body plan wears a top (sea creatures wear a vest; a snail only hats and ties)."""
    return fig.plan in ("person", "biped", "bird", "sea", "robot") and fig.c.top != "none"


def main_color(fig: Figure) -> RGB:
    return hex_rgb(fig.c.color) if fig.c.color else fig.cloth


def trim_color(fig: Figure) -> RGB:
    if fig.c.trim:
        return hex_rgb(fig.c.trim)
    if fig.c.color:  # a fixed garment: the design's colour goes on the trim
        return fig.cloth
    return lighter(fig.cloth, 0.45)


def sleeve(fig: Figure) -> tuple[RGB, bool] | None:
    """The sleeves' colour and whether they are long, or None for bare arms."""
    c = fig.c
    if not wears_clothes(fig) or c.sleeves == "none" or fig.plan not in ("person", "biped", "robot"):
        return None
    top = c.top
    if top == "overalls":
        return (fig.cloth if "plaid" in c.extras else _SHIRT_WHITE), c.sleeves == "long"
    if top in ("leotard", "shell_top", "gown") and c.sleeves != "long":
        return None
    if top == "armour":
        return (176, 184, 198), True
    if top == "dress":
        return main_color(fig), False
    return main_color(fig), c.sleeves == "long"


def leg_color(fig: Figure) -> RGB | None:
    """What the legs are drawn in: trousers, tights or a suit; None for the body's own legs."""
    c = fig.c
    if c.lower in ("natural", "long", "tail"):
        return None
    if c.top == "bodysuit":
        return main_color(fig)
    if c.lower in ("skirt", "tutu"):
        if c.top == "leotard":
            return lighter(main_color(fig), 0.5)
        return None
    if c.legs:
        return hex_rgb(c.legs)
    if c.top == "overalls":
        return main_color(fig)
    if c.top == "clown":
        return main_color(fig)
    if c.top == "scrubs":
        return main_color(fig)
    if c.top in ("tunic",):
        return darker(main_color(fig), 0.45)
    return mix(darker(main_color(fig), 0.5), (62, 66, 92), 0.55)


def covers_legs(fig: Figure) -> bool:
    """A robe, a gown or a mermaid's tail: the legs are not drawn."""
    return fig.c.lower in ("long", "tail") and fig.plan in ("person", "biped")


# -- the top -------------------------------------------------------------------------------


def draw_top(fig: Figure, p: ShapePainter) -> None:
    """The garment on the torso (the torso is already drawn bare underneath)."""
    if not wears_clothes(fig):
        return
    a = fig.a
    torso = fig.torso_path()
    box = torso.computeTightBounds()
    left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
    cx = (left + right) / 2 + a.lean * 0.5
    main, trim = main_color(fig), trim_color(fig)
    kind = fig.c.top
    if fig.plan in ("bird", "sea"):  # a vest on a round body: open at the front
        vest = cut(torso, rrect(left - 2, top + (bottom - top) * 0.18, right + 2, bottom - (bottom - top) * 0.2, 0))
        vest = cut(
            vest,
            poly([(cx - 3, top), (cx + 3, top), (cx + 6, bottom), (cx - 6, bottom)]),
            skia.PathOp.kDifference_PathOp,
        )
        p.fill(vest, main)
        return
    if fig.plan == "robot":
        p.fill(cut(torso, rrect(left - 5, bottom - 11, right + 5, bottom + 2, 0)), main, outline=0.6)
        return
    if kind in _LONG_TOPS:
        _tails(fig, p, main, kind)
    if kind == "overalls":
        under = fig.cloth if "plaid" in fig.c.extras else _SHIRT_WHITE
        p.fill(torso, under)
        if "plaid" in fig.c.extras:
            _plaid(p, torso, under)
        bib = poly(
            [
                (cx - (right - left) * 0.32, top + (bottom - top) * 0.28),
                (cx + (right - left) * 0.32, top + (bottom - top) * 0.28),
                (right + 0.5, bottom),
                (left - 0.5, bottom),
            ],
            3,
        )
        p.fill(cut(bib, _grown(torso)), main)
        for side in (-1, 1):
            x = cx + side * (right - left) * 0.28
            p.fill(tube([(x, top + (bottom - top) * 0.32), (x + side * 1.2, top + 1)], 2.8), main, outline=0.6)
            p.fill(oval(x - side * 0.4, top + (bottom - top) * 0.33, 1.3, 1.3), GOLD, outline=0.4, shade=False)
        pocket_y = top + (bottom - top) * 0.5
        p.fill(rrect(cx - 4 * fig.b, pocket_y, cx + 4 * fig.b, pocket_y + 5.5, 1.5), darker(main, 0.15), outline=0.5)
        return
    if kind != "shell_top":  # a mermaid's top covers the chest alone
        p.fill(torso, main)
    mid = (top + bottom) / 2
    if kind in ("shirt", "uniform_shirt", "scrubs", "tee", "sweater", "leotard", "bodysuit", "clown", "smock"):
        if kind == "shirt":
            for side in (-1, 1):
                p.fill(
                    poly([(cx, top + 0.5), (cx + side * 6, top - 0.5), (cx + side * 2.5, top + 5)], 1.0),
                    lighter(main, 0.55),
                    outline=0.5,
                )
        elif kind in ("tee", "leotard", "bodysuit"):
            neck = _arc(cx - 4.5, top + 0.5, cx + 4.5, top + 0.5, top + 4.5)
            p.stroke(neck, darker(main, 0.3), 1.0)
        elif kind == "scrubs":
            p.fill(poly([(cx - 4, top), (cx + 4, top), (cx, top + 7)], 0.8), darker(main, 0.3), outline=0.5)
            p.fill(rrect(cx - 8, mid - 4, cx - 3, mid + 1, 0.8), darker(main, 0.08), outline=0.5)
        elif kind == "uniform_shirt":
            for side in (-1, 1):
                p.fill(
                    poly([(cx, top + 0.5), (cx + side * 6, top - 0.5), (cx + side * 2.5, top + 5)], 1.0),
                    darker(main, 0.12),
                    outline=0.5,
                )
                px = cx + side * (right - left) * 0.24
                p.fill(rrect(px - 3.2, mid - 6, px + 3.2, mid - 0.5, 0.8), darker(main, 0.08), outline=0.5)
                p.fill(rrect(px - 3.4, mid - 6.5, px + 3.4, mid - 4.6, 0.6), darker(main, 0.15), outline=0.4)
        elif kind == "sweater":
            p.fill(cut(torso, rrect(left - 2, top - 2, right + 2, top + 3.5, 0)), darker(main, 0.12), outline=0.5)
            p.fill(cut(torso, rrect(left - 2, bottom - 3.2, right + 2, bottom + 2, 0)), darker(main, 0.12), outline=0.5)
            for x in (cx - (right - left) * 0.22, cx + (right - left) * 0.22):
                cable = skia.Path()
                cable.moveTo(x, top + 4)
                y = top + 4
                while y < bottom - 4:
                    cable.quadTo(x + 2.2, y + 2, x, y + 4)
                    y += 4
                p.stroke(cable, darker(main, 0.22), 0.9)
        elif kind == "clown":
            for k in range(7):
                dx, dy = ((k * 7.3) % 17) - 8.5, ((k * 5.1) % 22) - 4
                p.flat(cut(oval(cx + dx, top + 6 + dy, 1.8, 1.8), torso), lighter(main, 0.55))
        elif kind == "smock":
            p.fill(poly([(cx - 4, top), (cx + 4, top), (cx, top + 6)], 0.8), darker(main, 0.2), outline=0.5)
        return
    if kind in ("cardigan", "blazer", "suit", "labcoat", "trench", "coat", "oilskin", "fire_jacket"):
        opening = {
            "cardigan": 3.0,
            "blazer": 4.0,
            "suit": 4.0,
            "labcoat": 4.5,
            "trench": 0.0,
            "coat": 0.0,
            "oilskin": 0.0,
            "fire_jacket": 0.0,
        }[kind]
        if opening:
            inner = _SHIRT_WHITE if kind != "labcoat" else fig.cloth
            front = poly(
                [(cx - opening, top), (cx + opening, top), (cx + opening * 0.4, bottom), (cx - opening * 0.4, bottom)],
                0.5,
            )
            p.fill(cut(front, torso), inner, outline=0.5)
            for side in (-1, 1):
                lapel = poly(
                    [
                        (cx + side * opening, top),
                        (cx + side * (opening + 5), top),
                        (cx + side * opening * 0.7, top + (bottom - top) * 0.45),
                    ],
                    1,
                )
                p.fill(lapel, darker(main, 0.12) if kind != "labcoat" else lighter(main, 0.1), outline=0.5)
            if kind == "cardigan":
                for y in (top + 8, mid + 2, bottom - 4):
                    p.fill(oval(cx + opening * 0.6 + 1.4, y, 1.1, 1.1), darker(main, 0.4), outline=0.0, shade=False)
            if kind == "labcoat":
                p.fill(
                    rrect(cx + opening + 2, mid - 1, cx + opening + 8, mid + 5, 0.8), lighter(main, 0.05), outline=0.5
                )
        else:
            p.stroke(tube([(cx + 1.5, top + 2), (cx + 1.5, bottom)], 0.01), darker(main, 0.4), 0.9)
            button = darker(main, 0.45) if kind != "fire_jacket" else (60, 60, 66)
            for k in range(4):
                y = top + 5 + k * (bottom - top - 8) / 3
                p.fill(oval(cx + 4.5, y, 1.3, 1.3), button, outline=0.0, shade=False)
                if kind == "trench":
                    p.fill(oval(cx - 2.5, y, 1.3, 1.3), button, outline=0.0, shade=False)
            for side in (-1, 1):
                collar = poly([(cx + side * 1.5, top), (cx + side * 8, top - 1), (cx + side * 2.5, top + 6)], 1)
                p.fill(collar, lighter(main, 0.15) if kind != "oilskin" else darker(main, 0.08), outline=0.5)
            if kind == "fire_jacket":
                for y in (mid - 3, bottom - 3):
                    band = cut(torso, rrect(left - 2, y - 1.6, right + 2, y + 1.6, 0))
                    p.fill(band, trim, outline=0.4)
                    p.flat(cut(torso, rrect(left - 2, y - 0.5, right + 2, y + 0.5, 0)), (220, 224, 232))
        return
    if kind == "chef_jacket":
        p.fill(cut(torso, rrect(left - 2, top - 2, right + 2, top + 3.2, 0)), darker(main, 0.06), outline=0.5)
        for side in (-1, 1):
            for k in range(3):
                p.fill(oval(cx + side * 3.6, top + 8 + k * 6, 1.15, 1.15), (70, 70, 80), outline=0.0, shade=False)
        return
    if kind in ("uniform", "band_jacket"):
        p.stroke(tube([(cx, top + 2), (cx, bottom)], 0.01), darker(main, 0.4), 0.8)
        for k in range(4):
            y = top + 5 + k * (bottom - top - 8) / 3
            p.fill(oval(cx + 2.8, y, 1.2, 1.2), trim, outline=0.4, shade=False)
            if kind == "band_jacket":
                p.fill(tube([(cx - 7, y), (cx + 7, y)], 1.1), trim, outline=0.3)
        if kind == "band_jacket":
            p.fill(cut(torso, rrect(left - 2, top - 2, right + 2, top + 3.4, 0)), trim, outline=0.5)
        else:
            for side in (-1, 1):
                collar = poly([(cx + side * 1.5, top), (cx + side * 7, top - 1), (cx + side * 2.5, top + 5)], 1)
                p.fill(collar, darker(main, 0.15), outline=0.5)
                px = cx + side * (right - left) * 0.25
                p.fill(rrect(px - 3, mid - 5, px + 3, mid - 3.5, 0.5), darker(main, 0.2), outline=0.4)
        return
    if kind == "sailor":
        collar = union(
            poly(
                [(left - 1, top - 1), (right + 1, top - 1), (right - 2, top + 8), (cx, top + 13), (left + 2, top + 8)],
                2,
            )
        )
        collar = cut(
            collar, poly([(cx - 5, top - 2), (cx + 5, top - 2), (cx, top + 11)]), skia.PathOp.kDifference_PathOp
        )
        p.fill(collar, trim, outline=0.6)
        edge = cut(collar, rrect(left - 2, top + 6, right + 2, top + 7, 0))
        p.flat(edge, _SHIRT_WHITE)
        return
    if kind in ("tunic", "robe"):
        p.fill(
            poly([(cx - 5, top), (cx + 5, top), (cx, top + 7)], 0.8),
            trim if kind == "robe" else darker(main, 0.25),
            outline=0.5,
        )
        if kind == "robe":
            p.fill(cut(torso, rrect(left - 2, bottom - 4, right + 2, bottom + 1, 0)), trim, outline=0.5)
        return
    if kind in ("gown", "dress"):
        p.fill(cut(torso, rrect(left - 2, bottom - 4, right + 2, bottom, 0)), lighter(main, 0.4), outline=0.5)
        neck = _arc(cx - 5, top + 0.5, cx + 5, top + 0.5, top + 4)
        p.stroke(neck, darker(main, 0.25), 0.9)
        return
    if kind == "armour":
        for k in range(3):
            y = top + 6 + k * (bottom - top - 6) / 3
            p.stroke(_arc(left + 2, y, right - 2, y, y + 2.5), darker(main, 0.25), 0.8)
        p.flat(cut(torso, oval(cx - (right - left) * 0.2, top + 8, 3, 6)), lighter(main, 0.5), alpha=0.6)
        return
    if kind == "spacesuit":
        p.fill(cut(torso, rrect(left - 2, top - 2, right + 2, top + 3.5, 0)), (190, 196, 208), outline=0.5)
        panel = rrect(cx - 6, mid - 5, cx + 6, mid + 4, 1.5)
        p.fill(panel, (70, 80, 100), outline=0.6, shade=False)
        for k, colour in enumerate(((232, 70, 60), (250, 200, 60), (90, 200, 120))):
            p.flat(oval(cx - 3 + k * 3, mid - 1, 1.1, 1.1), colour)
        p.fill(cut(torso, rrect(left - 2, bottom - 6, right + 2, bottom - 3.5, 0)), fig.cloth, outline=0.4)
        return
    if kind == "shell_top":
        band = cut(torso, rrect(left - 2, top + 3, right + 2, top + (bottom - top) * 0.42, 0))
        p.fill(band, main)
        return


def _tails(fig: Figure, p: ShapePainter, main: RGB, kind: str) -> None:
    """The part of a coat that hangs below the waist, over the thighs."""
    a = fig.a
    knee = a.hip[1] - a.hip[1] * (0.38 if kind != "tunic" else 0.22)
    top = a.torso_bottom - 3
    w = a.torso_bw + 1
    flare = 4.0 if kind != "tunic" else 2.5
    tails = poly([(-w, top), (w, top), (w + flare, knee), (-w - flare, knee)], 3)
    if kind in ("labcoat", "coat", "trench", "oilskin", "fire_jacket"):
        split = poly([(-0.5, top + 2), (1.5, top + 2), (3.5, knee + 1), (-2.5, knee + 1)], 0)
        tails = cut(tails, split, skia.PathOp.kDifference_PathOp)
    p.fill(tails, darker(main, 0.04))


def _plaid(p: ShapePainter, torso: skia.Path, colour: RGB) -> None:
    box = torso.computeTightBounds()
    line = darker(colour, 0.35)
    x = box.left() + 2
    while x < box.right():
        p.flat(cut(rrect(x, box.top(), x + 1.0, box.bottom(), 0), torso), line, alpha=0.6)
        x += 4.5
    y = box.top() + 2
    while y < box.bottom():
        p.flat(cut(rrect(box.left(), y, box.right(), y + 1.0, 0), torso), line, alpha=0.6)
        y += 4.5


def _grown(path: skia.Path) -> skia.Path:
    out = skia.Path(path)
    out.transform(skia.Matrix.Scale(1.04, 1.02))
    return out


def _arc(x0: float, y0: float, x1: float, y1: float, low: float) -> skia.Path:
    path = skia.Path()
    path.moveTo(x0, y0)
    path.quadTo((x0 + x1) / 2, low, x1, y1)
    return path


# -- below the waist --------------------------------------------------------------------------


def draw_lower(fig: Figure, p: ShapePainter, *, to_the_ground: bool) -> None:
    """What hangs below the waist: skirts and a tutu (``to_the_ground=False``: they move with the
    torso), or robes and gowns to the ankles and a mermaid's tail (``True``: they stay on the ground,
    so a character in a gown sits down into it)."""
    if not wears_clothes(fig) and fig.c.lower != "tail":
        return
    if fig.plan not in ("person", "biped") or (fig.c.lower in ("long", "tail")) != to_the_ground:
        return
    a = fig.a
    lower = fig.c.lower
    main = main_color(fig)
    top = a.torso_bottom - 3
    w = a.torso_bw + 0.5
    if lower == "long":
        width = 19 * fig.b if fig.c.top != "gown" else 27 * fig.b  # a gown's bell of a skirt
        robe = poly([(-w, top), (w, top), (width, -3.5), (-width, -3.5)], 4)
        p.fill(robe, main)
        if fig.c.top == "gown":
            p.fill(cut(robe, rrect(-40, -9, 40, -2, 0)), lighter(main, 0.35), outline=0.0)
            p.stroke(_arc(-width * 0.45, top + 8, -width * 0.62, -5, -20), darker(main, 0.15), 0.8)
            p.stroke(_arc(width * 0.45, top + 8, width * 0.62, -5, -20), darker(main, 0.15), 0.8)
        elif "ermine" in fig.c.extras:
            p.fill(cut(robe, rrect(-40, -9, 40, -2, 0)), (250, 248, 244), outline=0.5)
        elif fig.c.top == "robe":
            p.fill(cut(robe, rrect(-40, -8, 40, -4.5, 0)), trim_color(fig), outline=0.0)
        return
    if lower == "skirt":
        knee = a.hip[1] * 0.45
        skirt = poly([(-w, top), (w, top), (w + 9, knee), (-w - 9, knee)], 3)
        if "petals" in fig.c.extras:
            points = [(-w, top), (w, top)]
            count = 5
            for k in range(count + 1):
                x = (w + 9) - k * (2 * (w + 9)) / count
                points.append((x, knee + (4 if k % 2 == 0 else -1)))
            skirt = poly(points, 1.5)
        p.fill(skirt, main if fig.c.top != "cardigan" else hex_rgb(fig.c.legs or "#5a4a44"))
        if fig.c.top == "dress":
            p.fill(cut(skirt, rrect(-40, knee - 4, 40, knee + 1, 0)), lighter(main, 0.3), outline=0.0)
        return
    if lower == "tutu":
        y = top + 2
        tutu = union(*[oval(x, y, 7.5, 4.2) for x in (-w - 2, -w / 2, 0, w / 2, w + 2)])
        p.fill(tutu, lighter(main, 0.25))
        p.fill(oval(0, y - 1, w + 6, 2.6), main, outline=0.5)
        return
    if lower == "tail":  # a fish's tail from the hips, curving to one side, its fin spread on the ground
        tail_c = hex_rgb(fig.c.legs) if fig.c.legs else main
        body = skia.Path()
        body.moveTo(-w - 1, top)
        body.lineTo(w + 1, top)
        body.cubicTo(w + 2, top + 14, 9, -20, 7, -9)
        body.lineTo(1, -9)
        body.cubicTo(-2, -18, -w, top + 12, -w - 1, top)
        body.close()
        fin = poly([(4, -13), (21, -5), (24, 0), (12, -2), (4, -6), (-6, -1), (-12, 0), (-4, -7)], 2.5)
        p.fill(fin, darker(tail_c, 0.1))
        p.fill(body, tail_c)
        p.canvas.save()
        p.canvas.clipPath(body, doAntiAlias=True)
        for k in range(4):
            y = top + 5 + k * 6
            x = k * 1.2
            p.stroke(_arc(x - 5, y, x + 5, y, y + 3), darker(tail_c, 0.22), 0.8)
        p.canvas.restore()
        p.fill(cut(body, rrect(-40, top - 1, 40, top + 3, 0)), lighter(tail_c, 0.3), outline=0.0)
        return
