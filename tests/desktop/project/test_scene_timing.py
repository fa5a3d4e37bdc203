"""A scene is never shorter than its lines: shortening is refused, edits that need more time lengthen it,
and a scene of the shortest allowed length keeps every line when the engine lays it out."""

from __future__ import annotations

import pytest

from aistudio_desktop.project import edits
from aistudio_desktop.project.timing import fits, shortest_duration
from render_farm.engine.presets import preset
from render_farm.engine.scene import SceneRenderer
from render_farm.film import DialogueLine, Film, FilmSpecError, Transition, TransitionKind


def _fitted(film: Film) -> Film:
    """The fixture film with each scene as long as its lines need (its scenes are written shorter)."""
    scenes = [s.model_copy(update={"duration": shortest_duration(film, s)}) for s in film.scenes]
    return film.model_copy(update={"scenes": scenes})


def test_shortening_a_scene_below_what_its_lines_need_is_refused_naming_the_length(film: Film) -> None:
    film = _fitted(film)
    scene = film.scenes[2]
    need = shortest_duration(film, scene)
    with pytest.raises(FilmSpecError) as refused:
        edits.edit_scene(film, scene.id, duration=need - 0.5)
    assert f"cannot be shorter than {need:g} s" in str(refused.value)
    assert "its 4 lines need that long" in str(refused.value)
    assert edits.edit_scene(film, scene.id, duration=need).scenes[2].duration == need


def test_a_scene_already_too_short_may_grow_but_not_shrink(film: Film) -> None:
    scene = film.scenes[0]  # 6 s for three lines that need about 9
    assert not fits(film, scene)
    assert edits.edit_scene(film, scene.id, duration=7.0).scenes[0].duration == 7.0
    with pytest.raises(FilmSpecError, match="cannot be shorter than"):
        edits.edit_scene(film, scene.id, duration=5.0)
    assert edits.edit_scene(film, scene.id, title="Dawn").scenes[0].duration == 6.0  # other edits leave it be


def test_a_new_or_longer_line_lengthens_a_full_scene_to_fit(film: Film) -> None:
    film = _fitted(film)
    scene = film.scenes[5]
    longer = edits.add_line(film, scene.id, DialogueLine(speaker="pip", text="And every day they flew kites together."))
    assert longer.scenes[5].duration > scene.duration and fits(longer, longer.scenes[5])
    typed = edits.edit_line(film, scene.id, 0, text=scene.dialogue[0].text + " The end, for now, of the story.")
    assert typed.scenes[5].duration > scene.duration and fits(typed, typed.scenes[5])


def test_a_slower_voice_lengthens_the_scenes_where_that_character_speaks(film: Film) -> None:
    film = _fitted(film)
    bolt = film.member("bolt")
    slower = edits.edit_member(film, "bolt", voice=bolt.voice.model_copy(update={"rate": 90}))
    for before, after in zip(film.scenes, slower.scenes, strict=True):
        speaks = any(line.speaker == "bolt" for line in before.dialogue)
        assert (after.duration > before.duration) == speaks, before.id
        assert fits(slower, after)


def test_a_longer_transition_in_lengthens_the_scene_it_would_crowd(film: Film) -> None:
    film = _fitted(film)
    scene = film.scenes[1]
    after = edits.edit_scene(film, scene.id, transition_in=Transition(kind=TransitionKind.crossfade, duration=2.0))
    assert after.scenes[1].transition_in.duration == 2.0
    assert after.scenes[1].duration > scene.duration and fits(after, after.scenes[1])


def test_splitting_a_scene_too_short_for_two_halves_gives_each_half_room_for_its_lines(film: Film) -> None:
    film = _fitted(film)
    after, _new_id = edits.split_scene(film, "forest-path", 2)
    head, tail = after.scenes[2], after.scenes[3]
    assert fits(after, head) and fits(after, tail)
    assert [line.text for line in head.dialogue + tail.dialogue] == [line.text for line in film.scenes[2].dialogue]


def test_a_scene_as_short_as_allowed_keeps_every_line_in_the_rendered_scene(film: Film, voice: object) -> None:
    """The estimate is the writers'; the engine lays out the real voice's speech inside it."""
    film = _fitted(film)
    renderer = SceneRenderer(film, preset("preview"), voice)  # type: ignore[arg-type]
    for index, scene in enumerate(film.scenes):
        layout = renderer.layout(index)
        assert len(layout.lines) == len(scene.dialogue)
        assert all(line.end <= scene.duration for line in layout.lines), scene.id
