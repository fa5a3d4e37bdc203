"""Login throttling, counted in the database so every API process sees the same numbers.

Per account: failures since its last successful sign-in within the window; per client address:
all failures within the window (a success on the attacker's own account must not reset it).
From the threshold on, each further failure doubles the wait (``base * 2**(failures - max)``,
capped), answered as 429 with ``Retry-After``. Throttled attempts are not recorded and never
reach the password check, so they neither extend the lock nor leak whether a password was right.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.orm import Session

from render_farm.server.db.base import utcnow
from render_farm.server.db.models import LoginAttempt
from render_farm.server.errors import Throttled
from render_farm.server.settings import FarmSettings


def _failures(session: Session, where: ColumnElement[bool], since: datetime) -> tuple[int, datetime | None]:
    row = session.execute(
        select(func.count(), func.max(LoginAttempt.created_at)).where(
            where, LoginAttempt.succeeded.is_(False), LoginAttempt.created_at > since
        )
    ).one()
    return int(row[0]), row[1]


def lock_seconds(failures: int, threshold: int, settings: FarmSettings) -> int:
    if failures < threshold:
        return 0
    return min(settings.login_lockout_max_seconds, settings.login_lockout_base_seconds * 2 ** (failures - threshold))


def check(session: Session, settings: FarmSettings, email: str, address: str) -> None:
    """Raise :class:`Throttled` if this account or this address must wait before trying again."""
    now = utcnow()
    window_start = now - timedelta(minutes=settings.login_window_minutes)
    if session.get_bind().dialect.name == "postgresql":
        # Serialise attempts on one account so a burst cannot slip past the count.
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": "login:" + email})
    last_success = session.scalar(
        select(func.max(LoginAttempt.created_at)).where(LoginAttempt.email == email, LoginAttempt.succeeded.is_(True))
    )
    since = window_start
    if last_success is not None:
        since = max(since, last_success)
    waits = []
    for where, start, threshold in (
        (LoginAttempt.email == email, since, settings.login_max_failures_per_account),
        (LoginAttempt.address == address, window_start, settings.login_max_failures_per_address),
    ):
        count, last = _failures(session, where, start)
        seconds = lock_seconds(count, threshold, settings)
        if seconds and last is not None:
            remaining = (last + timedelta(seconds=seconds) - now).total_seconds()
            if remaining > 0:
                waits.append(math.ceil(remaining))
    if waits:
        wait = max(waits)
        raise Throttled(f"too many failed sign-ins; try again in {wait} seconds", retry_after=wait)


def record(session: Session, email: str, address: str, succeeded: bool) -> None:
    session.add(LoginAttempt(email=email, address=address[:64], succeeded=succeeded))
    session.flush()
