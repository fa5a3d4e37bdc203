"""Accounts: users, teams and their members, refresh tokens and login attempts."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from render_farm.server.db.base import Base, BigIntPK, CreatedAt, UUIDPrimaryKey, state_enum


class TeamRole(StrEnum):
    """Viewers read, editors also write (upload, delete, render), owners also manage members."""

    owner = "owner"
    editor = "editor"
    viewer = "viewer"


class User(UUIDPrimaryKey, CreatedAt, Base):
    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    """Lower-cased, so the same address cannot sign up twice with different case."""
    display_name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(128))
    token_version: Mapped[int] = mapped_column(default=0)
    """Part of every access token; bumping it (password change) makes all earlier tokens invalid."""
    is_active: Mapped[bool] = mapped_column(default=True)
    is_admin: Mapped[bool] = mapped_column(default=False)
    password_changed_at: Mapped[datetime | None]


class Team(UUIDPrimaryKey, CreatedAt, Base):
    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(120))
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))

    members: Mapped[list[TeamMember]] = relationship(back_populates="team", cascade="all, delete-orphan")


class TeamMember(CreatedAt, Base):
    __tablename__ = "team_members"

    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    role: Mapped[TeamRole] = mapped_column(state_enum(TeamRole, "team_role"))

    team: Mapped[Team] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class RefreshToken(UUIDPrimaryKey, CreatedAt, Base):
    """One opaque refresh token, stored only as its SHA-256. Tokens rotate on every use; all
    tokens descended from one login share a ``family_id`` so reuse of a rotated one can revoke them all."""

    __tablename__ = "refresh_tokens"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[uuid.UUID] = mapped_column(index=True)
    jti_hash: Mapped[str] = mapped_column(String(64), unique=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("refresh_tokens.id", ondelete="SET NULL"))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    """When it was exchanged for its successor; a second exchange is a reuse."""
    revoked_at: Mapped[datetime | None]


class LoginAttempt(CreatedAt, Base):
    """Every password check, kept in the database so several API processes throttle alike."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_email_created_at", "email", "created_at"),
        Index("ix_login_attempts_address_created_at", "address", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320))
    address: Mapped[str] = mapped_column(String(64))
    succeeded: Mapped[bool]
