"""Plumbing records: notifications, the transactional outbox and stored idempotent responses."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from render_farm.server.db.base import Base, BigIntPK, CreatedAt, UUIDPrimaryKey


class Notification(UUIDPrimaryKey, CreatedAt, Base):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_id_created_at", "user_id", "created_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str | None] = mapped_column(String(1024))
    read_at: Mapped[datetime | None]


class OutboxMessage(CreatedAt, Base):
    """Work to hand to the queue, written in the same transaction as the change that causes it;
    a dispatcher sends undelivered rows in ``id`` order and stamps ``dispatched_at``."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_dispatched_at_id", "dispatched_at", "id"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    topic: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(default=0)
    dispatched_at: Mapped[datetime | None]
    available_at: Mapped[datetime | None]
    """Not sent before this time (a retry's back-off); NULL sends at once."""


class IdempotencyRecord(UUIDPrimaryKey, CreatedAt, Base):
    """The first response to an ``Idempotency-Key``, replayed for repeats of the same request.
    ``response_status`` is NULL while the first request is still being processed."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int | None]
    response_body: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    expires_at: Mapped[datetime] = mapped_column(index=True)
