"""``aistudio-farm up`` as an operator runs it, as real processes: it says once, plainly, where
the farm is and how to sign in (never the password itself), keeps Celery's banner and warnings
in its log unless ``--verbose``, and SIGTERM or SIGINT stops every process it started."""

from __future__ import annotations

import os
import queue
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from farm_stack import free_port

UP_LINE = "the farm is up at"
CELERY_BANNER = ("-------------- ", "[config]", ".> transport:")


def _children() -> dict[int, list[int]]:
    """Every live process's children, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def descendants(pid: int) -> set[int]:
    tree, found, todo = _children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for a parent to collect it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@dataclass
class UpProcess:
    process: subprocess.Popen[str]
    home: Path
    port: int
    lines: queue.Queue[str | None] = field(default_factory=queue.Queue)
    output: list[str] = field(default_factory=list)

    def read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, text: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            if text in line:
                return
        raise AssertionError(f"'{text}' never came; output:\n{''.join(self.output)[-4000:]}")

    @property
    def text(self) -> str:
        return "".join(self.output)


class Farms:
    """Starts ``aistudio-farm up`` in a farm home of its own; ends, by their ids, whatever a failed
    test left running."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.started: list[UpProcess] = []
        self.seen: set[int] = set()

    def start(self, *arguments: str) -> UpProcess:
        home = self.folder / f"farm-{len(self.started)}"
        port = free_port()
        keep = {
            k: v for k, v in os.environ.items() if not k.upper().startswith(("DATABASE_", "BROKER_", "S3_", "JWT_"))
        }
        keep.pop("PUBLIC_URL", None)
        env = {**keep, "AISTUDIO_FARM_HOME": str(home), "BCRYPT_ROUNDS": "4", "ALLOW_WEAK_BCRYPT_FOR_TESTS": "true"}
        process = subprocess.Popen(
            [sys.executable, "-m", "render_farm.server.cli", "up", "--port", str(port), "--workers", "2", *arguments],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        up = UpProcess(process, home, port)
        threading.Thread(target=up.read, daemon=True).start()
        self.started.append(up)
        return up

    def close(self) -> None:
        for up in self.started:
            for pid in [up.process.pid, *self.seen, *descendants(up.process.pid)]:
                if running(pid):
                    os.kill(pid, signal.SIGKILL)
            up.process.wait(timeout=30)


@pytest.fixture
def farms(tmp_path: Path) -> Iterator[Farms]:
    runner = Farms(tmp_path)
    yield runner
    runner.close()


def farm_processes(up: UpProcess, workers: int, timeout: float = 60) -> set[int]:
    """The processes ``up`` started, once its worker's pool is running (worker + one per render process)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = descendants(up.process.pid)
        if len(found) >= 1 + workers:
            return found
        time.sleep(0.2)
    raise AssertionError(f"the worker's pool did not start: {descendants(up.process.pid)}\n{up.text}")


def assert_all_stopped(up: UpProcess, children: set[int], signum: int) -> None:
    up.process.send_signal(signum)
    status = up.process.wait(timeout=60)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(running(pid) for pid in children):
        time.sleep(0.1)
    survivors = {pid for pid in children if running(pid)}
    assert not survivors, f"still running after {signal.Signals(signum).name}: {survivors}\n{up.text}"
    assert status == 128 + signum, up.text  # stopped by that signal, having stopped the rest first


def test_sigterm_stops_every_process_and_up_says_how_to_sign_in_without_the_password(farms: Farms) -> None:
    up = farms.start()
    up.wait_for(UP_LINE)
    children = farm_processes(up, workers=2)
    farms.seen |= children
    password_file = up.home / "admin_password"
    password = password_file.read_text().strip()
    tokens = httpx.post(
        f"http://127.0.0.1:{up.port}/api/v1/auth/login",
        json={"email": "admin@localhost.localdomain", "password": password},
        timeout=30,
    )
    assert tokens.status_code == 200, tokens.text  # the file holds the admin's password

    assert_all_stopped(up, children, signal.SIGTERM)

    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert password not in up.text
    assert f"sign in as admin@localhost.localdomain with the password in {password_file}" in up.text
    assert up.text.count(f"the farm is up at http://127.0.0.1:{up.port}/api/v1") == 1
    assert not any(mark in up.text for mark in CELERY_BANNER) and "Warning" not in up.text
    worker_log = (up.home / "logs" / "worker.log").read_text()
    assert any(mark in worker_log for mark in CELERY_BANNER)  # Celery's banner is kept, in the log


def test_sigint_stops_everything_and_verbose_shows_celery(farms: Farms) -> None:
    up = farms.start("--verbose")
    up.wait_for(UP_LINE)
    children = farm_processes(up, workers=2)
    farms.seen |= children
    deadline = time.monotonic() + 30
    while not any(mark in up.text for mark in CELERY_BANNER) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert any(mark in up.text for mark in CELERY_BANNER), up.text
    password = (up.home / "admin_password").read_text().strip()
    assert password not in up.text

    assert_all_stopped(up, children, signal.SIGINT)
