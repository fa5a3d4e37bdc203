"""The whole farm on one machine (``aistudio-farm up``): the API, the dispatcher and a Celery
worker process, started together and stopped together.

The worker runs in a process group of its own, so stopping the farm reaches every process the
worker started too (its prefork pool). SIGTERM (what ``kill``, systemd and Docker send) and SIGINT
(Ctrl+C) both stop the API, then the dispatcher, then send the worker SIGTERM and, once it has
ended or after :data:`STOP_GRACE_SECONDS`, SIGKILL to its whole group: a render cut short is
taken back by the reaper and runs again (tasks are acknowledged late). If the worker dies on its
own, the farm stops and says so.

What it prints is for a person: the address, where the data and logs are, and how to sign in
as the admin (whose generated password stays in a 0600 file in the farm home; it is never
printed). Celery's banner and warnings go to ``logs/worker.log`` unless ``--verbose``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from types import FrameType
from typing import IO, Any

from .settings import FarmSettings

ADMIN_EMAIL = "admin@localhost.localdomain"
ADMIN_FILE = "admin_password"
STOP_GRACE_SECONDS = 10.0
"""How long the worker has to finish its shutdown before its whole process group is killed."""
API_GRACE_SECONDS = 3
"""How long open connections (notification streams) may hold up the API's shutdown."""


class FarmStopped(SystemExit):
    """SIGTERM arrived: unwinds the farm like Ctrl+C does, then exits 128 + the signal."""


def _on_sigterm(signum: int, _frame: FrameType | None) -> None:
    raise FarmStopped(128 + signum)


def ensure_admin(settings: FarmSettings) -> tuple[str, Path, bool]:
    """The admin account's email, its password file and whether that file still holds its password;
    made on the first start with a random password kept 0600 in the farm home."""
    from sqlalchemy import select

    from .db import make_engine, session_factory
    from .db.models import User
    from .services import users
    from .settings import read_or_create_secret

    path = settings.farm_home / ADMIN_FILE
    engine = make_engine(settings.database_url)
    try:
        factory = session_factory(engine)
        with factory() as session:
            exists = session.scalar(select(User.id).where(User.email == ADMIN_EMAIL)) is not None
        if not exists:
            password = read_or_create_secret(path)
            with factory() as session:
                user = users.sign_up(session, settings, ADMIN_EMAIL, password, "Farm admin")
                user.is_admin = True
                session.commit()
    finally:
        engine.dispose()
    return ADMIN_EMAIL, path, path.is_file()


def _start_worker(
    settings: FarmSettings, workers: int, verbose: bool, log: IO[bytes] | None
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "AISTUDIO_FARM_HOME": str(settings.farm_home),
        "DATABASE_URL": settings.database_url,
        "BROKER_URL": settings.broker_url,
        "PUBLIC_URL": settings.public_url,
    }
    command = [
        sys.executable,
        "-m",
        "render_farm.server.cli",
        "worker",
        f"--concurrency={workers}",  # one Celery worker whose prefork pool has a render process per worker
        "--no-dispatcher",
        f"--loglevel={'INFO' if verbose else 'WARNING'}",
    ]
    # A session (and process group) of its own: the farm stops the worker and its pool as one, and
    # the terminal's Ctrl+C reaches only the farm, which stops the worker in order.
    return subprocess.Popen(
        command, env=env, start_new_session=True, stdout=log, stderr=None if log is None else subprocess.STDOUT
    )


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signum)


def stop_worker(process: subprocess.Popen[bytes], grace: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM to the worker (Celery's warm shutdown: its pool finishes or gives back what it runs),
    then SIGKILL to its whole process group, pool included, once it has ended or ``grace`` is up."""
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=grace)
    _signal_group(process, signal.SIGKILL)  # whatever is left of the group, had the worker left anything
    process.wait()


def _announce(url: str, settings: FarmSettings, workers: int, admin: tuple[str, Path, bool]) -> None:
    email, password_file, known = admin
    print(f"aistudio-farm: the farm is up at {url}/api/v1 (API docs: {url}/api/v1/docs)")
    print(f"aistudio-farm: {workers} worker process(es); data and logs in {settings.farm_home}")
    if known:
        print(f"aistudio-farm: sign in as {email} with the password in {password_file} (readable only by you)")
    else:
        print(f"aistudio-farm: sign in as {email} with the password it was given ({password_file} is gone)")
    print("aistudio-farm: Ctrl+C stops the farm")
    sys.stdout.flush()


def run_up(args: argparse.Namespace, settings: FarmSettings) -> int:
    import uvicorn

    from .api import create_app
    from .db import make_engine, migrate, session_factory
    from .worker.app import make_celery
    from .worker.dispatcher import Dispatcher

    verbose = bool(getattr(args, "verbose", False))
    if not verbose:
        warnings.simplefilter("ignore")  # Celery's and the libraries' warnings: in the log, or with --verbose
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    settings.farm_home.mkdir(parents=True, exist_ok=True)
    url = f"http://{args.host}:{args.port}"
    if not os.environ.get("PUBLIC_URL"):
        settings.public_url = url
    workers = max(1, args.workers)
    worker: subprocess.Popen[bytes] | None = None
    dispatcher: Dispatcher | None = None
    log: IO[bytes] | None = None
    try:
        migrate(settings)
        admin = ensure_admin(settings)
        if not verbose:
            (settings.farm_home / "logs").mkdir(exist_ok=True)
            log = (settings.farm_home / "logs" / "worker.log").open("ab")
        worker = _start_worker(settings, workers, verbose, log)
        dispatcher = Dispatcher(settings, session_factory(make_engine(settings.database_url)), make_celery(settings))
        dispatcher.start()
        config = uvicorn.Config(
            create_app(settings),
            host=args.host,
            port=args.port,
            log_level="info" if verbose else "warning",
            timeout_graceful_shutdown=API_GRACE_SECONDS,
            **settings.proxy_options,
        )
        server = uvicorn.Server(config)
        watcher = threading.Thread(
            target=_watch, args=(server, worker, url, settings, workers, admin), name="farm-up-watch", daemon=True
        )
        watcher.start()
        server.run()
        if worker.poll() is not None:
            print(f"aistudio-farm: the worker stopped (exit {worker.returncode}); see {_log_hint(settings, verbose)}")
            return 1
        return 0
    finally:
        # A second Ctrl+C or SIGTERM must not cut the stopping short and leave processes behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        try:
            if dispatcher is not None:
                dispatcher.stop()
            if worker is not None:
                stop_worker(worker)
            if log is not None:
                log.close()
        finally:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, previous)


def _log_hint(settings: FarmSettings, verbose: bool) -> str:
    return "the output above" if verbose else str(settings.farm_home / "logs" / "worker.log")


def _watch(
    server: Any,
    worker: subprocess.Popen[bytes],
    url: str,
    settings: FarmSettings,
    workers: int,
    admin: tuple[str, Path, bool],
) -> None:
    """Say the farm is up once the API listens; stop the API if the worker dies."""
    announced = False
    while not server.should_exit:
        if not announced and server.started:
            _announce(url, settings, workers, admin)
            announced = True
        if worker.poll() is not None:
            server.should_exit = True
            return
        time.sleep(0.2)
