"""Storage and download links: the local folder's signed links work while valid and are refused
once expired or altered; S3's presigned ones (moto's server over HTTP) download and carry their expiry."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import make_settings
from farm_stack import moto_s3
from fastapi.testclient import TestClient

from render_farm.server.api import create_app
from render_farm.server.storage import LinkExpired, LocalStorage, S3Storage, storage_from_settings


@pytest.fixture
def local(tmp_path: Path) -> LocalStorage:
    return LocalStorage(tmp_path / "storage", "signing-secret", "http://testserver")


def put(storage: LocalStorage | S3Storage, tmp_path: Path, key: str, data: bytes) -> None:
    source = tmp_path / "source.bin"
    source.write_bytes(data)
    storage.put_file(key, source, "video/mp4")


def test_a_local_link_serves_the_file_until_it_expires(tmp_path: Path) -> None:
    settings = make_settings(f"sqlite:///{tmp_path / 'farm.db'}", tmp_path, public_url="http://testserver")
    app = create_app(settings)
    storage = app.state.storage
    assert isinstance(storage, LocalStorage)
    put(storage, tmp_path, "films/job/film.mp4", b"the film")
    client = TestClient(app)
    url = storage.download_url("films/job/film.mp4", "My-film.mp4", 60)
    response = client.get(url)
    assert response.status_code == 200 and response.content == b"the film"
    assert 'filename="My-film.mp4"' in response.headers["content-disposition"]
    for altered in (
        url.replace("films/job/film.mp4", "films/job/other.mp4"),
        url.replace("expires=", "expires=9"),
        url.replace("My-film.mp4", "Other.mp4"),
        url.replace("signature=", "signature=0")[:-1],
    ):
        assert client.get(altered).status_code == 404, altered
    assert client.get(storage.download_url("films/job/film.mp4", "f.mp4", -1)).status_code == 404
    app.state.engine.dispose()


def test_local_links_never_leave_the_storage_folder(local: LocalStorage) -> None:
    expires = int(time.time()) + 60
    signature = local._signature("../secret", expires, "f.mp4")
    with pytest.raises((LinkExpired, ValueError)):
        local.open_link("../secret", expires, "f.mp4", signature)


@pytest.fixture(scope="module")
def s3_env() -> Iterator[dict[str, str]]:
    with moto_s3("links") as env:
        yield env


def test_s3_presigned_links_download_and_carry_their_expiry(s3_env: dict[str, str], tmp_path: Path) -> None:
    values = {key.lower(): value for key, value in s3_env.items()}
    settings = make_settings(f"sqlite:///{tmp_path / 'farm.db'}", tmp_path, **values)
    storage = storage_from_settings(settings)
    assert isinstance(storage, S3Storage)
    put(storage, tmp_path, "films/job/film.mp4", b"an mp4 in S3")
    assert storage.exists("films/job/film.mp4") and not storage.exists("films/job/missing.mp4")
    url = storage.download_url("films/job/film.mp4", "Film.mp4", 60)
    response = httpx.get(url)
    assert response.status_code == 200 and response.content == b"an mp4 in S3"
    assert "Film.mp4" in response.headers.get("content-disposition", "")
    # The store enforces the expiry (moto's server does not check it); the link must carry it.
    assert "X-Amz-Expires=60" in url and "X-Amz-Signature=" in url
    target = tmp_path / "back.bin"
    storage.get_file("films/job/film.mp4", target)
    assert target.read_bytes() == b"an mp4 in S3"
