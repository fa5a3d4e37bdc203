"""Routes give their database connection back before the response is sent: with a pool of
``POOL`` connections, more clients than that which are slow to read their answers, or which keep
a notification stream open, neither hold a connection nor keep anyone else waiting for one.

The clients are ASGI callers whose ``send`` blocks on the response body, as a slow network does,
so every request sits between "answer built" and "answer delivered" at the same time.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from farm_helpers import Account, film_spec, new_project, sign_up, submit_render
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from render_farm.server.api import auth, billing, health, notifications, projects, renders, teams
from render_farm.server.db.session import make_engine, session_factory

POOL = 2
CLIENTS = POOL + 3
PREFIX = "/api/v1"


@pytest.fixture
def small_pool(app: FastAPI) -> Iterator[Engine]:
    """The app's sessions come from a pool of ``POOL`` connections with nothing on top; a request
    that finds none free waits at most 5 s and then fails."""
    engine = make_engine(app.state.settings.database_url, pool_size=POOL, max_overflow=0, pool_timeout=5)
    saved = app.state.session_factory
    app.state.session_factory = session_factory(engine)
    try:
        yield engine
    finally:
        app.state.session_factory = saved
        engine.dispose()


@dataclass
class SlowClient:
    """One request through the raw ASGI interface whose reader stalls once the body starts."""

    app: FastAPI
    method: str
    path: str
    headers: dict[str, str]
    release: asyncio.Event
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    status: int = 0
    body: bytes = b""

    async def run(self) -> None:
        path, _, query = self.path.partition("?")
        scope: dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": self.method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": query.encode(),
            "root_path": "",
            "headers": [(name.lower().encode(), value.encode()) for name, value in self.headers.items()],
            "client": ("10.200.0.1", 50000),
            "server": ("testserver", 80),
        }
        requested = False

        async def receive() -> dict[str, Any]:
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await self.release.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                self.status = message["status"]
            elif message["type"] == "http.response.body":
                self.body += message.get("body", b"")
                self.arrived.set()
                await self.release.wait()

        await self.app(scope, receive, send)


async def all_at_once(
    app: FastAPI, method: str, path: str, headers: dict[str, str], engine: Engine
) -> tuple[list[SlowClient], int]:
    """``CLIENTS`` slow requests at once; their answers and the connections checked out while
    every one of them was stuck delivering its body."""
    release = asyncio.Event()
    clients = [SlowClient(app, method, path, headers, release) for _ in range(CLIENTS)]
    running = [asyncio.ensure_future(client.run()) for client in clients]
    try:
        async with asyncio.timeout(60):  # a guard against hanging, not a speed check
            await asyncio.gather(*(client.arrived.wait() for client in clients))
        checked_out = engine.pool.checkedout()
    finally:
        release.set()
        async with asyncio.timeout(60):
            await asyncio.gather(*running)
    return clients, checked_out


def run(coroutine: Awaitable[Any]) -> Any:
    async def main() -> Any:
        return await coroutine

    return asyncio.run(main())


@pytest.fixture
def rendered(client: TestClient) -> tuple[Account, str, str]:
    account = sign_up(client)
    project = new_project(client, account, film_spec(scenes=2))
    job = submit_render(client, account, project)
    assert job.status_code == 201, job.text
    return account, project, str(job.json()["id"])


def test_slow_clients_do_not_hold_connections(
    app: FastAPI, small_pool: Engine, rendered: tuple[Account, str, str]
) -> None:
    account, project, job = rendered
    routes: list[tuple[str, str]] = [
        ("GET", "/auth/me"),
        ("GET", "/projects"),
        ("GET", f"/projects/{project}"),
        ("GET", f"/projects/{project}/versions/1/spec"),
        ("GET", f"/projects/{project}/versions/1/estimate"),
        ("GET", f"/projects/{project}/renders"),
        ("GET", f"/renders/{job}"),
        ("GET", "/billing/balance"),
        ("GET", "/notifications?limit=5"),
        ("POST", "/notifications/read-all"),
    ]
    for method, path in routes:
        clients, checked_out = run(all_at_once(app, method, PREFIX + path, account.headers, small_pool))
        assert [client.status for client in clients] == [200] * CLIENTS, (path, clients[-1].body[:300])
        assert checked_out == 0, f"{method} {path}: {checked_out} connections held while the answers were sent"


def test_open_notification_streams_do_not_hold_connections(
    app: FastAPI, small_pool: Engine, rendered: tuple[Account, str, str]
) -> None:
    account, _, _ = rendered

    async def streams_then_a_request() -> tuple[list[SlowClient], list[SlowClient]]:
        release = asyncio.Event()
        streams = [
            SlowClient(app, "GET", f"{PREFIX}/notifications/stream", account.headers, release) for _ in range(CLIENTS)
        ]
        running = [asyncio.ensure_future(stream.run()) for stream in streams]
        try:
            async with asyncio.timeout(60):
                await asyncio.gather(*(stream.arrived.wait() for stream in streams))
            # Every stream is open and waiting for its reader: other requests still get connections.
            others, _ = await all_at_once(app, "GET", f"{PREFIX}/auth/me", account.headers, small_pool)
        finally:
            release.set()
            async with asyncio.timeout(60):
                await asyncio.gather(*running)
        return streams, others

    streams, others = run(streams_then_a_request())
    assert [stream.status for stream in streams] == [200] * CLIENTS
    assert all(b"notifications stream open" in stream.body for stream in streams)
    assert [other.status for other in others] == [200] * CLIENTS


def _generators(dependant: Dependant) -> Iterator[Dependant]:
    for sub in dependant.dependencies:
        if inspect.isgeneratorfunction(sub.call) or inspect.isasyncgenfunction(sub.call):
            yield sub
        yield from _generators(sub)


def test_every_route_closes_its_session_before_the_response_is_sent() -> None:
    checked: list[Callable[..., Any]] = []
    for module in (health, auth, teams, projects, billing, notifications, renders):
        for route in module.router.routes:
            assert isinstance(route, APIRoute)
            for dependency in _generators(route.dependant):
                assert dependency.scope == "function", f"{route.path}: {dependency.call} lives until the body is sent"
                checked.append(route.endpoint)
    assert len(checked) > 30
