"""Undo commands on a document: the film stays valid, and undo gives back exactly what was there."""

from __future__ import annotations

import pytest

from aistudio_desktop.project import commands as c
from aistudio_desktop.project.document import ProjectDocument
from aistudio_desktop.project.timing import shortest_duration
from render_farm.film import NARRATOR, DialogueLine, Film, dumps


@pytest.fixture
def doc(qapp, film: Film) -> ProjectDocument:
    return ProjectDocument(film, "p1")


@pytest.fixture
def roomy(qapp, film: Film) -> ProjectDocument:
    """The film with every scene long enough for its lines, twice over: the fixture's scenes are written
    shorter, and a split scene's second half needs its own quiet before and after its lines."""
    scenes = [s.model_copy(update={"duration": max(s.duration, 2 * shortest_duration(film, s))}) for s in film.scenes]
    return ProjectDocument(film.model_copy(update={"scenes": scenes}), "p1")


def _all_lines(film: Film) -> list[tuple[str, str]]:
    return [(line.speaker, line.text) for scene in film.scenes for line in scene.dialogue]


def _undo_all(doc: ProjectDocument) -> None:
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()


@pytest.mark.parametrize("at", [None, 0, 1, 3, 4])
def test_split_keeps_all_dialogue_and_total_duration(roomy: ProjectDocument, at: int | None) -> None:
    doc = roomy
    before = doc.film
    command = c.SplitSceneCommand(doc, "forest-path", at)
    doc.push(command)
    film = doc.film
    assert len(film.scenes) == 7
    head, tail = film.scenes[2], film.scenes[3]
    assert (head.id, tail.id) == ("forest-path", command.new_id)
    assert _all_lines(film) == _all_lines(before)
    assert sum(s.duration for s in film.scenes) == pytest.approx(sum(s.duration for s in before.scenes))
    assert min(head.duration, tail.duration) >= 1.0
    assert [s.number for s in film.scenes] == list(range(1, 8))
    doc.undo_stack.undo()
    assert dumps(doc.film) == dumps(before)


def test_merge_keeps_all_dialogue_and_total_duration_and_undoes(roomy: ProjectDocument) -> None:
    doc = roomy
    before = doc.film
    doc.push(c.MergeScenesCommand(doc, "the-map", "forest-path"))
    merged = doc.scene("the-map")
    assert merged.duration == pytest.approx(before.scenes[1].duration + before.scenes[2].duration)
    assert merged.cast == ["pip", "bolt", "wren"]
    assert _all_lines(doc.film) == _all_lines(before)
    assert len(doc.film.scenes) == 5
    doc.undo_stack.undo()
    assert dumps(doc.film) == dumps(before)


def test_merge_refuses_scenes_that_are_not_neighbours(doc: ProjectDocument) -> None:
    assert "neighbouring" in (doc.try_push(c.MergeScenesCommand, "the-map", "home-again") or "")


def test_split_then_merge_gives_back_the_dialogue_and_duration(roomy: ProjectDocument) -> None:
    doc = roomy
    before = doc.scene("forest-path")
    split = c.SplitSceneCommand(doc, "forest-path", 2)
    doc.push(split)
    doc.push(c.MergeScenesCommand(doc, "forest-path", split.new_id))
    after = doc.scene("forest-path")
    assert (after.dialogue, after.duration, after.beats, after.cast) == (
        before.dialogue, before.duration, before.beats, before.cast,
    )  # fmt: skip


def test_delete_many_and_undo_restores_spec_exactly(doc: ProjectDocument) -> None:
    before = dumps(doc.film)
    doc.push(c.DeleteScenesCommand(doc, ["meadow-morning", "forest-path", "home-again"]))
    assert doc.scene_ids() == ["the-map", "river-crossing", "mountain-storm"]
    doc.undo_stack.undo()
    assert dumps(doc.film) == before
    doc.undo_stack.redo()
    assert len(doc.film.scenes) == 3


def test_deleting_every_scene_is_refused(doc: ProjectDocument) -> None:
    error = doc.try_push(c.DeleteScenesCommand, doc.scene_ids())
    assert error and "at least one scene" in error
    assert len(doc.film.scenes) == 6 and doc.undo_stack.count() == 0


def test_duplicates_get_new_unique_ids(doc: ProjectDocument) -> None:
    doc.push(c.DuplicateScenesCommand(doc, ["the-map", "home-again"]))
    doc.push(c.DuplicateScenesCommand(doc, ["the-map"]))
    ids = doc.scene_ids()
    assert len(ids) == len(set(ids)) == 9
    assert ids[1:4] == ["the-map", "the-map-copy-2", "the-map-copy"]
    assert doc.scene("the-map-copy").dialogue == doc.scene("the-map").dialogue


def test_removing_a_cast_member_gives_their_lines_to_the_narrator_and_undo_restores(doc: ProjectDocument) -> None:
    before = dumps(doc.film)
    wren_lines = [(s.id, i) for s in doc.film.scenes for i, ln in enumerate(s.dialogue) if ln.speaker == "wren"]
    changed: list[str] = []
    doc.sceneChanged.connect(changed.append)
    doc.push(c.RemoveCastMemberCommand(doc, "wren"))
    film = doc.film
    assert [m.id for m in film.cast] == ["pip", "bolt"]
    assert all("wren" not in s.cast for s in film.scenes)
    assert all(doc.scene(sid).dialogue[i].speaker == NARRATOR for sid, i in wren_lines)
    assert set(changed) == {"forest-path", "river-crossing", "mountain-storm"}
    doc.undo_stack.undo()
    assert dumps(doc.film) == before


def test_cast_edits_add_and_regenerate(doc: ProjectDocument) -> None:
    before = dumps(doc.film)
    for text in ("P", "Pi", "Pipp"):
        doc.push(c.EditCastMemberCommand(doc, "pip", name=text))
    assert doc.undo_stack.count() == 1  # typing a name is one step
    doc.push(c.EditCastMemberCommand(doc, "pip", personality=["brave", "curious"]))
    add = c.AddCastMemberCommand(doc, "Old Owl", description="a wise old owl")
    doc.push(add)
    assert add.member_id == "old-owl" and doc.member("old-owl").name == "Old Owl"
    seed = doc.member("bolt").design.seed
    doc.push(c.RegenerateLookCommand(doc, "bolt"))
    assert doc.member("bolt").design.seed != seed
    _undo_all(doc)
    assert dumps(doc.film) == before


def test_dialogue_line_commands_and_typing_merge(doc: ProjectDocument) -> None:
    before = dumps(doc.film)
    doc.push(c.AddDialogueLineCommand(doc, "home-again", DialogueLine(speaker="pip", text="Hi"), 0))
    for text in ("Hi!", "Hi! I'm", "Hi! I'm home"):
        doc.push(c.EditDialogueLineCommand(doc, "home-again", 0, text=text))
    doc.push(c.EditDialogueLineCommand(doc, "home-again", 0, emotion="happy"))
    doc.push(c.MoveDialogueLineCommand(doc, "home-again", 0, 1))
    lines = doc.scene("home-again").dialogue
    assert [(ln.speaker, ln.text, ln.emotion.value) for ln in lines][1] == ("pip", "Hi! I'm home", "happy")
    assert doc.undo_stack.count() == 4
    doc.push(c.RemoveDialogueLineCommand(doc, "home-again", 1))
    _undo_all(doc)
    assert dumps(doc.film) == before


def test_typing_merges_per_field_but_choices_do_not(doc: ProjectDocument) -> None:
    for text in ("A", "Ab", "Abc"):
        doc.push(c.EditSceneCommand(doc, "the-map", typing=True, title=text))
    doc.push(c.EditSceneCommand(doc, "the-map", shot="close"))
    doc.push(c.EditSceneCommand(doc, "the-map", shot="wide"))
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.scene("the-map").title == "The old map"


def test_every_edit_announces_what_changed(doc: ProjectDocument) -> None:
    events: list[str] = []
    doc.sceneChanged.connect(lambda sid: events.append(f"scene:{sid}"))
    doc.scenesReordered.connect(lambda: events.append("order"))
    doc.castChanged.connect(lambda mid: events.append(f"cast:{mid}"))
    doc.edited.connect(lambda: events.append("edited"))
    doc.push(c.EditSceneCommand(doc, "the-map", title="X"))
    doc.push(c.MoveScenesCommand(doc, ["home-again"], 0))
    doc.push(c.EditCastMemberCommand(doc, "bolt", role="mentor"))
    assert events[:4] == ["scene:the-map", "edited", "order", "edited"]
    assert "cast:bolt" in events and events[-1] == "edited"
