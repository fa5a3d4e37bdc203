"""Bodies: the torso layer of a character -- the torso, bare (with its belly, markings, a
kangaroo's pouch, a wolf's ruff) or clothed by :mod:`.garments` and :mod:`.overlays` -- or the
whole body of a plan without legs: a fish's or a whale's, a ghost's sheet, a snake's coil, a
caterpillar's segments, a crab's shell, a snail's soft body; and a giraffe's neck.

What is behind the body is :mod:`.backs`, the legs :mod:`.legs`, the arms :mod:`.limbs`, the head
:mod:`.heads`.
"""

from __future__ import annotations

import random

import skia

from render_farm.engine.styles import ShapePainter, darker, lighter

from . import clothes, garments, overlays
from .figure import Figure
from .legs import SEGMENTS
from .shapes import cut, fuzzy_oval, oval, poly, rrect, tube, union

__all__ = ["draw_torso"]


def draw_torso(fig: Figure, p: ShapePainter) -> None:
    plan = fig.plan
    if plan in ("person", "biped"):
        if fig.a.neck:
            _neck(fig, p)
        _bare_torso(fig, p)
        garments.draw_lower(fig, p, to_the_ground=False)
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
        for cx, cy, r in SEGMENTS:
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
    if "extra_arms" in fig.k.extras:  # an ant: a small middle and a big round end, with a waist between
        mid = (a.torso_top + a.torso_bottom) / 2
        thorax = oval(a.lean * 0.5, a.torso_top + 5, a.torso_tw * 0.8, 7)
        abdomen = oval(0, mid + 7, a.torso_bw * 1.05, (a.torso_bottom - mid) + 4)
        waist = oval(a.lean * 0.3, a.torso_top + 12, 3, 3)
        p.fill(union(thorax, waist), fig.skin)
        p.fill(abdomen, fig.skin)
        p.flat(cut(oval(-3, mid + 2, 4, 6), abdomen), lighter(fig.skin, 0.3), alpha=0.5)
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
