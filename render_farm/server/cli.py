"""The ``aistudio-farm`` command: ``up`` (the whole farm on one machine), and ``migrate``, ``api``
and ``worker`` to run the parts separately in production.

Each subcommand is one entry in :data:`COMMANDS` (a function that adds its arguments and a
function that runs it), so adding one is a few lines. Problems a user can fix (a database that
cannot be reached, a bad setting) print one line and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy.exc import OperationalError

from .errors import FarmError
from .settings import FarmSettings

EXIT_FAILED, EXIT_USAGE = 1, 2


@dataclass(frozen=True)
class Command:
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, FarmSettings], int]


def _no_arguments(_parser: argparse.ArgumentParser) -> None:
    pass


def _run_migrate(_args: argparse.Namespace, settings: FarmSettings) -> int:
    from .db import migrate, redacted_url

    migrate(settings)
    print(f"aistudio-farm: database is up to date ({redacted_url(settings.database_url)})")
    return 0


def _api_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--workers", type=int, default=1, help="API processes (default: 1)")


def _run_api(args: argparse.Namespace, settings: FarmSettings) -> int:
    import uvicorn

    from .http_protocol import PROTOCOL

    _check_database(settings)
    uvicorn.run(
        "render_farm.server.api:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        http=PROTOCOL,
        **settings.proxy_options,
    )
    return 0


def _worker_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--concurrency", type=int, default=1, help="render processes in this worker (default: 1)")
    parser.add_argument("--pool", choices=("prefork", "solo"), default="prefork", help="Celery pool (default: prefork)")
    parser.add_argument(
        "--no-dispatcher",
        action="store_true",
        help="do not relay the outbox or reap stalled tasks here (another process does)",
    )
    parser.add_argument("--loglevel", default="INFO")


def _check_database(settings: FarmSettings) -> None:
    from .db import make_engine
    from .db.session import redacted_url

    engine = make_engine(settings.database_url)
    try:
        with engine.connect():
            pass
    except OperationalError:
        raise SystemExit(
            f"aistudio-farm: cannot reach the database at {redacted_url(settings.database_url)}; "
            "check DATABASE_URL and that the server is running"
        ) from None
    finally:
        engine.dispose()


def _run_worker(args: argparse.Namespace, settings: FarmSettings) -> int:
    from .db import make_engine, session_factory
    from .worker import tasks  # the tasks and their app, configured from the environment like ``settings``
    from .worker.app import QUEUE
    from .worker.dispatcher import Dispatcher
    from .worker.watchdog import ConsumerWatchdog

    _check_database(settings)
    watchdog = ConsumerWatchdog(tasks.app)
    dispatcher = None
    if not args.no_dispatcher:
        dispatcher = Dispatcher(settings, session_factory(make_engine(settings.database_url)), tasks.app).start()
    try:
        tasks.app.worker_main(
            [
                "worker",
                f"--loglevel={args.loglevel}",
                f"--concurrency={max(1, args.concurrency)}",
                f"--pool={args.pool}",
                f"--queues={QUEUE}",
                f"--hostname=farm-{os.getpid()}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ]
        )
    finally:
        watchdog.stop()
        if dispatcher is not None:
            dispatcher.stop()
    return 0


def _up_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--workers", type=int, default=max(1, (os.cpu_count() or 2) // 2), help="worker processes (default: cores/2)"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="show the API's and the worker's logs, Celery's banner and warnings"
    )


def _run_up(args: argparse.Namespace, settings: FarmSettings) -> int:
    from .farm_up import run_up

    return run_up(args, settings)


COMMANDS: dict[str, Command] = {
    "up": Command(
        "run the whole farm on this machine: API, SQLite, local storage, embedded broker, workers",
        _up_arguments,
        _run_up,
    ),
    "migrate": Command("create or upgrade the database tables", _no_arguments, _run_migrate),
    "api": Command("serve the REST API with uvicorn", _api_arguments, _run_api),
    "worker": Command("render scenes and assemble films (Celery worker)", _worker_arguments, _run_worker),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aistudio-farm", description="The AI Studio render farm.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.add_arguments(sub.add_parser(name, help=command.help, description=command.help))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = FarmSettings()
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in error.errors())
        print(f"aistudio-farm: invalid settings: {problems}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[args.command].run(args, settings)
    except OperationalError as error:
        from .db.session import redacted_url

        reason = str(error.orig).strip().splitlines()[0] if error.orig else "connection failed"
        print(
            f"aistudio-farm: cannot reach the database at {redacted_url(settings.database_url)}: {reason}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    except FarmError as error:
        print(f"aistudio-farm: {error.detail}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
