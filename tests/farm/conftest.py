"""Fixtures that start real things: a SQLite file and a fresh PostgreSQL database per test session,
both migrated with the shipped migrations, and the farm app served through Starlette's TestClient.

Every test that uses ``client`` runs once per database. PostgreSQL is the server at
``FARM_TEST_POSTGRES_URL`` (default 127.0.0.1:5432, database ``test``); if it cannot be reached the
PostgreSQL half fails in CI (``CI`` set) and is skipped on a developer machine.
"""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from farm_helpers import Account, sign_up
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from render_farm.server.api import create_app
from render_farm.server.db import migrate
from render_farm.server.settings import FarmSettings

POSTGRES_URL = os.environ.get("FARM_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


def _admin_connection() -> psycopg.Connection[Any]:
    try:
        return psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        message = f"PostgreSQL is not reachable at {POSTGRES_URL}: {str(error).strip()}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def new_database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """A factory: an empty, uniquely named database of the given backend; all dropped at the end."""
    created: list[str] = []

    def make(backend: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp('farm-db') / 'farm.db'}"
        name = f"farm_test_{uuid.uuid4().hex[:16]}"
        with _admin_connection() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        return make_url(POSTGRES_URL).set(drivername="postgresql+psycopg", database=name).render_as_string(False)

    yield make
    if created:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            for name in created:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_settings(database_url: str, home: Path, **overrides: Any) -> FarmSettings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "farm_home": home,
        "jwt_secret": "test-secret-" + uuid.uuid4().hex,
        "bcrypt_rounds": 4,
        "allow_weak_bcrypt_for_tests": True,
        **overrides,
    }
    return FarmSettings(**values)


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, new_database_url: Callable[[str], str]) -> str:
    """A migrated database shared by the session's tests (they isolate themselves by user)."""
    url = new_database_url(request.param)
    migrate(FarmSettings(database_url=url, farm_home=Path("/nonexistent"), jwt_secret="unused" * 8))
    return url


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> FarmSettings:
    return make_settings(
        database_url,
        tmp_path_factory.mktemp("farm-home"),
        max_upload_bytes=256 * 1024,
        max_bundle_uncompressed_bytes=4 * 1024 * 1024,
    )


@pytest.fixture(scope="session")
def app(settings: FarmSettings) -> FastAPI:
    return create_app(settings)


def client_for(app: FastAPI, address: str | None = None) -> TestClient:
    address = address or f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    return TestClient(app, base_url="http://testserver/api/v1", client=(address, 50000))


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    """A client with its own made-up address, so per-address throttling never spans tests."""
    return client_for(app)


@pytest.fixture
def make_account(client: TestClient) -> Callable[[], Account]:
    return lambda: sign_up(client)
