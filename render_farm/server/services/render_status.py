"""A render's status in one database round trip, for the route clients poll.

One prepared statement reads the job, its version number and every task's progress, and only
returns rows when the token's user is still active at that token version, the token's sign-in
session is not signed out, and the user may read the job's project. No rows means "answer with
the ordinary checks", which say which it was (401 or 404): the common case costs one query, the
rare one costs the usual few.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Row, Uuid, bindparam, exists, or_, select
from sqlalchemy.orm import Session

from render_farm.server.db.models import (
    JobState,
    Project,
    ProjectVersion,
    RefreshToken,
    RenderJob,
    RenderTask,
    TaskKind,
    User,
)
from render_farm.server.security import AccessClaims

from .access import readable_by


class TaskRow(NamedTuple):
    kind: TaskKind
    scene_number: int | None
    state: JobState
    frames_done: int
    frames_total: int
    attempts: int


@dataclass(frozen=True)
class JobStatus:
    job: Row[*tuple[Any, ...]]
    """The job's own columns (``id``, ``state``, ``credits_held``, ...) under their names."""
    version: int
    tasks: list[TaskRow]
    """In the order the API lists them: scenes by number, then the assembly."""


_USER = bindparam("user_id", type_=Uuid())
_SESSION = bindparam("session_id", type_=Uuid())
STATUS = (
    select(
        RenderJob.id,
        RenderJob.project_id,
        RenderJob.state,
        RenderJob.credits_held,
        RenderJob.error,
        RenderJob.created_at,
        RenderJob.started_at,
        RenderJob.finished_at,
        RenderJob.output_asset_id,
        ProjectVersion.number.label("version_number"),
        RenderTask.kind.label("task_kind"),
        RenderTask.scene_number.label("task_scene_number"),
        RenderTask.state.label("task_state"),
        RenderTask.frames_done.label("task_frames_done"),
        RenderTask.frames_total.label("task_frames_total"),
        RenderTask.attempts.label("task_attempts"),
    )
    .select_from(RenderJob)
    .join(Project, Project.id == RenderJob.project_id)
    .outerjoin(ProjectVersion, ProjectVersion.id == RenderJob.version_id)
    .outerjoin(RenderTask, RenderTask.job_id == RenderJob.id)
    .where(
        RenderJob.id == bindparam("job_id", type_=Uuid()),
        readable_by(_USER),
        exists().where(User.id == _USER, User.is_active, User.token_version == bindparam("token_version")),
        or_(
            _SESSION.is_(None),
            exists().where(
                RefreshToken.family_id == _SESSION, RefreshToken.user_id == _USER, RefreshToken.revoked_at.is_(None)
            ),
        ),
    )
    .order_by(RenderTask.kind.desc(), RenderTask.scene_number)
)


def job_status(session: Session, claims: AccessClaims, job_id: uuid.UUID) -> JobStatus | None:
    """The job and its tasks if the token's user may see them now, else None."""
    rows = session.connection().execute(
        STATUS,
        {
            "job_id": job_id,
            "user_id": claims.user_id,
            "token_version": claims.token_version,
            "session_id": claims.session_id,
        },
    )
    found = rows.all()
    if not found:
        return None
    tasks = [
        TaskRow(
            row.task_kind,
            row.task_scene_number,
            row.task_state,
            row.task_frames_done,
            row.task_frames_total,
            row.task_attempts,
        )
        for row in found
        if row.task_kind is not None
    ]
    return JobStatus(found[0], found[0].version_number or 0, tasks)
