"""``/projects``: create, list, read, delete projects; upload and list versions; read a version's spec."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request, Response, status
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from render_farm.film import Film
from render_farm.server.db.models import Project, ProjectVersion
from render_farm.server.errors import TooLarge
from render_farm.server.services import projects
from render_farm.server.services.access import project_role

from .deps import SessionDep, SettingsDep, StorageDep, UserDep
from .problems import responses
from .routing import FarmRoute
from .schemas import ProjectIn, ProjectOut, VersionNumber, VersionOut

router = APIRouter(prefix="/projects", tags=["projects"], route_class=FarmRoute)


def _project_out(session: Session, user_id: uuid.UUID, project: Project) -> ProjectOut:
    role = project_role(session, user_id, project)
    assert role is not None
    return ProjectOut(
        id=project.id,
        name=project.name,
        state=project.state,
        owner_user_id=project.owner_user_id,
        team_id=project.team_id,
        created_at=project.created_at,
        updated_at=project.updated_at,
        latest_version=projects.latest_version_number(session, project.id),
        role=role,
    )


def _version_out(version: ProjectVersion) -> VersionOut:
    return VersionOut(
        number=version.number,
        title=version.title,
        schema_version=version.schema_version,
        spec_sha256=version.spec_sha256,
        bundle_bytes=version.bundle_bytes,
        scene_count=len(version.scenes),
        character_count=len(version.characters),
        asset_count=len(version.assets),
        created_at=version.created_at,
        created_by_id=version.created_by_id,
    )


@router.post(
    "", status_code=status.HTTP_201_CREATED, response_model=ProjectOut, responses=responses(401, 403, 404, 422)
)
def create_project(body: ProjectIn, user: UserDep, session: SessionDep) -> ProjectOut:
    project = projects.create_project(session, user.id, body.name, body.team_id)
    return _project_out(session, user.id, project)


@router.get("", response_model=list[ProjectOut], responses=responses(401))
def list_projects(user: UserDep, session: SessionDep) -> list[ProjectOut]:
    return [_project_out(session, user.id, project) for project in projects.list_projects(session, user.id)]


@router.get("/{project_id}", response_model=ProjectOut, responses=responses(401, 404, 422))
def get_project(project_id: uuid.UUID, user: UserDep, session: SessionDep) -> ProjectOut:
    return _project_out(session, user.id, projects.get_project(session, user.id, project_id))


@router.delete(
    "/{project_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=responses(401, 403, 404, 422),
)
def delete_project(project_id: uuid.UUID, user: UserDep, session: SessionDep) -> Response:
    projects.delete_project(session, user.id, project_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


async def _read_limited(request: Request, limit: int) -> bytes:
    """The request body, refusing (413) as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"bundle: uploads are limited to {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge(f"bundle: uploads are limited to {limit} bytes")
    return bytes(body)


UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "the film spec as JSON, or a zip bundle with film.json at its top plus the assets it names",
        "content": {
            # A film spec must say which version it is (older ones are migrated): here it is required.
            "application/json": {
                "schema": {"allOf": [{"$ref": "#/components/schemas/Film"}], "required": ["schema_version"]}
            },
            "application/zip": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


@router.post(
    "/{project_id}/versions",
    status_code=status.HTTP_201_CREATED,
    response_model=VersionOut,
    responses=responses(401, 403, 404, 413, 415, 422),
    openapi_extra=UPLOAD_BODY,
)
async def upload_version(
    project_id: uuid.UUID,
    request: Request,
    user: UserDep,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
) -> VersionOut:
    body = await _read_limited(request, settings.max_upload_bytes)
    content_type = request.headers.get("content-type", "")
    # The service is synchronous (database, storage, unzipping): keep it off the event loop.
    version = await run_in_threadpool(
        projects.upload_version, session, settings, storage, user.id, project_id, body, content_type
    )
    return await run_in_threadpool(_version_out, version)


@router.get("/{project_id}/versions", response_model=list[VersionOut], responses=responses(401, 404, 422))
def list_versions(project_id: uuid.UUID, user: UserDep, session: SessionDep) -> list[VersionOut]:
    return [_version_out(version) for version in projects.list_versions(session, user.id, project_id)]


@router.get("/{project_id}/versions/{number}", response_model=VersionOut, responses=responses(401, 404, 422))
def get_version(project_id: uuid.UUID, number: VersionNumber, user: UserDep, session: SessionDep) -> VersionOut:
    return _version_out(projects.get_version(session, user.id, project_id, number))


@router.get("/{project_id}/versions/{number}/spec", response_model=Film, responses=responses(401, 404, 422))
def get_version_spec(
    project_id: uuid.UUID, number: VersionNumber, user: UserDep, session: SessionDep
) -> dict[str, Any]:
    """The version's film spec, migrated to the current schema version."""
    return projects.get_version(session, user.id, project_id, number).spec
