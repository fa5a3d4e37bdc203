"""Request and response bodies of the farm API (the contract the OpenAPI document publishes)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import Path
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

from render_farm.film import Film
from render_farm.film.json_text import whole_numbers
from render_farm.server.db.models import ProjectState, TeamRole
from render_farm.server.security import MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS

# Text that is stored or searched: no control characters (PostgreSQL refuses NUL in text, and
# nobody means a tab in a team name). Written with explicit ranges so that Python and the
# ECMA-262 regexes of OpenAPI tools agree on what it accepts.
NO_CONTROL_CHARS = r"^[^\x00-\x1f\x7f]*$"
Password = Field(min_length=1, max_length=MAX_PASSWORD_CHARS * 4)
MAX_VERSION = 2**31 - 1
"""Version numbers are 32-bit in the database: a larger one names no version and is refused (422)."""
VersionNumber = Annotated[int, Path(ge=1, le=MAX_VERSION, description="the version's number (1, 2, ...)")]


# Numbers in request bodies are JSON's numbers, as the document states them: ``false`` or ``"5"``
# is not a number here (pydantic's lenient mode would read them as 0 and 5), while ``5.0`` is the
# whole number 5, as JSON Schema has it.
JsonInt = Annotated[int, Field(strict=True), BeforeValidator(whole_numbers)]
JsonFloat = Annotated[float, Field(strict=True)]


def _film_as_sent(value: Any, _handler: ValidatorFunctionWrapHandler) -> Film:
    if isinstance(value, Film):
        return value
    return Film.model_validate_json(json.dumps(whole_numbers(value)), strict=True)


StrictFilm = Annotated[Film, WrapValidator(_film_as_sent)]
"""A film spec in a request body, read strictly."""
Name = Field(min_length=1, max_length=120, pattern=NO_CONTROL_CHARS)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# -- auth --------------------------------------------------------------------------------------


class SignUpIn(_In):
    email: EmailStr
    password: str = Field(
        min_length=MIN_PASSWORD_CHARS,
        max_length=MAX_PASSWORD_CHARS,
        description="12 to 128 characters; very common passwords are refused",
    )
    display_name: str = Field(default="", max_length=120, pattern=NO_CONTROL_CHARS)


class LogInIn(_In):
    email: str = Field(min_length=1, max_length=320, pattern=NO_CONTROL_CHARS)
    password: str = Password


class RefreshIn(_In):
    refresh_token: str = Field(min_length=1, max_length=256)


class ChangePasswordIn(_In):
    current_password: str = Password
    new_password: str = Field(
        min_length=MIN_PASSWORD_CHARS,
        max_length=MAX_PASSWORD_CHARS,
        description="12 to 128 characters; very common passwords are refused",
    )


class TokenPairOut(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="seconds until the access token expires")


class UserOut(_Out):
    id: uuid.UUID
    email: str
    display_name: str
    created_at: datetime
    credits: int = Field(description="current credit balance")


# -- teams -------------------------------------------------------------------------------------


class TeamIn(_In):
    name: str = Name


class TeamOut(_Out):
    id: uuid.UUID
    name: str
    created_at: datetime
    role: TeamRole = Field(description="your role in this team")


class MemberOut(BaseModel):
    user_id: uuid.UUID
    email: str
    display_name: str
    role: TeamRole


class TeamDetailOut(TeamOut):
    members: list[MemberOut]


class MemberIn(_In):
    email: str = Field(min_length=3, max_length=320, pattern=NO_CONTROL_CHARS)
    role: TeamRole = TeamRole.viewer


class MemberRoleIn(_In):
    role: TeamRole


# -- projects ----------------------------------------------------------------------------------


class ProjectIn(_In):
    name: str = Field(min_length=1, max_length=200, pattern=NO_CONTROL_CHARS)
    team_id: uuid.UUID | None = Field(default=None, description="share with this team (you must be editor or owner)")


class ProjectOut(_Out):
    id: uuid.UUID
    name: str
    state: ProjectState
    owner_user_id: uuid.UUID | None
    team_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    latest_version: int = Field(description="0 until the first upload")
    role: TeamRole = Field(description="your role on this project")


class VersionOut(_Out):
    number: int
    title: str
    schema_version: int
    spec_sha256: str
    bundle_bytes: int
    scene_count: int
    character_count: int
    asset_count: int
    created_at: datetime
    created_by_id: uuid.UUID


class HealthOut(BaseModel):
    status: str
    database: str
