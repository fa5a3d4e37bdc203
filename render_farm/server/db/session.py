"""Engines and sessions: one engine per database URL, a session factory, ``session_scope()``.

SQLite (the embedded default) gets foreign keys ON, WAL journaling and a busy timeout on every
connection; PostgreSQL uses psycopg 3 with pre-ping so a restarted server is survived.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from render_farm.server.settings import FarmSettings

SQLITE_BUSY_TIMEOUT_MS = 30_000
POOL_SIZE, POOL_OVERFLOW = 10, 40
"""Connections kept and allowed on top. The API runs sync routes and dependencies on a pool of 40
threads, and a request holds its session across several of them: with fewer connections than
threads, a burst of requests can hold every connection while waiting for a thread, and stall."""
WRITE_LOCK = "farm_write_lock"
"""Execution option: begin the transaction holding the write lock (SQLite ``BEGIN IMMEDIATE``)."""


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling cannot do IMMEDIATE).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(WRITE_LOCK, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(
    database_url: str, *, pool_size: int = POOL_SIZE, max_overflow: int = POOL_OVERFLOW, pool_timeout: float = 30.0
) -> Engine:
    """An engine for ``database_url`` with the per-dialect settings the farm relies on."""
    sizes: dict[str, Any] = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout}
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        in_memory = not url.database or url.database == ":memory:"
        pool: dict[str, Any] = {} if in_memory else sizes
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **pool
        )
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **sizes)


def engine_from_settings(settings: FarmSettings) -> Engine:
    return make_engine(settings.database_url)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def redacted_url(database_url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    return make_url(database_url).render_as_string(hide_password=True)
