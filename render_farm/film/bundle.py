"""The project bundle: one zip with ``film.json`` at its top, the files its cast names (generated
art, by bundle-relative path) and, in a ``.aistudio`` project file, a ``manifest.json``. The
desktop's export and import, its upload to a farm and the farm's upload route all read and write
bundles here.

A bundle is untrusted input. Reading refuses entries whose names would leave the bundle
(:func:`~render_farm.film.paths.checked_name`), symbolic links, encrypted or duplicate entries,
more entries than the limit allows, and a film whose art is not in the bundle. The uncompressed
size is counted while inflating, never taken from the zip's headers, so a zip bomb stops at the
limit (:class:`BundleTooLarge`). Writing checks every name the same way and gives the same bytes
for the same film and files (fixed dates, sorted names), so an unchanged film is not sent twice.
"""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import FilmSpecError
from .io import loads
from .paths import UnsafePath, checked_name, contained
from .spec import Film

SPEC_NAME = "film.json"
MANIFEST_NAME = "manifest.json"
RESERVED_NAMES = frozenset({SPEC_NAME, MANIFEST_NAME})
PROJECT_FILE_FORMAT = "aistudio-project"
PROJECT_FILE_VERSION = 1
FIXED_DATE = (2020, 1, 1, 0, 0, 0)
_CHUNK = 1 << 16
_INSIDE = "the bundle"


class BundleError(ValueError):
    """A bundle that cannot be used; the message says what is wrong with it."""


class BundleTooLarge(BundleError):
    """A bundle whose files add up to more than the limit once inflated."""


@dataclass(frozen=True)
class BundleLimits:
    max_entries: int = 2000
    max_uncompressed_bytes: int = 512 * 1024 * 1024


@dataclass
class Bundle:
    film: Film
    files: dict[str, bytes] = field(default_factory=dict)
    """The files by bundle-relative path (``film.json`` and ``manifest.json`` excluded)."""
    manifest: dict[str, Any] | None = None


def read_bundle(
    source: bytes | str | os.PathLike[str] | IO[bytes], limits: BundleLimits | None = None, *, strict: bool = False
) -> Bundle:
    """Check a bundle (its bytes, a path or an open binary file) and return its film and files
    (``strict``: read ``film.json`` as :func:`~render_farm.film.io.film_from_dict` says)."""
    limits = limits or BundleLimits()
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise BundleError("not a zip archive, or a damaged one") from None
    with archive:
        raw = _read_entries(archive, limits)
    if SPEC_NAME not in raw:
        raise BundleError(f"{SPEC_NAME} is missing from the top of the bundle")
    manifest = _check_manifest(raw.pop(MANIFEST_NAME)) if MANIFEST_NAME in raw else None
    try:
        film = loads(raw.pop(SPEC_NAME), strict=strict)
    except FilmSpecError as error:
        raise BundleError(f"{SPEC_NAME}: {error}") from None
    except UnicodeDecodeError:
        raise BundleError(f"{SPEC_NAME}: not UTF-8 text") from None
    for member in film.cast:
        if member.art is not None and member.art not in raw:
            raise BundleError(f"cast member '{member.id}' needs {member.art}, missing from the bundle")
    return Bundle(film=film, files=raw, manifest=manifest)


def unsafe_art(film: Film) -> str | None:
    """``cast[i].art: why`` for the first cast member whose art is not a plain path inside the
    bundle, else None (a film may name art before the bundle that carries it exists)."""
    for index, member in enumerate(film.cast):
        if member.art is not None:
            try:
                checked_name(member.art, inside=_INSIDE)
            except UnsafePath as error:
                return f"cast[{index}].art: {error}"
    return None


def _read_entries(archive: zipfile.ZipFile, limits: BundleLimits) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise BundleError(f"{len(infos)} entries; at most {limits.max_entries} are allowed")
    if sum(info.file_size for info in infos) > limits.max_uncompressed_bytes:
        raise BundleTooLarge(_too_large(limits))  # what the headers admit to already is too much
    files: dict[str, bytes] = {}
    budget = limits.max_uncompressed_bytes
    for info in infos:
        try:
            name = checked_name(info.filename, inside=_INSIDE)
        except UnsafePath as error:
            raise BundleError(f"unsafe file name: {error}") from None
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BundleError(f"entry {name!r} is a symbolic link; include the file itself")
        if info.flag_bits & 0x1:
            raise BundleError(f"entry {name!r} is encrypted")
        if info.is_dir():
            continue
        if name in files:
            raise BundleError(f"entry {name!r} appears twice")
        try:
            data = _inflate(archive, info, budget, limits)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError):
            raise BundleError(f"entry {name!r} is damaged or uses an unsupported compression") from None
        budget -= len(data)
        files[name] = data
    return files


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, limits: BundleLimits) -> bytes:
    out = bytearray()
    with archive.open(info) as handle:
        while chunk := handle.read(_CHUNK):
            out += chunk
            if len(out) > budget:
                raise BundleTooLarge(_too_large(limits))
    return bytes(out)


def _too_large(limits: BundleLimits) -> str:
    return f"its files add up to more than {limits.max_uncompressed_bytes} bytes uncompressed"


def _check_manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw)
    except (ValueError, RecursionError):
        raise BundleError(f"{MANIFEST_NAME} is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != PROJECT_FILE_FORMAT:
        raise BundleError(f"not an AI Studio project file (unknown format in {MANIFEST_NAME})")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > PROJECT_FILE_VERSION:
        raise BundleError(f"made by a newer AI Studio (file version {version}); update AI Studio")
    return manifest


def project_manifest(title: str, exported: str) -> dict[str, Any]:
    """The manifest of a ``.aistudio`` project file."""
    return {"format": PROJECT_FILE_FORMAT, "version": PROJECT_FILE_VERSION, "title": title, "exported": exported}


def write_bundle(
    target: str | os.PathLike[str] | IO[bytes],
    spec_json: str,
    files: Mapping[str, bytes | Path],
    manifest: Mapping[str, Any] | None = None,
) -> None:
    """Write a bundle: ``film.json``, the files (bytes, or a file to copy) and the manifest if any.
    :class:`BundleError` for a file name that would not stay inside the bundle."""
    names = {}
    for name in files:
        try:
            clean = checked_name(name, inside=_INSIDE)
        except UnsafePath as error:
            raise BundleError(f"unsafe file name: {error}") from None
        if clean in RESERVED_NAMES:
            raise BundleError(f"{clean!r} is a name the bundle keeps for itself")
        names[clean] = files[name]
    entries: list[tuple[str, bytes | Path]] = []
    if manifest is not None:
        entries.append((MANIFEST_NAME, json.dumps(dict(manifest), indent=2).encode("utf-8")))
    entries.append((SPEC_NAME, spec_json.encode("utf-8")))
    entries.extend(sorted(names.items()))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            # A fixed date: the same film makes the same bytes.
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            if isinstance(data, Path):
                with data.open("rb") as source, archive.open(info, "w") as sink:
                    while chunk := source.read(_CHUNK):
                        sink.write(chunk)
            else:
                archive.writestr(info, data)


def bundle_bytes(spec_json: str, files: Mapping[str, bytes | Path]) -> bytes:
    """A bundle in memory: the farm's upload format."""
    buffer = io.BytesIO()
    write_bundle(buffer, spec_json, files)
    return buffer.getvalue()


def folder_files(folder: Path) -> dict[str, Path]:
    """The regular files under ``folder`` by bundle-relative path; symbolic links are left out,
    so nothing outside the folder is ever packed."""
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for directory, subfolders, names in os.walk(folder, followlinks=False):
        subfolders.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_symlink() or not path.is_file():
                continue
            relative = path.relative_to(folder).as_posix()
            try:
                contained(folder, relative, inside=_INSIDE)
            except UnsafePath:
                continue  # a name no bundle may carry (a backslash, a control character...)
            found[relative] = path
    return found


def unpack_files(files: Mapping[str, bytes], folder: Path) -> None:
    """Write a bundle's files under ``folder`` (each name checked again on the way out)."""
    for name, data in files.items():
        target = contained(folder, name, inside=_INSIDE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
