"""The app's link to a render farm: sign-in state, credits, the render queue and notifications.

:class:`FarmSession` is what the farm's windows talk to. Every farm call runs on a worker thread
(a :class:`QThreadPool`) and reports back by signals on the UI thread, so the UI never waits on
the network. Render progress is polled every second while a render is active; notifications
follow the farm's server-sent-events stream and, while that stream is down, are polled instead.
Failures become one message each: 401 signs the user out, "unreachable" is the offline state
(retried in the background; local work goes on), 402 reports the shortfall.

Submitting, cancelling and downloading renders are :attr:`FarmSession.renders`
(:class:`~aistudio_desktop.farm.renders.FarmRenders`); the price list and buying credits are
:attr:`FarmSession.credits` (:class:`~aistudio_desktop.farm.credits.FarmCredits`). What is not
secret lives in the app's settings: the farm URL, which farm project each local project uploads
to, and each submission still waiting for its answer with its idempotency key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSettings, QThreadPool, QTimer, Signal

from aistudio_desktop.background import Background
from aistudio_desktop.farm.client import (
    Account,
    FarmClient,
    FarmClientError,
    FarmUnreachable,
    LedgerEntry,
    Notification,
    RenderJob,
    SignInRequired,
    describe,
)
from aistudio_desktop.farm.credits import FarmCredits
from aistudio_desktop.farm.records import FarmState
from aistudio_desktop.farm.renders import FarmRenders
from aistudio_desktop.farm.stream import NotificationFollower
from aistudio_desktop.farm.tokens import KeyringTokens, SessionTokens, TokenStore

URL_SETTING = "farm/url"
DEFAULT_URL = "http://127.0.0.1:8000"


class FarmSession(QObject):
    stateChanged = Signal(str)
    accountChanged = Signal(object)  # Account | None
    ledgerChanged = Signal(list)
    jobsChanged = Signal(list)
    notificationsChanged = Signal(list, int)
    streamChanged = Signal(bool)  # True: following the live stream; False: polling
    signInFinished = Signal(str)  # '' on success, else why not
    message = Signal(str)

    poll_ms = 1000  # render progress while a render is active
    fallback_poll_ms = 4000  # notifications while the stream is down
    offline_retry_ms = 5000
    stream_retry_seconds = 2.0

    def __init__(
        self,
        settings: QSettings,
        tokens: Callable[[], TokenStore] = KeyringTokens,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._make_store = tokens
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self.client: FarmClient | None = None
        self.state = FarmState.signed_out
        self.account: Account | None = None
        self.jobs: list[RenderJob] = []
        self.ledger: list[LedgerEntry] = []
        self.notifications: list[Notification] = []
        self.unread = 0
        self.stream_live = False
        self._background = Background(self.pool)
        self._polling = False
        self._stream: NotificationFollower | None = None
        self._poll_timer = self._timer(self.poll_ms, self._poll_active)
        self._fallback_timer = self._timer(self.fallback_poll_ms, self._fallback_poll)
        self._offline_timer = self._timer(self.offline_retry_ms, self.refresh)
        self.renders = FarmRenders(self)
        self.credits = FarmCredits(self)

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # -- plumbing -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return self.client.url if self.client else str(self.settings.value(URL_SETTING, "") or "")

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``work()`` on a worker thread; ``done(result)`` or ``failed(error)`` back on the UI thread."""

        def finish(result: Any, error: BaseException | None) -> None:
            if error is None:
                done(result)
            elif failed is not None:
                failed(error)
            else:
                self.report(error)

        self._background.run(work, finish)

    def report(self, error: BaseException) -> None:
        if isinstance(error, SignInRequired):
            self._signed_out()
        elif isinstance(error, FarmUnreachable):
            self._set_state(FarmState.offline)
        self.message.emit(describe(error))

    def _set_state(self, state: FarmState) -> None:
        if state is FarmState.offline:
            self._offline_timer.start()
        else:
            self._offline_timer.stop()
        if state is not FarmState.online:
            self._poll_timer.stop()
            self._fallback_timer.stop()
        if state is FarmState.online:
            self._start_stream()
        else:
            self._stop_stream()
        if state is not self.state:
            self.state = state
            self.stateChanged.emit(state.value)

    def _signed_out(self) -> None:
        self.account = None
        self._set_state(FarmState.signed_out)
        self.accountChanged.emit(None)

    def setting_key(self, name: str, local_project_id: str) -> str:
        farm = hashlib.sha256(self.url.encode()).hexdigest()[:16]
        return f"farm/{name}/{farm}/{local_project_id}"

    # -- signing in and out ---------------------------------------------------------------------

    def restore(self) -> None:
        """Pick up the sign-in kept from the last run (the farm URL in settings, tokens in the keyring)."""
        url = str(self.settings.value(URL_SETTING, "") or "")
        if not url:
            return
        try:
            client = FarmClient(url, self._make_store())
        except FarmClientError:
            return
        self.client = client
        self.run(lambda: client.tokens, self._restored)

    def _restored(self, tokens: object) -> None:
        if tokens is None:
            self._signed_out()
        else:
            self.refresh()

    def sign_in(self, url: str, email: str, password: str, *, create: bool, name: str = "", remember: bool) -> None:
        """Sign in (after creating the account when ``create``); ``signInFinished`` says how it went."""
        try:
            client = FarmClient(url, self._make_store() if remember else SessionTokens())
        except FarmClientError as error:
            self.signInFinished.emit(str(error))
            return

        def work() -> Account:
            if create:
                client.sign_up(email, password, name)
            return client.sign_in(email, password)

        def done(account: Account) -> None:
            if self.client is not None and self.client is not client:
                self._stop_stream()  # the stream followed the other sign-in: a new one follows this one
                self.client.close()
            self.client = client
            self.settings.setValue(URL_SETTING, client.url)
            self.settings.sync()
            self._online(account)
            self.refresh_lists()
            self.renders.resume_pending()
            self.credits.load_prices()
            self.signInFinished.emit("")

        self.run(work, done, lambda error: self.signInFinished.emit(describe(error)))

    def sign_out(self) -> None:
        """Revoke the sign-in on the farm and forget it here."""
        client = self.client
        if client is None:
            return
        self._stop_stream()
        self.credits.stop_waiting()
        self.jobs, self.ledger, self.notifications, self.unread = [], [], [], 0
        self.jobsChanged.emit([])
        self.ledgerChanged.emit([])
        self.notificationsChanged.emit([], 0)
        self._signed_out()
        self.run(client.sign_out, lambda _r: self.message.emit("Signed out of the farm"))

    def _online(self, account: Account) -> None:
        self.account = account
        self._set_state(FarmState.online)
        self.accountChanged.emit(account)

    # -- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Balance first (it also says whether the farm is there), then the lists."""
        client = self.client
        if client is None:
            return

        def done(account: Account) -> None:
            came_back = self.state is not FarmState.online
            self._online(account)
            if came_back:
                self.refresh_lists()
                self.renders.resume_pending()
                self.credits.load_prices()

        self.run(client.account, done)

    def refresh_lists(self) -> None:
        client = self.client
        if client is None:
            return
        self.run(client.ledger, self._ledger)
        self.run(client.renders, self.show_jobs)
        self.run(client.notifications, self._notifications)

    def _ledger(self, entries: list[LedgerEntry]) -> None:
        self.ledger = entries
        self.ledgerChanged.emit(entries)

    def show_jobs(self, jobs: list[RenderJob]) -> None:
        self.jobs = jobs
        self.jobsChanged.emit(jobs)
        if any(job.active for job in jobs) and self.state is FarmState.online:
            self._poll_timer.start()

    def _notifications(self, page: tuple[list[Notification], int]) -> None:
        self.notifications, self.unread = page
        self.notificationsChanged.emit(self.notifications, self.unread)

    def _poll_active(self) -> None:
        client = self.client
        active = [job for job in self.jobs if job.active]
        if client is None or not active:
            self._poll_timer.stop()
            return
        if self._polling:
            return  # the last poll has not answered yet
        self._polling = True

        def done(fresh: list[RenderJob]) -> None:
            self._polling = False
            by_id = {job.id: job for job in fresh}
            finished = any(not job.active for job in fresh)
            self.jobs = [by_id.get(job.id, job) for job in self.jobs]
            self.jobsChanged.emit(self.jobs)
            if finished:
                self.refresh()
                self.run(client.ledger, self._ledger)
                self.run(client.notifications, self._notifications)

        def failed(error: BaseException) -> None:
            self._polling = False
            self.report(error)

        self.run(lambda: [client.render(job.id, job.film_title) for job in active], done, failed)

    def follow_progress(self) -> None:
        """Poll the active renders' progress (a render was just submitted)."""
        self._poll_timer.start()

    def reload_money(self) -> None:
        """The balance and the ledger again (a render was held, charged or released)."""
        self.refresh()
        if self.client is not None:
            self.run(self.client.ledger, self._ledger)

    def job(self, job_id: str) -> RenderJob | None:
        return next((job for job in self.jobs if job.id == job_id), None)

    # -- notifications stream -------------------------------------------------------------------

    def _start_stream(self) -> None:
        if self.client is None or self._stream is not None:
            return
        last = self.notifications[0].id if self.notifications else ""
        self._stream = NotificationFollower(self.client, last, self.stream_retry_seconds)
        self._stream.notified.connect(self._notified)
        self._stream.live.connect(self._stream_live)
        self._stream.start()

    def _stop_stream(self) -> None:
        if self._stream is not None:
            self._stream.stop()
            self._stream = None
        self._stream_live(False, quiet=True)

    def _stream_live(self, live: bool, quiet: bool = False) -> None:
        if not live and not quiet and self.state is FarmState.online and not self._fallback_timer.isActive():
            # down, even if it never came up: what the panel calls "checking every few seconds"
            self._fallback_timer.start()
        if live == self.stream_live:
            return
        self.stream_live = live
        if live:
            self._fallback_timer.stop()
            self._fallback_poll()  # catch up on anything from while it was down
        self.streamChanged.emit(live)

    def _fallback_poll(self) -> None:
        if self.client is None or self.state is not FarmState.online:
            return
        self.run(self.client.notifications, self._notifications)
        if not self._poll_timer.isActive():
            self.run(self.client.renders, self.show_jobs)

    def _notified(self, item: Notification) -> None:
        if any(known.id == item.id for known in self.notifications):
            return
        self.notifications = [item, *self.notifications]
        self.unread += 0 if item.read else 1
        self.notificationsChanged.emit(self.notifications, self.unread)
        self.message.emit(item.title)
        self.refresh()
        if self.client is not None:
            self.run(self.client.renders, self.show_jobs)
            self.run(self.client.ledger, self._ledger)

    def mark_read(self, notification_id: str) -> None:
        if self.client is not None:
            client = self.client
            self.run(lambda: client.mark_read(notification_id), lambda _r: self._reload_notifications())

    def mark_all_read(self) -> None:
        if self.client is not None:
            self.run(self.client.mark_all_read, lambda _r: self._reload_notifications())

    def _reload_notifications(self) -> None:
        if self.client is not None:
            self.run(self.client.notifications, self._notifications)

    # -- closing --------------------------------------------------------------------------------

    def shutdown(self) -> None:
        self.renders.stop_downloads()
        self.credits.stop_waiting()
        self._stop_stream()
        for timer in (self._poll_timer, self._fallback_timer, self._offline_timer):
            timer.stop()
        self.pool.waitForDone(5000)
        if self.client is not None:
            self.client.close()
