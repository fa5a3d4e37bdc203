"""Film assembly: copied bodies, re-encoded transitions, sound, timing, determinism."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import av
import cv2
import numpy as np
import pytest
from engine_helpers import decode_rgb

from render_farm.engine.assembly import AssemblyReport, SceneClip, assemble, boundary_keyframes
from render_farm.engine.encoder import VideoWriter
from render_farm.engine.errors import RenderError
from render_farm.engine.presets import SAMPLE_RATE, Preset
from render_farm.film import Transition, TransitionKind

TINY = Preset(
    name="tiny", width=320, height=180, fps=12, crf=24, x264_preset="veryfast", audio_bitrate=96_000, keyint=48
)
SPF = SAMPLE_RATE // TINY.fps
CUT = Transition()
RED, GREEN, BLUE = (200, 40, 40), (40, 200, 40), (40, 40, 200)


def picture(index: int, colour: tuple[int, int, int]) -> np.ndarray:
    frame = np.empty((TINY.height, TINY.width, 3), np.uint8)
    frame[:] = colour
    cv2.circle(frame, (30 + (index * 7) % 260, 120), 18, (240, 220, 60), -1)
    cv2.putText(frame, str(index), (10, 40), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (255, 255, 255), 2)
    return frame


def tone(n_frames: int, hz: float, level: float = 0.25) -> np.ndarray:
    t = np.arange(n_frames * SPF) / SAMPLE_RATE
    wave = (level * np.sin(2 * np.pi * hz * t)).astype(np.float32)
    return np.stack([wave, wave], 1)


def make_clip(
    path: Path,
    n: int,
    colour: tuple[int, int, int],
    transition_in: Transition = CUT,
    *,
    tail: float = 0.0,
    hz: float = 440.0,
    keyframes: bool = True,
) -> SceneClip:
    head_frames = round(transition_in.duration * TINY.fps)
    tail_frames = round(tail * TINY.fps)
    marks = boundary_keyframes(n, head_frames, tail_frames) if keyframes else []
    audio = tone(n, hz)
    with VideoWriter(path, TINY, force_keyframes=marks) as writer:
        writer.set_audio(audio)
        for i in range(n):
            writer.write_rgb(picture(i, colour))
    return SceneClip(video=path, audio=audio, transition_in=transition_in)


def decode_audio(path: Path) -> np.ndarray:
    with av.open(str(path)) as container:
        return np.concatenate([f.to_ndarray() for f in container.decode(audio=0)], axis=1)


def mean_colour(frame: np.ndarray) -> np.ndarray:
    return frame[140:175, 200:310].reshape(-1, 3).mean(0)  # a corner with background only


def test_boundary_keyframes_mark_the_body_of_a_scene() -> None:
    assert boundary_keyframes(100, 12, 6) == [0, 12, 94]
    assert boundary_keyframes(100, 0, 0) == [0]
    assert boundary_keyframes(100, 0, 12) == [0, 88]
    assert boundary_keyframes(24, 12, 12) == [0, 12]  # the body is empty: 24 is past the end


def test_cuts_copy_every_frame_without_re_encoding(tmp_path: Path) -> None:
    clips = [
        make_clip(tmp_path / "a.mp4", 20, RED),
        make_clip(tmp_path / "b.mp4", 17, GREEN),
        make_clip(tmp_path / "c.mp4", 25, BLUE),
    ]
    seen: list[tuple[int, int]] = []
    report = assemble(clips, tmp_path / "film.mp4", TINY, progress=lambda done, total: seen.append((done, total)))
    assert report == AssemblyReport(frames_total=62, frames_copied=62, frames_encoded=0, duration=62 / 12)
    assert seen[-1] == (62, 62)
    film = decode_rgb(tmp_path / "film.mp4")
    originals = [frame for clip in clips for frame in decode_rgb(clip.video)]
    assert len(film) == len(originals) == 62
    for mine, theirs in zip(film, originals, strict=True):
        assert np.array_equal(mine, theirs)  # the very same packets, decoded


def test_crossfade_frames_mix_both_neighbours(tmp_path: Path) -> None:
    fade = Transition(kind=TransitionKind.crossfade, duration=1.0)  # 12 frames
    a = make_clip(tmp_path / "a.mp4", 36, RED, tail=1.0)
    b = make_clip(tmp_path / "b.mp4", 30, GREEN, fade)
    report = assemble([a, b], tmp_path / "film.mp4", TINY)
    assert (report.frames_total, report.frames_encoded, report.frames_copied) == (54, 12, 42)
    film = decode_rgb(tmp_path / "film.mp4")
    assert len(film) == 54
    before, middle, after = mean_colour(film[23]), mean_colour(film[30]), mean_colour(film[36])
    assert np.allclose(before, RED, atol=8) and np.allclose(after, GREEN, atol=8)
    progress = 7 / 13  # transition frame 6 of 12
    expected = np.array(RED) * (1 - progress) + np.array(GREEN) * progress
    assert np.allclose(middle, expected, atol=8)
    reds = [mean_colour(frame)[0] for frame in film[24:36]]
    assert all(x > y for x, y in itertools.pairwise(reds))  # a steady mix from one to the other


def test_fade_through_black_is_dark_in_the_middle(tmp_path: Path) -> None:
    fade = Transition(kind=TransitionKind.fade_black, duration=1.0)
    a = make_clip(tmp_path / "a.mp4", 30, RED, tail=1.0, hz=440)
    b = make_clip(tmp_path / "b.mp4", 30, GREEN, fade, hz=660)
    report = assemble([a, b], tmp_path / "film.mp4", TINY)
    film = decode_rgb(tmp_path / "film.mp4")
    assert len(film) == report.frames_total == 48
    middle = film[18 + 5 : 18 + 7]  # transition frames 5 and 6 of 12
    assert all(frame.mean() < 25 for frame in middle)
    assert mean_colour(film[17])[0] > 150 and mean_colour(film[30])[1] > 150
    sound = decode_audio(tmp_path / "film.mp4")[0]
    dip = sound[int(23.5 * SPF) : int(24.5 * SPF)]  # the sound dips to silence with the picture
    assert np.sqrt(np.mean(dip**2)) < 0.01
    assert np.sqrt(np.mean(sound[5 * SPF : 15 * SPF] ** 2)) > 0.1


def test_wipe_shows_the_next_scene_on_the_left_and_the_previous_on_the_right(tmp_path: Path) -> None:
    wipe = Transition(kind=TransitionKind.wipe, duration=1.0)
    a = make_clip(tmp_path / "a.mp4", 30, RED, tail=1.0)
    b = make_clip(tmp_path / "b.mp4", 30, GREEN, wipe)
    assemble([a, b], tmp_path / "film.mp4", TINY)
    middle = decode_rgb(tmp_path / "film.mp4")[18 + 6]
    left = middle[130:175, 5:100].reshape(-1, 3).mean(0)
    right = middle[130:175, 230:315].reshape(-1, 3).mean(0)
    assert np.allclose(left, GREEN, atol=10)
    assert np.allclose(right, RED, atol=10)


def test_a_film_of_all_kinds_has_the_right_length_sound_and_decodes_cleanly(tmp_path: Path) -> None:
    cross = Transition(kind=TransitionKind.crossfade, duration=0.5)
    wipe = Transition(kind=TransitionKind.wipe, duration=0.75)
    black = Transition(kind=TransitionKind.fade_black, duration=1.0)
    opening = Transition(kind=TransitionKind.fade_black, duration=0.5)
    clips = [
        make_clip(tmp_path / "a.mp4", 30, RED, opening, tail=0.5),
        make_clip(tmp_path / "b.mp4", 31, GREEN, cross, tail=0.75),
        make_clip(tmp_path / "c.mp4", 29, BLUE, wipe),
        make_clip(tmp_path / "d.mp4", 26, RED, CUT, tail=1.0),
        make_clip(tmp_path / "e.mp4", 40, GREEN, black, tail=0.5),
    ]
    out = tmp_path / "film.mp4"
    report = assemble(clips, out, TINY, fade_out=0.5)
    overlaps = 6 + 9 + 0 + 12
    assert report.frames_total == 30 + 31 + 29 + 26 + 40 - overlaps
    # re-encoded: the fade in (6), three transitions (6 + 9 + 12) and the fade out (6)
    assert report.frames_encoded == 6 + 6 + 9 + 12 + 6
    assert report.frames_copied + report.frames_encoded == report.frames_total
    assert report.duration == pytest.approx(report.frames_total / TINY.fps)
    film = decode_rgb(out)
    assert len(film) == report.frames_total
    assert film[0].mean() < 40 and film[-1].mean() < 40  # fades in from and out to black
    with av.open(str(out)) as container:
        video = container.streams.video[0]
        packets = [p for p in container.demux(video) if p.size]
        assert [p.dts for p in packets] == sorted({p.dts for p in packets})  # strictly increasing
        assert sorted(p.pts for p in packets) == [i * packets[1].duration for i in range(len(packets))]
    samples = decode_audio(out).shape[1]
    assert abs(samples - report.frames_total * SPF) < SPF
    first = hashlib.sha256(out.read_bytes()).hexdigest()
    assemble(clips, out, TINY, fade_out=0.5)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp4", "b.mp4", "c.mp4", "d.mp4", "e.mp4", "film.mp4"]


def test_crossfaded_sound_keeps_its_power(tmp_path: Path) -> None:
    fade = Transition(kind=TransitionKind.crossfade, duration=1.0)
    a = make_clip(tmp_path / "a.mp4", 36, RED, tail=1.0, hz=440)
    b = make_clip(tmp_path / "b.mp4", 36, GREEN, fade, hz=587)
    assemble([a, b], tmp_path / "film.mp4", TINY)
    sound = decode_audio(tmp_path / "film.mp4")[0]

    def rms(frame_from: float, frame_to: float) -> float:
        return float(np.sqrt(np.mean(sound[int(frame_from * SPF) : int(frame_to * SPF)] ** 2)))

    steady = rms(5, 20)
    assert rms(28, 32) == pytest.approx(steady, rel=0.15)  # equal power through the overlap


def test_a_clip_without_boundary_keyframes_is_re_encoded_not_broken(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fade = Transition(kind=TransitionKind.crossfade, duration=1.0)
    a = make_clip(tmp_path / "a.mp4", 30, RED, tail=1.0, keyframes=False)
    b = make_clip(tmp_path / "b.mp4", 30, GREEN, fade)
    report = assemble([a, b], tmp_path / "film.mp4", TINY)
    assert "re-encoding scene 1" in caplog.text
    assert report.frames_encoded == 18 + 12 and report.frames_copied == 18
    assert len(decode_rgb(tmp_path / "film.mp4")) == report.frames_total == 48


def test_clips_of_another_size_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    a = make_clip(tmp_path / "a.mp4", 20, RED)
    other = Preset(
        name="other", width=160, height=96, fps=12, crf=24, x264_preset="veryfast", audio_bitrate=96_000, keyint=48
    )
    with VideoWriter(tmp_path / "b.mp4", other) as writer:
        for _ in range(12):
            writer.write_rgb(np.zeros((96, 160, 3), np.uint8))
    b = SceneClip(video=tmp_path / "b.mp4", audio=tone(12, 440), transition_in=CUT)
    with pytest.raises(RenderError, match="160x96"):
        assemble([a, b], tmp_path / "film.mp4", TINY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp4", "b.mp4"]


def test_transitions_longer_than_a_clip_are_refused(tmp_path: Path) -> None:
    a = make_clip(tmp_path / "a.mp4", 12, RED)
    b = make_clip(tmp_path / "b.mp4", 12, GREEN, Transition(kind=TransitionKind.crossfade, duration=1.5))
    with pytest.raises(RenderError, match="shorter than its transitions"):
        assemble([a, b], tmp_path / "film.mp4", TINY)
