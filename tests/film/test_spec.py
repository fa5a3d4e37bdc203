"""The film spec: round trips, validation messages that name the field, migrations."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from render_farm.film import (
    NARRATOR,
    SCHEMA_VERSION,
    CastMember,
    DialogueLine,
    Film,
    FilmSpecError,
    Scene,
    Transition,
    TransitionKind,
    dumps,
    load,
    loads,
    save,
)


def small_film() -> Film:
    return Film(
        title="The Lantern",
        cast=[CastMember(id="mara", name="Mara"), CastMember(id="tom", name="Tom")],
        scenes=[
            Scene(
                id="s01",
                number=1,
                duration=6,
                cast=["mara", "tom"],
                dialogue=[DialogueLine(speaker="mara", text="Look!"), DialogueLine(speaker=NARRATOR, text="She ran.")],
            ),
            Scene(id="s02", number=2, duration=5, transition_in=Transition(kind=TransitionKind.crossfade, duration=1)),
        ],
    )


def test_json_round_trip_is_lossless() -> None:
    film = small_film()
    assert loads(dumps(film)) == film
    assert json.loads(dumps(film))["schema_version"] == SCHEMA_VERSION


def test_running_time_subtracts_transition_overlaps() -> None:
    assert small_film().duration == pytest.approx(10.0)


def error_for(doc: dict) -> str:
    with pytest.raises(FilmSpecError) as info:
        loads(json.dumps(doc))
    return str(info.value)


def test_invalid_duration_names_the_field() -> None:
    doc = json.loads(dumps(small_film()))
    doc["scenes"][1]["duration"] = 0
    assert error_for(doc).startswith("scenes[1].duration:")


def test_unknown_speaker_names_the_line() -> None:
    doc = json.loads(dumps(small_film()))
    doc["scenes"][0]["dialogue"][0]["speaker"] = "bob"
    assert "scenes[0].dialogue[0].speaker" in error_for(doc)
    assert "'bob'" in error_for(doc)


def test_unknown_field_is_rejected_not_ignored() -> None:
    doc = json.loads(dumps(small_film()))
    doc["scenes"][0]["durration"] = 3
    assert "scenes[0].durration" in error_for(doc)


def test_bad_colour_in_design_names_the_field() -> None:
    doc = json.loads(dumps(small_film()))
    doc["cast"][0]["design"] = {"body_color": "red"}
    assert "cast[0].design.body_color" in error_for(doc)


def test_scene_numbers_must_follow_order() -> None:
    doc = json.loads(dumps(small_film()))
    doc["scenes"][1]["number"] = 5
    assert "scenes[1].number" in error_for(doc)


def test_broken_json_says_where() -> None:
    with pytest.raises(FilmSpecError, match="line 1"):
        loads('{"title": ')


def test_newer_schema_version_asks_for_an_update() -> None:
    doc = json.loads(dumps(small_film()))
    doc["schema_version"] = SCHEMA_VERSION + 1
    assert "update AI Studio" in error_for(doc)


def test_version_1_document_is_migrated_on_load() -> None:
    v1 = {
        "schema_version": 1,
        "title": "Old",
        "characters": [{"id": "ana", "name": "Ana"}],
        "scenes": [
            {"id": "a", "number": 1, "duration": 5, "location": "forest", "time": "night", "cast": ["ana"]},
            {"id": "b", "number": 2, "duration": 5, "location": "beach", "transition": "crossfade"},
        ],
    }
    film = loads(json.dumps(v1))
    assert film.schema_version == SCHEMA_VERSION
    assert film.cast[0].name == "Ana"
    assert film.scenes[0].setting.place.value == "forest"
    assert film.scenes[0].setting.time_of_day.value == "night"
    assert film.scenes[1].transition_in.kind is TransitionKind.crossfade
    assert film.scenes[1].transition_in.duration > 0


def test_save_is_atomic_and_load_reads_it_back(tmp_path) -> None:
    path = tmp_path / "film.json"
    save(small_film(), path)
    assert load(path) == small_film()
    assert [p.name for p in tmp_path.iterdir()] == ["film.json"]


def test_load_of_missing_file_is_a_spec_error(tmp_path) -> None:
    with pytest.raises(FilmSpecError, match="no such file"):
        load(tmp_path / "nope.json")


def test_renumbered_follows_order_after_a_reorder() -> None:
    film = small_film()
    first, second = film.scenes
    swapped = film.model_copy(update={"scenes": [second.model_copy(update={"transition_in": Transition()}), first]})
    fixed = swapped.renumbered()
    assert [s.number for s in fixed.scenes] == [1, 2]
    assert [s.id for s in fixed.scenes] == ["s02", "s01"]


words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip()
)


@settings(max_examples=60, deadline=None)
@given(
    title=words,
    texts=st.lists(words, min_size=0, max_size=5),
    durations=st.lists(st.floats(min_value=1.0, max_value=600.0, allow_nan=False), min_size=1, max_size=6),
)
def test_any_valid_film_survives_a_round_trip(title: str, texts: list[str], durations: list[float]) -> None:
    film = Film(
        title=title[:200],
        cast=[CastMember(id="hero", name="Hero")],
        scenes=[
            Scene(
                id=f"s{i}",
                number=i + 1,
                duration=d,
                dialogue=[DialogueLine(speaker="hero", text=t) for t in texts],
            )
            for i, d in enumerate(durations)
        ],
    )
    assert loads(dumps(film)) == film
