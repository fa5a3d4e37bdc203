"""The renders API without workers: estimate, submission with idempotency keys and credit holds,
status, cancel and refunds, ownership. Runs on SQLite and on PostgreSQL (see conftest)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from farm_helpers import Account, balance, film_spec, ledger_rows, new_project, submit_render, team_project
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from render_farm.server.db.base import utcnow
from render_farm.server.db.models import (
    IdempotencyRecord,
    LedgerKind,
    OutboxMessage,
    RenderJob,
    User,
)
from render_farm.server.services import credits, ledger
from render_farm.server.services.tx import begin_write


def add_credits(app: FastAPI, email: str, amount: int) -> None:
    with app.state.session_factory() as session:
        begin_write(session)
        user_id = session.scalar(select(User.id).where(User.email == email))
        ledger.append(session, user_id, amount, LedgerKind.purchase, note="test top-up")
        session.commit()


@pytest.fixture
def owner(make_account: Callable[[], Account]) -> Account:
    return make_account()


def test_estimate_is_twenty_a_scene_plus_fifty_and_charges_nothing(client: TestClient, owner: Account) -> None:
    project = new_project(client, owner, film_spec(scenes=2))
    response = client.get(f"/projects/{project}/versions/1/estimate", headers=owner.headers)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "scenes": 2,
        "scene_credits": 20,
        "final_video_credits": 50,
        "total": 90,
        "balance": 100,
        "shortfall": 0,
    }
    assert balance(client, owner) == 100
    assert client.get(f"/projects/{project}/versions/9/estimate", headers=owner.headers).status_code == 404


def test_submission_holds_the_estimate_and_queues_every_scene(client: TestClient, owner: Account, app: FastAPI) -> None:
    project = new_project(client, owner, film_spec(scenes=2))
    response = submit_render(client, owner, project, expected_credits=90)
    assert response.status_code == 201, response.text
    job = response.json()
    assert job["state"] == "queued" and job["credits_held"] == 90 and job["version"] == 1
    assert [scene["number"] for scene in job["scenes"]] == [1, 2]
    assert job["assembly"]["state"] == "queued" and job["download_ready"] is False
    assert balance(client, owner) == 10
    status = client.get(f"/renders/{job['id']}", headers=owner.headers)
    assert status.status_code == 200 and status.json()["id"] == job["id"]
    assert client.get(f"/projects/{project}", headers=owner.headers).json()["state"] == "processing"
    with app.state.session_factory() as session:
        topics = session.scalars(
            select(OutboxMessage.payload).where(OutboxMessage.topic == "render.scene").order_by(OutboxMessage.id.desc())
        ).all()[:2]
    assert {payload["task_id"] for payload in topics} <= {str(t) for t in _task_ids(app, job["id"])}
    assert [row.kind for row in ledger_rows(app, owner.email)] == [LedgerKind.grant, LedgerKind.reserve]


def _task_ids(app: FastAPI, job_id: str) -> list[uuid.UUID]:
    from render_farm.server.db.models import RenderTask

    with app.state.session_factory() as session:
        return list(session.scalars(select(RenderTask.id).where(RenderTask.job_id == uuid.UUID(job_id))))


def test_a_repeated_key_replays_the_first_answer_and_charges_once(client: TestClient, owner: Account) -> None:
    project = new_project(client, owner, film_spec(scenes=1))
    first = submit_render(client, owner, project, key="render-once")
    again = submit_render(client, owner, project, key="render-once")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers.get("Idempotent-Replayed") == "true"
    assert balance(client, owner) == 30
    assert len(client.get(f"/projects/{project}/renders", headers=owner.headers).json()) == 1


def test_the_same_key_with_a_different_request_is_refused(client: TestClient, owner: Account) -> None:
    project = new_project(client, owner, film_spec(scenes=1))
    assert submit_render(client, owner, project, key="k-1").status_code == 201
    other = submit_render(client, owner, project, key="k-1", expected_credits=70)
    assert other.status_code == 422 and "Idempotency-Key" in other.json()["detail"]
    assert balance(client, owner) == 30


def test_a_missing_or_malformed_key_is_a_clear_422(client: TestClient, owner: Account) -> None:
    project = new_project(client, owner, film_spec(scenes=1))
    missing = client.post(f"/projects/{project}/versions/1/renders", headers=owner.headers, json={})
    assert missing.status_code == 422 and "Idempotency-Key" in missing.json()["detail"]
    spaced = submit_render(client, owner, project, key="has space")
    assert spaced.status_code == 422
    assert balance(client, owner) == 100


def test_keys_expire_after_a_day_and_can_then_start_a_new_render(
    client: TestClient, owner: Account, app: FastAPI
) -> None:
    add_credits(app, owner.email, 100)
    project = new_project(client, owner, film_spec(scenes=1))
    first = submit_render(client, owner, project, key="daily")
    with app.state.session_factory() as session:
        session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.key == "daily")
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        session.commit()
    second = submit_render(client, owner, project, key="daily")
    assert second.status_code == 201 and second.json()["id"] != first.json()["id"]
    assert balance(client, owner) == 200 - 140


def test_short_balance_is_402_with_the_shortfall_and_nothing_held(
    client: TestClient, owner: Account, app: FastAPI
) -> None:
    project = new_project(client, owner, film_spec(scenes=3))
    response = submit_render(client, owner, project, expected_credits=110)
    assert response.status_code == 402
    assert response.json()["shortfall"] == 10 and "110" in response.json()["detail"]
    assert balance(client, owner) == 100
    assert client.get(f"/projects/{project}/renders", headers=owner.headers).json() == []
    assert [row.kind for row in ledger_rows(app, owner.email)] == [LedgerKind.grant]
    retry = submit_render(client, owner, project, expected_credits=90)
    assert retry.status_code == 409 and "110" in retry.json()["detail"]


def test_cancel_refunds_the_hold_once(client: TestClient, owner: Account, app: FastAPI) -> None:
    project = new_project(client, owner, film_spec(scenes=2))
    job = submit_render(client, owner, project).json()
    canceled = client.post(f"/renders/{job['id']}/cancel", headers=owner.headers)
    assert canceled.status_code == 200 and canceled.json()["state"] == "canceled"
    assert {scene["state"] for scene in canceled.json()["scenes"]} == {"canceled"}
    again = client.post(f"/renders/{job['id']}/cancel", headers=owner.headers)
    assert again.status_code == 409
    assert balance(client, owner) == 100
    kinds = [row.kind for row in ledger_rows(app, owner.email)]
    assert kinds == [LedgerKind.grant, LedgerKind.reserve, LedgerKind.release]
    assert client.get(f"/projects/{project}", headers=owner.headers).json()["state"] == "draft"
    link = client.get(f"/renders/{job['id']}/download", headers=owner.headers)
    assert link.status_code == 409


def test_another_users_render_does_not_exist_for_them(
    client: TestClient, owner: Account, make_account: Callable[[], Account]
) -> None:
    stranger = make_account()
    project = new_project(client, owner, film_spec(scenes=1))
    job = submit_render(client, owner, project).json()
    for method, path in [
        ("GET", f"/renders/{job['id']}"),
        ("POST", f"/renders/{job['id']}/cancel"),
        ("GET", f"/renders/{job['id']}/download"),
        ("GET", f"/projects/{project}/renders"),
        ("GET", f"/projects/{project}/versions/1/estimate"),
    ]:
        response = client.request(method, path, headers=stranger.headers)
        assert response.status_code == 404, (path, response.text)
        assert job["id"] not in response.text
    assert submit_render(client, stranger, project).status_code == 404
    assert client.get(f"/renders/{job['id']}", headers=owner.headers).json()["state"] == "queued"
    assert balance(client, stranger) == 100


def test_team_viewers_see_a_render_but_cannot_cancel_it(
    client: TestClient, owner: Account, make_account: Callable[[], Account]
) -> None:
    viewer = make_account()
    _, project = team_project(client, owner, viewer)
    job = submit_render(client, owner, project).json()
    assert client.get(f"/renders/{job['id']}", headers=viewer.headers).status_code == 200
    assert client.post(f"/renders/{job['id']}/cancel", headers=viewer.headers).status_code == 403
    assert submit_render(client, viewer, project).status_code == 403


def test_twenty_concurrent_requests_with_one_key_create_one_job(
    client: TestClient, owner: Account, app: FastAPI
) -> None:
    project = new_project(client, owner, film_spec(scenes=1))
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(lambda _: submit_render(client, owner, project, key="same-key"), range(20)))
    assert [r.status_code for r in responses] == [201] * 20
    assert len({r.json()["id"] for r in responses}) == 1
    assert balance(client, owner) == 30
    with app.state.session_factory() as session:
        user_id = session.scalar(select(User.id).where(User.email == owner.email))
        jobs = session.scalars(select(RenderJob).where(RenderJob.user_id == user_id)).all()
    assert len(jobs) == 1


def test_fifty_concurrent_submissions_against_a_balance_for_three(
    client: TestClient, owner: Account, app: FastAPI
) -> None:
    add_credits(app, owner.email, 150)  # 250 credits; a one-scene film costs 70: three fit, a fourth does not
    project = new_project(client, owner, film_spec(scenes=1))
    with ThreadPoolExecutor(max_workers=50) as pool:
        responses = list(pool.map(lambda _: submit_render(client, owner, project), range(50)))
    codes = sorted(r.status_code for r in responses)
    assert codes == [201] * 3 + [402] * 47
    assert all(r.json()["shortfall"] == 70 - 40 for r in responses if r.status_code == 402)
    rows = ledger_rows(app, owner.email)
    assert all(row.balance_after >= 0 for row in rows)
    assert balance(client, owner) == 40 == rows[-1].balance_after
    with app.state.session_factory() as session:
        assert credits.ledger_sum(session, rows[-1].user_id) == 40
    assert [row.kind for row in rows].count(LedgerKind.reserve) == 3
