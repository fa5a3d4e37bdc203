"""Faults with real worker processes: a worker killed mid-scene, a render canceled mid-way, the
broker stopped for a few seconds. Jobs still finish (or end as asked), nothing is charged twice,
and a refund happens exactly once."""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Callable, Iterator

import pytest
from farm_helpers import Account, new_project, offline_film, sign_up, submit_render
from farm_stack import Farm, RedisServer, running_farm
from sqlalchemy import select

from render_farm.server.db.models import CreditLedgerEntry, JobState, LedgerKind, RenderTask, User
from render_farm.server.services import ledger
from render_farm.server.services.tx import begin_write


@pytest.fixture(scope="module")
def farm(new_database_url: Callable[[str], str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Farm]:
    with running_farm(new_database_url("sqlite"), tmp_path_factory.mktemp("farm")) as farm:
        yield farm


def rich_account(farm: Farm) -> Account:
    account = sign_up(farm.client)
    with farm.app.state.session_factory() as session:
        begin_write(session)
        user_id = session.scalar(select(User.id).where(User.email == account.email))
        ledger.append(session, user_id, 400, LedgerKind.purchase, note="test top-up")
        session.commit()
    return account


def job_ledger(farm: Farm, job_id: str) -> list[tuple[LedgerKind, int]]:
    with farm.app.state.session_factory() as session:
        rows = session.scalars(
            select(CreditLedgerEntry)
            .where(CreditLedgerEntry.job_id == uuid.UUID(job_id))
            .order_by(CreditLedgerEntry.id)
        ).all()
    return [(row.kind, row.delta) for row in rows]


def running_scene(farm: Farm, job_id: str) -> RenderTask | None:
    with farm.app.state.session_factory() as session:
        return session.scalars(
            select(RenderTask).where(
                RenderTask.job_id == uuid.UUID(job_id),
                RenderTask.state == JobState.running,
                RenderTask.scene_number.is_not(None),
                RenderTask.frames_done > 0,
            )
        ).first()


def _signal_workers(farm: Farm, signum: int) -> None:
    for process in farm.workers:  # each worker leads its own process group (its pool child too)
        if process.poll() is None:
            os.killpg(process.pid, signum)


def catch_running_scene(farm: Farm, job_id: str, steps: int = 1500) -> RenderTask:
    """A scene of the job caught mid-render, the workers left stopped (SIGSTOP) there: a scene
    renders here in a few tenths of a second, too fast to catch by polling alone, so the workers
    run in short steps until one is part-way through a scene. They run a fifth of the time: the
    clock goes on while they are stopped, so a scene lasts long enough on it for the worker to
    report its progress (at most every heartbeat) before it is done."""
    _signal_workers(farm, signal.SIGSTOP)
    for _ in range(steps):
        task = running_scene(farm, job_id)
        if task is not None:
            return task
        _signal_workers(farm, signal.SIGCONT)
        time.sleep(0.01)
        _signal_workers(farm, signal.SIGSTOP)
        time.sleep(0.04)
    _signal_workers(farm, signal.SIGCONT)
    raise AssertionError(f"no scene of the job was seen part-way through\n{farm.log_tail()}")


def test_a_worker_killed_mid_scene_loses_nothing_and_charges_once(farm: Farm) -> None:
    account = rich_account(farm)
    spec = offline_film(seed=21, scene_seconds=8.0, title=f"Killed {uuid.uuid4().hex[:6]}")
    project = new_project(farm.client, account, spec)
    job_id = submit_render(farm.client, account, project).json()["id"]

    victim = catch_running_scene(farm, job_id)
    pid = int((victim.worker or "").rsplit(":", 1)[1])
    os.kill(pid, signal.SIGKILL)
    _signal_workers(farm, signal.SIGCONT)

    job = farm.wait_done(account, job_id, timeout=120)
    assert job["state"] == "success", job
    retried = next(scene for scene in job["scenes"] if scene["number"] == victim.scene_number)
    assert retried["attempts"] >= 2 and retried["frames_done"] == retried["frames_total"] > 0
    assert job_ledger(farm, job_id) == [(LedgerKind.reserve, -110), (LedgerKind.capture, 0)]
    link = farm.client.get(f"/renders/{job_id}/download", headers=account.headers).json()["url"]
    assert len(farm.fetch(link)) > 1000


def test_cancel_mid_render_refunds_once_and_stops_the_workers(farm: Farm) -> None:
    account = rich_account(farm)
    spec = offline_film(seed=22, scene_seconds=8.0, title=f"Canceled {uuid.uuid4().hex[:6]}")
    project = new_project(farm.client, account, spec)
    job_id = submit_render(farm.client, account, project).json()["id"]
    catch_running_scene(farm, job_id)
    _signal_workers(farm, signal.SIGCONT)  # the rest of the film takes far longer than the cancel

    canceled = farm.client.post(f"/renders/{job_id}/cancel", headers=account.headers)
    assert canceled.status_code == 200 and canceled.json()["state"] == "canceled"
    assert farm.client.post(f"/renders/{job_id}/cancel", headers=account.headers).status_code == 409
    time.sleep(3)  # long enough for a running scene to notice and for any late message to arrive
    job = farm.client.get(f"/renders/{job_id}", headers=account.headers).json()
    assert job["state"] == "canceled" and not job["download_ready"]
    assert {scene["state"] for scene in job["scenes"]} <= {"canceled", "success"}
    assert job_ledger(farm, job_id) == [(LedgerKind.reserve, -110), (LedgerKind.release, 110)]
    assert farm.client.get("/auth/me", headers=account.headers).json()["credits"] == 500


@pytest.fixture(scope="module")
def redis_farm(
    new_database_url: Callable[[str], str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Farm, RedisServer]]:
    broker = RedisServer(tmp_path_factory.mktemp("redis"))
    broker.start()
    try:
        url = new_database_url("postgresql")
        with running_farm(url, tmp_path_factory.mktemp("farm"), broker_url=broker.url) as farm:
            yield farm, broker
    finally:
        broker.stop()


def test_stopping_the_broker_for_a_few_seconds_loses_nothing(redis_farm: tuple[Farm, RedisServer]) -> None:
    farm, broker = redis_farm
    account = rich_account(farm)
    first_project = new_project(farm.client, account, offline_film(seed=31, title=f"Outage {uuid.uuid4().hex[:6]}"))
    second_project = new_project(farm.client, account, offline_film(seed=32, title=f"Queued {uuid.uuid4().hex[:6]}"))
    first = submit_render(farm.client, account, first_project).json()["id"]
    farm.wait_for(account, first, lambda job: job["state"] == "running")

    broker.stop()
    second = submit_render(farm.client, account, second_project)  # accepted while the broker is away
    assert second.status_code == 201
    time.sleep(4)
    broker.start()

    for job_id in (first, second.json()["id"]):
        job = farm.wait_done(account, job_id, timeout=120)
        assert job["state"] == "success", job
        assert job_ledger(farm, job_id) == [(LedgerKind.reserve, -110), (LedgerKind.capture, 0)]
