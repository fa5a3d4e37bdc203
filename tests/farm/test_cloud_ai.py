"""Cloud AI on the farm: story breakdown (free) and character design (10 credits a character,
``Idempotency-Key``), on SQLite and PostgreSQL, with the built-in providers and once over HTTP
against the local OpenAI-compatible test server."""

from __future__ import annotations

import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import client_for
from farm_helpers import Account, balance, film_spec, ledger_rows, new_project, sign_up
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from render_farm.ai.protocols import Providers
from render_farm.ai.registry import ProviderSettings, make_providers
from render_farm.film import NARRATOR, Film
from render_farm.server.api import create_app
from render_farm.server.db import make_engine, migrate, session_factory
from render_farm.server.db.migrate import check
from render_farm.server.db.models import CreditLedgerEntry, IdempotencyRecord, LedgerKind, User
from render_farm.server.services import credits, reaper
from render_farm.server.services.cloud_ai import DESIGN_STALL, CloudAI
from render_farm.server.services.ledger import append
from render_farm.server.services.tx import begin_write
from render_farm.server.settings import FarmSettings

sys.path.insert(0, str(Path(__file__).parents[1] / "ai"))
from openai_server import OpenAIServer  # tests/ai: a real local OpenAI-compatible server

PREMISE = "a lighthouse keeper's cat befriends a lost seagull during a storm"


def ledger_sum(app: FastAPI, email: str) -> int:
    with app.state.session_factory() as session:
        return credits.ledger_sum(session, session.scalar(select(User.id).where(User.email == email)))


def breakdown(client: TestClient, account: Account, **body: Any) -> Any:
    return client.post("/ai/breakdown", headers=account.headers, json={"prompt": PREMISE, **body})


def design(client: TestClient, account: Account, body: dict[str, Any], key: str | None = None) -> Any:
    headers = {**account.headers, "Idempotency-Key": key or uuid.uuid4().hex}
    return client.post("/ai/characters", headers=headers, json=body)


@pytest.fixture
def owner(make_account: Callable[[], Account]) -> Account:
    return make_account()


@pytest.fixture
def story(client: TestClient, owner: Account) -> dict[str, Any]:
    response = breakdown(client, owner, length=45, seed=3)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_breakdown_gives_a_film_of_the_asked_length_whose_speakers_are_all_cast(
    client: TestClient, owner: Account
) -> None:
    response = breakdown(client, owner, length=90, style="anime", seed=7)
    assert response.status_code == 200, response.text
    film = Film.model_validate(response.json())
    assert abs(film.duration - 90) <= 0.15 * 90
    cast = {member.id for member in film.cast}
    assert cast
    speakers = {line.speaker for scene in film.scenes for line in scene.dialogue} - {NARRATOR}
    assert speakers and speakers <= cast
    assert film.style.value == "anime"
    assert balance(client, owner) == 100  # a breakdown is free
    again = breakdown(client, owner, length=90, style="anime", seed=7)
    assert again.json() == response.json()  # the same seed gives the same film


def test_breakdown_into_a_project_stores_a_new_version(client: TestClient, owner: Account) -> None:
    project = new_project(client, owner, film_spec())
    response = breakdown(client, owner, project_id=project)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Location"] == f"/api/v1/projects/{project}/versions/2"
    stored = client.get(f"/projects/{project}/versions/2/spec", headers=owner.headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["title"] == response.json()["title"]


def test_another_users_project_cannot_be_written_through_breakdown(
    client: TestClient, owner: Account, make_account: Callable[[], Account]
) -> None:
    project = new_project(client, owner, film_spec())
    stranger = make_account()
    response = breakdown(client, stranger, project_id=project)
    assert response.status_code == 404, response.text
    versions = client.get(f"/projects/{project}/versions", headers=owner.headers).json()
    assert [v["number"] for v in versions] == [1]


def test_designing_the_cast_charges_ten_a_character_on_the_ledger(
    client: TestClient, owner: Account, app: FastAPI, story: dict[str, Any]
) -> None:
    characters = len(story["cast"])
    assert characters >= 1
    estimate = client.get(f"/ai/characters/estimate?count={characters}", headers=owner.headers)
    assert estimate.json() == {
        "characters": characters,
        "credits_per_character": 10,
        "total": 10 * characters,
        "balance": 100,
        "shortfall": 0,
    }
    response = design(client, owner, {"film": story})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["credits_charged"] == 10 * characters
    assert body["designed"] == [member["id"] for member in story["cast"]]
    assert all(member["design"] for member in body["film"]["cast"])
    assert balance(client, owner) == 100 - 10 * characters == body["balance"]
    rows = ledger_rows(app, owner.email)
    assert [(row.kind, row.delta) for row in rows] == [(LedgerKind.grant, 100), (LedgerKind.design, -10 * characters)]
    assert ledger_sum(app, owner.email) == balance(client, owner)


def test_only_the_named_cast_members_are_designed_and_charged(
    client: TestClient, owner: Account, story: dict[str, Any]
) -> None:
    first = story["cast"][0]["id"]
    response = design(client, owner, {"film": story, "only": [first]})
    assert response.status_code == 200, response.text
    assert response.json()["designed"] == [first]
    assert balance(client, owner) == 90
    unknown = design(client, owner, {"film": story, "only": ["nobody"]})
    assert unknown.status_code == 422
    assert "only" in unknown.json()["detail"] and "nobody" in unknown.json()["detail"]
    assert balance(client, owner) == 90


def test_a_repeated_key_charges_once_and_replays_the_same_film(
    client: TestClient, owner: Account, app: FastAPI, story: dict[str, Any]
) -> None:
    characters = len(story["cast"])
    first = design(client, owner, {"film": story}, key="cast-once")
    again = design(client, owner, {"film": story}, key="cast-once")
    assert first.status_code == again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    with ThreadPoolExecutor(max_workers=10) as pool:
        burst = list(pool.map(lambda _: design(client, owner, {"film": story}, key="cast-burst"), range(10)))
    assert [r.status_code for r in burst] == [200] * 10
    assert all(r.json() == burst[0].json() for r in burst)
    assert balance(client, owner) == 100 - 2 * 10 * characters
    kinds = [row.kind for row in ledger_rows(app, owner.email)]
    assert kinds == [LedgerKind.grant, LedgerKind.design, LedgerKind.design]
    assert ledger_sum(app, owner.email) == balance(client, owner)

    other = design(client, owner, {"film": {**story, "title": "Another film"}}, key="cast-once")
    assert other.status_code == 422
    assert "Idempotency-Key" in other.json()["detail"]
    assert balance(client, owner) == 100 - 2 * 10 * characters


def test_a_poor_account_gets_402_with_the_shortfall_and_no_entry(
    client: TestClient, owner: Account, app: FastAPI, story: dict[str, Any]
) -> None:
    with app.state.session_factory() as session:
        begin_write(session)
        user_id = session.scalar(select(User.id).where(User.email == owner.email))
        append(session, user_id, -95, LedgerKind.reserve, note="test: most credits spent")
        session.commit()
    characters = len(story["cast"])
    response = design(client, owner, {"film": story}, key="poor")
    assert response.status_code == 402, response.text
    assert response.json()["shortfall"] == 10 * characters - 5
    assert [row.kind for row in ledger_rows(app, owner.email)] == [LedgerKind.grant, LedgerKind.reserve]
    assert balance(client, owner) == 5
    estimate = client.get(f"/ai/characters/estimate?count={characters}", headers=owner.headers).json()
    assert estimate["shortfall"] == 10 * characters - 5


def test_unauthenticated_requests_get_401(client: TestClient, story: dict[str, Any]) -> None:
    assert client.post("/ai/breakdown", json={"prompt": PREMISE}).status_code == 401
    assert client.post("/ai/characters", json={"film": story}, headers={"Idempotency-Key": "k"}).status_code == 401
    assert client.get("/ai/characters/estimate?count=1").status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"prompt": PREMISE, "length": 5}, "length"),
        ({"prompt": PREMISE, "length": 601}, "length"),
        ({"prompt": "   "}, "prompt"),
        ({}, "prompt"),
        ({"prompt": PREMISE, "style": "oil-paint"}, "style"),
        ({"prompt": PREMISE, "language": "English"}, "language"),
        ({"prompt": PREMISE, "seed": -1}, "seed"),
        ({"prompt": PREMISE, "project_id": "not-a-uuid"}, "project_id"),
    ],
)
def test_bad_breakdown_bodies_get_422_naming_the_field(
    client: TestClient, owner: Account, body: dict[str, Any], field: str
) -> None:
    response = client.post("/ai/breakdown", headers=owner.headers, json=body)
    assert response.status_code == 422, response.text
    assert field in [error["field"] for error in response.json()["errors"]]


def test_bad_design_bodies_get_422_naming_the_field_and_charge_nothing(
    client: TestClient, owner: Account, story: dict[str, Any]
) -> None:
    broken = {**story, "cast": [{**story["cast"][0], "id": "Not An Id"}, *story["cast"][1:]]}
    response = design(client, owner, {"film": broken})
    assert response.status_code == 422
    assert "film.cast.0.id" in [error["field"] for error in response.json()["errors"]]
    no_scenes = design(client, owner, {"film": {**story, "scenes": []}})
    assert "film.scenes" in [error["field"] for error in no_scenes.json()["errors"]]
    no_key = client.post("/ai/characters", headers=owner.headers, json={"film": story})
    assert no_key.status_code == 422
    assert "Idempotency-Key" in no_key.json()["detail"]
    assert balance(client, owner) == 100


# -- the HTTP providers, against a real local OpenAI-compatible server ------------------------


@pytest.fixture
def http_farm(settings: FarmSettings, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[FastAPI, OpenAIServer]]:
    """A farm app whose providers are the OpenAI-compatible ones, configured the way the farm's
    environment would configure them, pointed at the local test server."""
    server = OpenAIServer().start()
    monkeypatch.setenv("FARM_TEST_AI_KEY", "sk-farm-test-0123456789")
    environ = {
        "AISTUDIO_WRITER": "http",
        "AISTUDIO_DESIGNER": "http",
        "AISTUDIO_BASE_URL": server.url,
        "AISTUDIO_API_KEY_ENV": "FARM_TEST_AI_KEY",
    }
    app = create_app(settings)
    app.state.cloud_ai = CloudAI(make_providers(ProviderSettings.from_env(environ)))
    try:
        yield app, server
    finally:
        server.stop()
        app.state.engine.dispose()


def test_http_providers_design_with_art_and_a_refused_key_is_a_502_with_no_charge(
    http_farm: tuple[FastAPI, OpenAIServer],
) -> None:
    app, server = http_farm
    client = client_for(app)
    account = sign_up(client)
    story = breakdown(client, account, length=30)
    assert story.status_code == 200, story.text
    assert server.requests[-1].path == "/v1/chat/completions"

    designed = design(client, account, {"film": story.json()})
    assert designed.status_code == 200, designed.text
    body = designed.json()
    assert set(body["art"]) == {member["art"] for member in body["film"]["cast"]}
    assert server.requests[-1].path == "/v1/images/generations"
    assert balance(client, account) == 100 - body["credits_charged"]
    spent = balance(client, account)

    server.queue("401")
    refused = breakdown(client, account)
    assert refused.status_code == 502, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert "401" in refused.json()["detail"] and "\n" not in refused.json()["detail"]

    server.queue("401")
    failed = design(client, account, {"film": story.json()}, key="refused")
    assert failed.status_code == 502, failed.text
    assert "401" in failed.json()["detail"] and "nothing was charged" in failed.json()["detail"]
    assert "sk-farm-test" not in failed.text
    assert balance(client, account) == spent
    assert ledger_sum(app, account.email) == spent
    # The charge came back once, and the key is free again: a retry designs and charges once.
    retried = design(client, account, {"film": story.json()}, key="refused")
    assert retried.status_code == 200, retried.text
    assert balance(client, account) == spent - retried.json()["credits_charged"]
    kinds = [row.kind for row in ledger_rows(app, account.email)]
    assert kinds == [LedgerKind.grant, LedgerKind.design, LedgerKind.design, LedgerKind.release, LedgerKind.design]


# -- the migration ------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0003_keeps_the_ledger_allows_design_entries_and_stays_append_only(
    backend: str, new_database_url: Callable[[str], str], tmp_path: Path
) -> None:
    url = new_database_url(backend)
    settings = FarmSettings(database_url=url, farm_home=tmp_path, jwt_secret="s" * 32)
    migrate(settings, "0002")
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            user = User(email=f"{uuid.uuid4().hex}@example.com", password_hash="x")
            session.add(user)
            session.flush()
            session.add(CreditLedgerEntry(user_id=user.id, delta=100, kind=LedgerKind.grant, balance_after=100))
            session.commit()
            user_id = user.id
        engine.dispose()
        migrate(settings)
        check(url)
        with session_factory(engine)() as session:
            session.add(CreditLedgerEntry(user_id=user_id, delta=-30, kind=LedgerKind.design, balance_after=70))
            session.commit()
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text("UPDATE credit_ledger SET delta = 1000"))
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO credit_ledger (user_id, delta, kind, balance_after, note, created_at) "
                    "SELECT user_id, 1, 'bogus', 71, '', created_at FROM credit_ledger LIMIT 1"
                )
            )
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT kind, delta, balance_after FROM credit_ledger ORDER BY id")).all()
        assert [tuple(row) for row in rows] == [("grant", 100, 100), ("design", -30, 70)]
    finally:
        engine.dispose()


class HeldDesigner:
    """The built-in designer, held at the start until released: a request that stalls or dies."""

    name = "held"

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.started = threading.Event()
        self.release = threading.Event()

    def design(self, film: Film, *, assets_dir: Path | None = None, only: set[str] | None = None) -> Film:
        self.started.set()
        assert self.release.wait(30), "the test never let the designer go"
        return self.inner.design(film, assets_dir=assets_dir, only=only)


def test_a_design_whose_request_never_answers_is_given_back_once_by_the_reaper(
    client: TestClient, owner: Account, app: FastAPI, story: dict[str, Any]
) -> None:
    built_in = make_providers(ProviderSettings())
    held = HeldDesigner(built_in.designer)
    app.state.cloud_ai = CloudAI(Providers(writer=built_in.writer, designer=held, voice=built_in.voice))
    characters = len(story["cast"])
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(design, client, owner, {"film": story}, "stalls")
        _stall_and_reap(client, owner, app, held, characters)
        held.release.set()  # the request that was given up on finishes after all
        late = pending.result(timeout=60)
    assert late.status_code == 409, late.text
    assert "credits were returned" in late.json()["detail"]
    rows = ledger_rows(app, owner.email)
    assert [(row.kind, row.delta) for row in rows] == [
        (LedgerKind.grant, 100),
        (LedgerKind.design, -10 * characters),
        (LedgerKind.release, 10 * characters),
    ]
    assert ledger_sum(app, owner.email) == balance(client, owner) == 100
    again = design(client, owner, {"film": story}, key="stalls")  # the key is free for a retry
    assert again.status_code == 200, again.text
    assert balance(client, owner) == 100 - 10 * characters


def _stall_and_reap(client: TestClient, owner: Account, app: FastAPI, held: HeldDesigner, characters: int) -> None:
    """While the design request is held: age its claim past DESIGN_STALL and let the reaper act."""
    try:
        assert held.started.wait(30)
        assert balance(client, owner) == 100 - 10 * characters  # charged while it designs
        factory = app.state.session_factory
        assert reaper.purge(factory) == 0  # a claim still young is left alone
        with factory() as session:  # the request has now been silent for longer than DESIGN_STALL
            begin_write(session)
            claim = session.scalar(select(IdempotencyRecord).where(IdempotencyRecord.key == "stalls"))
            assert claim is not None and claim.response_status is None
            claim.created_at -= DESIGN_STALL + timedelta(seconds=1)
            session.commit()
        assert reaper.purge(factory) >= 1
        assert balance(client, owner) == 100
        assert reaper.purge(factory) == 0  # given back once, never twice
    except BaseException:
        held.release.set()  # let the held request end, so the test fails instead of hanging
        raise
