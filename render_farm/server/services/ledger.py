"""The credit ledger's two primitives: read a balance, append an entry.

Credits, renders and billing build on these. ``append`` must run inside a write transaction
(:func:`begin_write`): it locks the user's row (PostgreSQL) or holds the database write lock
(SQLite), so two concurrent appends can never both read the same balance. The CHECK constraint
``balance_after >= 0`` backs this up in the database itself.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from render_farm.server.db.models import CreditLedgerEntry, LedgerKind, User
from render_farm.server.errors import InsufficientCredits


def balance(session: Session, user_id: uuid.UUID) -> int:
    """The user's balance: ``balance_after`` of their newest entry (0 before any)."""
    latest = session.scalar(
        select(CreditLedgerEntry.balance_after)
        .where(CreditLedgerEntry.user_id == user_id)
        .order_by(CreditLedgerEntry.id.desc())
        .limit(1)
    )
    return latest or 0


def append(
    session: Session,
    user_id: uuid.UUID,
    delta: int,
    kind: LedgerKind,
    *,
    job_id: uuid.UUID | None = None,
    billing_record_id: uuid.UUID | None = None,
    note: str = "",
) -> CreditLedgerEntry:
    """Add ``delta`` to the user's balance; :class:`InsufficientCredits` if it would go below zero."""
    session.execute(select(User.id).where(User.id == user_id).with_for_update())
    current = balance(session, user_id)
    if current + delta < 0:
        shortfall = -(current + delta)
        raise InsufficientCredits(f"this needs {-delta} credits and you have {current}", shortfall=shortfall)
    entry = CreditLedgerEntry(
        user_id=user_id,
        delta=delta,
        kind=kind,
        job_id=job_id,
        billing_record_id=billing_record_id,
        balance_after=current + delta,
        note=note,
    )
    session.add(entry)
    session.flush()
    return entry
