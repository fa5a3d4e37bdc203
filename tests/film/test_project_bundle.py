"""The project bundle's one owner: what it writes it reads back the same, and what it reads from
outside stays inside the bundle and within its limits."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from render_farm.film import SCHEMA_VERSION, Film, dumps
from render_farm.film.bundle import (
    BundleError,
    BundleLimits,
    BundleTooLarge,
    bundle_bytes,
    folder_files,
    project_manifest,
    read_bundle,
    unpack_files,
    write_bundle,
)


def small_film(art: str | None = None) -> Film:
    cast = [{"id": "fox", "name": "Fern", **({"art": art} if art else {})}]
    scenes = [{"id": "one", "number": 1, "duration": 3.0, "cast": ["fox"]}]
    return Film.model_validate({"schema_version": SCHEMA_VERSION, "title": "Fern", "cast": cast, "scenes": scenes})


def raw_zip(entries: dict[str, bytes], symlinks: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)  # the name as given
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16) | 0x20
            archive.writestr(info, target)
    return buffer.getvalue()


def test_a_written_bundle_reads_back_the_same_and_the_same_film_gives_the_same_bytes(tmp_path: Path) -> None:
    film = small_film("art/fox.png")
    project = tmp_path / "project"
    (project / "art").mkdir(parents=True)
    (project / "art" / "fox.png").write_bytes(b"\x89PNG fox")
    target = tmp_path / "Fern.aistudio"
    write_bundle(target, dumps(film), folder_files(project), project_manifest(film.title, "2026-01-01T00:00:00+00:00"))
    bundle = read_bundle(target)
    assert dumps(bundle.film) == dumps(film)
    assert bundle.files == {"art/fox.png": b"\x89PNG fox"}
    assert bundle.manifest is not None and bundle.manifest["title"] == "Fern"
    first = bundle_bytes(dumps(film), {"art/fox.png": b"\x89PNG fox"})
    assert first == bundle_bytes(dumps(film), {"art/fox.png": b"\x89PNG fox"})


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.txt", "leaves the bundle"),
        ("art/../../evil.txt", "leaves the bundle"),
        ("/etc/passwd", "absolute"),
        ("C:/Windows/evil.txt", "absolute or Windows"),
        ("art\\..\\evil.txt", "absolute or Windows"),
        ("%2e%2e/evil.txt", "percent-encoded"),
        ("art/\x01evil.txt", "control character"),
    ],
)
def test_entries_that_would_leave_the_bundle_are_refused(name: str, reason: str) -> None:
    body = raw_zip({"film.json": dumps(small_film()).encode(), name: b"x"})
    with pytest.raises(BundleError, match="unsafe file name") as error:
        read_bundle(body)
    assert reason in str(error.value)
    with pytest.raises(BundleError, match=reason):
        bundle_bytes(dumps(small_film()), {name: b"x"})


def test_symbolic_links_encrypted_and_twice_named_entries_are_refused() -> None:
    spec = dumps(small_film()).encode()
    with pytest.raises(BundleError, match="symbolic link"):
        read_bundle(raw_zip({"film.json": spec}, symlinks={"art/fox.png": "/etc/passwd"}))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, pytest.warns(UserWarning, match="Duplicate name"):
        for name, data in [("film.json", spec), ("art/a.png", b"1"), ("art/a.png", b"2")]:
            archive.writestr(name, data)
    with pytest.raises(BundleError, match="appears twice"):
        read_bundle(buffer.getvalue())
    encrypted = bytearray(raw_zip({"film.json": spec}))
    for offset in (6, encrypted.rindex(b"PK\x01\x02") + 8):  # the "encrypted" flag, local and central
        encrypted[offset] |= 0x1
    with pytest.raises(BundleError, match="encrypted"):
        read_bundle(bytes(encrypted))


def test_a_zip_bomb_stops_at_the_limit_and_too_many_entries_are_refused() -> None:
    limits = BundleLimits(max_entries=50, max_uncompressed_bytes=1024 * 1024)
    bomb = raw_zip({"film.json": dumps(small_film()).encode(), "art/huge.bin": b"\0" * (16 * 1024 * 1024)})
    assert len(bomb) < 64 * 1024
    with pytest.raises(BundleTooLarge):
        read_bundle(bomb, limits)
    crowd = raw_zip({"film.json": dumps(small_film()).encode()} | {f"f{n}": b"" for n in range(60)})
    with pytest.raises(BundleError, match="entries"):
        read_bundle(crowd, limits)


def test_a_spec_that_is_not_plain_json_is_a_bundle_error_not_a_crash() -> None:
    texts = [
        b"{oops",
        b"[" * 5000 + b"]" * 5000,
        b'{"schema_version": ' + b"9" * 5000 + b"}",
        b'{"title": NaN}',
        b'{"title": "\xff\xfe"}',
        b'{"title": "\\ud800"}',
    ]
    for text in texts:
        with pytest.raises(BundleError, match=r"film\.json: not valid JSON"):
            read_bundle(raw_zip({"film.json": text}))


def test_art_the_film_names_must_be_in_the_bundle() -> None:
    with pytest.raises(BundleError, match=r"needs art/fox\.png"):
        read_bundle(raw_zip({"film.json": dumps(small_film("art/fox.png")).encode()}))


def test_packing_a_folder_leaves_out_links_that_lead_elsewhere(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    (folder / "art").mkdir(parents=True)
    (folder / "art" / "fox.png").write_bytes(b"png")
    (tmp_path / "id_rsa").write_text("private key")
    (folder / "art" / "owl.png").symlink_to(tmp_path / "id_rsa")
    (folder / "home").symlink_to(tmp_path, target_is_directory=True)
    assert folder_files(folder) == {"art/fox.png": folder / "art" / "fox.png"}


def test_unpacking_checks_every_name_again(tmp_path: Path) -> None:
    unpack_files({"art/fox.png": b"png"}, tmp_path / "out")
    assert (tmp_path / "out" / "art" / "fox.png").read_bytes() == b"png"
    with pytest.raises(ValueError, match="leaves"):
        unpack_files({"../escaped.txt": b"x"}, tmp_path / "out")
    assert not (tmp_path / "escaped.txt").exists()
