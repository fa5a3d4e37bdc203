"""The MP4 encoder: frame counts, forced IDR keyframes, sound, sync, determinism, failures, presets."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from render_farm.engine.encoder import VideoWriter, rgb_to_yuv420
from render_farm.engine.errors import RenderError
from render_farm.engine.presets import PRESETS, SAMPLE_RATE, Preset, preset

TINY = Preset(
    name="tiny", width=320, height=180, fps=12, crf=26, x264_preset="veryfast", audio_bitrate=96_000, keyint=48
)
SPF = SAMPLE_RATE // TINY.fps


def picture(index: int, *, flash: bool = False) -> np.ndarray:
    """A frame with a moving disc and its number written on it."""
    frame = np.empty((TINY.height, TINY.width, 3), np.uint8)
    frame[:] = (250, 250, 250) if flash else (40, 90, 140)
    if not flash:
        cv2.circle(frame, (30 + (index * 9) % 260, 100), 24, (240, 190, 30), -1)
        cv2.putText(frame, str(index), (10, 40), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (255, 255, 255), 2)
    return frame


def write_clip(
    path: Path, n: int, *, keyframes: tuple[int, ...] = (), audio: np.ndarray | None = None, flash: int = -1
) -> Path:
    with VideoWriter(path, TINY, force_keyframes=keyframes) as writer:
        writer.set_audio(audio if audio is not None else np.zeros((n * SPF, 2), np.float32))
        for i in range(n):
            writer.write_rgb(picture(i, flash=i == flash))
        assert writer.frames_written == n
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_written_frame_decodes_in_order(tmp_path: Path) -> None:
    path = write_clip(tmp_path / "clip.mp4", 30)
    with av.open(str(path)) as container:
        frames = [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]
    assert len(frames) == 30
    for index in (0, 7, 29):  # the disc moves 9 px a frame: find it to check the order
        expected = picture(index).astype(np.int16)
        assert np.abs(frames[index].astype(np.int16) - expected).mean() < 4


def test_forced_keyframes_are_idr_at_exactly_those_frames(tmp_path: Path) -> None:
    path = write_clip(tmp_path / "clip.mp4", 40, keyframes=(0, 11, 29))
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        ticks = 1 / (stream.time_base * TINY.fps)
        keys = sorted(round(p.pts / ticks) for p in container.demux(stream) if p.size and p.is_keyframe)
    assert keys == [0, 11, 29]  # keyint 48: no other keyframe in 40 frames
    with av.open(str(path)) as container:
        decoded = [(frame.key_frame, frame.pict_type) for frame in container.decode(video=0)]
    assert [i for i, (key, _) in enumerate(decoded) if key] == [0, 11, 29]
    assert all(decoded[i][1] == av.video.frame.PictureType.I for i in (0, 11, 29))


def test_picture_and_sound_streams_last_the_same(tmp_path: Path) -> None:
    path = write_clip(tmp_path / "clip.mp4", 30, audio=np.zeros((12345, 2), np.float32))  # short: padded
    with av.open(str(path)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert (video.codec_context.name, audio.codec_context.name) == ("h264", "aac")
        assert audio.rate == SAMPLE_RATE and audio.channels == 2
        samples = sum(frame.samples for frame in container.decode(audio=0))
    assert abs(samples - 30 * SPF) < SPF  # 2.5 s of sound for 2.5 s of picture, within a frame


def test_a_flash_and_a_click_line_up_after_decoding(tmp_path: Path) -> None:
    n, flash = 36, 21
    audio = np.zeros((n * SPF, 2), np.float32)
    audio[flash * SPF : flash * SPF + 240] = 0.9  # a 5 ms click where the flash frame starts
    path = write_clip(tmp_path / "sync.mp4", n, audio=audio, flash=flash)
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        brightness = [(f.time, f.to_ndarray(format="gray").mean()) for f in container.decode(video)]
    with av.open(str(path)) as container:
        chunks = [(f.time, f.to_ndarray()) for f in container.decode(audio=0)]
    flash_time = max(brightness, key=lambda item: item[1])[0]
    sound = np.concatenate([chunk[0] for _, chunk in chunks])
    start = chunks[0][0]
    click_time = start + int(np.argmax(np.abs(sound) > 0.3)) / SAMPLE_RATE
    assert flash_time == pytest.approx(flash / TINY.fps)
    assert abs(click_time - flash_time) < 1 / TINY.fps


def test_same_frames_and_sound_give_identical_bytes(tmp_path: Path) -> None:
    audio = np.random.default_rng(7).uniform(-0.3, 0.3, (40 * SPF, 2)).astype(np.float32)
    first = write_clip(tmp_path / "a.mp4", 40, keyframes=(0, 12, 28), audio=audio)
    second = write_clip(tmp_path / "b.mp4", 40, keyframes=(0, 12, 28), audio=audio)
    assert sha(first) == sha(second)
    data = first.read_bytes()
    assert b"Lavf" not in data and b"Lavc" not in data  # no library version tags (bitexact)


def test_sound_given_before_the_frames_gives_the_same_stream_contents(tmp_path: Path) -> None:
    audio = np.random.default_rng(3).uniform(-0.3, 0.3, (20 * SPF, 2)).astype(np.float32)
    early, late = tmp_path / "early.mp4", tmp_path / "late.mp4"
    with VideoWriter(early, TINY) as writer:
        writer.set_audio(audio)
        for i in range(20):
            writer.write_rgb(picture(i))
    write_clip(late, 20, audio=audio)

    def packets(path: Path) -> list[bytes]:
        with av.open(str(path)) as container:
            return sorted(bytes(p) for p in container.demux() if p.size)

    assert packets(early) == packets(late)  # only the interleaving differs


def test_an_error_inside_the_block_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "clip.mp4"
    with pytest.raises(ZeroDivisionError), VideoWriter(target, TINY) as writer:
        writer.write_rgb(picture(0))
        _ = 1 / 0
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_a_render_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for target in (tmp_path / "missing" / "clip.mp4", blocker / "clip.mp4"):
        with pytest.raises(RenderError, match="cannot write"):
            VideoWriter(target, TINY)


def test_encoder_thread_failure_reaches_the_caller(tmp_path: Path) -> None:
    class Broken:
        def encode(self, frame: object = None) -> list[object]:
            raise RuntimeError("encoder exploded")

    writer = VideoWriter(tmp_path / "clip.mp4", TINY)
    writer._video = Broken()  # type: ignore[assignment]
    with pytest.raises(RenderError, match="encoder exploded"):
        for i in range(50):
            writer.write_rgb(picture(i))
        writer.close()
    assert list(tmp_path.iterdir()) == []


def test_running_out_of_space_mid_write_is_a_render_error(tmp_path: Path) -> None:
    # A file size limit makes writes fail part way, as a full disk does, without needing one.
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        import numpy as np
        from pathlib import Path
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (30_000, 30_000))
        from render_farm.engine.encoder import VideoWriter
        from render_farm.engine.errors import RenderError
        from render_farm.engine.presets import Preset
        p = Preset("tiny", 320, 180, 12, crf=18, x264_preset="veryfast", audio_bitrate=96_000, keyint=48)
        rng = np.random.default_rng(1)
        try:
            with VideoWriter(Path({str(tmp_path / "clip.mp4")!r}), p) as writer:
                for _ in range(60):
                    writer.write_rgb(rng.integers(0, 255, (180, 320, 3), dtype=np.uint8))
        except RenderError as error:
            print("RenderError:", error)
            sys.exit(0)
        sys.exit(3)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no space left" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_frames_of_the_wrong_size_are_refused(tmp_path: Path) -> None:
    with VideoWriter(tmp_path / "clip.mp4", TINY) as writer:
        with pytest.raises(ValueError, match="320x180"):
            writer.write_rgb(np.zeros((100, 100, 3), np.uint8))
        with pytest.raises(ValueError, match="I420"):
            writer.write_yuv(np.zeros((180, 320), np.uint8))
        writer.write_yuv(np.full((270, 320), 128, np.uint8))
    assert writer.frames_written == 1


def _yuv420_to_rgb_bt709(yuv: np.ndarray) -> np.ndarray:
    h, w = yuv.shape[0] * 2 // 3, yuv.shape[1]
    y = (yuv[:h].astype(np.float32) - 16) / 219
    u = yuv[h : h + h // 4].reshape(h // 2, w // 2).astype(np.float32)
    v = yuv[h + h // 4 :].reshape(h // 2, w // 2).astype(np.float32)
    u = (cv2.resize(u, (w, h), interpolation=cv2.INTER_LINEAR) - 128) / 224
    v = (cv2.resize(v, (w, h), interpolation=cv2.INTER_LINEAR) - 128) / 224
    r = y + 1.5748 * v
    g = y - 0.1873 * u - 0.4681 * v
    b = y + 1.8556 * u
    return np.clip(np.stack([r, g, b], -1) * 255 + 0.5, 0, 255).astype(np.uint8)


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float(10 * np.log10(255**2 / mse))


def test_rgb_to_yuv420_round_trips_with_high_psnr() -> None:
    rgb = cv2.GaussianBlur(np.random.default_rng(0).integers(0, 255, (180, 320, 3), dtype=np.uint8), (0, 0), 2)
    cv2.rectangle(rgb, (40, 40), (200, 120), (230, 30, 40), -1)  # hard colour edges
    out = np.empty((270, 320), np.uint8)
    yuv = rgb_to_yuv420(rgb, out)
    assert yuv is out and yuv.shape == (270, 320)
    assert psnr(_yuv420_to_rgb_bt709(yuv), rgb) > 33
    # limited range: black and white land on 16 and 235
    assert rgb_to_yuv420(np.zeros((4, 4, 3), np.uint8))[:4].max() == 16
    assert rgb_to_yuv420(np.full((4, 4, 3), 255, np.uint8))[:4].min() == 235


def test_the_stream_is_tagged_bt709_limited_range(tmp_path: Path) -> None:
    path = write_clip(tmp_path / "clip.mp4", 3)
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
    assert (frame.colorspace, frame.color_range) == (1, 1)  # BT.709, limited ("tv")


def test_presets_hold_whole_samples_per_frame_and_even_sizes() -> None:
    assert {"preview", "final"} <= set(PRESETS)
    assert (PRESETS["preview"].width, PRESETS["preview"].height, PRESETS["preview"].fps) == (854, 480, 15)
    assert (PRESETS["final"].width, PRESETS["final"].height, PRESETS["final"].fps) == (1920, 1080, 24)
    for item in PRESETS.values():
        assert item.width % 2 == 0 and item.height % 2 == 0
        assert SAMPLE_RATE % item.fps == 0
        assert preset(item.name) is item


def test_an_unknown_preset_names_the_choices() -> None:
    with pytest.raises(ValueError, match="unknown preset 'huge': choose preview, "):
        preset("huge")


def test_frames_round_the_writer_pool_each_reach_the_file_as_written(tmp_path: Path) -> None:
    """The writer reuses a few encoder frames: each must be encoded before it is written over."""
    frames = [rgb_to_yuv420(picture(i)) for i in range(40)]  # several times round the pool
    with VideoWriter(tmp_path / "pool.mp4", TINY, with_audio=False) as writer:
        for frame in frames:
            writer.write_yuv(frame)
    with av.open(str(tmp_path / "pool.mp4")) as container:
        decoded = [f.to_ndarray(format="yuv420p") for f in container.decode(video=0)]
    assert len(decoded) == len(frames)
    for index, got in enumerate(decoded):
        # each decoded frame is nearest to the frame sent at its place, not to a neighbour
        errors = [np.abs(got.astype(int) - other.astype(int)).mean() for other in frames]
        assert int(np.argmin(errors)) == index


def test_a_repeated_frame_encodes_like_the_same_frame_written_again(tmp_path: Path) -> None:
    # held pictures mixed with new ones, often enough to go round the buffer pool several times
    order = [0, 0, 0, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 5, 6, 7, 7, 7] * 3
    frames = [rgb_to_yuv420(picture(i)) for i in range(8)]
    with VideoWriter(tmp_path / "written.mp4", TINY, with_audio=False) as writer:
        for i in order:
            writer.write_yuv(frames[i])
    with VideoWriter(tmp_path / "repeated.mp4", TINY, with_audio=False) as writer:
        for k, i in enumerate(order):
            if k and order[k - 1] == i:
                writer.repeat()
            else:
                writer.write_yuv(frames[i])
        assert writer.frames_written == len(order)
    assert sha(tmp_path / "written.mp4") == sha(tmp_path / "repeated.mp4")


def test_repeat_before_any_frame_is_refused(tmp_path: Path) -> None:
    with VideoWriter(tmp_path / "empty.mp4", TINY, with_audio=False) as writer:
        with pytest.raises(ValueError, match="no frame"):
            writer.repeat()
        writer.write_yuv(rgb_to_yuv420(picture(0)))
