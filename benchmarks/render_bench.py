"""Final-render benchmark: our engine vs MoviePy vs the encoder alone, on one composition.

The reference composition is a 20 s 1280x720 film of two scenes joined by a 1 s crossfade:
a village at dusk in a wide shot, where four characters walk in, one carrying a lantern beside
a basket set on the ground, and a bakery indoors in a medium shot that cuts to each speaker,
where a cake is handed from one to another beside a basket of bread; lip-sync, subtitles timed
to the words, and a sound track. It is made three ways in one run:

- ours: the engine renders both scenes (speech, mix, compositing, encoding) and assembles them;
- moviepy: MoviePy 2.x builds the same composition from clips (an ImageClip background, one
  VideoClip with a mask per character moved by a position function, subtitle ImageClips, a
  CompositeVideoClip per scene, CrossFadeIn between them, the same audio) and writes it with
  ``write_videofile``;
- encode-only: PyAV/libx264 encodes the film's frames, made beforehand and handed over in the
  encoder's own pixel format: the floor any renderer stands on.

All three use libx264 with the same settings: the engine's own (preset, CRF, GOP, ``mbtree=0``
for repeatable bytes, frame threads), the same size and frame rate. Each run times the three one
after another, and the ratios are taken within a run, so a busy machine skews them less. One
untimed run of ours and of the encoder comes first, so that what a process pays once (loading
fonts and libraries, starting thread pools) is not counted as rendering. On a virtual machine
the hypervisor may take CPU time from it while it runs ("steal"): each run says how much, since
a run that lost much of it measures the neighbours, not the render. Each run also gives the CPU
time ours and the encoder took (all their threads): on a machine busy with other work, where wall
times stretch with the neighbours', their ratio still says what the render costs. Run:

    pip install -e ".[bench]"                    # MoviePy, the reference (or run with --skip-moviepy)
    python benchmarks/render_bench.py            # prints times, ratios, and a JSON last line
    python benchmarks/render_bench.py --runs 5   # five runs, each one's figures, the median and range
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

from render_farm.ai.offline.designer import OfflineDesigner
from render_farm.ai.offline.espeak import EspeakVoice
from render_farm.engine.encoder import ENCODER_THREADS, open_h264_stream, x264_params
from render_farm.engine.film import render_film
from render_farm.engine.presets import Preset
from render_farm.engine.scene import SceneRenderer
from render_farm.film import (
    Action,
    CastMember,
    Costume,
    DialogueLine,
    Emotion,
    Film,
    Place,
    Prop,
    Scene,
    SceneProp,
    Setting,
    Shot,
    StageAction,
    TimeOfDay,
    Transition,
    TransitionKind,
    VoiceStyle,
)


def reference_film() -> Film:
    lines = [
        "Welcome to the harvest festival! Everyone in the village has come to dance tonight.",
        "I have practised every evening, and I think I finally know the steps.",
        "Come on, friends, the baker made a cake for us. Here, this one is yours!",
        "Thank you! Let us share it before the music starts.",
    ]
    film = Film(
        title="Benchmark",
        seed=7,
        cast=[
            CastMember(
                id="nova",
                name="Nova",
                description="a shy silver robot with a red scarf",
                voice=VoiceStyle(voice="f2", pitch=60),
            ),
            CastMember(id="pip", name="Pip", description="a small orange fox with a green cap"),
            CastMember(id="bruno", name="Bruno", description="a big brown bear in blue overalls"),
            CastMember(id="bea", name="Bea", description="the village baker", costume=Costume.baker),
        ],
        scenes=[
            Scene(
                id="s01",
                number=1,
                duration=10.5,
                cast=["nova", "pip", "bruno", "bea"],
                shot=Shot.wide,
                setting=Setting(place=Place.village, time_of_day=TimeOfDay.dusk),
                props=[SceneProp(prop=Prop.lantern, holder="bruno"), SceneProp(prop=Prop.basket)],
                dialogue=[
                    DialogueLine(speaker="nova", text=lines[0], emotion=Emotion.excited),
                    DialogueLine(speaker="nova", text=lines[1]),
                ],
            ),
            Scene(
                id="s02",
                number=2,
                duration=10.5,
                cast=["nova", "pip", "bruno", "bea"],
                shot=Shot.medium,
                setting=Setting(place=Place.bakery, time_of_day=TimeOfDay.dusk),
                transition_in=Transition(kind=TransitionKind.crossfade, duration=1.0),
                props=[SceneProp(prop=Prop.cake, holder="bea"), SceneProp(prop=Prop.bread)],
                actions=[StageAction(who="bea", action=Action.give, target="pip", prop=Prop.cake, line=0)],
                dialogue=[
                    DialogueLine(speaker="bea", text=lines[2], emotion=Emotion.happy, to="pip"),
                    DialogueLine(speaker="pip", text=lines[3], emotion=Emotion.happy, to="bea"),
                ],
            ),
        ],
    )
    return OfflineDesigner().design(film)


def stolen_ticks() -> int | None:
    """CPU time the hypervisor gave to others so far, in clock ticks (Linux), else None."""
    try:
        with open("/proc/stat") as stat:
            fields = stat.readline().split()
        return int(fields[8])
    except (OSError, IndexError, ValueError):
        return None


class Stopwatch:
    """Wall time of a block, the CPU time this process spent in it (all its threads), and the
    share of the machine's CPU time stolen meanwhile."""

    def __enter__(self) -> Stopwatch:
        self.steal, self.started, self.cpu_started = stolen_ticks(), time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.started
        self.cpu = time.process_time() - self.cpu_started
        end = stolen_ticks()
        if self.steal is None or end is None:
            self.stolen = float("nan")
        else:
            capacity = self.seconds * os.sysconf("SC_CLK_TCK") * (os.cpu_count() or 1)
            self.stolen = (end - self.steal) / capacity if capacity else 0.0


def run_ours(film: Film, preset: Preset, voice: EspeakVoice, work: Path) -> tuple[float, Path]:
    out = work / "ours.mp4"
    started = time.perf_counter()
    render_film(film, out, preset, voice, cache_dir=work / "cache")
    return time.perf_counter() - started, out


def film_frames_yuv(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [frame.to_ndarray(format="yuv420p") for frame in container.decode(video=0)]


def run_encode_only(frames: list[np.ndarray], preset: Preset, work: Path) -> float:
    out = work / "encode_only.mp4"
    started = time.perf_counter()
    with av.open(str(out), "w", options={"movflags": "+faststart"}) as container:
        stream = open_h264_stream(container, preset)
        for index, pixels in enumerate(frames):
            frame = av.VideoFrame.from_ndarray(pixels, format="yuv420p")
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return time.perf_counter() - started


def _moving_clip(video_clip: type, pixels, where, duration: float):  # type: ignore[no-untyped-def]
    """A MoviePy clip of premultiplied RGBA pictures ``pixels(t)`` placed at ``where(t)``."""

    def colour(t: float) -> np.ndarray:
        px = pixels(t)
        alpha = np.maximum(px[..., 3:4], 1).astype(np.float32)
        return np.clip(px[..., :3] * (255.0 / alpha), 0, 255).astype(np.uint8)

    def mask(t: float) -> np.ndarray:
        return pixels(t)[..., 3].astype(np.float32) / 255.0

    body = video_clip(colour, duration=duration).with_mask(video_clip(mask, is_mask=True, duration=duration))
    return body.with_position(where)


def run_moviepy(film: Film, preset: Preset, voice: EspeakVoice, work: Path) -> float:
    """The same composition as MoviePy's documentation builds one: clips, positions, composite."""
    from moviepy import AudioArrayClip, CompositeVideoClip, ImageClip, VideoClip, vfx

    from render_farm.engine.subtitles import render_cue

    renderer = SceneRenderer(film, preset, voice)
    started = time.perf_counter()
    scenes = []
    for index, scene in enumerate(film.scenes):
        layout = renderer.layout(index)

        def view(t: float, layout=layout) -> np.ndarray:  # type: ignore[no-untyped-def]
            # the camera cuts from speaker to speaker: the stage as it sees it
            return renderer._stage_view(layout, layout.camera_at(t))

        clips = [VideoClip(view, duration=scene.duration)]
        for actor in layout.actors:

            def state(t: float, member_id: str = actor.member_id, layout=layout):  # type: ignore[no-untyped-def]
                return next(s for s in layout.actors_at(t) if s.member_id == member_id)

            def sprite(t: float, state=state, layout=layout):  # type: ignore[no-untyped-def]
                s = state(t)
                return renderer._rig(s.member_id).sprite(round(s.height * layout.camera_at(t).zoom), s.pose)

            def where(t: float, state=state, sprite=sprite, layout=layout) -> tuple[int, int]:
                s, sp = state(t), sprite(t)
                x, y = layout.to_screen(layout.camera_at(t), s.x, s.y)
                return round(x - sp.anchor[0]), round(y - sp.anchor[1])

            clips.append(_moving_clip(VideoClip, lambda t, sprite=sprite: sprite(t).pixels, where, scene.duration))
        for item in scene.props:
            if item.holder is None:
                continue  # standing still all scene: it is in the stage picture

            def prop_state(t: float, prop=item.prop, layout=layout):  # type: ignore[no-untyped-def]
                return next(p for p in layout.props_at(t) if p.prop == prop)

            def prop_picture(t: float, prop_state=prop_state, layout=layout):  # type: ignore[no-untyped-def]
                return renderer._pictures.prop(prop_state(t), layout.camera_at(t).zoom, dark=True)

            def prop_where(t: float, prop_state=prop_state, prop_picture=prop_picture, layout=layout):  # type: ignore[no-untyped-def]
                p, (_, _, grip) = prop_state(t), prop_picture(t)
                x, y = layout.to_screen(layout.camera_at(t), p.x, p.y)
                return round(x - grip[0]), round(y - grip[1])

            pixels = lambda t, prop_picture=prop_picture: prop_picture(t)[0].pixels  # noqa: E731
            clips.append(_moving_clip(VideoClip, pixels, prop_where, scene.duration))
        for cue in layout.cues:
            picture = render_cue(cue.text, preset.width, preset.height, cue.narrator)
            alpha = np.maximum(picture[..., 3:4], 1).astype(np.float32)
            rgb = np.clip(picture[..., :3] * (255.0 / alpha), 0, 255).astype(np.uint8)
            text = ImageClip(rgb).with_mask(ImageClip(picture[..., 3].astype(np.float32) / 255.0, is_mask=True))
            y = preset.height - picture.shape[0] - round(preset.height * 0.05)
            clips.append(
                text.with_position(("center", y))
                .with_start(cue.start)
                .with_duration(min(cue.end, scene.duration) - cue.start)
            )
        mix = renderer.mix(layout)
        # The full-frame background is the base clip (use_bgclip): the scene is opaque, as ours is
        composite = CompositeVideoClip(clips, size=(preset.width, preset.height), use_bgclip=True).with_duration(
            scene.duration
        )
        # with_duration also sets the clip's end, which CompositeAudioClip needs to know its length
        scenes.append(composite.with_audio(AudioArrayClip(mix, fps=48000).with_duration(scene.duration)))
    first, second = scenes
    overlap = film.scenes[1].transition_in.duration
    second = second.with_start(first.duration - overlap).with_effects([vfx.CrossFadeIn(overlap)])
    final = CompositeVideoClip([first, second], size=(preset.width, preset.height))
    final.write_videofile(
        str(work / "moviepy.mp4"),
        fps=preset.fps,
        codec="libx264",
        preset=preset.x264_preset,
        ffmpeg_params=["-crf", str(preset.crf), "-pix_fmt", "yuv420p", "-x264-params", x264_params(preset)],
        threads=ENCODER_THREADS,
        audio_codec="aac",
        logger=None,
    )
    return time.perf_counter() - started


def run_once(
    film: Film, preset: Preset, voice: EspeakVoice, args: argparse.Namespace, *, moviepy_too: bool = True
) -> dict[str, float]:
    """One run of all three, in a fresh folder (so ours renders every scene)."""
    work = Path(tempfile.mkdtemp(prefix="aistudio-bench-"))
    try:
        with Stopwatch() as watch:
            ours, ours_path = run_ours(film, preset, voice, work)
        frames = film_frames_yuv(ours_path)
        with Stopwatch() as watch_encoder:
            encode_only = run_encode_only(frames, preset, work)
        stolen = max(watch.stolen, watch_encoder.stolen)
        moviepy = float("nan") if args.skip_moviepy or not moviepy_too else run_moviepy(film, preset, voice, work)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("ours.mp4", "encode_only.mp4", "moviepy.mp4"):
                if (work / name).exists():
                    shutil.copy(work / name, args.keep / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "ours_s": ours,
        "moviepy_s": moviepy,
        "encode_only_s": encode_only,
        "frames": len(frames),
        "stolen": stolen,
        "ours_cpu_s": watch.cpu,
        "encode_only_cpu_s": watch_encoder.cpu,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--x264-preset", default="veryfast")
    parser.add_argument("--crf", type=int, default=21)
    parser.add_argument("--runs", type=int, default=1, help="times to run all three (ranges are printed)")
    parser.add_argument("--skip-moviepy", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the three films (of the last run) in this folder")
    args = parser.parse_args()
    if not args.skip_moviepy and importlib.util.find_spec("moviepy") is None:
        print('render_bench: MoviePy is not installed: pip install -e ".[bench]" (or --skip-moviepy)', file=sys.stderr)
        return 2
    preset = Preset(
        name="bench720",
        width=1280,
        height=720,
        fps=24,
        crf=args.crf,
        x264_preset=args.x264_preset,
        audio_bitrate=160_000,
        keyint=48,
    )
    film = reference_film()
    voice = EspeakVoice()
    SceneRenderer(film, preset, voice).layout(0)  # load the voice library before timing
    run_once(film, preset, voice, args, moviepy_too=False)  # untimed: what the process pays once
    runs = []
    for index in range(max(1, args.runs)):
        result = run_once(film, preset, voice, args)
        runs.append(result)
        if index == 0:
            print(
                f"composition: {film.duration:.0f} s, {preset.width}x{preset.height} @ {preset.fps} fps, "
                f"libx264 preset={preset.x264_preset} crf={preset.crf}, {result['frames']} frames"
            )
        ours, encode_only, moviepy = result["ours_s"], result["encode_only_s"], result["moviepy_s"]
        print(f"run {index + 1}:")
        print(f"  ours:        {ours:7.2f} s   ({ours / encode_only:.2f}x the encoder alone)")
        print(f"  encode only: {encode_only:7.2f} s")
        cpu, cpu_encoder = result["ours_cpu_s"], result["encode_only_cpu_s"]
        print(f"  CPU time:    ours {cpu:.2f} s, encoder alone {cpu_encoder:.2f} s ({cpu / cpu_encoder:.2f}x)")
        if not args.skip_moviepy:
            print(f"  moviepy:     {moviepy:7.2f} s   (ours is {moviepy / ours:.1f}x faster)")
        if result["stolen"] == result["stolen"] and result["stolen"] >= 0.02:
            print(f"  (the hypervisor took {result['stolen']:.0%} of the CPU time during this run)")
    if len(runs) > 1:
        floor = [r["ours_s"] / r["encode_only_s"] for r in runs]
        print(
            f"over {len(runs)} runs: ours {statistics.median(floor):.2f}x the encoder alone (median), "
            f"{min(floor):.2f}x to {max(floor):.2f}x"
        )
        cpu = [r["ours_cpu_s"] / r["encode_only_cpu_s"] for r in runs]
        print(
            f"  CPU time: ours {statistics.median(cpu):.2f}x the encoder's (median), {min(cpu):.2f}x to {max(cpu):.2f}x"
        )
        if not args.skip_moviepy:
            faster = [r["moviepy_s"] / r["ours_s"] for r in runs]
            print(f"  ours is {statistics.median(faster):.1f}x faster than MoviePy (median), ", end="")
            print(f"{min(faster):.1f}x to {max(faster):.1f}x")
    keys = ("ours_s", "moviepy_s", "encode_only_s")
    summary = (
        {key: [round(r[key], 3) for r in runs] for key in keys}
        if len(runs) > 1
        else {key: round(runs[0][key], 3) for key in keys}
    )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
