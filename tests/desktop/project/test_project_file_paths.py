"""A project file from someone else cannot reach outside its project: the desktop's import refuses
entries that would leave the bundle, its export packs no link to a file elsewhere, and an upload
to a farm never carries a file from outside the project's folder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from aistudio_desktop.farm.client import FarmClientError, film_bundle
from aistudio_desktop.project.store import ProjectFileError, ProjectStore
from render_farm.film import SCHEMA_VERSION, Film, dumps


def _film() -> Film:
    cast = [{"id": "fox", "name": "Fern"}]
    scenes = [{"id": "one", "number": 1, "duration": 3.0, "cast": ["fox"]}]
    return Film.model_validate({"schema_version": SCHEMA_VERSION, "title": "Fern", "cast": cast, "scenes": scenes})


def _project_file(path: Path, entries: dict[str, bytes], symlinks: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name), data)  # a ZipInfo keeps the name as given
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16) | 0x20
            archive.writestr(info, target)
    return path


@pytest.mark.parametrize(
    "entry", ["../../evil.txt", "/tmp/evil.txt", "art\\..\\..\\evil.txt", "%2e%2e/%2e%2e/evil.txt", "C:evil.txt"]
)
def test_import_refuses_entries_that_leave_the_project(tmp_path: Path, entry: str) -> None:
    store = ProjectStore(tmp_path / "data")
    path = _project_file(tmp_path / "hostile.aistudio", {"film.json": dumps(_film()).encode(), entry: b"x"})
    with pytest.raises(ProjectFileError, match="unsafe file name"):
        store.import_project(path)
    assert store.projects() == []
    assert not list(tmp_path.rglob("evil.txt"))


def test_import_refuses_symbolic_links(tmp_path: Path) -> None:
    store = ProjectStore(tmp_path / "data")
    path = _project_file(
        tmp_path / "link.aistudio", {"film.json": dumps(_film()).encode()}, symlinks={"art/fox.png": "/etc/passwd"}
    )
    with pytest.raises(ProjectFileError, match="symbolic link"):
        store.import_project(path)
    assert store.projects() == []


def test_export_leaves_out_links_to_files_elsewhere(tmp_path: Path) -> None:
    store = ProjectStore(tmp_path / "data")
    project = store.create(_film()).id
    folder = store.project_dir(project)
    (folder / "art").mkdir(parents=True)
    (folder / "art" / "fox.png").write_bytes(b"png")
    (tmp_path / "id_rsa").write_text("private key")
    (folder / "art" / "owl.png").symlink_to(tmp_path / "id_rsa")
    exported = store.export_project(project, tmp_path / "Fern.aistudio")
    with zipfile.ZipFile(exported) as archive:
        assert "art/fox.png" in archive.namelist() and "art/owl.png" not in archive.namelist()
        assert not any(b"private key" in archive.read(name) for name in archive.namelist())


@pytest.mark.parametrize("art", ["../../../.ssh/id_rsa", "/home/user/.ssh/id_rsa", "art/%2e%2e/x.png"])
def test_a_farm_upload_never_packs_a_file_named_from_outside_the_project(art: str) -> None:
    with pytest.raises(FarmClientError, match="unsafe file name"):
        film_bundle(dumps(_film()), {art: b"secret"})
    bundle = film_bundle(dumps(_film()), {"art/fox.png": b"png"})
    assert zipfile.ZipFile(io.BytesIO(bundle)).namelist() == ["film.json", "art/fox.png"]
