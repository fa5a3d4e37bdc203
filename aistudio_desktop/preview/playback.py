"""Frames for the timeline, and exports, made on worker threads.

:class:`FrameSource` answers "the picture at t seconds of the film": from the scene's cached
preview when it is rendered (decoded with PyAV, reading on from the last frame while playing and
seeking when scrubbing), otherwise drawn live by the engine at the preview preset, so scrubbing
works before any preview is ready. Requests coalesce: only the newest is served. :class:`Exporter`
writes the preview film (reusing every cached scene) or a still frame to a file.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import av
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from aistudio_desktop.preview.pictures import rgb_image
from aistudio_desktop.preview.renderer import PREVIEW, READY, PreviewRenderer
from render_farm.engine.film import render_film
from render_farm.engine.scene import SceneRenderer
from render_farm.film import Film


def scene_starts(film: Film) -> list[float]:
    """Where each scene starts in the film, in seconds (scenes overlap by their transitions)."""
    starts, t = [], 0.0
    for index, scene in enumerate(film.scenes):
        if index:
            t -= scene.transition_in.duration
        starts.append(round(t, 6))
        t += scene.duration
    return starts


def locate(starts: list[float], t: float) -> int:
    """The index of the scene on screen at ``t`` (the incoming one during a transition)."""
    return max(0, bisect_right(starts, t) - 1)


class _Decoder:
    """One open scene preview, decoding forward and seeking when asked to go back or far."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.container: Any = av.open(str(path))
        self.stream = self.container.streams.video[0]
        if self.stream.time_base is None:
            raise ValueError(f"{path.name}: the preview has no video time base")
        self.time_base = float(self.stream.time_base)
        self.frames: Iterator[Any] | None = None
        self.last: Any = None

    def frame_at(self, t: float) -> QImage:
        half = 0.5 / PREVIEW.fps
        if self.frames is None or self.last is None or t < self.last.time - half or t > self.last.time + 1.0:
            self.container.seek(max(0, int(t / self.time_base)), stream=self.stream, backward=True)
            self.frames = self.container.decode(self.stream)
            self.last = None
        assert self.frames is not None
        while self.last is None or self.last.time + half < t:
            try:
                self.last = next(self.frames)
            except StopIteration:
                if self.last is None:
                    raise
                break
        return rgb_image(self.last.to_ndarray(format="rgb24"))

    def close(self) -> None:
        self.container.close()


class FrameSource(QObject):
    """``frameReady(t, image, live)``: the picture at ``t``; ``live`` when drawn rather than decoded."""

    frameReady = Signal(float, QImage, bool)
    failed = Signal(str)

    def __init__(self, previews: PreviewRenderer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.previews = previews
        self._film: Film | None = None
        self._keys: list[str] = []
        self._starts: list[float] = []
        self._request: float | None = None
        self._cond = threading.Condition()
        self._closed = False
        self._decoder: _Decoder | None = None
        self._renderer: SceneRenderer | None = None
        self.served = 0
        self._thread = threading.Thread(target=self._run, name="aistudio-frames", daemon=True)
        self._thread.start()

    def set_film(self, film: Film, keys: list[str]) -> None:
        with self._cond:
            self._film, self._keys, self._starts = film, list(keys), scene_starts(film)

    def request(self, t: float) -> None:
        with self._cond:
            self._request = t
            self._cond.notify_all()

    @property
    def idle(self) -> bool:
        with self._cond:
            return self._request is None

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(10)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._closed or self._request is not None)
                if self._closed:
                    if self._decoder is not None:
                        self._decoder.close()
                    return
                t, film, keys, starts = self._request, self._film, self._keys, self._starts
            if film is None or t is None:
                with self._cond:
                    self._request = None
                continue
            image: QImage | None = None
            try:
                try:
                    image, live = self._frame(film, keys, starts, t)
                except (av.error.FFmpegError, OSError, StopIteration):  # a damaged cache file: draw it instead
                    self._decoder = None
                    image, live = self._draw(film, starts, t), True
            except Exception as error:  # the worker must outlive any one frame; the panel says what went wrong
                self.failed.emit(f"{type(error).__name__}: {error}")
            with self._cond:
                if self._request == t:
                    self._request = None
                self.served += 1
            if image is not None:
                self.frameReady.emit(t, image, live)

    def _frame(self, film: Film, keys: list[str], starts: list[float], t: float) -> tuple[QImage, bool]:
        index = locate(starts, t)
        key = keys[index] if index < len(keys) else ""
        video, _ = self.previews.paths(key)
        if key and self.previews.state(key) == READY and video.exists():
            if self._decoder is None or self._decoder.path != video:
                if self._decoder is not None:
                    self._decoder.close()
                self._decoder = _Decoder(video)
            return self._decoder.frame_at(t - starts[index]), False
        return self._draw(film, starts, t), True

    def _draw(self, film: Film, starts: list[float], t: float) -> QImage:
        if self._renderer is None or self._renderer.film is not film:
            self._renderer = SceneRenderer(film, PREVIEW, self.previews.voice, assets_dir=self.previews.assets_dir())
        index = locate(starts, t)
        return rgb_image(self._renderer.frame_at(index, t - starts[index]))


class Exporter(QObject):
    """Writes files on a worker thread: ``progress(text, fraction)``, ``done(path, error)``."""

    progress = Signal(str, float)
    done = Signal(str, str)

    def __init__(self, previews: PreviewRenderer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.previews = previews
        self._threads: list[threading.Thread] = []

    def _start(self, work: Any, path: Path) -> None:
        def run() -> None:
            try:
                work()
            except Exception as error:  # reported to the user: a full disk, a folder that went away
                self.done.emit(str(path), f"{type(error).__name__}: {error}")
            else:
                self.done.emit(str(path), "")

        thread = threading.Thread(target=run, name="aistudio-export", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def export_film(self, film: Film, path: Path) -> None:
        """The whole film at the preview preset (cached scenes reused) as an MP4."""
        previews = self.previews

        def report(stage: str, done: int, total: int) -> None:
            self.progress.emit(f"Exporting: {stage}", done / max(1, total))

        def work() -> None:
            partial = path.with_name(path.name + ".partial.mp4")
            render_film(
                film,
                partial,
                PREVIEW,
                previews.voice,
                cache_dir=previews.folder,
                assets_dir=previews.assets_dir(),
                progress=report,
            )
            partial.replace(path)

        self._start(work, path)

    def export_still(self, image: QImage, path: Path) -> None:
        def work() -> None:
            if not image.save(str(path)):
                raise OSError(f"could not write {path}")

        self._start(work, path)

    def wait(self, timeout: float = 120.0) -> bool:
        for thread in self._threads:
            thread.join(timeout)
        return not any(t.is_alive() for t in self._threads)
