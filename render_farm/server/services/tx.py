"""Starting write transactions the same way on SQLite and PostgreSQL.

On SQLite a deferred transaction that reads and then writes fails with "database is locked" when
another writer got in between, so write services take the write lock up front (``BEGIN
IMMEDIATE``, see ``db/session.py``). On PostgreSQL this is a plain transaction; services lock the
rows they change (``SELECT ... FOR UPDATE``).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from render_farm.server.db.session import WRITE_LOCK


def begin_write(session: Session) -> None:
    """Begin this session's transaction as a writer. It must not have begun already."""
    if session.in_transaction():
        raise RuntimeError("begin_write() must start the transaction; commit or roll back the earlier one first")
    session.connection(execution_options={WRITE_LOCK: True})
