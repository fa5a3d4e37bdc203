"""The dispatcher: a loop that relays the outbox to the broker and runs the reaper.

It runs as a thread inside ``aistudio-farm worker`` (and ``aistudio-farm up``); several may run
at once on several machines, since the relay locks the rows it sends (SKIP LOCKED on PostgreSQL,
the write lock on SQLite) and the reaper changes tasks by compare-and-set.
"""

from __future__ import annotations

import logging
import threading
import time

from celery import Celery
from sqlalchemy.orm import Session, sessionmaker

from render_farm.server.services import outbox, reaper
from render_farm.server.settings import FarmSettings

from .app import publisher

log = logging.getLogger(__name__)
REAP_EVERY_SECONDS = 1.0
PURGE_EVERY_SECONDS = 3600.0


class Dispatcher:
    def __init__(self, settings: FarmSettings, factory: sessionmaker[Session], app: Celery) -> None:
        self.settings, self.factory = settings, factory
        self.publish = publisher(app)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="farm-dispatcher", daemon=True)

    def run_once(self, *, reap: bool = True) -> None:
        outbox.relay(self.factory, self.publish)
        if reap:
            reaper.reap(self.factory, self.settings)

    def _loop(self) -> None:
        last_reap = last_purge = 0.0
        while not self._stop.is_set():
            now = time.monotonic()
            try:
                due_reap = now - last_reap >= min(REAP_EVERY_SECONDS, self.settings.task_stall_seconds / 2)
                self.run_once(reap=due_reap)
                if due_reap:
                    last_reap = now
                if now - last_purge >= PURGE_EVERY_SECONDS:
                    reaper.purge(self.factory)
                    last_purge = now
            except Exception:  # the database or broker is away: log, wait, try again
                log.exception("dispatcher round failed; retrying")
            self._stop.wait(self.settings.dispatch_interval_seconds)

    def start(self) -> Dispatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
