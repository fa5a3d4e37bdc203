"""The line-timing estimates the writers size scenes with and the timeline marks lines by."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from render_farm.film import CastMember, DialogueLine, Film, Scene
from render_farm.film.timing import LEAD, TAIL, estimated_line_starts, fit_length, line_seconds


def talking_film(durations: list[float], lines_per_scene: int) -> Film:
    return Film(
        title="Timing",
        cast=[CastMember(id="mara", name="Mara")],
        scenes=[
            Scene(
                id=f"s{index:02d}",
                number=index + 1,
                duration=duration,
                cast=["mara"],
                dialogue=[
                    DialogueLine(speaker="mara", text="The lantern is lit, and the road is long tonight.")
                    for _ in range(lines_per_scene)
                ],
            )
            for index, duration in enumerate(durations)
        ],
    )


def test_a_longer_line_takes_longer_to_say() -> None:
    assert line_seconds("Look at the moon tonight, my friend.") > line_seconds("Look!")
    assert line_seconds("Look at the moon tonight.", rate_wpm=120) > line_seconds("Look at the moon tonight.")


def test_lines_are_marked_one_after_another_from_the_scene_lead() -> None:
    film = talking_film([30.0], lines_per_scene=3)
    starts = estimated_line_starts(film, 0)
    assert starts[0] == pytest.approx(LEAD)
    assert starts == sorted(starts) and len(set(starts)) == 3


@given(
    durations=st.lists(st.floats(min_value=5, max_value=60), min_size=1, max_size=6),
    lines=st.integers(min_value=0, max_value=4),
    target=st.floats(min_value=15, max_value=600),
)
def test_fitting_the_length_never_leaves_a_scene_too_short_for_its_lines(
    durations: list[float], lines: int, target: float
) -> None:
    film = talking_film(durations, lines)
    fitted = fit_length(film, target)
    rate = film.cast[0].voice.rate
    need = LEAD + TAIL + sum(line_seconds(line.text, rate) for line in film.scenes[0].dialogue)
    for before, after in zip(film.scenes, fitted.scenes, strict=True):
        assert after.duration >= min(before.duration, need) - 0.01  # durations are kept to 1/100 s
        assert [line.text for line in after.dialogue] == [line.text for line in before.dialogue]


def test_a_film_with_room_to_spare_is_brought_to_the_length_asked_for() -> None:
    film = talking_film([20.0, 20.0, 20.0], lines_per_scene=1)
    assert fit_length(film, 45).duration == pytest.approx(45, rel=0.02)
    assert fit_length(film, 90).duration == pytest.approx(90, rel=0.02)
