"""The built-in character designer: a :class:`Design` from the words that describe a character.

It reads a cast member's description, name, role and personality for a species ("a shy silver
robot"), colours tied to what they colour ("red scarf", "blue dress", "golden fur"; a coloured
hat, scarf or bow sets the accessory colour), clothes, accessories and size words ("tall",
"tiny", "stout"), and fills in everything the text leaves open from a seed, so the same film
always gets the same cast. Offline, no key, deterministic: seeds come from :mod:`hashlib`, never
from Python's salted ``hash()``.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from render_farm.engine.characters import stable_seed
from render_farm.film.spec import CastMember, Design, Film, Species

__all__ = ["OfflineDesigner", "design_from_text"]

_SPECIES_WORDS: dict[Species, tuple[str, ...]] = {
    Species.robot: ("robot", "robots", "android", "droid", "automaton", "cyborg", "machine", "bot"),
    Species.cat: ("cat", "cats", "kitten", "kitty", "tomcat", "feline"),
    Species.dog: ("dog", "dogs", "puppy", "pup", "hound", "doggy", "terrier", "poodle", "beagle"),
    Species.fox: ("fox", "foxes", "vixen"),
    Species.rabbit: ("rabbit", "rabbits", "bunny", "hare"),
    Species.bear: ("bear", "bears", "teddy", "grizzly", "panda"),
    Species.mouse: ("mouse", "mice", "rat", "hamster"),
    Species.bird: (
        "bird", "birds", "owl", "owlet", "parrot", "penguin", "duck", "crow", "robin", "sparrow", "chicken", "hen",
        "eagle",
    ),
    Species.dragon: ("dragon", "dragons", "wyvern", "drake", "dinosaur", "lizard"),
    Species.monster: (
        "monster", "creature", "troll", "ogre", "goblin", "beast", "yeti", "alien", "gremlin", "imp", "ghoul",
    ),
    Species.human: (
        "girl", "boy", "woman", "man", "kid", "child", "princess", "prince", "king", "queen", "knight",
        "wizard", "witch", "grandma", "grandpa", "grandmother", "grandfather", "lady", "gentleman", "person",
        "teacher", "farmer", "pirate", "sailor", "scientist", "baker", "detective", "captain", "mother",
        "father", "mom", "dad", "sister", "brother", "student", "explorer", "astronaut", "chef", "doctor",
    ),
}  # fmt: skip

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
_FUR: dict[Species, list[str]] = {
    Species.cat: ["#e89a4a", "#8c8c94", "#2e2e34", "#f2ece4", "#c8a070"],
    Species.dog: ["#d8b080", "#8a5a36", "#f0e6d8", "#3a2e2a", "#c08a50"],
    Species.fox: ["#e07a30", "#d8742c", "#c8602a"],
    Species.rabbit: ["#f4f0ea", "#b89878", "#9a9aa2", "#e8d8c0"],
    Species.bear: ["#8a5a3a", "#6a4430", "#c89858", "#4a3428"],
    Species.mouse: ["#a8a0a0", "#b89070", "#e8e0d8"],
    Species.bird: ["#5a9ad8", "#e05a4a", "#f0c840", "#9a7050", "#6ac07a"],
    Species.robot: ["#c0c6d0", "#e8ecf0", "#7ab8c8", "#d8b85a", "#a8b0bc"],
    Species.dragon: ["#5aa55a", "#d05a4a", "#7a5ac0", "#4a88c8", "#e0a030"],
    Species.monster: ["#8a5ac0", "#5ab08a", "#4a8ad0", "#e0804a", "#c05a8a"],
}
_GLOW = ["#5ee0ff", "#7af0a0", "#ffd25a", "#ff7ab0"]
_SIZE: dict[Species, float] = {
    Species.human: 1.0, Species.cat: 0.75, Species.dog: 0.82, Species.fox: 0.8, Species.rabbit: 0.72,
    Species.bear: 1.1, Species.mouse: 0.6, Species.bird: 0.66, Species.robot: 0.95, Species.dragon: 1.1,
    Species.monster: 1.12,
}  # fmt: skip

_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in _ACCESSORIES else word


def _species(words: list[str], role_words: list[str], name_words: list[str]) -> Species | None:
    lookup = {w: sp for sp, ws in _SPECIES_WORDS.items() for w in ws}
    # the description says what the character is; a name ("Whiskers the cat") or a role ("king") only
    # decides when it does not
    for source in (words, name_words, role_words):
        for word in source:
            if word in lookup:
                return lookup[word]
    return None


def design_from_text(description: str, *, name: str = "", role: str = "", seed: int = 0) -> Design:
    """A design for a character described by ``description`` (and its name and role).

    Whatever the words name (species, colours, clothes, accessories, size) is used; the rest is
    picked from ``seed``, so a new seed gives a new look that keeps everything the text says.
    """
    words = _words(description)
    role_words = _words(role)
    rng = random.Random(seed)
    species = _species(words, role_words, _words(name)) or Species.human
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
            elif ahead in _BODY_NOUNS or any(ahead in ws for sp, ws in _SPECIES_WORDS.items() if sp is species):
                target = "body"
            if target is not None:
                break
            if ahead in ("and", "with", "who", "that", "in", "wearing"):
                break
        if target is None:
            target = "body" if species is not Species.human else "outfit"
        colours.setdefault(target, _COLOURS[word])

    for word in all_words:
        hint = _ROLE_HINTS.get(word)
        if hint is None:
            continue
        suggested_outfit, suggested = hint
        if (
            outfit is None
            and suggested_outfit is not None
            and species
            in (Species.human, Species.bear, Species.fox, Species.cat, Species.dog, Species.rabbit, Species.mouse)
        ):
            outfit = suggested_outfit
        for item in suggested:
            if item not in accessories:
                accessories.append(item)

    if outfit is None:
        if species is Species.human:
            outfit = rng.choice(["shirt", "shirt", "dress", "overalls", "tunic", "coat"])
        else:
            outfit = "none"
    if not accessories and rng.random() < 0.35 and species is not Species.robot:
        accessories.append(rng.choice(["scarf", "hat", "bow", "glasses", "backpack", "flower"]))
    if species is Species.robot and "antenna" not in accessories and rng.random() < 0.5:
        accessories.append("antenna")

    # colours the text leaves open come from the seed
    if species is Species.human:
        body = colours.get("body") or rng.choice(_SKIN)
        accent = colours.get("hair") or rng.choice(_HAIR)
        outfit_color = colours.get("outfit") or colours.get("accent") or rng.choice(_OUTFIT)
    else:
        palette = ["#9a7050", "#8a6a4a", "#b08a60"] if "owl" in all_words else _FUR[species]
        body = colours.get("body") or rng.choice(palette)
        accent = colours.get("accent") or colours.get("hair") or _animal_accent(species, body, rng)
        outfit_color = colours.get("outfit") or rng.choice(_OUTFIT)
    if species is Species.robot:
        eyes = colours.get("eyes") or rng.choice(_GLOW)
    else:
        eyes = colours.get("eyes") or rng.choice(_EYES)

    height = _SIZE[species] * (0.94 + 0.12 * rng.random())
    build = 0.92 + 0.16 * rng.random()
    size_words = set(all_words)
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
        species=species,
        body_color=body,
        accent_color=accent,
        eye_color=eyes,
        outfit=outfit,  # type: ignore[arg-type]
        outfit_color=outfit_color,
        accessory_color=colours.get("accessory"),
        accessories=accessories[:4],  # type: ignore[arg-type]
        height=round(min(1.5, max(0.5, height)), 3),
        build=round(min(1.4, max(0.7, build)), 3),
        seed=seed,
    )


def _animal_accent(species: Species, body: str, rng: random.Random) -> str:
    if species is Species.fox:
        return "#fff4e6"
    if species is Species.robot:
        return rng.choice(["#d83a3a", "#3a78d0", "#f0a830", "#4caa50"])
    if species in (Species.dragon, Species.monster):
        return rng.choice(["#f0d080", "#60c0a0", "#f08cb4", "#f2cc3a"])
    return rng.choice(["#8a5a36", "#f6ecd2", "#d23c3c", "#3a78d0", "#f08cb4", "#4caa50"])


class OfflineDesigner:
    """Designs the cast from the words of the story; implements ``CharacterDesigner``."""

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
            text = " ".join([member.description, " ".join(member.personality)])
            design = design_from_text(text, name=member.name, role=member.role, seed=seed)
            cast.append(member.model_copy(update={"design": design}))
        return film.model_copy(update={"cast": cast})
