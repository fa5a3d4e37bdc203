"""Limbs: one arm per layer, in any gesture, as the kind's hands say (hands, paws, hooves, wings,
flippers, fins, tentacles, pincers, insect arms, a bat's wing, a ghost's nub, a snake's tail tip).

:func:`arm_points` gives the shoulder, elbow and hand of an arm for a gesture of :mod:`.poses`
(the hand is also the anchor where a held prop is drawn); :func:`draw_arm` paints it, in the
costume's sleeve and gloves when there are any.
"""

from __future__ import annotations

import math

from render_farm.engine.styles import RGB, ShapePainter, darker, hex_rgb, lighter, mix

from . import garments
from .figure import Figure
from .poses import GESTURES, elbow_for
from .shapes import cut, oval, poly, rotated, rrect, tube, union

__all__ = ["arm_points", "draw_arm", "limb_color", "stripe_limb"]

Point = tuple[float, float]


def arm_points(fig: Figure, side: int, gesture: str, head_dy: float = 0.0) -> tuple[Point, Point, Point]:
    """Shoulder, elbow and hand of the ``side`` arm (+1 towards the face) in ``gesture``."""
    shoulder = fig.shoulder(side)
    length = fig.a.arm_len
    if gesture == "chin":
        cx, cy = fig.head_c
        target = (cx + fig.fx + side * 2.0, cy + fig.head_r[1] * 0.98 + head_dy + fig.a.hand_r * 0.6)
    else:
        out, down = GESTURES.get(gesture, GESTURES["rest"])
        target = (shoulder[0] + side * out * length, shoulder[1] + down * length)
    elbow, hand = elbow_for(shoulder, target, length, side)
    return shoulder, elbow, hand


def limb_color(fig: Figure) -> RGB:
    """The colour of bare arms and legs (a panda's and a cat's socks are darker)."""
    if fig.pattern == "panda":
        return fig.marks
    return fig.skin


def draw_arm(fig: Figure, p: ShapePainter, side: int, gesture: str, head_dy: float = 0.0) -> None:
    hands = fig.k.hands
    if hands == "none" and fig.plan != "snake":
        return
    s, e, h = arm_points(fig, side, gesture, head_dy)
    if fig.plan == "snake":
        if side > 0:
            _tail_tip(fig, p, h)
        return
    if hands == "wing":
        if fig.k.wings == "bat":
            _bat_wing(fig, p, side, s, e, h)
        else:
            _feather_wing(fig, p, side, s, h)
        return
    if hands in ("flipper", "fin"):
        _flipper(fig, p, s, h, fin=hands == "fin")
        return
    if hands == "tentacle":
        _tentacle(fig, p, side, s, e, h)
        return
    if hands == "nub":
        p.fill(
            tube([s, (s[0] * 0.5 + h[0] * 0.5, s[1] * 0.5 + h[1] * 0.5), h], fig.a.arm_w * 1.2),
            fig.skin if fig.plan != "snail" else lighter(fig.skin, 0.1),
        )
        return
    if hands == "pincer":
        _pincer(fig, p, side, s, e, h)
        return
    width = fig.a.arm_w
    bare = limb_color(fig)
    if hands == "insect":
        width = max(2.6, width * 0.42)
        bare = fig.marks if fig.k.marks else darker(fig.skin, 0.5)
    arm = tube([s, e, h], width)
    p.fill(arm, bare)
    if fig.pattern == "stripes" and fig.plan == "biped":
        stripe_limb(p, arm, (s, e, h), fig.marks)
    sleeve = garments.sleeve(fig)
    if sleeve is not None:
        colour, long_sleeve = sleeve
        if long_sleeve:
            end = (e[0] + (h[0] - e[0]) * 0.74, e[1] + (h[1] - e[1]) * 0.74)
            p.fill(tube([s, e, end], width + 1.2), colour)
            if fig.c.top in ("chef_jacket", "uniform", "band_jacket") and "sleeve_rings" in fig.c.extras:
                cuff = tube([(e[0] + (h[0] - e[0]) * 0.6, e[1] + (h[1] - e[1]) * 0.6), end], width + 1.4)
                p.fill(cuff, garments.trim_color(fig), outline=0.5)
        else:
            mid = (s[0] + (e[0] - s[0]) * 0.75, s[1] + (e[1] - s[1]) * 0.75)
            p.fill(tube([s, mid], width + 1.6), colour)
    _hand(fig, p, side, e, h, hands)


def stripe_limb(p: ShapePainter, limb: object, points: tuple[Point, Point, Point], ink: RGB) -> None:
    """Three bands across a striped arm or leg (a zebra's, a tiger's)."""
    s, e, h = points
    for t in (0.3, 0.58, 0.84):
        a, b, u = (s, e, t / 0.5) if t < 0.5 else (e, h, (t - 0.5) / 0.5)
        x, y = a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u
        ang = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        band = rotated(rrect(x - 1.3, y - 9, x + 1.3, y + 9, 0.5), ang, x, y)
        p.flat(cut(band, limb), ink)  # type: ignore[arg-type]


def _hand(fig: Figure, p: ShapePainter, side: int, e: Point, h: Point, hands: str) -> None:
    r = fig.a.hand_r
    glove = fig.c.gloves if fig.person or fig.c.gloves else None
    if hands == "hooves" and glove is None:
        ang = math.degrees(math.atan2(h[1] - e[1], h[0] - e[0])) - 90
        p.fill(
            rotated(rrect(h[0] - r, h[1] - r * 0.6, h[0] + r, h[1] + r * 1.1, r * 0.7), ang, h[0], h[1]), (74, 60, 56)
        )
        return
    if hands == "insect":
        p.fill(oval(h[0], h[1], r * 0.7, r * 0.7), fig.marks if fig.k.marks else darker(fig.skin, 0.5))
        return
    colour = hex_rgb(glove) if glove else (limb_color(fig) if hands != "hands" else fig.skin)
    if fig.pattern == "socks" and not glove:
        colour = fig.marks
    p.fill(oval(h[0], h[1] + 0.6, r, r), colour)
    if hands == "claws" and glove is None:
        for k in (-1, 0, 1):
            tip = (h[0] + k * r * 0.55, h[1] + r * 0.95)
            p.fill(
                poly([(tip[0] - 1.0, tip[1] - 0.6), (tip[0] + 1.0, tip[1] - 0.6), (tip[0], tip[1] + 2.0)], 0.3),
                (246, 236, 214),
                outline=0.4,
            )


def _feather_wing(fig: Figure, p: ShapePainter, side: int, s: Point, h: Point) -> None:
    dx, dy = h[0] - s[0], h[1] - s[1]
    length = math.hypot(dx, dy) + 6
    ang = math.degrees(math.atan2(dy, dx))
    cx, cy = s[0] + dx * 0.5, s[1] + dy * 0.5
    width = 6.5 + 2 * fig.fs
    wing = rotated(oval(cx, cy, length / 2, width), ang, cx, cy)
    colour = fig.accent if fig.accent != fig.skin and fig.kind.value != "owl" else darker(fig.skin, 0.18)
    if fig.kind.value in ("penguin", "crow", "swan", "eagle", "duck"):
        colour = darker(fig.skin, 0.12)
    p.fill(wing, colour)
    # three flight feathers at the tip
    ux, uy = dx / max(1e-6, length - 6), dy / max(1e-6, length - 6)
    for k in (-1, 0, 1):
        fx = h[0] + ux * 3 + (-uy) * k * width * 0.55
        fy = h[1] + uy * 3 + ux * k * width * 0.55
        feather = rotated(oval(fx, fy, 4.2, 2.2), ang, fx, fy)
        p.fill(feather, darker(colour, 0.15), outline=0.5)


def _flipper(fig: Figure, p: ShapePainter, s: Point, h: Point, *, fin: bool) -> None:
    dx, dy = h[0] - s[0], h[1] - s[1]
    length = math.hypot(dx, dy) * (0.9 if fin else 1.0) + 4
    ang = math.degrees(math.atan2(dy, dx))
    cx, cy = s[0] + dx * 0.5, s[1] + dy * 0.5
    colour = darker(fig.skin, 0.12)
    if fin:
        shape = poly(
            [
                (cx - length / 2, cy - 2),
                (cx + length / 2, cy - 6),
                (cx + length / 2 - 2, cy + 6),
                (cx - length / 2, cy + 3),
            ],
            2.5,
        )
        p.fill(rotated(shape, ang, cx, cy), fig.accent if fig.accent != fig.skin else colour)
        return
    p.fill(rotated(oval(cx, cy, length / 2, 4.8), ang, cx, cy), colour)


def _tentacle(fig: Figure, p: ShapePainter, side: int, s: Point, e: Point, h: Point) -> None:
    curl = (h[0] + side * 3.5, h[1] - 2.5)
    p.fill(union(tube([s, e, h], 6.5), tube([h, curl], 4.2)), fig.skin)
    if "suckers" in fig.k.extras:
        for t in (0.35, 0.6, 0.85):
            x, y = s[0] + (h[0] - s[0]) * t, s[1] + (h[1] - s[1]) * t + 1.5
            p.flat(oval(x, y, 1.2, 1.0), lighter(fig.skin, 0.45))


def _pincer(fig: Figure, p: ShapePainter, side: int, s: Point, e: Point, h: Point) -> None:
    p.fill(tube([s, e, h], 5.0), fig.skin)
    r = fig.a.hand_r
    upper = poly(
        [
            (h[0] - side * 2, h[1] + 1),
            (h[0] + side * r * 0.6, h[1] - r * 1.7),
            (h[0] + side * r * 1.5, h[1] - r * 0.6),
            (h[0] + side * r * 0.9, h[1] + 0.5),
        ],
        2.5,
    )
    lower = poly(
        [(h[0] - side * 2, h[1] + 1), (h[0] + side * r * 1.3, h[1] + 0.6), (h[0] + side * r * 0.6, h[1] + r * 0.9)], 2.0
    )
    p.fill(lower, darker(fig.skin, 0.1))
    p.fill(upper, fig.skin)


def _bat_wing(fig: Figure, p: ShapePainter, side: int, s: Point, e: Point, h: Point) -> None:
    hip_y = fig.a.torso_bottom - 2
    body_x = side * (fig.a.torso_bw + 1)
    tip = (h[0] + side * 3, h[1] - 3)
    membrane = poly(
        [
            s,
            e,
            tip,
            (h[0] + side * 1, h[1] + 8),
            ((h[0] + body_x) / 2 + side * 2, (h[1] + hip_y) / 2 + 6),
            (body_x, hip_y),
        ],
        1.5,
    )
    p.fill(membrane, mix(fig.skin, fig.accent, 0.45))
    p.fill(tube([s, e, tip], 2.6), darker(fig.skin, 0.2), outline=0.5)


def _tail_tip(fig: Figure, p: ShapePainter, h: Point) -> None:
    base = (fig.a.torso_bw + 6, -10.0)
    mid = ((base[0] + h[0]) / 2 + 6, (base[1] + h[1]) / 2)
    p.fill(tube([base, mid, h], 5.5), fig.skin)
