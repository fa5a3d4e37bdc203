"""The reaper: takes back tasks whose worker went quiet and re-sends tasks whose message was lost.

A running task whose heartbeat is older than ``task_stall_seconds`` had its worker killed, hung
or cut off: it goes back to ``queued`` (or, with its attempts used up, fails the job) and a new
outbox message sends it again. A queued task not started ``task_requeue_seconds`` after it was
sent is sent again too: brokers without acknowledgements (the embedded one) drop a message whose
worker died holding it. Both are safe to overdo: tasks claim their row by compare-and-set.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from ..db.base import utcnow
from ..db.models import IdempotencyRecord, JobState, RenderJob, RenderTask
from ..settings import FarmSettings
from . import outbox
from .render_tasks import topic_of
from .renders import ACTIVE_STATES, fail_job, lock_job
from .tx import begin_write

log = logging.getLogger(__name__)


@dataclass
class Reaped:
    requeued: int = 0
    resent: int = 0
    failed_jobs: int = 0


def _candidates(session: Session, settings: FarmSettings) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    now = utcnow()
    stalled = session.scalars(
        select(RenderTask.id)
        .join(RenderJob, RenderJob.id == RenderTask.job_id)
        .where(
            RenderJob.state.in_(ACTIVE_STATES),
            RenderTask.state == JobState.running,
            RenderTask.heartbeat_at < now - timedelta(seconds=settings.task_stall_seconds),
        )
        .limit(200)
    ).all()
    forgotten = session.scalars(
        select(RenderTask.id)
        .join(RenderJob, RenderJob.id == RenderTask.job_id)
        .where(
            RenderJob.state.in_(ACTIVE_STATES),
            RenderTask.state == JobState.queued,
            RenderTask.queued_at < now - timedelta(seconds=settings.task_requeue_seconds),
        )
        .limit(200)
    ).all()
    return list(stalled), list(forgotten)


def reap(factory: sessionmaker[Session], settings: FarmSettings) -> Reaped:
    """One pass over stalled and forgotten tasks; each is handled in its own short transaction."""
    report = Reaped()
    with factory() as session:
        stalled, forgotten = _candidates(session, settings)
    for task_id in stalled + forgotten:
        with factory() as session:
            begin_write(session)
            job_id = session.scalar(select(RenderTask.job_id).where(RenderTask.id == task_id))
            job = lock_job(session, job_id) if job_id else None
            task = session.get(RenderTask, task_id, with_for_update=True, populate_existing=True)
            if job is None or task is None or job.state not in ACTIVE_STATES:
                session.commit()
                continue
            now = utcnow()
            if task.state is JobState.running:
                if task.heartbeat_at is not None and task.heartbeat_at >= now - timedelta(
                    seconds=settings.task_stall_seconds
                ):
                    session.commit()  # it beat again meanwhile
                    continue
                if task.attempts >= settings.task_max_attempts:
                    label = f"scene {task.scene_number}" if task.scene_number else "the final assembly"
                    reason = f"{label} stopped responding {task.attempts} times (its worker died or hung)"
                    task.state = JobState.failed
                    fail_job(session, settings, job, reason)
                    report.failed_jobs += 1
                    session.commit()
                    continue
                log.warning("task %s of job %s stalled on %s; queuing it again", task.id, job.id, task.worker)
                task.state = JobState.queued
                task.error = f"worker {task.worker} stopped responding"
                report.requeued += 1
            elif task.state is JobState.queued:
                if task.queued_at is None or task.queued_at >= now - timedelta(seconds=settings.task_requeue_seconds):
                    session.commit()
                    continue
                report.resent += 1
            else:
                session.commit()
                continue
            task.queued_at = now
            outbox.add(session, topic_of(task.kind), {"task_id": str(task.id)})
            session.commit()
    return report


def purge(factory: sessionmaker[Session]) -> int:
    """Delete expired idempotency records and long-sent outbox rows."""
    with factory() as session:
        begin_write(session)
        result = session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at < utcnow()))
        removed = int(getattr(result, "rowcount", 0) or 0) + outbox.purge_sent(session)
        session.commit()
    return removed
