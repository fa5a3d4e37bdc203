"""Heads: the head layer of a character.

Back to front: a mane or spines behind the head, ears and horns behind it (:mod:`.head_features`),
the head itself (round, wide, fuzzy, a jellyfish's bell; a robot's, in one of four builds), its
markings (stripes, patches, a panda's eye patches, a raccoon's mask, an owl's facial disc, a
badger's stripes), an elder animal's greying muzzle, the muzzle (:mod:`.muzzles`), blush,
freckles and an elder's wrinkles, a person's beard and hair (:mod:`.hair`), crests, combs and
horns in front, floppy ears, then what is worn on the head (:mod:`.headwear`, :mod:`.clothes`);
ears that stand on top poke out through a hat. The face itself (eyes, brows, mouth) is
:mod:`.faces`.
"""

from __future__ import annotations

import random

import skia

from render_farm.engine.styles import ShapePainter, darker, lighter
from render_farm.film import Age

from . import clothes, hair, headwear
from . import head_features as features
from .figure import Figure
from .muzzles import draw_muzzle
from .shapes import cut, fuzzy_oval, oval, poly, rotated, rrect, tube, union

__all__ = ["draw_head", "head_path"]


def head_path(fig: Figure) -> skia.Path:
    """The outline of the head (a jellyfish's bell, a monster's furry head)."""
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    if "floats" in fig.k.extras:  # a jellyfish's bell with its scalloped rim
        rim = [(cx - rx, cy + ry * 0.2)]
        for k in range(9):
            rim.append((cx - rx + (k + 0.5) * 2 * rx / 9, cy + ry * (0.55 if k % 2 == 0 else 0.3)))
        rim.append((cx + rx, cy + ry * 0.2))
        return union(
            cut(oval(cx, cy, rx, ry), rrect(cx - rx - 1, cy - ry - 1, cx + rx + 1, cy + ry * 0.25, 0)), poly(rim, 2)
        )
    if fig.k.head == "fuzzy":
        return fuzzy_oval(cx, cy, rx, ry, 20, 2.6 * fig.fs, random.Random(fig.rng_seed))
    return oval(cx, cy, rx, ry)


def draw_head(fig: Figure, p: ShapePainter) -> None:
    """The whole head layer, back to front."""
    if fig.kind.value == "robot":
        _robot_head(fig, p)
        clothes.head_accessories(fig, p)
        headwear.draw_headwear(fig, p)
        return
    hatted = features.hatted(fig)
    features.draw_mane_back(fig, p)
    if not hatted:
        features.draw_ears(fig, p, front=False)
    features.draw_horns(fig, p, front=False)
    if not fig.head_in_body:
        p.fill(head_path(fig), fig.head_color)
    if fig.k.eyes == "bulging":
        for side in (-1, 1):
            p.fill(
                oval(fig.head_c[0] + fig.fx + side * fig.eye_dx, fig.eye_y, 8.5 * fig.fs, 8 * fig.fs), fig.head_color
            )
    _markings(fig, p)
    if fig.age is Age.elder and fig.animal:  # a greying muzzle
        grey = oval(fig.head_c[0] + fig.fx, fig.mouth_y - 3 * fig.fs, fig.head_r[0] * 0.62, fig.head_r[1] * 0.36)
        p.flat(cut(grey, head_path(fig)) if not fig.head_in_body else grey, (236, 236, 238), alpha=0.5)
    draw_muzzle(fig, p)
    cx = fig.head_c[0]
    s = fig.fs
    fx = cx + fig.fx
    if fig.blush:
        for side in (-1, 1):
            p.flat(oval(fx + side * 15.5 * s, fig.mouth_y - 2 * s, 4.6 * s, 2.8 * s), (255, 120, 140), alpha=0.38)
    if fig.freckles:
        for side in (-1, 1):
            for k in range(3):
                p.flat(
                    oval(fx + side * (13 + k * 2.2) * s, fig.mouth_y - (4.5 - (k % 2) * 1.5) * s, 0.6 * s, 0.6 * s),
                    darker(fig.skin, 0.4),
                )
    if fig.person and fig.age is Age.elder:
        for side in (-1, 1):
            ex = fx + side * (fig.eye_dx + 6.2 * s)
            for dy in (-1.4, 1.4):
                p.stroke(
                    tube([(ex, fig.eye_y + dy * s), (ex + side * 2.4 * s, fig.eye_y + dy * 1.8 * s)], 0.01),
                    darker(fig.skin, 0.25),
                    0.6,
                )
    if fig.person:
        hair.draw_beard(fig, p)
        if not headwear.covers_hair(fig):
            hair.draw_hair_front(fig, p)
    features.draw_crest(fig, p)
    features.draw_ears(fig, p, front=True)
    features.draw_mane_front(fig, p)
    clothes.head_accessories(fig, p)
    headwear.draw_headwear(fig, p)
    features.draw_horns(fig, p, front=True)  # a unicorn's horn and antennae show through any hat
    if hatted:  # ears poke out through the hat
        features.draw_ears(fig, p, front=False, outside=head_path(fig))


def _markings(fig: Figure, p: ShapePainter) -> None:
    pattern = fig.pattern
    extras = fig.k.extras
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    fx = cx + fig.fx
    head = head_path(fig)
    ink = fig.marks
    if "facial_disc" in extras:
        disc = union(oval(fx - 8 * s, fig.eye_y, 12 * s, 12 * s), oval(fx + 8 * s, fig.eye_y, 12 * s, 12 * s))
        p.fill(cut(disc, head), fig.accent, outline=0.5)
    if fig.kind.value == "penguin":
        mask = union(
            oval(fx - 7 * s, fig.eye_y + 3 * s, 11 * s, 12 * s), oval(fx + 7 * s, fig.eye_y + 3 * s, 11 * s, 12 * s)
        )
        p.fill(cut(mask, head), fig.accent, outline=0.0, shade=False)
    if "eye_patches" in extras or pattern == "panda":
        for side in (-1, 1):
            ex = fx + side * fig.eye_dx
            p.fill(rotated(oval(ex, fig.eye_y + 1 * s, 7 * s, 8.5 * s), side * -28, ex, fig.eye_y), ink, outline=0.0)
    if pattern == "mask":
        band = union(
            oval(fx - 8 * s, fig.eye_y + 1 * s, 10 * s, 6.5 * s), oval(fx + 8 * s, fig.eye_y + 1 * s, 10 * s, 6.5 * s)
        )
        p.fill(cut(band, head), ink, outline=0.0)
        p.flat(cut(oval(fx, fig.eye_y - 9 * s, 12 * s, 3 * s), head), (240, 238, 232))
    if pattern == "badger":
        p.fill(cut(oval(cx, cy, rx, ry), rrect(cx - rx, cy - ry, cx + rx, cy + ry, 0)), fig.accent, outline=0.0)
        for side in (-1, 1):
            stripe = rotated(
                rrect(
                    fx + side * fig.eye_dx - 3.6 * s,
                    cy - ry * 1.1,
                    fx + side * fig.eye_dx + 3.6 * s,
                    fig.mouth_y - 2 * s,
                    3 * s,
                ),
                side * -8,
                fx,
                cy,
            )
            p.fill(cut(stripe, head), ink, outline=0.0)
    if pattern in ("stripes", "tabby"):
        tiger = fig.kind.value in ("tiger", "zebra")
        count = 3 if not tiger else 4
        for k in range(count):
            x = cx + (k - (count - 1) / 2) * 5 * s
            stripe = poly(
                [(x - 1.5 * s, cy - ry - 1), (x + 1.5 * s, cy - ry - 1), (x, cy - ry * (0.55 if tiger else 0.7))]
            )
            p.flat(cut(stripe, head), ink)
        if tiger:
            for side in (-1, 1):
                for k in range(2):
                    y = cy + ry * (0.0 + k * 0.3)
                    stripe = poly(
                        [
                            (cx + side * (rx + 1), y - 1.6 * s),
                            (cx + side * (rx + 1), y + 1.6 * s),
                            (cx + side * rx * 0.62, y),
                        ]
                    )
                    p.flat(cut(stripe, head), ink)
    if pattern in ("patches", "eye_patch") and fig.plan == "biped":
        side = 1 if fig.variant % 2 else -1
        ex = fx + side * fig.eye_dx
        p.fill(cut(oval(ex + side * 2 * s, fig.eye_y - 1 * s, 9 * s, 8.5 * s), head), ink, outline=0.0)
    if pattern == "giraffe":
        for dx, dy, r in ((-0.55, -0.55, 4.5), (0.5, -0.65, 3.8), (-0.7, 0.1, 3.5)):
            p.flat(cut(oval(cx + dx * rx, cy + dy * ry, r * s, r * s * 0.85), head), ink)
    if pattern == "spots" and fig.plan in ("biped", "tentacles", "caterpillar", "snake"):
        for dx, dy, r in ((-0.5, -0.6, 3.2), (0.35, -0.72, 2.4), (0.7, -0.25, 2.0)):
            p.flat(
                cut(oval(cx + dx * rx, cy + dy * ry, r * s, r * s), head),
                lighter(ink, 0.1) if fig.plan != "biped" else darker(fig.skin, 0.18),
            )
    if pattern == "speckles":
        for k in range(7):
            x = cx + ((k * 37) % 13 - 6.5) / 6.5 * rx * 0.75
            y = cy - ry * 0.8 + ((k * 23) % 7) * 1.8 * s
            p.flat(cut(oval(x, y, 0.8 * s, 0.8 * s), head), ink)
    if pattern == "scales":
        for k in range(3):
            x = cx - 6 * s + k * 6 * s
            arc = tube([(x - 2.5 * s, cy - ry * 0.7), (x, cy - ry * 0.62), (x + 2.5 * s, cy - ry * 0.7)], 0.01)
            p.stroke(arc, darker(fig.skin, 0.25), 0.7)


def _robot_head(fig: Figure, p: ShapePainter) -> None:
    """A robot's head, one of four builds the seed picks: a rounded box, a dome, a bolted cube, a wide set."""
    metal = fig.skin
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    s = fig.fs
    build = fig.variant
    if build == 0:
        for side in (-1, 1):
            p.fill(rrect(cx + side * rx - 4 * s, cy - 9 * s, cx + side * rx + 4 * s, cy + 9 * s, 3 * s), fig.accent)
        head = rrect(cx - rx + 1, cy - ry, cx + rx - 1, cy + ry * 0.96, 11 * s)
    elif build == 1:
        for side in (-1, 1):
            p.fill(oval(cx + side * (rx - 1), cy + 2 * s, 6 * s, 6 * s), fig.accent)
        head = union(
            oval(cx, cy - ry * 0.1, rx - 1, ry * 0.9),
            rrect(cx - rx + 1, cy - ry * 0.1, cx + rx - 1, cy + ry * 0.96, 6 * s),
        )
    elif build == 2:
        head = rrect(cx - rx + 2, cy - ry, cx + rx - 2, cy + ry * 0.96, 3 * s)
    else:
        for side in (-1, 1):
            p.fill(
                tube([(cx + side * 8 * s, cy - ry + 2), (cx + side * 14 * s, cy - ry - 6 * s)], 2 * s),
                (120, 126, 140),
                outline=0.5,
            )
        head = rrect(cx - rx - 3 * s, cy - ry * 0.85, cx + rx + 3 * s, cy + ry * 0.96, 7 * s)
    p.fill(head, metal)
    if build == 2:
        for side in (-1, 1):
            for dy in (-ry * 0.7, ry * 0.7):
                p.fill(oval(cx + side * (rx - 6 * s), cy + dy, 1.8 * s, 1.8 * s), darker(metal, 0.3), outline=0.3)
    fx = cx + fig.fx
    screen = rrect(fx - 20 * s, cy - 16 * s, fx + 20 * s, cy + 19 * s, 8 * s)
    if build == 3:
        screen = rrect(fx - 23 * s, cy - 12 * s, fx + 23 * s, cy + 17 * s, 5 * s)
    p.fill(screen, (30, 38, 58), outline=0.7, shade=False)
    p.flat(
        rrect(
            fx - 17 * s,
            cy - 14 * s + (4 * s if build == 3 else 0),
            fx - 5 * s,
            cy - 11.5 * s + (4 * s if build == 3 else 0),
            1.2 * s,
        ),
        (255, 255, 255),
        alpha=0.18,
    )
    if "antenna" not in fig.d.accessories and build != 3:
        clothes.antenna(fig, p)
