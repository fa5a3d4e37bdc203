"""Scene and film rendering, end to end: frames, sound, sync, determinism, caching."""

from __future__ import annotations

import hashlib
from pathlib import Path

import av
import numpy as np
import pytest
from engine_helpers import TINY_FILM

from render_farm.ai.offline.designer import OfflineDesigner
from render_farm.ai.offline.espeak import EspeakVoice
from render_farm.engine.audio import read_wav
from render_farm.engine.encoder import rgb_to_yuv420
from render_farm.engine.film import render_film, render_scenes
from render_farm.engine.scene import SceneCanvas, SceneRenderer, scene_key
from render_farm.film import (
    NARRATOR,
    CameraMove,
    CastMember,
    DialogueLine,
    Emotion,
    Film,
    OutputSettings,
    Place,
    Scene,
    Setting,
    Shot,
    TimeOfDay,
    Transition,
    TransitionKind,
    VoiceStyle,
)

TINY = TINY_FILM


@pytest.fixture(scope="module")
def film() -> Film:
    plain = Film(
        title="Two Friends",
        seed=3,
        output=OutputSettings(music=False),
        cast=[
            CastMember(
                id="pip",
                name="Pip",
                description="a small orange fox with a green scarf",
                voice=VoiceStyle(voice="f3", pitch=70, rate=170),
            ),
            CastMember(
                id="bolt",
                name="Bolt",
                description="a tall silver robot with a blue antenna",
                voice=VoiceStyle(voice="m2", pitch=30, rate=150),
            ),
        ],
        scenes=[
            Scene(
                id="s01",
                number=1,
                duration=4.0,
                cast=["pip", "bolt"],
                shot=Shot.wide,
                setting=Setting(place=Place.forest),
                dialogue=[DialogueLine(speaker="pip", text="Hello Bolt, shall we dance?", emotion=Emotion.happy)],
            ),
            Scene(
                id="s02",
                number=2,
                duration=4.0,
                cast=["pip", "bolt"],
                shot=Shot.medium,
                setting=Setting(place=Place.village, time_of_day=TimeOfDay.dusk),
                transition_in=Transition(kind=TransitionKind.crossfade, duration=0.5),
                dialogue=[
                    DialogueLine(speaker="bolt", text="Yes. Let us try."),
                    DialogueLine(speaker=NARRATOR, text="And so they did."),
                ],
            ),
        ],
    )
    return OfflineDesigner().design(plain)


def decode(path: Path) -> tuple[list[np.ndarray], np.ndarray, float, float]:
    frames, samples = [], []
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        audio = container.streams.audio[0]
        for frame in container.decode(video=0):
            frames.append(frame.to_ndarray(format="rgb24"))
        container.seek(0)
        for frame in container.decode(audio=0):
            samples.append(frame.to_ndarray())
        rate = audio.codec_context.sample_rate
        fps = float(video.average_rate)
    pcm = np.concatenate(samples, axis=1)
    return frames, pcm, len(frames) / fps, pcm.shape[1] / rate


@pytest.fixture(scope="module")
def rendered(film: Film, voice: EspeakVoice, tmp_path_factory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("scene")
    video, audio = out / "s1.mp4", out / "s1.wav"
    SceneRenderer(film, TINY, voice).render(0, video, audio)
    return video, audio


def test_scene_has_duration_times_fps_frames_and_matching_audio(rendered: tuple[Path, Path]) -> None:
    frames, _, video_seconds, audio_seconds = decode(rendered[0])
    assert len(frames) == 4.0 * TINY.fps
    assert abs(video_seconds - audio_seconds) <= 1 / TINY.fps


def test_same_inputs_give_identical_files(film: Film, voice: EspeakVoice, rendered, tmp_path: Path) -> None:
    video, audio = tmp_path / "again.mp4", tmp_path / "again.wav"
    SceneRenderer(film, TINY, voice).render(0, video, audio)
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert digest(video) == digest(rendered[0])
    assert digest(audio) == digest(rendered[1])


def test_speech_is_heard_where_the_line_is_placed(film: Film, voice: EspeakVoice, rendered) -> None:
    mix, rate = read_wav(rendered[1])
    layout = SceneRenderer(film, TINY, voice).layout(0)
    line = layout.lines[0]
    rms = lambda a, b: float(np.sqrt(np.mean(mix[int(a * rate) : int(b * rate)] ** 2)))  # noqa: E731
    assert rms(line.start, line.end) > 8 * rms(0.0, line.start - 0.05)


def test_mouth_moves_while_the_character_speaks(film: Film, voice: EspeakVoice) -> None:
    renderer = SceneRenderer(film, TINY, voice)
    layout = renderer.layout(0)
    line = layout.lines[0]
    times = np.linspace(line.start + 0.05, line.end - 0.05, 12)
    shapes = {line.speech.viseme_at(t - line.start) for t in times}
    assert len(shapes) >= 3, "the line should need several mouth shapes"
    frames = [renderer.compose(layout, float(t)).copy() for t in times]
    distinct = {hashlib.sha256(f.tobytes()).hexdigest() for f in frames}
    assert len(distinct) >= 3


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float(10 * np.log10(255**2 / max(mse, 1e-12)))


@pytest.mark.parametrize("camera", [CameraMove.static, CameraMove.pan_left, CameraMove.zoom_in])
def test_frames_drawn_in_the_encoder_format_match_the_rgb_frames(
    film: Film, voice: EspeakVoice, camera: CameraMove
) -> None:
    moved = film.model_copy(deep=True)
    for scene in moved.scenes:
        scene.camera = camera
    renderer = SceneRenderer(moved, TINY, voice)
    height = TINY.height
    for index in range(2):
        layout = renderer.layout(index)
        static: dict = {}
        drawn = np.empty((height * 3 // 2, TINY.width), np.uint8)
        for t in (0.2, 1.7, 3.4):  # walking in, talking, a subtitle on screen
            renderer.compose_i420(layout, t, drawn, static)
            expected = rgb_to_yuv420(renderer.compose(layout, t))
            assert psnr(drawn[:height], expected[:height]) > 40, (index, t)
            assert psnr(drawn[height:], expected[height:]) > 40, (index, t)


@pytest.mark.parametrize("camera", [CameraMove.static, CameraMove.pan_left])
def test_frames_drawn_over_the_one_before_are_the_frames_drawn_whole(
    film: Film, voice: EspeakVoice, camera: CameraMove
) -> None:
    """The canvas redraws only what changed; every frame must still be exactly the whole drawing:
    characters walking in and out of each other, mouths and blinks, subtitles coming and going."""
    moved = film.model_copy(deep=True)
    for scene in moved.scenes:
        scene.camera = camera
    renderer = SceneRenderer(moved, TINY, voice)
    whole = np.empty((TINY.height * 3 // 2, TINY.width), np.uint8)
    for index in range(2):
        layout = renderer.layout(index)
        canvas, static = SceneCanvas(renderer, layout), {}
        held = 0
        for i in range(layout.n_frames):
            drawn = canvas.draw(i / TINY.fps)
            held += canvas.unchanged
            renderer.compose_i420(layout, i / TINY.fps, whole, static)
            assert np.array_equal(drawn, whole), (index, i)
        if camera is CameraMove.static:
            assert held, "some frames of a still camera hold still"


def actor_crop(renderer: SceneRenderer, index: int, member_id: str, t: float) -> np.ndarray:
    layout = renderer.layout(index)
    frame = renderer.compose(layout, t)
    camera = layout.camera_at(t)
    state = next(s for s in layout.actors_at(t) if s.member_id == member_id)
    x, y = layout.to_screen(camera, state.x, state.y)
    h = state.height * camera.zoom
    top, left = int(max(0, y - h * 0.9)), int(max(0, x - h * 0.2))
    return frame[top : int(y - h * 0.1), left : int(x + h * 0.2)]


def colour_signature(pixels: np.ndarray) -> np.ndarray:
    quantised = (pixels // 32).reshape(-1, 3).astype(np.int32)
    codes = quantised[:, 0] * 64 + quantised[:, 1] * 8 + quantised[:, 2]
    hist = np.bincount(codes, minlength=512).astype(float)
    return hist / hist.sum()


def test_a_character_looks_the_same_in_every_scene(film: Film, voice: EspeakVoice) -> None:
    # the second scene's medium shot holds on Bolt, who speaks: seen wide, Pip is in it too
    wide = film.model_copy(deep=True)
    wide.scenes[1].shot = Shot.wide
    renderer = SceneRenderer(wide, TINY, voice)
    pip_1 = colour_signature(actor_crop(renderer, 0, "pip", 3.0))
    pip_2 = colour_signature(actor_crop(renderer, 1, "pip", 3.5))
    bolt_2 = colour_signature(actor_crop(renderer, 1, "bolt", 3.5))
    same = np.minimum(pip_1, pip_2).sum()
    other = np.minimum(pip_2, bolt_2).sum()
    assert same > other + 0.15, (same, other)


def test_editing_one_scene_changes_only_its_cache_key(film: Film, voice: EspeakVoice) -> None:
    keys = [scene_key(film, i, TINY, voice) for i in range(2)]
    edited = film.model_copy(deep=True)
    edited.scenes[1].dialogue[0].text = "No, not today."
    assert scene_key(edited, 0, TINY, voice) == keys[0]
    assert scene_key(edited, 1, TINY, voice) != keys[1]
    retitled = film.model_copy(deep=True)
    retitled.scenes[0].title = "A new name"
    assert scene_key(retitled, 0, TINY, voice) == keys[0]


def test_film_is_assembled_and_second_render_reuses_every_scene(film: Film, voice: EspeakVoice, tmp_path: Path) -> None:
    out = tmp_path / "film.mp4"
    first = render_film(film, out, TINY, voice, cache_dir=tmp_path / "cache")
    frames, _, video_seconds, audio_seconds = decode(out)
    assert len(frames) == round(film.duration * TINY.fps)
    assert abs(video_seconds - audio_seconds) <= 1 / TINY.fps
    assert first.rendered == 2 and first.assembly.frames_encoded < len(frames) / 2
    second = render_film(film, tmp_path / "film2.mp4", TINY, voice, cache_dir=tmp_path / "cache")
    assert second.rendered == 0 and second.reused == 2


def test_one_edited_scene_rerenders_alone(film: Film, voice: EspeakVoice, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    render_scenes(film, TINY, voice, cache)
    edited = film.model_copy(deep=True)
    edited.scenes[1].dialogue[0].text = "Maybe tomorrow."
    _, rendered = render_scenes(edited, TINY, voice, cache)
    assert rendered == 1
