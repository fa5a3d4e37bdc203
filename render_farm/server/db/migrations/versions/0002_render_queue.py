"""Render queue: idempotency keys reusable once expired, task queue times, outbox back-off.

The live idempotency key is kept by ``idempotency_records`` (one per user and key, for a day),
so ``render_jobs`` no longer needs its own (user, key) unique constraint, which would forbid
using a key again after it expired.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 03:16:39.012064

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("available_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("render_jobs", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_render_jobs_user_id_idempotency_key"), type_="unique")

    with op.batch_alter_table("render_tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("queued_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("render_tasks", schema=None) as batch_op:
        batch_op.drop_column("queued_at")

    with op.batch_alter_table("render_jobs", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f("uq_render_jobs_user_id_idempotency_key"), ["user_id", "idempotency_key"]
        )

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("available_at")
