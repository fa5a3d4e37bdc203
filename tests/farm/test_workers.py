"""End to end with real worker processes: sign up, upload a spec written by the offline story
writer, estimate, submit, scenes render in parallel on two workers, the film is assembled and
stored, downloaded through its time-limited link, decoded, and the ledger settles.

Once on the embedded defaults (SQLite, filesystem broker, local storage) and once on the
production services (PostgreSQL, Redis, S3 over HTTP from moto's server).
"""

from __future__ import annotations

import io
import itertools
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import av
import pytest
import s3_links
from farm_helpers import new_project, offline_film, sign_up, submit_render
from farm_stack import Farm, moto_s3, running_farm
from sqlalchemy import select

from render_farm.server.db.base import utcnow
from render_farm.server.db.models import CreditLedgerEntry, LedgerKind, Notification, RenderTask, User
from render_farm.server.services import ledger
from render_farm.server.services.tx import begin_write

REDIS_URL = "redis://127.0.0.1:6379/9"


@pytest.fixture(scope="module", params=["embedded", "postgresql+redis+s3"])
def farm(
    request: pytest.FixtureRequest, new_database_url: Callable[[str], str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Farm]:
    home = tmp_path_factory.mktemp("farm")
    if request.param == "embedded":
        with running_farm(new_database_url("sqlite"), home) as farm:
            yield farm
    else:
        with moto_s3() as s3, running_farm(new_database_url("postgresql"), home, broker_url=REDIS_URL, s3=s3) as farm:
            yield farm


def top_up(farm: Farm, email: str, amount: int) -> None:
    with farm.app.state.session_factory() as session:
        begin_write(session)
        user_id = session.scalar(select(User.id).where(User.email == email))
        ledger.append(session, user_id, amount, LedgerKind.purchase, note="test top-up")
        session.commit()


def decode(data: bytes) -> tuple[int, float, int]:
    """(video frames, seconds, audio streams) of an MP4."""
    with av.open(io.BytesIO(data)) as container:
        video = container.streams.video[0]
        frames = sum(1 for _ in container.decode(video))
        audio = len(container.streams.audio)
        seconds = float(container.duration or 0) / av.time_base
    return frames, seconds, audio


def test_a_film_renders_end_to_end_on_parallel_workers(farm: Farm) -> None:
    client = farm.client
    account = sign_up(client)
    top_up(farm, account.email, 100)
    spec = offline_film(seed=11, scene_seconds=3.0, title=f"Moon fox {uuid.uuid4().hex[:6]}")
    project = new_project(client, account, spec, name="Moon fox")

    estimate = client.get(f"/projects/{project}/versions/1/estimate", headers=account.headers).json()
    assert estimate["total"] == 3 * 20 + 50 and estimate["shortfall"] == 0
    submitted = submit_render(client, account, project, expected_credits=estimate["total"])
    assert submitted.status_code == 201, submitted.text
    job = farm.wait_done(account, submitted.json()["id"])
    assert job["state"] == "success", job
    assert job["progress"] == 1.0 and job["download_ready"]
    fps = 15  # the preview preset
    for scene in job["scenes"]:
        assert scene["state"] == "success" and scene["frames_done"] == scene["frames_total"] == 3 * fps

    with farm.app.state.session_factory() as session:
        tasks = session.scalars(select(RenderTask).where(RenderTask.job_id == uuid.UUID(job["id"]))).all()
        scene_tasks = [task for task in tasks if task.scene_number is not None]
        assert len({task.worker for task in scene_tasks}) == 2, "the scenes should be spread over both workers"
        windows = sorted((task.started_at, task.finished_at) for task in scene_tasks)
        assert any(later[0] < earlier[1] for earlier, later in itertools.pairwise(windows)), windows

    link = client.get(f"/renders/{job['id']}/download", headers=account.headers)
    assert link.status_code == 200, link.text
    url = link.json()["url"]
    if farm.settings.uses_s3:
        # Checked as S3 checks it: a true signature, and the farm's configured lifetime, which the
        # answer's expires_at reports (to the second the link was signed in).
        assert url.startswith(farm.settings.s3_endpoint_url)
        settings = farm.settings
        signed = s3_links.check_presigned_get(
            url,
            settings.aws_access_key_id,
            settings.aws_secret_access_key.get_secret_value(),
            settings.s3_region,
            utcnow(),
        )
        assert signed.lifetime == link.json()["expires_in"] == settings.download_link_seconds
        reported = datetime.fromisoformat(link.json()["expires_at"])
        assert timedelta(0) <= reported - signed.expires_at < timedelta(seconds=2)
        with pytest.raises(s3_links.LinkExpired):
            s3_links.check_presigned_get(
                url,
                settings.aws_access_key_id,
                settings.aws_secret_access_key.get_secret_value(),
                settings.s3_region,
                signed.expires_at + timedelta(seconds=1),
            )
    frames, seconds, audio = decode(farm.fetch(url))
    film_seconds = 3 * 3.0 - sum(s["transition_in"]["duration"] for s in spec["scenes"][1:])
    assert frames == round(film_seconds * fps)
    assert abs(seconds - film_seconds) < 0.2 and audio == 1

    assert client.get("/auth/me", headers=account.headers).json()["credits"] == 200 - 110
    with farm.app.state.session_factory() as session:
        user_id = session.scalar(select(User.id).where(User.email == account.email))
        entries = session.scalars(
            select(CreditLedgerEntry).where(CreditLedgerEntry.user_id == user_id).order_by(CreditLedgerEntry.id)
        ).all()
        notes = session.scalars(select(Notification.kind).where(Notification.user_id == user_id)).all()
    assert [(e.kind, e.delta) for e in entries] == [
        (LedgerKind.grant, 100),
        (LedgerKind.purchase, 100),
        (LedgerKind.reserve, -110),
        (LedgerKind.capture, 0),
    ]
    assert notes == ["render_finished"]
    assert client.get(f"/projects/{project}", headers=account.headers).json()["state"] == "completed"
