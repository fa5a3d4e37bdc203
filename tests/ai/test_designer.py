"""The built-in designer: characters look like the words that describe them, as the kind they are."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from render_farm.ai.offline.designer import OfflineDesigner, design_from_text
from render_farm.ai.offline.identity import identity_of
from render_farm.ai.protocols import CharacterDesigner
from render_farm.film.spec import CastMember, Design, Film, Kind, Scene

CASES = [
    (
        "a shy silver robot with a red scarf",
        Kind.robot,
        {"scarf"},
        None,
        {"body_color": "#c4cad4", "accent_color": "#d23c3c"},
    ),
    ("a little girl in a blue dress", Kind.human, set(), "dress", {"outfit_color": "#3a78d0"}),
    (
        "a fox with golden fur and a green coat",
        Kind.fox,
        set(),
        "coat",
        {"body_color": "#e8b030", "outfit_color": "#4caa50"},
    ),
    ("a wise old owl who wears glasses", Kind.owl, {"glasses"}, None, {}),
    ("a grumpy troll under the bridge", Kind.monster, set(), None, {}),
    (
        "a tiny mouse in yellow overalls with a backpack",
        Kind.mouse,
        {"backpack"},
        "overalls",
        {"outfit_color": "#f2cc3a"},
    ),
    ("a brave knight in shining armor and a purple cape", Kind.human, {"cape"}, "armor", {}),
    (
        "a fluffy white bunny with a pink bow",
        Kind.rabbit,
        {"bow"},
        None,
        {"body_color": "#f6f4f0", "accent_color": "#f08cb4"},
    ),
    ("a huge green dragon", Kind.dragon, set(), None, {"body_color": "#4caa50"}),
    ("a friendly puppy with a blue collar and a hat", Kind.dog, {"hat"}, None, {}),
    ("a sleepy orange cat", Kind.cat, set(), None, {"body_color": "#f08a2c"}),
    ("a honey bear who loves picnics", Kind.bear, set(), None, {}),
    ("a woman with red hair and a wizard's robe", Kind.human, set(), "robe", {"accent_color": "#d23c3c"}),
]


@pytest.mark.parametrize(("text", "kind", "accessories", "outfit", "colours"), CASES)
def test_the_design_follows_the_description(
    text: str, kind: Kind, accessories: set[str], outfit: str | None, colours: dict[str, str]
) -> None:
    assert identity_of(text)["kind"] is kind
    design = design_from_text(text, seed=11)  # no kind given: the words decide it, as for an older document
    assert design == design_from_text(text, seed=11, kind=kind, age=identity_of(text).get("age"))
    assert accessories <= set(design.accessories)
    if outfit is not None:
        assert design.outfit == outfit
    for field, value in colours.items():
        assert getattr(design, field) == value, field


def test_sizes_follow_size_words() -> None:
    tall = design_from_text("a tall man", seed=1)
    tiny = design_from_text("a tiny man", seed=1)
    stout = design_from_text("a stout man", seed=1)
    plain = design_from_text("a man", seed=1)
    assert tall.height > plain.height > tiny.height
    assert stout.build > plain.build
    assert design_from_text("a mouse", seed=1).height < design_from_text("a bear", seed=1).height


def test_the_role_fills_in_what_the_description_leaves_open() -> None:
    king = design_from_text("a kind old man", role="king", seed=2)
    assert "crown" in king.accessories
    assert identity_of("Whiskers is curious", name="Whiskers the cat")["kind"] is Kind.cat


def test_the_same_words_and_seed_give_the_same_design_and_seeds_vary_the_rest() -> None:
    assert design_from_text("a cheerful kid", seed=4) == design_from_text("a cheerful kid", seed=4)
    looks = {design_from_text("a cheerful kid", seed=s).model_dump_json(exclude={"seed"}) for s in range(8)}
    assert len(looks) >= 6


def film(*members: CastMember, seed: int = 3) -> Film:
    return Film(title="Tale", seed=seed, cast=list(members), scenes=[Scene(id="s1", number=1, duration=5)])


def test_the_offline_designer_is_a_character_designer_that_designs_everyone() -> None:
    designer = OfflineDesigner()
    assert isinstance(designer, CharacterDesigner) and designer.name == "builtin"
    story = film(
        CastMember(id="bolt", name="Bolt", description="a shy silver robot with a red scarf"),
        CastMember(id="mia", name="Mia", description="a girl in a blue dress"),
    )
    designed = designer.design(story)
    assert story.cast[0].design is None, "the input film is not changed"
    bolt, mia = designed.cast
    assert bolt.kind is Kind.robot, "a member that never said its kind gets the one its words name"
    assert bolt.design is not None and "scarf" in bolt.design.accessories
    assert mia.design is not None and mia.design.outfit == "dress"
    assert designer.design(story) == designed, "deterministic"


def test_existing_designs_are_kept_unless_regenerated() -> None:
    mine = Design(body_color="#123456")
    story = film(
        CastMember(id="rex", name="Rex", kind=Kind.dragon, description="a red cat", design=mine),
        CastMember(id="tom", name="Tom", description="a sleepy orange cat with a green hat"),
    )
    designer = OfflineDesigner()
    designed = designer.design(story)
    assert designed.cast[0].design == mine
    tom = designed.cast[1].design
    assert tom is not None
    again = designer.design(designed, only={"tom"})
    assert again.cast[0].design == mine and again.cast[0].kind is Kind.dragon, "members not in `only` are left alone"
    new_tom = again.cast[1].design
    assert new_tom is not None and new_tom != tom, "a regeneration gives a new look"
    assert again.cast[1].kind is Kind.cat and new_tom.body_color == tom.body_color == "#f08a2c"
    assert "hat" in new_tom.accessories


def test_seeds_do_not_depend_on_pythons_hash_randomisation() -> None:
    code = (
        "import json;from render_farm.ai.offline.designer import OfflineDesigner;"
        "from render_farm.film.spec import *;"
        "f=Film(title='t',seed=9,cast=[CastMember(id='ann',name='Ann')],scenes=[Scene(id='s',number=1,duration=5)]);"
        "print(OfflineDesigner().design(f).cast[0].design.model_dump_json())"
    )
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        outputs.add(json.dumps(json.loads(result.stdout), sort_keys=True))
    assert len(outputs) == 1


def test_an_animal_with_a_human_role_stays_an_animal() -> None:
    assert identity_of("a big stout brown bear", role="king")["kind"] is Kind.bear
    bear = design_from_text("a big stout brown bear", role="king", seed=5)
    assert bear.body_color == "#8a5a36" and bear.outfit == "robe"
    assert "crown" in bear.accessories


@pytest.mark.parametrize(
    ("text", "accessory", "colour"),
    [
        ("a girl with red hair and a blue scarf", "scarf", "#3a78d0"),
        ("a boy in a green shirt with a yellow hat", "hat", "#f2cc3a"),
        ("a fluffy white bunny with a pink bow", "bow", "#f08cb4"),
    ],
)
def test_a_coloured_accessory_sets_the_accessory_colour(text: str, accessory: str, colour: str) -> None:
    design = design_from_text(text, seed=11)
    assert accessory in design.accessories
    assert design.accessory_color == colour


def test_red_hair_and_a_blue_scarf_keep_their_own_colours() -> None:
    design = design_from_text("a girl with red hair and a blue scarf", seed=3)
    assert design.accent_color == "#d23c3c" and design.accessory_color == "#3a78d0"


def test_without_a_coloured_accessory_the_accessory_colour_is_left_to_the_rig() -> None:
    assert design_from_text("a girl with red hair and a scarf", seed=3).accessory_color is None
    assert design_from_text("a boy in a green shirt", seed=3).accessory_color is None
    # glasses keep their own frame colour, so "red glasses" do not colour the hat
    assert design_from_text("a cat with red glasses and a hat", seed=3).accessory_color is None
