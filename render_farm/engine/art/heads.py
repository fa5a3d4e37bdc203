"""Heads: the head layer of a character, and its hair.

Per body plan: the head shape (round, furry, a robot's screen), muzzles, noses, whiskers, blush
and freckles, ears and horns, a bird's crest and a dragon's spines; for humans the hair in front
(and :func:`hair_back`, drawn behind the body). Hats and other head wear come from
:mod:`.clothes`, on top. The face itself (eyes, brows, mouth) is :mod:`.faces`.
"""

from __future__ import annotations

import random

from render_farm.engine.art import clothes
from render_farm.engine.art.figure import Figure
from render_farm.engine.art.shapes import cut, fuzzy_oval, oval, poly, rotated, rrect, tube, union
from render_farm.engine.styles import ShapePainter, darker, lighter
from render_farm.film.spec import Kind

__all__ = ["draw_head", "hair_back"]


def draw_head(fig: Figure, p: ShapePainter) -> None:
    """The whole head layer, back to front."""
    sp, _d = fig.plan, fig.d
    cx, cy = fig.head_c
    rx, ry = fig.head_r
    fx = fig.fx
    _ears_back(fig, p)
    if sp is Kind.robot:
        _robot_head(fig, p)
    else:
        if sp is Kind.monster:
            head = fuzzy_oval(cx, cy, rx, ry, 20, 2.6, random.Random(fig.rng_seed))
        else:
            head = oval(cx, cy, rx, ry)
        p.fill(head, fig.skin)
        if sp is Kind.fox:
            mask = union(oval(fx - 10, -62, 13, 10), oval(fx + 10, -62, 13, 10))
            p.fill(cut(head, mask), fig.accent, outline=0.0, shade=False)
        if sp in (Kind.cat, Kind.dog, Kind.bear, Kind.mouse, Kind.rabbit, Kind.dragon):
            mw, mh = {Kind.bear: (12, 9), Kind.dog: (11, 8.5), Kind.dragon: (14, 9.5)}.get(sp, (9, 7))
            p.fill(oval(fx + 0.5, -61.5, mw, mh), fig.belly, outline=0.5)
        _nose(fig, p)
        if sp in (Kind.cat, Kind.mouse, Kind.rabbit, Kind.fox):
            for side in (-1, 1):
                for k, dy in enumerate((-1.5, 1.5)):
                    x0 = fx + side * 8
                    w = tube([(x0, -64 + dy), (x0 + side * (13 - k * 2), -65 + dy * 2.2)], 0.01)
                    p.stroke(w, darker(fig.skin, 0.55), 0.7)
        if fig.blush:
            for side in (-1, 1):
                p.flat(oval(fx + side * 15.5, -63.5, 4.6, 2.8), (255, 120, 140), alpha=0.38)
        if fig.freckles:
            for side in (-1, 1):
                for k in range(3):
                    p.flat(oval(fx + side * (13 + k * 2.2), -66 + (k % 2) * 1.5, 0.6, 0.6), darker(fig.skin, 0.4))
    if sp is Kind.human:
        _hair_front(fig, p)
    elif sp is Kind.bird:
        for k, ang in enumerate((-25, 0, 25)):
            tuft = rotated(oval(0, -104, 3.2, 8), ang, 0, -97)
            p.fill(tuft, fig.accent if k != 1 else darker(fig.accent, 0.1))
    elif sp is Kind.dragon:
        for x in (-8, 0, 8):
            p.fill(poly([(x - 3.5, -98.5), (x + 3.5, -98.5), (x, -106)], 1.2), fig.accent)
    _ears_front(fig, p)
    clothes.head_accessories(fig, p)


def _nose(fig: Figure, p: ShapePainter) -> None:
    sp, fx = fig.plan, fig.fx
    if sp is Kind.human:
        p.stroke(tube([(fx + 0.5, -67.8), (fx + 1.8, -66.4)], 0.01), darker(fig.skin, 0.3), 1.3)
    elif sp in (Kind.cat, Kind.rabbit, Kind.mouse):
        p.fill(poly([(fx - 2.5, -66.5), (fx + 2.5, -66.5), (fx, -63.8)], 1.0), (236, 136, 150), outline=0.5)
    elif sp in (Kind.dog, Kind.bear, Kind.fox):
        p.fill(oval(fx + 0.5, -66, 3.6, 2.6), (42, 32, 36), outline=0.4)
        p.flat(oval(fx - 0.6, -66.9, 1.2, 0.7), (255, 255, 255), alpha=0.7)
    elif sp is Kind.dragon:
        for side in (-1, 1):
            p.flat(oval(fx + side * 3.2, -66, 1.1, 0.8), darker(fig.skin, 0.5))
    elif sp is Kind.monster:
        p.fill(oval(fx + 0.5, -66.5, 2.6, 2.0), darker(fig.skin, 0.3), outline=0.4)


def _ears_back(fig: Figure, p: ShapePainter) -> None:
    sp = fig.plan
    inner = (240, 160, 172)
    if sp in (Kind.cat, Kind.fox):
        tall = 30 if sp is Kind.fox else 24
        for side in (-1, 1):
            ear = poly([(side * 8, -94), (side * 25, -84), (side * 22, -84 - tall)], 3.5)
            p.fill(ear, fig.skin)
            in_ = poly([(side * 12, -93), (side * 22, -87), (side * 20.5, -84 - tall + 7)], 2)
            p.flat(in_, inner if sp is Kind.cat else darker(fig.skin, 0.35))
    elif sp is Kind.rabbit:
        for side in (-1, 1):
            ear = rotated(oval(side * 10, -110, 6.5, 20), side * 10, side * 10, -92)
            p.fill(ear, fig.skin)
            p.flat(rotated(oval(side * 10, -110, 3.4, 15), side * 10, side * 10, -92), inner)
    elif sp in (Kind.bear, Kind.mouse):
        r = 8.5 if sp is Kind.bear else 13
        x, y = (20, -94) if sp is Kind.bear else (23, -92)
        for side in (-1, 1):
            p.fill(oval(side * x, y, r, r), fig.skin)
            p.flat(
                oval(side * x, y + 0.6, r * 0.55, r * 0.55),
                inner if sp is Kind.mouse else darker(fig.skin, 0.25),
            )
    elif sp in (Kind.dragon, Kind.monster):
        horn = (246, 232, 200)
        for side in (-1, 1):
            h = poly([(side * 9, -96), (side * 17, -93), (side * 21, -112)], 2.2)
            p.fill(h, horn)


def _ears_front(fig: Figure, p: ShapePainter) -> None:
    if fig.plan is Kind.dog:
        for side in (-1, 1):
            ear = rotated(oval(side * 25, -80, 7.5, 15), -side * 18, side * 25, -92)
            p.fill(ear, darker(fig.accent, 0.05) if fig.accent != fig.skin else darker(fig.skin, 0.25))


def hair_back(fig: Figure, p: ShapePainter) -> None:
    """Long hair or a ponytail, drawn behind the body."""
    if fig.hair_style == 1:  # long hair falling behind the shoulders
        hair = union(oval(0, -78, 30, 27), rrect(-28, -82, 28, -40, 12))
    else:  # ponytail
        hair = union(oval(0, -80, 29, 26), tube([(-22, -86), (-33, -70), (-30, -52)], 11))
    p.fill(hair, darker(fig.accent, 0.08))


def _hair_front(fig: Figure, p: ShapePainter) -> None:
    hair = fig.accent
    cx, cy = fig.head_c
    cap = oval(cx, cy - 1.5, fig.head_r[0] + 2.2, fig.head_r[1] + 2.5)
    style = fig.hair_style
    fringe: list[tuple[float, float]] = [(40, -130), (40, -66)]
    if style == 4:  # spiky
        fringe += [
            (24, -70),
            (18, -86),
            (12, -80),
            (6, -89),
            (0, -81),
            (-6, -88),
            (-12, -80),
            (-18, -86),
            (-24, -70),
        ]
    else:
        fringe += [(25, -70), (20, -82), (10, -87), (3, -84), (-4, -88), (-14, -86), (-22, -80), (-26, -68)]
    fringe += [(-40, -66), (-40, -130)]
    region = poly(fringe, 2.5)
    front = cut(cap, region)
    if style == 4:
        spikes = union(*[poly([(x - 5, -95), (x + 5, -95), (x + 2, -106)], 1.5) for x in (-14, -4, 6, 15)])
        front = union(front, spikes)
    if style == 2:  # bun on top
        p.fill(oval(-2, -102, 9, 7.5), hair)
    p.fill(front, hair)
    shine = cut(front, oval(-10, -96, 10, 3.6))
    p.flat(shine, lighter(p.color(hair), 0.35), alpha=0.55, raw=True)


def _robot_head(fig: Figure, p: ShapePainter) -> None:
    metal = fig.skin
    for side in (-1, 1):
        p.fill(rrect(side * 27 - 4, -84, side * 27 + 4, -66, 3), fig.accent)
    head = rrect(-26, -100, 26, -51, 11)
    p.fill(head, metal)
    fx = fig.fx
    p.fill(rrect(fx - 20, -91, fx + 20, -56, 8), (30, 38, 58), outline=0.7, shade=False)
    p.flat(rrect(fx - 17, -89, fx - 5, -86.5, 1.2), (255, 255, 255), alpha=0.18)
    if "antenna" not in fig.d.accessories:
        clothes.antenna(fig, p)
