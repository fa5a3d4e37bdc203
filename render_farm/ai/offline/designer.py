"""The built-in character designer: a :class:`Design` from the words that describe a character.

What a character is (its kind and age) is the member's, decided by the writer; the designer only
chooses looks for it. It reads a cast member's description, name, role and personality for
colours tied to what they colour ("red scarf", "blue dress", "golden fur"; a coloured
hat, scarf or bow sets the accessory colour), clothes, accessories and size words ("tall",
"tiny", "stout"), and fills in everything the text leaves open from a seed, so the same film
always gets the same cast. A member from an older path that never said its kind gets the one its
words name (:mod:`.identity`). Offline, no key, deterministic: seeds come from :mod:`hashlib`, never
from Python's salted ``hash()``.
"""

from __future__ import annotations

import re
from pathlib import Path

from render_farm.engine.art.figure import Figure, Identity
from render_farm.engine.art.kinds import kind_look
from render_farm.engine.art.looks import MIN_HEIGHT, default_design
from render_farm.engine.characters import stable_seed
from render_farm.engine.styles import look_for
from render_farm.film import Age, CastMember, Costume, Design, Film, Gender, Kind, Style

from .identity import identity_of, kind_in, with_identity

__all__ = ["OfflineDesigner", "design_from_text", "new_look"]

_COLOURS: dict[str, str] = {
    "red": "#d23c3c",
    "scarlet": "#e0302a",
    "crimson": "#b81e3a",
    "maroon": "#7a1f2b",
    "pink": "#f08cb4",
    "rose": "#e8668a",
    "orange": "#f08a2c",
    "ginger": "#d8742c",
    "rusty": "#b5532a",
    "rust": "#b5532a",
    "copper": "#c2703d",
    "amber": "#f0a830",
    "yellow": "#f2cc3a",
    "golden": "#e8b030",
    "gold": "#e8b030",
    "blonde": "#f0d27a",
    "blond": "#f0d27a",
    "cream": "#f6ecd2",
    "beige": "#e0cba4",
    "tan": "#d2a878",
    "brown": "#8a5a36",
    "chocolate": "#5e3a22",
    "bronze": "#b07a3a",
    "green": "#4caa50",
    "emerald": "#1f9e6a",
    "mint": "#9ee0c0",
    "olive": "#8a9a3a",
    "teal": "#2a9a9a",
    "turquoise": "#3ac8c0",
    "cyan": "#40d0f0",
    "blue": "#3a78d0",
    "navy": "#23346e",
    "indigo": "#4a3a9a",
    "purple": "#8a4ac0",
    "violet": "#9a5ad0",
    "lavender": "#b8a0e0",
    "lilac": "#c8a8e0",
    "white": "#f6f4f0",
    "snowy": "#fafafa",
    "silver": "#c4cad4",
    "grey": "#8c9096",
    "gray": "#8c9096",
    "black": "#2a2a30",
    "peach": "#f6bc98",
    "coral": "#f07a68",
}

_OUTFITS: dict[str, str] = {
    "dress": "dress",
    "gown": "dress",
    "skirt": "dress",
    "overalls": "overalls",
    "dungarees": "overalls",
    "coat": "coat",
    "jacket": "coat",
    "raincoat": "coat",
    "labcoat": "coat",
    "armor": "armor",
    "armour": "armor",
    "robe": "robe",
    "robes": "robe",
    "cloak": "robe",
    "tunic": "tunic",
    "shirt": "shirt",
    "sweater": "shirt",
    "jumper": "shirt",
    "hoodie": "shirt",
    "t-shirt": "shirt",
    "vest": "tunic",
    "uniform": "tunic",
}

_ACCESSORIES: dict[str, str] = {
    "hat": "hat",
    "cap": "hat",
    "beanie": "hat",
    "bonnet": "hat",
    "scarf": "scarf",
    "glasses": "glasses",
    "spectacles": "glasses",
    "goggles": "glasses",
    "bow": "bow",
    "ribbon": "bow",
    "crown": "crown",
    "tiara": "crown",
    "backpack": "backpack",
    "rucksack": "backpack",
    "satchel": "backpack",
    "cape": "cape",
    "antenna": "antenna",
    "antennae": "antenna",
    "flower": "flower",
    "daisy": "flower",
    "rose-pin": "flower",
}

# accessories the rig paints in the accessory colour ("a blue scarf"): glasses, antennae and crowns keep
# their own colours
_COLOURED_ACCESSORIES = {"hat", "scarf", "bow", "cape", "backpack", "flower"}

_BODY_NOUNS = {"fur", "skin", "feathers", "feather", "scales", "scale", "body", "shell", "metal", "plating", "coat-fur"}
_HAIR_NOUNS = {"hair", "mane", "beard", "curls", "braids", "pigtails", "ponytail", "mohawk", "locks"}
_EYE_NOUNS = {"eyes", "eye"}

# what a role or job implies when the text names no clothes or accessories of its own
_ROLE_HINTS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "king": ("robe", ("crown", "cape")),
    "queen": ("dress", ("crown",)),
    "princess": ("dress", ("crown",)),
    "prince": ("tunic", ("crown", "cape")),
    "knight": ("armor", ()),
    "wizard": ("robe", ("hat",)),
    "witch": ("robe", ("hat",)),
    "pirate": ("coat", ("hat",)),
    "explorer": ("shirt", ("backpack", "hat")),
    "scientist": ("coat", ("glasses",)),
    "professor": ("coat", ("glasses",)),
    "detective": ("coat", ("hat",)),
    "student": ("shirt", ("backpack",)),
    "farmer": ("overalls", ("hat",)),
    "hero": (None, ("cape",)),
    "superhero": (None, ("cape",)),
    "chef": ("tunic", ("hat",)),
    "doctor": ("coat", ()),
    "sailor": ("shirt", ("hat",)),
    "grandma": ("dress", ("glasses",)),
    "grandpa": ("shirt", ("glasses",)),
    "librarian": ("dress", ("glasses",)),
    "captain": ("coat", ("hat",)),
    "mechanic": ("overalls", ()),
    "inventor": ("overalls", ("glasses",)),
}

# bodies that wear what a role implies (a king's robe on a bear), where a bird or a fish does not
_DRESSED_PLANS = ("person", "biped")
# what a design keeps from its fitted look when the words name accessories of their own
_FITTED = ("glasses", "beard", "moustache", "antenna")

_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in _ACCESSORIES else word


def design_from_text(
    description: str,
    *,
    name: str = "",
    role: str = "",
    seed: int = 0,
    kind: Kind | None = None,
    age: Age | None = None,
    gender: Gender | None = None,
    costume: Costume | None = None,
) -> Design:
    """A design for a ``kind`` of character of ``age``, ``gender`` and ``costume``, described by ``description``
    (and its name and role).

    Whatever the words name (colours, clothes, accessories, size) is used; the rest is the fitted
    look :func:`~render_farm.engine.art.looks.default_design` picks from ``seed`` for what the
    character is, so a new seed gives a new look that keeps everything the text says. Without a
    ``kind`` or ``age`` (a caller that never decided them), the words decide those too.
    """
    words = _words(description)
    role_words = _words(role)
    if kind is None or age is None or gender is None:
        found = identity_of(description, name=name, role=role)
        kind = kind if kind is not None else found["kind"]
        age = age if age is not None else found.get("age", Age.adult)
        gender = gender if gender is not None else found.get("gender", Gender.unspecified)
    costume = costume if costume is not None else Costume.none
    fitted = default_design(Identity(kind, age, gender, costume), seed)
    plan = kind_look(kind).plan
    all_words = role_words + words

    outfit: str | None = None
    accessories: list[str] = []
    colours: dict[str, str] = {}  # body, hair, eyes, outfit, accent, accessory

    for word in map(_singular, words):
        if word in _OUTFITS and outfit is None:
            outfit = _OUTFITS[word]
        if word in _ACCESSORIES and _ACCESSORIES[word] not in accessories:
            accessories.append(_ACCESSORIES[word])
    for i, word in enumerate(words):
        if word not in _COLOURS:
            continue
        target = None
        for ahead in words[i + 1 : i + 4]:
            ahead = _singular(ahead)
            if ahead in _OUTFITS:
                target = "outfit"
            elif ahead in _ACCESSORIES:
                target = "accent"
                if _ACCESSORIES[ahead] in _COLOURED_ACCESSORIES:
                    colours.setdefault("accessory", _COLOURS[word])
            elif ahead in _HAIR_NOUNS:
                target = "hair"
            elif ahead in _EYE_NOUNS:
                target = "eyes"
            elif ahead in _BODY_NOUNS or kind_in(ahead) is kind:
                target = "body"
            if target is not None:
                break
            if ahead in ("and", "with", "who", "that", "in", "wearing"):
                break
        if target is None:
            target = "body" if kind is not Kind.human else "outfit"
        colours.setdefault(target, _COLOURS[word])

    if costume is Costume.none:  # a costume dresses for the role; without one, the role's words suggest
        for word in all_words:
            hint = _ROLE_HINTS.get(word)
            if hint is None:
                continue
            suggested_outfit, suggested = hint
            if outfit is None and suggested_outfit is not None and plan in _DRESSED_PLANS:
                outfit = suggested_outfit
            for item in suggested:
                if item not in accessories:
                    accessories.append(item)

    if outfit is None:
        outfit = fitted.outfit
    if accessories:  # the words' own, with what suits the character (an elder's glasses, a beard)
        accessories += [a for a in fitted.accessories if a in _FITTED and a not in accessories]
    else:
        accessories = list(fitted.accessories)
    if kind is Kind.human:
        outfit_color = colours.get("outfit") or colours.get("accent") or fitted.outfit_color
    else:
        outfit_color = colours.get("outfit") or fitted.outfit_color
    accent = colours.get("hair") or colours.get("accent") or fitted.accent_color

    height = fitted.height
    build = fitted.build
    size_words = set(all_words)
    if size_words & {"tall", "giant", "towering", "lanky"}:
        height *= 1.2
    if size_words & {"tiny", "wee", "teeny"}:
        height *= 0.7
    if size_words & {"little", "small", "short"}:
        height *= 0.85
    if size_words & {"big", "huge", "large", "giant"}:
        height *= 1.15
        build *= 1.15
    if size_words & {"stout", "chubby", "round", "plump", "fat", "burly", "strong", "stocky"}:
        build *= 1.22
    if size_words & {"thin", "slender", "skinny", "slim", "lanky", "wiry"}:
        build *= 0.82

    return Design(
        body_color=colours.get("body") or fitted.body_color,
        accent_color=accent,
        eye_color=colours.get("eyes") or fitted.eye_color,
        outfit=outfit,  # type: ignore[arg-type]
        outfit_color=outfit_color,
        accessory_color=colours.get("accessory"),
        accessories=accessories[:4],  # type: ignore[arg-type]
        height=round(min(1.5, max(MIN_HEIGHT, height)), 3),
        build=round(min(1.4, max(0.7, build)), 3),
        seed=seed,
    )


def _design_for(member: CastMember, seed: int) -> Design:
    text = " ".join([member.description, " ".join(member.personality)])
    return design_from_text(
        text,
        name=member.name,
        role=member.role,
        seed=seed,
        kind=member.kind,
        age=member.age,
        gender=member.gender,
        costume=member.costume,
    )


def _looks(member: CastMember, design: Design) -> dict[str, tuple[int, object]]:
    """What a viewer tells apart in a look, each with how much it counts: colours that show, clothes,
    accessories and what the seed picks (hair style, markings, horns or ears)."""
    figure = Figure(design, look_for(Style.storybook), Identity(member.kind, member.age, member.gender, member.costume))
    clothed = figure.c.top != "none"
    return {
        "body": (2, design.body_color),
        "accent": (1, design.accent_color),
        "outfit": (2, figure.c.top),
        "outfit colour": (1 if clothed else 0, design.outfit_color),
        "accessories": (2, frozenset(design.accessories)),
        "seeded": (1, figure.hair_style if figure.person else figure.pattern),
        "variant": (
            1 if figure.k.horns == "monster" or figure.k.ears == "floppy" or figure.plan == "robot" else 0,
            figure.variant,
        ),
        "eyes": (1 if figure.plan == "robot" else 0, design.eye_color),
    }


def new_look(member: CastMember, old: Design, *, tries: int = 8) -> Design:
    """Another look for ``member``: of the next ``tries`` seeds, the one whose look differs most from
    ``old`` in what a viewer sees (what the words fix, such as "a purple yeti", stays)."""
    before = _looks(member, old)
    best, best_score = old, -1
    for step in range(1, tries + 1):
        design = _design_for(member, old.seed + step)
        after = _looks(member, design)
        score = sum(weight for name, (weight, value) in before.items() if after[name][1] != value)
        if score > best_score:
            best, best_score = design, score
    return best


class OfflineDesigner:
    """Designs the cast from the words of the story; implements ``CharacterDesigner``.

    Each member is designed as the kind and age it is; one it designs that never said (an older
    document, a model's answer) is given the ones its words name, on the member itself, so the
    art draws the same kind the looks were chosen for.
    """

    name = "builtin"

    def design(self, film: Film, *, assets_dir: Path | None = None, only: set[str] | None = None) -> Film:
        cast: list[CastMember] = []
        for member in film.cast:
            regenerate = only is not None and member.id in only
            if member.design is not None and not regenerate:
                cast.append(member)
                continue
            if only is not None and not regenerate:
                cast.append(member)
                continue
            member = with_identity(member)
            if regenerate and member.design is not None:
                design = new_look(member, member.design)
            else:
                design = _design_for(member, stable_seed("cast", film.seed, member.id))
            cast.append(member.model_copy(update={"design": design}))
        return film.model_copy(update={"cast": cast})
