"""Where the farm sign-in is kept: the OS keyring, or (when the user opts in) memory only.

The access and refresh tokens for a farm are stored together as one keyring entry under the
service ``aistudio-farm`` with the farm's URL as the user name. Where the keyring has no usable
backend (a headless Linux box without a secret service), :class:`KeyringTokens` raises a
:class:`TokenStoreError` that says so and what to do; the sign-in dialog then offers
:class:`SessionTokens`, which keeps the sign-in in memory until the app closes. Tokens are never
written to a settings file.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass
from typing import Protocol

import keyring
import keyring.backends.fail
import keyring.errors

KEYRING_SERVICE = "aistudio-farm"

NO_KEYRING = (
    "This system has no usable keyring{detail}, so AI Studio cannot keep your farm sign-in safely. "
    "Install and unlock a keyring such as GNOME Keyring or KWallet, or choose to stay signed in "
    "only until AI Studio closes."
)


class TokenStoreError(RuntimeError):
    """The OS keyring cannot be used; the message says what the user can do instead."""


@dataclass(frozen=True)
class Tokens:
    """A signed-in farm session: the short-lived access token and the refresh token that renews it."""

    email: str
    access_token: str
    refresh_token: str
    access_expires_at: float  # seconds since the epoch, by this machine's clock

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Tokens | None:
        try:
            data = json.loads(text)
            return cls(
                email=str(data["email"]),
                access_token=str(data["access_token"]),
                refresh_token=str(data["refresh_token"]),
                access_expires_at=float(data["access_expires_at"]),
            )
        except (ValueError, KeyError, TypeError):
            return None  # an entry from another version: treated as signed out


class TokenStore(Protocol):
    remembers: bool

    def load(self, farm_url: str) -> Tokens | None: ...

    def save(self, farm_url: str, tokens: Tokens) -> None: ...

    def clear(self, farm_url: str) -> None: ...


def keyring_problem() -> str:
    """'' when the OS keyring can be used, else the message to show."""
    try:
        backend = keyring.get_keyring()
    except Exception as error:  # a broken keyring configuration must not stop the app
        return NO_KEYRING.format(detail=f" ({type(error).__name__})")
    if isinstance(backend, keyring.backends.fail.Keyring):
        return NO_KEYRING.format(detail="")
    return ""


class KeyringTokens:
    """Tokens in the OS keyring, one entry per farm URL."""

    remembers = True

    def _backend(self) -> keyring.backend.KeyringBackend:
        problem = keyring_problem()
        if problem:
            raise TokenStoreError(problem)
        return keyring.get_keyring()

    def load(self, farm_url: str) -> Tokens | None:
        try:
            text = self._backend().get_password(KEYRING_SERVICE, farm_url)
        except keyring.errors.KeyringError as error:
            raise TokenStoreError(NO_KEYRING.format(detail=f" ({type(error).__name__})")) from None
        return Tokens.from_json(text) if text else None

    def save(self, farm_url: str, tokens: Tokens) -> None:
        try:
            self._backend().set_password(KEYRING_SERVICE, farm_url, tokens.to_json())
        except keyring.errors.KeyringError as error:
            raise TokenStoreError(NO_KEYRING.format(detail=f" ({type(error).__name__})")) from None

    def clear(self, farm_url: str) -> None:
        try:
            self._backend().delete_password(KEYRING_SERVICE, farm_url)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was stored
        except keyring.errors.KeyringError as error:
            raise TokenStoreError(NO_KEYRING.format(detail=f" ({type(error).__name__})")) from None


class SessionTokens:
    """Tokens kept in memory only: the sign-in ends when the app closes (the user's explicit choice)."""

    remembers = False

    def __init__(self) -> None:
        self._tokens: dict[str, Tokens] = {}
        self._lock = threading.Lock()

    def load(self, farm_url: str) -> Tokens | None:
        with self._lock:
            return self._tokens.get(farm_url)

    def save(self, farm_url: str, tokens: Tokens) -> None:
        with self._lock:
            self._tokens[farm_url] = tokens

    def clear(self, farm_url: str) -> None:
        with self._lock:
            self._tokens.pop(farm_url, None)
