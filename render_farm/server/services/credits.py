"""Credits for renders: the price list, and reserve -> capture / release on the ledger.

A submission *reserves* the estimate (a negative ledger entry, so the balance shown is what is
free to spend); a finished film *captures* the hold (an entry of zero that settles it); a failed
or canceled job *releases* it (the hold comes back). The ledger's partial unique index allows one
reserve, one capture and one release per job, and callers settle only after winning the job's
compare-and-set to a final state, so each happens exactly once.

A job that does not deliver its film releases the whole hold: scene renders are not handed to
the user on their own, so nothing was delivered.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from render_farm.server.db.models import CreditLedgerEntry, LedgerKind, RenderJob

from . import ledger

SCENE_CREDITS = 20
FINAL_VIDEO_CREDITS = 50


@dataclass(frozen=True)
class Estimate:
    scenes: int
    scene_credits: int
    final_video_credits: int

    @property
    def total(self) -> int:
        return self.scenes * self.scene_credits + self.final_video_credits


def estimate(scene_count: int) -> Estimate:
    return Estimate(scenes=scene_count, scene_credits=SCENE_CREDITS, final_video_credits=FINAL_VIDEO_CREDITS)


def reserve(session: Session, job: RenderJob) -> CreditLedgerEntry:
    """Hold ``job.credits_held``; :class:`InsufficientCredits` (with the shortfall) if the balance is short."""
    return ledger.append(session, job.user_id, -job.credits_held, LedgerKind.reserve, job_id=job.id, note="render hold")


def capture(session: Session, job: RenderJob) -> CreditLedgerEntry:
    """Settle the hold of a delivered job: the credits reserved are now spent."""
    return ledger.append(
        session, job.user_id, 0, LedgerKind.capture, job_id=job.id, note=f"render delivered: {job.credits_held} credits"
    )


def release(session: Session, job: RenderJob, reason: str) -> CreditLedgerEntry:
    """Give back the hold of a job that delivered nothing."""
    return ledger.append(
        session, job.user_id, job.credits_held, LedgerKind.release, job_id=job.id, note=f"returned: {reason}"[:200]
    )


def job_entries(session: Session, job_id: uuid.UUID) -> list[CreditLedgerEntry]:
    return list(
        session.scalars(
            select(CreditLedgerEntry).where(CreditLedgerEntry.job_id == job_id).order_by(CreditLedgerEntry.id)
        )
    )


def ledger_sum(session: Session, user_id: uuid.UUID) -> int:
    """The sum of every entry of the user (equal to their balance when the ledger is sound)."""
    return (
        session.scalar(
            select(func.coalesce(func.sum(CreditLedgerEntry.delta), 0)).where(CreditLedgerEntry.user_id == user_id)
        )
        or 0
    )
