"""Who a character is, from plain words: the built-in writers give each member a kind, age and gender."""

from __future__ import annotations

import pytest

from render_farm.ai.offline.designer import OfflineDesigner
from render_farm.ai.offline.identity import identity_of, with_identity
from render_farm.ai.offline.story import OfflineStoryWriter
from render_farm.ai.protocols import BreakdownRequest
from render_farm.film import KIND_SIZE, Age, CastMember, Film, Gender, Kind, Scene


@pytest.mark.parametrize(
    ("text", "kind", "age", "gender"),
    [
        ("a grumpy old goat", Kind.goat, Age.elder, None),
        ("a cheerful duckling", Kind.duck, Age.child, None),
        ("a kind grandmother with silver hair", Kind.human, Age.elder, Gender.female),
        ("a grandfather who tells stories", Kind.human, Age.elder, Gender.male),
        ("a little girl in a blue dress", Kind.human, Age.child, Gender.female),
        ("a young boy with a kite", Kind.human, Age.child, Gender.male),
        ("a teenage knight", Kind.human, Age.teen, None),
        ("a woman who bakes bread", Kind.human, None, Gender.female),
        ("a girl and her dog", Kind.human, Age.child, Gender.female),
        ("a shy polar bear", Kind.polar_bear, None, None),
        ("a baby dragon", Kind.dragon, Age.child, None),
        ("a young fox", Kind.fox, Age.child, None),
        ("a lion cub", Kind.lion, Age.child, None),
        ("a sleepy kitten", Kind.cat, Age.child, None),
        ("a wise owl", Kind.owl, None, None),
        ("a pirate cat with an eye patch", Kind.cat, None, None),
        ("the king and the queen", Kind.human, None, None),  # both genders: the words do not say one
        ("someone nobody knows", Kind.human, None, None),
    ],
)
def test_plain_words_say_the_kind_age_and_gender(text: str, kind: Kind, age: Age | None, gender: Gender | None) -> None:
    found = identity_of(text)
    assert found["kind"] is kind
    assert found.get("age") is age
    assert found.get("gender") is gender


def test_the_description_decides_the_kind_and_a_name_or_role_only_when_it_names_none() -> None:
    assert identity_of("a brave knight", name="Fox")["kind"] is Kind.human
    assert identity_of("curious and kind", name="Pip the penguin")["kind"] is Kind.penguin
    assert identity_of("curious and kind", role="robot")["kind"] is Kind.robot


def test_what_a_member_said_is_kept_and_only_what_it_never_said_is_read_from_its_words() -> None:
    told = CastMember(id="gus", name="Gus", kind=Kind.goat, description="a grumpy old man")
    kept = with_identity(told)
    assert kept.kind is Kind.goat, "the writer's kind is never second-guessed"
    assert kept.age is Age.elder and kept.gender is Gender.male
    untold = with_identity(CastMember(id="dot", name="Dot", description="a cheerful duckling"))
    assert (untold.kind, untold.age) == (Kind.duck, Age.child)


def _film(*members: CastMember) -> Film:
    return Film(title="t", cast=list(members), scenes=[Scene(id="s", number=1, duration=5)])


def test_the_designer_designs_the_kind_the_member_is_not_the_kind_its_words_name() -> None:
    goat = CastMember(id="gus", name="Gus", kind=Kind.goat, description="a grumpy old man in a blue coat")
    designed = OfflineDesigner().design(_film(goat)).cast[0]
    assert designed.kind is Kind.goat
    assert designed.design is not None
    # a goat's height, not a man's, and its looks still follow the words
    assert designed.design.height < KIND_SIZE[Kind.human] * 0.95
    assert designed.design.outfit == "coat"


def test_a_child_is_designed_smaller_than_an_adult_of_the_same_kind() -> None:
    adult = CastMember(id="a", name="A", kind=Kind.duck, age=Age.adult)
    child = CastMember(id="a", name="A", kind=Kind.duck, age=Age.child)
    heights = [OfflineDesigner().design(_film(m)).cast[0].design.height for m in (adult, child)]  # type: ignore[union-attr]
    assert heights[1] < heights[0]


def test_the_built_in_writer_says_what_each_member_is() -> None:
    film = OfflineStoryWriter().breakdown(BreakdownRequest("a shy robot learns to dance at the harvest festival"))
    hero = film.cast[0]
    assert hero.kind is Kind.robot
    for member in film.cast:
        assert "kind" in member.model_fields_set, f"{member.name}: the writer decides the kind"
        assert member.kind is identity_of(member.description, name=member.name, role=member.role)["kind"]
