"""Final renders: estimate, submit (``Idempotency-Key``), list, status with per-scene progress,
cancel, a time-limited download link, and the signed local-storage file route behind such links."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from render_farm.film.json_text import whole_numbers
from render_farm.server import security
from render_farm.server.db.base import utcnow
from render_farm.server.db.models import JobState, ProjectVersion, RenderJob, TaskKind
from render_farm.server.errors import NotFound, Unauthorized
from render_farm.server.services import ledger, render_status, renders, users
from render_farm.server.storage import LinkExpired, LocalStorage

from .deps import SessionDep, SettingsDep, StorageDep, UserDep, bearer
from .problems import responses
from .routing import FarmRoute
from .schemas import VersionNumber

router = APIRouter(tags=["renders"], route_class=FarmRoute)
T = TypeVar("T")


AgreedCredits = Annotated[int, Field(strict=True, ge=0, le=1_000_000), BeforeValidator(whole_numbers)]
"""A whole number of credits as JSON sends it (``false`` is no number; see ``schemas.JsonInt``)."""


class RenderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    expected_credits: Annotated[int, Field(strict=True, ge=0, le=1_000_000), BeforeValidator(whole_numbers)] | None = (
        Field(default=None, description="the estimate you agreed to; 409 if the cost differs")
    )


class EstimateOut(BaseModel):
    scenes: int
    scene_credits: int = Field(description="credits per scene")
    final_video_credits: int = Field(description="credits for assembling the final video")
    total: int
    balance: int = Field(description="your credit balance now")
    shortfall: int = Field(description="credits missing to submit this render (0 if none)")


class SceneProgressOut(BaseModel):
    number: int
    state: JobState
    frames_done: int
    frames_total: int
    attempts: int


class AssemblyProgressOut(BaseModel):
    state: JobState
    frames_done: int
    frames_total: int
    attempts: int


class RenderJobOut(BaseModel):
    id: uuid.UUID
    project_id: uuid.UUID
    version: int
    state: JobState
    credits_held: int = Field(description="credits reserved when it was submitted")
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    progress: float = Field(description="0 to 1: scene frames and assembly frames done")
    scenes: list[SceneProgressOut]
    assembly: AssemblyProgressOut | None
    download_ready: bool


class DownloadOut(BaseModel):
    url: str = Field(description="a time-limited link to the MP4")
    expires_in: int = Field(description="seconds the link stays valid")
    expires_at: datetime


def _released(session: Session, value: T) -> T:
    """``value``, after ending the request's read transaction: the connection goes back to the pool
    now rather than after the response is sent, so a burst of status calls cannot hold them all."""
    session.rollback()
    return value


class JobFields(Protocol):
    """What a status answer reads of a job: a :class:`RenderJob` or a row of its columns."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def project_id(self) -> uuid.UUID: ...
    @property
    def state(self) -> JobState: ...
    @property
    def credits_held(self) -> int: ...
    @property
    def error(self) -> str | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def started_at(self) -> datetime | None: ...
    @property
    def finished_at(self) -> datetime | None: ...
    @property
    def output_asset_id(self) -> uuid.UUID | None: ...


class TaskFields(Protocol):
    """What a status answer reads of a task: a :class:`RenderTask` or a :class:`TaskRow`."""

    @property
    def kind(self) -> TaskKind: ...
    @property
    def scene_number(self) -> int | None: ...
    @property
    def state(self) -> JobState: ...
    @property
    def frames_done(self) -> int: ...
    @property
    def frames_total(self) -> int: ...
    @property
    def attempts(self) -> int: ...


def job_out(session: Session, job: RenderJob) -> RenderJobOut:
    version = session.get(ProjectVersion, job.version_id)
    return render_out(job, version.number if version else 0, renders.tasks_of(session, job.id))


def render_out(job: JobFields, version: int, tasks: Iterable[TaskFields]) -> RenderJobOut:
    """The answer about a job, given its version number and its tasks (scenes, then assembly)."""
    scenes, assembly = [], None
    for task in tasks:
        if task.kind is TaskKind.scene:
            scenes.append(
                SceneProgressOut(
                    number=task.scene_number or 0,
                    state=task.state,
                    frames_done=task.frames_done,
                    frames_total=task.frames_total,
                    attempts=task.attempts,
                )
            )
        else:
            assembly = AssemblyProgressOut(
                state=task.state, frames_done=task.frames_done, frames_total=task.frames_total, attempts=task.attempts
            )
    # Scenes weigh by their state until their frame counts are known; the assembly is one more share.
    shares = [
        1.0 if s.state is JobState.success else (s.frames_done / s.frames_total if s.frames_total else 0.0)
        for s in scenes
    ]
    if assembly is not None:
        shares.append(
            1.0
            if assembly.state is JobState.success
            else (assembly.frames_done / assembly.frames_total if assembly.frames_total else 0.0)
        )
    done, total = float(sum(shares)), len(shares)
    return RenderJobOut(
        id=job.id,
        project_id=job.project_id,
        version=version,
        state=job.state,
        credits_held=job.credits_held,
        error=job.error,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
        progress=round(min(1.0, done / total), 4) if total else 0.0,
        scenes=scenes,
        assembly=assembly,
        download_ready=job.state is JobState.success and job.output_asset_id is not None,
    )


@router.get(
    "/projects/{project_id}/versions/{number}/estimate",
    response_model=EstimateOut,
    responses=responses(401, 404, 422),
)
def estimate(project_id: uuid.UUID, number: VersionNumber, user: UserDep, session: SessionDep) -> EstimateOut:
    """The cost of a final render of this version: 20 credits a scene plus 50 for the final video.
    Nothing is charged."""
    cost = renders.estimate(session, user.id, project_id, number)
    balance = _released(session, ledger.balance(session, user.id))
    return EstimateOut(
        scenes=cost.scenes,
        scene_credits=cost.scene_credits,
        final_video_credits=cost.final_video_credits,
        total=cost.total,
        balance=balance,
        shortfall=max(0, cost.total - balance),
    )


IdempotencyKey = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description="a unique key per render (e.g. a UUID); repeats of the request with it return the first answer",
    ),
]


@router.post(
    "/projects/{project_id}/versions/{number}/renders",
    status_code=status.HTTP_201_CREATED,
    response_model=RenderJobOut,
    responses=responses(401, 402, 403, 404, 409, 422),
)
def submit(
    project_id: uuid.UUID,
    number: VersionNumber,
    user: UserDep,
    session: SessionDep,
    idempotency_key: IdempotencyKey,
    body: RenderIn | None = None,
) -> JSONResponse:
    """Hold the estimate and queue the final render. 402 (with the shortfall) if credits are short."""
    payload: dict[str, Any] = (body or RenderIn()).model_dump(exclude_none=True)
    result = renders.submit(
        session,
        user.id,
        project_id,
        number,
        idempotency_key,
        payload,
        lambda s, job: job_out(s, job).model_dump(mode="json"),
    )
    headers = {"Idempotent-Replayed": "true"} if result.replayed else {}
    return JSONResponse(result.body, status_code=result.status, headers=headers)


@router.get("/projects/{project_id}/renders", response_model=list[RenderJobOut], responses=responses(401, 404, 422))
def list_renders(project_id: uuid.UUID, user: UserDep, session: SessionDep) -> list[RenderJobOut]:
    return _released(session, [job_out(session, job) for job in renders.list_jobs(session, user.id, project_id)])


def _status(request: Request, token: str, job_id: uuid.UUID) -> bytes:
    settings = request.app.state.settings
    claims = security.decode_access_token(token, settings.jwt_signing_key)
    with request.app.state.session_factory() as session:
        found = render_status.job_status(session, claims, job_id)
        if found is None:  # revoked, not found or not theirs: the ordinary checks say which
            user = users.authenticate(session, settings, token)
            answer = job_out(session, renders.get_job(session, user.id, job_id))
        else:
            answer = render_out(found.job, found.version, found.tasks)
    return answer.__pydantic_serializer__.to_json(answer)


@router.get("/renders/{job_id}", response_model=RenderJobOut, responses=responses(401, 404, 422))
async def get_render(
    job_id: uuid.UUID,
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Response:
    """The job's state and per-scene progress (frames done of frames total)."""
    # The route clients poll: signing in, one query and the answer happen in one worker thread
    # with one short session, rather than one thread hop per dependency.
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("sign in first: send 'Authorization: Bearer <access token>'")
    body = await run_in_threadpool(_status, request, credentials.credentials, job_id)
    return Response(body, media_type="application/json")


@router.post("/renders/{job_id}/cancel", response_model=RenderJobOut, responses=responses(401, 403, 404, 409, 422))
def cancel_render(job_id: uuid.UUID, user: UserDep, session: SessionDep, settings: SettingsDep) -> RenderJobOut:
    """Stop the render; the credits held for it come back (once)."""
    job = renders.cancel(session, settings, user.id, job_id)
    return _released(session, job_out(session, job))


@router.get("/renders/{job_id}/download", response_model=DownloadOut, responses=responses(401, 404, 409, 422))
def download(
    job_id: uuid.UUID, user: UserDep, session: SessionDep, settings: SettingsDep, storage: StorageDep
) -> DownloadOut:
    """A time-limited link to the finished film; 409 until the render has succeeded."""
    url, seconds = _released(session, renders.download_link(session, settings, storage, user.id, job_id))
    return DownloadOut(url=url, expires_in=seconds, expires_at=utcnow() + timedelta(seconds=seconds))


@router.get(
    "/files/{key:path}",
    response_class=FileResponse,
    responses={200: {"content": {"video/mp4": {}}, "description": "the file"}, **responses(404, 422)},
)
def signed_file(
    key: str,
    storage: StorageDep,
    expires: Annotated[int, Query(ge=0, le=2**40)],
    filename: Annotated[str, Query(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9._-]+$")],
    signature: Annotated[str, Query(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")],
) -> Response:
    """A file from the local storage folder, through a link from ``/renders/{id}/download``."""
    if not isinstance(storage, LocalStorage):
        raise NotFound("downloads come from the object store; ask for a new link")
    try:
        path = storage.open_link(key, expires, filename, signature)
    except (LinkExpired, ValueError) as error:
        raise NotFound(str(error)) from None
    return FileResponse(path, media_type="video/mp4", filename=filename)
