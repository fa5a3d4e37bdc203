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

import random
import re
from pathlib import Path

from render_farm.engine.art.standins import body_plan
from render_farm.engine.characters import stable_seed
from render_farm.film import KIND_SIZE, Age, CastMember, Design, Film, Kind

from .identity import identity_of, kind_in, with_identity

__all__ = ["OfflineDesigner", "design_from_text"]

_COLOURS: dict[str, str] = {
    "red": "#d23c3c", "scarlet": "#e0302a", "crimson": "#b81e3a", "maroon": "#7a1f2b", "pink": "#f08cb4",
    "rose": "#e8668a", "orange": "#f08a2c", "ginger": "#d8742c", "rusty": "#b5532a", "rust": "#b5532a",
    "copper": "#c2703d", "amber": "#f0a830", "yellow": "#f2cc3a", "golden": "#e8b030", "gold": "#e8b030",
    "blonde": "#f0d27a", "blond": "#f0d27a", "cream": "#f6ecd2", "beige": "#e0cba4", "tan": "#d2a878",
    "brown": "#8a5a36", "chocolate": "#5e3a22", "bronze": "#b07a3a", "green": "#4caa50", "emerald": "#1f9e6a",
    "mint": "#9ee0c0", "olive": "#8a9a3a", "teal": "#2a9a9a", "turquoise": "#3ac8c0", "cyan": "#40d0f0",
    "blue": "#3a78d0", "navy": "#23346e", "indigo": "#4a3a9a", "purple": "#8a4ac0", "violet": "#9a5ad0",
    "lavender": "#b8a0e0", "lilac": "#c8a8e0", "white": "#f6f4f0", "snowy": "#fafafa", "silver": "#c4cad4",
    "grey": "#8c9096", "gray": "#8c9096", "black": "#2a2a30", "peach": "#f6bc98", "coral": "#f07a68",
}  # fmt: skip

_OUTFITS: dict[str, str] = {
    "dress": "dress", "gown": "dress", "skirt": "dress", "overalls": "overalls", "dungarees": "overalls",
    "coat": "coat", "jacket": "coat", "raincoat": "coat", "labcoat": "coat", "armor": "armor", "armour": "armor",
    "robe": "robe", "robes": "robe", "cloak": "robe", "tunic": "tunic", "shirt": "shirt", "sweater": "shirt",
    "jumper": "shirt", "hoodie": "shirt", "t-shirt": "shirt", "vest": "tunic", "uniform": "tunic",
}  # fmt: skip

_ACCESSORIES: dict[str, str] = {
    "hat": "hat", "cap": "hat", "beanie": "hat", "bonnet": "hat", "scarf": "scarf", "glasses": "glasses",
    "spectacles": "glasses", "goggles": "glasses", "bow": "bow", "ribbon": "bow", "crown": "crown",
    "tiara": "crown", "backpack": "backpack", "rucksack": "backpack", "satchel": "backpack", "cape": "cape",
    "antenna": "antenna", "antennae": "antenna", "flower": "flower", "daisy": "flower", "rose-pin": "flower",
}  # fmt: skip

# accessories the rig paints in the accessory colour ("a blue scarf"): glasses, antennae and crowns keep
# their own colours
_COLOURED_ACCESSORIES = {"hat", "scarf", "bow", "cape", "backpack", "flower"}

_BODY_NOUNS = {"fur", "skin", "feathers", "feather", "scales", "scale", "body", "shell", "metal", "plating", "coat-fur"}
_HAIR_NOUNS = {"hair", "mane", "beard", "curls", "braids", "pigtails", "ponytail", "mohawk", "locks"}
_EYE_NOUNS = {"eyes", "eye"}

# what a role or job implies when the text names no clothes or accessories of its own
_ROLE_HINTS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "king": ("robe", ("crown", "cape")), "queen": ("dress", ("crown",)), "princess": ("dress", ("crown",)),
    "prince": ("tunic", ("crown", "cape")), "knight": ("armor", ()), "wizard": ("robe", ("hat",)),
    "witch": ("robe", ("hat",)), "pirate": ("coat", ("hat",)), "explorer": ("shirt", ("backpack", "hat")),
    "scientist": ("coat", ("glasses",)), "professor": ("coat", ("glasses",)), "detective": ("coat", ("hat",)),
    "student": ("shirt", ("backpack",)), "farmer": ("overalls", ("hat",)), "hero": (None, ("cape",)),
    "superhero": (None, ("cape",)), "chef": ("tunic", ("hat",)), "doctor": ("coat", ()), "sailor": ("shirt", ("hat",)),
    "grandma": ("dress", ("glasses",)), "grandpa": ("shirt", ("glasses",)), "librarian": ("dress", ("glasses",)),
    "captain": ("coat", ("hat",)), "mechanic": ("overalls", ()), "inventor": ("overalls", ("glasses",)),
}  # fmt: skip

_SKIN = ["#f6d2b0", "#f2c9a0", "#e0ac84", "#c68a62", "#a06a48", "#7a4e34", "#5c3a26"]
_HAIR = ["#2a1a14", "#4a2e1c", "#6b4f3a", "#8a5a36", "#c0783a", "#e6c27a", "#1c1c22"]
_OUTFIT = ["#4f7cc9", "#d8485a", "#3a9a6a", "#e0a030", "#8a4ac0", "#2a8aa0", "#e07a40", "#5a6a8a", "#c85a8a"]
_EYES = ["#3a2a1a", "#2a4a7a", "#3a6a3a", "#5a3a20", "#2a2a30", "#6a5a2a"]
_FUR: dict[Kind, list[str]] = {
    Kind.cat: ["#e89a4a", "#8c8c94", "#2e2e34", "#f2ece4", "#c8a070"],
    Kind.dog: ["#d8b080", "#8a5a36", "#f0e6d8", "#3a2e2a", "#c08a50"],
    Kind.fox: ["#e07a30", "#d8742c", "#c8602a"],
    Kind.rabbit: ["#f4f0ea", "#b89878", "#9a9aa2", "#e8d8c0"],
    Kind.bear: ["#8a5a3a", "#6a4430", "#c89858", "#4a3428"],
    Kind.mouse: ["#a8a0a0", "#b89070", "#e8e0d8"],
    Kind.bird: ["#5a9ad8", "#e05a4a", "#f0c840", "#9a7050", "#6ac07a"],
    Kind.robot: ["#c0c6d0", "#e8ecf0", "#7ab8c8", "#d8b85a", "#a8b0bc"],
    Kind.dragon: ["#5aa55a", "#d05a4a", "#7a5ac0", "#4a88c8", "#e0a030"],
    Kind.monster: ["#8a5ac0", "#5ab08a", "#4a8ad0", "#e0804a", "#c05a8a"],
    # the colours a kind is known by; kinds not named here take those of the body they are drawn with
    Kind.owl: ["#9a7050", "#8a6a4a", "#b08a60"], Kind.ghost: ["#f4f4fa", "#e8ecf4"], Kind.alien: ["#7ad07a", "#5ab08a"],
    Kind.unicorn: ["#f6f4f0", "#f0d8f0"], Kind.dinosaur: ["#5aa55a", "#4a88c8", "#e0a030"], Kind.hare: ["#b89878"],
    Kind.polar_bear: ["#f6f4f0"], Kind.panda: ["#f6f4f0"], Kind.koala: ["#9a9aa2"], Kind.squirrel: ["#c0783a"],
    Kind.hedgehog: ["#8a6a4a"], Kind.raccoon: ["#8c9096"], Kind.badger: ["#8c8c94"], Kind.otter: ["#8a5a36"],
    Kind.beaver: ["#8a5a36"], Kind.wolf: ["#8c9096", "#6a6e76"], Kind.deer: ["#c08a50"], Kind.lion: ["#e0a850"],
    Kind.tiger: ["#f08a2c"], Kind.elephant: ["#9a9aa6"], Kind.giraffe: ["#e8b860"], Kind.zebra: ["#f6f4f0"],
    Kind.hippo: ["#9a8ab0"], Kind.rhino: ["#9a9a9a"], Kind.monkey: ["#8a5a36"], Kind.kangaroo: ["#c8a070"],
    Kind.pig: ["#f4b0b8"], Kind.cow: ["#f6f4f0"], Kind.sheep: ["#f6f4f0", "#ece4d4"], Kind.goat: ["#f2ece4", "#d8ccb8"],
    Kind.horse: ["#8a5a36", "#c08a50", "#3a2e2a"], Kind.donkey: ["#8c8c94"], Kind.camel: ["#d2a878"],
    Kind.bat: ["#5a4a6a"], Kind.seal: ["#8c9096"], Kind.whale: ["#4a6a9a"], Kind.dolphin: ["#7a9ab8"],
    Kind.penguin: ["#2e2e34"], Kind.duck: ["#f2cc3a"], Kind.chicken: ["#f6f4f0", "#c8702a"],
    Kind.parrot: ["#e05a4a", "#4caa50"], Kind.eagle: ["#6a4430"], Kind.swan: ["#fafafa"], Kind.crow: ["#2a2a30"],
    Kind.flamingo: ["#f08cb4"], Kind.frog: ["#6ac04a"], Kind.tortoise: ["#8a9a3a"], Kind.crocodile: ["#4a8a4a"],
    Kind.snake: ["#5aa55a", "#d0a030"], Kind.lizard: ["#6ac07a"], Kind.fish: ["#f08a2c", "#f2cc3a"],
    Kind.shark: ["#8c9aa8"], Kind.octopus: ["#c05a8a", "#e0804a"], Kind.crab: ["#e05a4a"], Kind.jellyfish: ["#c8a8e0"],
    Kind.bee: ["#f2cc3a"], Kind.butterfly: ["#8a4ac0", "#3a78d0"], Kind.ladybird: ["#d23c3c"], Kind.ant: ["#5e3a22"],
    Kind.spider: ["#3a2e2a"], Kind.snail: ["#c89858"], Kind.caterpillar: ["#6ac04a"],
}  # fmt: skip
_GLOW = ["#5ee0ff", "#7af0a0", "#ffd25a", "#ff7ab0"]
# bodies that wear what a role implies (a king's robe on a bear), where a bird or a robot does not
_DRESSED = {Kind.human, Kind.bear, Kind.fox, Kind.cat, Kind.dog, Kind.rabbit, Kind.mouse}

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
) -> Design:
    """A design for a ``kind`` of character of ``age``, described by ``description`` (and its name and role).

    Whatever the words name (colours, clothes, accessories, size) is used; the rest is picked from
    ``seed``, so a new seed gives a new look that keeps everything the text says. Without a
    ``kind`` or ``age`` (a caller that never decided them), the words decide those too.
    """
    words = _words(description)
    role_words = _words(role)
    rng = random.Random(seed)
    if kind is None or age is None:
        found = identity_of(description, name=name, role=role)
        kind = kind if kind is not None else found["kind"]
        age = age if age is not None else found.get("age", Age.adult)
    plan = body_plan(kind)  # what the art draws it with, for what suits that body
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

    for word in all_words:
        hint = _ROLE_HINTS.get(word)
        if hint is None:
            continue
        suggested_outfit, suggested = hint
        if outfit is None and suggested_outfit is not None and plan in _DRESSED:
            outfit = suggested_outfit
        for item in suggested:
            if item not in accessories:
                accessories.append(item)

    if outfit is None:
        outfit = rng.choice(["shirt", "shirt", "dress", "overalls", "tunic", "coat"]) if kind is Kind.human else "none"
    if not accessories and rng.random() < 0.35 and kind is not Kind.robot:
        accessories.append(rng.choice(["scarf", "hat", "bow", "glasses", "backpack", "flower"]))
    if kind is Kind.robot and "antenna" not in accessories and rng.random() < 0.5:
        accessories.append("antenna")

    # colours the text leaves open come from the seed
    if kind is Kind.human:
        body = colours.get("body") or rng.choice(_SKIN)
        accent = colours.get("hair") or rng.choice(_HAIR)
        outfit_color = colours.get("outfit") or colours.get("accent") or rng.choice(_OUTFIT)
    else:
        palette = _FUR.get(kind) or _FUR[plan]
        body = colours.get("body") or rng.choice(palette)
        accent = colours.get("accent") or colours.get("hair") or _animal_accent(kind, body, rng)
        outfit_color = colours.get("outfit") or rng.choice(_OUTFIT)
    eyes = colours.get("eyes") or rng.choice(_GLOW if kind is Kind.robot else _EYES)

    height = KIND_SIZE[kind] * (0.94 + 0.12 * rng.random())
    build = 0.92 + 0.16 * rng.random()
    size_words = set(all_words)
    if age is Age.child:
        size_words.add("young")
    elif age is Age.elder:
        size_words.add("old")
    elif age is Age.teen:
        height *= 0.92
    if size_words & {"tall", "giant", "towering", "lanky"}:
        height *= 1.2
    if size_words & {"tiny", "wee", "teeny"}:
        height *= 0.7
    if size_words & {"little", "small", "young", "kid", "child", "baby", "short"}:
        height *= 0.82
    if size_words & {"big", "huge", "large", "giant"}:
        height *= 1.15
        build *= 1.15
    if size_words & {"stout", "chubby", "round", "plump", "fat", "burly", "strong", "stocky"}:
        build *= 1.22
    if size_words & {"thin", "slender", "skinny", "slim", "lanky", "wiry"}:
        build *= 0.82
    if size_words & {"old", "elderly", "ancient", "aged"}:
        height *= 0.95

    return Design(
        body_color=body,
        accent_color=accent,
        eye_color=eyes,
        outfit=outfit,  # type: ignore[arg-type]
        outfit_color=outfit_color,
        accessory_color=colours.get("accessory"),
        accessories=accessories[:4],  # type: ignore[arg-type]
        height=round(min(1.5, max(0.45, height)), 3),
        build=round(min(1.4, max(0.7, build)), 3),
        seed=seed,
    )


def _animal_accent(kind: Kind, body: str, rng: random.Random) -> str:
    if kind is Kind.fox:
        return "#fff4e6"
    if kind is Kind.robot:
        return rng.choice(["#d83a3a", "#3a78d0", "#f0a830", "#4caa50"])
    if body_plan(kind) in (Kind.dragon, Kind.monster):
        return rng.choice(["#f0d080", "#60c0a0", "#f08cb4", "#f2cc3a"])
    return rng.choice(["#8a5a36", "#f6ecd2", "#d23c3c", "#3a78d0", "#f08cb4", "#4caa50"])


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
            seed = stable_seed("cast", film.seed, member.id)
            if regenerate and member.design is not None:
                seed = member.design.seed + 1
            member = with_identity(member)
            text = " ".join([member.description, " ".join(member.personality)])
            design = design_from_text(
                text, name=member.name, role=member.role, seed=seed, kind=member.kind, age=member.age
            )
            cast.append(member.model_copy(update={"design": design}))
        return film.model_copy(update={"cast": cast})
