"""The storyboard on screen: a grid of scene cards with drag-and-drop reordering.

:class:`SceneCardDelegate` paints a card from the model's roles (thumbnail or a placeholder,
number, title, duration, lines and place, faces of the cast on screen). :class:`StoryboardView`
is a ``QListView`` in icon mode; it draws where a drop will land, hands drops to the model (which
turns them into an undo command), and owns the scene actions (add, duplicate, delete, split,
merge) used by its context menu, its shortcuts and the main window's Edit menu.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QImage,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from aistudio_desktop.project import commands
from aistudio_desktop.project.document import ProjectDocument
from aistudio_desktop.widgets.storyboard import SCENE_MIME, Role, StoryboardModel, format_duration

CARD = QSize(248, 226)
GAP = 16
PAD = 10
THUMB_H = round((CARD.width() - 2 * PAD) * 9 / 16)
FACE = 26
BORDER = 1.0  # half the selected card's border: its edge lies this far inside the cell


def _pill(painter: QPainter, rect: QRectF, text: str, fill: QColor, color: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(color)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


class SceneCardDelegate(QStyledItemDelegate):
    """Paints one scene card; all it shows comes from the model's roles."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return CARD

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hover = bool(state & QStyle.StateFlag.State_MouseOver)
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        cell: QRect = option.rect
        # Everything is drawn inside the cell: the view repaints only the cell when the selection
        # moves, so a border drawn past it would stay behind. The card's edge is inset by half the
        # widest pen it is drawn with (2 px when selected).
        painter.setClipRect(cell)
        card = QRectF(
            cell.x() + (cell.width() - CARD.width()) / 2 + BORDER, cell.y() + BORDER,
            CARD.width() - 2 * BORDER, CARD.height() - 2 * BORDER,
        )  # fmt: skip
        base = palette.color(QPalette.ColorRole.Base)
        if selected:
            base = QColor(
                round(base.red() * 0.86 + accent.red() * 0.14),
                round(base.green() * 0.86 + accent.green() * 0.14),
                round(base.blue() * 0.86 + accent.blue() * 0.14),
            )
        painter.setBrush(base)
        border = accent if selected else palette.color(QPalette.ColorRole.Mid)
        if hover and not selected:
            border = accent.lighter(130)
        painter.setPen(border)
        if selected:
            pen = painter.pen()
            pen.setWidthF(2.0)
            painter.setPen(pen)
        painter.drawRoundedRect(card, 10, 10)

        thumb = QRectF(card.x() + PAD, card.y() + PAD, card.width() - 2 * PAD, THUMB_H)
        clip = QPainterPath()
        clip.addRoundedRect(thumb, 6, 6)
        painter.save()
        painter.setClipPath(clip)
        image = index.data(Role.Thumbnail)
        if isinstance(image, QImage) and not image.isNull():
            painter.drawImage(thumb, image)
        else:
            painter.fillRect(thumb, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            small = QFont(option.font)
            small.setPointSizeF(small.pointSizeF() * 0.9)
            painter.setFont(small)
            painter.drawText(thumb, Qt.AlignmentFlag.AlignCenter, "Drawing preview…")
        painter.restore()

        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        number = str(index.data(Role.Number))
        badge_w = max(26.0, painter.fontMetrics().horizontalAdvance(number) + 14.0)
        _pill(painter, QRectF(thumb.x() + 6, thumb.y() + 6, badge_w, 22), number, QColor(0, 0, 0, 150), QColor("white"))
        small_bold = QFont(bold)
        small_bold.setPointSizeF(bold.pointSizeF() * 0.85)
        painter.setFont(small_bold)
        duration = format_duration(float(index.data(Role.Duration)))
        dw = painter.fontMetrics().horizontalAdvance(duration) + 14.0
        pill = QRectF(thumb.right() - dw - 6, thumb.y() + 7, dw, 20)
        _pill(painter, pill, duration, QColor(0, 0, 0, 150), QColor("white"))

        text_color = palette.color(QPalette.ColorRole.Text)
        y = thumb.bottom() + 8
        painter.setFont(bold)
        metrics = painter.fontMetrics()
        title = metrics.elidedText(str(index.data(Role.Title)), Qt.TextElideMode.ElideRight, round(thumb.width()))
        painter.setPen(text_color)
        painter.drawText(QRectF(thumb.x(), y, thumb.width(), metrics.height()), Qt.AlignmentFlag.AlignLeft, title)
        y += metrics.height() + 2

        painter.setFont(option.font)
        metrics = painter.fontMetrics()
        lines = int(index.data(Role.LineCount))
        meta = f"{lines} line{'s' if lines != 1 else ''} · {index.data(Role.Place)}"
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        meta = metrics.elidedText(meta, Qt.TextElideMode.ElideRight, round(thumb.width()))
        painter.drawText(QRectF(thumb.x(), y, thumb.width(), metrics.height()), Qt.AlignmentFlag.AlignLeft, meta)
        self._paint_faces(painter, palette, QRectF(thumb.x(), card.bottom() - PAD - FACE, thumb.width(), FACE), index)
        painter.restore()

    def _paint_faces(
        self, painter: QPainter, palette: QPalette, row: QRectF, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        faces = index.data(Role.CastFaces) or []
        if not faces:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "No one on screen")
            return
        ring = palette.color(QPalette.ColorRole.Base)
        fill = palette.color(QPalette.ColorRole.AlternateBase)
        x = row.x()
        for name, image in faces:
            circle = QRectF(x, row.y(), FACE, FACE)
            path = QPainterPath()
            path.addEllipse(circle)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawEllipse(circle)
            if isinstance(image, QImage) and not image.isNull():
                painter.save()
                painter.setClipPath(path)
                painter.drawImage(circle.adjusted(1, 2, -1, 0), image)
                painter.restore()
            else:
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, name[:1].upper())
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(circle)
            x += FACE - 4
        names = ", ".join(name for name, _ in faces)
        text_rect = QRectF(x + 10, row.y(), row.right() - x - 10, FACE)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        elided = painter.fontMetrics().elidedText(names, Qt.TextElideMode.ElideRight, round(text_rect.width()))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)


class StoryboardView(QListView):
    """Scene cards in a wrapping grid. ``currentSceneChanged(id)`` ('' when none) drives the inspector;
    ``message(text)`` reports an edit that could not be made."""

    currentSceneChanged = Signal(str)
    message = Signal(str)

    def __init__(self, document: ProjectDocument, model: StoryboardModel) -> None:
        super().__init__()
        self.document = document
        self.setObjectName("storyboard")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(QSize(CARD.width() + GAP, CARD.height() + GAP))
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setItemDelegate(SceneCardDelegate(self))
        self.setModel(model)
        self._drop_row: int | None = None
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.selectionModel().selectionChanged.connect(self._update_actions)
        model.modelReset.connect(lambda: self._current_changed(self.currentIndex(), QModelIndex()))
        document.selectionRequested.connect(self.select_scenes)

        def action(text: str, keys: list[QKeySequence], slot: object, tip: str) -> QAction:
            act = QAction(text, self)
            act.setShortcuts(keys)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.add_action = action(
            "&Add Scene", [QKeySequence("Ctrl+Shift+N")], self.add_scene, "Add a scene after the selection"
        )
        self.duplicate_action = action(
            "D&uplicate", [QKeySequence("Ctrl+D")], self.duplicate, "Duplicate the selected scenes"
        )
        self.delete_action = action(
            "&Delete", [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")], self.delete,
            "Delete the selected scenes",
        )  # fmt: skip
        self.split_action = action(
            "&Split Scene", [QKeySequence("Ctrl+K")], self.split, "Split the scene in two at its middle line"
        )
        self.merge_action = action(
            "&Merge Scenes", [QKeySequence("Ctrl+J")], self.merge, "Merge the scene with the next one"
        )
        self.scene_actions = [
            self.add_action,
            self.duplicate_action,
            self.delete_action,
            self.split_action,
            self.merge_action,
        ]
        self._update_actions()

    # -- selection -----------------------------------------------------------------------------

    def storyboard(self) -> StoryboardModel:
        model = self.model()
        assert isinstance(model, StoryboardModel)
        return model

    def selected_scene_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        return [self.storyboard().scene_id(r) for r in rows]

    def select_scenes(self, scene_ids: list[str]) -> None:
        model = self.storyboard()
        selection = QItemSelection()
        rows = [model.row_of(s) for s in scene_ids if s in model.document.scene_ids()]
        for row in rows:
            selection.select(model.index(row), model.index(row))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().select(selection, flags)
        if rows:
            self.selectionModel().setCurrentIndex(model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(model.index(rows[0]))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentSceneChanged.emit(str(current.data(Role.SceneId)) if current.isValid() else "")
        self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        chosen = len(self.selectionModel().selectedIndexes())
        total = self.storyboard().rowCount()
        self.duplicate_action.setEnabled(chosen > 0)
        self.delete_action.setEnabled(0 < chosen < total)
        self.split_action.setEnabled(chosen == 1)
        self.merge_action.setEnabled(chosen in (1, 2) and total > 1)

    # -- actions -------------------------------------------------------------------------------

    def _push(self, make: type[commands.FilmCommand], *args: object) -> None:
        error = self.document.try_push(make, *args)
        if error:
            self.message.emit(error)

    def add_scene(self) -> None:
        ids = self.selected_scene_ids()
        at = self.storyboard().row_of(ids[-1]) + 1 if ids else None
        self._push(commands.AddSceneCommand, at)

    def duplicate(self) -> None:
        if ids := self.selected_scene_ids():
            self._push(commands.DuplicateScenesCommand, ids)

    def delete(self) -> None:
        if ids := self.selected_scene_ids():
            self._push(commands.DeleteScenesCommand, ids)

    def split(self) -> None:
        ids = self.selected_scene_ids()
        if len(ids) == 1:
            self._push(commands.SplitSceneCommand, ids[0])

    def merge(self) -> None:
        ids = self.selected_scene_ids()
        order = self.document.scene_ids()
        if len(ids) == 1 and order.index(ids[0]) + 1 < len(order):
            ids.append(order[order.index(ids[0]) + 1])
        if len(ids) != 2:
            self.message.emit("Select one scene (to merge with the next) or two neighbouring scenes")
            return
        self._push(commands.MergeScenesCommand, ids[0], ids[1])

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for act in self.scene_actions:
            menu.addAction(act)
            if act is self.duplicate_action:
                menu.addSeparator()
        menu.popup(self.viewport().mapToGlobal(pos))

    # -- drag and drop: the model turns a drop into an undoable move ------------------------------

    def drop_row(self, pos: QPoint) -> int:
        """The row a drop at ``pos`` (viewport coordinates) lands before."""
        model = self.storyboard()
        best, best_distance = model.rowCount(), float("inf")
        for row in range(model.rowCount()):
            rect = self.visualRect(model.index(row))
            centre = rect.center()
            distance = abs(centre.x() - pos.x()) + 3 * abs(centre.y() - pos.y())
            if distance < best_distance:
                best_distance = distance
                best = row + (1 if pos.x() > centre.x() else 0)
        return best

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not event.mimeData().hasFormat(SCENE_MIME):
            event.ignore()
            return
        self._drop_row = self.drop_row(event.position().toPoint())
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.viewport().update()

    def dragLeaveEvent(self, event: object) -> None:
        self._drop_row = None
        self.viewport().update()

    def dropEvent(self, event: QDropEvent) -> None:
        row = self.drop_row(event.position().toPoint())
        self._drop_row = None
        self.viewport().update()
        if self.storyboard().dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, row, 0, QModelIndex()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drop_row is None:
            return
        model = self.storyboard()
        count = model.rowCount()
        if count == 0:
            return
        after = self._drop_row >= count
        rect = self.visualRect(model.index(count - 1 if after else self._drop_row))
        half = (CARD.width() + GAP) / 2
        x = rect.center().x() + (half if after else -half)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(QRectF(x - 2, rect.center().y() - CARD.height() / 2 + 8, 4, CARD.height() - 16), 2, 2)
        painter.end()
