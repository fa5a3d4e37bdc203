"""Credit ledger: a ``design`` kind for characters designed on the farm (10 credits each).

The kind column's CHECK constraint lists the kinds. PostgreSQL swaps the constraint in place.
SQLite cannot alter a CHECK constraint, so the table is rebuilt (batch mode, from the full table
definition below so its partial unique indexes come back exactly), and the append-only triggers,
which SQLite drops with the old table, are made again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 20:20:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KINDS = ("grant", "reserve", "capture", "release", "purchase", "refund")
NEW_KINDS = (*OLD_KINDS, "design")
CONSTRAINT = "ck_credit_ledger_ledger_kind"
APPEND_ONLY_MESSAGE = "credit_ledger is append-only: add a correcting entry instead"


def _kinds_check(kinds: Sequence[str]) -> str:
    return "kind IN (" + ", ".join(f"'{kind}'" for kind in kinds) + ")"


def _ledger_table(kinds: Sequence[str]) -> sa.Table:
    """``credit_ledger`` as 0001 made it, with ``kinds`` allowed."""
    return sa.Table(
        "credit_ledger",
        sa.MetaData(),
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("billing_record_id", sa.Uuid(), nullable=True),
        sa.Column("balance_after", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("balance_after >= 0", name="ck_credit_ledger_balance_not_negative"),
        sa.CheckConstraint(_kinds_check(kinds), name=CONSTRAINT),
        sa.ForeignKeyConstraint(
            ["billing_record_id"], ["billing_records.id"], name="fk_credit_ledger_billing_record_id_billing_records"
        ),
        sa.ForeignKeyConstraint(["job_id"], ["render_jobs.id"], name="fk_credit_ledger_job_id_render_jobs"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_credit_ledger_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_credit_ledger"),
        sa.Index("ix_credit_ledger_user_id_id", "user_id", "id"),
        sa.Index(
            "uq_credit_ledger_job_settlement",
            "job_id",
            "kind",
            unique=True,
            sqlite_where=sa.text("job_id IS NOT NULL AND kind IN ('reserve', 'capture', 'release')"),
        ),
        sa.Index("uq_credit_ledger_one_grant", "user_id", unique=True, sqlite_where=sa.text("kind = 'grant'")),
    )


def _allow(kinds: Sequence[str]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f(CONSTRAINT), "credit_ledger", type_="check")
        op.create_check_constraint(op.f(CONSTRAINT), "credit_ledger", _kinds_check(kinds))
        return
    with op.batch_alter_table("credit_ledger", copy_from=_ledger_table(kinds), recreate="always"):
        pass
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER credit_ledger_no_{action.lower()} BEFORE {action} ON credit_ledger "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
        )


def upgrade() -> None:
    _allow(NEW_KINDS)


def downgrade() -> None:
    # Entries of the new kind cannot be rewritten (the ledger is append-only), so a database that
    # has them stays where it is rather than losing part of someone's balance history.
    if op.get_bind().execute(sa.text("SELECT 1 FROM credit_ledger WHERE kind = 'design' LIMIT 1")).first():
        raise RuntimeError("credit_ledger has 'design' entries; downgrading would drop part of the balance history")
    _allow(OLD_KINDS)
