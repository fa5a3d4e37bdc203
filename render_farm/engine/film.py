"""Rendering a whole film: every scene (cached by content hash), then the copy-only assembly."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from render_farm.ai.protocols import VoiceProvider
from render_farm.film import Film

from .assembly import AssemblyReport, SceneClip, assemble
from .audio import read_wav
from .presets import Preset
from .scene import SceneOutput, SceneRenderer, scene_key

FADE_OUT = 0.8  # seconds the film fades to black at its end

StageProgress = Callable[[str, int, int], None]


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
        key = scene_key(film, index, preset, voice, assets_dir=assets_dir, fade_out=_fade(film, index))
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
            frames = renderer.render(index, partial_video, partial_audio, fade_out=_fade(film, index), progress=report)
            os.replace(partial_audio, audio)
            os.replace(partial_video, video)
            rendered += 1
        outputs.append(SceneOutput(video=video, audio=audio, frames=frames, key=key))
    return outputs, rendered


def _fade(film: Film, index: int) -> float:
    return FADE_OUT if index == len(film.scenes) - 1 else 0.0


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
    """Render every scene (reusing cached ones) and assemble the film at ``out``."""
    outputs, rendered = render_scenes(film, preset, voice, cache_dir, assets_dir=assets_dir, progress=progress)
    clips = [
        SceneClip(video=o.video, audio=read_wav(o.audio)[0], transition_in=scene.transition_in)
        for o, scene in zip(outputs, film.scenes, strict=True)
    ]

    def report(done: int, total: int) -> None:
        if progress:
            progress("assembly", done, total)

    assembly = assemble(clips, out, preset, fade_out=FADE_OUT, progress=report)
    return FilmResult(path=out, scenes=outputs, rendered=rendered, reused=len(outputs) - rendered, assembly=assembly)
