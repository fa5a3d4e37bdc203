"""Helpers shared by the farm tests: a signed-up account and a small valid film spec."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

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
        "schema_version": 2,
        "title": title,
        "cast": [
            {"id": "fox", "name": "Fern the Fox", "design": {"species": "fox"}},
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
