"""Final renders on the farm, for the :class:`~aistudio_desktop.farm.session.FarmSession`:
upload the film and get the estimate, submit (each attempt with an idempotency key kept in
:class:`~aistudio_desktop.farm.pending.PendingSubmissions` until the farm answers), send again
what got no answer, cancel, and download the finished film.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from aistudio_desktop.farm.client import (
    FarmClientError,
    FarmRefused,
    FarmUnreachable,
    NotEnoughCredits,
    describe,
    film_bundle,
)
from aistudio_desktop.farm.pending import PendingSubmissions
from aistudio_desktop.farm.records import Estimate, FarmState, RenderJob, Submission

if TYPE_CHECKING:
    from aistudio_desktop.farm.session import FarmSession


@dataclass(frozen=True)
class PreparedRender:
    """A film uploaded as a new version, with the farm's estimate: what the user agrees to."""

    local_project_id: str
    film_title: str
    project_id: str
    version: int
    estimate: Estimate


class FarmRenders(QObject):
    prepared = Signal(object)  # PreparedRender, or a str saying why not
    submitFinished = Signal(object, str, int)  # RenderJob | None, message, shortfall
    downloadProgress = Signal(str, int, int)  # job id, bytes done, bytes in all (0: unknown)
    downloadFinished = Signal(str, str, str)  # job id, path, error ('' on success)

    def __init__(self, session: FarmSession) -> None:
        super().__init__(session)
        self.session = session
        self._downloads: dict[str, threading.Event] = {}

    def stop_downloads(self) -> None:
        for stop in self._downloads.values():
            stop.set()

    def prepare_render(self, local_project_id: str, film_title: str, spec_json: str, files: dict[str, bytes]) -> None:
        """Upload the film as a new version (unless it is unchanged) and ask for the estimate."""
        client = self.session.client
        if client is None or self.session.state is FarmState.signed_out:
            self.prepared.emit("Sign in to a farm first (Farm > Sign In).")
            return
        try:
            bundle = film_bundle(spec_json, files)
        except FarmClientError as error:  # a file name no bundle may carry
            self.prepared.emit(str(error))
            return
        digest = hashlib.sha256(bundle).hexdigest()
        link_key, upload_key = (
            self.session.setting_key("projects", local_project_id),
            self.session.setting_key("uploaded", local_project_id),
        )
        known_project = str(self.session.settings.value(link_key, "") or "")
        last_upload = str(self.session.settings.value(upload_key, "") or "")

        def work() -> PreparedRender:
            project = known_project if known_project and client.project_exists(known_project) else ""
            version = 0
            if project and last_upload.startswith(digest + ":"):
                version = int(last_upload.split(":", 1)[1])
            if not project:
                project = client.create_project(film_title)
            if not version:
                version = client.upload_version(project, bundle)
            return PreparedRender(local_project_id, film_title, project, version, client.estimate(project, version))

        def done(prepared: PreparedRender) -> None:
            self.session.settings.setValue(link_key, prepared.project_id)
            self.session.settings.setValue(upload_key, f"{digest}:{prepared.version}")
            self.prepared.emit(prepared)

        def failed(error: BaseException) -> None:
            self.session.report(error)
            self.prepared.emit(describe(error))

        self.session.run(work, done, failed)

    @property
    def pending(self) -> PendingSubmissions:
        return PendingSubmissions(self.session.settings, self.session.url)

    def submit(self, prepared: PreparedRender) -> None:
        """Submit the prepared render. A repeat (double click, retry) reuses the waiting attempt's key."""
        kept = self.pending.get(prepared.local_project_id)
        if kept is not None and (kept[0].project_id, kept[0].version) == (prepared.project_id, prepared.version):
            submission = kept[0]
        else:
            submission = Submission(prepared.project_id, prepared.version, uuid.uuid4().hex, prepared.estimate.total)
            self.pending.keep(prepared.local_project_id, submission, prepared.film_title)
        self._send(prepared.local_project_id, submission, prepared.film_title)

    def resume_pending(self) -> None:
        """Send again every submission whose answer never came (same key: at most one render each)."""
        pending = self.pending
        for local_id in pending.projects():
            kept = pending.get(local_id)
            if kept is not None:
                self._send(local_id, kept[0], kept[1])

    def _send(self, local_project_id: str, submission: Submission, title: str) -> None:
        client = self.session.client
        if client is None:
            self.submitFinished.emit(None, "Sign in to a farm first (Farm > Sign In).", 0)
            return

        def done(job: RenderJob) -> None:
            self.pending.drop(local_project_id, submission)
            job = replace(job, film_title=title)
            if self.session.job(job.id) is None:
                self.session.show_jobs([job, *self.session.jobs])
            self.session.follow_progress()
            self.submitFinished.emit(job, "", 0)
            self.session.reload_money()

        def failed(error: BaseException) -> None:
            retry_later = isinstance(error, FarmUnreachable) or (isinstance(error, FarmRefused) and error.status >= 500)
            if not retry_later:
                self.pending.drop(local_project_id, submission)  # a definite answer: nothing was charged
            shortfall = error.shortfall if isinstance(error, NotEnoughCredits) else 0
            text = describe(error)
            if isinstance(error, NotEnoughCredits):
                text = (
                    f"Not enough credits: this render needs {shortfall} more than your balance. "
                    "Buy credits, then submit."
                )
            elif retry_later:
                text += " The render will be sent again when the farm answers; it is charged once."
            if not isinstance(error, NotEnoughCredits):
                self.session.report(error)
            self.submitFinished.emit(None, text, shortfall)

        self.session.run(lambda: client.submit(submission), done, failed)

    def cancel(self, job_id: str) -> None:
        client, job = self.session.client, self.session.job(job_id)
        if client is None or job is None:
            return

        def done(fresh: RenderJob) -> None:
            self.session.show_jobs([fresh if known.id == job_id else known for known in self.session.jobs])
            self.session.message.emit(f"Render of “{job.film_title}” canceled; its credits are back")
            self.session.reload_money()

        self.session.run(lambda: client.cancel(job_id, job.film_title), done)

    def download(self, job_id: str, path: Path) -> None:
        client = self.session.client
        if client is None or job_id in self._downloads:
            return
        stop = self._downloads[job_id] = threading.Event()

        def progress(done: int, total: int) -> None:
            self.downloadProgress.emit(job_id, done, total)  # from the worker: queued to the UI thread

        def finished(error: str, result: Path | None = None) -> None:
            self._downloads.pop(job_id, None)
            self.downloadFinished.emit(job_id, str(result or path), error)

        self.session.run(
            lambda: client.download(job_id, path, progress, stop),
            lambda result: finished("", result),
            lambda error: finished(describe(error)),
        )
