"""Passwords, access tokens and refresh tokens: the cryptographic rules of farm auth (ASVS L2).

Passwords
    bcrypt with a cost of at least 12 (settings refuse less outside test suites). bcrypt reads only
    the first 72 bytes of its input, so every password is first reduced to a fixed 44-byte string:
    base64(HMAC-SHA256(key=PREHASH_KEY, password)). Two passwords that share their first 72 bytes
    therefore never match each other, and nothing is silently truncated. The HMAC key is a fixed,
    public domain separator, not a secret pepper: it makes the pre-hash unique to this service (so
    unsalted SHA-256 dumps from elsewhere cannot be matched against it) without adding a key whose
    loss would lock every user out. Policy: 12 to 128 characters, no composition rules, a short
    deny-list of the most common passwords.

Access tokens
    HS256 JWTs living ``ACCESS_TOKEN_MINUTES`` (15): ``sub`` (user id), ``iat``, ``exp``, ``jti``,
    ``type: access``, ``ver``, the user's token version, and ``sid``, the sign-in session (the
    family of refresh tokens it was issued with). Bumping the version (password change) invalidates
    every token issued before; signing out revokes the session, which ends its access tokens at
    once. Only HS256 is accepted when decoding (no ``none``).

Refresh tokens
    Opaque random strings; only their SHA-256 is stored (see ``services/users.py`` for rotation).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

import bcrypt
import jwt

from .db.base import utcnow
from .errors import InvalidInput, Unauthorized

PREHASH_KEY = b"aistudio-farm/password-prehash/v1"
MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 128
JWT_ALGORITHM = "HS256"
ACCESS = "access"

# The most common passwords of at least 12 characters in public breach corpora (and our own name).
COMMON_PASSWORDS = frozenset(
    {
        "123456789012",
        "1234567890123",
        "12345678910",
        "123456789abc",
        "aaaaaaaaaaaa",
        "abc123456789",
        "abcdefghijkl",
        "iloveyou1234",
        "password1234",
        "password12345",
        "passwordpassword",
        "password123456",
        "qwertyuiop12",
        "qwertyuiopas",
        "qwerty123456",
        "1q2w3e4r5t6y",
        "1qaz2wsx3edc",
        "zaq12wsxcde3",
        "letmein12345",
        "welcome12345",
        "administrator",
        "changeme1234",
        "aistudio1234",
        "aistudiofarm",
    }
)
_HASH_COST_RE = re.compile(r"^\$2[aby]\$(\d\d)\$")


def check_password_policy(password: str, email: str = "") -> None:
    """Raise :class:`InvalidInput` if ``password`` breaks the policy; the message says how to fix it."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidInput(f"password: use at least {MIN_PASSWORD_CHARS} characters (a short phrase works well)")
    if len(password) > MAX_PASSWORD_CHARS:
        raise InvalidInput(f"password: use at most {MAX_PASSWORD_CHARS} characters")
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(lowered)) <= 2:
        raise InvalidInput("password: this password is too common; choose another")
    if email and lowered == email.lower():
        raise InvalidInput("password: do not use your email address as your password")


def _prehash(password: str) -> bytes:
    digest = hmac.new(PREHASH_KEY, password.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest)


def hash_password(password: str, rounds: int) -> str:
    return bcrypt.hashpw(_prehash(password), bcrypt.gensalt(rounds=rounds)).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(_prehash(password), password_hash.encode("ascii"))
    except ValueError:  # a malformed stored hash never matches
        return False


def hash_cost(password_hash: str) -> int:
    """The bcrypt cost recorded in a hash (0 if it is not a bcrypt hash)."""
    match = _HASH_COST_RE.match(password_hash)
    return int(match.group(1)) if match else 0


# -- access tokens -----------------------------------------------------------------------------


VERIFIED_TOKENS_KEPT = 4096
"""Verified access tokens remembered per process (about a kilobyte each)."""


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    token_version: int
    jti: str
    expires_at: datetime
    session_id: uuid.UUID | None = None
    """The sign-in session the token belongs to; every token the farm issues has one."""


def create_access_token(
    user_id: uuid.UUID,
    token_version: int,
    key: str,
    minutes: int,
    now: datetime | None = None,
    *,
    session_id: uuid.UUID | None = None,
) -> str:
    """A signed access token for ``user_id`` in sign-in session ``session_id``; ``now`` lets tests
    mint tokens that already expired."""
    issued = now or utcnow()
    payload = {
        "sub": str(user_id),
        "iat": int(issued.timestamp()),
        "exp": int((issued + timedelta(minutes=minutes)).timestamp()),
        "jti": secrets.token_hex(16),
        "type": ACCESS,
        "ver": token_version,
    }
    if session_id is not None:
        payload["sid"] = str(session_id)
    return jwt.encode(payload, key, algorithm=JWT_ALGORITHM)


def decode_access_token(token: str, key: str) -> AccessClaims:
    """Verify signature, algorithm, expiry and shape; any failure is one and the same 401."""
    claims = _verified_claims(token, key)
    # A token verified earlier is remembered, so its expiry is checked again on every use
    # (expired once ``exp`` is reached, as PyJWT has it).
    if claims.expires_at <= utcnow():
        raise Unauthorized("access token expired; sign in again")
    return claims


@lru_cache(maxsize=VERIFIED_TOKENS_KEPT)
def _verified_claims(token: str, key: str) -> AccessClaims:
    """The claims of a token whose signature and shape are good. Clients poll with the same token
    for its whole life: remembering the answer (failures are never kept) spares the HMAC and JSON
    work on every call. Revocation is not affected: callers check the user's token version and
    that the token's session is not signed out."""
    try:
        payload = jwt.decode(
            token, key, algorithms=[JWT_ALGORITHM], options={"require": ["sub", "exp", "iat", "jti", "type"]}
        )
        if payload.get("type") != ACCESS or not isinstance(payload.get("ver"), int):
            raise jwt.InvalidTokenError("not an access token")
        sid = payload.get("sid")
        return AccessClaims(
            user_id=uuid.UUID(str(payload["sub"])),
            token_version=payload["ver"],
            jti=str(payload["jti"]),
            expires_at=datetime.fromtimestamp(payload["exp"], tz=utcnow().tzinfo),
            session_id=uuid.UUID(str(sid)) if sid is not None else None,
        )
    except (jwt.InvalidTokenError, ValueError, TypeError) as error:
        reason = "expired" if isinstance(error, jwt.ExpiredSignatureError) else "invalid"
        raise Unauthorized(f"access token {reason}; sign in again") from None


# -- refresh tokens ----------------------------------------------------------------------------


def new_refresh_token() -> tuple[str, str]:
    """A fresh opaque refresh token and the SHA-256 hex digest that is stored instead of it."""
    token = secrets.token_urlsafe(32)
    return token, refresh_token_digest(token)


def refresh_token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
