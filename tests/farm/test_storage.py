"""Storage and download links: the local folder's signed links work for exactly their lifetime
and are refused once expired or altered; S3's presigned ones (moto's server over HTTP) download,
and, checked as S3 checks them (see ``s3_links``), carry a true signature and exactly the
configured lifetime, and are refused after it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import s3_links
from conftest import make_settings
from farm_stack import moto_s3
from fastapi.testclient import TestClient

from render_farm.server.api import create_app
from render_farm.server.db.base import utcnow
from render_farm.server.settings import FarmSettings
from render_farm.server.storage import LinkExpired, LocalStorage, S3Storage, storage_from_settings


@pytest.fixture
def local(tmp_path: Path) -> LocalStorage:
    return LocalStorage(tmp_path / "storage", "signing-secret", "http://testserver")


def put(storage: LocalStorage | S3Storage, tmp_path: Path, key: str, data: bytes) -> None:
    source = tmp_path / "source.bin"
    source.write_bytes(data)
    storage.put_file(key, source, "video/mp4")


def test_a_local_link_serves_the_file_for_exactly_its_lifetime(tmp_path: Path) -> None:
    settings = make_settings(f"sqlite:///{tmp_path / 'farm.db'}", tmp_path, public_url="http://testserver")
    app = create_app(settings)
    storage = app.state.storage
    assert isinstance(storage, LocalStorage)
    put(storage, tmp_path, "films/job/film.mp4", b"the film")
    client = TestClient(app)
    signed_at = 1_900_000_000.0
    storage.clock = lambda: signed_at
    url = storage.download_url("films/job/film.mp4", "My-film.mp4", settings.download_link_seconds)
    expires = int(signed_at) + settings.download_link_seconds
    assert parse_qs(urlsplit(url).query)["expires"] == [str(expires)]
    for moment, status in [
        (signed_at, 200),
        (signed_at + settings.download_link_seconds, 200),
        (signed_at + settings.download_link_seconds + 1, 404),
        (signed_at + 30 * 24 * 3600, 404),
    ]:
        storage.clock = lambda moment=moment: moment
        response = client.get(url)
        assert response.status_code == status, moment - signed_at
    storage.clock = lambda: signed_at + settings.download_link_seconds + 1
    assert "expired" in client.get(url).json()["detail"]

    storage.clock = lambda: signed_at
    response = client.get(url)
    assert response.status_code == 200 and response.content == b"the film"
    assert 'filename="My-film.mp4"' in response.headers["content-disposition"]
    other_key = LocalStorage(tmp_path / "storage", "another signing key", "http://testserver", clock=storage.clock)
    for altered in (
        url.replace("films/job/film.mp4", "films/job/other.mp4"),
        url.replace("expires=", "expires=9"),
        url.replace(f"expires={expires}", f"expires={expires + 1}"),
        url.replace("My-film.mp4", "Other.mp4"),
        url.replace("signature=", "signature=0")[:-1],
        other_key.download_url("films/job/film.mp4", "My-film.mp4", settings.download_link_seconds),
    ):
        assert altered != url
        assert client.get(altered).status_code == 404, altered
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


def s3_storage(s3_env: dict[str, str], tmp_path: Path) -> tuple[S3Storage, FarmSettings]:
    values = {key.lower(): value for key, value in s3_env.items()}
    settings = make_settings(f"sqlite:///{tmp_path / 'farm.db'}", tmp_path, **values)
    storage = storage_from_settings(settings)
    assert isinstance(storage, S3Storage)
    return storage, settings


def check(url: str, settings: FarmSettings, now: datetime, secret: str | None = None) -> s3_links.PresignedLink:
    secret = secret or settings.aws_secret_access_key.get_secret_value()
    return s3_links.check_presigned_get(url, settings.aws_access_key_id, secret, settings.s3_region, now)


def test_s3_presigned_links_download_and_carry_their_expiry(s3_env: dict[str, str], tmp_path: Path) -> None:
    storage, _ = s3_storage(s3_env, tmp_path)
    put(storage, tmp_path, "films/job/film.mp4", b"an mp4 in S3")
    assert storage.exists("films/job/film.mp4") and not storage.exists("films/job/missing.mp4")
    url = storage.download_url("films/job/film.mp4", "Film.mp4", 60)
    response = httpx.get(url)
    assert response.status_code == 200 and response.content == b"an mp4 in S3"
    assert "Film.mp4" in response.headers.get("content-disposition", "")
    target = tmp_path / "back.bin"
    storage.get_file("films/job/film.mp4", target)
    assert target.read_bytes() == b"an mp4 in S3"


def test_s3_links_are_truly_signed_for_exactly_the_configured_lifetime(s3_env: dict[str, str], tmp_path: Path) -> None:
    storage, settings = s3_storage(s3_env, tmp_path)
    put(storage, tmp_path, "films/job/film.mp4", b"an mp4 in S3")
    before = utcnow().replace(microsecond=0)
    url = storage.download_url("films/job/film.mp4", "Film.mp4", settings.download_link_seconds)
    after = utcnow()

    link = check(url, settings, after)
    assert before <= link.signed_at <= after
    assert link.lifetime == settings.download_link_seconds
    assert link.expires_at == link.signed_at + timedelta(seconds=settings.download_link_seconds)
    assert check(url, settings, link.expires_at) == link  # valid through its last second
    with pytest.raises(s3_links.LinkExpired):
        check(url, settings, link.expires_at + timedelta(seconds=1))
    with pytest.raises(s3_links.LinkExpired):
        check(url, settings, link.signed_at + timedelta(days=30))
    assert httpx.get(url).content == b"an mp4 in S3"


def test_s3_link_checks_refuse_forged_and_altered_links(s3_env: dict[str, str], tmp_path: Path) -> None:
    """The checker itself can fail: a wrong secret, or any signed part changed, is refused."""
    storage, settings = s3_storage(s3_env, tmp_path)
    url = storage.download_url("films/job/film.mp4", "Film.mp4", settings.download_link_seconds)
    now = check(url, settings, utcnow()).signed_at
    with pytest.raises(s3_links.LinkRefused, match="signature"):
        check(url, settings, now, secret="not-the-secret")
    expires = f"X-Amz-Expires={settings.download_link_seconds}"
    stamp = parse_qs(urlsplit(url).query)["X-Amz-Date"][0]
    for altered in (
        url.replace("films/job/film.mp4", "films/job/other.mp4"),
        url.replace(expires, f"X-Amz-Expires={settings.download_link_seconds * 2}"),
        url.replace(stamp, stamp[:-3] + ("00Z" if not stamp.endswith("00Z") else "01Z")),
        url.replace("Film.mp4", "Other.mp4"),
        url.replace("X-Amz-Signature=", "X-Amz-Signature=0")[:-1],
        url.replace(expires, "X-Amz-Expires=999999999"),
        url.replace(expires + "&", ""),
    ):
        assert altered != url
        with pytest.raises(s3_links.LinkRefused):
            check(altered, settings, now)


def test_s3_links_are_signed_for_the_public_address_of_the_store(s3_env: dict[str, str], tmp_path: Path) -> None:
    """The farm reaches the store at 127.0.0.1; users reach the same store as localhost."""
    public = s3_env["S3_ENDPOINT_URL"].replace("127.0.0.1", "localhost")
    storage, settings = s3_storage({**s3_env, "S3_PUBLIC_ENDPOINT_URL": public}, tmp_path)
    put(storage, tmp_path, "films/job/public.mp4", b"seen from outside")
    url = storage.download_url("films/job/public.mp4", "Film.mp4", settings.download_link_seconds)
    assert url.startswith(public + "/")
    link = check(url, settings, utcnow())  # the signature covers the public host
    assert link.lifetime == settings.download_link_seconds
    with pytest.raises(s3_links.LinkRefused, match="signature"):
        check(url.replace(public, s3_env["S3_ENDPOINT_URL"]), settings, utcnow())
    assert httpx.get(url).content == b"seen from outside"
