"""The Render Queue panel on its own (no farm needed): notifications read whole in a narrow dock, and a
finished render's progress bar stays visible in a selected row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QFontMetrics

from aistudio_desktop.farm.panel import RenderQueuePanel
from aistudio_desktop.farm.records import Notification
from aistudio_desktop.farm.session import FarmSession

LONG = (
    "Your film “The Lighthouse Keeper and the Seal Who Came Back Every Winter” is ready: 12 scenes, 2:30. "
    "Download it from the Render Queue within 7 days."
)


def test_a_long_notification_wraps_to_the_panel_and_is_read_whole(qtbot: Any, settings: QSettings) -> None:
    farm = FarmSession(settings)
    panel = RenderQueuePanel(farm)
    qtbot.addWidget(panel)
    panel.resize(380, 420)  # a dock beside the storyboard
    panel.show()
    panel.tabs.setCurrentIndex(2)
    note = Notification("n1", "render_done", "Your film is ready", LONG, "2026-12-02T14:05:00Z", read=False)
    farm.notificationsChanged.emit([note], 1)
    view = panel.notes
    index = view.model().index(0, 0)
    qtbot.waitUntil(lambda: view.visualRect(index).height() > 0)
    text = str(index.data(Qt.ItemDataRole.DisplayRole))
    assert LONG in text and index.data(Qt.ItemDataRole.ToolTipRole) == text
    shown = view.visualRect(index)
    assert shown.width() <= view.viewport().width()  # no wider than the panel: nothing off its edge
    font = index.data(Qt.ItemDataRole.FontRole) or view.font()
    needed = QFontMetrics(font).boundingRect(QRect(0, 0, shown.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, text)
    assert shown.height() >= needed.height()  # every line of it is shown
    assert panel.tabs.tabText(2) == "Notifications (1)"
    farm.shutdown()
