"""The worker's state machine against the database, without processes: compare-and-set claims,
bounded attempts, the reaper, the outbox relay and exactly-once settlement. SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from farm_helpers import Account, film_spec, new_project, submit_render
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from render_farm.server.db.base import utcnow
from render_farm.server.db.models import (
    CreditLedgerEntry,
    JobState,
    LedgerKind,
    Notification,
    OutboxMessage,
    RenderJob,
    RenderTask,
    TaskKind,
)
from render_farm.server.services import outbox, reaper, render_tasks
from render_farm.server.settings import FarmSettings


@pytest.fixture
def job(client: TestClient, make_account: Callable[[], Account]) -> uuid.UUID:
    owner = make_account()
    project = new_project(client, owner, film_spec(scenes=2))
    return uuid.UUID(submit_render(client, owner, project).json()["id"])


def factory(app: FastAPI) -> sessionmaker[Session]:
    return app.state.session_factory  # type: ignore[no-any-return]


def scene_task(app: FastAPI, job_id: uuid.UUID, number: int) -> RenderTask:
    with factory(app)() as session:
        task = session.scalar(select(RenderTask).where(RenderTask.job_id == job_id, RenderTask.scene_number == number))
        assert task is not None
        return task


def job_row(app: FastAPI, job_id: uuid.UUID) -> RenderJob:
    with factory(app)() as session:
        row = session.get(RenderJob, job_id)
        assert row is not None
        return row


def settlements(app: FastAPI, job_id: uuid.UUID) -> list[LedgerKind]:
    with factory(app)() as session:
        return list(
            session.scalars(
                select(CreditLedgerEntry.kind).where(CreditLedgerEntry.job_id == job_id).order_by(CreditLedgerEntry.id)
            )
        )


def claim(app: FastAPI, settings: FarmSettings, task_id: uuid.UUID) -> render_tasks.Claim | None:
    with factory(app)() as session:
        return render_tasks.claim(session, settings, task_id, "test-host:1")


def test_a_task_is_claimed_once_and_a_redelivery_does_nothing(
    app: FastAPI, settings: FarmSettings, job: uuid.UUID
) -> None:
    task = scene_task(app, job, 1)
    first = claim(app, settings, task.id)
    assert first is not None and first.attempt == 1 and first.scene_number == 1
    assert claim(app, settings, task.id) is None  # the same message delivered twice
    assert job_row(app, job).state is JobState.running
    with factory(app)() as session:
        assert render_tasks.finish_scene(session, first, "scenes/x.mp4", 75)
    with factory(app)() as session:
        assert not render_tasks.finish_scene(session, first, "scenes/x.mp4", 75)  # finishing twice changes nothing
    assert scene_task(app, job, 1).state is JobState.success


def test_the_last_scene_queues_the_assembly_in_the_same_transaction(
    app: FastAPI, settings: FarmSettings, job: uuid.UUID
) -> None:
    claims = [claim(app, settings, scene_task(app, job, number).id) for number in (1, 2)]
    with factory(app)() as session:
        before = session.scalar(select(OutboxMessage.id).order_by(OutboxMessage.id.desc()).limit(1)) or 0
    for index, current in enumerate(claims):
        assert current is not None
        with factory(app)() as session:
            render_tasks.finish_scene(session, current, f"scenes/{index}.mp4", 75)
    with factory(app)() as session:
        new = session.scalars(select(OutboxMessage).where(OutboxMessage.id > before)).all()
        assembly = session.scalar(
            select(RenderTask).where(RenderTask.job_id == job, RenderTask.kind == TaskKind.assembly)
        )
    assert assembly is not None
    assert [(m.topic, m.payload) for m in new] == [(outbox.ASSEMBLY_TOPIC, {"task_id": str(assembly.id)})]


def test_a_stalled_task_is_requeued_then_fails_the_job_when_attempts_run_out(
    app: FastAPI, settings: FarmSettings, job: uuid.UUID
) -> None:
    task = scene_task(app, job, 1)
    stale = utcnow() - timedelta(seconds=settings.task_stall_seconds + 1)
    for attempt in range(1, settings.task_max_attempts + 1):
        current = claim(app, settings, task.id)
        assert current is not None and current.attempt == attempt
        with factory(app)() as session:  # the worker dies: its heartbeat stops
            session.execute(update(RenderTask).where(RenderTask.id == task.id).values(heartbeat_at=stale))
            session.commit()
        report = reaper.reap(factory(app), settings)
        if attempt < settings.task_max_attempts:
            assert scene_task(app, job, 1).state is JobState.queued
            assert not render_tasks.beat(factory(app), current)  # the dead attempt lost the task
    assert report.failed_jobs == 1
    failed = job_row(app, job)
    assert failed.state is JobState.failed and "stopped responding 3 times" in (failed.error or "")
    assert settlements(app, job) == [LedgerKind.reserve, LedgerKind.release]
    assert reaper.reap(factory(app), settings).failed_jobs == 0
    assert claim(app, settings, task.id) is None
    assert settlements(app, job) == [LedgerKind.reserve, LedgerKind.release]
    with factory(app)() as session:
        kinds = session.scalars(select(Notification.kind).where(Notification.user_id == failed.user_id)).all()
    assert kinds == ["render_failed"]


def test_a_failing_scene_is_retried_with_backoff_then_fails_the_job_once(
    app: FastAPI, settings: FarmSettings, job: uuid.UUID
) -> None:
    task = scene_task(app, job, 2)
    for attempt in range(1, settings.task_max_attempts + 1):
        with factory(app)() as session:
            session.execute(update(RenderTask).where(RenderTask.id == task.id).values(state=JobState.queued))
            session.commit()
        current = claim(app, settings, task.id)
        assert current is not None and current.attempt == attempt
        with factory(app)() as session:
            render_tasks.retry_or_fail(session, settings, current, "RenderError: the art is missing")
        if attempt < settings.task_max_attempts:
            with factory(app)() as session:
                retry = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc())).first()
            assert retry is not None and retry.payload == {"task_id": str(task.id)}
            assert retry.available_at is not None and retry.available_at > utcnow()
    failed = job_row(app, job)
    assert failed.state is JobState.failed and "the art is missing" in (failed.error or "")
    assert settlements(app, job) == [LedgerKind.reserve, LedgerKind.release]


def test_the_relay_keeps_messages_while_the_broker_is_down(app: FastAPI, job: uuid.UUID) -> None:
    sent: list[tuple[str, dict[str, Any]]] = []

    def broken(_topic: str, _payload: dict[str, Any]) -> None:
        raise ConnectionError("broker down")

    def working(topic: str, payload: dict[str, Any]) -> None:
        sent.append((topic, payload))

    assert outbox.relay(factory(app), broken) == 0
    with factory(app)() as session:
        session.execute(update(OutboxMessage).values(available_at=None))
        session.commit()
    count = outbox.relay(factory(app), working)
    assert count >= 2 and {payload["task_id"] for _, payload in sent} >= {
        str(scene_task(app, job, n).id) for n in (1, 2)
    }
    assert outbox.relay(factory(app), working) == 0  # nothing is sent twice
