"""No name a client sends reads or writes a file outside its own folder: a cast member's ``art``
in the cloud-AI routes and in uploads, bundle entries, storage keys and download links. Each is
tried with absolute paths, ``..``, symbolic links, NUL bytes, backslashes, drive letters and
percent-encoded forms, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import io
import json
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from farm_helpers import Account, balance, film_spec
from fastapi import FastAPI
from fastapi.testclient import TestClient

from render_farm.ai.protocols import Providers
from render_farm.ai.registry import ProviderSettings, make_providers
from render_farm.film import Film
from render_farm.film.paths import UnsafePath
from render_farm.server.services.cloud_ai import CloudAI
from render_farm.server.storage import LocalStorage

HOSTILE_NAMES = [
    "/etc/passwd",
    "/proc/self/environ",
    "../../../../../../etc/passwd",
    "art/../../../../etc/passwd",
    "art\\..\\..\\secret.txt",
    "C:/Windows/win.ini",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "art/%2E%2E/%2E%2E/secret.txt",
    "art/fox\x00.png",
]


@pytest.fixture
def owner(make_account: Callable[[], Account]) -> Account:
    return make_account()


def design(client: TestClient, account: Account, film: dict[str, Any]) -> Any:
    headers = {**account.headers, "Idempotency-Key": uuid.uuid4().hex}
    return client.post("/ai/characters", headers=headers, json={"film": film})


def film_with_art(art: str) -> dict[str, Any]:
    spec = film_spec()
    spec["cast"][0]["art"] = art
    return spec


@pytest.mark.parametrize("art", HOSTILE_NAMES)
def test_character_design_refuses_art_outside_the_bundle_and_charges_nothing(
    client: TestClient, owner: Account, art: str
) -> None:
    response = design(client, owner, film_with_art(art))
    assert response.status_code == 422, response.text[:300]
    assert response.json()["detail"].startswith("film.cast[0].art:")
    assert "root:" not in response.text and "JWT" not in response.text
    assert balance(client, owner) == 100


class LinkingDesigner:
    """A designer that leaves a symbolic link to a file outside its folder where the art should be."""

    name = "linking"

    def __init__(self, inner: Any, secret: Path) -> None:
        self.inner, self.secret = inner, secret

    def design(self, film: Film, *, assets_dir: Path | None = None, only: set[str] | None = None) -> Film:
        designed = self.inner.design(film, assets_dir=assets_dir, only=only)
        assert assets_dir is not None
        (assets_dir / "art").mkdir(exist_ok=True)
        (assets_dir / "art" / "fox.png").symlink_to(self.secret)
        cast = [m.model_copy(update={"art": "art/fox.png"}) if m.id == "fox" else m for m in designed.cast]
        return designed.model_copy(update={"cast": cast})


@pytest.fixture
def linking_designer(app: FastAPI, tmp_path: Path) -> Iterator[Path]:
    secret = tmp_path / "secret.txt"
    secret.write_text("JWT_SECRET=not-for-you")
    built_in = make_providers(ProviderSettings())
    before = getattr(app.state, "cloud_ai", None)
    designer = LinkingDesigner(built_in.designer, secret)
    app.state.cloud_ai = CloudAI(Providers(writer=built_in.writer, designer=designer, voice=built_in.voice))
    try:
        yield secret
    finally:
        app.state.cloud_ai = before


def test_art_that_links_out_of_the_designers_folder_is_never_sent_back(
    client: TestClient, owner: Account, linking_designer: Path
) -> None:
    response = design(client, owner, film_spec())
    assert response.status_code == 502, response.text[:300]
    assert "symbolic link" in response.json()["detail"] and "nothing was charged" in response.json()["detail"]
    assert base64.b64encode(linking_designer.read_bytes()).decode() not in response.text
    assert balance(client, owner) == 100


@pytest.mark.parametrize("art", HOSTILE_NAMES)
def test_an_uploaded_spec_naming_art_outside_the_bundle_is_422(client: TestClient, owner: Account, art: str) -> None:
    project = client.post("/projects", headers=owner.headers, json={"name": "Art"}).json()["id"]
    response = client.post(f"/projects/{project}/versions", headers=owner.headers, json=film_with_art(art))
    assert response.status_code == 422, response.text[:300]
    assert response.json()["detail"].startswith("cast[0].art:")
    assert client.get(f"/projects/{project}/versions", headers=owner.headers).json() == []


def _zip(entries: dict[str, bytes], symlinks: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data)  # a ZipInfo keeps the name as given
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16) | 0x20
            archive.writestr(info, target)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name",
    ["%2e%2e/evil.txt", "art/%2E%2E/%2E%2E/evil.txt", "art/..%2fevil.txt", "C:evil.txt", "art/fox.png:stream"],
)
def test_bundle_entries_with_encoded_or_drive_names_are_422(client: TestClient, owner: Account, name: str) -> None:
    project = client.post("/projects", headers=owner.headers, json={"name": "Zip"}).json()["id"]
    body = _zip({"film.json": json.dumps(film_spec()).encode(), name: b"x"})
    headers = {**owner.headers, "Content-Type": "application/zip"}
    response = client.post(f"/projects/{project}/versions", headers=headers, content=body)
    assert response.status_code == 422, response.text[:300]
    assert "unsafe file name" in response.json()["detail"]


def test_local_storage_keeps_every_key_inside_its_folder(tmp_path: Path) -> None:
    root = tmp_path / "storage"
    outside = tmp_path / "outside.txt"
    outside.write_text("private")
    storage = LocalStorage(root, "key")
    storage.put("films/ok.mp4", b"film")
    (root / "films" / "link.mp4").symlink_to(outside)
    (root / "away").symlink_to(tmp_path, target_is_directory=True)
    for key in [*HOSTILE_NAMES, "films/link.mp4", "away/outside.txt", "films/%2e%2e/%2e%2e/outside.txt"]:
        with pytest.raises(UnsafePath):
            storage.get(key)
        with pytest.raises(UnsafePath):
            storage.put(key, b"overwritten")
    assert outside.read_text() == "private"
    assert storage.get("films/ok.mp4") == b"film"


def test_a_signed_link_never_serves_a_file_outside_the_storage_folder(app: FastAPI, client: TestClient) -> None:
    storage: LocalStorage = app.state.storage
    outside = storage.root.parent / f"outside-{uuid.uuid4().hex}.txt"
    outside.write_text("private")
    (storage.root / "films").mkdir(parents=True, exist_ok=True)
    link = storage.root / "films" / f"{uuid.uuid4().hex}.mp4"
    link.symlink_to(outside)
    keys = [f"films/{link.name}", "../" + outside.name, "films/%2e%2e/%2e%2e/" + outside.name]
    for key in keys:
        url = storage.download_url(key, "film.mp4", 60)  # even with a good signature
        response = client.get(url.replace(storage.public_url, "http://testserver"))
        assert response.status_code == 404, (key, response.status_code)
        assert "private" not in response.text
