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
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import DateTime, Integer, String, Text, create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from render_farm.film import Film, FilmSpecError, dumps, loads
from render_farm.film.bundle import (
    BundleError,
    BundleLimits,
    folder_files,
    project_manifest,
    read_bundle,
    unpack_files,
    write_bundle,
)
from render_farm.film.paths import UnsafePath

DATA_DIR_ENV = "AISTUDIO_DATA_DIR"
PROJECT_FILE_SUFFIX = ".aistudio"
MAX_IMPORT_BYTES = 512 * 1024 * 1024


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
        manifest = project_manifest(film.title, datetime.now(UTC).isoformat(timespec="seconds"))
        partial = path.with_name(path.name + ".partial")
        try:
            write_bundle(partial, dumps(film), folder_files(self.project_dir(project_id)), manifest)
            os.replace(partial, path)
        except (OSError, BundleError) as error:
            partial.unlink(missing_ok=True)
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise StoreError(f"could not write {path}: {reason}") from None
        return path

    def import_project(self, path: Path) -> ProjectInfo:
        """Add the project in a ``.aistudio`` file; all of it or, on any problem, nothing."""
        path = Path(path)
        film, files = read_project_file(path)
        project_id = uuid.uuid4().hex
        staging = self.data_dir / "projects" / f".import-{project_id}"
        try:
            staging.mkdir(parents=True)
            unpack_files(files, staging)
            info = self.create(film, project_id)
        except (OSError, SQLAlchemyError, UnsafePath) as error:
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
    try:
        bundle = read_bundle(path, BundleLimits(max_uncompressed_bytes=MAX_IMPORT_BYTES))
    except BundleError as error:
        raise ProjectFileError(f"{where}: {error}") from None
    except OSError as error:
        raise ProjectFileError(f"{where}: cannot read it ({error.strerror or error})") from None
    return bundle.film, bundle.files
