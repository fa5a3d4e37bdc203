"""A whole farm for tests: the API in this process, real ``aistudio-farm worker`` processes, a real
broker (the embedded filesystem one, or Redis), local storage or S3 served by moto over HTTP.

Workers render with the preview preset at 320x180 and beat often, with a short stall time, so the
fault tests (a killed worker, a stopped broker) finish in seconds.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from farm_helpers import Account
from fastapi import FastAPI
from fastapi.testclient import TestClient

from render_farm.server.api import create_app
from render_farm.server.db import migrate
from render_farm.server.settings import FarmSettings

WORKER_ENV = {
    "FARM_RENDER_PRESET": "preview",
    "FARM_RENDER_SIZE": "320x180",
    "TASK_HEARTBEAT_SECONDS": "0.2",
    "TASK_STALL_SECONDS": "3",
    "TASK_REQUEUE_SECONDS": "30",
    "TASK_MAX_ATTEMPTS": "3",
    "DISPATCH_INTERVAL_SECONDS": "0.1",
    "BCRYPT_ROUNDS": "4",
    "ALLOW_WEAK_BCRYPT_FOR_TESTS": "true",
    "PUBLIC_URL": "http://testserver",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """``app`` served by uvicorn on a free port, in a thread; yields ``http://127.0.0.1:PORT``."""
    import threading

    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=3, lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


@dataclass
class Farm:
    env: dict[str, str]
    settings: FarmSettings
    app: FastAPI
    client: TestClient
    logs: Path
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start_worker(self, *, dispatcher: bool = True) -> subprocess.Popen[bytes]:
        log = (self.logs / f"worker-{len(self.workers) + 1}.log").open("ab")
        command = [sys.executable, "-m", "render_farm.server.cli", "worker", "--concurrency=1", "--loglevel=INFO"]
        if not dispatcher:
            command.append("--no-dispatcher")
        process = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.workers.append(process)
        return process

    def wait_ready(self, timeout: float = 60) -> None:
        """Until every worker started so far says it is ready to take tasks."""
        deadline = time.monotonic() + timeout
        while True:
            ready = sum(" ready." in path.read_text(errors="replace") for path in self.logs.glob("worker-*.log"))
            if ready >= len(self.workers):
                return
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
        parts = []
        for path in sorted(self.logs.glob("*.log")):
            parts.append(f"--- {path.name}\n" + path.read_text(errors="replace")[-3000:])
        return "\n".join(parts)

    def wait_for(
        self, account: Account, job_id: str, until: Callable[[dict[str, Any]], bool], timeout: float = 90
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            job = self.client.get(f"/renders/{job_id}", headers=account.headers).json()
            if until(job):
                return job
            if time.monotonic() > deadline:
                raise AssertionError(f"render {job_id} stuck at {job}\n{self.log_tail()}")
            time.sleep(0.1)

    def wait_done(self, account: Account, job_id: str, timeout: float = 90) -> dict[str, Any]:
        return self.wait_for(account, job_id, lambda job: job["state"] in ("success", "failed", "canceled"), timeout)

    def fetch(self, url: str) -> bytes:
        """The bytes behind a download link (the API's signed route, or S3 over HTTP)."""
        response = self.client.get(url) if url.startswith("http://testserver/") else httpx.get(url, timeout=30)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
        return response.content


@contextmanager
def running_farm(
    database_url: str, home: Path, *, broker_url: str = "", s3: dict[str, str] | None = None, workers: int = 2
) -> Iterator[Farm]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.upper().startswith(("S3_", "AWS_", "SMTP_", "BROKER"))},
        **WORKER_ENV,
        "AISTUDIO_FARM_HOME": str(home),
        "DATABASE_URL": database_url,
        "JWT_SECRET": "farm-test-" + uuid.uuid4().hex,
        "BROKER_URL": broker_url,
        **(s3 or {}),
    }
    values: dict[str, Any] = {
        key.lower(): value
        for key, value in env.items()
        if key in WORKER_ENV or key in {"DATABASE_URL", "JWT_SECRET", "BROKER_URL"} or key.startswith(("S3_", "AWS_"))
    }
    values["farm_home"] = home
    settings = FarmSettings(**values)
    migrate(settings)
    app = create_app(settings)
    logs = home / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    farm = Farm(env, settings, app, TestClient(app, base_url="http://testserver/api/v1"), logs)
    try:
        for _ in range(workers):
            farm.start_worker()
        farm.wait_ready()
        yield farm
    finally:
        farm.stop_workers()
        app.state.engine.dispose()


@contextmanager
def moto_s3(bucket: str = "films") -> Iterator[dict[str, str]]:
    """An S3 server (moto's server mode) on a free port, with ``bucket`` created; yields S3_* settings."""
    import boto3
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    env = {
        "S3_ENDPOINT_URL": endpoint,
        "S3_BUCKET": bucket,
        "S3_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "farm-test",
        "AWS_SECRET_ACCESS_KEY": "farm-test-secret",
    }
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="farm-test",
        aws_secret_access_key="farm-test-secret",
    ).create_bucket(Bucket=bucket)
    try:
        yield env
    finally:
        server.stop()


class RedisServer:
    """A private redis-server on a free port that the tests may stop and start again."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed"
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--save",
                "",
                "--appendonly",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
