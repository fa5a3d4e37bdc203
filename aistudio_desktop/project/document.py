"""The open project: its film, its undo stack, and the signals every panel refreshes from.

:class:`ProjectDocument` is the single owner of the current :class:`Film`. Panels never change
the film themselves: they push a command (:mod:`aistudio_desktop.project.commands`) and redraw when
the document says what changed. Films are treated as immutable values; an edit replaces the
film with a new one, so any panel, worker or the autosave writer may hold on to a film safely.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from aistudio_desktop.project.commands import Change, FilmCommand
from render_farm.film import CastMember, Film, FilmSpecError, Scene

UNDO_LIMIT = 1000


class ProjectDocument(QObject):
    """The current project. Signals:

    - ``sceneChanged(scene_id)``: the content of one scene changed (it is still in the film);
    - ``scenesReordered()``: the list of scenes changed (order, or scenes added or removed);
    - ``castChanged(member_id)``: a cast member was edited, added or removed;
    - ``filmReset()``: a different film was loaded (new, open, import); the undo history is new;
    - ``edited()``: after every change of the film by a command (autosave listens to this);
    - ``selectionRequested(scene_ids)``: scenes a view should select after an edit or its undo.
    """

    sceneChanged = Signal(str)
    scenesReordered = Signal()
    castChanged = Signal(str)
    filmReset = Signal()
    edited = Signal()
    selectionRequested = Signal(list)

    def __init__(self, film: Film, project_id: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._film = film
        self._project_id = project_id
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)

    # -- reading -------------------------------------------------------------------------------

    @property
    def film(self) -> Film:
        return self._film

    @property
    def project_id(self) -> str:
        return self._project_id

    def scene(self, scene_id: str) -> Scene:
        for scene in self._film.scenes:
            if scene.id == scene_id:
                return scene
        raise KeyError(scene_id)

    def scene_ids(self) -> list[str]:
        return [scene.id for scene in self._film.scenes]

    def has_scene(self, scene_id: str) -> bool:
        return any(scene.id == scene_id for scene in self._film.scenes)

    def member(self, member_id: str) -> CastMember:
        return self._film.member(member_id)

    # -- changing ------------------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> bool:
        """Push an edit; an edit that changes nothing is dropped. Returns whether it was pushed."""
        if isinstance(command, FilmCommand) and command.after == command.before:
            return False
        self.undo_stack.push(command)
        return True

    def try_push(self, make: Callable[..., FilmCommand], *args: Any, **kwargs: Any) -> str | None:
        """Build and push a command; returns the error message instead of raising for a bad edit."""
        try:
            self.push(make(self, *args, **kwargs))
        except FilmSpecError as error:
            return str(error)
        return None

    def apply(self, film: Film, change: Change, select: Sequence[str] = ()) -> None:
        """Replace the film (commands call this from redo/undo) and announce what changed."""
        self._film = film
        if change.order:
            self.scenesReordered.emit()
        ids = set(self.scene_ids())
        for scene_id in change.scenes:
            if scene_id in ids:
                self.sceneChanged.emit(scene_id)
        for member_id in change.members:
            self.castChanged.emit(member_id)
        self.edited.emit()
        present = [scene_id for scene_id in select if scene_id in ids]
        if present:
            self.selectionRequested.emit(present)

    def reset(self, film: Film, project_id: str) -> None:
        """Load another film: a fresh undo history and a full refresh of every panel."""
        self.undo_stack.clear()
        self._film = film
        self._project_id = project_id
        self.filmReset.emit()
