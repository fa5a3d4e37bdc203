"""Rendering a whole film: its scenes (cached by content hash), transitions and sound, then the assembly."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import av
import numpy as np

from render_farm.film import Film

from .assembly import AssemblyReport, SceneClip, assemble
from .audio import as_stored, read_wav, write_wav
from .encoder import VideoWriter
from .errors import RenderError
from .film_sound import encode_sound, mix_film
from .layout import SceneLayout
from .presets import Preset
from .priority import background_pool
from .scene import SceneOutput, SceneRenderer, scene_key
from .speech import VoiceProvider
from .transitions import FilmPlan, TransitionKey, plan_film, transition_frames

FADE_OUT = 0.8  # seconds the film fades to black at its end
BODY_SUFFIX = ".body.mp4"  # a scene clip holding the frames between its transitions alone

StageProgress = Callable[[str, int, int], None]
_T = TypeVar("_T")


@dataclass(frozen=True)
class FilmResult:
    path: Path
    scenes: list[SceneOutput]
    rendered: int  # scenes rendered now
    reused: int  # scenes taken from the cache
    assembly: AssemblyReport


def render_scenes(
    film: Film,
    preset: Preset,
    voice: VoiceProvider,
    cache_dir: Path,
    *,
    only: Sequence[int] | None = None,
    assets_dir: Path | None = None,
    progress: StageProgress | None = None,
    renderer: SceneRenderer | None = None,
) -> tuple[list[SceneOutput], int]:
    """Render the scenes (all, or the 0-based indices in ``only``) into ``cache_dir``.

    A scene whose content hash already names a finished render is reused as it is. Returns the
    outputs in scene order and how many were rendered now.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    renderer = renderer or SceneRenderer(film, preset, voice, assets_dir=assets_dir)
    indices = list(range(len(film.scenes))) if only is None else list(only)
    outputs, rendered = [], 0
    for index in indices:
        fade = scene_fade_out(film, index)
        key = scene_key(film, index, preset, voice, assets_dir=assets_dir, fade_out=fade)
        video, audio = cache_dir / f"{key}.mp4", cache_dir / f"{key}.wav"
        label = f"scene {index + 1}/{len(film.scenes)}"
        if video.exists() and audio.exists():
            frames = round(film.scenes[index].duration * preset.fps)
            if progress:
                progress(label + " (cached)", frames, frames)
        else:
            partial_audio = audio.with_name(audio.name + ".partial")

            def report(done: int, total: int, label: str = label) -> None:
                if progress:
                    progress(label, done, total)

            # The audio is written first and the video last: a finished video marks a complete entry.
            partial_video = video.with_name(video.name + ".partial.mp4")
            frames = renderer.render(index, partial_video, partial_audio, fade_out=fade, progress=report)
            os.replace(partial_audio, audio)
            os.replace(partial_video, video)
            rendered += 1
        outputs.append(SceneOutput(video=video, audio=audio, frames=frames, key=key))
    return outputs, rendered


def scene_fade_out(film: Film, index: int) -> float:
    """Seconds scene ``index`` fades to black at its end: the film's fade out on its last scene, else none.

    The fade is part of what a scene renders (and of its cache key), so every renderer of a
    scene (this module, the farm's workers, the desktop's previews) asks here.
    """
    return FADE_OUT if index == len(film.scenes) - 1 else 0.0


def cached_clip(cache_dir: Path, key: str) -> tuple[Path, bool] | None:
    """The cached clip of scene ``key`` a film can use (its body alone, else the whole scene)
    and whether it is the body alone; None when the scene is not cached."""
    if not (cache_dir / f"{key}.wav").exists():
        return None
    for name, trimmed in ((f"{key}{BODY_SUFFIX}", True), (f"{key}.mp4", False)):
        if (cache_dir / name).exists():
            return cache_dir / name, trimmed
    return None


def render_film(
    film: Film,
    out: Path,
    preset: Preset,
    voice: VoiceProvider,
    *,
    cache_dir: Path,
    assets_dir: Path | None = None,
    progress: StageProgress | None = None,
) -> FilmResult:
    """Render every scene not cached and assemble the film at ``out``, encoding each of its frames once.

    A scene is rendered as its body alone (``<key>.body.mp4``, the frames between its
    transitions) and its mix (``<key>.wav``); the whole-scene clip a preview left
    (``<key>.mp4``) serves as well, its body being the same packets. Transitions are drawn from
    the scenes themselves, blended and encoded while the encoder of the scene before finishes,
    and the film's sound is mixed and encoded beside the pictures: the film's bytes never depend
    on which scenes were cached, nor on timing.
    """
    out = Path(out)
    cache_dir.mkdir(parents=True, exist_ok=True)
    renderer = SceneRenderer(film, preset, voice, assets_dir=assets_dir)
    count = len(film.scenes)
    plan = plan_film(
        [round(scene.duration * preset.fps) for scene in film.scenes],
        [scene.transition_in for scene in film.scenes],
        preset.fps,
        FADE_OUT,
    )
    fades = [scene_fade_out(film, i) for i in range(count)]
    keys = [scene_key(film, i, preset, voice, assets_dir=assets_dir, fade_out=fades[i]) for i in range(count)]
    cached = [cached_clip(cache_dir, key) for key in keys]
    layouts = [renderer.layout(i, fade_out=fades[i]) for i in range(count)]
    try:
        workdir = Path(tempfile.mkdtemp(prefix=f".{out.name}.parts-", dir=out.parent))
    except OSError as error:
        raise RenderError(f"cannot write the film to {out}: {error.strerror or error}") from None
    # the sound has slack until the assembly: it runs below the encoder's priority
    helpers = background_pool(2, "film-sound")
    stager = ThreadPoolExecutor(1, thread_name_prefix="film-stage")
    closer = ThreadPoolExecutor(1, thread_name_prefix="film-segment")
    finishing: list[Future[None]] = []
    transitions: dict[TransitionKey, Future[Path]] = {}
    sounds: list[Future[_SceneSound]] = []
    started = threading.Event()
    try:
        # Until the first frame reaches an encoder, drawing it is all that matters: the sound and
        # the next scenes' stages wait for it (they would only take turns with it at the GIL).
        for i, key in enumerate(keys):
            wav, render = cache_dir / f"{key}.wav", cached[i] is None
            sounds.append(helpers.submit(_after, started, _scene_sound, renderer, layouts[i], wav, render))
        sound = helpers.submit(_film_sound, plan, sounds, preset, workdir / "sound.mp4")
        for layout in layouts[1:]:  # each scene's stage and first sprites, drawn while the one before encodes
            stager.submit(_after, started, renderer.prepare, layout)
        wanted = set(plan.transitions())

        def segment(key: TransitionKey) -> None:
            before, after = plan.sources(key)
            path = workdir / f"transition-{key[0]}-{key[1]}.mp4"
            frames = transition_frames(
                plan,
                key,
                None if before is None else renderer.frames(layouts[before[0]], before[1], before[2]),
                None if after is None else renderer.frames(layouts[after[0]], after[1], after[2]),
                preset,
            )
            writer = VideoWriter(path, preset, force_keyframes=[0], with_audio=False, faststart=False)
            _feed(writer, frames, started)

            def close() -> Path:
                writer.close()
                return path

            transitions[key] = closer.submit(close)

        for index, key in enumerate(keys):
            label = f"scene {index + 1}/{count}"
            # A scene's transitions go to their encoders before its body, so the film's last
            # encoder is a body's: the short ones start and finish while a long one is drawn.
            for side in ("in", "out"):
                if (side, index) in wanted:
                    segment((side, index))
            if cached[index] is not None:
                if progress:
                    progress(label + " (cached)", plan.frames[index], plan.frames[index])
            else:
                finishing.append(
                    _render_body(
                        renderer, layouts[index], cache_dir, key, sounds[index], closer, label, progress, started
                    )
                )
        started.set()  # a film wholly from the cache draws nothing
        for done in finishing:  # the scenes' clips (the last transitions may still be encoding)
            done.result()
        clips = []
        for index, scene in enumerate(film.scenes):
            video, trimmed = cached[index] or (cache_dir / f"{keys[index]}{BODY_SUFFIX}", True)
            clips.append(
                SceneClip(
                    video=video, audio=sounds[index].result().mix, transition_in=scene.transition_in, trimmed=trimmed
                )
            )

        def report(done: int, total: int) -> None:
            if progress:
                progress("assembly", done, total)

        assembly = assemble(
            clips, out, preset, fade_out=FADE_OUT, progress=report, transitions=transitions, sound=sound.result()
        )
    finally:
        started.set()  # nothing waits for a first frame that will not come
        waiting: list[Future[Any]] = [*finishing, *transitions.values()]
        for encoding in waiting:  # a failed render still lets every encoder finish
            with contextlib.suppress(BaseException):
                encoding.result()
        closer.shutdown()
        helpers.shutdown(cancel_futures=True)
        stager.shutdown(cancel_futures=True)
        for mixed in sounds:  # a WAV written for a scene whose clip never came
            with contextlib.suppress(BaseException):
                if (partial := mixed.result().partial) is not None:
                    partial.unlink(missing_ok=True)
        shutil.rmtree(workdir, ignore_errors=True)
    outputs = [
        SceneOutput(video=clip.video, audio=cache_dir / f"{key}.wav", frames=frames, key=key)
        for clip, key, frames in zip(clips, keys, plan.frames, strict=True)
    ]
    rendered = sum(1 for entry in cached if entry is None)
    return FilmResult(path=out, scenes=outputs, rendered=rendered, reused=count - rendered, assembly=assembly)


def _after(started: threading.Event, work: Callable[..., _T], *args: Any) -> _T:
    """``work(*args)`` once ``started`` is set (the film's first frame is with an encoder)."""
    started.wait()
    return work(*args)


def _feed(writer: VideoWriter, frames: Iterable[np.ndarray], started: threading.Event) -> None:
    try:
        for frame in frames:
            writer.write_yuv(frame)
            started.set()
    except BaseException:
        writer.abort()
        raise


def _render_body(
    renderer: SceneRenderer,
    layout: SceneLayout,
    cache_dir: Path,
    key: str,
    sound: Future[_SceneSound],
    closer: ThreadPoolExecutor,
    label: str,
    progress: StageProgress | None,
    started: threading.Event,
) -> Future[None]:
    """Draw a scene's body into its own encoder; the encoder finishes (and the clip lands in the
    cache) in ``closer`` while the caller goes on drawing."""
    head, tail = renderer.edges(layout)

    def report(done: int, total: int) -> None:
        started.set()
        if progress:  # counted over the body, the frames this clip holds
            progress(label, done - head, total - head - tail)

    # the writer renames its own partial file to the clip's name when it closes; a body is only
    # ever copied from, never streamed, so it is not laid out for streaming
    writer = VideoWriter(
        cache_dir / f"{key}{BODY_SUFFIX}", renderer.preset, force_keyframes=[0], with_audio=False, faststart=False
    )
    try:
        renderer.draw(layout, writer, head, layout.n_frames - tail, report)
    except BaseException:
        writer.abort()
        raise

    def finish() -> None:
        written = sound.result().partial
        assert written is not None
        # The audio lands first and the video last: a finished video marks a complete entry.
        try:
            os.replace(written, cache_dir / f"{key}.wav")
        except BaseException:
            writer.abort()
            raise
        writer.close()

    return closer.submit(finish)


@dataclass(frozen=True)
class _SceneSound:
    mix: np.ndarray  # as the scene's WAV holds it
    partial: Path | None  # the WAV written now, under a name of its own until the scene is done


def _scene_sound(renderer: SceneRenderer, layout: SceneLayout, wav: Path, render: bool) -> _SceneSound:
    """A scene's mix: read from the cache, or mixed now (and its WAV written)."""
    if not render:
        return _SceneSound(read_wav(wav)[0], None)
    mix = renderer.mix(layout)
    fd, name = tempfile.mkstemp(prefix=f"{wav.name}.", suffix=".partial", dir=wav.parent)
    os.close(fd)
    write_wav(name, mix)
    return _SceneSound(as_stored(mix), Path(name))


def _film_sound(plan: FilmPlan, sounds: list[Future[_SceneSound]], preset: Preset, path: Path) -> Path:
    spf = preset.samples_per_frame
    samples = mix_film(plan, [sound.result().mix for sound in sounds], spf)
    try:
        return encode_sound(samples, plan.total * spf, path, preset.audio_bitrate)
    except (OSError, av.FFmpegError) as error:
        raise RenderError(f"cannot encode the film's sound: {error}") from error
