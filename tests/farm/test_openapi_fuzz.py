"""Property-based fuzzing of the whole API from its own OpenAPI document (schemathesis): no 500s,
and every response matches what the document promises (status codes, content types, headers,
bodies), on SQLite and PostgreSQL.

Two ways, both with every check:

- one hypothesis test per operation, driven through the ASGI app (``--hypothesis-seed`` repeats a
  run); schemathesis' own pytest loader does not work with this pytest version;
- ``st run --checks all`` against the app served over HTTP, which adds what only schemathesis'
  engine does: boundary and negative cases, undeclared methods (405 with the right ``Allow``),
  missing headers and requests without a token.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from conftest import client_for
from farm_helpers import film_spec, sign_up
from farm_stack import serving
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from render_farm.server.api import create_app
from render_farm.server.settings import FarmSettings

MAX_EXAMPLES = 25
ENGINE_MAX_EXAMPLES = 8
CONFIG = Path(__file__).with_name("schemathesis.toml")
# Rules the schema cannot express (a deny-list of common passwords, the current password being right,
# a film spec's cross-references, an Idempotency-Key sent twice with different bodies) make some
# schema-valid requests fail with 422 here; every other check, "no 500" and "responses match the
# document" included, still runs on them. schemathesis.toml says the same for the engine's run.
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


@dataclass
class SignedIn:
    headers: dict[str, str]
    project_id: str


@pytest.fixture
def signed_in(app: FastAPI) -> SignedIn:
    """A signed-in user who owns a project with one version, so some routes find real objects."""
    client = client_for(app)
    account = sign_up(client)
    project = client.post("/projects", headers=account.headers, json={"name": "Fuzzed"}).json()["id"]
    assert client.post(f"/projects/{project}/versions", headers=account.headers, json=film_spec()).status_code == 201
    return SignedIn(account.headers, project)


@pytest.mark.parametrize(("method", "path"), _operations(), ids=lambda value: str(value))
def test_operation_conforms_to_the_openapi_document(app: FastAPI, signed_in: SignedIn, method: str, path: str) -> None:
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
        case.call_and_validate(headers=signed_in.headers, excluded_checks=excluded)

    conforms()


def fuzz_config(folder: Path, project_id: str) -> Path:
    """schemathesis.toml with the signed-in user's project filled in."""
    path = folder / "schemathesis.toml"
    path.write_text(CONFIG.read_text().replace("{owned_project_id}", project_id))
    return path


@pytest.fixture
def served(app: FastAPI) -> Iterator[str]:
    """The test app over real HTTP on a free port (uvicorn in a thread); yields its base URL."""
    with serving(app) as url:
        yield url


def test_schemathesis_with_every_check_finds_no_violation(served: str, signed_in: SignedIn, tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(fuzz_config(tmp_path, signed_in.project_id)),
        "run",
        f"{served}/api/v1/openapi.json",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(ENGINE_MAX_EXAMPLES),
        "--workers",
        "1",
        "--header",
        f"Authorization: {signed_in.headers['Authorization']}",
        "--exclude-path-regex",
        "/stream$",  # an event stream never ends (tests/farm/test_notifications.py covers it)
        "--generation-database",
        "none",
        "--request-timeout",
        "60",
        "--no-color",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=540, cwd=tmp_path)
    report = result.stdout[-20000:] + result.stderr[-4000:]
    assert result.returncode == 0, report
    assert "No issues found" in report or " passed" in report, report
