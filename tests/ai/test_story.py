"""The built-in story writer: running time, cast, arc, the premise's words, determinism, pasted stories."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from render_farm import resources
from render_farm.ai.offline.story import OfflineStoryWriter
from render_farm.ai.offline.story_premise import parse_premise
from render_farm.ai.protocols import BreakdownRequest, ProviderError
from render_farm.film import NARRATOR, Film, Place, TimeOfDay, TransitionKind, dumps, film_from_dict

ACTS = ["setup", "inciting incident", "rising action", "climax", "resolution"]
LENGTHS = [15, 30, 60, 90, 180, 300, 600]
PREMISES = resources.read_text("samples/premises.txt").splitlines()

writer = OfflineStoryWriter()


def words_of(film: Film) -> str:
    return " ".join(line.text for scene in film.scenes for line in scene.dialogue).lower()


def check_film(film: Film, request: BreakdownRequest) -> None:
    """What every breakdown must be, whatever the prompt."""
    assert film_from_dict(film.model_dump(mode="json")) == film
    cast_ids = {m.id for m in film.cast}
    for scene in film.scenes:
        assert re.fullmatch(r"s\d{2}-[a-z0-9-]+", scene.id), scene.id
        assert scene.dialogue, f"{scene.id} has no lines"
        assert scene.setting is not None
        assert {line.speaker for line in scene.dialogue} <= cast_ids | {NARRATOR}
        speakers = {line.speaker for line in scene.dialogue} - {NARRATOR}
        assert speakers <= set(scene.cast), f"{scene.id}: a speaker is not on screen"
        assert len(scene.cast) <= 4
        assert scene.duration >= 4.0
        for line in scene.dialogue:
            assert "{" not in line.text and "}" not in line.text, line.text
            assert not re.search(r"\b(a|an|the) (a|an|the)\b", line.text.lower()), line.text
    assert len({m.voice.model_dump_json() for m in film.cast}) == len(film.cast), "two cast members sound the same"
    assert film.scenes[0].transition_in.kind is not TransitionKind.cut  # the film fades in
    assert [s.number for s in film.scenes] == list(range(1, len(film.scenes) + 1))
    assert (film.style, film.language, film.seed) == (request.style, request.language, request.seed)
    assert film.target_length == request.length


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("prompt", PREMISES)
def test_premise_breakdowns_run_within_15_percent_of_the_length_asked(prompt: str, length: int) -> None:
    request = BreakdownRequest(prompt=prompt, length=length, seed=length)
    film = writer.breakdown(request)
    check_film(film, request)
    assert abs(film.duration - length) <= 0.15 * length, f"{film.duration:.1f} s for {length} s"
    assert 2 <= len(film.cast) <= 5
    assert film.premise == prompt


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    adjective=st.sampled_from(["shy", "brave", "lonely", "clumsy", "old", "tiny", "grumpy", "curious", ""]),
    hero=st.sampled_from(["robot", "dragon", "girl", "fox", "bear", "wizard", "mouse", "astronaut", "cat", "pirate"]),
    goal=st.sampled_from(
        ["learns to dance", "wants to fly", "searches for a lost friend", "must save", "bakes a giant cake", "sings"]
    ),
    where=st.sampled_from(
        ["at the harvest festival", "in the city", "on the moon", "by the sea", "", "at the royal ball", "in a castle"]
    ),
    length=st.floats(min_value=15, max_value=600),
    seed=st.integers(min_value=0, max_value=2**31),
)
def test_any_premise_any_length_gives_a_sound_film_of_the_right_length(
    adjective: str, hero: str, goal: str, where: str, length: float, seed: int
) -> None:
    prompt = " ".join(part for part in ("a", adjective, hero, goal, where) if part)
    request = BreakdownRequest(prompt=prompt, length=length, seed=seed)
    film = writer.breakdown(request)
    check_film(film, request)
    assert abs(film.duration - length) <= 0.15 * length
    assert 2 <= len(film.cast) <= 5


@pytest.mark.parametrize("prompt", PREMISES[:8])
@pytest.mark.parametrize("length", [60, 180, 600])
def test_films_of_a_minute_or_more_tell_five_acts_in_order(prompt: str, length: int) -> None:
    film = writer.breakdown(BreakdownRequest(prompt=prompt, length=length))
    acts = [beat for scene in film.scenes for beat in scene.beats if beat in ACTS]
    assert list(dict.fromkeys(acts)) == ACTS
    assert acts == sorted(acts, key=ACTS.index)
    climax = [s for s in film.scenes if "climax" in s.beats]
    assert all(s.setting.time_of_day in (TimeOfDay.dusk, TimeOfDay.night) for s in climax)
    assert film.scenes[0].shot.value == "wide"
    kinds = {s.transition_in.kind for s in film.scenes[1:]}
    assert TransitionKind.cut in kinds or length < 90
    assert kinds - {TransitionKind.cut}, "acts should be marked by transitions"


@pytest.mark.parametrize(
    ("prompt", "must_say"),
    [
        ("a shy robot learns to dance at the harvest festival", ["dance", "harvest festival"]),
        ("a clumsy wizard tries to win the magic contest", ["win the magic contest"]),
        ("a grumpy troll learns to sing at the village fair", ["sing", "village fair"]),
        ("a little mouse wants to become a baker", ["become a baker"]),
        ("a lonely dragon searches for a friend in the city", ["search for a friend", "city"]),
        ("a nervous boy enters the school talent show", ["talent show"]),
    ],
)
@pytest.mark.parametrize("length", [30, 60, 180])
def test_the_premise_words_are_in_the_dialogue(prompt: str, must_say: list[str], length: int) -> None:
    film = writer.breakdown(BreakdownRequest(prompt=prompt, length=length))
    spoken = words_of(film)
    # a half-minute film has room for the goal; a longer one names the event or place and lets the cast say it
    for words in must_say if length >= 60 else must_say[:1]:
        assert words in spoken, f"{words!r} never said in a {length} s film"
    if length < 60:
        return
    characters = " ".join(line.text for s in film.scenes for line in s.dialogue if line.speaker != NARRATOR).lower()
    assert any(w.split()[-1] in characters for w in must_say), "the characters never talk about what they want"


def test_the_hero_comes_from_the_premise() -> None:
    film = writer.breakdown(BreakdownRequest(prompt="a shy robot learns to dance at the harvest festival"))
    hero = film.cast[0]
    assert hero.role == "protagonist"
    assert "shy" in hero.description and "robot" in hero.description and "shy" in hero.personality
    assert film.scenes[0].setting.place is Place.village
    assert "Robot" in film.title
    named = writer.breakdown(BreakdownRequest(prompt="a girl named Lily finds a map to a hidden treasure"))
    assert named.cast[0].name == "Lily" and named.cast[0].voice.voice.startswith("f")  # a girl's voice


def test_the_premise_reader_finds_goal_event_and_place() -> None:
    robot = parse_premise("a shy robot learns to dance at the harvest festival")
    assert (robot.kind, robot.adjectives, robot.goal, robot.core, robot.event) == (
        "robot",
        ["shy"],
        "learn to dance",
        "dance",
        "the harvest festival",
    )
    dragon = parse_premise("a lonely dragon searches for a friend in the city")
    assert dragon.place is Place.city_street and not dragon.has_event and dragon.quest  # not the sea in "searches"
    fisher = parse_premise("an old fisherman teaches his grandson to sail")
    assert fisher.forms("his", "himself")["goal_me"] == "teach my grandson to sail"
    assert fisher.forms("his", "himself")["goal_past"] == "taught his grandson to sail"


def test_the_same_request_gives_the_same_film_and_another_seed_another_story() -> None:
    request = BreakdownRequest(prompt="a brave astronaut repairs the space station", length=120, seed=7)
    first, again = writer.breakdown(request), OfflineStoryWriter().breakdown(request)
    assert dumps(first) == dumps(again)
    other = writer.breakdown(BreakdownRequest(prompt=request.prompt, length=120, seed=8))
    assert words_of(other) != words_of(first)


def test_different_premises_give_different_stories() -> None:
    texts = {words_of(writer.breakdown(BreakdownRequest(prompt=p, length=60))) for p in PREMISES}
    assert len(texts) == len(PREMISES)


@pytest.mark.parametrize("prompt", ["", "   \n\t "])
def test_an_empty_prompt_is_refused(prompt: str) -> None:
    with pytest.raises(ProviderError, match="empty"):
        writer.breakdown(BreakdownRequest(prompt=prompt))


@pytest.mark.parametrize("length", [0, 14.9, 600.5, -3, 3600])
def test_a_length_outside_the_range_is_refused(length: float) -> None:
    with pytest.raises(ProviderError, match="15 to 600 seconds"):
        writer.breakdown(BreakdownRequest(prompt="a shy robot", length=length))


def test_another_language_still_gives_a_valid_film_with_voices_in_it() -> None:
    local = OfflineStoryWriter()
    request = BreakdownRequest(prompt="un robot tímido aprende a bailar", length=45, language="es")
    film = local.breakdown(request)
    check_film(film, request)
    assert all(m.voice.language == "es" for m in film.cast) and film.narrator.language == "es"
    assert local.notes and "English" in local.notes[0]


STORY = resources.read_text("samples/stories/the-lost-cat.txt")
NARRATION = [
    "Mara lived at the edge of the forest, in a crooked house with a green door.",
    "She was a young witch with a long purple cloak.",
    "Tom shook his head.",
    "He was a baker's boy with flour on his blue apron.",
    "The next morning, they set off together.",
    "The path was wet and the air smelled of pine.",
    "At the castle, the cat sat on the highest wall.",
]


def test_a_pasted_story_keeps_the_authors_words_and_attributes_the_speech() -> None:
    request = BreakdownRequest(prompt=STORY, length=45)
    film = writer.breakdown(request)
    check_film(film, request)
    assert sorted(m.name for m in film.cast) == ["Mara", "Tom"]
    lines = [(line.speaker, line.text) for scene in film.scenes for line in scene.dialogue]
    spoken = [(who, text) for who, text in lines if who != NARRATOR]
    assert spoken == [
        ("mara", "Have you seen my cat?"),
        ("tom", "Not since yesterday."),
        ("mara", "I think I hear him!"),  # "she shouted": the woman of the two
        ("tom", "Where?"),
        ("mara", "There you are."),
    ]
    narration = " ".join(text for who, text in lines if who == NARRATOR)
    assert narration == " ".join(NARRATION)
    starts = [scene.dialogue[0].text for scene in film.scenes]
    assert len(film.scenes) == 3
    assert starts[1].startswith("The next morning") and starts[2].startswith("At the castle")
    assert film.scenes[0].setting.place is Place.forest and film.scenes[2].setting.place is Place.castle
    emotions = {text: line.emotion.value for s in film.scenes for line in s.dialogue for text in [line.text]}
    assert emotions["I think I hear him!"] == "excited" and emotions["There you are."] in ("scared", "thoughtful")
    assert "witch" in film.member("mara").description and "baker" in film.member("tom").description
    assert abs(film.duration - 45) <= 0.15 * 45


def test_a_pasted_story_longer_than_the_target_keeps_its_words_and_says_so() -> None:
    local = OfflineStoryWriter()
    film = local.breakdown(BreakdownRequest(prompt=STORY, length=15))
    assert " ".join(t for s in film.scenes for line in s.dialogue if line.speaker == NARRATOR for t in [line.text]) == (
        " ".join(NARRATION)
    )
    assert film.duration > 15 * 1.15
    assert local.notes and "longer" in local.notes[0]
