"""The status route (``GET /renders/{id}``) answers from one query: its answer is the same as the
ordinary read of the job at every stage, it refuses exactly who the other routes refuse, and a
token it remembers still expires on time. Runs on SQLite and on PostgreSQL (see conftest)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from farm_helpers import Account, film_spec, new_project, submit_render, team_project
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from render_farm.server import security
from render_farm.server.api.renders import job_out
from render_farm.server.db.base import utcnow
from render_farm.server.db.models import JobState, RenderJob, RenderTask, TaskKind, User
from render_farm.server.errors import Unauthorized
from render_farm.server.settings import FarmSettings


def ordinary_answer(app: FastAPI, job_id: str) -> dict[str, Any]:
    with app.state.session_factory() as session:
        job = session.get(RenderJob, uuid.UUID(job_id))
        assert job is not None
        return job_out(session, job).model_dump(mode="json")


def set_tasks(app: FastAPI, job_id: str, kind: TaskKind, number: int | None, **values: Any) -> None:
    with app.state.session_factory() as session:
        query = update(RenderTask).where(RenderTask.job_id == uuid.UUID(job_id), RenderTask.kind == kind)
        if number is not None:
            query = query.where(RenderTask.scene_number == number)
        session.execute(query.values(**values))
        session.commit()


def test_the_answer_is_the_ordinary_one_at_every_stage(
    client: TestClient, app: FastAPI, make_account: Callable[[], Account]
) -> None:
    owner = make_account()
    project = new_project(client, owner, film_spec(scenes=2))
    job = submit_render(client, owner, project).json()["id"]
    now = utcnow()

    def check() -> dict[str, Any]:
        answer = client.get(f"/renders/{job}", headers=owner.headers)
        assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
        assert answer.json() == ordinary_answer(app, job)
        return dict(answer.json())

    queued = check()
    assert [scene["number"] for scene in queued["scenes"]] == [1, 2] and queued["progress"] == 0.0
    with app.state.session_factory() as session:
        session.execute(
            update(RenderJob).where(RenderJob.id == uuid.UUID(job)).values(state=JobState.running, started_at=now)
        )
        session.commit()
    set_tasks(app, job, TaskKind.scene, 1, state=JobState.success, frames_done=120, frames_total=120, attempts=1)
    set_tasks(app, job, TaskKind.scene, 2, state=JobState.running, frames_done=30, frames_total=120, attempts=2)
    running = check()
    assert running["state"] == "running" and running["progress"] == round((1 + 0.25) / 3, 4)
    assert running["scenes"][1] == {
        "number": 2,
        "state": "running",
        "frames_done": 30,
        "frames_total": 120,
        "attempts": 2,
    }
    set_tasks(app, job, TaskKind.scene, None, state=JobState.success, frames_done=120, frames_total=120)
    set_tasks(app, job, TaskKind.assembly, None, state=JobState.failed, frames_done=5, frames_total=360, attempts=3)
    with app.state.session_factory() as session:
        session.execute(
            update(RenderJob)
            .where(RenderJob.id == uuid.UUID(job))
            .values(state=JobState.failed, finished_at=now, error="the final assembly failed 3 times")
        )
        session.commit()
    failed = check()
    assert failed["assembly"]["state"] == "failed" and failed["error"] == "the final assembly failed 3 times"
    assert failed["download_ready"] is False


def test_it_refuses_whom_the_other_routes_refuse(
    client: TestClient, app: FastAPI, make_account: Callable[[], Account]
) -> None:
    owner, viewer, stranger = make_account(), make_account(), make_account()
    team, project = team_project(client, owner, viewer)
    job = submit_render(client, owner, project).json()["id"]
    status = f"/renders/{job}"

    assert client.get(status, headers=viewer.headers).json() == ordinary_answer(app, job)
    assert client.get(status, headers=stranger.headers).status_code == 404
    assert client.get(f"/renders/{uuid.uuid4()}", headers=owner.headers).status_code == 404
    assert client.get(status).status_code == 401
    assert client.get(status, headers={"Authorization": "Bearer not-a-token"}).status_code == 401

    viewer_id = client.get("/auth/me", headers=viewer.headers).json()["id"]
    assert client.delete(f"/teams/{team}/members/{viewer_id}", headers=owner.headers).status_code == 204
    assert client.get(status, headers=viewer.headers).status_code == 404

    with app.state.session_factory() as session:  # a revoked token: the password changed elsewhere
        session.execute(update(User).where(User.email == stranger.email).values(token_version=User.token_version + 1))
        session.commit()
    revoked = client.get(status, headers=stranger.headers)
    assert revoked.status_code == 401 and "revoked" in revoked.json()["detail"]

    with app.state.session_factory() as session:
        session.execute(update(User).where(User.email == viewer.email).values(is_active=False))
        session.commit()
    assert client.get(status, headers=viewer.headers).status_code == 401

    assert client.delete(f"/projects/{project}", headers=owner.headers).status_code == 204
    assert client.get(status, headers=owner.headers).status_code == 404


def test_a_remembered_token_still_expires(settings: FarmSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    user = uuid.uuid4()
    token = security.create_access_token(user, 1, settings.jwt_signing_key, minutes=15)
    claims = security.decode_access_token(token, settings.jwt_signing_key)
    assert claims.user_id == user
    assert security.decode_access_token(token, settings.jwt_signing_key) == claims  # remembered
    monkeypatch.setattr(security, "utcnow", lambda: claims.expires_at)
    with pytest.raises(Unauthorized, match="expired"):
        security.decode_access_token(token, settings.jwt_signing_key)
    monkeypatch.setattr(security, "utcnow", lambda: claims.expires_at - timedelta(seconds=1))
    assert security.decode_access_token(token, settings.jwt_signing_key) == claims
    with pytest.raises(Unauthorized, match="invalid"):
        security.decode_access_token(token, "another key of thirty-two characters or more")
