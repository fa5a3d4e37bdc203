"""Following the farm's notification stream (server-sent events) on a background thread.

:class:`NotificationFollower` reconnects by itself (resuming after the last notification it
got) and says by ``live`` whether the stream is up, so the session can poll while it is not.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from aistudio_desktop.farm.client import FarmClient

RETRY_SECONDS = 2.0
QUIET_END_SECONDS = 0.5  # a stream the farm ends at once (an expired token) is not retried in a tight loop


class _Relay(QObject):
    notified = Signal(object)  # Notification
    live = Signal(bool)


class NotificationFollower:
    """One stream for one client; :meth:`stop` ends it (the thread may finish one read later)."""

    def __init__(self, client: FarmClient, last_id: str = "", retry_seconds: float = RETRY_SECONDS) -> None:
        self.relay = _Relay()  # no parent: it lives as long as the thread needs it
        self.notified = self.relay.notified
        self.live = self.relay.live
        self._client, self._last, self._retry = client, last_id, retry_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._follow, name="farm-notifications", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        for signal in (self.relay.notified, self.relay.live):
            signal.disconnect()

    def _tell(self, signal: Any, value: object) -> None:
        if not self._stop.is_set():
            signal.emit(value)  # from this thread: queued to the UI thread

    def _follow(self) -> None:
        while not self._stop.is_set():
            try:
                opened = lambda: self._tell(self.relay.live, True)  # noqa: E731
                for item in self._client.notification_stream(self._last, self._stop, opened=opened):
                    self._last = item.id
                    self._tell(self.relay.notified, item)
                self._stop.wait(QUIET_END_SECONDS)
            except Exception:  # a dropped stream is expected: the session polls until it is back
                self._tell(self.relay.live, False)
                self._stop.wait(self._retry)
