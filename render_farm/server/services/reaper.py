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
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from render_farm.server.db.base import utcnow
from render_farm.server.db.models import IdempotencyRecord, JobState, RenderJob, RenderTask
from render_farm.server.settings import FarmSettings

from . import cloud_ai, outbox
from .render_tasks import heartbeat_stale, lock_task, queue_again, task_label
from .renders import ACTIVE_STATES, fail_job
from .tx import begin_write

log = logging.getLogger(__name__)


@dataclass
class Reaped:
    requeued: int = 0
    resent: int = 0
    failed_jobs: int = 0


def _overdue(
    session: Session, state: JobState, since: InstrumentedAttribute[datetime | None], seconds: float
) -> list[uuid.UUID]:
    """Tasks of active jobs in ``state`` whose ``since`` time is more than ``seconds`` ago."""
    return list(
        session.scalars(
            select(RenderTask.id)
            .join(RenderJob, RenderJob.id == RenderTask.job_id)
            .where(
                RenderJob.state.in_(ACTIVE_STATES),
                RenderTask.state == state,
                since < utcnow() - timedelta(seconds=seconds),
            )
            .limit(200)
        )
    )


def reap(factory: sessionmaker[Session], settings: FarmSettings) -> Reaped:
    """One pass over stalled and forgotten tasks; each is handled in its own short transaction."""
    report = Reaped()
    with factory() as session:
        stalled = _overdue(session, JobState.running, RenderTask.heartbeat_at, settings.task_stall_seconds)
        forgotten = _overdue(session, JobState.queued, RenderTask.queued_at, settings.task_requeue_seconds)
    for task_id in stalled + forgotten:
        with factory() as session:
            begin_write(session)
            locked = lock_task(session, task_id)
            if locked is not None:
                _reap_one(session, settings, *locked, report)
            session.commit()
    return report


def _reap_one(session: Session, settings: FarmSettings, job: RenderJob, task: RenderTask, report: Reaped) -> None:
    """Take back one task if it is still stalled or forgotten now that its row is locked."""
    now = utcnow()
    if job.state not in ACTIVE_STATES:
        return
    if task.state is JobState.running:
        if not heartbeat_stale(task, settings, now):
            return  # it beat again meanwhile
        if task.attempts >= settings.task_max_attempts:
            task.state = JobState.failed
            fail_job(
                session,
                settings,
                job,
                f"{task_label(task)} stopped responding {task.attempts} times (its worker died or hung)",
            )
            report.failed_jobs += 1
            return
        log.warning("task %s of job %s stalled on %s; queuing it again", task.id, job.id, task.worker)
        task.error = f"worker {task.worker} stopped responding"
        report.requeued += 1
    elif task.state is JobState.queued:
        if task.queued_at is None or task.queued_at >= now - timedelta(seconds=settings.task_requeue_seconds):
            return
        report.resent += 1
    else:
        return
    queue_again(session, task, now)


def purge(factory: sessionmaker[Session]) -> int:
    """Give back stalled design claims, then delete expired idempotency records and long-sent
    outbox rows (a claim is given back before it can expire, so no charge is lost with it)."""
    released = cloud_ai.release_stalled(factory)
    with factory() as session:
        begin_write(session)
        result = session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at < utcnow()))
        removed = int(getattr(result, "rowcount", 0) or 0) + outbox.purge_sent(session)
        session.commit()
    return released + removed
