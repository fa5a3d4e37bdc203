"""``/teams``: create and list teams, read one with its members, manage members (owners only)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status
from sqlalchemy.orm import Session

from render_farm.server.db.models import Team, TeamRole
from render_farm.server.services import teams

from .deps import SessionDep, UserDep
from .problems import responses
from .routing import FarmRoute
from .schemas import MemberIn, MemberOut, MemberRoleIn, TeamDetailOut, TeamIn, TeamOut

router = APIRouter(prefix="/teams", tags=["teams"], route_class=FarmRoute)


def _detail(session: Session, team: Team, role: TeamRole) -> TeamDetailOut:
    members = [
        MemberOut(user_id=user.id, email=user.email, display_name=user.display_name, role=member.role)
        for member, user in teams.members(session, team.id)
    ]
    return TeamDetailOut(id=team.id, name=team.name, created_at=team.created_at, role=role, members=members)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=TeamDetailOut, responses=responses(401, 422))
def create_team(body: TeamIn, user: UserDep, session: SessionDep) -> TeamDetailOut:
    team = teams.create_team(session, user.id, body.name)
    return _detail(session, team, TeamRole.owner)


@router.get("", response_model=list[TeamOut], responses=responses(401))
def list_teams(user: UserDep, session: SessionDep) -> list[TeamOut]:
    return [
        TeamOut(id=team.id, name=team.name, created_at=team.created_at, role=role)
        for team, role in teams.list_teams(session, user.id)
    ]


@router.get("/{team_id}", response_model=TeamDetailOut, responses=responses(401, 404, 422))
def get_team(team_id: uuid.UUID, user: UserDep, session: SessionDep) -> TeamDetailOut:
    team, role = teams.get_team(session, user.id, team_id)
    return _detail(session, team, role)


@router.post(
    "/{team_id}/members",
    status_code=status.HTTP_201_CREATED,
    response_model=TeamDetailOut,
    responses=responses(401, 403, 404, 409, 422),
)
def add_member(team_id: uuid.UUID, body: MemberIn, user: UserDep, session: SessionDep) -> TeamDetailOut:
    teams.add_member(session, user.id, team_id, body.email, body.role)
    return get_team(team_id, user, session)


@router.patch(
    "/{team_id}/members/{member_id}", response_model=TeamDetailOut, responses=responses(401, 403, 404, 409, 422)
)
def change_role(
    team_id: uuid.UUID, member_id: uuid.UUID, body: MemberRoleIn, user: UserDep, session: SessionDep
) -> TeamDetailOut:
    teams.change_role(session, user.id, team_id, member_id, body.role)
    return get_team(team_id, user, session)


@router.delete(
    "/{team_id}/members/{member_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=responses(401, 403, 404, 409, 422),
)
def remove_member(team_id: uuid.UUID, member_id: uuid.UUID, user: UserDep, session: SessionDep) -> Response:
    teams.remove_member(session, user.id, team_id, member_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
