"""Teams and their members. The creator is the first owner; only owners add, remove or re-role
members; a member may leave on their own; a team always keeps at least one owner."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from render_farm.server.db.models import Team, TeamMember, TeamRole, User
from render_farm.server.errors import Conflict, NotFound

from .access import Need, require_team
from .tx import begin_write
from .users import normalise_email


def create_team(session: Session, user_id: uuid.UUID, name: str) -> Team:
    begin_write(session)
    team = Team(name=name.strip() or name, created_by_id=user_id)
    team.members.append(TeamMember(user_id=user_id, role=TeamRole.owner))
    session.add(team)
    session.commit()
    return team


def list_teams(session: Session, user_id: uuid.UUID) -> list[tuple[Team, TeamRole]]:
    rows = session.execute(
        select(Team, TeamMember.role)
        .join(TeamMember, TeamMember.team_id == Team.id)
        .where(TeamMember.user_id == user_id)
        .order_by(Team.created_at, Team.id)
    ).all()
    return [(team, role) for team, role in rows]


def get_team(session: Session, user_id: uuid.UUID, team_id: uuid.UUID) -> tuple[Team, TeamRole]:
    return require_team(session, user_id, team_id, Need.read)


def members(session: Session, team_id: uuid.UUID) -> list[tuple[TeamMember, User]]:
    rows = session.execute(
        select(TeamMember, User)
        .join(User, User.id == TeamMember.user_id)
        .where(TeamMember.team_id == team_id)
        .order_by(TeamMember.created_at, User.email)
    ).all()
    return [(member, user) for member, user in rows]


def add_member(session: Session, user_id: uuid.UUID, team_id: uuid.UUID, email: str, role: TeamRole) -> TeamMember:
    begin_write(session)
    require_team(session, user_id, team_id, Need.manage)
    invitee = session.scalar(select(User).where(User.email == normalise_email(email)))
    if invitee is None:
        raise NotFound("no AI Studio account uses this email; ask them to sign up first")
    if session.get(TeamMember, (team_id, invitee.id)) is not None:
        raise Conflict("this person is already a member; change their role instead")
    member = TeamMember(team_id=team_id, user_id=invitee.id, role=role)
    session.add(member)
    session.commit()
    return member


def _member(session: Session, team_id: uuid.UUID, member_id: uuid.UUID) -> TeamMember:
    member = session.get(TeamMember, (team_id, member_id), with_for_update=True)
    if member is None:
        raise NotFound("member not found")
    return member


def _owners(session: Session, team_id: uuid.UUID) -> int:
    return (
        session.scalar(select(func.count()).where(TeamMember.team_id == team_id, TeamMember.role == TeamRole.owner))
        or 0
    )


def change_role(
    session: Session, user_id: uuid.UUID, team_id: uuid.UUID, member_id: uuid.UUID, role: TeamRole
) -> TeamMember:
    begin_write(session)
    require_team(session, user_id, team_id, Need.manage)
    member = _member(session, team_id, member_id)
    if member.role is TeamRole.owner and role is not TeamRole.owner and _owners(session, team_id) <= 1:
        raise Conflict("a team needs at least one owner; make someone else owner first")
    member.role = role
    session.commit()
    return member


def remove_member(session: Session, user_id: uuid.UUID, team_id: uuid.UUID, member_id: uuid.UUID) -> None:
    begin_write(session)
    require_team(session, user_id, team_id, Need.read if member_id == user_id else Need.manage)
    member = _member(session, team_id, member_id)
    if member.role is TeamRole.owner and _owners(session, team_id) <= 1:
        raise Conflict("a team needs at least one owner; make someone else owner first")
    session.delete(member)
    session.commit()
