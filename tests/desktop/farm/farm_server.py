"""A real embedded farm for the desktop tests: the API served over HTTP by uvicorn on a free port
of 127.0.0.1, real ``aistudio-farm worker`` processes on the filesystem broker, SQLite and local
storage in a temporary folder, and the farm's test payment provider for buying credits. Workers
render with the preview preset at 320x180 so a two-scene film takes seconds. The API can be
stopped and started again on the same port (the farm going away and coming back) while the
workers keep running.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from render_farm.server.api import create_app
from render_farm.server.db import migrate
from render_farm.server.settings import FarmSettings

WORKER_ENV = {
    "FARM_RENDER_PRESET": "preview",
    "FARM_RENDER_SIZE": "320x180",
    "TASK_HEARTBEAT_SECONDS": "0.2",
    "TASK_STALL_SECONDS": "5",
    "TASK_REQUEUE_SECONDS": "30",
    "DISPATCH_INTERVAL_SECONDS": "0.1",
    "BCRYPT_ROUNDS": "4",
    "ALLOW_WEAK_BCRYPT_FOR_TESTS": "true",
}
PASSWORD = "a long test password 42"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveFarm:
    home: Path
    port: int
    env: dict[str, str]
    settings: FarmSettings
    app: Any
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    server: uvicorn.Server | None = None
    thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start_api(self) -> None:
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off", timeout_graceful_shutdown=1
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="farm-api", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "the farm's API did not start"
            time.sleep(0.02)

    def stop_api(self) -> None:
        if self.server is not None and self.thread is not None:
            self.server.should_exit = True
            self.thread.join(timeout=15)
            self.server = self.thread = None

    def start_worker(self) -> None:
        log = (self.home / "logs" / f"worker-{len(self.workers) + 1}.log").open("ab")
        command = [sys.executable, "-m", "render_farm.server.cli", "worker", "--concurrency=1", "--loglevel=INFO"]
        self.workers.append(
            subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        )

    def wait_workers_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while sum(" ready." in p.read_text(errors="replace") for p in (self.home / "logs").glob("worker-*.log")) < len(
            self.workers
        ):
            assert time.monotonic() < deadline, f"workers did not start\n{self.log_tail()}"
            time.sleep(0.1)

    def stop_workers(self) -> None:
        for process in self.workers:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.workers:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.workers.clear()

    def log_tail(self) -> str:
        return "\n".join(
            f"--- {p.name}\n" + p.read_text(errors="replace")[-2000:]
            for p in sorted((self.home / "logs").glob("*.log"))
        )

    # -- what a test checks on the farm's side, over its HTTP API ----------------------------

    def api(self, token: str = "") -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url + "/api/v1", headers=headers, timeout=20)

    def sign_up(self, email: str = "") -> tuple[str, str]:
        """A new account (100 credits); its email and an access token."""
        email = email or f"maker-{uuid.uuid4().hex[:10]}@example.com"
        with self.api() as api:
            assert api.post("/auth/signup", json={"email": email, "password": PASSWORD}).status_code == 201
            tokens = api.post("/auth/login", json={"email": email, "password": PASSWORD}).json()
        return email, str(tokens["access_token"])


@contextmanager
def live_farm(home: Path, workers: int = 2) -> Iterator[LiveFarm]:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.upper().startswith(("S3_", "AWS_", "SMTP_", "BROKER"))},
        **WORKER_ENV,
        "AISTUDIO_FARM_HOME": str(home),
        "DATABASE_URL": f"sqlite:///{home / 'farm.db'}",
        "JWT_SECRET": "desktop-farm-test-" + uuid.uuid4().hex,
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PAYMENT_PROVIDER": "test",  # credits are bought on the farm's own test checkout page
    }
    kept = {"DATABASE_URL", "JWT_SECRET", "PUBLIC_URL", "PAYMENT_PROVIDER"}
    values: dict[str, Any] = {k.lower(): v for k, v in env.items() if k in WORKER_ENV or k in kept}
    values["farm_home"] = home
    (home / "logs").mkdir(parents=True, exist_ok=True)
    settings = FarmSettings(**values)
    migrate(settings)
    farm = LiveFarm(home=home, port=port, env=env, settings=settings, app=create_app(settings))
    try:
        for _ in range(workers):
            farm.start_worker()
        farm.start_api()
        farm.wait_workers_ready()
        yield farm
    finally:
        farm.stop_api()
        farm.stop_workers()
        farm.app.state.engine.dispose()
