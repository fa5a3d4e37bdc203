"""Projects and versions: create, list, read, delete, and upload a new version of the film spec.

Every upload becomes a new version whose characters, voice styles, scenes and cast rows are
written from the spec in the same transaction; its assets go to storage first (content-addressed,
so a retried or repeated upload just finds them there). An upload returns the project to draft.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from render_farm.film import NARRATOR, Film
from render_farm.server.db.base import utcnow
from render_farm.server.db.models import (
    Asset,
    AssetKind,
    Character,
    Project,
    ProjectState,
    ProjectVersion,
    Scene,
    SceneCharacter,
    VoiceStyle,
)
from render_farm.server.errors import NotFound
from render_farm.server.settings import FarmSettings
from render_farm.server.storage import Storage, blob_key

from .access import Need, require_project, require_team, visible_projects
from .bundles import read_bundle
from .tx import begin_write


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def scene_content_sha256(film: Film, index: int) -> str:
    """Hash of what the spec says about one scene's look and sound: the scene (less its number and
    title), the cast members in it or speaking, and the film-wide style, seed, narrator and output.
    Equal hashes across versions mean the scene did not change. (Render caches use the engine's
    ``scene_key``, which also covers the preset, the voice provider and the neighbours' transitions.)"""
    scene = film.scenes[index]
    ids = sorted(set(scene.cast) | {line.speaker for line in scene.dialogue} - {NARRATOR})
    inputs = {
        "scene": scene.model_dump(mode="json", exclude={"number", "title"}),
        "cast": [film.member(member_id).model_dump(mode="json") for member_id in ids],
        "film": film.model_dump(mode="json", include={"schema_version", "style", "seed", "narrator", "output"}),
    }
    return hashlib.sha256(_canonical(inputs)).hexdigest()


def create_project(session: Session, user_id: uuid.UUID, name: str, team_id: uuid.UUID | None) -> Project:
    begin_write(session)
    if team_id is not None:
        require_team(session, user_id, team_id, Need.write)
    project = Project(
        name=name.strip() or name,
        owner_user_id=None if team_id else user_id,
        team_id=team_id,
        created_by_id=user_id,
    )
    session.add(project)
    session.commit()
    return project


def list_projects(session: Session, user_id: uuid.UUID) -> list[Project]:
    return list(session.scalars(visible_projects(user_id).order_by(Project.created_at.desc(), Project.id)))


def get_project(session: Session, user_id: uuid.UUID, project_id: uuid.UUID) -> Project:
    return require_project(session, user_id, project_id, Need.read)[0]


def latest_version_number(session: Session, project_id: uuid.UUID) -> int:
    return session.scalar(select(func.max(ProjectVersion.number)).where(ProjectVersion.project_id == project_id)) or 0


def delete_project(session: Session, user_id: uuid.UUID, project_id: uuid.UUID) -> None:
    """Hide the project for good. Rows stay (jobs and the ledger point at them); stored files stay."""
    begin_write(session)
    project, _ = require_project(session, user_id, project_id, Need.write, lock=True)
    project.deleted_at = utcnow()
    session.commit()


def _write_version_rows(version: ProjectVersion, film: Film) -> None:
    voices: dict[str, VoiceStyle] = {}
    for speaker, voice in [(NARRATOR, film.narrator)] + [(m.id, m.voice) for m in film.cast]:
        voices[speaker] = VoiceStyle(speaker=speaker, **voice.model_dump(mode="json"))
        version.voice_styles.append(voices[speaker])
    characters: dict[str, Character] = {}
    for member in film.cast:
        characters[member.id] = Character(
            key=member.id,
            name=member.name,
            role=member.role,
            design=member.design.model_dump(mode="json") if member.design else None,
            art_path=member.art,
            voice_style=voices[member.id],
        )
        version.characters.append(characters[member.id])
    for index, spec_scene in enumerate(film.scenes):
        scene = Scene(
            key=spec_scene.id,
            number=spec_scene.number,
            title=spec_scene.title,
            duration=spec_scene.duration,
            place=spec_scene.setting.place.value,
            content_sha256=scene_content_sha256(film, index),
        )
        for position, member_id in enumerate(spec_scene.cast):
            scene.cast.append(SceneCharacter(character=characters[member_id], position=position))
        version.scenes.append(scene)


def upload_version(
    session: Session,
    settings: FarmSettings,
    storage: Storage,
    user_id: uuid.UUID,
    project_id: uuid.UUID,
    body: bytes,
    content_type: str,
) -> ProjectVersion:
    """Check the bundle, store its files, and record it as the project's next version."""
    begin_write(session)
    project, _ = require_project(session, user_id, project_id, Need.write, lock=True)
    bundle = read_bundle(body, content_type, settings)
    for file in bundle.files.values():
        key = blob_key(file.sha256)
        if not storage.exists(key):
            storage.put(key, file.data)
    spec = bundle.film.model_dump(mode="json")
    version = ProjectVersion(
        project_id=project.id,
        number=latest_version_number(session, project.id) + 1,
        spec=spec,
        spec_sha256=hashlib.sha256(_canonical(spec)).hexdigest(),
        schema_version=bundle.film.schema_version,
        title=bundle.film.title,
        bundle_bytes=len(body),
        created_by_id=user_id,
    )
    _write_version_rows(version, bundle.film)
    for path, file in sorted(bundle.files.items()):
        version.assets.append(
            Asset(
                owner_user_id=user_id,
                project_id=project.id,
                kind=AssetKind.bundle_file,
                path=path,
                storage_key=blob_key(file.sha256),
                size=len(file.data),
                sha256=file.sha256,
            )
        )
    session.add(version)
    project.state = ProjectState.draft
    project.updated_at = utcnow()
    session.commit()
    return version


def list_versions(session: Session, user_id: uuid.UUID, project_id: uuid.UUID) -> list[ProjectVersion]:
    require_project(session, user_id, project_id, Need.read)
    return list(
        session.scalars(
            select(ProjectVersion).where(ProjectVersion.project_id == project_id).order_by(ProjectVersion.number)
        )
    )


def get_version(session: Session, user_id: uuid.UUID, project_id: uuid.UUID, number: int) -> ProjectVersion:
    require_project(session, user_id, project_id, Need.read)
    version = session.scalar(
        select(ProjectVersion).where(ProjectVersion.project_id == project_id, ProjectVersion.number == number)
    )
    if version is None:
        raise NotFound("version not found")
    return version
