"""The storyboard's Qt model: one row per scene of the open document.

:class:`StoryboardModel` reads everything from the :class:`ProjectDocument` and keeps only
derived data (each scene's thumbnail key). Drag and drop carries scene ids in a private MIME
type; a drop or a ``moveRows`` call does not move rows itself, it pushes a
:class:`MoveScenesCommand`, and the model follows the document's ``scenesReordered`` signal
like it does for undo and redo.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from aistudio_desktop.preview.pictures import PictureCache
from aistudio_desktop.project.commands import MoveScenesCommand
from aistudio_desktop.project.document import ProjectDocument
from aistudio_desktop.project.timing import lines_phrase, shortest_duration
from render_farm.film import Film, FilmSpecError

SCENE_MIME = "application/x-aistudio-scene-ids"

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    SceneId = Qt.ItemDataRole.UserRole + 1
    Number = Qt.ItemDataRole.UserRole + 2
    Title = Qt.ItemDataRole.UserRole + 3
    Duration = Qt.ItemDataRole.UserRole + 4
    Thumbnail = Qt.ItemDataRole.UserRole + 5
    CastFaces = Qt.ItemDataRole.UserRole + 6  # [(name, QImage | None), ...] of the cast on screen
    ThumbnailKey = Qt.ItemDataRole.UserRole + 7
    LineCount = Qt.ItemDataRole.UserRole + 8
    Place = Qt.ItemDataRole.UserRole + 9


_CONTENT_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Role.Number,
    Role.Title,
    Role.Duration,
    Role.CastFaces,
    Role.LineCount,
    Role.Place,
]


def format_duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s" if seconds % 1 else f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def shared_by_transitions(film: Film) -> float:
    """Seconds the scenes overlap: each transition plays over the end of a scene and the start of the next."""
    return sum(scene.transition_in.duration for scene in film.scenes[1:])


def length_explained(film: Film) -> str:
    """``1:03 of scenes, 3 s shared by transitions``: why the cards add up to more than the film."""
    shared = shared_by_transitions(film)
    scenes = sum(scene.duration for scene in film.scenes)
    if shared <= 0:
        return f"{format_duration(scenes)} of scenes, joined by cuts"
    return f"{format_duration(scenes)} of scenes, {format_duration(shared)} shared by transitions"


def scene_tooltip(film: Film, row: int) -> str:
    """What a card's tooltip says: its number and title, length and lines, the part its transition
    shares with the scene before, and whether its lines fit."""
    scene = film.scenes[row]
    said = [
        f"Scene {scene.number}: {scene.title}",
        f"{format_duration(scene.duration)}, {lines_phrase(len(scene.dialogue))}",
    ]
    overlap = scene.transition_in.duration
    if row > 0 and overlap > 0:
        kind = scene.transition_in.kind.value.replace("_", " ")
        said.append(
            f"Its first {format_duration(overlap)} play under a {kind} from the scene before: the film counts them once"
        )
    need = shortest_duration(film, scene)
    if scene.duration < need:
        said.append(f"Too short for its lines: they need {format_duration(need)}")
    return "\n".join(said)


class StoryboardModel(QAbstractListModel):
    def __init__(self, document: ProjectDocument, pictures: PictureCache) -> None:
        super().__init__(document)
        self.document = document
        self.pictures = pictures
        self._ids: list[str] = document.scene_ids()
        self._keys: dict[str, str] = {}
        self._refresh_keys(self._ids)
        document.sceneChanged.connect(self._on_scene_changed)
        document.scenesReordered.connect(self._on_reordered)
        document.castChanged.connect(self._on_cast_changed)
        document.filmReset.connect(self._on_reset)
        pictures.thumbnailReady.connect(self._on_thumbnail)
        pictures.faceReady.connect(self._on_face)

    # -- reading -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def scene_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, scene_id: str) -> int:
        return self._ids.index(scene_id)

    def thumbnail_key(self, scene_id: str) -> str:
        return self._keys[scene_id]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        film = self.document.film
        row = index.row()
        scene = film.scenes[row]
        if role in (Qt.ItemDataRole.DisplayRole, Role.Title):
            return scene.title or f"Scene {scene.number}"
        if role == Role.SceneId:
            return scene.id
        if role == Role.Number:
            return scene.number
        if role == Role.Duration:
            return scene.duration
        if role == Role.LineCount:
            return len(scene.dialogue)
        if role == Role.Place:
            return scene.setting.place.value.replace("_", " ")
        if role == Role.ThumbnailKey:
            return self._keys[scene.id]
        if role == Role.Thumbnail:
            return self.pictures.thumbnail(film, row, self._keys[scene.id])
        if role == Role.CastFaces:
            faces = []
            for member_id in scene.cast:
                member = film.member(member_id)
                faces.append(
                    (member.name, self.pictures.face(film, member_id, self.pictures.face_key(film, member_id)))
                )
            return faces
        if role == Qt.ItemDataRole.ToolTipRole:
            return scene_tooltip(film, row)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # -- drag and drop -------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SCENE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(SCENE_MIME, QByteArray(json.dumps([self._ids[r] for r in rows]).encode()))
        return data

    @staticmethod
    def scene_ids_in(data: QMimeData) -> list[str]:
        if not data.hasFormat(SCENE_MIME):
            return []
        try:
            ids = json.loads(bytes(data.data(SCENE_MIME).data()).decode())
        except (ValueError, UnicodeDecodeError):
            return []
        return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        ids = self.scene_ids_in(data)
        return action == Qt.DropAction.MoveAction and bool(ids) and all(i in self._keys for i in ids)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        """Move the dropped scenes before ``row`` (on an item: before it; nowhere: to the end)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._ids)
        return self.move_scenes(self.scene_ids_in(data), row)

    def moveRows(self, source: Index, row: int, count: int, dest_parent: Index, dest_row: int) -> bool:
        if source.isValid() or dest_parent.isValid() or row < 0 or row + count > len(self._ids):
            return False
        return self.move_scenes(self._ids[row : row + count], dest_row)

    def move_scenes(self, scene_ids: Sequence[str], dest_row: int) -> bool:
        try:
            return self.document.push(MoveScenesCommand(self.document, list(scene_ids), dest_row))
        except FilmSpecError:
            return False

    # -- following the document ----------------------------------------------------------------

    def _refresh_keys(self, scene_ids: Sequence[str]) -> list[str]:
        """Recompute thumbnail keys; returns the ids whose key changed."""
        film = self.document.film
        rows = {s.id: i for i, s in enumerate(film.scenes)}
        changed = []
        for scene_id in scene_ids:
            if scene_id not in rows:
                continue
            key = self.pictures.thumbnail_key(film, rows[scene_id])
            if self._keys.get(scene_id) != key:
                self._keys[scene_id] = key
                changed.append(scene_id)
        return changed

    def _emit_rows(self, scene_ids: Sequence[str], roles: Sequence[int]) -> None:
        for scene_id in scene_ids:
            if scene_id in self._keys and scene_id in self._ids:
                index = self.index(self._ids.index(scene_id))
                self.dataChanged.emit(index, index, list(roles))

    def _on_scene_changed(self, scene_id: str) -> None:
        # A scene's render also depends on its neighbours (who walks in, the next transition).
        row = self._ids.index(scene_id)
        near = self._ids[max(0, row - 1) : row + 2]
        changed = self._refresh_keys(near)
        self._emit_rows([scene_id], _CONTENT_ROLES)
        self._emit_rows(changed, [Role.Thumbnail, Role.ThumbnailKey])

    def _on_reordered(self) -> None:
        new_ids = self.document.scene_ids()
        if sorted(new_ids) == sorted(self._ids):
            self.layoutAboutToBeChanged.emit()
            old = self.persistentIndexList()
            moved = [self.index(new_ids.index(self._ids[i.row()])) for i in old]
            self._ids = new_ids
            self.changePersistentIndexList(old, moved)
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self._ids = new_ids
            self._keys = {k: v for k, v in self._keys.items() if k in set(new_ids)}
            self.endResetModel()
        changed = self._refresh_keys(new_ids)
        self._emit_rows(new_ids, [Role.Number, Qt.ItemDataRole.ToolTipRole])
        self._emit_rows(changed, [Role.Thumbnail, Role.ThumbnailKey])

    def _on_cast_changed(self, _member_id: str) -> None:
        self._emit_rows(self._ids, [Role.CastFaces])

    def _on_reset(self) -> None:
        self.beginResetModel()
        self._ids = self.document.scene_ids()
        self._keys = {}
        self._refresh_keys(self._ids)
        self.endResetModel()

    def _on_thumbnail(self, key: str) -> None:
        self._emit_rows([sid for sid, k in self._keys.items() if k == key], [Role.Thumbnail])

    def _on_face(self, _key: str) -> None:
        self._emit_rows(self._ids, [Role.CastFaces])
