"""The Celery tasks: one per scene (all in parallel), then the film's assembly.

The fan-in that starts the assembly is kept in the database rather than in the broker: the scene
that finishes last queues the assembly in the same transaction that marks it done (see
``services/render_tasks.finish_scene``). A scene run again after its worker died therefore still
counts, and no result backend is needed. Messages carry only the task's id; everything else is
read from the database, which is the source of truth.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded

from render_farm.engine.assembly import SceneClip, assemble
from render_farm.engine.audio import read_wav
from render_farm.engine.film import FADE_OUT, render_scenes, scene_fade_out
from render_farm.engine.scene import scene_key
from render_farm.film import Film
from render_farm.film.paths import contained
from render_farm.server.services import render_tasks
from render_farm.server.services.render_tasks import Claim

from .app import celery_app
from .runtime import Runtime, runtime

log = logging.getLogger(__name__)
app = celery_app()


class TaskLost(Exception):
    """This attempt no longer owns its task (reaped, canceled or failed elsewhere): stop quietly."""


class Heart:
    """Beats for one attempt: from a thread every ``task_heartbeat_seconds`` and with progress
    (frames done), at most a few times a second. Once a beat finds the task gone, :meth:`check`
    raises :class:`TaskLost` in the rendering thread."""

    def __init__(self, rt: Runtime, claim: Claim) -> None:
        self.rt, self.claim = rt, claim
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._last = 0.0
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)

    def _beat(self, frames_done: int | None = None, frames_total: int = 0) -> None:
        with self._lock:
            try:
                if not render_tasks.beat(self.rt.factory, self.claim, frames_done, frames_total):
                    self.lost.set()
            except Exception as error:  # a database hiccup: the next beat tries again
                log.warning("heartbeat of task %s failed: %s", self.claim.task_id, error)
            self._last = time.monotonic()

    def _run(self) -> None:
        while not self._stop.wait(self.rt.settings.task_heartbeat_seconds):
            self._beat()

    def progress(self, done: int, total: int) -> None:
        self.check()
        if time.monotonic() - self._last >= min(0.5, self.rt.settings.task_heartbeat_seconds):
            self._beat(done, total)

    def check(self) -> None:
        if self.lost.is_set():
            raise TaskLost(str(self.claim.task_id))

    def __enter__(self) -> Heart:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


@contextmanager
def _workdir(rt: Runtime, claim: Claim) -> Iterator[Path]:
    folder = rt.settings.work_folder / str(claim.job_id) / f"{claim.task_id}-{claim.attempt}"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _assets(rt: Runtime, claim: Claim, folder: Path) -> Path | None:
    """The version's uploaded files, laid out as in the bundle (the spec names them by path)."""
    if not claim.bundle_files:
        return None
    root = folder / "assets"
    for path, key in claim.bundle_files.items():
        target = contained(root, path, inside="the bundle")
        target.parent.mkdir(parents=True, exist_ok=True)
        rt.storage.get_file(key, target)
    return root


def _scene_keys(key: str) -> tuple[str, str]:
    return f"scenes/{key}.mp4", f"scenes/{key}.wav"


def run_scene(rt: Runtime, claim: Claim) -> None:
    film = Film.model_validate(claim.spec)
    assert claim.scene_number is not None
    index = [scene.number for scene in film.scenes].index(claim.scene_number)
    fps = rt.preset.fps
    frames = round(film.scenes[index].duration * fps)
    with _workdir(rt, claim) as folder, Heart(rt, claim) as heart:
        assets_dir = _assets(rt, claim, folder)
        fade = scene_fade_out(film, index)
        key = scene_key(film, index, rt.preset, rt.voice, assets_dir=assets_dir, fade_out=fade)
        video_key, audio_key = _scene_keys(key)
        # Scene renders are content-addressed: an unchanged scene rendered before is reused.
        if not (rt.storage.exists(video_key) and rt.storage.exists(audio_key)):
            heart.progress(0, frames)
            outputs, _ = render_scenes(
                film,
                rt.preset,
                rt.voice,
                folder / "cache",
                only=[index],
                assets_dir=assets_dir,
                progress=lambda _label, done, total: heart.progress(done, total),
            )
            heart.check()
            frames = outputs[0].frames
            rt.storage.put_file(audio_key, outputs[0].audio, "audio/wav")
            rt.storage.put_file(video_key, outputs[0].video, "video/mp4")  # the video last: it marks the pair done
        heart.check()
    with rt.factory() as session:
        render_tasks.finish_scene(session, claim, video_key, frames)


def run_assembly(rt: Runtime, claim: Claim) -> None:
    film = Film.model_validate(claim.spec)
    if len(claim.scene_outputs) != len(film.scenes) or not all(claim.scene_outputs):
        raise RuntimeError("the assembly started before every scene was stored")
    with _workdir(rt, claim) as folder, Heart(rt, claim) as heart:
        clips = []
        for number, (video_key, scene) in enumerate(zip(claim.scene_outputs, film.scenes, strict=True), start=1):
            video, audio = folder / f"scene-{number}.mp4", folder / f"scene-{number}.wav"
            rt.storage.get_file(video_key, video)
            rt.storage.get_file(video_key.removesuffix(".mp4") + ".wav", audio)
            clips.append(SceneClip(video=video, audio=read_wav(audio)[0], transition_in=scene.transition_in))
            heart.check()
        out = folder / "film.mp4"
        assemble(clips, out, rt.preset, fade_out=FADE_OUT, progress=heart.progress)
        heart.check()
        digest = hashlib.sha256()
        with out.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        film_key = f"films/{claim.job_id}/{digest.hexdigest()}.mp4"
        rt.storage.put_file(film_key, out, "video/mp4")
        size = out.stat().st_size
    with rt.factory() as session:
        render_tasks.finish_job(session, rt.settings, rt.storage, claim, film_key, size, digest.hexdigest())


def _run(task_id: str, work: Callable[[Runtime, Claim], None]) -> str:
    rt = runtime(app.conf.farm_settings)
    with rt.factory() as session:
        claim = render_tasks.claim(session, rt.settings, uuid.UUID(task_id), rt.worker_name)
    if claim is None:
        return "nothing to do"
    try:
        work(rt, claim)
    except TaskLost:
        log.info("task %s attempt %d was taken back or canceled; stopped", claim.task_id, claim.attempt)
        return "stopped"
    except SoftTimeLimitExceeded:
        _retry(rt, claim, "took longer than the time limit")
        raise
    except Exception as error:
        log.exception("task %s attempt %d failed", claim.task_id, claim.attempt)
        _retry(rt, claim, f"{type(error).__name__}: {error}")
        return "failed"
    return "done"


def _retry(rt: Runtime, claim: Claim, reason: str) -> None:
    with rt.factory() as session:
        render_tasks.retry_or_fail(session, rt.settings, claim, reason)


@app.task(name="render_farm.render_scene")
def render_scene(task_id: str) -> str:
    return _run(task_id, run_scene)


@app.task(name="render_farm.assemble_film")
def assemble_film(task_id: str) -> str:
    return _run(task_id, run_assembly)
