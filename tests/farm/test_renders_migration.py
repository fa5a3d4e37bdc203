"""Upgrading a farm that already has renders: migration 0002 rebuilds ``render_jobs`` on SQLite,
and every job, task and ledger entry pointing at it must survive (foreign keys intact)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from render_farm.server.db import migrate
from render_farm.server.settings import FarmSettings


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upgrading_keeps_existing_jobs_tasks_and_ledger(
    backend: str, new_database_url: Callable[[str], str], tmp_path: Path
) -> None:
    settings = FarmSettings(database_url=new_database_url(backend), farm_home=tmp_path, jwt_secret="m" * 32)
    migrate(settings, "0001")
    user, project, version, job, task = (uuid.uuid4().hex for _ in range(5))
    engine = create_engine(settings.database_url)
    with engine.begin() as db:
        now = "2026-01-01 00:00:00+00:00"
        db.execute(
            text(
                "INSERT INTO users (id, email, display_name, password_hash, token_version, is_active, is_admin,"
                " created_at) VALUES (:id, 'old@example.com', '', 'x', 0, true, false, :now)"
            ),
            {"id": user, "now": now},
        )
        db.execute(
            text(
                "INSERT INTO projects (id, name, owner_user_id, created_by_id, state, updated_at, created_at)"
                " VALUES (:id, 'Old', :user, :user, 'processing', :now, :now)"
            ),
            {"id": project, "user": user, "now": now},
        )
        db.execute(
            text(
                "INSERT INTO project_versions (id, project_id, number, spec, spec_sha256, schema_version,"
                " title, bundle_bytes, created_by_id, created_at) VALUES (:id, :project, 1, '{}', 'x', 2,"
                " 'Old', 2, :user, :now)"
            ),
            {"id": version, "project": project, "user": user, "now": now},
        )
        db.execute(
            text(
                "INSERT INTO render_jobs (id, project_id, version_id, user_id, state, idempotency_key,"
                " request_hash, credits_held, updated_at, created_at) VALUES (:id, :project, :version, :user,"
                " 'running', 'k', 'h', 70, :now, :now)"
            ),
            {"id": job, "project": project, "version": version, "user": user, "now": now},
        )
        db.execute(
            text(
                "INSERT INTO render_tasks (id, job_id, kind, state, attempts, frames_done, frames_total,"
                " created_at) VALUES (:id, :job, 'assembly', 'queued', 0, 0, 0, :now)"
            ),
            {"id": task, "job": job, "now": now},
        )
        db.execute(
            text(
                "INSERT INTO credit_ledger (user_id, delta, kind, job_id, balance_after, note, created_at)"
                " VALUES (:user, 100, 'grant', NULL, 100, '', :now), (:user, -70, 'reserve', :job, 30, '', :now)"
            ),
            {"user": user, "job": job, "now": now},
        )
    engine.dispose()

    migrate(settings)

    engine = create_engine(settings.database_url)
    with engine.connect() as db:
        assert db.execute(text("SELECT count(*) FROM render_jobs")).scalar() == 1
        assert db.execute(text("SELECT count(*) FROM render_tasks")).scalar() == 1
        assert db.execute(text("SELECT sum(delta) FROM credit_ledger")).scalar() == 30
        assert db.execute(text("SELECT idempotency_key FROM render_jobs")).scalar() == "k"
    engine.dispose()
