"""Proxy headers are believed only from the proxies the operator names (``TRUSTED_PROXIES``):
by default a client on the API's own host cannot claim other addresses to get round the
per-address sign-in limit. Run as an operator runs it: ``aistudio-farm api`` over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from farm_stack import free_port

from render_farm.server.settings import FarmSettings

ADDRESS_LIMIT = 5


@contextmanager
def farm_api(home: Path, **settings: str) -> Iterator[str]:
    keep = {k: v for k, v in os.environ.items() if not k.upper().startswith(("DATABASE_", "JWT_", "TRUSTED_"))}
    env = {
        **keep,
        "AISTUDIO_FARM_HOME": str(home),
        "BCRYPT_ROUNDS": "4",
        "ALLOW_WEAK_BCRYPT_FOR_TESTS": "true",
        "LOGIN_MAX_FAILURES_PER_ADDRESS": str(ADDRESS_LIMIT),
        **settings,
    }
    cli = [sys.executable, "-m", "render_farm.server.cli"]
    subprocess.run([*cli, "migrate"], env=env, check=True, capture_output=True, timeout=120)
    port = free_port()
    process = subprocess.Popen(
        [*cli, "api", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "the API did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def spray(url: str, claimed: list[str]) -> list[int]:
    """One failed sign-in per claimed address, each for another account; the statuses."""
    statuses = []
    for address in claimed:
        response = httpx.post(
            f"{url}/auth/login",
            json={"email": f"victim-{uuid.uuid4().hex[:8]}@example.com", "password": "a wrong password"},
            headers={"X-Forwarded-For": address},
            timeout=30,
        )
        statuses.append(response.status_code)
    return statuses


def test_by_default_a_client_cannot_claim_other_addresses(tmp_path: Path) -> None:
    claimed = [f"203.0.113.{n}" for n in range(1, 31)]
    with farm_api(tmp_path) as url:
        statuses = spray(url, claimed)
    assert statuses[:ADDRESS_LIMIT] == [401] * ADDRESS_LIMIT
    assert 429 in statuses[ADDRESS_LIMIT : ADDRESS_LIMIT + 2], statuses  # one address, however many it claims


def test_a_named_proxy_passes_on_the_clients_address(tmp_path: Path) -> None:
    with farm_api(tmp_path, TRUSTED_PROXIES="127.0.0.1") as url:
        different = spray(url, [f"203.0.113.{n}" for n in range(1, 11)])
        same = spray(url, ["198.51.100.7"] * (ADDRESS_LIMIT + 2))
    assert different == [401] * 10  # each client is counted as itself
    assert same[:ADDRESS_LIMIT] == [401] * ADDRESS_LIMIT and 429 in same[ADDRESS_LIMIT:]


@pytest.mark.parametrize("value", ["*", "proxy.example.com", "10.0.0.300"])
def test_trusted_proxies_must_name_addresses_or_networks(tmp_path: Path, value: str) -> None:
    with pytest.raises(ValueError, match="TRUSTED_PROXIES"):
        FarmSettings(farm_home=tmp_path, trusted_proxies=value)
    assert FarmSettings(farm_home=tmp_path, trusted_proxies=" 10.0.0.5, 10.1.0.0/16 ").trusted_proxies == (
        "10.0.0.5,10.1.0.0/16"
    )
