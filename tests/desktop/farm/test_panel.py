"""The Render Queue panel on its own (no farm needed): notifications read whole in a narrow dock, and a
finished render's progress bar stays visible in a selected row."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QTableView

from aistudio_desktop.farm.models import RenderQueueModel
from aistudio_desktop.farm.panel import RenderQueuePanel
from aistudio_desktop.farm.records import Notification, RenderJob, SceneProgress
from aistudio_desktop.farm.session import FarmSession
from aistudio_desktop.widgets.theme import apply_theme

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


def _job(number: int, state: str, fraction: float) -> RenderJob:
    done = int(fraction * 10)
    scenes = tuple(SceneProgress(n, state if n < 5 else "success", done, 10) for n in range(1, 6))
    return RenderJob(
        id=f"job-{number}", project_id="p", version=number, state=state, credits_held=150, error=None,
        created_at="2026-12-02T14:05:00Z", progress=fraction, scenes=scenes,
        assembly=SceneProgress(0, state, done, 10), download_ready=state == "success", film_title="The Kite",
    )  # fmt: skip


def _bar_colours(view: QTableView, row: int) -> list[QColor]:
    """The colours along the middle of a row's progress bar, left to right."""
    cell = view.visualRect(view.model().index(row, RenderQueueModel.PROGRESS))
    image = view.viewport().grab().toImage()
    y = cell.center().y()
    return [image.pixelColor(x, y) for x in range(cell.left() + 5, cell.right() - 45)]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_finished_render_keeps_its_progress_bar_in_a_selected_row(
    qtbot: Any, settings: QSettings, theme: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    try:
        farm = FarmSession(settings)
        panel = RenderQueuePanel(farm)
        qtbot.addWidget(panel)
        panel.resize(620, 300)
        panel.show()
        farm.show_jobs([_job(1, "success", 1.0), _job(2, "running", 0.4), _job(3, "success", 1.0)])
        view = panel.queue
        view.setFocus()
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 0)).center()
        )
        assert panel.current_job() is not None and panel.current_job().id == "job-1"
        selected, other = _bar_colours(view, 0), _bar_colours(view, 2)
        accent = view.palette().color(QPalette.ColorRole.Highlight)

        def accent_share(colours: list[QColor]) -> float:
            return sum(1 for c in colours if c.rgb() == accent.rgb()) / len(colours)

        assert accent_share(other) > 0.8  # a finished bar, all filled
        assert accent_share(selected) > 0.8, "the selected row shows the same full bar"
        base = view.palette().color(QPalette.ColorRole.Base)
        assert any(c.rgb() == base.rgb() for c in selected), "with the well that sets it off the selection"
        farm.shutdown()
    finally:
        apply_theme(app, "light")
