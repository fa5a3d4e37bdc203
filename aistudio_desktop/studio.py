"""The running studio: the open document tied to the project store, autosave and pictures.

:class:`Studio` is what the windows talk to: it opens, creates, imports and exports
projects, saves every edit through the :class:`AutosaveWriter`, and owns the
:class:`PictureCache`. Import and export run on a worker pool and report by signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from aistudio_desktop.background import Background
from aistudio_desktop.preview.cache import DEFAULT_LIMIT, RenderCache
from aistudio_desktop.preview.pictures import PictureCache, default_cache_dir
from aistudio_desktop.preview.renderer import PreviewRenderer
from aistudio_desktop.preview.sound import VoiceSampler
from aistudio_desktop.project.autosave import AutosaveWriter
from aistudio_desktop.project.document import ProjectDocument
from aistudio_desktop.project.store import ProjectStore, StoreError
from aistudio_desktop.settings import load_provider_settings
from render_farm.ai.protocols import Providers, VoiceProvider
from render_farm.ai.registry import make_providers
from render_farm.film import Film, Scene


def blank_film() -> Film:
    return Film(title="Untitled film", scenes=[Scene(id="scene-1", number=1, title="Opening", duration=6.0)])


def default_providers() -> Providers:
    """The providers chosen in Settings > AI Providers (or the environment); built-in by default."""
    return make_providers(load_provider_settings())


def default_voice() -> VoiceProvider:
    from render_farm.ai.offline.espeak import EspeakVoice

    return EspeakVoice()


class Studio(QObject):
    """Signals: ``projectOpened(id)``, ``saveState(text)``, ``imported(id, error)``, ``exported(path, error)``."""

    projectOpened = Signal(str)
    saveState = Signal(str)
    imported = Signal(str, str)
    exported = Signal(str, str)

    def __init__(
        self,
        store: ProjectStore | None = None,
        voice: VoiceProvider | None = None,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
        providers: Callable[[], Providers] | None = None,
        cache_limit: int = DEFAULT_LIMIT,
    ) -> None:
        super().__init__(parent)
        self.store = store or ProjectStore()
        self.providers = providers or default_providers
        self.writer = AutosaveWriter(self.store, self)
        self.document = ProjectDocument(blank_film(), "", self)
        cache = cache_dir if cache_dir is not None else default_cache_dir()
        self.cache_dir = cache
        self.voice = voice or default_voice()
        self.pictures = PictureCache(self.voice, cache / "pictures", parent=self)
        self.sampler = VoiceSampler(self.voice, cache / "samples", self)
        self.render_cache = RenderCache(cache, cache_limit)
        self.previews = PreviewRenderer(
            self.voice, self.render_cache, cache / "previews", assets_dir=self.assets_dir, parent=self
        )
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._background = Background(self.pool)
        self.document.edited.connect(self._autosave)
        self.writer.saved.connect(
            lambda _p, _r: self.saveState.emit("All changes saved" if self.writer.idle else "Saving…")
        )
        self.writer.failed.connect(lambda message: self.saveState.emit(f"Not saved: {message}"))

    # -- opening -------------------------------------------------------------------------------

    def open_last_or_new(self) -> None:
        """Reopen the project used last, as it was; a first start gets a new, blank project."""
        last = self.store.last_project()
        if last is not None:
            try:
                self.open_project(last)
                return
            except StoreError as error:
                self.saveState.emit(f"Could not reopen the last project: {error}")
        self.new_project()

    def new_project(self, film: Film | None = None) -> str:
        film = film or blank_film()
        info = self.store.create(film)
        self._opened(film, info.id)
        return info.id

    def assets_dir(self) -> Path | None:
        """The open project's bundle folder (generated art lives there), if it has one."""
        project_id = self.document.project_id
        return self.store.project_dir(project_id) if project_id else None

    def open_created(self, film: Film, project_id: str) -> None:
        """Open a project that was just written to the store (the new-project flow)."""
        self._opened(film, project_id)

    def open_project(self, project_id: str) -> None:
        film = self.store.load(project_id)
        self._opened(film, project_id)

    def _opened(self, film: Film, project_id: str) -> None:
        self.writer.flush()  # the previous project's last edit lands before we switch
        self.store.set_last_project(project_id)
        self.document.reset(film, project_id)
        self.projectOpened.emit(project_id)
        self.saveState.emit("All changes saved")

    def _autosave(self) -> None:
        if self.document.project_id:
            self.saveState.emit("Saving…")
            self.writer.submit(self.document.project_id, self.document.film)

    # -- one-file import and export ------------------------------------------------------------

    def _run(self, work: Callable[[], Any], done: Callable[[Any, str], None]) -> None:
        """``work()`` on the pool; ``done(result, message)`` on the UI thread (message '' on success)."""

        def finished(result: Any, error: BaseException | None) -> None:
            if error is None:
                done(result, "")
            elif isinstance(error, StoreError):
                done(None, str(error))
            else:  # reported to the user, never a crash of the worker
                done(None, f"{type(error).__name__}: {error}")

        self._background.run(work, finished)

    def import_file(self, path: Path) -> None:
        """Import a ``.aistudio`` file off the UI thread, then open it (``imported`` reports)."""

        def done(info: Any, error: str) -> None:
            if not error:
                self.open_project(info.id)
            self.imported.emit(info.id if info else "", error)

        self._run(lambda: self.store.import_project(Path(path)), done)

    def export_file(self, path: Path) -> None:
        """Export the open project (as it is now) to ``path`` off the UI thread."""
        film, project_id = self.document.film, self.document.project_id

        def done(result: Any, error: str) -> None:
            self.exported.emit(str(result or path), error)

        self._run(lambda: self.store.export_project(project_id, Path(path), film), done)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until background work is done (tests and shutdown only)."""
        ok = self.pool.waitForDone(msecs)
        return self.pictures.wait(msecs) and self.sampler.wait(msecs) and ok and self.writer.flush(msecs / 1000)

    def shutdown(self) -> None:
        """Finish writing, stop the workers and close the database."""
        self.pool.waitForDone(30_000)
        self.writer.close()
        self.pictures.pool.clear()
        self.pictures.wait(30_000)
        self.sampler.wait(30_000)
        self.previews.close()
        self.store.close()
