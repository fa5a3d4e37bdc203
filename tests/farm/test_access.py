"""Ownership and team roles as another user sees them: never another user's data, roles enforced."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from farm_helpers import Account, film_spec
from fastapi.testclient import TestClient


def new_project(client: TestClient, owner: Account, team_id: str | None = None) -> str:
    response = client.post("/projects", headers=owner.headers, json={"name": "Moon film", "team_id": team_id})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_another_users_objects_are_404_and_reveal_nothing(
    client: TestClient, make_account: Callable[[], Account]
) -> None:
    alice, mallory = make_account(), make_account()
    project = new_project(client, alice)
    assert client.post(f"/projects/{project}/versions", headers=alice.headers, json=film_spec()).status_code == 201
    team = client.post("/teams", headers=alice.headers, json={"name": "Alice's studio"}).json()["id"]
    alice_id = client.get("/auth/me", headers=alice.headers).json()["id"]

    attempts = [
        ("GET", f"/projects/{project}", None),
        ("DELETE", f"/projects/{project}", None),
        ("GET", f"/projects/{project}/versions", None),
        ("POST", f"/projects/{project}/versions", film_spec()),
        ("GET", f"/projects/{project}/versions/1", None),
        ("GET", f"/projects/{project}/versions/1/spec", None),
        ("GET", f"/teams/{team}", None),
        ("POST", f"/teams/{team}/members", {"email": "x@example.com", "role": "owner"}),
        ("PATCH", f"/teams/{team}/members/{alice_id}", {"role": "viewer"}),
        ("DELETE", f"/teams/{team}/members/{alice_id}", None),
    ]
    for method, url, body in attempts:
        response = client.request(method, url, headers=mallory.headers, json=body)
        assert response.status_code == 404, (method, url, response.status_code)
        assert "Moon film" not in response.text and "Fox" not in response.text and alice.email not in response.text
        unknown = client.request(
            method,
            url.replace(project, str(uuid.uuid4())).replace(team, str(uuid.uuid4())),
            headers=mallory.headers,
            json=body,
        )
        assert unknown.status_code == 404 and unknown.json()["detail"] == response.json()["detail"]

    assert client.get("/projects", headers=mallory.headers).json() == []
    assert client.get("/teams", headers=mallory.headers).json() == []
    # ...and Alice's things are untouched.
    assert client.get(f"/projects/{project}/versions", headers=alice.headers).json()[0]["number"] == 1
    assert len(client.get(f"/teams/{team}", headers=alice.headers).json()["members"]) == 1


def test_every_object_route_needs_a_token(client: TestClient) -> None:
    some = uuid.uuid4()
    for method, url in [
        ("GET", "/projects"),
        ("POST", "/projects"),
        ("GET", f"/projects/{some}"),
        ("GET", f"/projects/{some}/versions"),
        ("GET", "/teams"),
        ("GET", f"/teams/{some}"),
        ("GET", "/auth/me"),
    ]:
        assert client.request(method, url).status_code == 401, (method, url)


def test_team_roles_viewer_reads_editor_writes_owner_manages(
    client: TestClient, make_account: Callable[[], Account]
) -> None:
    owner, editor, viewer, outsider = (make_account() for _ in range(4))
    team = client.post("/teams", headers=owner.headers, json={"name": "Studio"}).json()["id"]
    for who, role in [(editor, "editor"), (viewer, "viewer")]:
        added = client.post(f"/teams/{team}/members", headers=owner.headers, json={"email": who.email, "role": role})
        assert added.status_code == 201
    project = new_project(client, owner, team_id=team)

    # Viewer: sees the project and its versions, cannot change anything.
    assert client.post(f"/projects/{project}/versions", headers=editor.headers, json=film_spec()).status_code == 201
    assert client.get(f"/projects/{project}", headers=viewer.headers).json()["role"] == "viewer"
    assert client.get(f"/projects/{project}/versions/1/spec", headers=viewer.headers).json()["title"]
    assert client.post(f"/projects/{project}/versions", headers=viewer.headers, json=film_spec()).status_code == 403
    assert client.delete(f"/projects/{project}", headers=viewer.headers).status_code == 403
    assert client.post("/projects", headers=viewer.headers, json={"name": "x", "team_id": team}).status_code == 403
    viewer_adds = client.post(f"/teams/{team}/members", headers=viewer.headers, json={"email": outsider.email})
    assert viewer_adds.status_code == 403

    # Editor: uploads (done above) and creates team projects, cannot manage members.
    assert client.post("/projects", headers=editor.headers, json={"name": "y", "team_id": team}).status_code == 201
    editor_adds = client.post(f"/teams/{team}/members", headers=editor.headers, json={"email": outsider.email})
    assert editor_adds.status_code == 403
    viewer_id = client.get("/auth/me", headers=viewer.headers).json()["id"]
    promote = client.patch(f"/teams/{team}/members/{viewer_id}", headers=editor.headers, json={"role": "owner"})
    assert promote.status_code == 403

    # Outsider sees nothing of it.
    assert client.get(f"/projects/{project}", headers=outsider.headers).status_code == 404
    assert [p["id"] for p in client.get("/projects", headers=viewer.headers).json()] != []

    # Owner: changes roles and removes members; the last owner cannot leave.
    assert client.patch(f"/teams/{team}/members/{viewer_id}", headers=owner.headers, json={"role": "editor"}).json()
    assert client.post(f"/projects/{project}/versions", headers=viewer.headers, json=film_spec()).status_code == 201
    assert client.delete(f"/teams/{team}/members/{viewer_id}", headers=owner.headers).status_code == 204
    assert client.get(f"/projects/{project}", headers=viewer.headers).status_code == 404
    owner_id = client.get("/auth/me", headers=owner.headers).json()["id"]
    assert client.delete(f"/teams/{team}/members/{owner_id}", headers=owner.headers).status_code == 409

    # Editor deletes the project; then it is gone for everyone.
    assert client.delete(f"/projects/{project}", headers=editor.headers).status_code == 204
    assert client.get(f"/projects/{project}", headers=owner.headers).status_code == 404


def test_adding_a_member_twice_or_an_unknown_email(client: TestClient, make_account: Callable[[], Account]) -> None:
    owner, friend = make_account(), make_account()
    team = client.post("/teams", headers=owner.headers, json={"name": "Duo"}).json()["id"]
    assert client.post(f"/teams/{team}/members", headers=owner.headers, json={"email": friend.email}).status_code == 201
    assert client.post(f"/teams/{team}/members", headers=owner.headers, json={"email": friend.email}).status_code == 409
    nobody = client.post(f"/teams/{team}/members", headers=owner.headers, json={"email": "nobody@example.com"})
    assert nobody.status_code == 404
    listed = client.get("/teams", headers=friend.headers).json()
    assert [(t["id"], t["role"]) for t in listed] == [(team, "viewer")]
