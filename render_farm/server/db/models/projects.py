"""Projects and what an upload puts in them: versions, characters, voice styles, scenes, assets."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from render_farm.server.db.base import Base, CreatedAt, UUIDPrimaryKey, state_enum, utcnow


class ProjectState(StrEnum):
    draft = "draft"
    processing = "processing"
    completed = "completed"
    failed = "failed"


class AssetKind(StrEnum):
    bundle_file = "bundle_file"
    """A file uploaded inside a spec bundle (art, audio...)."""
    character_art = "character_art"
    scene_output = "scene_output"
    film = "film"


class Project(UUIDPrimaryKey, CreatedAt, Base):
    """Owned by exactly one user or one team. Deleting sets ``deleted_at``: jobs and the credit
    ledger keep pointing at it, and every route treats it as gone."""

    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint(
            "(owner_user_id IS NULL) <> (team_id IS NULL)",
            name="one_owner",
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    owner_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"), index=True)
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    state: Mapped[ProjectState] = mapped_column(state_enum(ProjectState, "project_state"), default=ProjectState.draft)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None]

    versions: Mapped[list[ProjectVersion]] = relationship(
        back_populates="project", order_by="ProjectVersion.number", cascade="all, delete-orphan"
    )


class ProjectVersion(UUIDPrimaryKey, CreatedAt, Base):
    """One upload. ``spec`` is the validated film spec, migrated to the current schema version."""

    __tablename__ = "project_versions"
    __table_args__ = (UniqueConstraint("project_id", "number"),)

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    number: Mapped[int]
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)
    spec_sha256: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    bundle_bytes: Mapped[int]
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))

    project: Mapped[Project] = relationship(back_populates="versions")
    scenes: Mapped[list[Scene]] = relationship(order_by="Scene.number", cascade="all, delete-orphan")
    characters: Mapped[list[Character]] = relationship(cascade="all, delete-orphan")
    voice_styles: Mapped[list[VoiceStyle]] = relationship(cascade="all, delete-orphan")
    assets: Mapped[list[Asset]] = relationship(cascade="all, delete-orphan")


class VoiceStyle(UUIDPrimaryKey, Base):
    """How a character (or, with ``speaker='narrator'``, the narrator) sounds in one version."""

    __tablename__ = "voice_styles"
    __table_args__ = (UniqueConstraint("version_id", "speaker"),)

    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project_versions.id", ondelete="CASCADE"))
    speaker: Mapped[str] = mapped_column(String(64))
    voice: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(3))
    accent: Mapped[str] = mapped_column(String(32))
    rate: Mapped[int]
    pitch: Mapped[int]


class Character(UUIDPrimaryKey, Base):
    __tablename__ = "characters"
    __table_args__ = (UniqueConstraint("version_id", "key"),)

    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project_versions.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    """The cast id in the spec."""
    name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(40))
    design: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    art_path: Mapped[str | None] = mapped_column(String(512))
    voice_style_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("voice_styles.id", ondelete="SET NULL"))

    voice_style: Mapped[VoiceStyle | None] = relationship()


class Scene(UUIDPrimaryKey, Base):
    """A scene of one version; ``content_sha256`` hashes exactly what its pixels and audio depend on
    (the scene, its cast, style and seed), so an unchanged scene can reuse an earlier render."""

    __tablename__ = "scenes"
    __table_args__ = (UniqueConstraint("version_id", "number"), UniqueConstraint("version_id", "key"))

    version_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project_versions.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    duration: Mapped[float] = mapped_column(Float)
    place: Mapped[str] = mapped_column(String(32))
    content_sha256: Mapped[str] = mapped_column(String(64))

    cast: Mapped[list[SceneCharacter]] = relationship(order_by="SceneCharacter.position", cascade="all, delete-orphan")


class SceneCharacter(Base):
    __tablename__ = "scene_characters"

    scene_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("scenes.id", ondelete="CASCADE"), primary_key=True)
    character_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("characters.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int]

    character: Mapped[Character] = relationship()


class Asset(UUIDPrimaryKey, CreatedAt, Base):
    """A stored object (local folder or S3) and what it is."""

    __tablename__ = "assets"

    owner_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    project_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("projects.id"), index=True)
    version_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("project_versions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[AssetKind] = mapped_column(state_enum(AssetKind, "asset_kind"))
    path: Mapped[str] = mapped_column(String(512), default="")
    """Bundle-relative path for bundle files; empty for outputs."""
    storage_key: Mapped[str] = mapped_column(String(1024))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    content_type: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
