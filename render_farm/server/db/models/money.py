"""Credits and billing: the append-only credit ledger and payment-provider billing records.

The balance is the ledger: every change is a row whose ``balance_after`` is the running total,
and a CHECK constraint keeps it from going below zero whatever the code above it does. A user
gets exactly one ``grant`` (partial unique index), and a job at most one ``reserve``, one
``capture`` and one ``release`` (another partial unique index), so settling twice is impossible.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from render_farm.server.db.base import Base, BigIntPK, CreatedAt, UUIDPrimaryKey, state_enum

SIGN_UP_GRANT = 100


class LedgerKind(StrEnum):
    grant = "grant"
    reserve = "reserve"
    capture = "capture"
    release = "release"
    purchase = "purchase"
    refund = "refund"
    design = "design"  # characters designed on the farm; a failed design is given back by a release


class CreditLedgerEntry(CreatedAt, Base):
    __tablename__ = "credit_ledger"
    __table_args__ = (
        CheckConstraint("balance_after >= 0", name="balance_not_negative"),
        Index(
            "uq_credit_ledger_one_grant",
            "user_id",
            unique=True,
            sqlite_where=text("kind = 'grant'"),
            postgresql_where=text("kind = 'grant'"),
        ),
        Index(
            "uq_credit_ledger_job_settlement",
            "job_id",
            "kind",
            unique=True,
            sqlite_where=text("job_id IS NOT NULL AND kind IN ('reserve', 'capture', 'release')"),
            postgresql_where=text("job_id IS NOT NULL AND kind IN ('reserve', 'capture', 'release')"),
        ),
        Index("ix_credit_ledger_user_id_id", "user_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    """Increasing: the newest entry of a user carries their balance."""
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    delta: Mapped[int]
    kind: Mapped[LedgerKind] = mapped_column(state_enum(LedgerKind, "ledger_kind"))
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("render_jobs.id"))
    billing_record_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("billing_records.id"))
    balance_after: Mapped[int]
    note: Mapped[str] = mapped_column(String(200), default="")


class BillingRecord(UUIDPrimaryKey, CreatedAt, Base):
    """A verified payment-provider event; the unique event id makes redelivered webhooks harmless."""

    __tablename__ = "billing_records"
    __table_args__ = (UniqueConstraint("provider", "provider_event_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    provider: Mapped[str] = mapped_column(String(32))
    provider_event_id: Mapped[str] = mapped_column(String(255))
    amount_cents: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    credits: Mapped[int]
