"""Qt models of the farm's lists (renders, the credit ledger, notifications) and the delegate
that draws a render's progress as one bar with a segment per scene plus one for the final video."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from aistudio_desktop.farm.records import LedgerEntry, Notification, RenderJob, SceneProgress

Index = QModelIndex | QPersistentModelIndex
JOB_ROLE = Qt.ItemDataRole.UserRole + 1
PARTS_ROLE = Qt.ItemDataRole.UserRole + 2

STATE_WORDS = {
    "queued": "Waiting",
    "running": "Rendering",
    "success": "Finished",
    "failed": "Failed",
    "canceled": "Canceled",
}
LEDGER_WORDS = {
    "grant": "Welcome credits",
    "reserve": "Held for a render",
    "capture": "Render charged",
    "release": "Returned",
    "purchase": "Bought",
    "refund": "Refunded",
}


def when(stamp: str) -> str:
    """A farm timestamp as local time: ``19:04`` today, ``2026-11-30 19:04`` before."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    return moment.strftime("%H:%M" if moment.date() == datetime.now().astimezone().date() else "%Y-%m-%d %H:%M")


def scene_summary(job: RenderJob) -> str:
    """Per-scene progress in words: ``Scene 1 done · Scene 2 40% · Final video waiting``."""
    parts: list[str] = []
    for scene in job.scenes:
        parts.append(f"Scene {scene.number} {_part_words(scene)}")
    if job.assembly is not None:
        parts.append(f"Final video {_part_words(job.assembly)}")
    return " · ".join(parts)


def _part_words(part: SceneProgress) -> str:
    if part.state == "success":
        return "done"
    if part.state == "running":
        return f"{part.fraction:.0%}"
    return {"queued": "waiting", "failed": "failed", "canceled": "canceled"}.get(part.state, part.state)


class _RecordTable(QAbstractTableModel):
    """A table of plain records with fixed column headers; subclasses say how a record reads."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.records: list[Any] = []

    def _reset(self, records: list[Any]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class RenderQueueModel(_RecordTable):
    """The user's farm renders, newest first: film, state, progress, credits, submitted."""

    HEADERS = ("Film", "State", "Progress", "Credits", "Submitted")
    PROGRESS = 2

    @property
    def jobs(self) -> list[RenderJob]:
        return self.records

    def set_jobs(self, jobs: list[RenderJob]) -> None:
        if [job.id for job in jobs] == [job.id for job in self.records]:
            self.records = list(jobs)  # same rows: repaint them, keep the selection
            if jobs:
                self.dataChanged.emit(self.index(0, 0), self.index(len(jobs) - 1, len(self.HEADERS) - 1))
            return
        self._reset(jobs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job: RenderJob = self.records[index.row()]
        column = index.column()
        if role == JOB_ROLE:
            return job
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{job.film_title or 'Film'} (v{job.version})"
            if column == 1:
                return STATE_WORDS.get(job.state, job.state)
            if column == 2:
                return f"{job.progress:.0%}"
            if column == 3:
                return str(job.credits_held)
            return when(job.created_at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return job.error or scene_summary(job)
        if role == PARTS_ROLE:
            parts = list(job.scenes) + ([job.assembly] if job.assembly else [])
            return [part.fraction for part in parts]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProgressDelegate(QStyledItemDelegate):
    """A render's progress: a bar split into one segment per scene and one for the final video."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        parts = index.data(PARTS_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fill = palette.color(QPalette.ColorRole.Highlight)
        track = palette.color(QPalette.ColorRole.Mid)
        rect = QRectF(option.rect).adjusted(4, 6, -44, -6)
        gap = 2.0
        width = (rect.width() - gap * (len(parts) - 1)) / len(parts)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if selected:
            # The fill is the highlight's colour, so on a selected row the bar sits in a well of the
            # view's base colour: the same bar as in every other row, never lost in the selection.
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 4, 4)
        for i, fraction in enumerate(parts):
            segment = QRectF(rect.left() + i * (width + gap), rect.top(), width, rect.height())
            painter.setBrush(track)
            painter.drawRoundedRect(segment, 3, 3)
            if fraction > 0:
                painter.setBrush(fill)
                painter.drawRoundedRect(
                    QRectF(segment.left(), segment.top(), segment.width() * fraction, segment.height()), 3, 3
                )
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        text_rect = QRectF(rect.right() + 4, option.rect.top(), 40, option.rect.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), index.data())
        painter.restore()


class LedgerModel(_RecordTable):
    """The credit ledger, newest first: when, what, change, balance after."""

    HEADERS = ("When", "What", "Change", "Balance")

    @property
    def entries(self) -> list[LedgerEntry]:
        return self.records

    def set_entries(self, entries: list[LedgerEntry]) -> None:
        self._reset(entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry: LedgerEntry = self.records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                when(entry.created_at),
                LEDGER_WORDS.get(entry.kind, entry.kind),
                f"{entry.delta:+d}" if entry.delta else "–",
                str(entry.balance_after),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.note or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class NotificationsModel(QAbstractListModel):
    """The farm's notifications, newest first; unread ones in bold."""

    ID_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Notification] = []

    def set_items(self, items: list[Notification]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{item.title}\n{item.body}  ·  {when(item.created_at)}"
        if role == Qt.ItemDataRole.FontRole and not item.read:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.ID_ROLE:
            return item.id
        return None
