"""File > Open Recent: the projects changed last, each told apart by title, length, scenes, when it
changed (in this computer's own date format) and the folder it lives in."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QMenu, QWidget

from aistudio_desktop.studio import Studio
from aistudio_desktop.widgets.storyboard import format_duration

RECENT = 12


def local_time(moment: datetime) -> str:
    """A time the store keeps (UTC) as this computer's clock and locale write it, short."""
    local = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    stamp = QDateTime.fromSecsSinceEpoch(round(local.timestamp()))
    return QLocale.system().toString(stamp, QLocale.FormatType.ShortFormat)


class RecentMenu(QMenu):
    """Filled from the store each time it opens; choosing an entry opens that project."""

    def __init__(self, studio: Studio, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self.studio = studio
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        current = self.studio.document.project_id
        for summary in self.studio.store.recent(RECENT):
            info = summary.info
            changed = local_time(info.updated)
            scenes = f"{summary.scenes} scene{'s' if summary.scenes != 1 else ''}"
            length = f"{format_duration(summary.length)}, {scenes}"
            act = self.addAction(f"{info.title}  ·  {length}  ·  {changed}")
            act.setToolTip(f"{info.title}\n{length}, changed {changed}\nIn {summary.folder}")
            act.setStatusTip(f"{info.title}, in {summary.folder}")
            act.setCheckable(info.id == current)
            act.setChecked(info.id == current)
            act.triggered.connect(lambda _c=False, pid=info.id: self.studio.open_project(pid))
