"""The Render Queue panel: the farm sign-in state and credits, the user's farm renders with live
per-scene progress (cancel, download with a progress bar, open), the credit ledger and the
farm's notifications with their unread count."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aistudio_desktop.farm.client import RenderJob
from aistudio_desktop.farm.models import (
    JOB_ROLE,
    LedgerModel,
    NotificationsModel,
    ProgressDelegate,
    RenderQueueModel,
    scene_summary,
)
from aistudio_desktop.farm.records import Notification
from aistudio_desktop.farm.session import FarmSession, FarmState


def default_download_dir() -> Path:
    """The user's Videos folder, else Downloads, else home."""
    for location in (QStandardPaths.StandardLocation.MoviesLocation, QStandardPaths.StandardLocation.DownloadLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


class RenderQueuePanel(QWidget):
    message = Signal(str)
    signInRequested = Signal()

    def __init__(self, farm: FarmSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.farm = farm
        self.downloaded: dict[str, Path] = {}
        self.status = QLabel()
        self.status.setObjectName("farmStatus")
        self.status.setWordWrap(True)
        self.balance = QLabel()
        self.balance.setObjectName("farmBalance")
        self.sign_in_button = QPushButton("Sign In…")
        self.sign_in_button.clicked.connect(self.signInRequested)
        self.retry_button = QPushButton("Try Again")
        self.retry_button.clicked.connect(farm.refresh)
        top = QHBoxLayout()
        top.addWidget(self.balance)
        top.addWidget(self.status, 1)
        top.addWidget(self.retry_button)
        top.addWidget(self.sign_in_button)

        self.queue_model = RenderQueueModel()
        self.queue = QTableView()
        self.queue.setObjectName("renderQueue")
        self.queue.setModel(self.queue_model)
        self.queue.setItemDelegateForColumn(RenderQueueModel.PROGRESS, ProgressDelegate(self.queue))
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.verticalHeader().hide()
        self.queue.setShowGrid(False)
        self.queue.setAlternatingRowColors(True)
        self.queue.setMinimumHeight(48)
        header = self.queue.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RenderQueueModel.PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(RenderQueueModel.PROGRESS, 150)
        for column in (1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.queue.selectionModel().currentRowChanged.connect(lambda *_: self._selection())
        self.queue.doubleClicked.connect(lambda _i: self.open_film())
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.cancel_button = QPushButton("&Cancel Render")
        self.cancel_button.clicked.connect(self.cancel)
        self.download_button = QPushButton("&Download…")
        self.download_button.clicked.connect(self.download)
        self.open_button = QPushButton("&Open Film")
        self.open_button.clicked.connect(self.open_film)
        self.download_bar = QProgressBar()
        self.download_bar.setTextVisible(True)
        self.download_bar.hide()
        buttons = QHBoxLayout()
        for button in (self.cancel_button, self.download_button, self.open_button):
            buttons.addWidget(button)
        buttons.addWidget(self.download_bar, 1)
        buttons.addStretch(0)
        queue_page = QWidget()
        queue_layout = QVBoxLayout(queue_page)
        queue_layout.setContentsMargins(0, 4, 0, 0)
        queue_layout.addWidget(self.queue, 1)
        queue_layout.addWidget(self.detail)
        queue_layout.addLayout(buttons)

        self.ledger_model = LedgerModel()
        self.ledger = QTableView()
        self.ledger.setModel(self.ledger_model)
        self.ledger.verticalHeader().hide()
        self.ledger.setShowGrid(False)
        self.ledger.setAlternatingRowColors(True)
        self.ledger.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ledger.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

        self.notes_model = NotificationsModel()
        self.notes = QListView()
        self.notes.setObjectName("notifications")
        self.notes.setModel(self.notes_model)
        self.notes.setAlternatingRowColors(True)
        self.notes.setSpacing(2)
        # a notification is read whole: its lines wrap to the panel's width (and the tooltip has it too)
        self.notes.setWordWrap(True)
        self.notes.setUniformItemSizes(False)
        self.notes.setResizeMode(QListView.ResizeMode.Adjust)
        self.notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes.activated.connect(self._note_activated)
        self.mark_read_button = QPushButton("&Mark Read")
        self.mark_read_button.clicked.connect(lambda: self._note_activated(self.notes.currentIndex()))
        self.mark_all_button = QPushButton("Mark &All Read")
        self.mark_all_button.clicked.connect(farm.mark_all_read)
        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        notes_layout.setContentsMargins(0, 4, 0, 0)
        notes_layout.addWidget(self.notes, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.mark_read_button)
        row.addWidget(self.mark_all_button)
        notes_layout.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(queue_page, "Renders")
        self.tabs.addTab(self.ledger, "Credits")
        self.tabs.addTab(notes_page, "Notifications")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(farm.refresh)

        farm.stateChanged.connect(lambda _s: self._state())
        farm.accountChanged.connect(lambda _a: self._state())
        farm.streamChanged.connect(lambda _live: self._state())
        farm.jobsChanged.connect(self._jobs)
        farm.ledgerChanged.connect(self.ledger_model.set_entries)
        farm.notificationsChanged.connect(self._notifications)
        farm.renders.downloadProgress.connect(self._download_progress)
        farm.renders.downloadFinished.connect(self._downloaded)
        self._state()
        self._selection()

    # -- what the panel shows -------------------------------------------------------------------

    def _state(self) -> None:
        farm, account = self.farm, self.farm.account
        state = farm.state
        self.sign_in_button.setText("Sign In…" if state is FarmState.signed_out else "Switch Account…")
        self.retry_button.setVisible(state is FarmState.offline)
        if state is FarmState.signed_out or (state is FarmState.online and account is None):
            self.balance.setText("Not signed in")
            self.status.setText(
                "Sign in to a render farm to render final films there (Farm > Sign In, Ctrl+Alt+S). "
                "Everything else works without one."
            )
        elif state is FarmState.offline:
            self.balance.setText("Offline")
            self.status.setText(
                f"Cannot reach {farm.url.split('://', 1)[-1]}. Your projects and previews keep working; "
                "trying again every few seconds."
            )
        elif account is not None:
            self.balance.setText(f"{account.credits} credits")
            live = "live" if farm.stream_live else "checking every few seconds"
            farm_name = farm.url.split("://", 1)[-1]
            self.status.setText(f"{account.email} · {farm_name} · {live}")
            self.status.setToolTip(f"Signed in as {account.email} on {farm.url}")
        self._selection()

    def _jobs(self, jobs: list[RenderJob]) -> None:
        current = self.current_job()
        known = {job.id for job in self.queue_model.jobs}
        self.queue_model.set_jobs(jobs)
        if known and jobs and jobs[0].id not in known:
            self.queue.selectRow(0)  # a render just submitted: show it
        elif current is not None:
            for row, job in enumerate(jobs):
                if job.id == current.id:
                    self.queue.selectRow(row)
        elif jobs:
            self.queue.selectRow(0)
        self._selection()

    def _notifications(self, items: list[Notification], unread: int) -> None:
        self.notes_model.set_items(items)
        self.tabs.setTabText(2, f"Notifications ({unread})" if unread else "Notifications")

    def current_job(self) -> RenderJob | None:
        index = self.queue.currentIndex()
        job = index.data(JOB_ROLE) if index.isValid() else None
        return job if isinstance(job, RenderJob) else None

    def _selection(self) -> None:
        job = self.current_job()
        online = self.farm.state is FarmState.online
        self.cancel_button.setEnabled(bool(job and job.active and online))
        self.download_button.setEnabled(bool(job and job.download_ready and online))
        self.open_button.setEnabled(bool(job and job.id in self.downloaded and self.downloaded[job.id].exists()))
        if job is None:
            self.detail.setText("")
        elif job.error:
            self.detail.setText(f"{job.film_title}: {job.error}")
        else:
            self.detail.setText(scene_summary(job))

    # -- what the user does ---------------------------------------------------------------------

    def cancel(self) -> None:
        job = self.current_job()
        if job is not None and job.active:
            self.farm.renders.cancel(job.id)

    def download_path(self, job: RenderJob) -> Path | None:
        """Where to save the film: asked of the user (a file dialog), in their Videos folder by default."""
        name = "".join(c for c in job.film_title if c.isalnum() or c in " -_").strip() or "film"
        suggested = default_download_dir() / f"{name} v{job.version}.mp4"
        path, _ = QFileDialog.getSaveFileName(self, "Save the film", str(suggested), "MP4 (*.mp4)")
        if not path:
            return None
        return Path(path if path.endswith(".mp4") else path + ".mp4")

    def download(self, path: Path | None = None) -> None:
        job = self.current_job()
        if job is None or not job.download_ready:
            return
        path = path or self.download_path(job)
        if path is None:
            return
        self.download_bar.setRange(0, 0)
        self.download_bar.setFormat("Downloading… %p%")
        self.download_bar.show()
        self.download_button.setEnabled(False)
        self.farm.renders.download(job.id, path)

    def _download_progress(self, _job_id: str, done: int, total: int) -> None:
        if total:
            self.download_bar.setRange(0, 1000)
            self.download_bar.setValue(int(done * 1000 / total))

    def _downloaded(self, job_id: str, path: str, error: str) -> None:
        self.download_bar.hide()
        if error:
            self.message.emit(error)
        else:
            self.downloaded[job_id] = Path(path)
            self.message.emit(f"Film saved to {path}")
        self._selection()

    def open_film(self) -> None:
        job = self.current_job()
        path = self.downloaded.get(job.id) if job else None
        if path is not None and path.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _note_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.farm.mark_read(str(index.data(NotificationsModel.ID_ROLE)))
