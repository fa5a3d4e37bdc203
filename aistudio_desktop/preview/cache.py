"""The render cache on disk: a size cap and least-recently-used eviction.

Everything the desktop renders (scene previews, thumbnails, voice samples) lives under the
user's cache folder, named by content hash. An *entry* is the files that share a name up to
the first dot in one folder (``<key>.mp4`` and ``<key>.wav`` of a scene preview go together).
Using an entry touches its files' modification time, so the oldest time is the least recently
used; when the folder grows past its cap, whole entries go, oldest first, sparing the ones in
use. Only worker threads call into this (it walks the disk).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LIMIT = 2 * 1024**3  # bytes
SETTING = "cache/limit_mb"


@dataclass
class Entry:
    name: str  # folder/stem, relative to the cache root
    files: list[Path]
    size: int
    used: int  # newest modification time of its files, in ns


def limit_from_settings(settings: object) -> int:
    """The cap in bytes from the app's settings (``cache/limit_mb``), 2 GB by default."""
    value = getattr(settings, "value", lambda *_a: None)(SETTING)
    try:
        megabytes = float(value) if value not in (None, "") else DEFAULT_LIMIT / 1024**2
    except (TypeError, ValueError):
        megabytes = DEFAULT_LIMIT / 1024**2
    return max(64 * 1024**2, int(megabytes * 1024**2))


class RenderCache:
    """A folder of cached renders with a size cap (``limit`` bytes)."""

    def __init__(self, root: Path, limit: int = DEFAULT_LIMIT) -> None:
        self.root = Path(root)
        self.limit = limit
        self._lock = threading.Lock()
        self._clock = 0

    def _now(self) -> int:
        # strictly increasing, so two uses in the same clock tick still have an order
        with self._lock:
            self._clock = max(self._clock + 1, time.time_ns())
            return self._clock

    def touch(self, *paths: Path) -> None:
        """Mark files as just used."""
        stamp = self._now()
        for path in paths:
            with contextlib.suppress(OSError):  # gone already: nothing to keep fresh
                os.utime(path, ns=(stamp, stamp))

    def entries(self) -> list[Entry]:
        groups: dict[str, Entry] = {}
        if not self.root.is_dir():
            return []
        for folder, _dirs, names in os.walk(self.root):
            for name in names:
                path = Path(folder) / name
                try:
                    stat = path.stat()
                except OSError:
                    continue
                key = str(path.parent.relative_to(self.root) / name.split(".", 1)[0])
                entry = groups.setdefault(key, Entry(key, [], 0, 0))
                entry.files.append(path)
                entry.size += stat.st_size
                entry.used = max(entry.used, stat.st_mtime_ns)
        return list(groups.values())

    def size(self) -> int:
        return sum(entry.size for entry in self.entries())

    def evict(self, keep: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """Delete least-recently-used entries until the folder fits its cap; returns their names.

        ``keep`` holds stems (a scene key, ``thumbnail-<key>``) that must stay: the open film's
        previews and whatever is being rendered now.
        """
        entries = self.entries()
        total = sum(entry.size for entry in entries)
        removed: list[str] = []
        for entry in sorted(entries, key=lambda e: e.used):
            if total <= self.limit:
                break
            if Path(entry.name).name in keep:
                continue
            for path in entry.files:
                try:
                    path.unlink()
                except FileNotFoundError:
                    pass
                except OSError:
                    continue
            total -= entry.size
            removed.append(entry.name)
        return removed

    def clear(self, keep: set[str] | frozenset[str] = frozenset()) -> None:
        """Delete everything not in ``keep``."""
        limit, self.limit = self.limit, 0
        try:
            self.evict(keep)
        finally:
            self.limit = limit
