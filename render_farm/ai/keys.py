"""API keys for the HTTP providers: read from the environment first, else from the OS keyring.

Keys are stored in the OS keyring under the service name ``aistudio`` with the provider's name
(``"openai-compatible"``) as the user name. They are never written to a settings file, and never
fall back to one: where the keyring has no usable backend (a headless Linux box without a secret
service), a :class:`KeyStoreError` says how to use the environment variable instead.
"""

from __future__ import annotations

import os

import keyring
import keyring.backends.fail
import keyring.errors

KEYRING_SERVICE = "aistudio"
DEFAULT_ENV_VAR = "AISTUDIO_API_KEY"

__all__ = ["DEFAULT_ENV_VAR", "KEYRING_SERVICE", "KeyStoreError", "delete_api_key", "get_api_key", "set_api_key"]


class KeyStoreError(RuntimeError):
    """The OS keyring cannot be used; the message says how to provide the key instead."""


def _no_keyring(action: str, env_var: str, detail: str = "") -> KeyStoreError:
    reason = f" ({detail})" if detail else ""
    return KeyStoreError(
        f"cannot {action} the API key: this system has no usable keyring{reason}. "
        f"Set the environment variable {env_var} to the key instead (for example in the shell profile "
        f"or the service's environment), or install and unlock a keyring such as GNOME Keyring or KWallet."
    )


def _backend(action: str, env_var: str) -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    if isinstance(backend, keyring.backends.fail.Keyring):
        raise _no_keyring(action, env_var)
    return backend


def get_api_key(service: str, env_var: str = DEFAULT_ENV_VAR) -> str | None:
    """The key for ``service``: ``env_var`` if set, else the keyring's entry, else None.

    Raises :class:`KeyStoreError` when the variable is unset and there is no usable keyring.
    """
    value = os.environ.get(env_var, "").strip()
    if value:
        return value
    backend = _backend("read", env_var)
    try:
        stored = backend.get_password(KEYRING_SERVICE, service)
    except keyring.errors.KeyringError as error:
        raise _no_keyring("read", env_var, type(error).__name__) from None
    return stored or None


def set_api_key(service: str, key: str, env_var: str = DEFAULT_ENV_VAR) -> None:
    """Store ``key`` for ``service`` in the OS keyring."""
    key = key.strip()
    if not key:
        raise ValueError("the API key is empty")
    backend = _backend("store", env_var)
    try:
        backend.set_password(KEYRING_SERVICE, service, key)
    except keyring.errors.KeyringError as error:
        raise _no_keyring("store", env_var, type(error).__name__) from None


def delete_api_key(service: str, env_var: str = DEFAULT_ENV_VAR) -> bool:
    """Remove the stored key for ``service``; False when there was none."""
    backend = _backend("delete", env_var)
    try:
        backend.delete_password(KEYRING_SERVICE, service)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as error:
        raise _no_keyring("delete", env_var, type(error).__name__) from None
    return True
