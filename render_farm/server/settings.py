"""Farm configuration, read from the environment by pydantic-settings.

Every value has an embedded default that needs no other server: a SQLite file, a filesystem
broker and a local storage folder, all under the farm home (``AISTUDIO_FARM_HOME``, else the
platform's user data folder). Production points ``DATABASE_URL``, ``BROKER_URL``, ``S3_*`` and
``SMTP_*`` at real services. ``JWT_SECRET`` is generated once and kept in the farm home with
0600 permissions when it is not given; it is a ``SecretStr`` so it never shows up in logs or reprs.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from functools import cached_property
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MIN_BCRYPT_ROUNDS = 12
MIN_TEST_BCRYPT_ROUNDS = 4
JWT_SECRET_FILE = "jwt_secret"
MIN_JWT_SECRET_CHARS = 32


def default_farm_home() -> Path:
    return Path(user_data_dir("aistudio-farm", appauthor=False))


def normalise_database_url(url: str) -> str:
    """Accept the URLs people paste (``postgres://``, ``postgresql://``) and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def read_or_create_secret(path: Path) -> str:
    """Read the secret at ``path``, creating it (0600, atomically, never overwriting) if missing."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    return value


class FarmSettings(BaseSettings):
    """Everything the farm reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False, populate_by_name=True)

    farm_home: Path = Field(
        default_factory=default_farm_home, validation_alias=AliasChoices("AISTUDIO_FARM_HOME", "farm_home")
    )
    database_url: str = ""
    broker_url: str = ""
    result_backend: str = ""

    s3_endpoint_url: str = ""
    s3_public_endpoint_url: str = ""
    """The store's address as users' browsers reach it, for download links (default: S3_ENDPOINT_URL).
    Inside a container network the farm may reach the store by a name no client can resolve."""
    s3_bucket: str = ""
    s3_region: str = "us-east-1"
    aws_access_key_id: str = ""
    aws_secret_access_key: SecretStr = SecretStr("")

    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_from: str = "AI Studio <no-reply@localhost>"
    smtp_starttls: bool = False

    jwt_secret: SecretStr = SecretStr("")
    access_token_minutes: int = Field(default=15, ge=1, le=60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    bcrypt_rounds: int = Field(default=MIN_BCRYPT_ROUNDS, ge=MIN_TEST_BCRYPT_ROUNDS, le=16)
    allow_weak_bcrypt_for_tests: bool = False

    login_window_minutes: int = Field(default=15, ge=1)
    login_max_failures_per_account: int = Field(default=5, ge=1)
    login_max_failures_per_address: int = Field(default=20, ge=1)
    login_lockout_base_seconds: int = Field(default=30, ge=1)
    login_lockout_max_seconds: int = Field(default=900, ge=1)

    max_upload_bytes: int = Field(default=50 * 1024 * 1024, ge=1024)
    max_bundle_files: int = Field(default=500, ge=1)
    max_bundle_uncompressed_bytes: int = Field(default=200 * 1024 * 1024, ge=1024)

    public_url: str = "http://127.0.0.1:8000"
    trusted_proxies: str = ""
    """Comma-separated addresses or networks (``10.0.0.5``, ``10.0.0.0/24``) of the reverse proxies
    in front of the API. Only a request from one of them may say, in ``X-Forwarded-For`` and
    ``X-Forwarded-Proto``, whom it came from; empty (the default) believes nobody, so every client
    is known by the address it connects from (what sign-in throttling counts per address)."""

    render_preset: str = Field(default="final", validation_alias=AliasChoices("FARM_RENDER_PRESET", "render_preset"))
    """The engine preset final renders use (``final``; ``preview`` or ``hd`` for quick trial farms)."""
    render_size: str = Field(
        default="",
        pattern=r"^$|^[0-9]{2,5}x[0-9]{2,5}$",
        validation_alias=AliasChoices("FARM_RENDER_SIZE", "render_size"),
    )
    """``WIDTHxHEIGHT`` overriding the preset's picture size (even numbers); empty keeps the preset's."""
    task_max_attempts: int = Field(default=3, ge=1, le=20)
    """How many times a scene or assembly may start before the job fails (crashes and stalls count)."""
    task_heartbeat_seconds: float = Field(default=5.0, gt=0)
    task_stall_seconds: float = Field(default=120.0, gt=0)
    """A running task whose heartbeat is older than this is taken back and queued again."""
    task_requeue_seconds: float = Field(default=900.0, gt=0)
    """A queued task not started for this long is published again (its message may have been lost)."""
    task_time_limit_seconds: int = Field(default=3600, ge=10)
    """Hard limit on one scene or assembly; the broker's visibility timeout is set above it."""
    dispatch_interval_seconds: float = Field(default=0.5, gt=0)
    """How often the outbox relay and the reaper look for work."""
    download_link_seconds: int = Field(default=3600, ge=60, le=7 * 24 * 3600)
    payment_provider: str = ""  # "" = no purchases; "test" = paid on the farm itself (development only)
    payment_webhook_secret: SecretStr = SecretStr("")  # signs provider webhooks; generated in the farm home when unset

    @field_validator("trusted_proxies")
    @classmethod
    def _proxy_addresses(cls, value: str) -> str:
        entries = [entry.strip() for entry in value.split(",") if entry.strip()]
        for entry in entries:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise ValueError(
                    f"TRUSTED_PROXIES: {entry!r} is not an IP address or network; name each proxy "
                    "(e.g. 10.0.0.5 or 10.0.0.0/24), or leave it empty when no proxy is in front"
                ) from None
        return ",".join(entries)

    @model_validator(mode="after")
    def _fill_defaults(self) -> FarmSettings:
        if self.bcrypt_rounds < MIN_BCRYPT_ROUNDS and not self.allow_weak_bcrypt_for_tests:
            raise ValueError(
                f"BCRYPT_ROUNDS must be at least {MIN_BCRYPT_ROUNDS} "
                "(lower costs are only for test suites that set ALLOW_WEAK_BCRYPT_FOR_TESTS)"
            )
        secret = self.jwt_secret.get_secret_value()
        if secret and len(secret) < MIN_JWT_SECRET_CHARS:
            raise ValueError(f"JWT_SECRET must be at least {MIN_JWT_SECRET_CHARS} characters (or leave it unset)")
        home = self.farm_home.expanduser()
        self.farm_home = home
        self.database_url = normalise_database_url(self.database_url or f"sqlite:///{home / 'farm.db'}")
        self.broker_url = self.broker_url or "filesystem://"
        self.result_backend = self.result_backend or f"file://{home / 'results'}"
        return self

    # -- derived values ------------------------------------------------------------------------

    @property
    def broker_folder(self) -> Path:
        """Folder of the serverless ``filesystem://`` broker (Celery's data_folder_in/out)."""
        return self.farm_home / "broker"

    @property
    def work_folder(self) -> Path:
        """Scratch space of the workers on this machine (scene renders, assembly)."""
        return self.farm_home / "work"

    @property
    def storage_folder(self) -> Path:
        """Local object storage used when no S3 bucket is configured."""
        return self.farm_home / "storage"

    @property
    def uses_s3(self) -> bool:
        return bool(self.s3_bucket)

    @property
    def proxy_options(self) -> dict[str, Any]:
        """uvicorn's options for proxy headers: read only from :attr:`trusted_proxies` (uvicorn by
        itself believes any request from 127.0.0.1, so a client on the API's own host could claim
        any address)."""
        if not self.trusted_proxies:
            return {"proxy_headers": False, "forwarded_allow_ips": ""}
        return {"proxy_headers": True, "forwarded_allow_ips": self.trusted_proxies}

    @cached_property
    def jwt_signing_key(self) -> str:
        """The JWT secret: the configured one, else the generated one in the farm home (read once)."""
        configured = self.jwt_secret.get_secret_value()
        if configured:
            return configured
        return read_or_create_secret(self.farm_home / JWT_SECRET_FILE)
