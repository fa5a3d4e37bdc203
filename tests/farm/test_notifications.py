"""Notifications as the desktop sees them: a paged list of your own, marking read, and an event
stream (followed over real HTTP from a uvicorn server) that delivers new ones within seconds,
resumes after ``Last-Event-ID`` and never shows anyone else's."""

from __future__ import annotations

import json
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from conftest import client_for
from farm_helpers import PASSWORD, Account, film_spec, sign_up
from farm_stack import serving
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from render_farm.server.api import notifications as notifications_api
from render_farm.server.db import make_engine, session_factory
from render_farm.server.db.models import Notification, ProjectVersion, RenderJob, User
from render_farm.server.services import notify

WAIT_SECONDS = 10.0


def user_id_of(app: FastAPI, account: Account) -> uuid.UUID:
    with session_factory(app.state.engine)() as session:
        found = session.scalar(select(User.id).where(User.email == account.email))
        assert found is not None
        return found


def add_notification(app: FastAPI, account: Account, title: str) -> uuid.UUID:
    """Write a notification the way a worker does (the service, then commit)."""
    with session_factory(app.state.engine)() as session:
        row = notify.create(session, user_id_of(app, account), "test", title, "body text")
        session.commit()
        return row.id


# -- list and mark read ------------------------------------------------------------------------


def test_list_pages_newest_first_and_counts_unread(client: TestClient, app: FastAPI) -> None:
    account = sign_up(client)
    ids = [add_notification(app, account, f"note {n}") for n in range(3)]

    first = client.get("/notifications", headers=account.headers, params={"limit": 2}).json()
    assert [item["title"] for item in first["items"]] == ["note 2", "note 1"]
    assert first["unread"] == 3 and first["next_before"]
    second = client.get(
        "/notifications", headers=account.headers, params={"limit": 2, "before": first["next_before"]}
    ).json()
    assert [item["id"] for item in second["items"]] == [str(ids[0])] and second["next_before"] is None

    bad = client.get("/notifications", headers=account.headers, params={"before": "not-a-cursor"})
    assert bad.status_code == 422


def test_mark_one_and_all_read(client: TestClient, app: FastAPI) -> None:
    account = sign_up(client)
    ids = [add_notification(app, account, f"note {n}") for n in range(3)]

    marked = client.post(f"/notifications/{ids[1]}/read", headers=account.headers)
    assert marked.status_code == 200 and marked.json()["read_at"] is not None
    unread = client.get("/notifications", headers=account.headers, params={"unread_only": True}).json()
    assert {item["id"] for item in unread["items"]} == {str(ids[0]), str(ids[2])} and unread["unread"] == 2

    assert client.post("/notifications/read-all", headers=account.headers).json() == {"marked": 2}
    assert client.post("/notifications/read-all", headers=account.headers).json() == {"marked": 0}
    assert client.get("/notifications", headers=account.headers).json()["unread"] == 0


def test_another_users_notifications_are_never_visible(client: TestClient, app: FastAPI) -> None:
    owner, other = sign_up(client), sign_up(client)
    private = add_notification(app, owner, "owner's secret")

    assert client.get(f"/notifications/{private}", headers=other.headers).status_code == 404
    assert client.post(f"/notifications/{private}/read", headers=other.headers).status_code == 404
    assert client.post("/notifications/read-all", headers=other.headers).json() == {"marked": 0}
    listed = client.get("/notifications", headers=other.headers).json()
    assert listed["items"] == [] and listed["unread"] == 0

    mine = client.get(f"/notifications/{private}", headers=owner.headers).json()
    assert mine["title"] == "owner's secret" and mine["read_at"] is None
    assert client.get("/notifications").status_code == 401


def test_finished_and_failed_renders_notify_their_owner(client: TestClient, app: FastAPI) -> None:
    account = sign_up(client)
    project = client.post("/projects", headers=account.headers, json={"name": "Moon Film"}).json()["id"]
    assert client.post(f"/projects/{project}/versions", headers=account.headers, json=film_spec()).status_code == 201
    settings = app.state.settings
    with session_factory(app.state.engine)() as session:
        version = session.scalar(select(ProjectVersion).where(ProjectVersion.project_id == uuid.UUID(project)))
        assert version is not None
        job = RenderJob(
            project_id=version.project_id,
            version_id=version.id,
            user_id=user_id_of(app, account),
            idempotency_key=uuid.uuid4().hex,
            request_hash="0" * 64,
            credits_held=90,
        )
        session.add(job)
        session.flush()
        notify.notify_render_finished(session, job, settings=settings)
        notify.notify_render_failed(session, job, "scene 2 crashed its worker three times", settings=settings)
        session.commit()
        job_id = job.id

    items = client.get("/notifications", headers=account.headers).json()["items"]
    by_kind = {item["kind"]: item for item in items}
    assert by_kind["render_finished"]["title"] == 'Your film "Moon Film" is ready'
    assert by_kind["render_finished"]["link"] == f"{settings.public_url}/api/v1/renders/{job_id}"
    assert "scene 2 crashed" in by_kind["render_failed"]["body"]


# -- the event stream over real HTTP -----------------------------------------------------------


@pytest.fixture(scope="module")
def live_url(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free port, in a thread."""
    with serving(app) as url:
        yield f"{url}/api/v1"


@pytest.fixture(autouse=True)
def quick_pings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notifications_api, "PING_SECONDS", 0.5)


@dataclass
class Event:
    id: str | None = None
    event: str | None = None
    data: str = ""
    comments: list[str] = field(default_factory=list)


class StreamReader:
    """Follows the stream in a thread and hands over parsed events (comments included)."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        self.events: queue.Queue[Event | None] = queue.Queue()
        self.status: int | None = None
        self._stop = threading.Event()
        self._opened = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(url, headers), daemon=True)
        self._thread.start()

    def _run(self, url: str, headers: dict[str, str]) -> None:
        try:
            with (
                httpx.Client(timeout=httpx.Timeout(30.0)) as http,
                http.stream("GET", f"{url}/notifications/stream", headers=headers) as response,
            ):
                self.status = response.status_code
                self._opened.set()
                current = Event()
                for line in response.iter_lines():
                    if self._stop.is_set():
                        return
                    if line == "":
                        self.events.put(current)
                        current = Event()
                    elif line.startswith(":"):
                        current.comments.append(line[1:].strip())
                    else:
                        name, _, value = line.partition(":")
                        value = value.removeprefix(" ")
                        if name == "data":
                            current.data += value
                        elif name in ("id", "event"):
                            setattr(current, name, value)
        except httpx.HTTPError:
            pass
        finally:
            self._opened.set()
            self.events.put(None)  # the stream ended

    def next(self, accept: Callable[[Event], bool], timeout: float = WAIT_SECONDS) -> Event | None:
        """The next event that ``accept`` takes, skipping others; None if the stream ended or time ran out."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                item = self.events.get(timeout=left)
            except queue.Empty:
                return None
            if item is None:
                self.events.put(None)
                return None
            if accept(item):
                return item
        return None

    def notifications(self, count: int, timeout: float = WAIT_SECONDS) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        while len(found) < count:
            item = self.next(lambda e: e.event == "notification", timeout)
            if item is None:
                break
            found.append({"id": item.id, **json.loads(item.data)})
        return found

    def wait_open(self) -> None:
        assert self.next(lambda e: "notifications stream open" in e.comments) is not None, "stream did not open"

    def ended(self, timeout: float = WAIT_SECONDS) -> bool:
        return self.next(lambda e: False, timeout) is None and self.events.queue.count(None) > 0

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)


@pytest.fixture
def follow(live_url: str) -> Iterator[Callable[..., StreamReader]]:
    readers: list[StreamReader] = []

    def start(account: Account, last_event_id: str | None = None) -> StreamReader:
        headers = dict(account.headers)
        if last_event_id is not None:
            headers["Last-Event-ID"] = last_event_id
        reader = StreamReader(live_url, headers)
        readers.append(reader)
        return reader

    yield start
    for reader in readers:
        reader.close()


def test_stream_delivers_a_new_notification_and_nobody_elses(app: FastAPI, follow: Callable[..., StreamReader]) -> None:
    client = client_for(app)
    me, other = sign_up(client), sign_up(client)
    add_notification(app, me, "from before the stream")
    stream = follow(me)
    stream.wait_open()

    add_notification(app, other, "someone else's render")
    mine = add_notification(app, me, "your film is ready")

    received = stream.notifications(1)
    assert [(item["id"], item["title"]) for item in received] == [(str(mine), "your film is ready")]
    assert received[0]["read_at"] is None and received[0]["body"] == "body text"


def test_stream_finds_rows_written_by_another_process(app: FastAPI, follow: Callable[..., StreamReader]) -> None:
    me = sign_up(client_for(app))
    stream = follow(me)
    stream.wait_open()
    # A separate engine and a plain insert: nothing in this process signals the stream, only polling finds it.
    engine = make_engine(str(app.state.settings.database_url))
    try:
        with session_factory(engine)() as session:
            row = Notification(user_id=user_id_of(app, me), kind="test", title="from a worker machine", body="")
            session.add(row)
            session.commit()
            written = str(row.id)
    finally:
        engine.dispose()
    assert [item["id"] for item in stream.notifications(1)] == [written]


def test_stream_sends_keep_alive_comments(app: FastAPI, follow: Callable[..., StreamReader]) -> None:
    stream = follow(sign_up(client_for(app)))
    stream.wait_open()
    assert stream.next(lambda e: any(c.startswith("ping") for c in e.comments)) is not None


def test_stream_resumes_after_last_event_id(app: FastAPI, follow: Callable[..., StreamReader]) -> None:
    client = client_for(app)
    me, other = sign_up(client), sign_up(client)
    first = follow(me)
    first.wait_open()
    ids = [str(add_notification(app, me, f"note {n}")) for n in range(3)]
    assert [item["id"] for item in first.notifications(3)] == ids
    first.close()

    later = str(add_notification(app, me, "while you were away"))
    resumed = follow(me, last_event_id=ids[0])
    assert [item["id"] for item in resumed.notifications(3)] == [ids[1], ids[2], later]

    # Someone else's id (or nonsense) says nothing about my stream: it starts from now.
    theirs = str(add_notification(app, other, "theirs"))
    for bogus in (theirs, "not-an-id"):
        fresh = follow(me, last_event_id=bogus)
        fresh.wait_open()
        newest = str(add_notification(app, me, f"after {bogus}"))
        assert [item["id"] for item in fresh.notifications(1)] == [newest]


def test_stream_needs_a_valid_token_and_ends_when_it_is_revoked(
    app: FastAPI, live_url: str, follow: Callable[..., StreamReader]
) -> None:
    assert httpx.get(f"{live_url}/notifications/stream", timeout=10).status_code == 401
    forged = httpx.get(f"{live_url}/notifications/stream", headers={"Authorization": "Bearer x.y.z"}, timeout=10)
    assert forged.status_code == 401

    client = client_for(app)
    me = sign_up(client)
    stream = follow(me)
    stream.wait_open()
    changed = client.post(
        "/auth/change-password",
        headers=me.headers,
        json={"current_password": PASSWORD, "new_password": PASSWORD + " again"},
    )
    assert changed.status_code == 200
    assert stream.ended(), "the stream kept going after its token was revoked"


def test_signing_out_ends_that_sessions_streams_at_once_and_no_other(
    app: FastAPI, follow: Callable[..., StreamReader]
) -> None:
    client = client_for(app)
    laptop = sign_up(client)
    tokens = client.post("/auth/login", json={"email": laptop.email, "password": PASSWORD}).json()
    desktop = Account(laptop.email, PASSWORD, tokens["access_token"], tokens["refresh_token"])
    signed_out, still_on = follow(laptop), follow(desktop)
    signed_out.wait_open()
    still_on.wait_open()
    assert client.post("/auth/logout", json={"refresh_token": laptop.refresh_token}).status_code == 204
    assert signed_out.ended(timeout=5), "the stream kept going after its session was signed out"
    written = str(add_notification(app, desktop, "still here"))
    assert [item["id"] for item in still_on.notifications(1)] == [written]
