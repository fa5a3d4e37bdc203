"""Accounts: sign up (with the one-time credit grant), sign in, token refresh and rotation,
sign out, password change, and turning an access token back into a user.

Messages never say whether an email has an account (except sign-up's 409, which must), and a
sign-in for an unknown email costs the same bcrypt work as one for a known email.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from render_farm.server import security
from render_farm.server.db.base import utcnow
from render_farm.server.db.models import SIGN_UP_GRANT, LedgerKind, RefreshToken, User
from render_farm.server.errors import Conflict, InvalidInput, Unauthorized
from render_farm.server.settings import FarmSettings

from . import ledger, throttle
from .tx import begin_write

WRONG_CREDENTIALS = "email or password is wrong"


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    """Seconds until the access token expires."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


@lru_cache(maxsize=4)
def _dummy_hash(rounds: int) -> str:
    return security.hash_password("not a real password, only here to spend time", rounds)


def _issue(
    session: Session,
    settings: FarmSettings,
    user: User,
    family_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
) -> TokenPair:
    refresh, digest = security.new_refresh_token()
    family_id = family_id or uuid.uuid4()
    session.add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id,
            jti_hash=digest,
            parent_id=parent_id,
            expires_at=utcnow() + timedelta(days=settings.refresh_token_days),
        )
    )
    # The refresh-token family is the sign-in session: its access tokens end when it is revoked.
    access = security.create_access_token(
        user.id, user.token_version, settings.jwt_signing_key, settings.access_token_minutes, session_id=family_id
    )
    return TokenPair(access, refresh, settings.access_token_minutes * 60)


def sign_up(session: Session, settings: FarmSettings, email: str, password: str, display_name: str = "") -> User:
    """Create the account and grant the sign-up credits, both or neither."""
    begin_write(session)
    email = normalise_email(email)
    security.check_password_policy(password, email)
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict("an account with this email already exists; sign in instead")
    user = User(
        email=email,
        display_name=display_name.strip(),
        password_hash=security.hash_password(password, settings.bcrypt_rounds),
    )
    session.add(user)
    try:
        session.flush()
        ledger.append(session, user.id, SIGN_UP_GRANT, LedgerKind.grant, note="welcome credits")
        session.commit()
    except IntegrityError:  # a concurrent sign-up with the same email won the race
        session.rollback()
        raise Conflict("an account with this email already exists; sign in instead") from None
    return user


def log_in(session: Session, settings: FarmSettings, email: str, password: str, address: str) -> TokenPair:
    begin_write(session)
    email = normalise_email(email)
    throttle.check(session, settings, email, address)
    user = session.scalar(select(User).where(User.email == email))
    matches = security.verify_password(password, user.password_hash if user else _dummy_hash(settings.bcrypt_rounds))
    succeeded = bool(user is not None and matches and user.is_active)
    throttle.record(session, email, address, succeeded)
    if not succeeded or user is None:
        session.commit()  # the failure must count even though the request fails
        raise Unauthorized(WRONG_CREDENTIALS)
    if security.hash_cost(user.password_hash) < settings.bcrypt_rounds:
        user.password_hash = security.hash_password(password, settings.bcrypt_rounds)
    pair = _issue(session, settings, user)
    session.commit()
    return pair


def _revoke_family(session: Session, family_id: uuid.UUID) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def refresh(session: Session, settings: FarmSettings, token: str) -> TokenPair:
    """Exchange a refresh token for a new pair. A token is good for one exchange: presenting one
    that was already exchanged means it leaked, so its whole family is revoked."""
    begin_write(session)
    row = session.scalar(select(RefreshToken).where(RefreshToken.jti_hash == security.refresh_token_digest(token)))
    now = utcnow()
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise Unauthorized("refresh token is not valid; sign in again")
    claimed = session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == row.id, RefreshToken.used_at.is_(None), RefreshToken.revoked_at.is_(None))
        .values(used_at=now)
    ).rowcount  # type: ignore[attr-defined]
    if not claimed:
        _revoke_family(session, row.family_id)
        session.commit()
        raise Unauthorized("refresh token was already used; every session it started is now signed out")
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("refresh token is not valid; sign in again")
    pair = _issue(session, settings, user, family_id=row.family_id, parent_id=row.id)
    session.commit()
    return pair


def log_out(session: Session, token: str) -> uuid.UUID | None:
    """End the refresh token's sign-in session: its refresh tokens and, at once, every access token
    issued with them. Returns whose session it was (None for a token nobody has: logging out
    always succeeds)."""
    begin_write(session)
    row = session.scalar(select(RefreshToken).where(RefreshToken.jti_hash == security.refresh_token_digest(token)))
    user_id = None
    if row is not None:
        _revoke_family(session, row.family_id)
        user_id = row.user_id
    session.commit()
    return user_id


def session_is_live(session: Session, user_id: uuid.UUID, session_id: uuid.UUID | None) -> bool:
    """Whether a token's sign-in session is still on: some refresh token of it is not revoked."""
    if session_id is None:  # a token made without one (tests); the token version still guards it
        return True
    live = exists().where(
        RefreshToken.family_id == session_id, RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None)
    )
    return bool(session.scalar(select(live)))


def change_password(
    session: Session, settings: FarmSettings, user_id: uuid.UUID, current: str, new: str, address: str
) -> TokenPair:
    """Set a new password, sign out every session (refresh tokens and access tokens alike) and
    return a fresh pair for the caller. A wrong current password counts as a failed sign-in."""
    begin_write(session)
    user = session.get(User, user_id)
    if user is None:
        raise Unauthorized("sign in again")
    throttle.check(session, settings, user.email, address)
    if not security.verify_password(current, user.password_hash):
        throttle.record(session, user.email, address, False)
        session.commit()
        raise InvalidInput("current_password: this is not your current password")
    security.check_password_policy(new, user.email)
    if current == new:
        raise InvalidInput("new_password: choose a password different from the current one")
    user.password_hash = security.hash_password(new, settings.bcrypt_rounds)
    user.token_version += 1
    user.password_changed_at = utcnow()
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user.id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    pair = _issue(session, settings, user)
    session.commit()
    return pair


def authenticate(session: Session, settings: FarmSettings, token: str) -> User:
    """The user an access token speaks for; 401 if it is expired, forged or revoked."""
    claims = security.decode_access_token(token, settings.jwt_signing_key)
    user = session.get(User, claims.user_id)
    if user is None or not user.is_active or user.token_version != claims.token_version:
        raise Unauthorized("access token revoked; sign in again")
    if not session_is_live(session, user.id, claims.session_id):
        raise Unauthorized("signed out; sign in again")
    return user


def credit_balance(session: Session, user_id: uuid.UUID) -> int:
    return ledger.balance(session, user_id)
