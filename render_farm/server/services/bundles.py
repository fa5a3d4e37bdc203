"""Reading an uploaded spec bundle: a bare JSON film spec, or a zip with ``film.json`` at its top
plus the assets it refers to. Nothing is written anywhere here: the bundle is checked in memory.

A zip is untrusted input: entries with ``..``, absolute or drive paths, backslashes, symlinks,
encryption or duplicate names are refused (422); the number of entries is capped (422); and the
uncompressed size is counted while decompressing, never taken from the headers, so a zip bomb
stops at the limit (413).
"""

from __future__ import annotations

import hashlib
import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from render_farm.film import Film, FilmSpecError, loads
from render_farm.server.errors import InvalidInput, TooLarge, UnsupportedMedia
from render_farm.server.settings import FarmSettings

JSON_TYPES = {"application/json"}
ZIP_TYPES = {"application/zip", "application/x-zip-compressed"}
SPEC_NAME = "film.json"
MAX_PATH_CHARS = 512
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1 << 16


@dataclass
class BundleFile:
    data: bytes
    sha256: str


@dataclass
class Bundle:
    film: Film
    files: dict[str, BundleFile] = field(default_factory=dict)
    """Assets by bundle-relative path (``film.json`` itself excluded)."""


def safe_path(name: str) -> str:
    """The entry's path if it stays inside the bundle; :class:`InvalidInput` otherwise."""
    shown = name[:80]
    if not name or len(name) > MAX_PATH_CHARS or any(ord(c) < 32 for c in name):
        raise InvalidInput(f"bundle: entry name {shown!r} is empty, too long or has control characters")
    if "\\" in name or name.startswith("/") or _DRIVE_RE.match(name):
        raise InvalidInput(f"bundle: entry {shown!r} has an absolute or Windows path; use relative paths with /")
    parts = name.rstrip("/").split("/")
    if any(part in {"", ".", ".."} for part in parts):
        raise InvalidInput(f"bundle: entry {shown!r} leaves the bundle or has empty parts ('..', '.', '//')")
    return "/".join(parts)


def _read_limited(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    out = bytearray()
    with archive.open(info) as handle:
        while chunk := handle.read(_CHUNK):
            out += chunk
            if len(out) > budget:
                raise TooLarge("bundle: its files add up to more than the uncompressed size limit")
    return bytes(out)


def _read_zip(body: bytes, settings: FarmSettings) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise InvalidInput("bundle: not a readable zip archive") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > settings.max_bundle_files:
            raise InvalidInput(f"bundle: {len(infos)} entries; at most {settings.max_bundle_files} are allowed")
        files: dict[str, bytes] = {}
        budget = settings.max_bundle_uncompressed_bytes
        for info in infos:
            path = safe_path(info.filename)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise InvalidInput(f"bundle: entry {path!r} is a symbolic link; include the file itself")
            if info.flag_bits & 0x1:
                raise InvalidInput(f"bundle: entry {path!r} is encrypted")
            if info.is_dir():
                continue
            if path in files:
                raise InvalidInput(f"bundle: entry {path!r} appears twice")
            try:
                data = _read_limited(archive, info, budget)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError):
                raise InvalidInput(f"bundle: entry {path!r} is damaged or uses an unsupported compression") from None
            budget -= len(data)
            files[path] = data
    return files


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


def _load_spec(data: bytes) -> Film:
    try:
        film = loads(data)
    except FilmSpecError as error:
        raise InvalidInput(str(error)) from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{SPEC_NAME}: not UTF-8 text") from None
    where = _nul_path(film.model_dump(mode="json"))
    if where:
        raise InvalidInput(f"{where}: contains a NUL character")
    return film


def read_bundle(body: bytes, content_type: str, settings: FarmSettings) -> Bundle:
    """Check an upload and return its film and assets."""
    if len(body) > settings.max_upload_bytes:
        raise TooLarge(f"bundle: uploads are limited to {settings.max_upload_bytes} bytes")
    media = content_type.split(";", 1)[0].strip().lower()
    if media in JSON_TYPES:
        return Bundle(film=_load_spec(body))
    if media not in ZIP_TYPES:
        raise UnsupportedMedia("bundle: send the film spec as application/json or a bundle as application/zip")
    raw = _read_zip(body, settings)
    if SPEC_NAME not in raw:
        raise InvalidInput(f"bundle: {SPEC_NAME} is missing from the top of the zip")
    film = _load_spec(raw.pop(SPEC_NAME))
    files = {path: BundleFile(data, hashlib.sha256(data).hexdigest()) for path, data in raw.items()}
    for index, member in enumerate(film.cast):
        if member.art is not None and member.art not in files:
            raise InvalidInput(f"cast[{index}].art: {member.art!r} is not in the bundle")
    return Bundle(film=film, files=files)
