"""The dialogue table of the inspector: a Qt table model over one scene's lines, and its editors.

:class:`DialogueModel` shows the lines of the scene the inspector is on (speaker, line,
emotion). ``setData`` does not change anything itself: it pushes an
:class:`EditDialogueLineCommand`, and the table follows the document's ``sceneChanged``.
:class:`DialogueDelegate` gives the speaker and emotion columns combo-box editors that commit
as soon as a choice is made.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from aistudio_desktop.project.commands import EditDialogueLineCommand
from aistudio_desktop.project.document import ProjectDocument
from aistudio_desktop.project.timing import lines_phrase
from render_farm.film import NARRATOR, Emotion, Scene

Index = QModelIndex | QPersistentModelIndex
SPEAKER, TEXT, EMOTION = range(3)
_HEADERS = ("Speaker", "Line", "Emotion")


def grown_message(document: ProjectDocument, before: Scene) -> str:
    """What to tell the user when an edit lengthened ``before`` to fit its lines ('' when it did not)."""
    if not document.has_scene(before.id):
        return ""
    after = document.scene(before.id)
    if after.duration <= before.duration:
        return ""
    lines = lines_phrase(len(after.dialogue))
    return f"Scene {after.number} is now {after.duration:g} s long, so that its {lines} fit"


class DialogueModel(QAbstractTableModel):
    """``message(text)`` reports an edit that was refused (an empty line, say)."""

    message = Signal(str)

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__(document)
        self.document = document
        self.scene_id = ""
        self._rows = 0
        document.sceneChanged.connect(self._on_scene_changed)
        document.castChanged.connect(lambda _m: self._refresh())
        document.filmReset.connect(self._refresh)
        document.scenesReordered.connect(self._refresh)

    def set_scene(self, scene_id: str) -> None:
        self.beginResetModel()
        self.scene_id = scene_id
        self._rows = len(self._lines())
        self.endResetModel()

    def _lines(self) -> list[Any]:
        if not self.scene_id or not self.document.has_scene(self.scene_id):
            return []
        return list(self.document.scene(self.scene_id).dialogue)

    def speakers(self) -> list[tuple[str, str]]:
        """(id, name) of everyone who can speak: the cast, then the narrator."""
        return [(m.id, m.name) for m in self.document.film.cast] + [(NARRATOR, "Narrator")]

    def speaker_name(self, speaker: str) -> str:
        return dict(self.speakers()).get(speaker, speaker)

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _HEADERS[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        lines = self._lines()
        if not index.isValid() or index.row() >= len(lines):
            return None
        line = lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SPEAKER:
                return self.speaker_name(line.speaker)
            return line.text if column == TEXT else line.emotion.value
        if role == Qt.ItemDataRole.EditRole:
            return (line.speaker, line.text, line.emotion.value)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            return line.text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.scene_id:
            return False
        field = ("speaker", "text", "emotion")[index.column()]
        before = self.document.scene(self.scene_id)
        error = self.document.try_push(EditDialogueLineCommand, self.scene_id, index.row(), **{field: value})
        if error:
            self.message.emit(error)
            return False
        grown = grown_message(self.document, before)
        if grown:
            self.message.emit(grown)
        return True

    # -- following the document ----------------------------------------------------------------

    def _on_scene_changed(self, scene_id: str) -> None:
        if scene_id == self.scene_id:
            self._refresh()

    def _refresh(self) -> None:
        count = len(self._lines())
        if count != self._rows:
            self.beginResetModel()
            self._rows = count
            self.endResetModel()
        elif count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, 2))


class DialogueDelegate(QStyledItemDelegate):
    """Combo boxes for speaker and emotion; a plain line editor for the text."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        if index.column() == SPEAKER and isinstance(model, DialogueModel):
            combo = QComboBox(parent)
            for member_id, name in model.speakers():
                combo.addItem(name, member_id)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        if index.column() == EMOTION:
            combo = QComboBox(parent)
            for emotion in Emotion:
                combo.addItem(emotion.value, emotion.value)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        return super().createEditor(parent, option, index)

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
