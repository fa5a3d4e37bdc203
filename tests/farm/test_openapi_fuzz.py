"""Property-based fuzzing of the whole API from its own OpenAPI document (schemathesis): no 500s,
and every response matches what the document promises (status codes, content types, bodies).

One test per operation and database. (schemathesis' own pytest loader does not work with this
pytest version, so the operations are driven through hypothesis directly.)
"""

from __future__ import annotations

import tempfile
from typing import Any

import pytest
import schemathesis
from conftest import client_for
from farm_helpers import film_spec, sign_up
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from render_farm.server.api import create_app
from render_farm.server.settings import FarmSettings

MAX_EXAMPLES = 25
# Rules the schema cannot express (a deny-list of common passwords, the current password being right,
# a film spec's cross-references) make some schema-valid requests fail with 422 here; every other
# check, "no 500" and "responses match the document" included, still runs on them.
BEYOND_THE_SCHEMA = {
    ("POST", "/api/v1/auth/signup"),
    ("POST", "/api/v1/auth/change-password"),
    ("POST", "/api/v1/projects/{project_id}/versions"),
    ("POST", "/api/v1/projects/{project_id}/versions/{number}/renders"),  # credits run out: 402
    ("POST", "/api/v1/ai/characters"),  # a film spec's cross-references; credits run out: 402
}


def _operations() -> list[tuple[str, str]]:
    """Every (method, path) in the document; the document does not depend on the database."""
    with tempfile.TemporaryDirectory() as home:
        document = create_app(FarmSettings(database_url="sqlite://", farm_home=home, jwt_secret="d" * 32)).openapi()
    return [
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        # an event stream never ends, so it cannot be fuzzed this way (tests/farm/test_notifications.py covers it)
        if "text/event-stream" not in operation["responses"].get("200", {}).get("content", {})
    ]


@pytest.fixture
def signed_in(app: FastAPI) -> dict[str, str]:
    """A signed-in user who owns a project with one version, so some routes find real objects."""
    client = client_for(app)
    account = sign_up(client)
    project = client.post("/projects", headers=account.headers, json={"name": "Fuzzed"}).json()["id"]
    assert client.post(f"/projects/{project}/versions", headers=account.headers, json=film_spec()).status_code == 201
    return account.headers


@pytest.mark.parametrize(("method", "path"), _operations(), ids=lambda value: str(value))
def test_operation_conforms_to_the_openapi_document(
    app: FastAPI, signed_in: dict[str, str], method: str, path: str
) -> None:
    operation = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    def conforms(case: Any) -> None:
        excluded = [positive_data_acceptance] if (method, path) in BEYOND_THE_SCHEMA else []
        case.call_and_validate(headers=signed_in, excluded_checks=excluded)

    conforms()
