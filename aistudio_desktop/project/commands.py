"""Undo commands: every user edit of a film is one of these, pushed on the document's stack.

Each command computes the edited film when it is made (with :mod:`aistudio_desktop.project.edits`,
so an invalid edit raises :class:`FilmSpecError` before anything is pushed) and keeps the
film before and after as snapshots. ``redo``/``undo`` hand the right snapshot to the document
with a :class:`Change` that says what moved, so the document can emit fine-grained signals.
Typing in one field of one scene or line merges into a single undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from aistudio_desktop.project import edits, staging
from render_farm.film import Design, DialogueLine, Film

if TYPE_CHECKING:
    from aistudio_desktop.project.document import ProjectDocument

# Command ids for merging (QUndoCommand.id); -1 means "never merge".
_MERGE_SCENE_FIELD = 1001
_MERGE_LINE_FIELD = 1002
_MERGE_MEMBER_FIELD = 1003


@dataclass(frozen=True)
class Change:
    """What an edit touched: scenes whose content changed, whether the list of scenes changed
    (order, or scenes added or removed), cast members changed, and scenes to select afterwards."""

    scenes: tuple[str, ...] = ()
    order: bool = False
    members: tuple[str, ...] = ()
    select: tuple[str, ...] = ()


class FilmCommand(QUndoCommand):
    """A snapshot command: ``before`` and ``after`` films and the change between them."""

    def __init__(
        self,
        document: ProjectDocument,
        text: str,
        after: Film,
        change: Change,
        *,
        undo_select: Sequence[str] = (),
        merge_key: tuple[Any, ...] | None = None,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.before = document.film
        self.after = after
        self.change = change
        self.undo_select = tuple(undo_select) or change.select
        self.merge_key = merge_key

    def redo(self) -> None:
        self.document.apply(self.after, self.change, self.change.select)

    def undo(self) -> None:
        self.document.apply(self.before, self.change, self.undo_select)

    def id(self) -> int:
        return -1 if self.merge_key is None else int(self.merge_key[0])

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FilmCommand) or other.merge_key is None or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # typed and then typed back: no step at all
        return True


# -- scene content -----------------------------------------------------------------------------


class EditSceneCommand(FilmCommand):
    """Change fields of one scene (title, setting, beats, duration, shot, camera, transition, cast).

    ``typing=True`` marks a keystroke-sized step (typing a title, spinning a duration): such
    steps of the same fields of the same scene merge into one undo step.
    """

    def __init__(self, document: ProjectDocument, scene_id: str, *, typing: bool = False, **changes: Any) -> None:
        after = edits.edit_scene(document.film, scene_id, **changes)
        fields = tuple(sorted(changes))
        mergeable = typing
        name = ", ".join(f.replace("_in", "").replace("_", " ") for f in fields)
        super().__init__(
            document,
            f"Edit scene {name}",
            after,
            Change(scenes=(scene_id,)),
            merge_key=(_MERGE_SCENE_FIELD, scene_id, fields) if mergeable else None,
        )


class AddDialogueLineCommand(FilmCommand):
    def __init__(self, document: ProjectDocument, scene_id: str, line: DialogueLine, at: int | None = None) -> None:
        after = edits.add_line(document.film, scene_id, line, at)
        super().__init__(document, "Add dialogue line", after, Change(scenes=(scene_id,)))


class RemoveDialogueLineCommand(FilmCommand):
    def __init__(self, document: ProjectDocument, scene_id: str, row: int) -> None:
        after = edits.remove_line(document.film, scene_id, row)
        super().__init__(document, "Remove dialogue line", after, Change(scenes=(scene_id,)))


class EditDialogueLineCommand(FilmCommand):
    """Change the speaker, text or emotion of one line; typing the text merges into one step."""

    def __init__(self, document: ProjectDocument, scene_id: str, row: int, **changes: Any) -> None:
        after = edits.edit_line(document.film, scene_id, row, **changes)
        key = (_MERGE_LINE_FIELD, scene_id, row) if set(changes) == {"text"} else None
        super().__init__(document, "Edit dialogue line", after, Change(scenes=(scene_id,)), merge_key=key)


class MoveDialogueLineCommand(FilmCommand):
    def __init__(self, document: ProjectDocument, scene_id: str, row: int, to: int) -> None:
        after = edits.move_line(document.film, scene_id, row, to)
        super().__init__(document, "Move dialogue line", after, Change(scenes=(scene_id,)))


# -- the list of scenes ------------------------------------------------------------------------


class MoveScenesCommand(FilmCommand):
    """Reorder: the scenes (in their current order) go before the scene now at ``dest_row``."""

    def __init__(self, document: ProjectDocument, scene_ids: Sequence[str], dest_row: int) -> None:
        after = edits.move_scenes(document.film, scene_ids, dest_row)
        text = "Move scene" if len(scene_ids) == 1 else f"Move {len(scene_ids)} scenes"
        super().__init__(document, text, after, Change(order=True, select=tuple(scene_ids)))


class AddSceneCommand(FilmCommand):
    def __init__(self, document: ProjectDocument, at: int | None = None) -> None:
        after = edits.add_scene(document.film, at)
        new_id = next(s.id for s in after.scenes if s.id not in {x.id for x in document.film.scenes})
        self.scene_id = new_id
        super().__init__(document, "Add scene", after, Change(order=True, select=(new_id,)))


class DuplicateScenesCommand(FilmCommand):
    def __init__(self, document: ProjectDocument, scene_ids: Sequence[str]) -> None:
        after, new_ids = edits.duplicate_scenes(document.film, scene_ids)
        self.new_ids = new_ids
        text = "Duplicate scene" if len(new_ids) == 1 else f"Duplicate {len(new_ids)} scenes"
        super().__init__(document, text, after, Change(order=True, select=tuple(new_ids)), undo_select=tuple(scene_ids))


class DeleteScenesCommand(FilmCommand):
    def __init__(self, document: ProjectDocument, scene_ids: Sequence[str]) -> None:
        after = edits.delete_scenes(document.film, scene_ids)
        row = min(edits.scene_index(document.film, sid) for sid in scene_ids)
        neighbour = after.scenes[min(row, len(after.scenes) - 1)].id
        text = "Delete scene" if len(scene_ids) == 1 else f"Delete {len(scene_ids)} scenes"
        super().__init__(document, text, after, Change(order=True, select=(neighbour,)), undo_select=tuple(scene_ids))


class SplitSceneCommand(FilmCommand):
    def __init__(self, document: ProjectDocument, scene_id: str, line: int | None = None) -> None:
        after, new_id = edits.split_scene(document.film, scene_id, line)
        self.new_id = new_id
        change = Change(scenes=(scene_id,), order=True, select=(scene_id, new_id))
        super().__init__(document, "Split scene", after, change, undo_select=(scene_id,))


class MergeScenesCommand(FilmCommand):
    def __init__(self, document: ProjectDocument, first_id: str, second_id: str) -> None:
        after = edits.merge_scenes(document.film, first_id, second_id)
        change = Change(scenes=(first_id,), order=True, select=(first_id,))
        super().__init__(document, "Merge scenes", after, change, undo_select=(first_id, second_id))


# -- cast --------------------------------------------------------------------------------------


def _scenes_with(film: Film, member_id: str) -> tuple[str, ...]:
    return tuple(
        s.id
        for s in film.scenes
        if member_id in s.cast
        or any(line.speaker == member_id for line in s.dialogue)
        or staging.names_member(s, member_id)
    )


class EditCastMemberCommand(FilmCommand):
    """Change a member's name, role, kind, description, personality or voice; typing merges."""

    def __init__(self, document: ProjectDocument, member_id: str, **changes: Any) -> None:
        after = edits.edit_member(document.film, member_id, **changes)
        fields = tuple(sorted(changes))
        touched = _scenes_with(document.film, member_id)
        change = Change(scenes=touched, members=(member_id,))
        key = (_MERGE_MEMBER_FIELD, member_id, fields) if set(fields) <= {"name", "role", "description"} else None
        super().__init__(document, f"Edit {', '.join(fields)} of a character", after, change, merge_key=key)


class AddCastMemberCommand(FilmCommand):
    def __init__(self, document: ProjectDocument, name: str, **fields: Any) -> None:
        after, member_id = edits.add_member(document.film, name, **fields)
        self.member_id = member_id
        super().__init__(document, f"Add {name}", after, Change(members=(member_id,)))


class RemoveCastMemberCommand(FilmCommand):
    """Remove a member; their lines become the narrator's, and undo gives them back."""

    def __init__(self, document: ProjectDocument, member_id: str) -> None:
        touched = _scenes_with(document.film, member_id)
        after = edits.remove_member(document.film, member_id)
        name = document.film.member(member_id).name
        super().__init__(document, f"Remove {name}", after, Change(scenes=touched, members=(member_id,)))


class RegenerateLookCommand(FilmCommand):
    """Give a member a new design (a new look, the same in every scene)."""

    def __init__(self, document: ProjectDocument, member_id: str, design: Design | None = None) -> None:
        design = design or edits.regenerated_design(document.film, member_id)
        after = edits.set_design(document.film, member_id, design)
        touched = _scenes_with(document.film, member_id)
        name = document.film.member(member_id).name
        super().__init__(document, f"New look for {name}", after, Change(scenes=touched, members=(member_id,)))
