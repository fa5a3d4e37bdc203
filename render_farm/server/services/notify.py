"""Notifications: in-app records (listed, marked read, pushed to the desktop's event stream) and
the emails that go with them.

Render workers call :func:`notify_render_finished` and :func:`notify_render_failed` inside the
transaction that settles the job: the notification row commits with it, and its email is handed
to the background sender only after that commit (a rolled-back job sends nothing). Sending never
raises into the worker and never waits for the mail server.

Event streams find new rows by polling the database, so a notification written by any process
(worker or API) reaches every API process; a commit in this process also wakes this process's
streams at once (:data:`wakeups`).
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import event, func, select, tuple_, update
from sqlalchemy.orm import Session

from render_farm.server.db.base import utcnow
from render_farm.server.db.models import Notification, Project, RenderJob, User
from render_farm.server.errors import InvalidInput, NotFound
from render_farm.server.settings import FarmSettings

from . import email as mail
from .tx import begin_write

log = logging.getLogger(__name__)

RENDER_FINISHED = "render_finished"
RENDER_FAILED = "render_failed"
RENDER_PATH = "/api/v1/renders/{job_id}"
"""Where the farm API serves a render job (its status and download link)."""
STREAM_LOOKBACK = timedelta(seconds=30)
"""Rows this much older than the newest one sent are checked again: a transaction that began
earlier may commit later, and worker clocks may lag the API's a little."""
_PENDING_EMAILS = "farm_pending_notifications"
_LISTENING = "farm_notification_listeners"


# -- waking streams in this process ------------------------------------------------------------


class Wakeups:
    """Per-user asyncio events set (thread-safely) when this process commits a notification."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: dict[uuid.UUID, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}

    def subscribe(self, user_id: uuid.UUID) -> asyncio.Event:
        signal = asyncio.Event()
        with self._lock:
            self._waiters.setdefault(user_id, set()).add((asyncio.get_running_loop(), signal))
        return signal

    def unsubscribe(self, user_id: uuid.UUID, signal: asyncio.Event) -> None:
        with self._lock:
            waiters = self._waiters.get(user_id, set())
            for item in [item for item in waiters if item[1] is signal]:
                waiters.discard(item)
            if not waiters:
                self._waiters.pop(user_id, None)

    def wake(self, user_id: uuid.UUID) -> None:
        with self._lock:
            waiters = list(self._waiters.get(user_id, ()))
        for loop, signal in waiters:
            try:
                loop.call_soon_threadsafe(signal.set)
            except RuntimeError:  # that loop has closed; its stream is gone
                self.unsubscribe(user_id, signal)


wakeups = Wakeups()


@dataclass
class _AfterCommit:
    users: set[uuid.UUID] = field(default_factory=set)
    emails: list[tuple[FarmSettings, mail.Email]] = field(default_factory=list)


def _after_commit_work(session: Session) -> _AfterCommit:
    work = session.info.get(_PENDING_EMAILS)
    if work is None:
        work = session.info[_PENDING_EMAILS] = _AfterCommit()
        if not session.info.get(_LISTENING):
            # Listeners stay for the session's life (removing one while it runs is not allowed).
            session.info[_LISTENING] = True
            event.listen(session, "after_commit", _on_commit)
            event.listen(session, "after_rollback", _on_rollback)
    assert isinstance(work, _AfterCommit)
    return work


def _on_commit(session: Session) -> None:
    work = session.info.pop(_PENDING_EMAILS, None)
    if not isinstance(work, _AfterCommit):
        return
    for user_id in work.users:
        wakeups.wake(user_id)
    for settings, email in work.emails:
        mail.send_later(settings, email)


def _on_rollback(session: Session) -> None:
    work = session.info.pop(_PENDING_EMAILS, None)
    if isinstance(work, _AfterCommit) and work.emails:
        log.info("%d notification email(s) dropped: their transaction rolled back", len(work.emails))


# -- writing -----------------------------------------------------------------------------------


def create(
    session: Session, user_id: uuid.UUID, kind: str, title: str, body: str = "", link: str | None = None
) -> Notification:
    """Add an in-app notification to the session's transaction (the caller commits)."""
    notification = Notification(user_id=user_id, kind=kind, title=title[:200], body=body, link=link)
    session.add(notification)
    session.flush()
    _after_commit_work(session).users.add(user_id)
    return notification


def email_after_commit(session: Session, settings: FarmSettings, email: mail.Email) -> None:
    """Send ``email`` once the session's transaction commits (never if it rolls back)."""
    _after_commit_work(session).emails.append((settings, email))


@lru_cache(maxsize=1)
def _environment_settings() -> FarmSettings:
    return FarmSettings()


def _job_context(session: Session, job: RenderJob, settings: FarmSettings) -> tuple[User, str, str]:
    user = session.get(User, job.user_id)
    if user is None:
        raise NotFound(f"render job {job.id} names a user that does not exist")
    project = session.get(Project, job.project_id)
    name = project.name if project is not None else "your film"
    link = settings.public_url.rstrip("/") + RENDER_PATH.format(job_id=job.id)
    return user, name, link


def notify_render_finished(
    session: Session, job: RenderJob, *, download_url: str | None = None, settings: FarmSettings | None = None
) -> Notification:
    """Tell the job's owner their film is ready: in the app (linking to the job) and by email
    (with ``download_url``, the time-limited download link, when the caller has one)."""
    settings = settings or _environment_settings()
    user, name, job_link = _job_context(session, job, settings)
    title = f'Your film "{name}" is ready'
    notification = create(session, user.id, RENDER_FINISHED, title, "The final render finished.", job_link)
    link = download_url or job_link
    expiry = " (the link works for a limited time; the app can always fetch a fresh one)" if download_url else ""
    text = (
        f"Hello {user.display_name or user.email},\n\n"
        f'the final render of "{name}" is finished.\n\n'
        f"Download it here{expiry}:\n{link}\n\n"
        "-- AI Studio render farm\n"
    )
    email_after_commit(session, settings, mail.Email(user.email, title, text))
    return notification


def notify_render_failed(
    session: Session, job: RenderJob, reason: str, *, settings: FarmSettings | None = None
) -> Notification:
    """Tell the job's owner their render failed and why; credits not used were given back."""
    settings = settings or _environment_settings()
    user, name, job_link = _job_context(session, job, settings)
    title = f'Your film "{name}" could not be rendered'
    body = f"{reason}\nCredits held for what was not rendered have been returned to your balance."
    notification = create(session, user.id, RENDER_FAILED, title, body, job_link)
    text = (
        f"Hello {user.display_name or user.email},\n\n"
        f'the final render of "{name}" failed:\n\n  {reason}\n\n'
        "Credits held for what was not rendered have been returned to your balance.\n"
        f"Details: {job_link}\n\n"
        "-- AI Studio render farm\n"
    )
    email_after_commit(session, settings, mail.Email(user.email, title, text))
    return notification


# -- reading and marking -----------------------------------------------------------------------


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
CURSOR_PATTERN = r"^[0-9]{1,16}_[0-9a-f]{32}$"
"""A page cursor: microseconds since the epoch and the notification id, of the last row sent."""


def encode_cursor(notification: Notification) -> str:
    micros = (notification.created_at - EPOCH) // timedelta(microseconds=1)
    return f"{micros}_{notification.id.hex}"


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    if not re.fullmatch(CURSOR_PATTERN, cursor):
        raise InvalidInput("before: not a cursor this API handed out")
    micros, _, ident = cursor.partition("_")
    return EPOCH + timedelta(microseconds=int(micros)), uuid.UUID(hex=ident)


def page(
    session: Session, user_id: uuid.UUID, limit: int, before: str | None = None, unread_only: bool = False
) -> tuple[list[Notification], str | None]:
    """The user's notifications, newest first; the second value is the cursor of the next page."""
    query = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    if before:
        query = query.where(tuple_(Notification.created_at, Notification.id) < decode_cursor(before))
    query = query.order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit + 1)
    rows = list(session.scalars(query))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode_cursor(rows[-1]) if more and rows else None)


def unread_count(session: Session, user_id: uuid.UUID) -> int:
    query = select(func.count()).where(Notification.user_id == user_id, Notification.read_at.is_(None))
    return session.scalar(query) or 0


def get(session: Session, user_id: uuid.UUID, notification_id: uuid.UUID) -> Notification:
    notification = session.get(Notification, notification_id)
    if notification is None or notification.user_id != user_id:
        raise NotFound("no such notification")
    return notification


def mark_read(session: Session, user_id: uuid.UUID, notification_id: uuid.UUID) -> Notification:
    begin_write(session)
    notification = get(session, user_id, notification_id)
    if notification.read_at is None:
        notification.read_at = utcnow()
    session.commit()
    return notification


def mark_all_read(session: Session, user_id: uuid.UUID) -> int:
    begin_write(session)
    result: Any = session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    session.commit()
    return int(result.rowcount or 0)


@dataclass
class StreamCursor:
    """What one event stream has sent: rows at or before ``watermark - STREAM_LOOKBACK`` never
    again, and rows after it unless their id is in ``sent``."""

    watermark: datetime
    sent: dict[uuid.UUID, datetime] = field(default_factory=dict)

    def take(self, rows: list[Notification]) -> list[Notification]:
        fresh = [row for row in rows if row.id not in self.sent]
        for row in fresh:
            self.sent[row.id] = row.created_at
            self.watermark = max(self.watermark, row.created_at)
        horizon = self.watermark - STREAM_LOOKBACK
        self.sent = {key: when for key, when in self.sent.items() if when > horizon}
        return fresh


def _window(session: Session, user_id: uuid.UUID, since: datetime) -> list[Notification]:
    query = (
        select(Notification)
        .where(Notification.user_id == user_id, Notification.created_at > since)
        .order_by(Notification.created_at, Notification.id)
        .limit(500)
    )
    return list(session.scalars(query))


def open_stream(session: Session, user_id: uuid.UUID, last_event_id: str | None) -> StreamCursor:
    """Where a stream starts: after the user's notification ``last_event_id`` (resuming), else now.
    Rows already there when it starts count as sent (the client lists them itself)."""
    resume: Notification | None = None
    if last_event_id:
        try:
            resume = session.get(Notification, uuid.UUID(last_event_id.strip()))
        except ValueError:
            resume = None
        if resume is not None and resume.user_id != user_id:
            resume = None  # someone else's id says nothing about this user's stream
    if resume is None:
        cursor = StreamCursor(watermark=utcnow())
        cursor.take(_window(session, user_id, cursor.watermark - STREAM_LOOKBACK))
        return cursor
    cursor = StreamCursor(watermark=resume.created_at)
    earlier = _window(session, user_id, resume.created_at - STREAM_LOOKBACK)
    mark = (resume.created_at, resume.id)
    cursor.take([row for row in earlier if (row.created_at, row.id) <= mark])
    return cursor


def poll_stream(session: Session, user_id: uuid.UUID, cursor: StreamCursor) -> list[Notification]:
    """The notifications the stream has not sent yet, oldest first."""
    return cursor.take(_window(session, user_id, cursor.watermark - STREAM_LOOKBACK))
