"""Object storage for bundles and renders: a local folder (embedded default) or an S3 bucket.

Only services and workers use it; API routes never do. Keys are content-addressed for uploaded
bundle files (``blobs/ab/abcdef...``), so an unchanged asset uploaded in ten versions is stored once.

Downloads are time-limited links: S3 presigns them; the local folder signs them itself (HMAC
over the key and the expiry time) and the API serves them at ``/api/v1/files/...``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, urlencode

from render_farm.film.paths import contained

from .settings import FarmSettings


class Storage(Protocol):
    def put(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> None: ...

    def get(self, key: str) -> bytes: ...

    def exists(self, key: str) -> bool: ...

    def put_file(self, key: str, source: Path, content_type: str = "application/octet-stream") -> None: ...

    def get_file(self, key: str, target: Path) -> None: ...

    def download_url(self, key: str, filename: str, expires_in: int) -> str: ...


FILES_ROUTE = "/api/v1/files/"
"""Where the API serves signed links to the local storage folder."""


class LinkExpired(Exception):
    """A local download link whose signature is wrong or whose time is up."""


def blob_key(sha256: str) -> str:
    return f"blobs/{sha256[:2]}/{sha256}"


class LocalStorage:
    """Objects as files under ``root``; writes are atomic (temp file + rename)."""

    def __init__(
        self,
        root: Path,
        signing_key: str = "",
        public_url: str = "http://127.0.0.1:8000",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.root = root
        self.clock = clock
        """Seconds since the epoch, for link expiry (tests move it)."""
        self._signing_key = hashlib.sha256(b"aistudio-farm local downloads\0" + signing_key.encode()).digest()
        self.public_url = public_url.rstrip("/")

    def _signature(self, key: str, expires: int, filename: str) -> str:
        message = f"{key}\0{expires}\0{filename}".encode()
        return hmac.new(self._signing_key, message, hashlib.sha256).hexdigest()

    def download_url(self, key: str, filename: str, expires_in: int) -> str:
        expires = int(self.clock()) + expires_in
        query = urlencode(
            {"expires": expires, "filename": filename, "signature": self._signature(key, expires, filename)}
        )
        return f"{self.public_url}{FILES_ROUTE}{quote(key)}?{query}"

    def open_link(self, key: str, expires: int, filename: str, signature: str) -> Path:
        """The file a signed link names; :class:`LinkExpired` if it is forged or out of time."""
        if not hmac.compare_digest(self._signature(key, expires, filename), signature) or expires < self.clock():
            raise LinkExpired("this download link has expired or is not valid; ask for a new one")
        path = self._path(key)
        if not path.is_file():
            raise LinkExpired("the file behind this link is gone")
        return path

    def put_file(self, key: str, source: Path, content_type: str = "application/octet-stream") -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        os.close(fd)
        try:
            shutil.copyfile(source, tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get_file(self, key: str, target: Path) -> None:
        shutil.copyfile(self._path(key), target)

    def _path(self, key: str) -> Path:
        """The file of ``key``; :class:`~render_farm.film.paths.UnsafePath` (a ValueError) for a key
        that would leave the storage folder."""
        return contained(self.root, key, inside="the storage folder")

    def put(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()


class S3Storage:
    """Objects in an S3 bucket on any S3-compatible endpoint (boto3)."""

    def __init__(self, settings: FarmSettings) -> None:
        import boto3  # only needed when a bucket is configured
        from botocore.config import Config

        self.bucket = settings.s3_bucket

        def client(endpoint_url: str) -> Any:
            return boto3.client(
                "s3",
                endpoint_url=endpoint_url or None,
                region_name=settings.s3_region,
                aws_access_key_id=settings.aws_access_key_id or None,
                aws_secret_access_key=settings.aws_secret_access_key.get_secret_value() or None,
                # Transient errors (throttling, dropped connections, 5xx) are retried with back-off.
                config=Config(retries={"max_attempts": 8, "mode": "adaptive"}, signature_version="s3v4"),
            )

        self.client = client(settings.s3_endpoint_url)
        # Links are signed for the host the user will send them to (the signature covers it).
        public = settings.s3_public_endpoint_url
        self.link_client = client(public) if public and public != settings.s3_endpoint_url else self.client

    def put(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> None:
        self.client.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)

    def get(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()

    def put_file(self, key: str, source: Path, content_type: str = "application/octet-stream") -> None:
        self.client.upload_file(str(source), self.bucket, key, ExtraArgs={"ContentType": content_type})

    def get_file(self, key: str, target: Path) -> None:
        self.client.download_file(self.bucket, key, str(target))

    def download_url(self, key: str, filename: str, expires_in: int) -> str:
        return str(
            self.link_client.generate_presigned_url(
                "get_object",
                Params={
                    "Bucket": self.bucket,
                    "Key": key,
                    "ResponseContentDisposition": f'attachment; filename="{filename}"',
                },
                ExpiresIn=expires_in,
            )
        )

    def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return False
            raise
        return True


def storage_from_settings(settings: FarmSettings) -> Storage:
    if settings.uses_s3:
        return S3Storage(settings)
    return LocalStorage(settings.storage_folder, settings.jwt_signing_key, settings.public_url)
