"""A whole film: every frame encoded once, the same bytes whatever was cached, clean splices, sound in sync."""

from __future__ import annotations

import hashlib
from pathlib import Path

import av
import numpy as np
import pytest
from engine_helpers import TINY_FILM, decode_rgb

from render_farm.ai.offline.designer import OfflineDesigner
from render_farm.ai.offline.espeak import EspeakVoice
from render_farm.engine.audio import read_wav
from render_farm.engine.errors import RenderError
from render_farm.engine.film import FADE_OUT, FilmResult, render_film, render_scenes, scene_fade_out
from render_farm.engine.film_sound import mix_film
from render_farm.engine.scene import SceneRenderer
from render_farm.engine.transitions import FilmPlan, plan_film
from render_farm.film import (
    CastMember,
    DialogueLine,
    Emotion,
    Film,
    OutputSettings,
    Place,
    Scene,
    Setting,
    Shot,
    Transition,
    TransitionKind,
)

TINY = TINY_FILM
SPF = TINY.samples_per_frame


@pytest.fixture(scope="module")
def film() -> Film:
    plain = Film(
        title="Three Places",
        seed=5,
        output=OutputSettings(music=False),
        cast=[
            CastMember(id="pip", name="Pip", description="a small orange fox with a green scarf"),
            CastMember(id="bolt", name="Bolt", description="a tall silver robot with a blue antenna"),
        ],
        scenes=[
            Scene(
                id="s01",
                number=1,
                duration=3.0,
                cast=["pip", "bolt"],
                shot=Shot.wide,
                setting=Setting(place=Place.forest),
                transition_in=Transition(kind=TransitionKind.fade_black, duration=0.5),  # the film fades in
                dialogue=[DialogueLine(speaker="pip", text="Look at the trees!", emotion=Emotion.happy)],
            ),
            Scene(
                id="s02",
                number=2,
                duration=3.0,
                cast=["pip", "bolt"],
                shot=Shot.medium,
                setting=Setting(place=Place.village),
                transition_in=Transition(kind=TransitionKind.crossfade, duration=0.5),
                dialogue=[DialogueLine(speaker="bolt", text="The village is quiet today.")],
            ),
            Scene(
                id="s03",
                number=3,
                duration=2.5,
                cast=["pip"],
                shot=Shot.wide,
                setting=Setting(place=Place.meadow),
                transition_in=Transition(kind=TransitionKind.wipe, duration=0.75),
                dialogue=[DialogueLine(speaker="pip", text="Goodbye!")],
            ),
        ],
    )
    return OfflineDesigner().design(plain)


def plan_of(film: Film) -> FilmPlan:
    return plan_film(
        [round(s.duration * TINY.fps) for s in film.scenes], [s.transition_in for s in film.scenes], TINY.fps, FADE_OUT
    )


@pytest.fixture(scope="module")
def fresh(film: Film, voice: EspeakVoice, tmp_path_factory: pytest.TempPathFactory) -> tuple[FilmResult, Path]:
    folder = tmp_path_factory.mktemp("film")
    result = render_film(film, folder / "film.mp4", TINY, voice, cache_dir=folder / "cache")
    return result, folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def frame_count(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for packet in container.demux(container.streams.video[0]) if packet.size)


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float(10 * np.log10(255**2 / max(mse, 1e-12)))


def test_only_the_last_scene_fades_to_black(film: Film) -> None:
    assert [scene_fade_out(film, i) for i in range(3)] == [0.0, 0.0, FADE_OUT]
    assert FADE_OUT > 0
    one_scene = film.model_copy(update={"scenes": film.scenes[:1]})
    assert scene_fade_out(one_scene, 0) == FADE_OUT


def test_every_frame_of_the_film_is_encoded_once(film: Film, fresh: tuple[FilmResult, Path]) -> None:
    result, folder = fresh
    plan = plan_of(film)
    total = round(film.duration * TINY.fps)
    assert plan.total == total == result.assembly.frames_total
    transitions = sum(plan.heads) + plan.tails[-1]  # fade in, two transitions, fade out
    assert result.assembly.frames_encoded == transitions
    bodies = []
    for index, scene in enumerate(result.scenes):
        assert scene.video.name.endswith(".body.mp4")
        with av.open(str(scene.video)) as container:
            assert not container.streams.audio  # the film's sound is encoded once, in the film
        bodies.append(frame_count(scene.video))
        assert bodies[-1] == plan.frames[index] - plan.heads[index] - plan.tails[index]
    assert sum(bodies) + transitions == total == result.assembly.frames_copied + result.assembly.frames_encoded
    assert len(decode_rgb(folder / "film.mp4")) == total
    assert result.rendered == 3
    assert not [p for p in folder.rglob("*") if "partial" in p.name or ".parts-" in p.name]


def test_the_film_is_the_same_bytes_whatever_was_cached(
    film: Film, voice: EspeakVoice, fresh: tuple[FilmResult, Path], tmp_path: Path
) -> None:
    _, folder = fresh
    # from its own cache (the scenes' bodies)
    again = render_film(film, tmp_path / "again.mp4", TINY, voice, cache_dir=folder / "cache")
    assert (again.rendered, again.reused) == (0, 3)
    assert digest(tmp_path / "again.mp4") == digest(folder / "film.mp4")
    # from the whole-scene clips the previews render
    render_scenes(film, TINY, voice, tmp_path / "previews")
    from_previews = render_film(film, tmp_path / "from-previews.mp4", TINY, voice, cache_dir=tmp_path / "previews")
    assert from_previews.rendered == 0
    assert all(scene.video.name.endswith(".mp4") and ".body" not in scene.video.name for scene in from_previews.scenes)
    assert digest(tmp_path / "from-previews.mp4") == digest(folder / "film.mp4")


def test_a_whole_scene_clip_carries_the_body_clip_packets(
    film: Film, voice: EspeakVoice, fresh: tuple[FilmResult, Path], tmp_path: Path
) -> None:
    result, _ = fresh
    plan = plan_of(film)
    whole = tmp_path / "whole.mp4"
    SceneRenderer(film, TINY, voice).render(1, whole, tmp_path / "whole.wav")
    with av.open(str(whole)) as container:
        assert container.streams.audio  # a preview plays with its sound
        packets = [p for p in container.demux(container.streams.video[0]) if p.size]
    assert len(packets) == plan.frames[1]
    with av.open(str(result.scenes[1].video)) as container:
        body = [bytes(p) for p in container.demux(container.streams.video[0]) if p.size]
    # decode order: the body's packets sit between the head's and the tail's
    head = plan.heads[1]
    assert [bytes(p) for p in packets[head : head + len(body)]] == body
    assert read_wav(tmp_path / "whole.wav")[0].tobytes() == read_wav(result.scenes[1].audio)[0].tobytes()


def test_frames_at_every_splice_are_the_scenes_own(
    film: Film, voice: EspeakVoice, fresh: tuple[FilmResult, Path]
) -> None:
    _, folder = fresh
    plan = plan_of(film)
    movie = decode_rgb(folder / "film.mp4")
    renderer = SceneRenderer(film, TINY, voice)
    layouts = [renderer.layout(i, fade_out=FADE_OUT if i == 2 else 0.0) for i in range(3)]

    def scene_frame(index: int, frame: int) -> np.ndarray:
        return renderer.compose(layouts[index], frame / TINY.fps)

    for index in range(3):
        start, head, tail = plan.starts[index], plan.heads[index], plan.tails[index]
        # the first and last frames of the body, next to the transitions
        for frame in (head, plan.frames[index] - tail - 1):
            assert psnr(movie[start + frame], scene_frame(index, frame)) > 30, (index, frame)
    # a crossfade frame is both scenes mixed
    start, head = plan.starts[1], plan.heads[1]
    middle = head // 2
    progress = (middle + 1) / (head + 1)
    mixed = scene_frame(0, plan.frames[0] - head + middle) * (1 - progress) + scene_frame(1, middle) * progress
    assert psnr(movie[start + middle], mixed) > 30
    assert movie[0].mean() < 30 and movie[-1].mean() < 30  # fades in from and out to black
    assert movie[plan.heads[0]].mean() > 60


def test_the_film_sound_lines_up_with_the_scenes_within_a_frame(film: Film, fresh: tuple[FilmResult, Path]) -> None:
    result, folder = fresh
    plan = plan_of(film)
    expected = mix_film(plan, [read_wav(scene.audio)[0] for scene in result.scenes], SPF)[:, 0]
    with av.open(str(folder / "film.mp4")) as container:
        heard = np.concatenate([f.to_ndarray() for f in container.decode(audio=0)], axis=1)[0]
    assert abs(len(heard) - plan.total * SPF) < SPF
    n = min(len(heard), len(expected))
    size = 1 << (2 * n - 1).bit_length()
    correlation = np.fft.irfft(np.fft.rfft(heard[:n], size) * np.conj(np.fft.rfft(expected[:n], size)), size)
    lag = int(np.argmax(correlation))
    lag = lag - size if lag > size // 2 else lag
    assert abs(lag) < SPF // 4, f"the sound is {lag} samples off the picture"  # well within a frame
    assert correlation.max() > 0.8 * float(np.dot(expected[:n], expected[:n]))


def test_an_edited_scene_re_renders_alone_and_gives_the_film_a_fresh_render_gives(
    film: Film, voice: EspeakVoice, fresh: tuple[FilmResult, Path], tmp_path: Path
) -> None:
    _, folder = fresh
    cache = tmp_path / "cache"
    for path in (folder / "cache").iterdir():  # a copy of the cache: the other tests keep theirs
        (cache / path.name).parent.mkdir(exist_ok=True)
        (cache / path.name).write_bytes(path.read_bytes())
    edited = film.model_copy(deep=True)
    edited.scenes[1].dialogue[0].text = "The village is busy today."
    cached = render_film(edited, tmp_path / "edited.mp4", TINY, voice, cache_dir=cache)
    assert (cached.rendered, cached.reused) == (1, 2)
    clean = render_film(edited, tmp_path / "clean.mp4", TINY, voice, cache_dir=tmp_path / "empty")
    assert clean.rendered == 3
    assert digest(tmp_path / "edited.mp4") == digest(tmp_path / "clean.mp4")
    assert digest(tmp_path / "edited.mp4") != digest(folder / "film.mp4")


def test_a_film_that_cannot_be_written_says_so_and_leaves_the_cache_clean(
    film: Film, voice: EspeakVoice, tmp_path: Path
) -> None:
    with pytest.raises(RenderError, match="cannot write the film"):
        render_film(film, tmp_path / "missing" / "film.mp4", TINY, voice, cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_render_stopped_midway_leaves_only_finished_scenes_behind(
    film: Film, voice: EspeakVoice, tmp_path: Path
) -> None:
    class Stop(Exception):
        pass

    def progress(stage: str, done: int, total: int) -> None:
        if stage.startswith("scene 2/") and done >= 10:
            raise Stop  # what the app does when the user cancels

    cache = tmp_path / "cache"
    with pytest.raises(Stop):
        render_film(film, tmp_path / "film.mp4", TINY, voice, cache_dir=cache, progress=progress)
    names = sorted(p.name for p in tmp_path.rglob("*") if p.is_file())
    assert not [name for name in names if "partial" in name], names
    assert not (tmp_path / "film.mp4").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no working folder left
    assert [name for name in names if name.endswith(".body.mp4")] == [
        name.replace(".wav", ".body.mp4") for name in names if name.endswith(".wav")
    ]  # every clip that stayed is complete, with its sound
    resumed = render_film(film, tmp_path / "film.mp4", TINY, voice, cache_dir=cache)
    assert resumed.reused == len([name for name in names if name.endswith(".body.mp4")])


def test_progress_reaches_the_end_of_every_stage(film: Film, voice: EspeakVoice, tmp_path: Path) -> None:
    seen: dict[str, tuple[int, int]] = {}
    render_film(
        film,
        tmp_path / "film.mp4",
        TINY,
        voice,
        cache_dir=tmp_path / "cache",
        progress=lambda stage, done, total: seen.__setitem__(stage, (done, total)),
    )
    assert list(seen) == ["scene 1/3", "scene 2/3", "scene 3/3", "assembly"]
    assert all(done == total > 0 for done, total in seen.values()), seen
