"""The figure of one cast member: who it is, its palette, proportions and seeded choices, in unit space.

A :class:`Figure` reads a cast member's identity (:class:`~render_farm.film.Kind`,
:class:`~render_farm.film.Age`, :class:`~render_farm.film.Gender`,
:class:`~render_farm.film.Costume`) and :class:`~render_farm.film.spec.Design` once and holds what
every part of the drawing needs: the kind's features (:mod:`.kinds`), the costume (:mod:`.costumes`),
the palette, the :class:`Anatomy` (where head, torso, shoulders, hips and face sit for this body plan,
age, gender and build) and the choices the design's seed makes (hair style, pattern, variants). The
drawing modules take a figure and paint with it. Unit space: the character is 100 units tall, feet at
``y = 0``, the top of the head at ``y = -100``, the face turned a little towards ``+x``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import skia

from render_farm.engine.styles import RGB, Look, darker, hex_rgb, lighter, mix
from render_farm.film import Age, CastMember, Costume, Design, Gender, Kind

from .costumes import CostumeLook, costume_look
from .kinds import KindLook, kind_look
from .shapes import oval, poly, rrect

__all__ = ["GOLD", "Anatomy", "Figure", "Identity", "identity_of"]

GOLD: RGB = (242, 192, 58)
GREY_HAIR: RGB = (226, 226, 230)


@dataclass(frozen=True)
class Identity:
    """What the writer decided a character is; the design only chooses how it looks."""

    kind: Kind = Kind.human
    age: Age = Age.adult
    gender: Gender = Gender.unspecified
    costume: Costume = Costume.none


def identity_of(member: CastMember) -> Identity:
    return Identity(Kind(member.kind), Age(member.age), Gender(member.gender), Costume(member.costume))


@dataclass(frozen=True)
class Anatomy:
    """Where the parts of a body sit (unit space). ``x`` values are for the ``+x`` side."""

    head_c: tuple[float, float]
    head_r: tuple[float, float]
    torso_top: float
    torso_bottom: float
    torso_tw: float  # half width at the shoulders
    torso_bw: float  # half width at the hips
    shoulder: tuple[float, float]
    arm_len: float
    arm_w: float
    hand_r: float
    hip: tuple[float, float]
    leg_w: float
    foot: tuple[float, float]  # the foot's radii
    lean: float = 0.0  # how far the shoulders and head lean towards +x (an elder's stoop)
    neck: float = 0.0  # the neck's length between the torso and the head


# heads, torsos and limbs per age on two legs: a child is half head, an adult about a third
_AGES: dict[Age, Anatomy] = {
    Age.child: Anatomy(
        (0, -75), (27, 25), -52, -20, 12.5, 14.5, (12.5, -47), 22, 7.6, 4.6, (6.5, -24), 9.0, (7.2, 4.2)
    ),
    Age.teen: Anatomy((0, -79), (22.5, 21), -59, -27, 11.5, 12.5, (12, -54), 28, 6.8, 4.1, (6.0, -30), 8.2, (6.8, 3.9)),
    Age.adult: Anatomy(
        (0, -81), (20, 19), -63, -31, 13.5, 13.0, (13.2, -58), 31, 7.0, 4.2, (6.3, -34), 8.6, (7.0, 3.9)
    ),
    Age.elder: Anatomy(
        (2.5, -80.5), (20, 19), -61, -31, 13.5, 13.8, (13.2, -56), 29, 7.0, 4.2, (6.3, -33), 8.4, (7.0, 3.9), lean=2.0
    ),
}

_HEAD_FACTOR = {
    "round": (1.0, 1.0),
    "wide": (1.14, 1.0),
    "tall": (0.9, 1.12),
    "fuzzy": (1.04, 1.02),
    "small": (0.86, 0.86),
}


def _biped(age: Age, gender: Gender, build: float, kind: KindLook, animal: bool) -> Anatomy:
    a = _AGES[age]
    hx, hy = _HEAD_FACTOR[kind.head]
    grow = 1.0 if not animal or age is Age.child else 1.1  # grown animals keep rounder, bigger heads
    rx, ry = a.head_r[0] * hx * grow, a.head_r[1] * hy * grow
    cy = -100 + ry  # the top of the head at -100
    tw, bw = a.torso_tw, a.torso_bw
    if age in (Age.teen, Age.adult, Age.elder) and not animal:
        if gender is Gender.female:
            tw, bw = tw - 1.5, bw + 0.6
        elif gender is Gender.male:
            tw += 1.2
    out = replace(
        a,
        head_c=(a.head_c[0], cy),
        head_r=(rx, ry),
        torso_tw=tw * build,
        torso_bw=bw * build,
        shoulder=(a.shoulder[0] * build - (1.5 if tw < a.torso_tw else 0), a.shoulder[1]),
        hip=(a.hip[0] * build, a.hip[1]),
    )
    chin = cy + ry * 0.92
    if out.torso_top < chin + 3:  # a grown animal's bigger head: the shoulders sit under the chin
        drop = chin + 3 - out.torso_top
        out = replace(out, torso_top=out.torso_top + drop, shoulder=(out.shoulder[0], out.shoulder[1] + drop * 0.8))
    if kind.neck:
        neck = 10.0 if age is Age.child else 17.0
        out = _stretch_neck(out, neck)
    if "slim" in kind.extras:
        out = replace(
            out,
            torso_tw=out.torso_tw * 0.62,
            torso_bw=out.torso_bw * 0.55,
            shoulder=(out.shoulder[0] * 0.66, out.shoulder[1]),
            hip=(out.hip[0] * 0.7, out.hip[1]),
        )
    return out


def _stretch_neck(a: Anatomy, neck: float) -> Anatomy:
    """A long neck: the head shrinks a little and everything under it is squeezed down by ``neck``."""
    rx, ry = a.head_r[0] * 0.78, a.head_r[1] * 0.78
    cy = -100 + ry
    k = (a.torso_top + neck) / a.torso_top  # y' = y * k keeps the feet on the ground

    def sq(y: float) -> float:
        return y * k

    return replace(
        a,
        head_c=(a.head_c[0] + 3, cy),
        head_r=(rx, ry),
        torso_top=sq(a.torso_top),
        torso_bottom=sq(a.torso_bottom),
        shoulder=(a.shoulder[0], sq(a.shoulder[1])),
        hip=(a.hip[0], sq(a.hip[1])),
        arm_len=a.arm_len * k,
        neck=neck,
    )


def _anatomy(plan: str, age: Age, gender: Gender, build: float, kind: KindLook) -> Anatomy:
    if plan in ("person", "biped", "robot"):
        return _biped(age, gender, build, kind, plan == "biped")
    child = age is Age.child
    grow = {Age.child: 0.0, Age.teen: 0.5, Age.adult: 1.0, Age.elder: 1.0}[age]
    b = build
    if plan == "bird":
        rx, ry = 27 - 8 * grow, 25 - 7.5 * grow
        body_c, body_r = (0, -33 - 7 * grow), (19 * b + 2 * grow, 23 + 4 * grow)
        a = Anatomy(
            (0, -100 + ry),
            (rx, ry),
            body_c[1] - body_r[1],
            body_c[1] + body_r[1],
            body_r[0],
            body_r[0],
            (body_r[0] - 2, body_c[1] - body_r[1] * 0.45),
            18 + 6 * grow,
            7,
            4.5,
            (6 * b, body_c[1] + 19),
            2.4,
            (5, 2.5),
        )
        if "long_legs" in kind.extras:
            a = replace(
                a,
                torso_top=-68,
                torso_bottom=-36,
                torso_tw=17 * b,
                torso_bw=17 * b,
                shoulder=(15 * b, -58),
                hip=(5 * b, -38),
                head_c=(0, -100 + ry),
            )
        if "tall" in kind.extras:  # a penguin's long body
            a = replace(
                a,
                torso_top=a.head_c[1] + ry * 0.3,
                torso_bottom=-2,
                torso_tw=21 * b,
                torso_bw=22 * b,
                shoulder=(19 * b, -50 + 4 * (1 - grow)),
                hip=(7 * b, -8),
            )
        if kind.neck:
            a = _stretch_neck(replace(a, arm_len=a.arm_len), 10 if child else 16)
        return a
    if plan == "sea":
        rx, ry = 27 - 6 * grow, 25 - 5 * grow
        return Anatomy(
            (0, -100 + ry),
            (rx, ry),
            -70,
            -14,
            22 * b + 3 * grow,
            19 * b,
            (20 * b + 2 * grow, -50),
            20,
            8,
            5,
            (8 * b, -12),
            8,
            (9, 4),
        )
    if plan == "tentacles":
        return Anatomy((0, -100 + 27), (29, 27), -62, -38, 24, 22, (18, -48), 26, 6, 3.5, (10, -36), 6, (4, 3))
    if plan == "crab":
        return Anatomy(
            (0, -50), (30, 19), -62, -24, 32 * b, 30 * b, (24 * b, -46), 19, 6, 7, (16, -26), 3.4, (2.5, 2.0)
        )
    if plan == "snail":
        return Anatomy((6, -62), (18, 17), -50, -6, 10, 14, (11, -38), 11, 4.6, 3.6, (8, -6), 5, (4, 3))
    if plan == "snake":
        return Anatomy((2, -100 + 21), (23, 21), -60, -22, 11, 12, (12, -40), 18, 6, 4, (8, -14), 6, (4, 3))
    if plan == "caterpillar":
        return Anatomy((0, -100 + 22), (24, 22), -56, -4, 15, 16, (15, -46), 16, 4, 3.2, (10, -8), 3, (3, 2))
    # floating (a ghost)
    return Anatomy((0, -100 + 26), (26, 26), -56, -6, 24, 28, (24, -52), 16, 9, 5, (12, -6), 0, (0, 0))


class Figure:
    """Everything the drawing of one cast member needs (100 units = character height)."""

    def __init__(self, design: Design, look: Look, identity: Identity | None = None) -> None:
        who = identity or Identity()
        self.d = design
        self.look = look
        self.kind = Kind(who.kind)
        self.age = Age(who.age)
        self.gender = Gender(who.gender)
        self.costume = Costume(who.costume)
        self.k: KindLook = kind_look(self.kind)
        self.plan = self.k.plan
        self.person = self.plan == "person"
        self.b = design.build
        rng = random.Random(design.seed)
        self.rng_seed = design.seed
        self.c: CostumeLook = costume_look(self.costume, design.outfit, self.person, rng)
        self.outfit = self.c.top
        # palette
        self.skin = hex_rgb(design.body_color)
        self.accent = hex_rgb(design.accent_color)
        self.eye = hex_rgb(design.eye_color)
        self.cloth = hex_rgb(design.outfit_color)
        self.acc = self._accessory_color(design)
        self.marks = hex_rgb(self.k.marks) if self.k.marks else darker(self.skin, 0.55)
        self.hair = self.accent
        # seeded choices (in a fixed order, so one choice never shifts another)
        self.hair_style = _hair_style(rng, self.gender, self.age)
        self.hat_kind = rng.randrange(3)
        self.pattern = rng.choice(self.k.patterns)
        self.variant = rng.randrange(4)  # a kind's own variation: horn shape, ear set, spots' layout
        self.blush = self.kind is not Kind.robot and rng.random() < (0.9 if self.age is Age.child else 0.6)
        self.freckles = self.person and self.age in (Age.child, Age.teen) and rng.random() < 0.25
        self.lashes = self.gender is Gender.female
        self.tail_side = 1
        self.a: Anatomy = _anatomy(self.plan, self.age, self.gender, self.b, self.k)
        a = self.a
        self.head_c = a.head_c
        self.head_r = a.head_r
        self.fs = a.head_r[0] / 27.0  # face scale: the child's face is the reference
        self.fx = 3.0 * self.fs + a.lean  # the face turns a little towards +x
        cy = a.head_c[1]
        rx, ry = a.head_r
        self.eye_y = cy + ry * 0.04
        self.eye_dx = rx * 0.352
        self.mouth_y = cy + ry * 0.54
        muzzle = self.k.muzzle
        if muzzle in ("cat", "dog", "bear", "fox", "rodent", "otter", "koala", "snout", "monster"):
            self.mouth_y = cy + ry * 0.6
        elif muzzle in ("horse", "long", "cow", "hippo", "rhino", "croc", "dino"):
            self.eye_y = cy - ry * 0.12
            self.mouth_y = cy + ry * 0.78
        elif muzzle == "trunk":
            self.mouth_y = cy + ry * 0.72
        elif muzzle == "frog":
            self.eye_y = cy - ry * 0.62
            self.eye_dx = rx * 0.5
            self.mouth_y = cy + ry * 0.35
        elif muzzle == "whale":
            self.mouth_y = cy + ry * 0.62
        elif self.k.eyes == "stalks":
            self.eye_y = -90.0 if self.plan == "snail" else -91.0
            self.eye_dx = 7.5 if self.plan == "snail" else 11.0
        self.eye_scale = {"big": 1.35, "beady": 0.7, "alien": 1.5, "bulging": 1.0, "many": 0.62}.get(self.k.eyes, 1.0)
        self.eye_scale *= max(0.72, self.fs)
        self.has_front = "glasses" in design.accessories or bool(
            {"glasses", "eyepatch", "goggles_on"} & set(self.c.extras)
        )
        self.torso_top, self.torso_bottom = a.torso_top, a.torso_bottom

    def _accessory_color(self, design: Design) -> RGB:
        if design.accessory_color is not None:
            return hex_rgb(design.accessory_color)
        # people wear their accent colour as hair, so their accessories take a shade of the outfit
        return darker(self.cloth, 0.18) if self.person else self.accent

    # -- where things are ----------------------------------------------------------------

    @property
    def animal(self) -> bool:
        return not self.person and self.kind not in (Kind.robot,)

    @property
    def face_box(self) -> tuple[float, float, float, float]:
        """The unit-space box that holds every face layer (eyes, brows, mouths, glasses)."""
        cx, cy = self.head_c
        rx, ry = self.head_r
        top = min(cy - ry - 12, self.eye_y - 22)
        return (cx - rx - 22, top, cx + rx + 24, max(cy + ry + 16, self.mouth_y + 16))

    def torso_path(self) -> skia.Path:
        """The torso's outline (clothes are cut to it)."""
        a = self.a
        lean = a.lean
        if self.plan in ("bird", "sea"):
            cy = (a.torso_top + a.torso_bottom) / 2
            return oval(0, cy, a.torso_tw, (a.torso_bottom - a.torso_top) / 2)
        if self.plan == "robot":
            return rrect(-a.torso_tw - 1.5, a.torso_top + 1, a.torso_tw + 1.5, a.torso_bottom + 3, 6)
        return poly(
            [
                (-a.torso_tw + lean, a.torso_top),
                (a.torso_tw + lean, a.torso_top),
                (a.torso_bw + 1, a.torso_bottom),
                (-a.torso_bw - 1, a.torso_bottom),
            ],
            8 * self.b if self.age is Age.child else 6 * self.b,
        )

    def shoulder(self, side: int) -> tuple[float, float]:
        x, y = self.a.shoulder
        return (side * x + self.a.lean, y)

    def hip(self, side: int) -> tuple[float, float]:
        x, y = self.a.hip
        return (side * x, y)

    @property
    def crown(self) -> tuple[float, float, float]:
        """Where a hat sits: (x, y of the top of the head, half width)."""
        cx, cy = self.head_c
        rx, ry = self.head_r
        return (cx + self.fx * 0.3, cy - ry, rx)

    # -- colours -------------------------------------------------------------------------

    @property
    def head_color(self) -> RGB:
        return self.accent if "white_head" in self.k.extras else self.skin

    @property
    def head_in_body(self) -> bool:
        """Body plans whose head is the top of the body (drawn with it, not as a head of its own)."""
        return self.plan in ("sea", "crab", "floating", "snail")

    @property
    def belly(self) -> RGB:
        if not self.k.belly:
            return self.skin
        if self.plan == "bird":
            return self.greyed(self.accent if self.accent != self.skin else lighter(self.skin, 0.55))
        if self.person:
            return lighter(self.skin, 0.5)
        # a mane takes the accent colour (a lion's, a unicorn's): the belly is then a light shade of the fur
        maned = self.k.mane in ("lion", "horse")
        base = self.accent if self.accent != self.skin and not maned else lighter(self.skin, 0.5)
        return self.greyed(base)

    def greyed(self, rgb: RGB) -> RGB:
        """An elder animal's muzzle and brows go grey."""
        return mix(rgb, GREY_HAIR, 0.55) if self.age is Age.elder and self.animal else rgb

    @property
    def brow_color(self) -> RGB:
        if self.person:
            return GREY_HAIR if self.age is Age.elder else darker(self.hair, 0.35)
        if self.kind is Kind.robot:
            return lighter(self.eye, 0.2)
        if self.age is Age.elder:
            return (236, 236, 238)
        return darker(self.skin, 0.5)


def _hair_style(rng: random.Random, gender: Gender, age: Age) -> str:
    """A hair style that suits gender and age (never only one choice per gender)."""
    if gender is Gender.female:
        styles = ["long", "ponytail", "bun", "bob", "curly", "braids"]
        if age in (Age.child, Age.teen):
            styles += ["pigtails", "pigtails"]
        if age is Age.elder:
            styles = ["bun", "bun", "bob", "curly", "short_curly"]
    elif gender is Gender.male:
        styles = ["short", "side_part", "spiky", "curly", "short", "crop"]
        if age is Age.elder:
            styles = ["bald", "balding", "side_part", "short", "balding"]
    else:
        styles = ["short", "bob", "ponytail", "curly", "spiky", "bun", "side_part"]
        if age is Age.elder:
            styles = ["short_curly", "bob", "balding", "bun", "short"]
    return rng.choice(styles)
