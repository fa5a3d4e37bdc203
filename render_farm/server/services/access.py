"""Who may do what: the one place that turns (user, team or project) into a role.

A project belongs to one user (who is its owner) or to one team (whose members have their team
role). Viewers read, editors also write, owners also manage. Anything a user has no role on does
not exist for them (404, never 403, so ids cannot be probed); a role too weak for the action is 403.
"""

from __future__ import annotations

import uuid
from enum import IntEnum

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from render_farm.server.db.models import Project, Team, TeamMember, TeamRole
from render_farm.server.errors import Forbidden, NotFound


class Need(IntEnum):
    read = 0
    write = 1
    manage = 2


RANK = {TeamRole.viewer: Need.read, TeamRole.editor: Need.write, TeamRole.owner: Need.manage}


def team_role(session: Session, user_id: uuid.UUID, team_id: uuid.UUID) -> TeamRole | None:
    return session.scalar(select(TeamMember.role).where(TeamMember.team_id == team_id, TeamMember.user_id == user_id))


def _require(role: TeamRole | None, need: Need, what: str) -> TeamRole:
    if role is None:
        raise NotFound(f"{what} not found")
    if RANK[role] < need:
        verb = {Need.write: "change", Need.manage: "manage"}.get(need, "read")
        raise Forbidden(f"your role ({role.value}) cannot {verb} this {what}")
    return role


def require_team(session: Session, user_id: uuid.UUID, team_id: uuid.UUID, need: Need) -> tuple[Team, TeamRole]:
    team = session.get(Team, team_id)
    role = team_role(session, user_id, team_id) if team is not None else None
    return team, _require(role, need, "team")  # type: ignore[return-value]


def project_role(session: Session, user_id: uuid.UUID, project: Project) -> TeamRole | None:
    if project.deleted_at is not None:
        return None
    if project.owner_user_id == user_id:
        return TeamRole.owner
    if project.team_id is not None:
        return team_role(session, user_id, project.team_id)
    return None


def require_project(
    session: Session, user_id: uuid.UUID, project_id: uuid.UUID, need: Need, *, lock: bool = False
) -> tuple[Project, TeamRole]:
    """The project and the caller's role on it, or NotFound/Forbidden. ``lock`` takes its row lock."""
    query = select(Project).where(Project.id == project_id)
    if lock:
        query = query.with_for_update()
    project = session.scalar(query)
    role = project_role(session, user_id, project) if project is not None else None
    return project, _require(role, need, "project")  # type: ignore[return-value]


def readable_by(user_id: uuid.UUID | ColumnElement[uuid.UUID]) -> ColumnElement[bool]:
    """SQL for "the user may read this project": not deleted, and the user's own or one of their
    teams' (every team role may read). The same rule as :func:`project_role` with ``Need.read``."""
    teams = select(TeamMember.team_id).where(TeamMember.user_id == user_id)
    return and_(Project.deleted_at.is_(None), or_(Project.owner_user_id == user_id, Project.team_id.in_(teams)))


def visible_projects(user_id: uuid.UUID) -> Select[Project]:
    """Projects the user owns plus those of every team they belong to, not deleted."""
    return select(Project).where(readable_by(user_id))
