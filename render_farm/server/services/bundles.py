"""Reading an uploaded spec bundle: a bare JSON film spec, or a zip bundle (read and checked by
:mod:`render_farm.film.bundle`, the format's one owner, within the farm's limits). Nothing is
written anywhere here: the bundle is checked in memory. Problems become 422, a bundle past the
uncompressed limit 413.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from render_farm.film import Film, FilmSpecError, loads
from render_farm.film.bundle import BundleError, BundleLimits, BundleTooLarge, unsafe_art
from render_farm.film.bundle import read_bundle as read_zip
from render_farm.server.errors import InvalidInput, TooLarge, UnsupportedMedia
from render_farm.server.settings import FarmSettings

JSON_TYPES = {"application/json"}
ZIP_TYPES = {"application/zip", "application/x-zip-compressed"}


@dataclass
class BundleFile:
    data: bytes
    sha256: str


@dataclass
class Bundle:
    film: Film
    files: dict[str, BundleFile] = field(default_factory=dict)
    """Assets by bundle-relative path (``film.json`` itself excluded)."""


def _nul_path(value: Any, path: str = "") -> str | None:
    """Where a NUL character hides in a decoded document (databases refuse to store one)."""
    if isinstance(value, str):
        return path or "(document)" if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _nul_path(item, f"{path}.{key}" if path else str(key))
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _nul_path(item, f"{path}[{index}]")
            if found:
                return found
    return None


def _checked(film: Film) -> Film:
    where = _nul_path(film.model_dump(mode="json"))
    if where:
        raise InvalidInput(f"{where}: contains a NUL character")
    problem = unsafe_art(film)
    if problem:
        raise InvalidInput(problem)
    return film


def read_bundle(body: bytes, content_type: str, settings: FarmSettings) -> Bundle:
    """Check an upload and return its film and assets."""
    if len(body) > settings.max_upload_bytes:
        raise TooLarge(f"bundle: uploads are limited to {settings.max_upload_bytes} bytes")
    media = content_type.split(";", 1)[0].strip().lower()
    if media in JSON_TYPES:
        try:
            return Bundle(film=_checked(loads(body, strict=True)))
        except FilmSpecError as error:
            raise InvalidInput(str(error)) from None
    if media not in ZIP_TYPES:
        raise UnsupportedMedia("bundle: send the film spec as application/json or a bundle as application/zip")
    limits = BundleLimits(
        max_entries=settings.max_bundle_files, max_uncompressed_bytes=settings.max_bundle_uncompressed_bytes
    )
    try:
        bundle = read_zip(body, limits, strict=True)
    except BundleTooLarge as error:
        raise TooLarge(f"bundle: {error}") from None
    except BundleError as error:
        raise InvalidInput(f"bundle: {error}") from None
    files = {path: BundleFile(data, hashlib.sha256(data).hexdigest()) for path, data in bundle.files.items()}
    return Bundle(film=_checked(bundle.film), files=files)
