"""Work off the UI thread: run a callable on a thread pool and get its answer back on the UI
thread (a queued signal), as a result or as the exception it raised, never as a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Finished = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    done = Signal(object, object)  # result, exception (None on success)


class _Call(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # every failure goes back to the UI thread, to be said there
            self.relay.done.emit(None, error)
        else:
            self.relay.done.emit(result, None)


class Background:
    """Runs calls on ``pool``; ``finished(result, error)`` is called on the thread that owns this."""

    def __init__(self, pool: QThreadPool) -> None:
        self.pool = pool
        self._relays: set[_Relay] = set()  # kept alive until their answer has been delivered

    def run(self, work: Callable[[], Any], finished: Finished) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def deliver(result: Any, error: BaseException | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            finished(result, error)

        relay.done.connect(deliver)
        self.pool.start(_Call(work, relay))
