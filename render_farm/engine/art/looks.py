"""Looks that fit: a :class:`~render_farm.film.spec.Design` chosen for a kind, age, gender and costume.

:func:`default_design` picks, from a seed, colours from the kind's palettes (a person's skin and
hair; an elder's grey or white hair), an everyday outfit or the costume's colours, and the
accessories that suit (an elder's glasses, a grown man's beard, a scarf or a bow) -- so that a
cast member without a design still looks like what it is, and another seed gives a clearly
different look. The built-in designer starts from it and keeps whatever a description names.
:func:`stature` is how tall a character stands beside an adult human.
"""

from __future__ import annotations

import random

from render_farm.film import KIND_SIZE, Age, CastMember, Costume, Design, Gender, Kind

from .costumes import COSTUMES
from .figure import Identity
from .kinds import kind_look

__all__ = ["AGE_SIZE", "ELDER_HAIR", "HAIR", "MIN_HEIGHT", "SKIN", "default_design", "stature"]

SKIN = ("#f6d2b0", "#f2c9a0", "#e0ac84", "#c68a62", "#a06a48", "#7a4e34", "#5c3a26")
HAIR = ("#2a1a14", "#4a2e1c", "#6b4f3a", "#8a5a36", "#c0783a", "#e6c27a", "#1c1c22", "#a0402a")
ELDER_HAIR = ("#e8e8ec", "#d0d0d6", "#b4b4bc", "#f4f4f2", "#9a9aa2")
OUTFIT = ("#4f7cc9", "#d8485a", "#3a9a6a", "#e0a030", "#8a4ac0", "#2a8aa0", "#e07a40", "#5a6a8a", "#c85a8a")
EYES = ("#3a2a1a", "#2a4a7a", "#3a6a3a", "#5a3a20", "#2a2a30", "#6a5a2a")
GLOW = ("#5ee0ff", "#7af0a0", "#ffd25a", "#ff7ab0")
MIN_HEIGHT = 0.3  # a duckling beside a grown-up
AGE_SIZE: dict[Age, float] = {Age.child: 0.64, Age.teen: 0.88, Age.adult: 1.0, Age.elder: 0.95}

_EVERYDAY: dict[tuple[Gender, bool], tuple[str, ...]] = {
    (Gender.female, False): ("dress", "shirt", "overalls", "coat", "dress", "tunic"),
    (Gender.male, False): ("shirt", "tunic", "overalls", "coat", "shirt"),
    (Gender.unspecified, False): ("shirt", "overalls", "tunic", "coat", "dress"),
    (Gender.female, True): ("dress", "coat", "dress", "shirt"),
    (Gender.male, True): ("coat", "shirt", "tunic"),
    (Gender.unspecified, True): ("coat", "shirt", "dress", "tunic"),
}
_TRINKETS = ("scarf", "hat", "bow", "backpack", "flower")
# kinds whose markings are what they are: clothes would hide them, so they go without
_MARKED = {"stripes", "giraffe", "patches", "panda", "bee", "ladybird"}
_TORSO_PLANS = ("person", "biped", "robot")


def default_design(identity: Identity, seed: int) -> Design:
    """A look for ``identity`` picked from ``seed``: every seed a different, fitting one."""
    rng = random.Random(seed)
    kind = Kind(identity.kind)
    look = kind_look(kind)
    age, gender, costume = Age(identity.age), Gender(identity.gender), Costume(identity.costume)
    person = look.plan == "person"
    accessories: list[str] = []
    if person:
        body = rng.choice(SKIN)
        accent = rng.choice(ELDER_HAIR if age is Age.elder else HAIR)
        outfit = rng.choice(_EVERYDAY[(gender, age is Age.elder)])
    else:
        body = rng.choice(look.fur)
        accent = rng.choice(look.accent)
        marked = set(look.patterns) <= _MARKED
        bare = marked or look.plan not in _TORSO_PLANS or kind is Kind.robot
        outfit = "none" if bare or rng.random() < 0.75 else rng.choice(("shirt", "overalls", "coat", "tunic"))
    if costume is not Costume.none:
        outfit = "none" if not person else "shirt"
        palette = COSTUMES[costume].palette or OUTFIT
        outfit_color = rng.choice(palette)
    else:
        outfit_color = rng.choice(OUTFIT)
    eyes = rng.choice(GLOW if kind is Kind.robot else EYES)
    # accessories that suit: an elder's glasses, a grown man's beard, then one trinket or none
    if age is Age.elder and rng.random() < (0.6 if person else 0.5):
        accessories.append("glasses")
    if person and gender is Gender.male and age in (Age.adult, Age.elder):
        roll = rng.random()
        if roll < (0.45 if age is Age.elder else 0.25):
            accessories.append("beard")
        elif roll < (0.6 if age is Age.elder else 0.4):
            accessories.append("moustache")
    if kind is Kind.robot and rng.random() < 0.5:
        accessories.append("antenna")
    trinkets = [t for t in _TRINKETS if t not in accessories]
    if look.plan not in _TORSO_PLANS:
        trinkets = ["hat", "bow", "flower"] + (["scarf"] if look.plan == "bird" else [])
    if costume is not Costume.none:
        trinkets = [t for t in trinkets if t not in ("hat", "backpack")]
    if rng.random() < 0.55:
        accessories.append(rng.choice(trinkets))
    return Design(
        body_color=body,
        accent_color=accent,
        eye_color=eyes,
        outfit=outfit,  # type: ignore[arg-type]
        outfit_color=outfit_color,
        accessories=accessories[:4],  # type: ignore[arg-type]
        height=round(min(1.5, max(MIN_HEIGHT, KIND_SIZE[kind] * AGE_SIZE[age] * (0.94 + 0.12 * rng.random()))), 3),
        build=round(0.92 + 0.16 * rng.random(), 3),
        seed=seed,
    )


def stature(member: CastMember) -> float:
    """How tall ``member`` stands beside an average adult human: its design's height (which the
    designer works out from kind, age and words), or its kind's and age's size without a design."""
    if member.design is not None:
        return member.design.height
    return KIND_SIZE[Kind(member.kind)] * AGE_SIZE[Age(member.age)]
