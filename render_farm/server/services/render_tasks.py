"""The worker's side of a render: claim a task, beat while working, finish or retry it, and end
the job when its assembly is stored.

Every state change is a compare-and-set under the job's row lock: a task is claimed only from
``queued`` (or from ``running`` when its heartbeat has gone stale), and finished only by the
attempt that claimed it (``attempts`` is that attempt's number). A redelivered message, a task
taken back by the reaper, or a job canceled meanwhile therefore changes nothing. ``attempts`` is
counted here, in the database, so a scene that kills its worker every time fails the job after
``task_max_attempts`` starts instead of looping.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from render_farm.server.db.base import utcnow
from render_farm.server.db.models import (
    Asset,
    AssetKind,
    JobState,
    Project,
    ProjectState,
    ProjectVersion,
    RenderJob,
    RenderTask,
    TaskKind,
)
from render_farm.server.settings import FarmSettings
from render_farm.server.storage import Storage

from . import credits, notify, outbox
from .renders import ACTIVE_STATES, fail_job, film_filename, lock_job
from .tx import begin_write


@dataclass(frozen=True)
class Claim:
    """What a worker needs to run one attempt of a task."""

    task_id: uuid.UUID
    job_id: uuid.UUID
    kind: TaskKind
    attempt: int
    scene_number: int | None
    spec: dict[str, Any]
    bundle_files: dict[str, str] = field(default_factory=dict)
    """Bundle-relative path -> storage key of the version's uploaded files."""
    scene_outputs: list[str] = field(default_factory=list)
    """For the assembly: the scene tasks' output keys, in scene order."""


def topic_of(kind: TaskKind) -> str:
    return outbox.SCENE_TOPIC if kind is TaskKind.scene else outbox.ASSEMBLY_TOPIC


def task_label(task: RenderTask) -> str:
    """How messages name the task: ``scene 3`` or ``the final assembly``."""
    return f"scene {task.scene_number}" if task.kind is TaskKind.scene else "the final assembly"


def lock_task(session: Session, task_id: uuid.UUID) -> tuple[RenderJob, RenderTask] | None:
    """The task and its job, both locked (job first, as every change of a job's state locks it);
    None if the task is gone."""
    job_id = session.scalar(select(RenderTask.job_id).where(RenderTask.id == task_id))
    if job_id is None:
        return None
    job = lock_job(session, job_id)
    task = session.scalar(
        select(RenderTask).where(RenderTask.id == task_id).with_for_update().execution_options(populate_existing=True)
    )
    if job is None or task is None:
        return None
    return job, task


def heartbeat_stale(task: RenderTask, settings: FarmSettings, now: datetime) -> bool:
    """True when the task's worker has not beaten for ``task_stall_seconds`` (or never did)."""
    return task.heartbeat_at is None or task.heartbeat_at < now - timedelta(seconds=settings.task_stall_seconds)


def queue_again(session: Session, task: RenderTask, now: datetime, delay: timedelta | None = None) -> None:
    """Put the task back in the queue and send it again (after ``delay``) in the caller's transaction."""
    task.state = JobState.queued
    task.queued_at = now
    available_at = now + delay if delay is not None else None
    outbox.add(session, topic_of(task.kind), {"task_id": str(task.id)}, available_at=available_at)


def claim(session: Session, settings: FarmSettings, task_id: uuid.UUID, worker: str) -> Claim | None:
    """Start an attempt of the task, or None if there is nothing to do (done, taken, job ended)."""
    begin_write(session)
    locked = lock_task(session, task_id)
    if locked is None:
        session.commit()
        return None
    job, task = locked
    now = utcnow()
    free = task.state is JobState.queued or (task.state is JobState.running and heartbeat_stale(task, settings, now))
    if job.state not in ACTIVE_STATES or not free:
        session.commit()
        return None
    if task.attempts >= settings.task_max_attempts:
        last = task.error or "its worker stopped without finishing"
        fail_job(session, settings, job, f"{task_label(task)} failed {task.attempts} times; last: {last}")
        session.commit()
        return None
    task.state = JobState.running
    task.attempts += 1
    task.heartbeat_at = now
    task.worker = worker[:255]
    task.started_at = now
    task.frames_done = 0
    if job.state is JobState.queued:
        job.state = JobState.running
        job.started_at = now
    version = session.get(ProjectVersion, job.version_id)
    assert version is not None
    files = {
        asset.path: asset.storage_key
        for asset in session.scalars(
            select(Asset).where(Asset.version_id == version.id, Asset.kind == AssetKind.bundle_file)
        )
    }
    outputs: list[str] = []
    if task.kind is TaskKind.assembly:
        scenes = session.scalars(
            select(RenderTask)
            .where(RenderTask.job_id == job.id, RenderTask.kind == TaskKind.scene)
            .order_by(RenderTask.scene_number)
        ).all()
        outputs = [scene.output_key or "" for scene in scenes]
    result = Claim(task.id, job.id, task.kind, task.attempts, task.scene_number, version.spec, files, outputs)
    session.commit()
    return result


def beat(factory: sessionmaker[Session], claim: Claim, frames_done: int | None = None, frames_total: int = 0) -> bool:
    """Record liveness (and progress); False when the attempt no longer owns the task (reaped,
    canceled, failed), which tells the worker to stop."""
    values: dict[str, Any] = {"heartbeat_at": utcnow()}
    if frames_done is not None:
        values.update(frames_done=frames_done, frames_total=frames_total)
    with factory() as session:
        begin_write(session)
        result: Any = session.execute(
            update(RenderTask)
            .where(
                RenderTask.id == claim.task_id,
                RenderTask.state == JobState.running,
                RenderTask.attempts == claim.attempt,
            )
            .values(**values)
        )
        session.commit()
        return bool(result.rowcount == 1)


def _lock_owned(session: Session, claim: Claim) -> tuple[RenderJob, RenderTask] | None:
    """Begin a write and lock the claim's job and task; None (the transaction ended) when this
    attempt no longer owns the task: reaped, canceled or failed meanwhile."""
    begin_write(session)
    locked = lock_task(session, claim.task_id)
    if locked is not None:
        job, task = locked
        if job.state is JobState.running and task.state is JobState.running and task.attempts == claim.attempt:
            return locked
    session.commit()
    return None


def _succeed(task: RenderTask, output_key: str, frames_done: int, now: datetime) -> None:
    task.state = JobState.success
    task.output_key = output_key
    task.frames_done = frames_done
    task.finished_at = now


def finish_scene(session: Session, claim: Claim, output_key: str, frames: int) -> bool:
    """Mark the scene done; the last scene of a job queues the assembly in the same transaction."""
    locked = _lock_owned(session, claim)
    if locked is None:
        return False
    job, task = locked
    now = utcnow()
    _succeed(task, output_key, frames, now)
    task.frames_total = frames
    session.flush()
    unfinished = session.scalar(
        select(func.count()).where(
            RenderTask.job_id == job.id, RenderTask.kind == TaskKind.scene, RenderTask.state != JobState.success
        )
    )
    if not unfinished:
        assembly = session.scalar(
            select(RenderTask).where(RenderTask.job_id == job.id, RenderTask.kind == TaskKind.assembly)
        )
        if assembly is not None and assembly.state is JobState.queued and assembly.queued_at is None:
            assembly.queued_at = now
            outbox.add(session, outbox.ASSEMBLY_TOPIC, {"task_id": str(assembly.id)})
    session.commit()
    return True


def retry_or_fail(session: Session, settings: FarmSettings, claim: Claim, error: str) -> None:
    """After an attempt raised: queue the task again with back-off, or fail the job when the
    attempts are used up."""
    locked = _lock_owned(session, claim)
    if locked is None:
        return
    job, task = locked
    task.error = error[:2000]
    if task.attempts >= settings.task_max_attempts:
        task.state = JobState.failed
        task.finished_at = utcnow()
        fail_job(session, settings, job, f"{task_label(task)} failed {task.attempts} times; last: {error}"[:2000])
    else:
        queue_again(session, task, utcnow(), delay=timedelta(seconds=min(60.0, 2.0**task.attempts)))
    session.commit()


def finish_job(
    session: Session, settings: FarmSettings, storage: Storage, claim: Claim, film_key: str, size: int, sha256: str
) -> bool:
    """The film is stored: mark the assembly and the job done, capture the hold, mark the project
    completed and notify the user, all in one transaction."""
    locked = _lock_owned(session, claim)
    if locked is None:
        return False
    job, task = locked
    now = utcnow()
    _succeed(task, film_key, max(task.frames_done, task.frames_total), now)
    version = session.get(ProjectVersion, job.version_id)
    asset = Asset(
        owner_user_id=job.user_id,
        project_id=job.project_id,
        version_id=version.id if version else None,
        kind=AssetKind.film,
        storage_key=film_key,
        size=size,
        sha256=sha256,
        content_type="video/mp4",
    )
    session.add(asset)
    session.flush()
    job.output_asset_id = asset.id
    job.state = JobState.success
    job.finished_at = now
    credits.capture(session, job)
    project = session.get(Project, job.project_id)
    if project is not None:
        project.state = ProjectState.completed
        project.updated_at = now
    url = storage.download_url(film_key, film_filename(session, job), settings.download_link_seconds)
    notify.notify_render_finished(session, job, download_url=url, settings=settings)
    session.commit()
    return True
