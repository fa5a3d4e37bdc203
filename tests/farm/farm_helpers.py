"""Helpers shared by the farm tests: a signed-up account, a small valid film spec, its credits."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from render_farm.server.db.models import CreditLedgerEntry, User

PASSWORD = "correct horse battery staple"


@dataclass
class Account:
    email: str
    password: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


def sign_up(client: TestClient, email: str | None = None, password: str = PASSWORD) -> Account:
    email = email or f"user-{uuid.uuid4().hex[:12]}@example.com"
    response = client.post("/auth/signup", json={"email": email, "password": password})
    assert response.status_code == 201, response.text
    tokens = client.post("/auth/login", json={"email": email, "password": password})
    assert tokens.status_code == 200, tokens.text
    body = tokens.json()
    return Account(email, password, body["access_token"], body["refresh_token"])


def film_spec(title: str = "The Fox and the Moon", scenes: int = 2) -> dict[str, Any]:
    """A small valid film spec (current schema)."""
    return {
        "schema_version": 3,
        "title": title,
        "cast": [
            {"id": "fox", "name": "Fern the Fox", "kind": "fox", "design": {}},
            {"id": "owl", "name": "Olive", "voice": {"voice": "f2"}},
        ],
        "scenes": [
            {
                "id": f"scene-{n}",
                "number": n,
                "duration": 5.0,
                "cast": ["fox", "owl"] if n == 1 else ["fox"],
                "dialogue": [{"speaker": "fox", "text": f"Line {n}."}, {"speaker": "narrator", "text": "And so."}],
            }
            for n in range(1, scenes + 1)
        ],
    }


def offline_film(seed: int = 1, scene_seconds: float = 3.0, title: str | None = None) -> dict[str, Any]:
    """A three-scene film spec written by the built-in (offline) story writer, each scene cut to
    ``scene_seconds`` so renders stay quick. ``seed`` and ``title`` make it unique (render caches)."""
    from render_farm.ai.protocols import BreakdownRequest
    from render_farm.ai.registry import ProviderSettings, make_providers
    from render_farm.film import Film

    writer = make_providers(ProviderSettings()).writer
    film = writer.breakdown(BreakdownRequest(prompt="a fox who wants to visit the moon", length=25, seed=seed))
    data = film.model_dump(mode="json")
    assert len(data["scenes"]) == 3
    for scene in data["scenes"]:
        scene["duration"] = scene_seconds
    if title:
        data["title"] = title
    return Film.model_validate(data).model_dump(mode="json")


def new_project(client: TestClient, account: Account, spec: dict[str, Any], name: str = "Render me") -> str:
    """A project of ``account`` holding ``spec`` as version 1; returns the project id."""
    project = client.post("/projects", headers=account.headers, json={"name": name})
    assert project.status_code == 201, project.text
    version = client.post(f"/projects/{project.json()['id']}/versions", headers=account.headers, json=spec)
    assert version.status_code == 201, version.text
    return str(project.json()["id"])


def submit_render(
    client: TestClient, account: Account, project: str, key: str | None = None, version: int = 1, **body: Any
) -> Any:
    headers = {**account.headers, "Idempotency-Key": key or uuid.uuid4().hex}
    return client.post(f"/projects/{project}/versions/{version}/renders", headers=headers, json=body)


def team_project(client: TestClient, owner: Account, member: Account, role: str = "viewer") -> tuple[str, str]:
    """A team of ``owner`` with ``member`` in ``role``, and a team project holding a one-scene
    spec as version 1; returns (team id, project id)."""
    team = client.post("/teams", headers=owner.headers, json={"name": "Studio"}).json()["id"]
    added = client.post(f"/teams/{team}/members", headers=owner.headers, json={"email": member.email, "role": role})
    assert added.status_code in (200, 201), added.text
    project = client.post("/projects", headers=owner.headers, json={"name": "Shared", "team_id": team}).json()["id"]
    version = client.post(f"/projects/{project}/versions", headers=owner.headers, json=film_spec(scenes=1))
    assert version.status_code == 201, version.text
    return str(team), str(project)


def balance(client: TestClient, account: Account) -> int:
    """The balance the API shows the account (``/auth/me``)."""
    return int(client.get("/auth/me", headers=account.headers).json()["credits"])


def ledger_rows(app: FastAPI, email: str) -> list[CreditLedgerEntry]:
    """The account's ledger entries as stored, oldest first."""
    with app.state.session_factory() as session:
        user_id = session.scalar(select(User.id).where(User.email == email))
        return list(
            session.scalars(
                select(CreditLedgerEntry).where(CreditLedgerEntry.user_id == user_id).order_by(CreditLedgerEntry.id)
            )
        )
