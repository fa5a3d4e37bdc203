"""The character gallery: a card per cast member (art in the film's style, name, role) and its editor.

:class:`CastModel` mirrors the document's cast and asks the :class:`PictureCache` for each
member's figure, drawn by the engine in the film's style on a worker thread. The gallery's
buttons and the :class:`CharacterEditor` change the cast only through undo commands.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QImage, QKeySequence, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aistudio_desktop.preview.pictures import PictureCache
from aistudio_desktop.preview.sound import SoundPlayer, VoiceSampler
from aistudio_desktop.project import commands
from aistudio_desktop.project.document import ProjectDocument
from aistudio_desktop.widgets.character_editor import CharacterEditor
from render_farm.ai.offline.designer import design_from_text
from render_farm.ai.voices import distinct_voices
from render_farm.engine.characters import stable_seed

Index = QModelIndex | QPersistentModelIndex
CARD = QSize(150, 212)
SHORTEST_CARD = 128  # the figure shrinks down to this, so that name and role stay in view
NARROWEST_CARD = 130
GAP = 10


class CastRole(IntEnum):
    MemberId = Qt.ItemDataRole.UserRole + 1
    Name = Qt.ItemDataRole.UserRole + 2
    Part = Qt.ItemDataRole.UserRole + 3  # the member's role in the story ("hero")
    Figure = Qt.ItemDataRole.UserRole + 4
    Lines = Qt.ItemDataRole.UserRole + 5


class CastModel(QAbstractListModel):
    """One row per cast member of the open document."""

    def __init__(self, document: ProjectDocument, pictures: PictureCache, assets_dir: Any = None) -> None:
        super().__init__(document)
        self.document = document
        self.pictures = pictures
        self.assets_dir = assets_dir  # callable giving the open project's bundle folder, or None
        self._ids = [m.id for m in document.film.cast]
        document.castChanged.connect(self._cast_changed)
        document.filmReset.connect(self._reset)
        pictures.figureReady.connect(self._figure_ready)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def member_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, member_id: str) -> int:
        return self._ids.index(member_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        film = self.document.film
        member = film.member(self._ids[index.row()])
        if role in (Qt.ItemDataRole.DisplayRole, CastRole.Name):
            return member.name
        if role == CastRole.MemberId:
            return member.id
        if role == CastRole.Part:
            return member.role
        if role == CastRole.Lines:
            return sum(1 for s in film.scenes for line in s.dialogue if line.speaker == member.id)
        if role == CastRole.Figure:
            assets = self.assets_dir() if callable(self.assets_dir) else None
            return self.pictures.figure(film, member.id, self.pictures.figure_key(film, member.id), assets)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{member.name} ({member.role})\n{member.description}".strip()
        return None

    def _reset(self) -> None:
        self.beginResetModel()
        self._ids = [m.id for m in self.document.film.cast]
        self.endResetModel()

    def _cast_changed(self, member_id: str) -> None:
        ids = [m.id for m in self.document.film.cast]
        if ids != self._ids:
            self._reset()
        elif member_id in ids:
            index = self.index(ids.index(member_id))
            self.dataChanged.emit(index, index)

    def _figure_ready(self, key: str) -> None:
        film = self.document.film
        for row, member_id in enumerate(self._ids):
            if self.pictures.figure_key(film, member_id) == key:
                self.dataChanged.emit(self.index(row), self.index(row), [CastRole.Figure])


def card_parts(item: QRectF) -> tuple[QRectF, QRectF, QRectF, QRectF]:
    """Where a card drawn in ``item`` has its outline, figure, name and role (a role line under the name)."""
    rect = item.adjusted(GAP / 2, GAP / 2, -GAP / 2, -GAP / 2)
    stage = QRectF(rect.x() + 8, rect.y() + 8, rect.width() - 16, rect.height() - 62)
    name = QRectF(rect.x() + 10, stage.bottom() + 6, rect.width() - 20, 22)
    return rect, stage, name, name.translated(0, 20)


class CardList(QListView):
    """The cards, a grid that wraps; on a short panel the cards get shorter (the figure shrinks) down to
    :data:`SHORTEST_CARD`, below which the list scrolls, so that every name and role can be read. They
    narrow down to :data:`NARROWEST_CARD` to fit one more in a row."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("castCards")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(CARD)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(SHORTEST_CARD + 2 * self.frameWidth())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit_cards()
        return super().viewportEvent(event)

    def _fit_cards(self) -> None:
        room = self.viewport().size()
        # the width Qt wraps the grid in: the list's inside less a vertical scroll bar, shown or not
        width = self.maximumViewportSize().width() - self.verticalScrollBar().sizeHint().width() - 1
        per_row = max(1, width // NARROWEST_CARD)  # cards narrow a little rather than leave a gap
        size = QSize(
            max(NARROWEST_CARD, min(CARD.width(), width // per_row)),
            min(CARD.height(), max(SHORTEST_CARD, room.height())),
        )
        if size != self.gridSize():
            self.setGridSize(size)


class CharacterCardDelegate(QStyledItemDelegate):
    """Paints a character card: the figure on a soft panel, the name, the role."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = self.parent()
        return view.gridSize() if isinstance(view, QListView) and view.gridSize().isValid() else CARD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = option.palette
        rect, stage, text_rect, role_rect = card_parts(QRectF(option.rect))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        edge = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid
        painter.setPen(palette.color(edge))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        if selected:
            pen = painter.pen()
            pen.setWidthF(2.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 10, 10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(stage, 7, 7)
        image = index.data(CastRole.Figure)
        if isinstance(image, QImage) and not image.isNull():
            box = stage.adjusted(6, 8, -6, -4)
            scale = min(box.width() / image.width(), box.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(box.center().x() - w / 2, box.bottom() - h, w, h), image)
        else:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(stage, Qt.AlignmentFlag.AlignCenter, "Drawing…")
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        name = painter.fontMetrics().elidedText(
            str(index.data(CastRole.Name)), Qt.TextElideMode.ElideRight, round(text_rect.width())
        )
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        lines = int(index.data(CastRole.Lines) or 0)
        detail = f"{index.data(CastRole.Part)} · {lines} line{'s' if lines != 1 else ''}"
        detail = painter.fontMetrics().elidedText(detail, Qt.TextElideMode.ElideRight, round(role_rect.width()))
        painter.drawText(role_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, detail)
        painter.restore()


class CastGallery(QWidget):
    """The gallery panel: cards on top, the selected character's editor below.

    ``message(text)`` reports refused edits and sample playback.
    """

    message = Signal(str)

    def __init__(
        self,
        document: ProjectDocument,
        pictures: PictureCache,
        sampler: VoiceSampler,
        player: SoundPlayer | None = None,
        assets_dir: Any = None,
    ) -> None:
        super().__init__()
        self.setObjectName("castGallery")
        self.document = document
        self.model = CastModel(document, pictures, assets_dir)
        self.cards = CardList()
        self.cards.setItemDelegate(CharacterCardDelegate(self.cards))
        self.cards.setModel(self.model)
        self.editor = CharacterEditor(document, sampler, player)
        self.editor.message.connect(self.message)

        def button(text: str, tip: str, keys: str, slot: Any) -> QToolButton:
            act = QAction(text, self)
            act.setToolTip(f"{tip} ({keys})")
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            widget = QToolButton()
            widget.setDefaultAction(act)
            return widget

        self.add_button = button("Add character", "Add a character to the cast", "Ctrl+Shift+A", self.add_member)
        self.remove_button = button("Remove", "Remove the selected character", "Ctrl+Shift+Del", self.remove_member)
        self.look_button = button("New look", "Draw the character anew, the same in every scene", "Ctrl+Shift+L",
                                  self.new_look)  # fmt: skip
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.add_button, self.remove_button, self.look_button):
            row.addWidget(widget)
        row.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(row)
        top_layout.addWidget(self.cards)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)  # a dragged handle leaves the cards their shortest height
        self.splitter.addWidget(top)
        scroll = QScrollArea()
        scroll.setWidget(self.editor)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter.addWidget(scroll)
        self.splitter.setSizes([CARD.height() + 48, 420])
        self._top = top
        self._split_by_hand = False
        self.splitter.splitterMoved.connect(self._split_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self.cards.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)
        self._after_reset()

    # -- layout --------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._split_by_hand:
            self._share_height()

    def _split_moved(self, _pos: int, _index: int) -> None:
        self._split_by_hand = True

    def _share_height(self) -> None:
        """A full row of cards above the editor while that leaves the editor most of the panel; on a
        shorter panel the cards get shorter too (the editor scrolls)."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        full_row = self._top.sizeHint().height() - self.cards.sizeHint().height() + CARD.height()
        full_row += 2 * self.cards.frameWidth()
        top = max(self._top.minimumSizeHint().height(), min(full_row, round(total * 0.55)))
        self.splitter.setSizes([top, max(0, total - top)])

    # -- selection -----------------------------------------------------------------------------

    def selected_member(self) -> str:
        return self.editor.member_id

    def select_member(self, member_id: str) -> None:
        if member_id in [m.id for m in self.document.film.cast]:
            self.cards.setCurrentIndex(self.model.index(self.model.row_of(member_id)))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.editor.set_member(str(current.data(CastRole.MemberId)) if current.isValid() else "")
        self._update_buttons()

    def _after_reset(self) -> None:
        keep = self.editor.member_id
        if self.model.rowCount():
            ids = [m.id for m in self.document.film.cast]
            self.select_member(keep if keep in ids else ids[0])
        else:
            self.editor.set_member("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.editor.member_id)
        self.remove_button.setEnabled(chosen)
        self.look_button.setEnabled(chosen)
        self.add_button.setEnabled(len(self.document.film.cast) < 12)

    # -- edits ---------------------------------------------------------------------------------

    def add_member(self) -> str:
        """Add a new character with a look and a voice of their own; returns their id."""
        film = self.document.film
        taken = {m.name for m in film.cast}
        number = len(film.cast) + 1
        name = "New character"
        while name in taken:
            number += 1
            name = f"New character {number}"
        design = design_from_text("", name=name, seed=stable_seed("cast", film.seed, name))
        voice = distinct_voices(film.language, len(film.cast) + 1, film.seed)[-1]
        try:
            command = commands.AddCastMemberCommand(
                self.document, name, description="", design=design, voice=voice, role="supporting"
            )
        except Exception as error:
            self.message.emit(str(error))
            return ""
        self.document.push(command)
        self.select_member(command.member_id)
        self.editor.name.setFocus()
        self.editor.name.selectAll()
        return command.member_id

    def remove_member(self) -> None:
        member_id = self.editor.member_id
        if not member_id:
            return
        row = self.model.row_of(member_id)
        name = self.document.member(member_id).name
        error = self.document.try_push(commands.RemoveCastMemberCommand, member_id)
        if error:
            self.message.emit(error)
            return
        if self.model.rowCount():
            self.select_member(self.model.member_id(min(row, self.model.rowCount() - 1)))
        self.message.emit(f"Removed {name}: their lines are the narrator's now (Undo brings them back)")

    def new_look(self) -> None:
        if self.editor.member_id:
            error = self.document.try_push(commands.RegenerateLookCommand, self.editor.member_id)
            if error:
                self.message.emit(error)


def bundle_dir(store: Any, document: ProjectDocument) -> Path | None:
    return store.project_dir(document.project_id) if document.project_id else None
