"""Costumes: what each :class:`~render_farm.film.Costume` dresses a character in, as data.

A :class:`CostumeLook` names the garment on the torso (drawn by :mod:`.garments`), what covers
the legs, the headwear (drawn by :mod:`.headwear`) and the extras that make a role recognisable (a
chef's neckerchief, a pirate's eyepatch, a street sweeper's hi-vis vest). Colours the role fixes
(a chef's white, a fisher's yellow oilskin) are written here; the part left open takes the
design's outfit colour, picked by the designer from ``palette``. ``Costume.none`` dresses a
character in its design's everyday outfit (:data:`OUTFITS`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from render_farm.film import Costume

__all__ = ["COSTUMES", "OUTFITS", "CostumeLook", "costume_look"]


@dataclass(frozen=True)
class CostumeLook:
    """One way of dressing. Colours are ``#rrggbb``; ``None`` means the design's outfit colour.

    ``top``: none, shirt, tee, sweater, cardigan, blazer, chef_jacket, labcoat, trench, uniform,
    suit, tunic, robe, gown, dress, overalls, armour, spacesuit, oilskin, scrubs, sailor, smock,
    band_jacket, leotard, clown, bodysuit, shell_top, fire_jacket.
    ``lower``: natural (the body's own legs), trousers, shorts, skirt, long (to the ankles: robes,
    gowns), tail (a mermaid's), tutu.
    """

    top: str
    color: str | None = None  # the garment's fixed colour; None: the design's outfit colour
    trim: str | None = None  # collars, lapels, stripes, buttons; None: derived
    palette: tuple[str, ...] = ()  # outfit colours that suit the role (the designer picks one)
    lower: str = "trousers"
    legs: str | None = None  # trousers, skirt or tail colour; None: derived from the garment
    sleeves: str = "long"  # long, short, none
    hat: str = "none"
    hat_color: str | None = None  # None: the outfit colour
    extras: tuple[str, ...] = ()
    shoes: str | None = "#5c3e2c"  # None: the kind's own feet
    gloves: str | None = None
    hides_hair: bool = False  # a helmet or hood that covers the hair


_C = CostumeLook
_DARK = "#3a3e4e"
_DENIM = "#3a5a8e"

COSTUMES: dict[Costume, CostumeLook] = {
    Costume.baker: _C("shirt", palette=("#e8a0a8", "#a8c8e8", "#f0d890", "#b8dcb0"), sleeves="short",
                      hat="baker_cap", hat_color="#fbfaf6", extras=("apron",), legs="#6a6a74"),
    Costume.chef: _C("chef_jacket", "#fbfaf6", palette=("#d83a3a", "#3a78d0", "#2a2a30"), hat="toque",
                     hat_color="#fbfaf6", extras=("neckerchief",), legs="#4a4a54"),
    Costume.witch: _C("robe", palette=("#3a2a4a", "#2a2a34", "#2e4a3a", "#5a2a6a"), lower="long", hat="witch",
                      extras=("cloak",), shoes="#2a2a30"),
    Costume.wizard: _C("robe", palette=("#2a3a8a", "#5a3a9a", "#2a6a8a", "#7a2a5a"), lower="long", hat="wizard",
                       extras=("stars",), shoes="#4a3a5a"),
    Costume.sailor: _C("sailor", "#fbfaf6", "#25336a", palette=("#d83a3a", "#25336a"), hat="sailor_cap",
                       hat_color="#fbfaf6", extras=("neckerchief",), legs="#25336a", shoes="#2a2a30"),
    Costume.captain: _C("uniform", "#22305e", "#e8c050", palette=("#e8c050",), hat="captain_cap",
                        hat_color="#fbfaf6", extras=("epaulettes", "sleeve_rings"), legs="#22305e",
                        shoes="#1e1e24"),
    Costume.lighthouse_keeper: _C("sweater", palette=("#efe6d2", "#2e3a5a", "#b03a3a", "#5a6a7a"),
                                  hat="watch_cap", hat_color="#2e3a5a", legs="#3a3a44", shoes="#2a2a30"),
    Costume.fisher: _C("oilskin", "#f2c43a", palette=("#3a78d0", "#d83a3a"), hat="souwester", hat_color="#f2c43a",
                       extras=("boots",), legs="#f2c43a", shoes="#2e5a3a"),
    Costume.knight: _C("armour", "#b8c0cc", palette=("#c8322a", "#2a4aa0", "#2a8a4a", "#d8a030"), hat="knight_helmet",
                       hat_color="#b8c0cc", extras=("tabard",), legs="#9aa2ae", shoes="#8a929e", gloves="#9aa2ae",
                       hides_hair=True),
    Costume.king: _C("robe", palette=("#b02a3a", "#5a2a8a", "#2a4aa0"), lower="long", hat="kings_crown",
                     hat_color="#f2c03a", extras=("ermine", "cape"), shoes="#5a2a2a"),
    Costume.queen: _C("gown", palette=("#6a2a8a", "#b02a3a", "#2a4aa0", "#2a7a5a"), lower="long", hat="crown",
                      hat_color="#f2c03a", extras=("ermine", "necklace"), shoes="#5a2a2a"),
    Costume.prince: _C("tunic", palette=("#2a5ab0", "#2a8a5a", "#a02a3a"), hat="circlet", hat_color="#f2c03a",
                       extras=("cape", "belt"), legs="#efe8da", shoes="#5a3a2a"),
    Costume.princess: _C("gown", palette=("#f08cb4", "#b8a0e0", "#8ac4f0", "#f4d060"), lower="long", hat="tiara",
                         hat_color="#f2c03a", extras=("puff_sleeves", "necklace"), sleeves="short",
                         shoes="#e8a0c0"),
    Costume.pirate: _C("shirt", "#f6f0e2", palette=("#a02a2a", "#22305e", "#6a4a2a"), hat="tricorn",
                       hat_color="#26242a", extras=("coat_open", "eyepatch", "sash_belt", "boots"), legs="#4a3a2e",
                       shoes="#2a2224"),
    Costume.astronaut: _C("spacesuit", "#f4f4f6", palette=("#f08a2a", "#3a78d0", "#d83a3a"), hat="space_helmet",
                          hat_color="#f4f4f6", extras=("space_pack", "boots"), legs="#f4f4f6", shoes="#b8bcc8",
                          gloves="#e0e2e8"),
    Costume.doctor: _C("labcoat", "#fbfbfd", palette=("#3a78d0", "#3aa0a0", "#8a4ac0"), hat="head_mirror",
                       extras=("stethoscope",), legs="#3a3e4e"),
    Costume.nurse: _C("scrubs", palette=("#3aa8a8", "#4a7ad0", "#8ac4f0", "#e88aa8"), sleeves="short",
                      hat="nurse_cap", hat_color="#fbfaf6", extras=("badge_cross",), shoes="#f4f4f4"),
    Costume.teacher: _C("cardigan", palette=("#c89a3a", "#3a7a5a", "#8a2a3a", "#3a4a7a"),
                        extras=("tie", "lanyard", "glasses"),
                        legs="#4a4a58"),
    Costume.student: _C("blazer", palette=("#24305e", "#7a2a3a", "#2a5a3a"), extras=("tie", "school_badge",
                        "backpack"), legs="#6a6a74"),
    Costume.farmer: _C("overalls", _DENIM, palette=("#c83a3a", "#3a8a4a", "#d8a030"), hat="straw_hat",
                       hat_color="#e8c870", extras=("plaid",), legs=_DENIM, shoes="#5a3a24"),
    Costume.firefighter: _C("fire_jacket", "#c8322a", "#f2d040", palette=("#f2d040",), hat="fire_helmet",
                            hat_color="#d8322a", extras=("boots",), legs="#2e3038", shoes="#1e1e22",
                            gloves="#3a3a40"),
    Costume.police_officer: _C("uniform", "#24305e", "#d8dce6", palette=("#24305e",), hat="police_cap",
                               hat_color="#24305e", extras=("badge", "tie", "belt"), legs="#24305e",
                               shoes="#1e1e24"),
    Costume.scientist: _C("labcoat", "#fbfbfd", palette=("#3a9a6a", "#8a4ac0", "#e0a030", "#4f7cc9"),
                          extras=("pens", "goggles_on"), legs="#4a4a58"),
    Costume.inventor: _C("shirt", palette=("#4f7cc9", "#3a8a6a", "#c85a3a"), hat="goggles", hat_color="#b8863a",
                         extras=("leather_apron", "tool_belt"), sleeves="short", legs="#5a4a3a"),
    Costume.gardener: _C("shirt", palette=("#e8a0a8", "#f0d890", "#a8c8e8", "#efe6d2"), hat="sun_hat",
                         hat_color="#e8c870", extras=("green_apron", "boots"), gloves="#6aa84a", legs="#5a6a3a",
                         shoes="#3a6a3a"),
    Costume.street_sweeper: _C("tee", palette=("#3a3e4e", "#2e5a8a", "#5a5a64"), sleeves="long", hat="cap",
                               hat_color="#f07a2a", extras=("hivis",), legs="#3a3e4e", gloves="#f2c43a",
                               shoes="#2a2a30"),
    Costume.bride: _C("gown", "#fdfcf8", palette=("#f4d0dc", "#fdfcf8"), lower="long", hat="veil",
                      hat_color="#fdfcf8", extras=("necklace",), sleeves="none", shoes="#f4f0ea"),
    Costume.groom: _C("suit", "#26262e", palette=("#e85a7a", "#f4f0e8", "#c8322a"), extras=("bow_tie", "boutonniere"),
                      legs="#26262e", shoes="#1e1e24"),
    Costume.detective: _C("trench", "#c8a878", palette=("#6a4a2a", "#3a3a44"), hat="deerstalker",
                          hat_color="#8a6a4a", extras=("belt",), legs="#4a4a52", shoes="#3a2a22"),
    Costume.explorer: _C("uniform_shirt", "#c8b078", palette=("#d83a3a", "#3a78d0", "#3a8a4a"), lower="shorts",
                         hat="pith_helmet", hat_color="#e0d0a4", extras=("neckerchief", "satchel", "boots"),
                         legs="#a89060", sleeves="short", shoes="#5a3a24"),
    Costume.artist: _C("smock", palette=("#f6f0e2", "#c8dcf0", "#f4e4c0"), hat="beret", hat_color="#c8322a",
                       extras=("paint_dabs", "neck_bow"), legs="#3a3e4e"),
    Costume.musician: _C("band_jacket", palette=("#c8322a", "#2a4aa0", "#2a7a5a"), trim="#f2c03a", hat="shako",
                         extras=("gold_braid",), legs="#26262e", shoes="#1e1e24"),
    Costume.dancer: _C("leotard", palette=("#f4a8c8", "#c8b0ec", "#a8d4f4", "#f4d090"), lower="tutu",
                       sleeves="none", shoes="#f4c0d0"),
    Costume.clown: _C("clown", palette=("#f2c43a", "#3a9ae0", "#e85aa8", "#5ac05a"), trim="#e83a3a",
                      hat="clown_hat", extras=("ruff", "red_nose", "pompoms", "clown_hair"), shoes="#e83a3a"),
    Costume.mail_carrier: _C("uniform_shirt", "#5a7ac0", palette=("#5a7ac0",), hat="mail_cap", hat_color="#24305e",
                             extras=("satchel", "badge"), legs="#24305e", sleeves="short", shoes="#1e1e24"),
    Costume.builder: _C("tee", palette=("#d83a3a", "#3a78d0", "#5a5a64", "#efe6d2"), sleeves="short",
                        hat="hard_hat", hat_color="#f2c43a", extras=("hivis", "tool_belt", "boots"), legs=_DENIM,
                        shoes="#6a4a2a"),
    Costume.miner: _C("overalls", "#6a6458", palette=("#3a3e4e", "#6a4a3a"), hat="miner_helmet",
                      hat_color="#f2c43a", extras=("soot", "boots"), legs="#6a6458", shoes="#2a2a2a"),
    Costume.shepherd: _C("tunic", "#a07a4a", palette=("#e8dcc0", "#8a6a4a", "#6a7a5a"), lower="long",
                         hat="headcloth", hat_color="#e8dcc0", extras=("sash_belt",), shoes="#6a4a2a"),
    Costume.ranger: _C("uniform_shirt", "#8a9a5a", palette=("#8a9a5a",), hat="ranger_hat", hat_color="#a88a5a",
                       extras=("badge", "belt"), legs="#5a6a3a", shoes="#4a3424"),
    Costume.superhero: _C("bodysuit", palette=("#c8322a", "#2a5ad0", "#6a3ab0", "#2a9a5a"), trim="#f2c43a",
                          extras=("cape", "mask", "emblem", "belt", "boots"), legs=None, shoes=None),
    Costume.fairy: _C("dress", palette=("#a8e0b0", "#f4b0d0", "#c8b8f0", "#a8d8f4"), lower="skirt",
                      hat="flower_crown", hat_color="#f08cb4", extras=("fairy_wings", "petals"), sleeves="none",
                      shoes="#8ac08a"),
    Costume.mermaid: _C("shell_top", palette=("#3ab0a0", "#8a5ac0", "#3a8ad0", "#2aa06a"), lower="tail",
                        hat="starfish", hat_color="#f08a5a", sleeves="none", shoes=None),
    Costume.cowboy: _C("shirt", palette=("#c83a3a", "#3a78d0", "#e0c080", "#3a8a4a"), hat="cowboy_hat",
                       hat_color="#9a6a3a", extras=("vest", "neckerchief", "belt", "boots"), legs=_DENIM,
                       shoes="#6a3e24"),
    Costume.librarian: _C("cardigan", palette=("#8a5a7a", "#5a7a5a", "#c89a3a", "#6a5a8a"), lower="skirt",
                          extras=("glasses", "brooch"), legs="#5a4a44"),
    Costume.shopkeeper: _C("shirt", palette=("#efe6d2", "#a8c8e8", "#e8b8a0"), sleeves="short", hat="flat_cap",
                           hat_color="#6a5a4a", extras=("striped_apron",), legs="#4a4a52"),
    Costume.mayor: _C("suit", "#2a2a34", palette=("#c8322a", "#2a4aa0", "#2a7a5a"), hat="top_hat",
                      hat_color="#222228", extras=("sash", "mayor_chain"), legs="#2a2a34", shoes="#1e1e24"),
}  # fmt: skip

# the everyday outfits of ``Design.outfit`` (``Costume.none``)
OUTFITS: dict[str, CostumeLook] = {
    "none": _C("none", lower="natural", shoes=None),
    "shirt": _C("shirt"),
    "dress": _C("dress", lower="skirt", sleeves="short"),
    "overalls": _C("overalls", extras=("tee_under",), legs=None),
    "tunic": _C("tunic", extras=("belt",)),
    "coat": _C("coat"),
    "armor": _C("armour", "#b8c0cc", extras=("tabard",), legs="#9aa2ae", shoes="#8a929e"),
    "robe": _C("robe", lower="long"),
}


def costume_look(costume: Costume, outfit: str, person: bool, rng: random.Random) -> CostumeLook:
    """How a character with this costume and everyday ``outfit`` is dressed.

    A person always wears something (a shirt when the outfit is "none"); an animal in no costume
    keeps its own legs and feet whatever it wears on top.
    """
    del rng  # every choice here is the design's; kept for variants that the seed may pick
    if costume is not Costume.none:
        look = COSTUMES[costume]
    else:
        if person and outfit == "none":
            outfit = "shirt"
        look = OUTFITS.get(outfit, OUTFITS["shirt"])
    if not person and look.lower in ("trousers", "shorts") and costume is Costume.none:
        look = replace(look, lower="natural", shoes=None)
    if not person and look.shoes is not None and look.lower == "natural":
        look = replace(look, shoes=None)
    return look
