"""Accounts as a user and an attacker see them: sign-up credits, sign-in, throttling, tokens."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import timedelta

import jwt
import pytest
from conftest import client_for
from farm_helpers import PASSWORD, Account, sign_up
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from render_farm.server import security
from render_farm.server.db import session_factory
from render_farm.server.db.base import utcnow
from render_farm.server.db.models import CreditLedgerEntry, User
from render_farm.server.settings import FarmSettings


def ledger_of(app: FastAPI, email: str) -> list[CreditLedgerEntry]:
    with session_factory(app.state.engine)() as session:
        user = session.scalar(select(User).where(User.email == email))
        assert user is not None
        return list(session.scalars(select(CreditLedgerEntry).where(CreditLedgerEntry.user_id == user.id)))


def test_sign_up_grants_100_credits_exactly_once(client: TestClient, app: FastAPI) -> None:
    account = sign_up(client)
    me = client.get("/auth/me", headers=account.headers)
    assert me.status_code == 200
    assert me.json()["credits"] == 100 and me.json()["email"] == account.email

    again = client.post("/auth/signup", json={"email": account.email.upper(), "password": PASSWORD + "!"})
    assert again.status_code == 409
    assert again.headers["content-type"].startswith("application/problem+json")
    assert again.json()["status"] == 409

    entries = ledger_of(app, account.email)
    assert [(e.kind.value, e.delta, e.balance_after) for e in entries] == [("grant", 100, 100)]


def test_password_policy_rejects_short_long_and_common_passwords(client: TestClient) -> None:
    for password, needle in [("short pass", "at least 12"), ("x" * 129, "at most 128"), ("password1234", "common")]:
        email = f"policy-{uuid.uuid4().hex[:8]}@example.com"
        response = client.post("/auth/signup", json={"email": email, "password": password})
        assert response.status_code == 422, password
        assert response.json()["detail"].startswith("password:") and needle in response.json()["detail"]


def test_wrong_password_and_unknown_email_get_the_same_401(client: TestClient) -> None:
    account = sign_up(client)
    wrong = client.post("/auth/login", json={"email": account.email, "password": "not the password at all"})
    unknown = client.post("/auth/login", json={"email": "nobody-" + account.email, "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"] == "email or password is wrong"


def test_repeated_failures_throttle_the_account_from_any_address(app: FastAPI) -> None:
    account = sign_up(client_for(app))
    attacker = client_for(app)
    for _ in range(5):
        assert (
            attacker.post("/auth/login", json={"email": account.email, "password": "guess guess guess"}).status_code
            == 401
        )
    # Even the right password, from another address, must wait: the lock is on the account.
    blocked = client_for(app).post("/auth/login", json={"email": account.email, "password": PASSWORD})
    assert blocked.status_code == 429
    assert 1 <= int(blocked.headers["Retry-After"]) <= 30
    assert blocked.json()["retry_after"] == int(blocked.headers["Retry-After"])


def test_repeated_failures_throttle_the_address_across_accounts(app: FastAPI, settings: FarmSettings) -> None:
    victim = sign_up(client_for(app))
    attacker = client_for(app)
    for n in range(settings.login_max_failures_per_address):
        email = f"sprayed-{n}-{uuid.uuid4().hex[:6]}@example.com"
        assert attacker.post("/auth/login", json={"email": email, "password": "Spring2024!!"}).status_code == 401
    assert attacker.post("/auth/login", json={"email": victim.email, "password": PASSWORD}).status_code == 429
    # The account itself is not locked: its owner signs in from their own address.
    assert client_for(app).post("/auth/login", json={"email": victim.email, "password": PASSWORD}).status_code == 200


def test_backoff_doubles_with_each_failure_past_the_threshold(settings: FarmSettings) -> None:
    from render_farm.server.services.throttle import lock_seconds

    waits = [lock_seconds(n, 5, settings) for n in range(4, 12)]
    assert waits[:2] == [0, 30] and waits[2] == 60 and waits[3] == 120
    assert max(waits) <= settings.login_lockout_max_seconds


def test_expired_access_token_is_refused(client: TestClient, app: FastAPI, settings: FarmSettings) -> None:
    account = sign_up(client)
    me = client.get("/auth/me", headers=account.headers).json()
    expired = security.create_access_token(
        uuid.UUID(me["id"]), 0, settings.jwt_signing_key, 15, now=utcnow() - timedelta(minutes=16)
    )
    response = client.get("/auth/me", headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert "expired" in response.json()["detail"]


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_forged_tokens_are_refused(client: TestClient, settings: FarmSettings) -> None:
    account = sign_up(client)
    claims = jwt.decode(account.access_token, options={"verify_signature": False})
    header, payload, signature = account.access_token.split(".")
    forged = [
        jwt.encode(claims, "another secret of the right length!!", algorithm="HS256"),
        f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.",
        f"{header}.{_b64({**claims, 'sub': str(uuid.uuid4())})}.{signature}",
        f"{header}.{_b64({**claims, 'exp': claims['exp'] + 3600})}.{signature}",
        jwt.encode({**claims, "type": "refresh"}, settings.jwt_signing_key, algorithm="HS256"),
        jwt.encode({k: v for k, v in claims.items() if k != "exp"}, settings.jwt_signing_key, algorithm="HS256"),
        jwt.encode(claims, settings.jwt_signing_key, algorithm="HS512"),
        "not-a-jwt",
    ]
    # The genuine token works, so each refusal below is about the forgery alone.
    assert client.get("/auth/me", headers=account.headers).status_code == 200
    for token in forged:
        response = client.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
        assert "email" not in response.text
    assert client.get("/auth/me").status_code == 401


def refresh(client: TestClient, token: str) -> int:
    return client.post("/auth/refresh", json={"refresh_token": token}).status_code


def test_refresh_rotates_and_reuse_revokes_the_family(client: TestClient) -> None:
    account = sign_up(client)
    first = client.post("/auth/refresh", json={"refresh_token": account.refresh_token})
    assert first.status_code == 200
    rotated = first.json()["refresh_token"]
    assert rotated != account.refresh_token
    assert (
        client.get("/auth/me", headers={"Authorization": f"Bearer {first.json()['access_token']}"}).status_code == 200
    )

    assert refresh(client, account.refresh_token) == 401  # the old one was used already: reuse
    assert refresh(client, rotated) == 401  # ...so its successor is revoked too


def test_reuse_revokes_only_that_family(client: TestClient) -> None:
    account = sign_up(client)
    other_login = client.post("/auth/login", json={"email": account.email, "password": PASSWORD}).json()
    assert refresh(client, account.refresh_token) == 200
    assert refresh(client, account.refresh_token) == 401
    assert refresh(client, other_login["refresh_token"]) == 200


def test_logout_revokes_the_refresh_token(client: TestClient) -> None:
    account = sign_up(client)
    assert client.post("/auth/logout", json={"refresh_token": account.refresh_token}).status_code == 204
    assert refresh(client, account.refresh_token) == 401
    assert client.post("/auth/logout", json={"refresh_token": "never-issued"}).status_code == 204


def test_change_password_revokes_old_tokens_and_old_password(client: TestClient) -> None:
    account = sign_up(client)
    new_password = "a brand new passphrase 42"
    wrong = client.post(
        "/auth/change-password",
        headers=account.headers,
        json={"current_password": "not my password!", "new_password": new_password},
    )
    assert wrong.status_code == 422 and wrong.json()["detail"].startswith("current_password")
    changed = client.post(
        "/auth/change-password",
        headers=account.headers,
        json={"current_password": PASSWORD, "new_password": new_password},
    )
    assert changed.status_code == 200
    assert client.get("/auth/me", headers=account.headers).status_code == 401  # old access token
    assert refresh(client, account.refresh_token) == 401  # old refresh token
    fresh = Account(account.email, new_password, changed.json()["access_token"], changed.json()["refresh_token"])
    assert client.get("/auth/me", headers=fresh.headers).status_code == 200
    assert client.post("/auth/login", json={"email": account.email, "password": PASSWORD}).status_code == 401
    assert client.post("/auth/login", json={"email": account.email, "password": new_password}).status_code == 200


def test_passwords_sharing_their_first_72_bytes_are_not_interchangeable(client: TestClient) -> None:
    prefix = "é" * 36  # 72 bytes of UTF-8, well within the 128-character limit
    account = sign_up(client, password=prefix + " the real ending")
    assert len((prefix + " the real ending").encode()) > 72
    impostor = client.post("/auth/login", json={"email": account.email, "password": prefix + " another ending"})
    assert impostor.status_code == 401
    assert client.post("/auth/login", json={"email": account.email, "password": prefix}).status_code == 401
    real = client.post("/auth/login", json={"email": account.email, "password": prefix + " the real ending"})
    assert real.status_code == 200


def test_default_settings_hash_with_cost_12(tmp_path: pytest.TempPathFactory, new_database_url) -> None:
    strong = FarmSettings(database_url="sqlite:///unused.db", farm_home=tmp_path, jwt_secret="x" * 32)
    assert strong.bcrypt_rounds == 12
    stored = security.hash_password(PASSWORD, strong.bcrypt_rounds)
    assert stored.startswith("$2b$12$")
    assert security.verify_password(PASSWORD, stored) and not security.verify_password(PASSWORD + ".", stored)
    with pytest.raises(ValueError, match="BCRYPT_ROUNDS"):
        FarmSettings(database_url="sqlite:///unused.db", farm_home=tmp_path, jwt_secret="x" * 32, bcrypt_rounds=4)


def test_sign_up_through_the_api_stores_a_cost_12_hash_by_default(
    tmp_path: pytest.TempPathFactory, new_database_url
) -> None:
    from render_farm.server.api import create_app
    from render_farm.server.db import migrate

    url = new_database_url("sqlite")
    settings = FarmSettings(database_url=url, farm_home=tmp_path, jwt_secret="x" * 32)
    migrate(settings)
    app = create_app(settings)
    account = sign_up(client_for(app))
    with session_factory(app.state.engine)() as session:
        stored = session.scalar(select(User.password_hash).where(User.email == account.email))
        grants = session.scalar(select(func.count()).select_from(CreditLedgerEntry))
    assert stored is not None and stored.startswith("$2b$12$")
    assert grants == 1
