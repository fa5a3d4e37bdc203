"""Render jobs and their tasks: one task per scene plus one assembly task.

The database is the source of truth for state; the queue only carries work. Workers change a
state by compare-and-set (``UPDATE ... WHERE state = <expected>``) and count ``attempts`` here,
so a redelivered task that finds its row done does nothing.

A job's ``idempotency_key`` is the key it was submitted with; which key is live (a day) is kept by
``idempotency_records``, so a key may be used again for a new job once its record has expired.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from render_farm.server.db.base import Base, CreatedAt, UUIDPrimaryKey, state_enum, utcnow


class JobState(StrEnum):
    queued = "queued"
    running = "running"
    success = "success"
    failed = "failed"
    canceled = "canceled"


class TaskKind(StrEnum):
    scene = "scene"
    assembly = "assembly"


class RenderJob(UUIDPrimaryKey, CreatedAt, Base):
    __tablename__ = "render_jobs"
    __table_args__ = (CheckConstraint("credits_held >= 0", name="credits_held_not_negative"),)

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id"), index=True)
    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project_versions.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    """Who submitted it and pays for it."""
    state: Mapped[JobState] = mapped_column(state_enum(JobState, "job_state"), default=JobState.queued, index=True)
    idempotency_key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    credits_held: Mapped[int]
    error: Mapped[str | None] = mapped_column(Text)
    output_asset_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("assets.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]

    tasks: Mapped[list[RenderTask]] = relationship(
        back_populates="job", order_by="RenderTask.scene_number", cascade="all, delete-orphan"
    )


class RenderTask(UUIDPrimaryKey, CreatedAt, Base):
    __tablename__ = "render_tasks"
    __table_args__ = (
        UniqueConstraint("job_id", "scene_number"),
        Index(
            "uq_render_tasks_one_assembly",
            "job_id",
            unique=True,
            sqlite_where=text("kind = 'assembly'"),
            postgresql_where=text("kind = 'assembly'"),
        ),
        Index("ix_render_tasks_state_heartbeat_at", "state", "heartbeat_at"),
    )

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("render_jobs.id", ondelete="CASCADE"))
    kind: Mapped[TaskKind] = mapped_column(state_enum(TaskKind, "task_kind"))
    scene_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("scenes.id"))
    scene_number: Mapped[int | None]
    """The scene's number for scene tasks; NULL for the assembly task."""
    state: Mapped[JobState] = mapped_column(state_enum(JobState, "task_state"), default=JobState.queued)
    attempts: Mapped[int] = mapped_column(default=0)
    heartbeat_at: Mapped[datetime | None]
    queued_at: Mapped[datetime | None]
    """When the task was last handed to the queue; a queued task left unstarted long after is sent again."""
    worker: Mapped[str | None] = mapped_column(String(255))
    frames_done: Mapped[int] = mapped_column(default=0)
    frames_total: Mapped[int] = mapped_column(default=0)
    output_key: Mapped[str | None] = mapped_column(String(1024))
    error: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]

    job: Mapped[RenderJob] = relationship(back_populates="tasks")
