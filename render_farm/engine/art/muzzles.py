"""Muzzles: the middle of a face -- snouts, noses, a pig's disc, a horse's long muzzle, a trunk,
a crocodile's jaws, a dolphin's beak -- and whiskers, tusks, gills, a goat's beard.

Drawn in the head layer, under the eyes and mouth (which are :mod:`.faces`); beaks and bills open
and close with the words, so they are drawn by :mod:`.faces` too. Everything is placed from the
figure's head (centre, radii, the face's turn), so one muzzle fits every age.
"""

from __future__ import annotations

import skia

from render_farm.engine.styles import RGB, ShapePainter, darker, lighter, mix

from .figure import Figure
from .shapes import cut, oval, poly, rotated, rrect, tube, union

__all__ = ["draw_muzzle"]

_NOSE: RGB = (42, 32, 36)
_PINK: RGB = (236, 136, 150)


def _shine(p: ShapePainter, x: float, y: float, r: float) -> None:
    p.flat(oval(x - r * 0.35, y - r * 0.3, r * 0.35, r * 0.22), (255, 255, 255), alpha=0.7)


def draw_muzzle(fig: Figure, p: ShapePainter) -> None:
    kind = fig.k.muzzle
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    fx = cx + fig.fx
    s = fig.fs
    belly = fig.belly
    head = fig.head_color
    if kind == "human":
        p.stroke(
            tube([(fx + 0.5 * s, fig.eye_y + 6.2 * s), (fx + 1.8 * s, fig.eye_y + 7.6 * s)], 0.01),
            darker(fig.skin, 0.3),
            1.3,
        )
    elif kind in ("cat", "dog", "bear", "rodent", "koala", "monster"):
        size = {
            "bear": (12, 9),
            "dog": (11, 8.5),
            "cat": (9, 7),
            "rodent": (8.5, 6.5),
            "koala": (9, 7),
            "monster": (0, 0),
        }[kind]
        if size[0]:
            p.fill(oval(fx + 0.5 * s, fig.mouth_y - 0.5 * s, size[0] * s, size[1] * s), belly, outline=0.5)
        ny = fig.mouth_y - 5.5 * s
        if kind in ("cat", "rodent"):
            p.fill(
                poly([(fx - 2.5 * s, ny - 1.3 * s), (fx + 2.5 * s, ny - 1.3 * s), (fx, ny + 1.6 * s)], 1.0 * s),
                _PINK,
                outline=0.5,
            )
        elif kind == "koala":
            p.fill(oval(fx + 0.5 * s, ny - 1 * s, 4.2 * s, 5.2 * s), _NOSE, outline=0.4)
            _shine(p, fx, ny - 2 * s, 3 * s)
        elif kind == "monster":
            p.fill(oval(fx + 0.5 * s, ny - 0.5 * s, 2.6 * s, 2.0 * s), darker(fig.skin, 0.3), outline=0.4)
        else:
            p.fill(oval(fx + 0.5 * s, ny, 3.6 * s, 2.6 * s), _NOSE, outline=0.4)
            _shine(p, fx + 0.5 * s, ny, 3.6 * s)
    elif kind == "fox":
        mask = union(
            oval(fx - 10 * s, fig.mouth_y - 0.5 * s, 13 * s, 10 * s),
            oval(fx + 10 * s, fig.mouth_y - 0.5 * s, 13 * s, 10 * s),
        )
        p.fill(cut(oval(cx, cy, rx, ry), mask), belly, outline=0.0, shade=False)
        ny = fig.mouth_y - 5 * s
        p.fill(oval(fx + 0.5 * s, ny, 3.6 * s, 2.6 * s), _NOSE, outline=0.4)
        _shine(p, fx + 0.5 * s, ny, 3.6 * s)
    elif kind == "otter":
        for side in (-1, 1):
            p.fill(oval(fx + side * 3.8 * s, fig.mouth_y - 2.5 * s, 5 * s, 4 * s), belly, outline=0.5)
            for k in range(3):
                p.flat(
                    oval(fx + side * (2.5 + k * 1.8) * s, fig.mouth_y - (3.2 - (k % 2)) * s, 0.5 * s, 0.5 * s),
                    darker(belly, 0.5),
                )
        p.fill(oval(fx + 0.5 * s, fig.mouth_y - 6.8 * s, 3.8 * s, 2.6 * s), _NOSE, outline=0.4)
    elif kind == "snout":
        sx, sy = fx + 2.5 * s, fig.mouth_y - 4 * s
        p.fill(
            rotated(oval(sx, sy, 8.5 * s, 6 * s), -10, sx, sy),
            belly if fig.k.belly else lighter(fig.skin, 0.15),
            outline=0.6,
        )
        if fig.kind.value in ("dragon", "lizard"):
            for side in (-1, 1):
                p.flat(oval(sx + 1 * s + side * 3 * s, sy - 2 * s, 1.2 * s, 0.9 * s), darker(fig.skin, 0.5))
        else:
            p.fill(oval(sx + 4.5 * s, sy - 2.5 * s, 2.8 * s, 2.3 * s), _NOSE, outline=0.4)
            _shine(p, sx + 4.5 * s, sy - 2.5 * s, 2.8 * s)
    elif kind == "nostrils":
        for side in (-1, 1):
            p.flat(oval(fx + side * 2 * s, fig.mouth_y - 5 * s, 0.9 * s, 0.7 * s), darker(fig.skin, 0.45))
    elif kind == "pig":
        px, py = fx + 1 * s, fig.mouth_y - 5.5 * s
        p.fill(oval(px, py, 8 * s, 6 * s), lighter(fig.skin, 0.25), outline=0.7)
        for side in (-1, 1):
            p.flat(oval(px + side * 2.8 * s, py, 1.3 * s, 2.0 * s), darker(fig.skin, 0.45))
    elif kind in ("cow", "hippo", "rhino", "horse", "long", "dino"):
        w, h, dy = {
            "cow": (0.66, 0.4, 0.68),
            "hippo": (0.95, 0.52, 0.62),
            "rhino": (0.72, 0.44, 0.62),
            "horse": (0.56, 0.5, 0.62),
            "long": (0.46, 0.42, 0.58),
            "dino": (0.72, 0.44, 0.58),
        }[kind]
        mx, my = fx * 0.7 + cx * 0.3 + 0.5 * s, cy + ry * dy
        colour = belly
        if kind == "cow":
            colour = mix(fig.accent, (244, 184, 192), 0.5)
        elif kind == "horse":
            colour = darker(head, 0.35) if fig.kind.value == "zebra" else lighter(head, 0.28)
            if fig.kind.value == "unicorn":
                colour = mix(head, (244, 200, 214), 0.35)
        elif kind in ("hippo",):
            colour = lighter(head, 0.18)
        elif kind == "rhino":
            colour = lighter(head, 0.1)
        elif kind == "dino":
            colour = lighter(head, 0.15)
        muzzle = oval(mx, my, rx * w, ry * h)
        p.fill(muzzle, fig.greyed(colour))
        if kind in ("cow", "hippo", "horse", "rhino", "dino"):
            nostril_y = my - ry * h * (0.5 if kind == "hippo" else 0.15)
            for side in (-1, 1):
                p.flat(oval(mx + side * rx * w * 0.42, nostril_y, 1.5 * s, 2.2 * s), darker(colour, 0.5))
        else:
            ny = my - ry * h * 0.45
            p.fill(oval(mx, ny, 3.4 * s, 2.5 * s), _NOSE, outline=0.4)
            _shine(p, mx, ny, 3.4 * s)
        if kind == "rhino":
            base = my - ry * h * 0.45
            horn = skia.Path()
            horn.moveTo(mx - 6 * s, base)
            horn.quadTo(mx - 3 * s, base - 12 * s, mx + 5 * s, base - 21 * s)
            horn.quadTo(mx + 3 * s, base - 8 * s, mx + 6 * s, base)
            horn.close()
            p.fill(horn, (236, 226, 204))
    elif kind == "monkey":
        face = union(
            oval(fx - 6 * s, fig.eye_y, 9 * s, 9 * s),
            oval(fx + 6 * s, fig.eye_y, 9 * s, 9 * s),
            oval(fx + 0.5 * s, fig.mouth_y - 2 * s, 13 * s, 9 * s),
        )
        p.fill(face, fig.greyed(belly), outline=0.5)
        for side in (-1, 1):
            p.flat(oval(fx + 0.5 * s + side * 1.5 * s, fig.mouth_y - 7 * s, 0.9 * s, 1.2 * s), darker(belly, 0.5))
    elif kind == "trunk":
        top = (fx, fig.eye_y + 4 * s)
        pts = [
            top,
            (fx + 1 * s, cy + ry * 0.75),
            (fx + 3 * s, cy + ry * 1.2),
            (fx + 12 * s, cy + ry * 1.15),
            (fx + 14 * s, cy + ry * 0.95),
        ]
        if fig.age.value in ("adult", "elder"):
            for side in (-1, 1):
                tusk = tube(
                    [
                        (fx + side * 6 * s, cy + ry * 0.62),
                        (fx + side * 8 * s, cy + ry * 0.92),
                        (fx + side * 5 * s, cy + ry * 1.08),
                    ],
                    3.2 * s,
                )
                p.fill(tusk, (250, 246, 232), outline=0.6)
        trunk = tube(pts, 9.5 * s)
        p.fill(trunk, fig.skin)
        for k in range(3):
            y = cy + ry * (0.55 + k * 0.18)
            p.stroke(tube([(fx - 3 * s, y), (fx + 4 * s, y + 0.6 * s)], 0.01), darker(fig.skin, 0.25), 0.7)
        p.flat(oval(fx + 14 * s, cy + ry * 0.92, 2.4 * s, 1.6 * s), darker(fig.skin, 0.4))
    elif kind == "croc":
        jaw = rrect(cx - rx * 0.25, cy + ry * 0.12, cx + rx + 12 * s, cy + ry * 0.8, 6 * s)
        p.fill(jaw, fig.skin)
        p.fill(cut(jaw, rrect(cx - rx, cy + ry * 0.5, cx + rx + 20 * s, cy + ry, 0)), belly, outline=0.0, shade=False)
        end = cx + rx + 8 * s
        for side in (0, 1):
            p.fill(oval(end - side * 4 * s, cy + ry * 0.14, 2.2 * s, 1.8 * s), darker(fig.skin, 0.1), outline=0.5)
        for k in range(5):
            x = cx - rx * 0.1 + k * (rx + 8 * s) / 5
            p.fill(
                poly([(x, cy + ry * 0.5), (x + 2.4 * s, cy + ry * 0.5), (x + 1.2 * s, cy + ry * 0.5 + 3 * s)], 0.3),
                (252, 250, 240),
                outline=0.4,
            )
    elif kind == "dolphin":
        bx, by = cx + rx * 0.92, cy + ry * 0.42
        p.fill(rotated(oval(bx, by, 11 * s, 5 * s), -8, bx, by), lighter(fig.skin, 0.2), outline=0.7)
    elif kind == "frog":
        pass  # a frog's face is its eyes and its wide mouth
    elif kind in ("shark", "fish"):
        for side in (-1, 1):
            for k in range(3 if kind == "shark" else 1):
                gx = cx + side * (rx * 0.78 - k * 2.6 * s)
                p.stroke(
                    tube([(gx, cy + ry * 0.05), (gx - side * 1 * s, cy + ry * 0.45)], 0.01), darker(fig.skin, 0.3), 1.0
                )
    if fig.k.whiskers:
        for side in (-1, 1):
            for k, dy in enumerate((-1.5, 1.5)):
                x0 = fx + side * 8 * s
                y0 = fig.mouth_y - 2.5 * s + dy * s
                w = tube([(x0, y0), (x0 + side * (13 - k * 2) * s, y0 - 1 * s + dy * 1.2 * s)], 0.01)
                p.stroke(w, darker(fig.skin, 0.55) if fig.skin[0] > 80 else (220, 220, 220), 0.7)
    if "beard" in fig.k.extras:
        beard = poly(
            [(fx - 4 * s, cy + ry * 0.86), (fx + 5 * s, cy + ry * 0.86), (fx + 1.5 * s, cy + ry * 1.32)], 2 * s
        )
        p.fill(beard, fig.greyed(lighter(fig.accent, 0.1) if fig.accent != fig.skin else darker(fig.skin, 0.2)))
    if "blowhole" in fig.k.extras:
        crown = cy - ry
        spout = union(
            tube([(cx, crown + 1), (cx, crown - 8)], 2.4),
            oval(cx - 4, crown - 10, 4, 3),
            oval(cx + 4, crown - 10, 4, 3),
            oval(cx, crown - 12, 4, 3),
        )
        p.flat(spout, (150, 210, 250), alpha=0.8)
