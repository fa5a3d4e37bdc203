"""No input a client sends gets a 500: bodies that are not plain JSON, numbers the database cannot
hold, prompts with nothing to tell, methods a path does not take. Each is a 4xx problem with a
clear message; an error nobody foresaw is a 500 problem whose id is also in the log."""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable

import pytest
from conftest import client_for
from farm_helpers import Account, film_spec, new_project, sign_up
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from render_farm.ai.protocols import BreakdownRequest, Providers
from render_farm.ai.registry import ProviderSettings, make_providers
from render_farm.film import Film
from render_farm.server.api import create_app
from render_farm.server.api.cloud_ai import HAS_VISIBLE_TEXT
from render_farm.server.services.cloud_ai import CloudAI
from render_farm.server.settings import FarmSettings

DEEP = "[" * 1200 + "]" * 1200
HUGE_NUMBER = "9" * 5000
BIG_VERSIONS = [2**31, 2**32 + 1, 2**63, 10**30]


@pytest.fixture
def owner(make_account: Callable[[], Account]) -> Account:
    return make_account()


def post_raw(client: TestClient, path: str, account: Account, body: bytes, **headers: str) -> object:
    headers = {**account.headers, "Content-Type": "application/json", **headers}
    return client.post(path, headers=headers, content=body)


def assert_problem(response: object, status: int, needle: str) -> None:
    assert response.status_code == status, response.text[:400]  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("application/problem+json")  # type: ignore[attr-defined]
    assert needle in response.json()["detail"], response.json()["detail"]  # type: ignore[attr-defined]


def test_a_spec_nested_a_thousand_levels_deep_is_a_422(client: TestClient, owner: Account) -> None:
    project = client.post("/projects", headers=owner.headers, json={"name": "Deep"}).json()["id"]
    spec = json.dumps(film_spec())[:-1] + ', "premise": ' + DEEP + "}"
    assert_problem(post_raw(client, f"/projects/{project}/versions", owner, spec.encode()), 422, "nested")
    body = '{"film": ' + spec + "}"
    key = uuid.uuid4().hex
    assert_problem(post_raw(client, "/ai/characters", owner, body.encode(), **{"Idempotency-Key": key}), 422, "nested")
    assert_problem(post_raw(client, "/teams", owner, ('{"name": ' + DEEP + "}").encode()), 422, "nested")


def test_a_number_of_five_thousand_digits_is_a_422(client: TestClient, owner: Account) -> None:
    project = client.post("/projects", headers=owner.headers, json={"name": "Digits"}).json()["id"]
    spec = json.dumps({**film_spec(), "schema_version": "N"}).replace('"N"', HUGE_NUMBER)
    assert_problem(post_raw(client, f"/projects/{project}/versions", owner, spec.encode()), 422, "too large")
    body = ('{"prompt": "a fox", "seed": ' + HUGE_NUMBER + "}").encode()
    assert_problem(post_raw(client, "/ai/breakdown", owner, body), 422, "too large")
    seed = film_spec()
    seed["seed"] = 10**30  # fits JSON, not the farm's numbers
    assert_problem(client.post(f"/projects/{project}/versions", headers=owner.headers, json=seed), 422, "too large")


@pytest.mark.parametrize("number", BIG_VERSIONS)
def test_version_numbers_past_what_the_database_holds_are_422_on_every_route(
    client: TestClient, owner: Account, number: int
) -> None:
    project = new_project(client, owner, film_spec())
    for method, path in [
        ("GET", f"/projects/{project}/versions/{number}"),
        ("GET", f"/projects/{project}/versions/{number}/spec"),
        ("GET", f"/projects/{project}/versions/{number}/estimate"),
        ("POST", f"/projects/{project}/versions/{number}/renders"),
    ]:
        headers = {**owner.headers, "Idempotency-Key": uuid.uuid4().hex}
        response = client.request(method, path, headers=headers)
        assert_problem(response, 422, "number: Input should be less than or equal to 2147483647")


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b'{"name": "\xff\xfe team"}', "not UTF-8"),
        (b'{"name": NaN}', "NaN is not a JSON value"),
        (b'{"name": "\\ud800 team"}', "lone UTF-16 surrogate"),
        (b'{"name": ', "Expecting value"),
    ],
)
def test_bodies_that_are_not_plain_json_are_422_naming_the_reason(
    client: TestClient, owner: Account, body: bytes, needle: str
) -> None:
    response = post_raw(client, "/teams", owner, body)
    assert_problem(response, 422, "not valid JSON")
    assert needle in response.json()["detail"]  # type: ignore[attr-defined]
    assert response.json()["errors"][0]["field"] == "(body)"  # type: ignore[attr-defined]


def test_a_broken_character_in_a_film_is_a_422_not_a_database_error(client: TestClient, owner: Account) -> None:
    project = client.post("/projects", headers=owner.headers, json={"name": "Broken"}).json()["id"]
    spec = json.dumps(film_spec()).replace('"The Fox and the Moon"', '"The Fox \\udc00 Moon"')
    assert_problem(post_raw(client, f"/projects/{project}/versions", owner, spec.encode()), 422, "surrogate")
    assert client.get(f"/projects/{project}/versions", headers=owner.headers).json() == []


@pytest.mark.parametrize(("field", "value"), [("seed", False), ("length", True), ("seed", "5"), ("length", "60")])
def test_a_boolean_or_a_string_where_a_number_belongs_is_422(
    client: TestClient, owner: Account, field: str, value: object
) -> None:
    response = client.post("/ai/breakdown", headers=owner.headers, json={"prompt": "a fox", field: value})
    assert_problem(response, 422, field)
    spec = film_spec()
    spec["scenes"][0]["duration"] = False
    key = uuid.uuid4().hex
    refused = client.post("/ai/characters", headers={**owner.headers, "Idempotency-Key": key}, json={"film": spec})
    assert_problem(refused, 422, "scenes.0.duration")
    whole = film_spec()
    whole["scenes"][0]["duration"] = 5.0
    whole["cast"][0]["voice"] = {"rate": 170.0}  # JSON Schema's integer: 170.0 is a whole number
    project = client.post("/projects", headers=owner.headers, json={"name": "Whole"}).json()["id"]
    assert client.post(f"/projects/{project}/versions", headers=owner.headers, json=whole).status_code == 201


@pytest.mark.parametrize("prompt", ["\u001c", "\u001f\u001e", "\u0085", "\u2000\u3000", " \t\n "])
def test_a_prompt_with_nothing_visible_is_a_422_not_a_provider_failure(
    client: TestClient, owner: Account, prompt: str
) -> None:
    response = client.post("/ai/breakdown", headers=owner.headers, json={"prompt": prompt})
    assert_problem(response, 422, "prompt")


@pytest.fixture
def writer_client(app: FastAPI) -> tuple[TestClient, dict[str, str]]:
    client = client_for(app)
    return client, sign_up(client).headers


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(prompt=st.text(min_size=1, max_size=60))
def test_any_prompt_is_a_film_or_a_clear_refusal_and_the_writer_never_finds_it_empty(
    writer_client: tuple[TestClient, dict[str, str]], prompt: str
) -> None:
    client, headers = writer_client
    response = client.post("/ai/breakdown", headers=headers, json={"prompt": prompt, "length": 15})
    assert response.status_code in (200, 422, 502), response.text
    visible = re.search(HAS_VISIBLE_TEXT, prompt) is not None
    assert (response.status_code != 422) == visible, response.text  # 422 exactly when nothing is visible
    if response.status_code == 502:  # the writer may fail, but never on an empty prompt the API let through
        assert "empty" not in response.json()["detail"], response.text


class CrashingWriter:
    name = "crashing"

    def breakdown(self, request: BreakdownRequest) -> Film:
        raise IndexError("list index out of range")


def test_a_writer_that_crashes_is_a_502_whose_id_is_in_the_log(
    app: FastAPI, client: TestClient, owner: Account, caplog: pytest.LogCaptureFixture
) -> None:
    built_in = make_providers(ProviderSettings())
    before = getattr(app.state, "cloud_ai", None)
    app.state.cloud_ai = CloudAI(Providers(writer=CrashingWriter(), designer=built_in.designer, voice=built_in.voice))
    try:
        with caplog.at_level(logging.ERROR):
            response = client.post("/ai/breakdown", headers=owner.headers, json={"prompt": "a fox"})
    finally:
        app.state.cloud_ai = before
    assert_problem(response, 502, "failed unexpectedly")
    error_id = response.json()["detail"].rsplit(" ", 1)[1]  # type: ignore[attr-defined]
    assert "list index" not in response.text  # type: ignore[attr-defined]
    assert any(error_id in record.getMessage() and record.exc_info for record in caplog.records)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("GET", "/notifications/read-all", "POST"),
        ("OPTIONS", "/projects", "GET, POST"),
        ("PUT", "/teams", "GET, POST"),
        ("OPTIONS", "/teams/{id}/members/{id}", "DELETE, PATCH"),
        ("DELETE", "/auth/me", "GET"),
    ],
)
def test_a_method_a_path_does_not_take_is_405_naming_every_method_it_does(
    client: TestClient, owner: Account, method: str, path: str, allowed: str
) -> None:
    path = path.replace("{id}", str(uuid.uuid4()))
    response = client.request(method, path, headers=owner.headers)
    assert_problem(response, 405, "not allowed")
    assert response.headers["Allow"] == allowed


def test_an_unforeseen_error_is_a_500_problem_whose_id_is_in_the_log(
    settings: FarmSettings, caplog: pytest.LogCaptureFixture
) -> None:
    app: FastAPI = create_app(settings)

    def broken() -> None:
        raise RuntimeError("a bug nobody foresaw")

    app.add_api_route("/api/v1/broken", broken)
    with caplog.at_level(logging.ERROR), TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/broken")
    app.state.engine.dispose()
    assert response.status_code == 500
    problem = response.json()
    assert problem["error_id"] and problem["error_id"] in problem["detail"]
    assert "a bug nobody foresaw" not in response.text
    logged = [record for record in caplog.records if problem["error_id"] in record.getMessage()]
    assert logged and logged[0].exc_info is not None
