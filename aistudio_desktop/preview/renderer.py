"""Scene previews rendered in the background with the engine, scene by scene, cached by content hash.

:class:`PreviewRenderer` keeps, for the open film, each scene's key (the engine's ``scene_key``
at the preview preset) and its state: ``ready``, ``rendering``, ``queued`` or ``failed``. An edit
changes the key of only the scenes it touches, so only those render again; a render whose scene
was edited meanwhile stops at its next frame. One worker thread renders with
:func:`render_scenes`, which writes ``<key>.mp4`` and ``<key>.wav`` into the cache folder; the
cache keeps its size cap after each render. Results arrive as Qt signals on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from aistudio_desktop.preview.cache import RenderCache
from render_farm.ai.protocols import VoiceProvider
from render_farm.engine.film import render_scenes, scene_fade_out
from render_farm.engine.presets import preset
from render_farm.engine.scene import SceneRenderer, scene_key
from render_farm.film import Film

PREVIEW = preset("preview")
READY, RENDERING, QUEUED, FAILED = "ready", "rendering", "queued", "failed"


class _Superseded(Exception):
    """The scene was edited while it rendered: this render is no longer wanted."""


def preview_keys(film: Film, voice: VoiceProvider, assets_dir: Path | None = None) -> list[str]:
    return [
        scene_key(film, i, PREVIEW, voice, assets_dir=assets_dir, fade_out=scene_fade_out(film, i))
        for i in range(len(film.scenes))
    ]


@dataclass(frozen=True)
class _Job:
    key: str
    film: Film
    index: int
    assets_dir: Path | None


class PreviewRenderer(QObject):
    """Signals: ``stateChanged(key, state)``, ``progress(key, fraction)``, ``timing(key, [line starts])``,
    ``failed(key, message)``. ``renders`` counts scenes rendered (not taken from the cache)."""

    stateChanged = Signal(str, str)
    progress = Signal(str, float)
    timing = Signal(str, list)
    failed = Signal(str, str)

    def __init__(
        self,
        voice: VoiceProvider,
        cache: RenderCache,
        folder: Path,
        assets_dir: Callable[[], Path | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.voice = voice
        self.cache = cache
        self.folder = Path(folder)
        self.assets_dir = assets_dir or (lambda: None)
        self.film: Film | None = None
        self.keys: list[str] = []
        self.states: dict[str, str] = {}
        self.renders = 0
        self.rendered_keys: list[str] = []
        self._jobs: list[_Job] = []
        self._current: str | None = None
        self._cond = threading.Condition()
        self._closed = False
        self._paused = False
        self._thread = threading.Thread(target=self._run, name="aistudio-previews", daemon=True)
        self._thread.start()

    # -- the UI thread -------------------------------------------------------------------------

    def set_film(self, film: Film, first: int | None = None) -> list[str]:
        """Follow ``film``: scenes whose key is new are queued (``first`` first); returns the keys."""
        assets = self.assets_dir()
        keys = preview_keys(film, self.voice, assets)
        order = list(range(len(keys)))
        if first is not None and 0 <= first < len(keys):
            order = [first] + [i for i in order if i != first]
        with self._cond:
            self.film, self.keys = film, keys
            wanted = set(keys)
            self._jobs = [_Job(keys[i], film, i, assets) for i in order if self.states.get(keys[i]) not in (READY,)]
            for key in list(self.states):
                if key not in wanted and self.states[key] != READY:
                    del self.states[key]
            for job in self._jobs:
                if self.states.get(job.key) != RENDERING:
                    self.states[job.key] = QUEUED
            self._cond.notify_all()
        return keys

    def state(self, key: str) -> str:
        with self._cond:
            return self.states.get(key, QUEUED)

    def paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.mp4", self.folder / f"{key}.wav"

    @property
    def idle(self) -> bool:
        with self._cond:
            return self._current is None and not self._jobs

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until every queued scene is done (tests and export only)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._current is None and not self._jobs, timeout)

    def set_paused(self, paused: bool) -> None:
        """Hold new renders (while the user plays the preview, to keep the machine for playback)."""
        with self._cond:
            self._paused = paused
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._jobs = []
            self._cond.notify_all()
        self._thread.join(30)

    # -- the worker thread ---------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._closed or (self._jobs and not self._paused))
                if self._closed:
                    return
                job = self._jobs.pop(0)
                if job.key not in self.keys or self.states.get(job.key) == READY:
                    continue
                self._current = job.key
                self.states[job.key] = RENDERING
            self.stateChanged.emit(job.key, RENDERING)
            state = self._render(job)
            with self._cond:
                self._current = None
                if state:
                    self.states[job.key] = state
                elif job.key in self.keys:
                    self.states[job.key] = QUEUED
                else:
                    self.states.pop(job.key, None)
                self._cond.notify_all()
            if state:
                self.stateChanged.emit(job.key, state)

    def _render(self, job: _Job) -> str:
        video, audio = self.paths(job.key)
        try:
            renderer = SceneRenderer(job.film, PREVIEW, self.voice, assets_dir=job.assets_dir)
            layout = renderer.layout(job.index, fade_out=scene_fade_out(job.film, job.index))
            self.timing.emit(job.key, [line.start for line in layout.lines])
            if not (video.exists() and audio.exists()):
                last = [-1.0]

                def report(_stage: str, done: int, total: int) -> None:
                    with self._cond:
                        if self._closed or job.key not in self.keys:
                            raise _Superseded
                    fraction = done / max(1, total)
                    if fraction - last[0] >= 0.05 or done == total:
                        last[0] = fraction
                        self.progress.emit(job.key, fraction)

                render_scenes(
                    job.film,
                    PREVIEW,
                    self.voice,
                    self.folder,
                    only=[job.index],
                    assets_dir=job.assets_dir,
                    progress=report,
                    renderer=renderer,
                )
                self.renders += 1
                self.rendered_keys.append(job.key)
            self.cache.touch(video, audio)
            with self._cond:
                keep = set(self.keys)
            removed = self.cache.evict(keep)
            with self._cond:
                for name in removed:
                    self.states.pop(Path(name).name, None)
            return READY
        except _Superseded:
            for leftover in self.folder.glob(f"{job.key}.*partial*"):
                leftover.unlink(missing_ok=True)
            return ""
        except Exception as error:  # a scene that cannot render is shown as failed, never a crash
            for leftover in self.folder.glob(f"{job.key}.*partial*"):
                leftover.unlink(missing_ok=True)
            self.failed.emit(job.key, f"{type(error).__name__}: {error}")
            return FAILED
