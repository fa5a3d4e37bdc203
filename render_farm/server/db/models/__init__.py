"""Every farm model, imported here so ``Base.metadata`` knows them all (Alembic relies on it)."""

from .accounts import LoginAttempt, RefreshToken, Team, TeamMember, TeamRole, User
from .infra import IdempotencyRecord, Notification, OutboxMessage
from .money import SIGN_UP_GRANT, BillingRecord, CreditLedgerEntry, LedgerKind
from .projects import (
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
from .renders import JobState, RenderJob, RenderTask, TaskKind

__all__ = [
    "SIGN_UP_GRANT",
    "Asset",
    "AssetKind",
    "BillingRecord",
    "Character",
    "CreditLedgerEntry",
    "IdempotencyRecord",
    "JobState",
    "LedgerKind",
    "LoginAttempt",
    "Notification",
    "OutboxMessage",
    "Project",
    "ProjectState",
    "ProjectVersion",
    "RefreshToken",
    "RenderJob",
    "RenderTask",
    "Scene",
    "SceneCharacter",
    "TaskKind",
    "Team",
    "TeamMember",
    "TeamRole",
    "User",
    "VoiceStyle",
]
