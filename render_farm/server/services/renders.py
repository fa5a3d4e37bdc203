"""Final renders as the API sees them: estimate, submit (idempotent, charged), status, cancel,
download link, and the job-level endings (success, failure, cancel) the workers share.

Submitting is one transaction: the idempotency record, the job and its tasks, the credit hold and
the outbox rows that will queue the scenes all commit together or not at all. The caller's user
row is locked first (PostgreSQL; SQLite holds its write lock), so concurrent submissions of one
user, with the same key or not, are decided one after the other against the true balance.

Idempotency works as payment APIs do: the first response to a key is stored and replayed to any
repeat of the same request for a day; the same key with a different request is refused (422).
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from render_farm.server.db.base import utcnow
from render_farm.server.db.models import (
    Asset,
    IdempotencyRecord,
    JobState,
    Project,
    ProjectState,
    ProjectVersion,
    RenderJob,
    RenderTask,
    TaskKind,
    User,
)
from render_farm.server.errors import Conflict, InvalidInput, NotFound
from render_farm.server.settings import FarmSettings
from render_farm.server.storage import Storage

from . import credits, notify, outbox
from .access import Need, require_project
from .tx import begin_write

IDEMPOTENCY_TTL = timedelta(days=1)
IDEMPOTENCY_KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
FINAL_STATES = frozenset({JobState.success, JobState.failed, JobState.canceled})
ACTIVE_STATES = (JobState.queued, JobState.running)


@dataclass(frozen=True)
class Submission:
    status: int
    body: dict[str, Any]
    replayed: bool


Present = Callable[[Session, RenderJob], dict[str, Any]]
"""Turns a job into the JSON body the API answers with (stored for idempotent replays)."""


def _version(session: Session, project_id: uuid.UUID, number: int) -> ProjectVersion:
    version = session.scalar(
        select(ProjectVersion).where(ProjectVersion.project_id == project_id, ProjectVersion.number == number)
    )
    if version is None:
        raise NotFound("version not found")
    return version


def estimate(session: Session, user_id: uuid.UUID, project_id: uuid.UUID, number: int) -> credits.Estimate:
    """What rendering the version would cost; nothing is charged."""
    require_project(session, user_id, project_id, Need.read)
    return credits.estimate(len(_version(session, project_id, number).scenes))


def request_hash(project_id: uuid.UUID, number: int, body: dict[str, Any]) -> str:
    canonical = json.dumps(
        {"project": str(project_id), "version": number, "body": body}, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def check_idempotency_key(key: str | None) -> str:
    if key is None or not key.strip():
        raise InvalidInput("Idempotency-Key: send a unique key (for example a UUID) with every new render request")
    if not IDEMPOTENCY_KEY_PATTERN.fullmatch(key):
        raise InvalidInput("Idempotency-Key: use 1 to 255 visible ASCII characters")
    return key


def submit(
    session: Session,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    number: int,
    key: str,
    body: dict[str, Any],
    present: Present,
) -> Submission:
    """Hold the estimate and queue the render, or replay the stored answer for a repeated key."""
    key = check_idempotency_key(key)
    digest = request_hash(project_id, number, body)
    begin_write(session)
    session.execute(select(User.id).where(User.id == user_id).with_for_update())
    now = utcnow()
    record = session.scalar(
        select(IdempotencyRecord).where(IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key)
    )
    if record is not None and record.expires_at <= now:
        session.delete(record)
        session.flush()
        record = None
    if record is not None:
        if record.request_hash != digest:
            raise InvalidInput(
                "Idempotency-Key: this key was already used for a different request; send a new key for a new render"
            )
        session.commit()
        assert record.response_status is not None and record.response_body is not None
        return Submission(record.response_status, record.response_body, replayed=True)

    project, _ = require_project(session, user_id, project_id, Need.write)
    version = _version(session, project_id, number)
    cost = credits.estimate(len(version.scenes))
    expected = body.get("expected_credits")
    if expected is not None and expected != cost.total:
        raise Conflict(f"expected_credits: this render costs {cost.total} credits, not {expected}")
    job = RenderJob(
        id=uuid.uuid4(),
        project_id=project.id,
        version_id=version.id,
        user_id=user_id,
        state=JobState.queued,
        idempotency_key=key,
        request_hash=digest,
        credits_held=cost.total,
    )
    session.add(job)
    session.flush()
    credits.reserve(session, job)  # InsufficientCredits (402) rolls all of this back
    for scene in version.scenes:
        task = RenderTask(
            id=uuid.uuid4(),
            job_id=job.id,
            kind=TaskKind.scene,
            scene_id=scene.id,
            scene_number=scene.number,
            frames_total=0,
            queued_at=now,
        )
        session.add(task)
        outbox.add(session, outbox.SCENE_TOPIC, {"task_id": str(task.id)})
    session.add(RenderTask(id=uuid.uuid4(), job_id=job.id, kind=TaskKind.assembly))
    project.state = ProjectState.processing
    project.updated_at = now
    session.flush()
    response = present(session, job)
    session.add(
        IdempotencyRecord(
            user_id=user_id,
            key=key,
            request_hash=digest,
            response_status=201,
            response_body=response,
            expires_at=now + IDEMPOTENCY_TTL,
        )
    )
    session.commit()
    return Submission(201, response, replayed=False)


def get_job(session: Session, user_id: uuid.UUID, job_id: uuid.UUID, need: Need = Need.read) -> RenderJob:
    """The job if the user may see it (a role on its project), else NotFound."""
    job = session.get(RenderJob, job_id)
    if job is None:
        raise NotFound("render job not found")
    try:
        require_project(session, user_id, job.project_id, need)
    except NotFound:
        raise NotFound("render job not found") from None
    return job


def list_jobs(session: Session, user_id: uuid.UUID, project_id: uuid.UUID) -> list[RenderJob]:
    require_project(session, user_id, project_id, Need.read)
    return list(
        session.scalars(
            select(RenderJob).where(RenderJob.project_id == project_id).order_by(RenderJob.created_at.desc()).limit(100)
        )
    )


def tasks_of(session: Session, job_id: uuid.UUID) -> list[RenderTask]:
    return list(
        session.scalars(
            select(RenderTask)
            .where(RenderTask.job_id == job_id)
            .order_by(RenderTask.kind.desc(), RenderTask.scene_number)
        )
    )


def lock_job(session: Session, job_id: uuid.UUID) -> RenderJob | None:
    """The job row, locked for this transaction (every change of a job's state takes this lock)."""
    return session.scalar(
        select(RenderJob).where(RenderJob.id == job_id).with_for_update().execution_options(populate_existing=True)
    )


def _stop_tasks(session: Session, job: RenderJob, state: JobState) -> None:
    session.execute(
        update(RenderTask)
        .where(RenderTask.job_id == job.id, RenderTask.state.in_(ACTIVE_STATES))
        .values(state=state, finished_at=utcnow())
    )


def _set_project_state(session: Session, job: RenderJob, state: ProjectState) -> None:
    project = session.get(Project, job.project_id)
    if project is not None:
        project.state = state
        project.updated_at = utcnow()


def fail_job(session: Session, settings: FarmSettings, job: RenderJob, reason: str) -> bool:
    """End a job that cannot finish: release its hold and tell the user why. The caller holds the
    job's lock and commits. False (and nothing changed) if the job had already ended."""
    if job.state in FINAL_STATES:
        return False
    job.state = JobState.failed
    job.error = reason
    job.finished_at = utcnow()
    _stop_tasks(session, job, JobState.canceled)
    credits.release(session, job, reason)
    _set_project_state(session, job, ProjectState.failed)
    notify.notify_render_failed(session, job, reason, settings=settings)
    return True


def cancel(session: Session, settings: FarmSettings, user_id: uuid.UUID, job_id: uuid.UUID) -> RenderJob:
    """Stop a queued or running job and return its hold, once; a finished job cannot be canceled (409)."""
    begin_write(session)
    get_job(session, user_id, job_id, Need.write)
    job = lock_job(session, job_id)
    assert job is not None
    if job.state in FINAL_STATES:
        raise Conflict(f"this render has already ended ({job.state.value}); there is nothing to cancel")
    job.state = JobState.canceled
    job.error = "canceled"
    job.finished_at = utcnow()
    _stop_tasks(session, job, JobState.canceled)
    credits.release(session, job, "render canceled")
    _set_project_state(session, job, ProjectState.draft)
    notify.notify_render_failed(session, job, "The render was canceled; nothing was charged.", settings=settings)
    session.commit()
    return job


def film_filename(session: Session, job: RenderJob) -> str:
    project = session.get(Project, job.project_id)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", project.name if project else "film").strip("-.") or "film"
    return f"{stem[:80]}.mp4"


def download_link(
    session: Session, settings: FarmSettings, storage: Storage, user_id: uuid.UUID, job_id: uuid.UUID
) -> tuple[str, int]:
    """A time-limited link to the finished film and its lifetime in seconds; 409 until it is done."""
    job = get_job(session, user_id, job_id)
    if job.state is not JobState.success or job.output_asset_id is None:
        raise Conflict(f"the film is not ready yet (the render is {job.state.value})")
    asset = session.get(Asset, job.output_asset_id)
    if asset is None:
        raise NotFound("the finished film is no longer stored")
    seconds = settings.download_link_seconds
    return storage.download_url(asset.storage_key, film_filename(session, job), seconds), seconds
