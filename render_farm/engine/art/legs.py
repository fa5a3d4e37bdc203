"""Legs: a character's legs and feet in a stance -- standing, the four steps of a walk or a run,
sitting, crouching, tucked in a jump -- in trousers, shorts, boots or bare, on feet of the kind's
(shoes, paws, hooves, webbed feet, claws, a bird's toes); a bird's thin legs, a robot's, an
octopus's tentacles, a crab's legs, a caterpillar's many. One layer per stance (``legs_<stance>``).
"""

from __future__ import annotations

from render_farm.engine.styles import RGB, ShapePainter, darker, hex_rgb, lighter

from . import garments
from .figure import Figure
from .limbs import limb_color, stripe_limb
from .shapes import oval, poly, rrect, tube, union

__all__ = ["SEGMENTS", "STANCES", "draw_legs", "sit_drop"]

STANCES = ("stand", "step0", "step1", "step2", "step3", "run0", "run1", "run2", "run3", "sit", "crouch", "tuck")
_HOOF: RGB = (74, 60, 56)
_BIRD_LEG: RGB = (238, 156, 52)


def sit_drop(fig: Figure) -> float:
    """How far the body sinks when this figure sits (units)."""
    if fig.plan in ("person", "biped", "robot"):
        return -fig.a.hip[1] * 0.5
    if fig.plan == "bird":
        return -fig.a.hip[1] * 0.6
    if fig.plan in ("sea", "snail", "snake", "caterpillar"):
        return 0.0  # already on the ground: it settles its arms instead
    return 4.0  # a ghost comes down, an octopus or a crab sinks on its legs


SEGMENTS = ((0.0, -10.0, 13.0), (-3.0, -27.0, 14.0), (1.0, -44.0, 15.0))  # a caterpillar's body, bottom up


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
    if covered:
        garments.draw_lower(fig, p, to_the_ground=True)
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
    for k, (cx, cy, r) in enumerate(SEGMENTS):
        for side in (-1, 1):
            up = lift if (k % 2) == (side > 0) else 0
            p.fill(
                tube([(cx + side * r * 0.5, cy), (cx + side * (r * 0.6 + 2), -2 - up)], 2.6),
                darker(fig.skin, 0.35),
                outline=0.5,
            )
