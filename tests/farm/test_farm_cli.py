"""``aistudio-farm`` and the settings it reads, as an operator runs them."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from render_farm.server.settings import FarmSettings


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k.upper() not in {"DATABASE_URL", "JWT_SECRET", "BCRYPT_ROUNDS"}}
    return subprocess.run(
        [sys.executable, "-m", "render_farm.server.cli", *args],
        capture_output=True,
        text=True,
        env={**clean, **env},
        timeout=120,
    )


def test_migrate_creates_the_embedded_database_in_the_farm_home(tmp_path: Path) -> None:
    result = run("migrate", env={"AISTUDIO_FARM_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "farm.db").is_file()
    assert "up to date" in result.stdout


def test_unreachable_database_is_one_line_without_password(tmp_path: Path) -> None:
    url = "postgresql://farm:hunter2-secret@127.0.0.1:1/farm"
    result = run("migrate", env={"AISTUDIO_FARM_HOME": str(tmp_path), "DATABASE_URL": url})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aistudio-farm: cannot reach the database")
    assert "hunter2" not in result.stderr


def test_weak_bcrypt_outside_tests_is_refused(tmp_path: Path) -> None:
    result = run("migrate", env={"AISTUDIO_FARM_HOME": str(tmp_path), "BCRYPT_ROUNDS": "10"})
    assert result.returncode == 2 and "BCRYPT_ROUNDS must be at least 12" in result.stderr


def test_generated_jwt_secret_is_private_stable_and_never_shown(tmp_path: Path) -> None:
    settings = FarmSettings(farm_home=tmp_path)
    key = settings.jwt_signing_key
    secret_file = tmp_path / "jwt_secret"
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert len(key) >= 32 and FarmSettings(farm_home=tmp_path).jwt_signing_key == key
    assert key not in repr(settings) and key not in str(settings.model_dump())


def test_database_urls_are_normalised_to_psycopg(tmp_path: Path) -> None:
    settings = FarmSettings(farm_home=tmp_path, database_url="postgres://u@db:5432/farm")
    assert settings.database_url == "postgresql+psycopg://u@db:5432/farm"
    assert FarmSettings(farm_home=tmp_path).database_url == f"sqlite:///{tmp_path / 'farm.db'}"
