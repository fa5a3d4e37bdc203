"""Edits keep a film's staging (props, stage actions, whom lines address) consistent with its lines and cast.

Each edit is checked on its own, then random sequences of edits: the film stays valid after every
step, and every stage action is still on the line it was on (or gone with that line, or with the
character who did it).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aistudio_desktop.project import edits
from render_farm.film import (
    NARRATOR,
    Action,
    CastMember,
    DialogueLine,
    Film,
    FilmSpecError,
    Prop,
    Scene,
    SceneProp,
    StageAction,
    dumps,
    loads,
)

Signature = tuple[str, str, str | None, str | None, str | None]
NUMBERS = itertools.count()


def staged_film() -> Film:
    """Three characters in three long scenes, each with props, actions on its lines and lines said to someone."""

    def line(speaker: str, text: str, to: str | None = None) -> DialogueLine:
        return DialogueLine(speaker=speaker, text=text, to=to)

    scenes = [
        Scene(
            id="kite", number=1, duration=40.0, cast=["pip", "bolt"],
            props=[SceneProp(prop=Prop.kite, holder="pip"), SceneProp(prop=Prop.tree_sapling)],
            dialogue=[line("pip", "a1 Look at my kite.", to="bolt"), line("bolt", "a2 It is red."),
                      line(NARRATOR, "a3 The wind rose."), line("pip", "a4 Hold it for me.", to="bolt")],
            actions=[StageAction(who="pip", action=Action.wave, target="bolt"),
                     StageAction(who="pip", action=Action.point, line=0),
                     StageAction(who="bolt", action=Action.nod, line=1, target="pip"),
                     StageAction(who="pip", action=Action.give, line=3, target="bolt", prop=Prop.kite)],
        ),
        Scene(
            id="cake", number=2, duration=40.0, cast=["bolt", "wren"],
            props=[SceneProp(prop=Prop.cake, holder="wren"), SceneProp(prop=Prop.lantern, holder="bolt")],
            dialogue=[line("wren", "b1 I baked a cake.", to="bolt"), line("bolt", "b2 For me?", to="wren"),
                      line("wren", "b3 For all of us.")],
            actions=[StageAction(who="wren", action=Action.walk_in),
                     StageAction(who="wren", action=Action.hold, line=0, prop=Prop.cake),
                     StageAction(who="bolt", action=Action.jump, line=1),
                     StageAction(who="wren", action=Action.hug, line=2, target="bolt")],
        ),
        Scene(
            id="home", number=3, duration=40.0, cast=["pip", "bolt", "wren"],
            props=[SceneProp(prop=Prop.book, holder="bolt")],
            dialogue=[line("pip", "c1 Home at last.", to="wren"), line("wren", "c2 Tea, anyone?"),
                      line("bolt", "c3 Yes please.", to="wren")],
            actions=[StageAction(who="pip", action=Action.sit, line=0),
                     StageAction(who="bolt", action=Action.cheer, line=2, target="wren")],
        ),
    ]  # fmt: skip
    cast = [CastMember(id=i, name=i.capitalize()) for i in ("pip", "bolt", "wren")]
    return Film(title="Staged", cast=cast, scenes=scenes)


def signatures(scenes: list[Scene]) -> Counter[Signature]:
    """Each action as who, what, at whom, with what, and the text of its line (None: the scene's start)."""
    found: Counter[Signature] = Counter()
    for scene in scenes:
        for action in scene.actions:
            text = None if action.line is None else scene.dialogue[action.line].text
            found[(action.who, action.action.value, action.target, action.prop and action.prop.value, text)] += 1
    return found


def without(found: Counter[Signature], gone: str) -> Counter[Signature]:
    """``found`` once ``gone`` has left: their own actions dropped, the ones aimed at them aimed at no one."""
    kept: Counter[Signature] = Counter()
    for (who, action, target, prop, text), n in found.items():
        if who != gone:
            kept[(who, action, None if target == gone else target, prop, text)] += n
    return kept


def check_valid(film: Film) -> None:
    """What the edit returned is a film the spec accepts as written (not only as built)."""
    assert loads(dumps(film)) == film


# -- one edit at a time -------------------------------------------------------------------------------


def test_removing_a_line_drops_its_actions_and_keeps_the_rest_on_their_lines() -> None:
    film = staged_film()
    after = edits.remove_line(film, "kite", 1)
    check_valid(after)
    kite = after.scenes[0]
    assert [line.text for line in kite.dialogue] == ["a1 Look at my kite.", "a3 The wind rose.", "a4 Hold it for me."]
    nod = ("bolt", "nod", "pip", None, "a2 It is red.")
    assert signatures([kite]) == signatures([film.scenes[0]]) - Counter({nod: 1})
    give = next(a for a in kite.actions if a.action is Action.give)
    assert kite.dialogue[give.line or 0].text == "a4 Hold it for me."


def test_adding_and_moving_lines_moves_each_action_with_its_line() -> None:
    film = staged_film()
    after = edits.add_line(film, "kite", DialogueLine(speaker="bolt", text="new line"), 0)
    after = edits.move_line(after, "kite", 4, 1)
    check_valid(after)
    assert [line.text[:2] for line in after.scenes[0].dialogue] == ["ne", "a4", "a1", "a2", "a3"]
    assert signatures(after.scenes) == signatures(film.scenes)


@pytest.mark.parametrize("cut", [0, 1, 2, 3, 4])
def test_splitting_a_scene_sends_each_action_to_the_half_with_its_line(cut: int) -> None:
    film = staged_film()
    after, new_id = edits.split_scene(film, "kite", cut)
    check_valid(after)
    head, tail = after.scenes[0], after.scenes[1]
    assert tail.id == new_id
    assert signatures(after.scenes) == signatures(film.scenes)
    assert all(a.line is not None for a in tail.actions)  # what happens at the start stays at the start
    assert head.props == tail.props == film.scenes[0].props


def test_merging_scenes_keeps_each_action_on_its_line_and_the_second_start_with_its_first_line() -> None:
    film = staged_film()
    after = edits.merge_scenes(film, "kite", "cake")
    check_valid(after)
    merged = after.scenes[0]
    expected = signatures(film.scenes)
    expected[("wren", "walk_in", None, None, None)] -= 1
    expected[("wren", "walk_in", None, None, "b1 I baked a cake.")] += 1
    assert signatures(after.scenes) == +expected
    assert [p.prop for p in merged.props] == [Prop.kite, Prop.tree_sapling, Prop.cake, Prop.lantern]


def test_merging_refuses_more_props_than_a_scene_holds() -> None:
    film = staged_film()
    many = [SceneProp(prop=p) for p in (Prop.ball, Prop.bell, Prop.cup, Prop.drum, Prop.egg, Prop.flag)]
    crowded = edits.rebuild(film.scenes[0], props=[*film.scenes[0].props, *many])
    film = edits.rebuild(film, scenes=[crowded, *film.scenes[1:]])
    with pytest.raises(FilmSpecError, match="props: the merged scene would have 10 props"):
        edits.merge_scenes(film, "kite", "cake")


def test_removing_a_character_removes_their_actions_holds_and_the_lines_said_to_them() -> None:
    film = staged_film()
    after = edits.remove_member(film, "bolt")
    check_valid(after)
    for scene in after.scenes:
        assert all("bolt" not in (a.who, a.target) for a in scene.actions)
        assert all(p.holder != "bolt" for p in scene.props)
        assert all(line.to != "bolt" and line.speaker != "bolt" for line in scene.dialogue)
    assert signatures(after.scenes) == without(signatures(film.scenes), "bolt")
    assert after.scenes[1].props[1] == SceneProp(prop=Prop.lantern)  # set down in the scene, not gone


def test_taking_a_character_off_one_scene_clears_them_from_that_scene_only() -> None:
    film = staged_film()
    after = edits.edit_scene(film, "cake", cast=["bolt"])
    check_valid(after)
    cake = after.scenes[1]
    assert all(a.who != "wren" and a.target != "wren" for a in cake.actions)
    assert [p.holder for p in cake.props] == [None, "bolt"]
    assert cake.dialogue[1].to is None and cake.dialogue[0].speaker == "wren"  # she still speaks, off screen
    assert after.scenes[2] == film.scenes[2]


# -- any sequence of edits ----------------------------------------------------------------------------

Edit = Callable[[Film], Film]


@st.composite
def an_edit(draw: st.DrawFn, film: Film) -> tuple[str, Edit, Callable[[Film], Counter[Signature]]]:
    """An edit a user could make on ``film`` now, and the actions it should leave (as signatures)."""
    scenes = film.scenes
    s = draw(st.integers(0, len(scenes) - 1))
    scene = scenes[s]
    count = len(scene.dialogue)
    same = lambda _after: signatures(scenes)  # noqa: E731
    kind = draw(
        st.sampled_from(["add", "remove", "move", "split", "merge", "uncast", "forget", "delete", "copy", "reorder"])
    )
    if kind == "add":
        at = draw(st.integers(0, count))
        text = f"{scene.id} new {next(NUMBERS)}"  # every line's words its own, to follow it by them
        speaker = draw(st.sampled_from([NARRATOR, *(m.id for m in film.cast)]))
        return kind, lambda f: edits.add_line(f, scene.id, DialogueLine(speaker=speaker, text=text), at), same
    if kind == "remove" and count:
        row = draw(st.integers(0, count - 1))
        on_it = edits.rebuild(scene, actions=[a for a in scene.actions if a.line == row])
        kept = signatures(scenes) - signatures([on_it])
        return kind, lambda f: edits.remove_line(f, scene.id, row), lambda _a: kept
    if kind == "move" and count > 1:
        row, to = draw(st.integers(0, count - 1)), draw(st.integers(0, count - 1))
        return kind, lambda f: edits.move_line(f, scene.id, row, to), same
    if kind == "split":
        line = draw(st.none() | st.integers(0, count))
        return kind, lambda f: edits.split_scene(f, scene.id, line)[0], same
    if kind == "merge" and s + 1 < len(scenes):
        second = scenes[s + 1]
        expected = signatures(scenes)
        if second.dialogue:
            for (w, a, t, p, x), n in signatures([second]).items():
                if x is None:
                    expected[(w, a, t, p, None)] -= n
                    expected[(w, a, t, p, second.dialogue[0].text)] += n
        return kind, lambda f: edits.merge_scenes(f, scene.id, second.id), lambda _a: +expected
    if kind == "uncast" and scene.cast:
        gone = draw(st.sampled_from(scene.cast))
        others = Counter(signatures([x for x in scenes if x.id != scene.id]))
        here = without(signatures([scene]), gone)
        rest = [c for c in scene.cast if c != gone]
        return kind, lambda f: edits.edit_scene(f, scene.id, cast=rest), lambda _a: others + here
    if kind == "forget" and film.cast:
        gone = draw(st.sampled_from([m.id for m in film.cast]))
        kept = without(signatures(scenes), gone)
        return kind, lambda f: edits.remove_member(f, gone), lambda _a: kept
    if kind == "delete" and len(scenes) > 1:
        rest = Counter(signatures([x for x in scenes if x.id != scene.id]))
        return kind, lambda f: edits.delete_scenes(f, [scene.id]), lambda _a: rest
    if kind == "copy":
        more = signatures(scenes) + signatures([scene])
        return kind, lambda f: edits.duplicate_scenes(f, [scene.id])[0], lambda _a: more
    dest = draw(st.integers(0, len(scenes)))
    return "reorder", lambda f: edits.move_scenes(f, [scene.id], dest), same


REFUSALS = ("more than 8", "more than 40", "more than 6 characters", "too short to split", "more than the 600 s")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_sequence_of_edits_keeps_the_film_valid_and_each_action_on_its_line(data: st.DataObject) -> None:
    film = staged_film()
    for _ in range(data.draw(st.integers(1, 12))):
        kind, edit, expected = data.draw(an_edit(film))
        try:
            after = edit(film)
        except FilmSpecError as error:
            assert any(reason in str(error) for reason in REFUSALS), f"{kind}: {error}"
            continue
        check_valid(after)
        assert signatures(after.scenes) == expected(after), kind
        for scene in after.scenes:  # nothing names someone who is not there
            present = set(scene.cast)
            assert all({a.who} | ({a.target} - {None}) <= present for a in scene.actions)
            assert all(p.holder in present | {None} for p in scene.props)
            assert all(line.to in present | {None} for line in scene.dialogue)
        film = after
