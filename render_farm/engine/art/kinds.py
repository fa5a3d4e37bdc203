"""Kinds of character: one row per :class:`~render_farm.film.Kind`, the one place to add a kind.

A :class:`KindLook` says which body plan a kind is drawn on and which features it has: ears,
muzzle (snout, beak, bill, trunk), horns or antlers, mane, neck, tail, wings, feet and hands,
patterns (stripes, spots, patches, masks) and the colours the designer picks from. The drawing
modules read these names; none of them has a branch per animal, only per feature.

Body plans:

* ``person`` -- a human: skin, hair, clothes by default.
* ``biped`` -- an upright animal or being on two legs: mammals, reptiles, dragons, insects.
* ``bird`` -- a round feathered body on thin legs, wings for arms, a beak or bill.
* ``sea`` -- a body that ends in a tail fin instead of legs, flippers or fins for arms.
* ``tentacles`` -- a dome head over curling tentacles (octopus; a jellyfish floats).
* ``crab`` -- a wide shell on little legs, pincers for hands, eyes on stalks.
* ``snail`` -- a soft upright foot under a spiral shell, eyes on stalks.
* ``snake`` -- a coil with a head on top; the tail's tip is its one hand.
* ``caterpillar`` -- a stack of round segments on many little legs.
* ``floating`` -- a sheet-like body that hovers (a ghost).
* ``robot`` -- a metal box body with a screen face.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from render_farm.film import Kind

__all__ = ["KINDS", "KindLook", "Plan", "kind_look"]

Plan = Literal[
    "person", "biped", "bird", "sea", "tentacles", "crab", "snail", "snake", "caterpillar", "floating", "robot"
]


@dataclass(frozen=True)
class KindLook:
    """How one kind is drawn. Colours are ``#rrggbb``; the first of each palette is the default.

    Feature names (each drawn by one function of the art modules, for any kind that names it):

    * ``ears``: none, human, cat, fox, wolf, round, small_round, mouse, rabbit, hare, floppy, pig,
      side, long_side, horse, elephant, bat, koala, monkey, squirrel, tall, fin
    * ``muzzle``: none, human, cat, dog, bear, fox, pig, cow, horse, long, hippo, rhino, monkey,
      trunk, rodent, otter, croc, snout, dino, frog, snake, beak, hooked, bill, swan, flamingo,
      comb_beak, fish, shark, dolphin, whale, insect, ghost
    * ``horns``: none, goat, ram, cow, antlers, ossicones, unicorn, dragon, monster, antennae
    * ``mane``: none, lion, horse, zebra, wool, tuft, ruff, spines
    * ``tail``: none, cat, long_thin, bushy, fox, curl, stub, cotton, tuft, horse, flat, ringed,
      thick, dragon, spiky, curly_pig, feathers, fan, monkey, squirrel
    * ``wings``: none, dragon, bee, butterfly, ladybird, bat
    * ``feet``/``hands``: shoes/hands, paws, hooves, webbed, claws, bird, big, insect, wing, fin,
      flipper, tentacle, pincer, nub, none
    * ``patterns`` (the seed picks one): plain, stripes, tabby, spots, patches, socks, mask, panda,
      giraffe, ladybird, bee, scales, speckles, belly_band, dapples
    * ``extras``: antennae, comb, wattle, beard, crest, spikes, plates, hump, pouch, shell, dorsal,
      gills, suckers, stinger, facial_disc, ear_tufts, cheeks, stalks, tusks, blowhole, eye_patches
    """

    plan: Plan
    fur: tuple[str, ...]
    accent: tuple[str, ...] = ("#f6ecd2",)
    marks: str | None = None  # pattern ink; None = a dark shade of the body colour
    ears: str = "none"
    muzzle: str = "none"
    horns: str = "none"
    mane: str = "none"
    neck: float = 0.0  # 0: none; 1: a giraffe's
    tail: str = "none"
    wings: str = "none"
    feet: str = "paws"
    hands: str = "paws"
    patterns: tuple[str, ...] = ("plain",)
    belly: bool = True  # a lighter belly and muzzle in the accent colour
    whiskers: bool = False
    eyes: Literal["animal", "human", "big", "beady", "bulging", "stalks", "alien", "robot", "many"] = "animal"
    teeth: Literal["none", "buck", "fangs", "grin", "tusks"] = "none"
    extras: tuple[str, ...] = ()
    head: Literal["round", "wide", "tall", "fuzzy", "small"] = "round"


_K = KindLook
_WARM = ("#f6ecd2", "#fff4e6", "#f2e0c0")

KINDS: dict[Kind, KindLook] = {
    # people and beings
    Kind.human: _K("person", ("#f2c9a0",), ("#6b4f3a",), ears="human", muzzle="human", feet="shoes", hands="hands",
                   belly=False, eyes="human"),
    Kind.robot: _K("robot", ("#c0c6d0", "#e8ecf0", "#7ab8c8", "#d8b85a", "#a8b0bc"),
                   ("#d83a3a", "#3a78d0", "#f0a830", "#4caa50"), feet="none", hands="claws", belly=False,
                   eyes="robot"),
    Kind.dragon: _K("biped", ("#5aa55a", "#d05a4a", "#7a5ac0", "#4a88c8", "#e0a030"), ("#f0d080", "#60c0a0",
                    "#f2cc3a"), ears="none", muzzle="snout", horns="dragon", tail="dragon", wings="dragon",
                    feet="claws", hands="claws", patterns=("belly_band", "scales"), eyes="human", extras=("spikes",)),
    Kind.monster: _K("biped", ("#8a5ac0", "#5ab08a", "#4a8ad0", "#e0804a", "#c05a8a"), ("#f0d080", "#60c0a0",
                     "#f08cb4", "#f2cc3a"), muzzle="monster", horns="monster", tail="stub", feet="claws",
                     hands="paws", patterns=("plain", "spots", "belly_band"), eyes="human", teeth="fangs",
                     head="fuzzy"),
    Kind.ghost: _K("floating", ("#f4f6fa", "#e8eef8", "#eaf6f2"), ("#b8c4dc",), muzzle="ghost", feet="none",
                   hands="nub", belly=False, eyes="beady"),
    Kind.alien: _K("biped", ("#8ad26a", "#5ac0b0", "#b08ae0", "#7ab0e8"), ("#f0e070", "#ff8ad0"), muzzle="ghost",
                   horns="antennae", feet="shoes", hands="hands", belly=False, eyes="alien", head="tall"),
    Kind.unicorn: _K("biped", ("#f8f4fa", "#f6e8f4", "#eaf0fa"), ("#f08cb4", "#b8a0e0", "#7ad0e8", "#f0c060"),
                     ears="horse", muzzle="horse", horns="unicorn", mane="horse", tail="horse", feet="hooves",
                     hands="hooves", head="tall"),
    Kind.dinosaur: _K("biped", ("#6ab05a", "#4aa0a0", "#e0903a", "#8a7ad0"), ("#f0e0a0", "#f6d070"),
                      muzzle="dino", tail="thick", feet="claws", hands="claws", patterns=("spots", "belly_band"),
                      extras=("plates",), teeth="grin"),
    # mammals
    Kind.cat: _K("biped", ("#e89a4a", "#8c8c94", "#2e2e34", "#f2ece4", "#c8a070"), _WARM, ears="cat",
                 muzzle="cat", tail="cat", patterns=("plain", "tabby", "patches", "socks"), whiskers=True),
    Kind.dog: _K("biped", ("#d8b080", "#8a5a36", "#f0e6d8", "#3a2e2a", "#c08a50"), ("#f6ecd2", "#6a4430"),
                 ears="floppy", muzzle="dog", tail="curl", patterns=("plain", "patches", "spots", "eye_patch")),
    Kind.fox: _K("biped", ("#e07a30", "#d8742c", "#c8602a", "#b0b0b8"), ("#fff4e6",), marks="#3a2a26", ears="fox",
                 muzzle="fox", tail="fox", patterns=("socks",), whiskers=True),
    Kind.rabbit: _K("biped", ("#f4f0ea", "#b89878", "#9a9aa2", "#e8d8c0"), ("#fff8f0", "#f6ecd2"), ears="rabbit",
                    muzzle="rodent", tail="cotton", feet="big", whiskers=True, teeth="buck"),
    Kind.hare: _K("biped", ("#a8805a", "#b89068", "#8a6a4a"), ("#f2e6d4",), marks="#2a2220", ears="hare",
                  muzzle="rodent", tail="cotton", feet="big", patterns=("speckles",), whiskers=True, teeth="buck"),
    Kind.bear: _K("biped", ("#8a5a3a", "#6a4430", "#c89858", "#4a3428"), ("#e0c49a",), ears="round", muzzle="bear",
                  tail="stub"),
    Kind.polar_bear: _K("biped", ("#f4f2ea", "#ece6d6"), ("#fffdf6",), ears="small_round", muzzle="bear",
                        tail="stub"),
    Kind.panda: _K("biped", ("#f6f4ee",), ("#fffdf8",), marks="#26262c", ears="round", muzzle="bear", tail="stub",
                   patterns=("panda",), belly=False, extras=("eye_patches",)),
    Kind.koala: _K("biped", ("#9aa0a8", "#8a8e96", "#b0b4ba"), ("#f2f0ec",), ears="koala", muzzle="koala",
                   tail="none"),
    Kind.mouse: _K("biped", ("#a8a0a0", "#b89070", "#e8e0d8"), ("#f6ecd2",), ears="mouse", muzzle="rodent",
                   tail="long_thin", whiskers=True),
    Kind.squirrel: _K("biped", ("#c8642a", "#b05a2a", "#8a8a92"), ("#f6e6cc",), ears="squirrel", muzzle="rodent",
                      tail="squirrel", whiskers=True, teeth="buck"),
    Kind.hedgehog: _K("biped", ("#d8b89a", "#e6c8a8"), ("#f6e8d8",), marks="#6a4a36", ears="small_round",
                      muzzle="snout", mane="spines", tail="none"),
    Kind.raccoon: _K("biped", ("#8c8e96", "#7a7c84"), ("#f2f0ec",), marks="#2a2a30", ears="cat", muzzle="fox",
                     tail="ringed", patterns=("mask",), whiskers=True),
    Kind.badger: _K("biped", ("#8a8a90", "#7a7a82"), ("#f6f4f0",), marks="#26262a", ears="small_round",
                    muzzle="snout", tail="stub", patterns=("badger",)),
    Kind.otter: _K("biped", ("#8a5e3c", "#7a5232", "#9a6a44"), ("#e8d4b4",), ears="small_round", muzzle="otter",
                   tail="thick", feet="webbed", whiskers=True),
    Kind.beaver: _K("biped", ("#8a5a34", "#6e4a2c"), ("#d8b48a",), ears="small_round", muzzle="otter",
                    tail="flat", feet="webbed", teeth="buck"),
    Kind.wolf: _K("biped", ("#8a8478", "#6e6a66", "#a09684", "#4a4a52"), ("#eeeae4",), ears="wolf", muzzle="fox",
                  tail="bushy", mane="ruff", extras=("chest_ruff",)),
    Kind.deer: _K("biped", ("#b0784a", "#a06a40", "#c08a58"), ("#f6ecd8",), ears="long_side", muzzle="long",
                  horns="antlers", tail="stub", feet="hooves", hands="hooves", patterns=("plain", "dapples")),
    Kind.lion: _K("biped", ("#e0b060", "#d8a050", "#e8c070"), ("#b8642a", "#a0522a", "#8a4a2a"), ears="small_round",
                  muzzle="cat", mane="lion", tail="tuft", whiskers=True),
    Kind.tiger: _K("biped", ("#ec8a32", "#e07a2a"), ("#fff6ea",), marks="#2a2024", ears="small_round",
                   muzzle="cat", tail="ringed", patterns=("stripes",), whiskers=True),
    Kind.elephant: _K("biped", ("#9aa0ac", "#8a909c", "#a8a4b0"), ("#c8ccd6",), ears="elephant", muzzle="trunk",
                      tail="tuft", feet="big", hands="paws", belly=False, head="wide"),
    Kind.giraffe: _K("biped", ("#f0c060", "#eab456"), ("#f8e8c0",), marks="#a0582a", ears="side", muzzle="long",
                     horns="ossicones", mane="tuft", neck=1.0, tail="tuft", feet="hooves", hands="hooves",
                     patterns=("giraffe",)),
    Kind.zebra: _K("biped", ("#f8f8f6",), ("#f8f8f6",), marks="#22222a", ears="horse", muzzle="horse", mane="zebra",
                   tail="tuft", feet="hooves", hands="hooves", patterns=("stripes",), belly=False, head="tall"),
    Kind.hippo: _K("biped", ("#9a8aa8", "#8a8a9e", "#a6909e"), ("#e6b4c0",), ears="small_round", muzzle="hippo",
                   tail="stub", feet="big", hands="paws", head="wide"),
    Kind.rhino: _K("biped", ("#a0a0a6", "#90949a"), ("#c0c0c6",), ears="horse", muzzle="rhino", tail="tuft",
                   feet="big", hands="paws", belly=False, head="wide"),
    Kind.monkey: _K("biped", ("#8a5a36", "#6a4430", "#a06a40"), ("#f0cca4",), ears="monkey", muzzle="monkey",
                    tail="monkey", hands="hands"),
    Kind.kangaroo: _K("biped", ("#c08a5a", "#b07a4a", "#a8704a"), ("#f0dcc0",), ears="tall", muzzle="long",
                      tail="thick", feet="big", extras=("pouch",)),
    Kind.pig: _K("biped", ("#f4b4bc", "#f0a4b0", "#e8c0b0"), ("#fad4da",), ears="pig", muzzle="pig",
                 tail="curly_pig", feet="hooves", hands="hooves", patterns=("plain", "spots")),
    Kind.cow: _K("biped", ("#f8f6f2", "#c08050"), ("#f4b8c0",), marks="#2a2428", ears="side", muzzle="cow",
                 horns="cow", tail="tuft", feet="hooves", hands="hooves", patterns=("patches",), belly=False),
    Kind.sheep: _K("biped", ("#3a3034", "#5a4a44", "#f2e8dc"), ("#fbf8f2", "#f4efe6"), ears="side", muzzle="long",
                   mane="wool", tail="stub", feet="hooves", hands="hooves", belly=False),
    Kind.goat: _K("biped", ("#f4f0e6", "#d8c8a8", "#8a6a4a", "#6a6a70"), ("#f8f4ea", "#e6dccc"), ears="side",
                  muzzle="long", horns="goat", tail="stub", feet="hooves", hands="hooves", extras=("beard",)),
    Kind.horse: _K("biped", ("#9a5a34", "#5a3a2a", "#e8e4dc", "#c8904a", "#2e2a2c"), ("#3a2a24", "#f0e6d0"),
                   ears="horse", muzzle="horse", mane="horse", tail="horse", feet="hooves", hands="hooves",
                   patterns=("plain", "socks", "dapples"), head="tall"),
    Kind.donkey: _K("biped", ("#9a9498", "#8a8286", "#a89a8a"), ("#eeeae6",), ears="tall", muzzle="horse",
                    mane="tuft", tail="tuft", feet="hooves", hands="hooves", head="tall"),
    Kind.camel: _K("biped", ("#d8ae74", "#c89a60"), ("#f0dcb8",), ears="side", muzzle="horse", tail="tuft",
                   feet="hooves", hands="hooves", extras=("hump",), head="tall"),
    Kind.bat: _K("biped", ("#5a4a5a", "#4a3a4a", "#6a5a4a"), ("#9a8a9a",), ears="bat", muzzle="snout",
                 wings="bat", feet="claws", hands="paws", teeth="fangs"),
    Kind.seal: _K("sea", ("#8a8f96", "#7e756c", "#a8a29a"), ("#d8d4cc",), muzzle="otter", feet="flipper",
                  hands="flipper", patterns=("plain", "speckles"), whiskers=True),
    Kind.whale: _K("sea", ("#4a78b8", "#3a68a8", "#5a8ac0"), ("#d8e6f2",), muzzle="whale", feet="flipper",
                   hands="flipper", extras=("blowhole",)),
    Kind.dolphin: _K("sea", ("#7a9ab8", "#6a8aa8", "#8aa6c0"), ("#e6eef6",), muzzle="dolphin", feet="flipper",
                     hands="flipper", extras=("dorsal",)),
    # birds
    Kind.bird: _K("bird", ("#5a9ad8", "#e05a4a", "#f0c840", "#6ac07a"), ("#f6ecd2", "#f0a040"), muzzle="beak",
                  tail="feathers", feet="bird", hands="wing", extras=("crest",)),
    Kind.owl: _K("bird", ("#9a7050", "#8a6a4a", "#b08a60", "#c8b8a0"), ("#f2e2c4",), marks="#5a3e2a", muzzle="hooked",
                 tail="feathers", feet="bird", hands="wing", patterns=("speckles",), eyes="big",
                 extras=("facial_disc", "ear_tufts")),
    Kind.penguin: _K("bird", ("#2e3240", "#262a36"), ("#fbfaf6",), muzzle="beak", feet="webbed", hands="flipper",
                     extras=("tall",)),
    Kind.duck: _K("bird", ("#f6d84a", "#f8f6f0", "#8a6a4a"), ("#fff2a8", "#fbfaf4"), muzzle="bill", tail="curl",
                  feet="webbed", hands="wing"),
    Kind.chicken: _K("bird", ("#f8f4ec", "#c0783a", "#e8a860"), ("#fff8ee",), muzzle="beak",
                     tail="feathers", feet="bird", hands="wing", extras=("comb", "wattle")),
    Kind.parrot: _K("bird", ("#3ab85a", "#e03a3a", "#3a7ae0"), ("#f6d040", "#3a7ae0", "#e03a3a"), muzzle="hooked",
                    tail="feathers", feet="bird", hands="wing", extras=("crest",)),
    Kind.eagle: _K("bird", ("#6a4a30", "#5a3e28"), ("#fbf8f2",), muzzle="hooked", tail="feathers", feet="bird",
                   hands="wing", extras=("white_head",)),
    Kind.swan: _K("bird", ("#fbfaf6", "#f4f4f2"), ("#ffffff",), muzzle="swan", neck=1.0, tail="feathers",
                  feet="webbed", hands="wing", belly=False),
    Kind.crow: _K("bird", ("#2a2a34", "#32303a"), ("#4a4a5a",), muzzle="beak", tail="feathers", feet="bird",
                  hands="wing", belly=False),
    Kind.flamingo: _K("bird", ("#f49ab4", "#f08aa8"), ("#fbc4d4",), muzzle="flamingo", neck=1.0, tail="feathers",
                      feet="bird", hands="wing", extras=("long_legs",)),
    # reptiles and amphibians
    Kind.frog: _K("biped", ("#6ac04a", "#4aa85a", "#9ac83a"), ("#e8f2b0",), muzzle="frog", feet="webbed",
                  hands="paws", patterns=("plain", "spots"), eyes="bulging", head="wide"),
    Kind.tortoise: _K("biped", ("#9ab06a", "#8aa070", "#a8a878"), ("#e8d890",), marks="#7a5a34", muzzle="nostrils",
                      tail="stub", feet="big", extras=("shell",)),
    Kind.crocodile: _K("biped", ("#5a9a4a", "#4a8a5a", "#6a8a3a"), ("#d8e0a0",), muzzle="croc", tail="spiky",
                       feet="claws", hands="claws", patterns=("scales",), teeth="grin", extras=("spikes",)),
    Kind.snake: _K("snake", ("#6ab04a", "#e0b040", "#d05a3a", "#5a8ad0"), ("#f0e0a0", "#2a2a2a"), muzzle="snake",
                   feet="none", hands="none", patterns=("stripes", "spots", "diamonds")),
    Kind.lizard: _K("biped", ("#5ab07a", "#4a9ad0", "#c0b04a"), ("#e8f0c0",), muzzle="snout", tail="long_thin",
                    feet="claws", hands="claws", patterns=("spots", "stripes")),
    # water
    Kind.fish: _K("sea", ("#f08a3a", "#3a9ae0", "#f0c83a", "#e05a8a"), ("#fbf4e0", "#ffffff"), muzzle="fish",
                  feet="fin", hands="fin", patterns=("plain", "stripes", "scales"), belly=True),
    Kind.shark: _K("sea", ("#7a8a9a", "#6a7a8c"), ("#f4f6f8",), muzzle="shark", feet="fin", hands="fin",
                   teeth="grin", extras=("dorsal", "gills")),
    Kind.octopus: _K("tentacles", ("#e87a9a", "#b86ad0", "#e8603a"), ("#f8c8d8",), muzzle="fish", feet="tentacle",
                     hands="tentacle", patterns=("spots",), extras=("suckers",), belly=False),
    Kind.crab: _K("crab", ("#e0503a", "#e8703a"), ("#f8c0a0",), muzzle="insect", feet="insect", hands="pincer",
                  eyes="stalks", belly=False),
    Kind.jellyfish: _K("tentacles", ("#f4a8d0", "#a8c8f4", "#c8a8f4"), ("#ffffff",), muzzle="ghost",
                       feet="tentacle", hands="tentacle", belly=False, extras=("floats",)),
    # small creatures
    Kind.bee: _K("biped", ("#f6c83a", "#f0b82a"), ("#fff2b0",), marks="#2a2226", muzzle="insect", horns="antennae",
                 wings="bee", feet="insect", hands="insect", patterns=("bee",), belly=False, extras=("stinger",)),
    Kind.butterfly: _K("biped", ("#3a3040", "#4a3a50"), ("#f08a3a", "#5ab0e8", "#e85aa8", "#f2cc3a"),
                       muzzle="insect", horns="antennae", wings="butterfly", feet="insect", hands="insect",
                       belly=False, extras=("slim",), head="small"),
    Kind.ladybird: _K("biped", ("#2a2a30",), ("#e8322a",), marks="#1e1e24", muzzle="insect", horns="antennae",
                      wings="ladybird", feet="insect", hands="insect", patterns=("ladybird",), belly=False),
    Kind.ant: _K("biped", ("#b03a2a", "#2e2a2e", "#8a4a2a"), ("#d0604a",), muzzle="insect", horns="antennae",
                 feet="insect", hands="insect", belly=False, extras=("extra_arms",)),
    Kind.spider: _K("biped", ("#4a3a5a", "#2e2a34", "#8a5a3a"), ("#e05a8a", "#f0c040"), muzzle="insect",
                    feet="insect", hands="insect", patterns=("spots",), belly=False, eyes="many",
                    extras=("extra_legs",), head="fuzzy"),
    Kind.snail: _K("snail", ("#d8c0a0", "#c8b8a8", "#b8c8a0"), ("#c0783a", "#d89a4a", "#a86a8a"), muzzle="insect",
                   feet="none", hands="nub", eyes="stalks", belly=False, extras=("shell",)),
    Kind.caterpillar: _K("caterpillar", ("#8ad04a", "#6ac05a", "#b0d03a"), ("#f2d040", "#5ab0e8"),
                         muzzle="insect", horns="antennae", feet="insect", hands="insect", patterns=("spots",),
                         belly=False),
}  # fmt: skip


def kind_look(kind: Kind | str) -> KindLook:
    """The look of ``kind`` (a kind the table lacks is drawn as the nearest body: a person)."""
    return KINDS.get(Kind(kind), KINDS[Kind.human])
