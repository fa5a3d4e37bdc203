"""Autosave: one background thread writes the newest version of the open project to the store.

The UI thread only hands over a reference to the edited (immutable) film; serialising and the
database transaction happen on the writer thread. Versions that arrive while a write is running
are coalesced: only the newest is written next, so a burst of typing costs a few writes, and a
kill loses at most the edit that was being written. Results come back as Qt signals, which Qt
delivers on the receiver's (UI) thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from aistudio_desktop.project.store import ProjectStore, StoreError
from render_farm.film import Film


class AutosaveWriter(QObject):
    """``saved(project_id, revision)`` after each write; ``failed(message)`` when one fails."""

    saved = Signal(str, int)
    failed = Signal(str)

    def __init__(self, store: ProjectStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pending: dict[str, Film] = {}
        self._busy = False
        self._closed = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="aistudio-autosave", daemon=True)
        self._thread.start()

    def submit(self, project_id: str, film: Film) -> None:
        """Queue ``film`` as the newest version of ``project_id``; returns at once."""
        with self._cond:
            if self._closed:
                return
            self._pending[project_id] = film
            self._cond.notify_all()

    @property
    def idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._busy

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued is written (quit, tests). True when nothing is left."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued, then stop the thread."""
        self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._closed)
                if not self._pending and self._closed:
                    return
                project_id, film = self._pending.popitem()
                self._busy = True
            try:
                revision = self.store.save(project_id, film)
            except StoreError as error:
                self.failed.emit(str(error))
            except Exception as error:  # keep the writer alive whatever happens; report it
                self.failed.emit(f"autosave failed: {error}")
            else:
                self.saved.emit(project_id, revision)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
