"""Render farm benchmark: scene spread over workers, and the status route under load.

1. The same six-scene film (written by the offline story writer) is rendered by a farm with one
   worker process and by a farm with two, each on the embedded defaults (SQLite, filesystem
   broker, local storage) in a fresh farm home, so no scene render is reused from a cache. The
   time is from submission to the job's success, as a user sees it; the speed-up is printed.
2. The status route (``GET /api/v1/renders/{id}``) of the API served by uvicorn (``--api-processes``
   of them) answers one request at a time, then 200 concurrent requests (one batch of 200 at
   once, repeated, each on its own kept-alive connection); p50 and p99 latency are printed.

Run:

    python benchmarks/farm_bench.py                     # preview preset (quick)
    python benchmarks/farm_bench.py --preset final      # the farm's real preset (slow)
    python benchmarks/farm_bench.py --api-processes 2   # the status route on two API processes
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

PASSWORD = "correct horse battery staple"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def six_scene_film(seconds: float) -> dict[str, Any]:
    from render_farm.ai.protocols import BreakdownRequest
    from render_farm.ai.registry import ProviderSettings, make_providers

    writer = make_providers(ProviderSettings()).writer
    film = writer.breakdown(BreakdownRequest(prompt="a lighthouse keeper befriends a whale", length=60, seed=7))
    data = film.model_dump(mode="json")
    while len(data["scenes"]) < 6:
        data["scenes"].append({**data["scenes"][-1], "id": f"extra-{len(data['scenes'])}"})
    data["scenes"] = data["scenes"][:6]
    for number, scene in enumerate(data["scenes"], start=1):
        scene["number"] = number
        scene["duration"] = seconds
    return data


class Farm:
    """API (uvicorn) and workers as separate processes, as ``aistudio-farm api`` / ``worker`` run them."""

    def __init__(self, home: Path, workers: int, preset: str, size: str, api_processes: int = 1) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/api/v1"
        self.env = {
            **os.environ,
            "AISTUDIO_FARM_HOME": str(home),
            "FARM_RENDER_PRESET": preset,
            "FARM_RENDER_SIZE": size,
            "PUBLIC_URL": f"http://127.0.0.1:{self.port}",
            "DISPATCH_INTERVAL_SECONDS": "0.1",
        }
        for name in ("DATABASE_URL", "BROKER_URL", "S3_BUCKET"):
            self.env.pop(name, None)
        cli = [sys.executable, "-m", "render_farm.server.cli"]
        subprocess.run([*cli, "migrate"], env=self.env, check=True, capture_output=True)
        self.log = (home / "api.log").open("ab")
        self.processes = [
            subprocess.Popen(
                [*cli, "api", "--port", str(self.port), "--workers", str(api_processes)],
                env=self.env,
                stdout=self.log,
                stderr=self.log,
            )
        ]
        for index in range(workers):
            command = [*cli, "worker", "--concurrency=1", "--loglevel=WARNING"]
            if index:
                command.append("--no-dispatcher")
            self.processes.append(
                subprocess.Popen(command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit("the API did not start")
        time.sleep(3)  # let the workers connect to the broker

    def close(self) -> None:
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def account(client: httpx.Client) -> dict[str, str]:
    email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
    client.post("/auth/signup", json={"email": email, "password": PASSWORD}).raise_for_status()
    tokens = client.post("/auth/login", json={"email": email, "password": PASSWORD}).raise_for_status().json()
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def top_up(home: Path, headers: dict[str, str], client: httpx.Client, credits: int) -> None:
    """Benchmarks need more than the sign-up credits: a ledger purchase entry, as a payment makes."""
    from sqlalchemy import select

    from render_farm.server.db import make_engine, session_factory
    from render_farm.server.db.models import LedgerKind, User
    from render_farm.server.services import ledger
    from render_farm.server.services.tx import begin_write
    from render_farm.server.settings import FarmSettings

    email = client.get("/auth/me", headers=headers).json()["email"]
    engine = make_engine(FarmSettings(farm_home=home).database_url)
    with session_factory(engine)() as session:
        begin_write(session)
        user_id = session.scalar(select(User.id).where(User.email == email))
        ledger.append(session, user_id, credits, LedgerKind.purchase, note="benchmark")
        session.commit()
    engine.dispose()


def render_once(
    workers: int, film: dict[str, Any], preset: str, size: str, api_processes: int = 1
) -> tuple[float, Farm, str, dict[str, str]]:
    home = Path(tempfile.mkdtemp(prefix=f"farm-bench-{workers}w-"))
    farm = Farm(home, workers, preset, size, api_processes)
    client = httpx.Client(base_url=farm.url, timeout=30)
    headers = account(client)
    top_up(home, headers, client, 1000)
    project = client.post("/projects", headers=headers, json={"name": "Bench"}).raise_for_status().json()["id"]
    client.post(f"/projects/{project}/versions", headers=headers, json=film).raise_for_status()
    started = time.perf_counter()
    job = (
        client.post(
            f"/projects/{project}/versions/1/renders", headers={**headers, "Idempotency-Key": uuid.uuid4().hex}, json={}
        )
        .raise_for_status()
        .json()
    )
    while job["state"] not in ("success", "failed", "canceled"):
        time.sleep(0.1)
        job = client.get(f"/renders/{job['id']}", headers=headers).json()
    elapsed = time.perf_counter() - started
    if job["state"] != "success":
        raise SystemExit(f"the render ended {job['state']}: {job['error']}")
    return elapsed, farm, job["id"], headers


class StatusClient:
    """A lean HTTP/1.1 keep-alive client for the status route: one prepared request, answers read
    by their Content-Length. On two shared cores httpx spends more CPU per request than the API
    does, so it would measure itself; this costs a few hundredths of a millisecond."""

    def __init__(self, url: str, job_id: str, headers: dict[str, str]) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        lines = [f"GET {parts.path}/renders/{job_id} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        self.request = ("\r\n".join(lines) + "\r\n\r\n").encode()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def get(self) -> float:
        """Seconds for one status call, from sending the request to the last byte of the answer."""
        assert self.reader is not None and self.writer is not None
        began = time.perf_counter()
        self.writer.write(self.request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")
        )
        body = await self.reader.readexactly(length)
        elapsed = time.perf_counter() - began
        if status != 200:
            raise SystemExit(f"the status route answered {status}: {body[:200]!r}")
        return elapsed

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


def single_latency(url: str, job_id: str, headers: dict[str, str], count: int = 200) -> float:
    """Median seconds of the status route answering one request at a time (its own cost)."""

    async def run() -> list[float]:
        client = StatusClient(url, job_id, headers)
        await client.connect()
        try:
            return [await client.get() for _ in range(count)]
        finally:
            await client.close()

    return statistics.median(asyncio.run(run()))


async def status_latency(url: str, job_id: str, headers: dict[str, str], concurrent: int, rounds: int) -> list[float]:
    """Latencies of ``rounds`` batches of ``concurrent`` simultaneous status calls, each client on
    its own kept-alive connection (connected and warmed up first, not timed)."""
    clients = [StatusClient(url, job_id, headers) for _ in range(concurrent)]
    await asyncio.gather(*(client.connect() for client in clients))
    try:
        await asyncio.gather(*(client.get() for client in clients))
        latencies: list[float] = []
        for _ in range(rounds):
            latencies += await asyncio.gather(*(client.get() for client in clients))
        return latencies
    finally:
        await asyncio.gather(*(client.close() for client in clients))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", default="preview", help="render preset (default: preview)")
    parser.add_argument("--size", default="", help="WIDTHxHEIGHT override (default: the preset's)")
    parser.add_argument("--scene-seconds", type=float, default=5.0)
    parser.add_argument("--concurrent", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--api-processes", type=int, default=1, help="uvicorn processes serving the API (default: 1)")
    args = parser.parse_args()

    film = six_scene_film(args.scene_seconds)
    results: dict[str, Any] = {"preset": args.preset, "scenes": 6, "scene_seconds": args.scene_seconds}
    one, farm, _, _ = render_once(1, film, args.preset, args.size)
    farm.close()
    print(f"6-scene film, 1 worker process:  {one:6.1f} s", flush=True)
    two, farm, job_id, headers = render_once(2, film, args.preset, args.size, args.api_processes)
    print(f"6-scene film, 2 worker processes: {two:6.1f} s  (speed-up {one / two:.2f}x)", flush=True)
    try:
        alone = single_latency(farm.url, job_id, headers) * 1000
        print(f"status route, one request at a time: p50 {alone:.1f} ms", flush=True)
        latencies = asyncio.run(status_latency(farm.url, job_id, headers, args.concurrent, args.rounds))
    finally:
        farm.close()
    ms = sorted(value * 1000 for value in latencies)
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    print(
        f"status route, {args.concurrent} concurrent requests x {args.rounds} rounds, "
        f"{args.api_processes} API process(es): p50 {p50:.1f} ms, p99 {p99:.1f} ms"
    )
    results.update(one_worker_s=round(one, 2), two_workers_s=round(two, 2), speedup=round(one / two, 2))
    results.update(status_alone_ms=round(alone, 1), status_p50_ms=round(p50, 1), status_p99_ms=round(p99, 1))
    results.update(cpus=os.cpu_count())
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
