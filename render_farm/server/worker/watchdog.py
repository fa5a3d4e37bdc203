"""A watchdog for the worker's consumer: reconnects it when it has stopped taking messages.

After a broker restart a Celery consumer can stay connected in name but never fetch again (the
socket it waited on was dropped while an acknowledgement failed). The watchdog sees this from the
outside: messages wait in the queue while this worker has a free pool slot, check after check.
It then raises a connection error inside the consumer's own event loop, which makes Celery do
what it does for any lost connection: reconnect and consume again.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from celery import Celery
from celery.signals import worker_ready
from celery.worker import state as worker_state

from .app import QUEUE

log = logging.getLogger(__name__)
CHECK_SECONDS = 2.0
STUCK_CHECKS = 3


def waiting_messages(app: Celery) -> int:
    """Messages waiting in the render queue (0 if the queue does not exist yet)."""
    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, timeout=3)
        with connection.channel() as channel:
            try:
                return int(channel.queue_declare(queue=QUEUE, passive=True).message_count)
            except Exception as error:  # not declared yet: nothing waits
                if isinstance(error, connection.connection_errors):
                    raise
                return 0


class ConsumerWatchdog:
    def __init__(self, app: Celery) -> None:
        self.app = app
        self.consumer: Any = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="consumer-watchdog", daemon=True)
        worker_ready.connect(self._on_ready, weak=False)

    def _on_ready(self, sender: Any = None, **_kwargs: Any) -> None:
        self.consumer = sender
        if not self._thread.is_alive():
            self._thread.start()

    def _free_slots(self) -> int:
        pool = getattr(self.consumer, "pool", None)
        size = int(getattr(pool, "num_processes", None) or 1)
        return size - len(worker_state.active_requests)

    def _reconnect(self) -> None:
        errors = tuple(getattr(self.consumer, "connection_errors", ()) or (ConnectionError,))
        error_class = ConnectionError if any(issubclass(ConnectionError, e) for e in errors) else errors[0]

        def fail() -> None:
            raise error_class("the consumer stopped taking messages; reconnecting")

        self.consumer.hub.call_soon(fail)

    def _loop(self) -> None:
        stuck = 0
        while not self._stop.wait(CHECK_SECONDS):
            if self.consumer is None or getattr(self.consumer, "hub", None) is None:
                continue
            try:
                waiting = waiting_messages(self.app)
            except Exception:  # the broker is away: the consumer's own retry handles that
                stuck = 0
                continue
            stuck = stuck + 1 if waiting and self._free_slots() > 0 else 0
            if stuck >= STUCK_CHECKS:
                log.warning("%d message(s) wait but this worker takes none; reconnecting its consumer", waiting)
                self._reconnect()
                stuck = 0

    def stop(self) -> None:
        self._stop.set()
