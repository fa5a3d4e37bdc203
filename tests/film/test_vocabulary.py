"""Spec version 3: the vocabulary, who each member is, props and stage actions, and version 2 files opening."""

from __future__ import annotations

import ast
import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import render_farm.film.vocabulary as vocabulary
from render_farm.film import (
    HANDHELD,
    INTERIORS,
    KIND_SIZE,
    NARRATOR,
    SCHEMA_VERSION,
    Action,
    Age,
    CastMember,
    Costume,
    Design,
    DialogueLine,
    Film,
    FilmSpecError,
    Gender,
    Kind,
    Place,
    Prop,
    Scene,
    SceneProp,
    Season,
    Setting,
    StageAction,
    TimeOfDay,
    Weather,
    dumps,
    json_schema,
    load,
    loads,
    migrate,
)

V2 = Path(__file__).parent / "v2"


# -- the vocabulary ---------------------------------------------------------------------------------


def test_the_vocabulary_is_as_big_as_the_stories_people_type() -> None:
    assert len(Kind) >= 40 and {"goat", "duck", "elephant", "ghost", "caterpillar"} <= set(Kind)
    assert len(Place) >= 30 and len(INTERIORS) >= 10 and set(Place) > INTERIORS
    assert Place.bakery in INTERIORS and Place.harbour not in INTERIORS and Place.room in INTERIORS
    assert len(Prop) >= 40 and len(Costume) >= 20
    assert {Weather.storm, Weather.snowstorm} <= set(Weather) and len(Season) == 4


def test_every_name_is_lower_snake_and_the_old_names_keep_their_meaning() -> None:
    for enum in (Kind, Age, Gender, Costume, Place, TimeOfDay, Weather, Season, Prop, Action):
        for member in enum:
            assert member.name == member.value and member.value.replace("_", "").isalpha() and member.islower()
    version_2_species = {"human", "cat", "dog", "fox", "rabbit", "bear", "mouse", "bird", "robot", "dragon", "monster"}
    assert version_2_species <= set(Kind)
    version_2_places = {"forest", "river", "village", "city_street", "room", "beach", "mountains", "space", "castle"}
    assert version_2_places | {"meadow"} <= set(Place)
    assert {"clear", "cloudy", "rain", "snow", "fog"} <= set(Weather)


def test_what_can_be_held_is_what_a_character_can_carry() -> None:
    assert set(Prop) > HANDHELD
    assert {Prop.kite, Prop.cake, Prop.letter, Prop.key, Prop.wand, Prop.seed, Prop.lantern} <= HANDHELD
    too_big = {Prop.windmill, Prop.tent, Prop.well, Prop.car, Prop.boat, Prop.fountain, Prop.bench, Prop.scarecrow}
    assert not too_big & HANDHELD


def test_every_kind_has_a_size_a_design_can_take_and_sizes_rank_as_in_life() -> None:
    assert set(KIND_SIZE) == set(Kind)
    for kind, size in KIND_SIZE.items():
        assert 0.45 <= size <= 1.5, kind
        Design(height=size)  # the layout's range is the design's range
    assert KIND_SIZE[Kind.human] == 1.0
    assert KIND_SIZE[Kind.ant] < KIND_SIZE[Kind.mouse] < KIND_SIZE[Kind.human] < KIND_SIZE[Kind.elephant]
    assert KIND_SIZE[Kind.elephant] < KIND_SIZE[Kind.giraffe]


def test_the_vocabulary_needs_nothing_but_the_standard_library() -> None:
    tree = ast.parse(Path(vocabulary.__file__).read_text())
    imported = {
        (node.module or "").split(".")[0] if isinstance(node, ast.ImportFrom) else alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported - {"__future__"} <= set(sys.stdlib_module_names)


def test_the_json_schema_lists_the_new_words() -> None:
    schema = json_schema()
    defs = schema["$defs"]
    for enum in (Kind, Age, Gender, Costume, Place, Weather, Season, Prop, Action):
        assert defs[enum.__name__]["enum"] == [member.value for member in enum], enum.__name__
    assert {"kind", "age", "gender", "costume"} <= set(defs["CastMember"]["properties"])
    assert "species" not in defs["Design"]["properties"]
    assert {"props", "actions"} <= set(defs["Scene"]["properties"])
    assert "to" in defs["DialogueLine"]["properties"] and "season" in defs["Setting"]["properties"]
    assert schema["properties"]["schema_version"]["const"] == 3 == SCHEMA_VERSION


# -- validation ---------------------------------------------------------------------------------------


def staged() -> dict[str, Any]:
    """A valid version 3 document with props, actions and a line spoken to someone."""
    film = Film(
        title="The Windmill",
        cast=[
            CastMember(id="gus", name="Gus", kind=Kind.goat, age=Age.elder, gender=Gender.male),
            CastMember(id="dot", name="Dot", kind=Kind.duck, age=Age.child, costume=Costume.builder),
            CastMember(id="ann", name="Ann"),
        ],
        scenes=[
            Scene(
                id="s1",
                number=1,
                duration=8,
                cast=["gus", "dot"],
                setting=Setting(place=Place.farm, weather=Weather.storm, season=Season.autumn),
                props=[SceneProp(prop=Prop.windmill), SceneProp(prop=Prop.hammer, holder="gus", note="an old one")],
                dialogue=[
                    DialogueLine(speaker="gus", text="Hold this.", to="dot"),
                    DialogueLine(speaker=NARRATOR, text="Dot took it."),
                ],
                actions=[
                    StageAction(who="dot", action=Action.walk_in),
                    StageAction(who="gus", action=Action.give, line=0, target="dot", prop=Prop.hammer),
                    StageAction(who="dot", action=Action.point, line=1, prop=Prop.windmill),
                ],
            )
        ],
    )
    return json.loads(dumps(film))


def error_for(doc: dict[str, Any]) -> str:
    with pytest.raises(FilmSpecError) as info:
        loads(json.dumps(doc))
    return str(info.value)


def test_a_staged_scene_is_valid_and_survives_a_round_trip() -> None:
    film = loads(json.dumps(staged()))
    assert loads(dumps(film)) == film
    assert film.cast[0].kind is Kind.goat and film.scenes[0].props[1].holder == "gus"


BREAKS = [
    # (what to change, the field the message must start with, words it must hold)
    (lambda d: d["scenes"][0]["props"][1].update(holder="ann"), "scenes[0].props[1].holder:", "'ann' is not in"),
    (lambda d: d["scenes"][0]["props"][1].update(holder="bob"), "scenes[0].props[1].holder:", "'bob'"),
    (lambda d: d["scenes"][0]["props"][0].update(holder="gus"), "scenes[0].props[0].prop:", "windmill cannot be held"),
    (lambda d: d["scenes"][0]["actions"][0].update(who="ann"), "scenes[0].actions[0].who:", "'ann' is not in"),
    (lambda d: d["scenes"][0]["actions"][1].update(target="bob"), "scenes[0].actions[1].target:", "'bob'"),
    (lambda d: d["scenes"][0]["actions"][1].update(line=2), "scenes[0].actions[1].line:", "lines 0 to 1"),
    (lambda d: d["scenes"][0]["actions"][1].update(line=-1), "scenes[0].actions[1].line:", "greater than or equal"),
    (lambda d: d["scenes"][0]["actions"][1].update(prop=None), "scenes[0].actions[1].prop:", "give needs a prop"),
    (lambda d: d["scenes"][0]["actions"][1].update(prop="cake"), "scenes[0].actions[1].prop:", "not one of this"),
    (
        lambda d: d["scenes"][0]["actions"][1].update(action="hold", prop="windmill"),
        "scenes[0].actions[1].prop:",
        "windmill cannot be held",
    ),
    (lambda d: d["scenes"][0]["dialogue"][0].update(to="ann"), "scenes[0].dialogue[0].to:", "'ann' is not in"),
    (lambda d: d["scenes"][0]["dialogue"][0].update(to=NARRATOR), "scenes[0].dialogue[0].to:", "narrator"),
    (lambda d: d["scenes"][0]["props"].extend([{"prop": "apple"}] * 7), "scenes[0].props:", "at most 8"),
    (lambda d: d["cast"][0].update(kind="goblin"), "cast[0].kind:", "'goat'"),
    (lambda d: d["cast"][0].update(age="baby"), "cast[0].age:", "'child'"),
    (lambda d: d["scenes"][0]["props"][0].update(prop="spaceship"), "scenes[0].props[0].prop:", "'windmill'"),
    (lambda d: d["scenes"][0]["setting"].update(season="monsoon"), "scenes[0].setting.season:", "'autumn'"),
    (lambda d: d["cast"][1].update(design={"species": "duck"}), "cast[1].design.species:", "not permitted"),
    (lambda d: d["scenes"][0]["actions"][0].update(mood="happy"), "scenes[0].actions[0].mood:", "not permitted"),
]


@pytest.mark.parametrize(("change", "field", "words"), BREAKS)
def test_each_reference_that_does_not_resolve_is_refused_naming_the_field(change: Any, field: str, words: str) -> None:
    doc = staged()
    change(doc)
    message = error_for(doc)
    assert message.startswith(field), message
    assert words in message, message


def test_the_narrator_may_be_spoken_to_by_no_one_but_lines_to_no_one_are_fine() -> None:
    doc = staged()
    doc["scenes"][0]["dialogue"][0]["to"] = None
    assert loads(json.dumps(doc)).scenes[0].dialogue[0].to is None


def test_actions_other_than_give_and_hold_may_name_any_prop_or_none() -> None:
    doc = staged()
    doc["scenes"][0]["actions"].append({"who": "gus", "action": "wave", "target": "dot"})
    doc["scenes"][0]["actions"].append({"who": "gus", "action": "point", "prop": "rocket"})
    assert len(loads(json.dumps(doc)).scenes[0].actions) == 5


# -- version 2 documents ------------------------------------------------------------------------------

FIXTURE_STYLES: dict[str, dict[str, Any]] = {
    # the farm's small spec: one member designed, one not
    "farm": {
        "schema_version": 2,
        "title": "The Fox and the Moon",
        "cast": [
            {"id": "fox", "name": "Fern the Fox", "design": {"species": "fox"}},
            {"id": "owl", "name": "Olive", "voice": {"voice": "f2"}},
        ],
        "scenes": [
            {
                "id": "scene-1",
                "number": 1,
                "duration": 5.0,
                "cast": ["fox", "owl"],
                "dialogue": [{"speaker": "fox", "text": "Line 1."}, {"speaker": "narrator", "text": "And so."}],
            }
        ],
    },
    # the desktop's self-test: a member known only by its description
    "self-test": {
        "schema_version": 2,
        "title": "Self-test",
        "cast": [{"id": "pip", "name": "Pip", "description": "a small orange fox with a green scarf"}],
        "scenes": [
            {
                "id": "hello",
                "number": 1,
                "title": "Hello",
                "duration": 3.0,
                "cast": ["pip"],
                "setting": {"place": "forest", "time_of_day": "day"},
                "dialogue": [{"speaker": "pip", "text": "Hello, world!", "emotion": "happy"}],
            }
        ],
    },
    # the bare minimum: no cast at all
    "bare": {"schema_version": 2, "title": "x", "scenes": [{"id": "a", "number": 1, "duration": 3}]},
}
FIXTURE_STYLES.update({path.stem: json.loads(path.read_text()) for path in sorted(V2.glob("*.json"))})


def _without_species(doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    for member in doc.get("cast", []):
        if isinstance(member.get("design"), dict):
            member["design"].pop("species", None)
    return doc


def _contains(whole: Any, part: Any, where: str = "") -> None:
    """Every value in ``part`` is in ``whole`` at the same place."""
    if isinstance(part, dict):
        assert isinstance(whole, dict), where
        for key, value in part.items():
            assert key in whole, f"{where}.{key} was lost"
            _contains(whole[key], value, f"{where}.{key}")
    elif isinstance(part, list):
        assert isinstance(whole, list) and len(whole) == len(part), where
        for index, (w, p) in enumerate(zip(whole, part, strict=True)):
            _contains(w, p, f"{where}[{index}]")
    else:
        assert whole == part or (isinstance(part, float) and whole == pytest.approx(part)), f"{where}: {whole!r}"


@pytest.mark.parametrize("style", sorted(FIXTURE_STYLES))
def test_a_version_2_document_opens_with_its_species_as_the_members_kind_and_nothing_lost(style: str) -> None:
    v2 = FIXTURE_STYLES[style]
    film = loads(json.dumps(v2))
    assert film.schema_version == SCHEMA_VERSION == 3
    for member, old in zip(film.cast, v2.get("cast", []), strict=True):
        species = (old.get("design") or {}).get("species", "human")
        assert member.kind is Kind(species)
        assert (member.age, member.gender, member.costume) == (Age.adult, Gender.unspecified, Costume.none)
    for scene in film.scenes:
        assert scene.props == [] and scene.actions == []
    _contains(json.loads(dumps(film)), {k: v for k, v in _without_species(v2).items() if k != "schema_version"})


def test_the_real_version_2_files_cover_every_old_species() -> None:
    kinds = {member.kind for path in V2.glob("*.json") for member in load(path).cast}
    old = {"human", "cat", "dog", "fox", "rabbit", "bear", "mouse", "bird", "robot", "dragon", "monster"}
    assert {kind.value for kind in kinds} >= old


def test_a_member_without_a_design_leaves_its_kind_unsaid_for_the_designer_to_read() -> None:
    film = loads(json.dumps(FIXTURE_STYLES["self-test"]))
    assert film.cast[0].kind is Kind.human and "kind" not in film.cast[0].model_fields_set


def test_migration_is_mechanical_and_leaves_what_it_cannot_read_for_validation_to_name() -> None:
    doc = {"schema_version": 2, "title": "x", "cast": [{"id": "a", "name": "A", "design": {"species": "griffin"}}]}
    migrated = migrate(copy.deepcopy(doc))
    assert migrated["cast"][0] == {"id": "a", "name": "A", "kind": "griffin", "design": {}}
    assert error_for(doc).startswith("cast[0].kind:")
    assert error_for({"schema_version": 2, "title": "x", "scenes": "none"}).startswith("scenes:")
    assert error_for({"schema_version": 2, "title": "x", "cast": [5], "scenes": [7]}).startswith("cast[0]:")


def test_a_version_1_document_still_migrates_all_the_way() -> None:
    v1 = {
        "schema_version": 1,
        "title": "Old",
        "characters": [{"id": "ana", "name": "Ana", "design": {"species": "rabbit"}}],
        "scenes": [{"id": "a", "number": 1, "duration": 5, "location": "forest", "time": "night", "cast": ["ana"]}],
    }
    film = loads(json.dumps(v1))
    assert film.schema_version == 3 and film.cast[0].kind is Kind.rabbit
    assert film.scenes[0].setting.place is Place.forest and film.scenes[0].props == []


# -- any valid film -----------------------------------------------------------------------------------

ids = st.sampled_from(["ana", "bo", "cy", "dee", "eli"])
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    str.strip
)


@st.composite
def scenes(draw: st.DrawFn, cast: list[str], number: int) -> Scene:
    on_stage = draw(st.lists(st.sampled_from(cast), unique=True, max_size=4)) if cast else []
    someone = st.sampled_from(on_stage) if on_stage else st.none()
    lines = draw(
        st.lists(
            st.builds(
                DialogueLine,
                speaker=st.sampled_from([*on_stage, NARRATOR]),
                text=texts,
                to=st.one_of(st.none(), someone),
            ),
            max_size=4,
        )
    )
    props = draw(
        st.lists(
            st.one_of(
                st.builds(SceneProp, prop=st.sampled_from(sorted(Prop)), note=st.text(max_size=20)),
                st.builds(SceneProp, prop=st.sampled_from(sorted(HANDHELD)), holder=someone),
            ),
            max_size=8,
        )
    )
    held = sorted({p.prop for p in props} & HANDHELD)
    actions: list[StageAction] = []
    if on_stage:
        plain = [a for a in Action if a not in (Action.give, Action.hold)]
        for _ in range(draw(st.integers(0, 6))):
            action = draw(st.sampled_from(plain + ([Action.give, Action.hold] if held else [])))
            prop = draw(st.sampled_from(held)) if action in (Action.give, Action.hold) else None
            line = draw(st.one_of(st.none(), st.integers(0, len(lines) - 1))) if lines else None
            target = draw(st.one_of(st.none(), someone))
            actions.append(StageAction(who=draw(someone), action=action, line=line, target=target, prop=prop))
    setting = draw(
        st.builds(
            Setting,
            place=st.sampled_from(sorted(Place)),
            time_of_day=st.sampled_from(sorted(TimeOfDay)),
            weather=st.sampled_from(sorted(Weather)),
            season=st.one_of(st.none(), st.sampled_from(sorted(Season))),
        )
    )
    return Scene(
        id=f"s{number}",
        number=number,
        duration=draw(st.floats(1.0, 60.0)),
        cast=on_stage,
        setting=setting,
        dialogue=lines,
        props=props,
        actions=actions,
    )


@st.composite
def films(draw: st.DrawFn) -> Film:
    cast_ids = draw(st.lists(ids, unique=True, max_size=5))
    cast = [
        CastMember(
            id=member_id,
            name=member_id.title(),
            kind=draw(st.sampled_from(sorted(Kind))),
            age=draw(st.sampled_from(sorted(Age))),
            gender=draw(st.sampled_from(sorted(Gender))),
            costume=draw(st.sampled_from(sorted(Costume))),
            design=draw(st.one_of(st.none(), st.builds(Design, height=st.floats(0.45, 1.5)))),
        )
        for member_id in cast_ids
    ]
    count = draw(st.integers(1, 3))
    return Film(title=draw(texts), cast=cast, scenes=[draw(scenes(cast_ids, n + 1)) for n in range(count)])


@settings(max_examples=80, deadline=None)
@given(film=films())
def test_any_valid_version_3_film_survives_a_round_trip(film: Film) -> None:
    again = loads(dumps(film))
    assert again == film
    assert dumps(again) == dumps(film)
