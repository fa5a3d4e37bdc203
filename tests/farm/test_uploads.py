"""Uploading film specs and bundles: versions, the rows written from the spec, and hostile input."""

from __future__ import annotations

import io
import json
import stat
import uuid
import zipfile
from collections.abc import Callable

import pytest
from farm_helpers import Account, film_spec
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from render_farm.server.db import session_factory
from render_farm.server.db.models import Asset, Character, ProjectVersion, Scene
from render_farm.server.settings import FarmSettings


@pytest.fixture
def owner(make_account: Callable[[], Account]) -> Account:
    return make_account()


@pytest.fixture
def project(client: TestClient, owner: Account) -> str:
    return client.post("/projects", headers=owner.headers, json={"name": "Uploads"}).json()["id"]


def make_zip(entries: dict[str, bytes], symlinks: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)  # a ZipInfo keeps names as given (no clean-up of '..' or '/')
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def upload_zip(client: TestClient, owner: Account, project: str, body: bytes) -> object:
    headers = {**owner.headers, "Content-Type": "application/zip"}
    return client.post(f"/projects/{project}/versions", headers=headers, content=body)


def test_each_upload_is_a_new_version_with_its_scenes_and_cast(
    client: TestClient, owner: Account, project: str, app: FastAPI
) -> None:
    first = client.post(f"/projects/{project}/versions", headers=owner.headers, json=film_spec(scenes=2))
    assert first.status_code == 201 and first.json()["number"] == 1
    assert first.json()["scene_count"] == 2 and first.json()["character_count"] == 2
    second = client.post(f"/projects/{project}/versions", headers=owner.headers, json=film_spec("Take two", scenes=3))
    assert second.status_code == 201 and second.json()["number"] == 2

    listed = client.get(f"/projects/{project}/versions", headers=owner.headers).json()
    assert [(v["number"], v["title"]) for v in listed] == [(1, "The Fox and the Moon"), (2, "Take two")]
    assert client.get(f"/projects/{project}", headers=owner.headers).json()["latest_version"] == 2
    spec = client.get(f"/projects/{project}/versions/1/spec", headers=owner.headers).json()
    assert spec["title"] == "The Fox and the Moon" and len(spec["scenes"]) == 2
    assert client.get(f"/projects/{project}/versions/3", headers=owner.headers).status_code == 404

    with session_factory(app.state.engine)() as session:
        version = session.scalar(
            select(ProjectVersion).where(
                ProjectVersion.id.isnot(None),
                ProjectVersion.project_id == uuid.UUID(project),
                ProjectVersion.number == 2,
            )
        )
        assert version is not None
        scenes = session.scalars(select(Scene).where(Scene.version_id == version.id).order_by(Scene.number)).all()
        assert [s.key for s in scenes] == ["scene-1", "scene-2", "scene-3"]
        assert [[c.character.key for c in s.cast] for s in scenes] == [["fox", "owl"], ["fox"], ["fox"]]
        # Scenes 2 and 3 differ only in id, number and a line's text; scene 1 also has another cast.
        assert len({s.content_sha256 for s in scenes}) == 3
        characters = session.scalars(select(Character).where(Character.version_id == version.id)).all()
        assert {c.key: c.voice_style.voice for c in characters if c.voice_style} == {"fox": "m3", "owl": "f2"}


def test_an_older_schema_version_is_migrated_on_upload(client: TestClient, owner: Account, project: str) -> None:
    old = {
        "schema_version": 1,
        "title": "Old file",
        "characters": [{"id": "cat", "name": "Tom"}],
        "scenes": [{"id": "s1", "number": 1, "duration": 4, "location": "forest", "time": "night", "cast": ["cat"]}],
    }
    assert client.post(f"/projects/{project}/versions", headers=owner.headers, json=old).status_code == 201
    spec = client.get(f"/projects/{project}/versions/1/spec", headers=owner.headers).json()
    assert spec["schema_version"] == 3 and spec["scenes"][0]["setting"]["place"] == "forest"


def test_an_invalid_spec_is_422_naming_the_field(client: TestClient, owner: Account, project: str) -> None:
    spec = film_spec()
    spec["scenes"][1]["duration"] = 0.1
    response = client.post(f"/projects/{project}/versions", headers=owner.headers, json=spec)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("scenes[1].duration")
    spec = film_spec()
    spec["scenes"][0]["cast"] = ["wolf"]
    response = client.post(f"/projects/{project}/versions", headers=owner.headers, json=spec)
    assert response.status_code == 422 and "scenes[0].cast[0]" in response.json()["detail"]
    bad_json = client.post(
        f"/projects/{project}/versions", headers={**owner.headers, "Content-Type": "application/json"}, content=b"{"
    )
    assert bad_json.status_code == 422 and "not valid JSON" in bad_json.json()["detail"]
    assert client.get(f"/projects/{project}/versions", headers=owner.headers).json() == []


def test_an_upload_over_the_size_limit_is_413(
    client: TestClient, owner: Account, project: str, settings: FarmSettings
) -> None:
    spec = film_spec()
    spec["premise"] = "x" * 19000
    spec["cast"][0]["description"] = "y" * 1999
    big = json.dumps(spec).encode() + b" " * settings.max_upload_bytes
    response = client.post(
        f"/projects/{project}/versions", headers={**owner.headers, "Content-Type": "application/json"}, content=big
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")


def test_a_zip_bundle_with_assets_is_accepted(client: TestClient, owner: Account, project: str, app: FastAPI) -> None:
    spec = film_spec()
    spec["cast"][0]["art"] = "art/fox.png"
    body = make_zip({"film.json": json.dumps(spec).encode(), "art/fox.png": b"\x89PNG fake", "notes/readme.txt": b"hi"})
    response = upload_zip(client, owner, project, body)
    assert response.status_code == 201, response.text  # type: ignore[attr-defined]
    assert response.json()["asset_count"] == 2  # type: ignore[attr-defined]
    with session_factory(app.state.engine)() as session:
        assets = session.scalars(
            select(Asset)
            .join(ProjectVersion)
            .where(ProjectVersion.number == 1, ProjectVersion.project_id == uuid.UUID(project))
        ).all()
        assert sorted(a.path for a in assets) == ["art/fox.png", "notes/readme.txt"]
        assert all(app.state.storage.get(a.storage_key) in (b"\x89PNG fake", b"hi") for a in assets)


@pytest.mark.parametrize(
    ("entries", "needle"),
    [
        ({"film.json": b"{}", "../evil.txt": b"x"}, "leaves the bundle"),
        ({"film.json": b"{}", "art/../../evil.txt": b"x"}, "leaves the bundle"),
        ({"film.json": b"{}", "/etc/passwd": b"x"}, "absolute"),
        ({"film.json": b"{}", "C:/windows/evil.txt": b"x"}, "absolute"),
        ({"film.json": b"{}", "art\\..\\evil.txt": b"x"}, "absolute or Windows"),
        ({"readme.txt": b"no spec here"}, "film.json is missing"),
    ],
)
def test_hostile_zip_paths_are_422(
    client: TestClient, owner: Account, project: str, entries: dict[str, bytes], needle: str
) -> None:
    response = upload_zip(client, owner, project, make_zip(entries))
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert needle in response.json()["detail"]  # type: ignore[attr-defined]


def test_symlinks_in_a_zip_are_422(client: TestClient, owner: Account, project: str) -> None:
    body = make_zip({"film.json": json.dumps(film_spec()).encode()}, symlinks={"art/link.png": "/etc/passwd"})
    response = upload_zip(client, owner, project, body)
    assert response.status_code == 422 and "symbolic link" in response.json()["detail"]  # type: ignore[attr-defined]


def test_malformed_zip_is_422(client: TestClient, owner: Account, project: str) -> None:
    good = make_zip({"film.json": json.dumps(film_spec()).encode()})
    for body in [b"PK\x03\x04 definitely not a zip", good[: len(good) // 2], b""]:
        response = upload_zip(client, owner, project, body)
        assert response.status_code == 422, body[:20]  # type: ignore[attr-defined]


def test_zip_bomb_stops_at_the_uncompressed_limit(
    client: TestClient, owner: Account, project: str, settings: FarmSettings
) -> None:
    bomb = make_zip(
        {
            "film.json": json.dumps(film_spec()).encode(),
            "art/huge.bin": b"\0" * (8 * settings.max_bundle_uncompressed_bytes),
        }
    )
    assert len(bomb) < settings.max_upload_bytes  # small on the wire...
    response = upload_zip(client, owner, project, bomb)
    assert response.status_code == 413  # ...refused while inflating  # type: ignore[attr-defined]
    too_many = make_zip({"film.json": json.dumps(film_spec()).encode()} | {f"f{n}": b"" for n in range(600)})
    response = upload_zip(client, owner, project, too_many)
    assert response.status_code == 422 and "entries" in response.json()["detail"]  # type: ignore[attr-defined]


def test_unknown_content_type_is_415(client: TestClient, owner: Account, project: str) -> None:
    headers = {**owner.headers, "Content-Type": "text/plain"}
    assert client.post(f"/projects/{project}/versions", headers=headers, content=b"hello").status_code == 415


def test_an_upload_returns_the_project_to_draft(client: TestClient, owner: Account, project: str, app: FastAPI) -> None:
    from render_farm.server.db.models import Project, ProjectState

    with session_factory(app.state.engine)() as session:
        row = session.get(Project, uuid.UUID(project))
        assert row is not None
        row.state = ProjectState.completed
        session.commit()
    assert client.get(f"/projects/{project}", headers=owner.headers).json()["state"] == "completed"
    assert client.post(f"/projects/{project}/versions", headers=owner.headers, json=film_spec()).status_code == 201
    assert client.get(f"/projects/{project}", headers=owner.headers).json()["state"] == "draft"


def test_text_with_nul_characters_is_422_not_a_crash(client: TestClient, owner: Account, project: str) -> None:
    spec = film_spec()
    spec["scenes"][0]["title"] = "bad\x00title"
    response = client.post(f"/projects/{project}/versions", headers=owner.headers, json=spec)
    assert response.status_code == 422 and response.json()["detail"].startswith("scenes[0].title")
    assert client.post("/projects", headers=owner.headers, json={"name": "nul\x00name"}).status_code == 422
    assert (
        client.post("/auth/login", json={"email": "a\x00@example.com", "password": "whatever it is"}).status_code == 422
    )
