"""Signing out ends the sign-in session at once: its access tokens stop working on every route
(not when they expire), while the same account's other sign-ins carry on."""

from __future__ import annotations

from farm_helpers import PASSWORD, Account, film_spec, new_project, sign_up, submit_render
from fastapi.testclient import TestClient


def sign_in_again(client: TestClient, account: Account) -> Account:
    tokens = client.post("/auth/login", json={"email": account.email, "password": PASSWORD}).json()
    return Account(account.email, PASSWORD, tokens["access_token"], tokens["refresh_token"])


def test_after_sign_out_the_access_token_is_refused_everywhere_at_once(client: TestClient) -> None:
    laptop = sign_up(client)
    desktop = sign_in_again(client, laptop)
    project = new_project(client, laptop, film_spec(scenes=1))
    job = submit_render(client, laptop, project).json()["id"]
    routes = ["/auth/me", "/projects", f"/projects/{project}", f"/renders/{job}", "/notifications", "/billing/ledger"]
    assert all(client.get(route, headers=laptop.headers).status_code == 200 for route in routes)

    assert client.post("/auth/logout", json={"refresh_token": laptop.refresh_token}).status_code == 204

    for route in routes:
        refused = client.get(route, headers=laptop.headers)
        assert refused.status_code == 401, (route, refused.text)
        assert refused.headers["WWW-Authenticate"] == "Bearer"
    assert client.get("/notifications/stream", headers=laptop.headers).status_code == 401
    assert client.post("/auth/refresh", json={"refresh_token": laptop.refresh_token}).status_code == 401
    # The same account signed in elsewhere is not signed out.
    assert all(client.get(route, headers=desktop.headers).status_code == 200 for route in routes)


def test_tokens_renewed_in_a_session_end_with_it(client: TestClient) -> None:
    first = sign_up(client)
    renewed = client.post("/auth/refresh", json={"refresh_token": first.refresh_token}).json()
    current = Account(first.email, PASSWORD, renewed["access_token"], renewed["refresh_token"])
    assert client.get("/auth/me", headers=first.headers).status_code == 200  # still within its 15 minutes
    assert client.post("/auth/logout", json={"refresh_token": current.refresh_token}).status_code == 204
    assert client.get("/auth/me", headers=first.headers).status_code == 401
    assert client.get("/auth/me", headers=current.headers).status_code == 401


def test_signing_out_with_an_unknown_token_changes_nothing(client: TestClient) -> None:
    me = sign_up(client)
    assert client.post("/auth/logout", json={"refresh_token": "not-a-token"}).status_code == 204
    assert client.get("/auth/me", headers=me.headers).status_code == 200
