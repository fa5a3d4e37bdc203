"""``docker-compose.yml`` checked without Docker: every variable it gives the farm is a real farm
setting with a valid value, its commands parse with the farm's own command line, each farm
service waits for the database, broker and store it uses, the secret comes from the environment,
the links users get point at addresses they can reach, and the image builds from this checkout."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from pydantic import AliasChoices

from render_farm.server.cli import COMMANDS, build_parser
from render_farm.server.settings import MIN_JWT_SECRET_CHARS, FarmSettings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
PYPROJECT = ROOT / "pyproject.toml"
SECRET = "s" * MIN_JWT_SECRET_CHARS
READY = {"service_healthy", "service_completed_successfully"}
VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")


class MissingVariable(Exception):
    """Compose refuses to start: a ``${NAME:?message}`` variable is not set."""


def interpolate(value: str, environment: dict[str, str]) -> str:
    """Compose's ``${NAME}``, ``${NAME:-default}``, ``${NAME-default}`` and ``${NAME:?error}``."""

    def one(match: re.Match[str]) -> str:
        name, op, arg = match["name"], match["op"], match["arg"] or ""
        present = name in environment
        empty = not environment.get(name)
        if op in (":?", "?") and (not present or (op == ":?" and empty)):
            raise MissingVariable(f"{name}: {arg}")
        if op in (":-", "-") and (not present or (op == ":-" and empty)):
            return arg
        return environment.get(name, "")

    return VARIABLE.sub(one, value.replace("$$", "\0")).replace("\0", "$")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(document, dict) and isinstance(document.get("services"), dict)
    return document


def farm_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    services = {
        name: service
        for name, service in compose["services"].items()
        if isinstance(service.get("command"), list) and service["command"][:1] == ["aistudio-farm"]
    }
    assert set(services) >= {"migrate", "api", "worker"}
    return services


def environment(service: dict[str, Any], given: dict[str, str] | None = None) -> dict[str, str]:
    """The service's variables as compose would pass them, with ``given`` as the shell's."""
    shell = {"JWT_SECRET": SECRET} if given is None else given
    values = service.get("environment") or {}
    assert isinstance(values, dict), "write environment as a mapping"
    return {name: interpolate(str(value), shell) for name, value in values.items()}


def setting_names() -> set[str]:
    """Every environment variable FarmSettings reads (it reads them case-insensitively)."""
    names = set()
    for name, field in FarmSettings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(choice.upper() for choice in alias.choices if isinstance(choice, str))
        else:
            names.add((alias if isinstance(alias, str) else name).upper())
    return names


def test_every_variable_is_a_farm_setting_with_a_valid_value(
    compose: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    known = setting_names()
    for name, service in farm_services(compose).items():
        env = environment(service)
        unknown = sorted(set(env) - known)
        assert not unknown, f"{name}: {unknown} are not farm settings (see render_farm/server/settings.py)"
        for variable in known:  # only what compose passes, nothing from this machine
            monkeypatch.delenv(variable, raising=False)
            monkeypatch.delenv(variable.lower(), raising=False)
        for variable, value in env.items():
            monkeypatch.setenv(variable, value)
        settings = FarmSettings()
        assert settings.database_url.startswith("postgresql+psycopg://"), name
        assert settings.broker_url.startswith("redis://"), name
        assert settings.uses_s3 and settings.jwt_signing_key == SECRET, name


def test_jwt_secret_must_come_from_the_environment(compose: dict[str, Any]) -> None:
    for name, service in farm_services(compose).items():
        assert re.fullmatch(r"\$\{JWT_SECRET:\?[^}]+\}", str(service["environment"]["JWT_SECRET"])), name
        for shell in ({}, {"JWT_SECRET": ""}):
            with pytest.raises(MissingVariable, match="JWT_SECRET"):
                environment(service, shell)
    text = COMPOSE.read_text(encoding="utf-8")
    assert len(re.findall(r"^\s*JWT_SECRET:", text, re.MULTILINE)) == 1, "one definition, shared by every farm service"


def test_commands_are_farm_subcommands_with_valid_options(compose: dict[str, Any]) -> None:
    scripts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["aistudio-farm"] == "render_farm.extras:farm_main"  # which hands over to server.cli.main
    parser = build_parser()
    for name, service in farm_services(compose).items():
        argv = [str(part) for part in service["command"][1:]]
        try:
            args = parser.parse_args(argv)
        except SystemExit:
            pytest.fail(f"{name}: aistudio-farm refuses {shlex.join(argv)}")
        assert args.command in COMMANDS
        if args.command == "api":
            assert args.host == "0.0.0.0", "the API must listen beyond the container"
            published = [str(port).split(":") for port in service.get("ports", [])]
            assert [str(args.port)] in [ports[-1:] for ports in published], f"{name}: port {args.port} not published"
    assert {parser.parse_args(service["command"][1:]).command for service in farm_services(compose).values()} == {
        "migrate",
        "api",
        "worker",
    }


def ready_dependencies(compose: dict[str, Any], name: str) -> set[str]:
    """Services started, healthy or finished before ``name`` starts, directly or through others."""
    found: set[str] = set()
    pending = [name]
    while pending:
        depends = compose["services"][pending.pop()].get("depends_on") or {}
        assert isinstance(depends, dict), "write depends_on with conditions"
        for other, rule in depends.items():
            assert rule.get("condition") in READY, f"{other}: wait for it to be healthy or done"
            if other not in found:
                found.add(other)
                pending.append(other)
    return found


def test_services_wait_for_the_database_broker_and_store_they_use(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name, service in farm_services(compose).items():
        env = environment(service)
        used = (
            {"DATABASE_URL"}
            if service["command"][1] == "migrate"
            else {"DATABASE_URL", "BROKER_URL", "S3_ENDPOINT_URL"}
        )
        waits_for = ready_dependencies(compose, name)
        for variable in used:
            host = urlsplit(env[variable]).hostname
            assert host in services, f"{name}: {variable} names {host!r}, which is no service here"
            assert host in waits_for, f"{name} uses {host} ({variable}) but does not wait for it"
            assert "healthcheck" in services[host], f"{host} needs a healthcheck to be waited for"
        if service["command"][1] != "migrate":
            assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
            bucket = env["S3_BUCKET"]
            makers = [
                other for other in waits_for if f"/{bucket}" in " ".join(map(str, services[other].get("command", [])))
            ]
            assert makers, f"{name}: nothing it waits for creates the bucket {bucket!r}"


def test_links_users_get_point_at_addresses_they_can_reach(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name, service in farm_services(compose).items():
        env = environment(service)
        settings_links = {
            "PUBLIC_URL": env["PUBLIC_URL"],
            "download links": env.get("S3_PUBLIC_ENDPOINT_URL") or env["S3_ENDPOINT_URL"],
        }
        for what, url in settings_links.items():
            parts = urlsplit(url)
            assert parts.hostname not in services, f"{name}: {what} ({url}) only resolves inside the compose network"
            target = "api" if what == "PUBLIC_URL" else urlsplit(env["S3_ENDPOINT_URL"]).hostname
            published = [str(port).split(":")[0] for port in services[target].get("ports", [])]
            assert str(parts.port) in published, f"{name}: {what} uses port {parts.port}, not published by {target}"


def test_the_image_builds_from_this_checkout(compose: dict[str, Any]) -> None:
    build = compose["x-farm-image"]["build"]
    assert (ROOT / build["context"]).resolve() == ROOT
    lines = [line.strip() for line in build["dockerfile_inline"].splitlines()]
    for line in lines:
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), f"the image copies {source}, which is not in the checkout"
    extras = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    installs = [line for line in lines if "pip install" in line]
    assert installs and all(re.search(r'"\.\[(\w+)\]"', line) for line in installs)
    for line in installs:
        match = re.search(r'"\.\[(\w+)\]"', line)
        assert match and match[1] in extras, f"{line}: no such extra in pyproject.toml"
