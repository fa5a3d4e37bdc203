"""Scene thumbnails and cast faces, rendered by the engine on a worker pool, cached by content.

A thumbnail is the scene's frame at :data:`THUMBNAIL_TIME` seconds, drawn by the engine's
:class:`SceneRenderer` at a small preset, and keyed by the engine's ``scene_key``: an edit
changes the key of only the scenes it touches, so only those render again. Pictures are kept
in memory (LRU) and as PNG files in the user's cache folder; the disk is only touched on the
worker threads. Callers ask with :meth:`PictureCache.thumbnail` / :meth:`PictureCache.face`,
get the picture or ``None`` at once, and hear ``thumbnailReady(key)`` / ``faceReady(key)``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import numpy as np
import platformdirs
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from render_farm.ai.protocols import VoiceProvider
from render_farm.engine.characters import CharacterRig, Pose
from render_farm.engine.presets import Preset
from render_farm.engine.scene import SceneRenderer, scene_key
from render_farm.film import CastMember, Emotion, Film, OutputSettings, Style

CACHE_DIR_ENV = "AISTUDIO_CACHE_DIR"
THUMBNAIL_PRESET = Preset(
    "thumbnail", 320, 180, 12, crf=30, x264_preset="ultrafast", audio_bitrate=96_000, keyint=48, accurate_chroma=False
)
THUMBNAIL_TIME = 1.0  # seconds into the scene: past the fade-in, with the cast on stage
FACE_SIZE = 96
FIGURE_HEIGHT = 220
MEMORY_LIMIT = 400


def default_cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_cache_dir("aistudio", appauthor=False))


def rgb_image(pixels: np.ndarray) -> QImage:
    """A QImage owning a copy of an (h, w, 3) uint8 RGB array."""
    pixels = np.ascontiguousarray(pixels)
    h, w = pixels.shape[:2]
    return QImage(pixels.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def face_pixels(member: CastMember, style: Style, size: int = FACE_SIZE) -> np.ndarray:
    """A square, premultiplied RGBA head-and-shoulders crop of a character."""
    rig = CharacterRig(member, style)
    sprite = rig.sprite(size * 2, Pose(emotion=Emotion.happy))
    alpha = sprite.pixels[..., 3]
    rows = np.nonzero(alpha.max(axis=1))[0]
    top = int(rows[0]) if len(rows) else 0
    ax, ay = sprite.anchor
    side = max(8, round((ay - top) * 0.52))
    x0 = ax - side // 2
    crop = np.zeros((side, side, 4), np.uint8)
    src = sprite.pixels[max(0, top - 2) : max(0, top - 2) + side, max(0, x0) : max(0, x0) + side]
    crop[: src.shape[0], : src.shape[1]] = src
    return crop


def figure_pixels(
    member: CastMember, style: Style, height: int = FIGURE_HEIGHT, assets_dir: Path | None = None
) -> np.ndarray:
    """The whole character standing, happy, premultiplied RGBA, cropped to its drawn pixels."""
    art = None
    if member.art and assets_dir is not None:
        import cv2

        picture = cv2.imread(str(assets_dir / member.art), cv2.IMREAD_UNCHANGED)
        if picture is not None and picture.ndim == 3:
            code = cv2.COLOR_BGRA2RGBA if picture.shape[2] == 4 else cv2.COLOR_BGR2RGBA
            art = cv2.cvtColor(picture, code)
    sprite = CharacterRig(member, style, art).sprite(height, Pose(emotion=Emotion.happy))
    alpha = sprite.pixels[..., 3]
    rows, cols = np.nonzero(alpha.max(axis=1))[0], np.nonzero(alpha.max(axis=0))[0]
    if not len(rows):
        return np.zeros((1, 1, 4), np.uint8)
    return np.ascontiguousarray(sprite.pixels[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])


def rgba_image(pixels: np.ndarray) -> QImage:
    """A QImage owning a copy of an (h, w, 4) premultiplied RGBA array."""
    pixels = np.ascontiguousarray(pixels)
    h, w = pixels.shape[:2]
    return QImage(pixels.data, w, h, 4 * w, QImage.Format.Format_RGBA8888_Premultiplied).copy()


def _picture_film(film: Film) -> Film:
    """The film as thumbnails draw it: no subtitles (the card prints the title beside the picture)."""
    if not film.output.subtitles:
        return film
    return film.model_copy(update={"output": OutputSettings(subtitles=False, music=film.output.music)})


class _Signals(QObject):
    done = Signal(str, str, QImage)  # kind, key, picture
    failed = Signal(str, str, str)  # kind, key, message


class _Job(QRunnable):
    def __init__(self, kind: str, key: str, disk: Path | None, signals: _Signals, make: Callable[[], QImage]) -> None:
        super().__init__()
        self.kind, self.key, self.disk, self.signals, self.make = kind, key, disk, signals, make

    def run(self) -> None:
        path = self.disk / f"{self.kind}-{self.key}.png" if self.disk is not None else None
        try:
            image = QImage(str(path)) if path is not None and path.exists() else QImage()
            if not image.isNull() and path is not None:
                with contextlib.suppress(OSError):
                    os.utime(path)  # used now: the render cache evicts the least recently used first
            if image.isNull():
                image = self.make()
                if path is not None:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    partial = path.with_name(path.name + ".partial.png")
                    if image.save(str(partial)):
                        os.replace(partial, path)
            self.signals.done.emit(self.kind, self.key, image)
        except Exception as error:  # a failed picture must not take the app down; it is reported
            self.signals.failed.emit(self.kind, self.key, f"{type(error).__name__}: {error}")


class PictureCache(QObject):
    """Thumbnails and faces on demand; ``renders`` counts pictures made (not read from disk or memory)."""

    thumbnailReady = Signal(str)
    faceReady = Signal(str)
    figureReady = Signal(str)
    failed = Signal(str)
    busyChanged = Signal(int)

    def __init__(
        self,
        voice: VoiceProvider,
        cache_dir: Path | None = None,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.voice = voice
        self.disk = cache_dir
        self.pool = pool or QThreadPool(self)
        if pool is None:
            self.pool.setMaxThreadCount(max(1, min(2, (os.cpu_count() or 2) - 1)))
        self._memory: OrderedDict[str, QImage] = OrderedDict()
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self.requests: list[str] = []  # keys sent to the pool, in order (tests and diagnostics)
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed_job)

    # -- keys ----------------------------------------------------------------------------------

    def thumbnail_key(self, film: Film, index: int, assets_dir: Path | None = None) -> str:
        return scene_key(_picture_film(film), index, THUMBNAIL_PRESET, self.voice, assets_dir=assets_dir)

    @staticmethod
    def face_key(film: Film, member_id: str) -> str:
        member = film.member(member_id)
        # what the character is and how it looks: a new kind or a new look draws the card again
        blob = member.model_dump_json(include={"id", "kind", "age", "gender", "costume", "design", "art"})
        blob += film.style.value
        return hashlib.sha256(blob.encode()).hexdigest()[:32]

    # -- asking --------------------------------------------------------------------------------

    def cached(self, kind: str, key: str) -> QImage | None:
        image = self._memory.get(f"{kind}:{key}")
        if image is not None:
            self._memory.move_to_end(f"{kind}:{key}")
        return image

    def thumbnail(self, film: Film, index: int, key: str, assets_dir: Path | None = None) -> QImage | None:
        """The thumbnail with ``key`` if ready; otherwise start it (once) and return ``None``."""
        hit = self.cached("thumbnail", key)
        if hit is None:

            def make() -> QImage:
                renderer = SceneRenderer(_picture_film(film), THUMBNAIL_PRESET, self.voice, assets_dir=assets_dir)
                return rgb_image(renderer.frame_at(index, THUMBNAIL_TIME))

            self._start("thumbnail", key, make)
        return hit

    def face(self, film: Film, member_id: str, key: str) -> QImage | None:
        hit = self.cached("face", key)
        if hit is None:
            member, style = film.member(member_id), film.style

            def make() -> QImage:
                pixels = np.ascontiguousarray(face_pixels(member, style))
                h, w = pixels.shape[:2]
                return QImage(pixels.data, w, h, 4 * w, QImage.Format.Format_RGBA8888_Premultiplied).copy()

            self._start("face", key, make)
        return hit

    @staticmethod
    def figure_key(film: Film, member_id: str) -> str:
        return PictureCache.face_key(film, member_id)  # the same inputs; files and memory are kept per kind

    def figure(self, film: Film, member_id: str, key: str, assets_dir: Path | None = None) -> QImage | None:
        """The character's full figure in the film's style (the character gallery's card art)."""
        hit = self.cached("figure", key)
        if hit is None:
            member, style = film.member(member_id), film.style
            self._start("figure", key, lambda: rgba_image(figure_pixels(member, style, assets_dir=assets_dir)))
        return hit

    @property
    def busy(self) -> int:
        return len(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (tests and shutdown only; the UI never calls this)."""
        return self.pool.waitForDone(msecs)

    # -- internals -----------------------------------------------------------------------------

    def _start(self, kind: str, key: str, make: Callable[[], QImage]) -> None:
        tag = f"{kind}:{key}"
        if tag in self._pending or tag in self._failed:
            return
        self._pending.add(tag)
        self.requests.append(tag)
        self.pool.start(_Job(kind, key, self.disk, self._signals, make))
        self.busyChanged.emit(len(self._pending))

    def _done(self, kind: str, key: str, image: QImage) -> None:
        tag = f"{kind}:{key}"
        self._pending.discard(tag)
        self._memory[tag] = image
        while len(self._memory) > MEMORY_LIMIT:
            self._memory.popitem(last=False)
        self.busyChanged.emit(len(self._pending))
        {"thumbnail": self.thumbnailReady, "face": self.faceReady, "figure": self.figureReady}[kind].emit(key)

    def _failed_job(self, kind: str, key: str, message: str) -> None:
        tag = f"{kind}:{key}"
        self._pending.discard(tag)
        self._failed.add(tag)
        self.busyChanged.emit(len(self._pending))
        self.failed.emit(f"could not draw a {kind}: {message}")
