"""The local project database: SQLite through SQLAlchemy 2 in the user's data folder.

One row per project holds its film spec as JSON, with a revision counter. SQLite runs in WAL
mode with ``synchronous=FULL`` and every save is one transaction, so a process killed in the
middle of a write leaves the previous version intact and a committed save survives a crash.
Each project also has a folder for its bundle files (generated character art), which a
``.aistudio`` export packs next to ``film.json`` in one zip file.

:class:`ProjectStore` is plain, blocking and thread-safe: the desktop calls it from its
background writer (:mod:`aistudio_desktop.project.autosave`) and from worker tasks, not from the UI
thread. Errors are :class:`StoreError` (and :class:`ProjectFileError` for import files).
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import platformdirs
from sqlalchemy import DateTime, Integer, String, Text, create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from render_farm.film import Film, FilmSpecError, dumps, loads

DATA_DIR_ENV = "AISTUDIO_DATA_DIR"
PROJECT_FILE_SUFFIX = ".aistudio"
PROJECT_FILE_FORMAT = "aistudio-project"
PROJECT_FILE_VERSION = 1
MAX_IMPORT_BYTES = 512 * 1024 * 1024
_RESERVED = {"film.json", "manifest.json"}


class StoreError(RuntimeError):
    """The project database could not do what was asked; the message says what and why."""


class ProjectFileError(StoreError):
    """A ``.aistudio`` file that cannot be imported; nothing of it was added to the store."""


def default_data_dir() -> Path:
    """``$AISTUDIO_DATA_DIR`` when set (tests, portable installs), else the OS's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir("aistudio", appauthor=False))


class _Base(DeclarativeBase):
    pass


class ProjectRow(_Base):
    __tablename__ = "projects"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    created: Mapped[datetime] = mapped_column(DateTime)
    updated: Mapped[datetime] = mapped_column(DateTime)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    spec: Mapped[str] = mapped_column(Text)


class StateRow(_Base):
    """Small key/value facts about the app (the project open last)."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class ProjectInfo:
    id: str
    title: str
    created: datetime
    updated: datetime
    revision: int


@dataclass(frozen=True)
class ProjectSummary:
    """A project as a list of recent projects shows it: what tells it apart from the others."""

    info: ProjectInfo
    length: float  # seconds the film runs (0 when the saved spec cannot be read)
    scenes: int
    folder: Path  # where its bundle files live


def _info(row: ProjectRow) -> ProjectInfo:
    return ProjectInfo(row.id, row.title, row.created, row.updated, row.revision)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class ProjectStore:
    """Projects on this machine: create, save, load, list, export and import."""

    def __init__(self, data_dir: Path | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the data folder {self.data_dir}: {error.strerror}") from None
        self.path = self.data_dir / "projects.sqlite3"
        self.engine: Engine = create_engine(f"sqlite:///{self.path}", connect_args={"check_same_thread": False})
        event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            _Base.metadata.create_all(self.engine)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot open the project database {self.path}: {error}") from None

    def close(self) -> None:
        self.engine.dispose()

    def _session(self) -> Session:
        return self._sessions()

    # -- projects ------------------------------------------------------------------------------

    def project_dir(self, project_id: str) -> Path:
        """The folder of a project's bundle files (``CastMember.art`` paths are relative to it)."""
        return self.data_dir / "projects" / project_id

    def create(self, film: Film, project_id: str | None = None) -> ProjectInfo:
        now = _now()
        row = ProjectRow(
            id=project_id or uuid.uuid4().hex,
            title=film.title,
            created=now,
            updated=now,
            revision=1,
            spec=dumps(film),
        )
        with self._session() as session, session.begin():
            session.add(row)
        return _info(row)

    def save(self, project_id: str, film: Film | str) -> int:
        """Write a new version of a project in one transaction; returns its revision."""
        spec = film if isinstance(film, str) else dumps(film)
        title = film.title if isinstance(film, Film) else json.loads(spec).get("title", "")
        try:
            with self._session() as session, session.begin():
                row = session.get(ProjectRow, project_id)
                if row is None:
                    raise StoreError(f"no project with id {project_id}")
                row.spec, row.title, row.updated = spec, title, _now()
                row.revision += 1
                return row.revision
        except SQLAlchemyError as error:
            raise StoreError(f"could not save the project: {error}") from None

    def load(self, project_id: str) -> Film:
        with self._session() as session:
            row = session.get(ProjectRow, project_id)
            if row is None:
                raise StoreError(f"no project with id {project_id}")
            spec = row.spec
        try:
            return loads(spec)
        except FilmSpecError as error:
            raise StoreError(f"the saved project cannot be read: {error}") from None

    def info(self, project_id: str) -> ProjectInfo:
        with self._session() as session:
            row = session.get(ProjectRow, project_id)
            if row is None:
                raise StoreError(f"no project with id {project_id}")
            return _info(row)

    def projects(self) -> list[ProjectInfo]:
        """Every project, the most recently changed first."""
        with self._session() as session:
            rows = session.scalars(select(ProjectRow).order_by(ProjectRow.updated.desc())).all()
            return [_info(row) for row in rows]

    def recent(self, limit: int = 12) -> list[ProjectSummary]:
        """The ``limit`` projects changed last, with their film's length and scene count."""
        with self._session() as session:
            rows = session.scalars(select(ProjectRow).order_by(ProjectRow.updated.desc()).limit(limit)).all()
            found = [(_info(row), row.spec) for row in rows]
        summaries = []
        for info, spec in found:
            try:
                film = loads(spec)
                length, scenes = film.duration, len(film.scenes)
            except FilmSpecError:
                length, scenes = 0.0, 0
            summaries.append(ProjectSummary(info, length, scenes, self.project_dir(info.id)))
        return summaries

    def delete(self, project_id: str) -> None:
        with self._session() as session, session.begin():
            row = session.get(ProjectRow, project_id)
            if row is not None:
                session.delete(row)
        shutil.rmtree(self.project_dir(project_id), ignore_errors=True)

    # -- app state -----------------------------------------------------------------------------

    def last_project(self) -> str | None:
        """The project open last, if it still exists."""
        with self._session() as session:
            row = session.get(StateRow, "last_project")
            if row is None or session.get(ProjectRow, row.value) is None:
                return None
            return row.value

    def set_last_project(self, project_id: str) -> None:
        with self._session() as session, session.begin():
            session.merge(StateRow(key="last_project", value=project_id))

    # -- one-file export and import -------------------------------------------------------------

    def export_project(self, project_id: str, path: Path, film: Film | None = None) -> Path:
        """Write ``path`` (a ``.aistudio`` zip: manifest, film.json and the bundle files) atomically.

        ``film`` is the version to write (the open one, which may be newer than the saved one).
        """
        film = film or self.load(project_id)
        path = Path(path)
        manifest = {
            "format": PROJECT_FILE_FORMAT,
            "version": PROJECT_FILE_VERSION,
            "title": film.title,
            "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        partial = path.with_name(path.name + ".partial")
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("manifest.json", json.dumps(manifest, indent=2))
                archive.writestr("film.json", dumps(film))
                bundle = self.project_dir(project_id)
                if bundle.is_dir():
                    for file in sorted(p for p in bundle.rglob("*") if p.is_file()):
                        archive.write(file, file.relative_to(bundle).as_posix())
            os.replace(partial, path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise StoreError(f"could not write {path}: {error.strerror or error}") from None
        return path

    def import_project(self, path: Path) -> ProjectInfo:
        """Add the project in a ``.aistudio`` file; all of it or, on any problem, nothing."""
        path = Path(path)
        film, files = read_project_file(path)
        project_id = uuid.uuid4().hex
        staging = self.data_dir / "projects" / f".import-{project_id}"
        try:
            staging.mkdir(parents=True)
            for name, data in files.items():
                target = staging / PurePosixPath(name)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            info = self.create(film, project_id)
        except (OSError, SQLAlchemyError) as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreError(f"could not import {path.name}: {error}") from None
        try:
            if files:
                os.replace(staging, self.project_dir(project_id))
            else:
                shutil.rmtree(staging, ignore_errors=True)
        except OSError as error:
            self.delete(project_id)
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreError(f"could not import {path.name}: {error.strerror or error}") from None
        return info


def read_project_file(path: Path) -> tuple[Film, dict[str, bytes]]:
    """Read and check a ``.aistudio`` file: its film and its bundle files (name -> bytes)."""
    where = path.name
    if not path.is_file():
        raise ProjectFileError(f"{where}: no such file")
    if not zipfile.is_zipfile(path):
        raise ProjectFileError(f"{where}: not an AI Studio project file (it is not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = [info for info in archive.infolist() if not info.is_dir()]
            if sum(info.file_size for info in entries) > MAX_IMPORT_BYTES:
                raise ProjectFileError(f"{where}: too large to be a project file")
            names = {info.filename for info in entries}
            if "film.json" not in names:
                raise ProjectFileError(f"{where}: not an AI Studio project file (film.json is missing)")
            if "manifest.json" in names:
                _check_manifest(where, archive.read("manifest.json"))
            files: dict[str, bytes] = {}
            for info in entries:
                name = info.filename
                pure = PurePosixPath(name)
                if pure.is_absolute() or ".." in pure.parts or "\\" in name or ":" in name:
                    raise ProjectFileError(f"{where}: unsafe file name in the archive: {name!r}")
                if name not in _RESERVED:
                    files[name] = archive.read(info)
            spec = archive.read("film.json")
    except zipfile.BadZipFile as error:
        raise ProjectFileError(f"{where}: the archive is damaged ({error})") from None
    try:
        film = loads(spec)
    except FilmSpecError as error:
        raise ProjectFileError(f"{where}: film.json: {error}") from None
    for member in film.cast:
        if member.art and member.art not in files:
            raise ProjectFileError(f"{where}: cast member '{member.id}' needs {member.art}, missing from the file")
    return film, files


def _check_manifest(where: str, raw: bytes) -> None:
    try:
        manifest = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ProjectFileError(f"{where}: manifest.json is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != PROJECT_FILE_FORMAT:
        raise ProjectFileError(f"{where}: not an AI Studio project file (unknown format in manifest.json)")
    version = manifest.get("version")
    if not isinstance(version, int) or version > PROJECT_FILE_VERSION:
        raise ProjectFileError(f"{where}: made by a newer AI Studio (file version {version}); update AI Studio")
