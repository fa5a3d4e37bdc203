"""The transactional outbox: work for the queue is written as rows in the same transaction as the
change that causes it (a charge, a finished scene), and a relay publishes them afterwards.

A crash between the commit and the publish loses nothing: the row is still there and the next
relay sends it. A publish that fails (broker down) leaves the row for a later round, with back-off.
A crash after the publish but before the row is stamped sends it twice, which is harmless: tasks
claim their database row by compare-and-set, so the second delivery does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from render_farm.server.db.base import utcnow
from render_farm.server.db.models import OutboxMessage

from .tx import begin_write

log = logging.getLogger(__name__)

SCENE_TOPIC = "render.scene"
ASSEMBLY_TOPIC = "render.assembly"
MAX_BACKOFF_SECONDS = 30.0

Publish = Callable[[str, dict[str, Any]], None]
"""Hands one message (topic, payload) to the broker; raises if it could not."""


def add(session: Session, topic: str, payload: dict[str, Any], available_at: datetime | None = None) -> OutboxMessage:
    """Queue a message in the caller's transaction (sent only if that transaction commits)."""
    message = OutboxMessage(topic=topic, payload=payload, available_at=available_at)
    session.add(message)
    return message


def _due() -> Any:
    return (
        OutboxMessage.dispatched_at.is_(None),
        or_(OutboxMessage.available_at.is_(None), OutboxMessage.available_at <= utcnow()),
    )


def pending(session: Session) -> int:
    """How many messages are due and not yet sent."""
    return len(session.scalars(select(OutboxMessage.id).where(*_due()).limit(1000)).all())


def relay(factory: sessionmaker[Session], publish: Publish, batch: int = 100) -> int:
    """Publish due messages in ``id`` order; returns how many were sent. Stops at the first failure
    (the broker is likely down) and schedules that message again with back-off."""
    with factory() as session:
        if session.scalar(select(OutboxMessage.id).where(*_due()).limit(1)) is None:
            return 0  # the common case costs one read and no write lock
    sent = 0
    with factory() as session:
        begin_write(session)
        rows = session.scalars(
            select(OutboxMessage)
            .where(*_due())
            .order_by(OutboxMessage.id)
            .limit(batch)
            .with_for_update(skip_locked=True)
        ).all()
        for row in rows:
            try:
                publish(row.topic, row.payload)
            except Exception as error:  # any broker or network error: keep the row, try later
                row.attempts += 1
                delay = min(MAX_BACKOFF_SECONDS, 0.5 * 2 ** min(row.attempts, 10))
                row.available_at = utcnow() + timedelta(seconds=delay)
                log.warning(
                    "outbox: cannot publish %s #%s (try %d, again in %.1fs): %s",
                    row.topic,
                    row.id,
                    row.attempts,
                    delay,
                    error,
                )
                break
            row.dispatched_at = utcnow()
            sent += 1
        session.commit()
    return sent


def purge_sent(session: Session, older_than: timedelta = timedelta(days=7)) -> int:
    """Delete messages sent long ago (the caller commits)."""
    rows = session.scalars(
        select(OutboxMessage).where(OutboxMessage.dispatched_at < utcnow() - older_than).limit(1000)
    ).all()
    for row in rows:
        session.delete(row)
    return len(rows)
