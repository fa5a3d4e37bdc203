"""Joining scene clips into the film, re-encoding only the frames of transitions.

Each scene clip was encoded with IDR keyframes forced where its transitions begin and end
(:func:`boundary_keyframes`), so the frames between them (the body) form closed groups of
pictures that are copied into the film packet for packet. The frames of each transition (the
tail of one clip blended with the head of the next, a fade in at the start, a fade out at the
end) are decoded, blended and encoded with the same encoder settings, whose parameter sets
match the clips' (checked: a mismatch re-encodes rather than writing a broken stream). Sound is
mixed from the clips' full-quality audio with equal-power crossfades and encoded once. The
transitions (blended in I420, in uint8) and the sound are encoded side by side in background
threads while the bodies are copied; what lands in the file, and where, never depends on timing.

Why copying works: libx264 writes its SPS/PPS (the MP4's avcC) from the settings alone (size,
profile, preset, CRF, colour tags), never from the pictures or the thread count, so every stream
that :func:`~render_farm.engine.encoder.open_h264_stream` opens for one preset carries the same
avcC and all the segments can live in one track. A clip whose avcC differs (another preset, another
libx264) or that lacks an IDR where its body starts or ends is re-encoded instead, with a warning
in the log. An IDR at the first frame after the body closes the body's last GOP: no copied frame
refers to a dropped one.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from render_farm.film import Transition, TransitionKind

from .compositing import i420_planes
from .encoder import AacTrack, VideoWriter
from .errors import RenderError
from .presets import Preset

log = logging.getLogger(__name__)

BLACK_YUV = (16, 128, 128)


@dataclass(frozen=True)
class SceneClip:
    video: Path  # scene MP4 (H.264 + AAC) rendered with boundary keyframes
    audio: np.ndarray  # (n, 2) float32 48 kHz: the scene's full-quality mix
    transition_in: Transition  # how this clip joins the one before (first clip: a fade in unless a cut)


@dataclass(frozen=True)
class AssemblyReport:
    frames_total: int
    frames_copied: int
    frames_encoded: int
    duration: float


def boundary_keyframes(n_frames: int, head_frames: int, tail_frames: int) -> list[int]:
    """Frames a scene must encode as IDR keyframes so its body can be copied into the film."""
    marks = {0, head_frames, n_frames - tail_frames}
    return sorted(m for m in marks if 0 <= m < n_frames)


# -- reading clips ------------------------------------------------------------------------------


@dataclass
class _Clip:
    path: Path
    frames: int
    head: int  # frames blended with the previous clip (or faded in)
    tail: int  # frames blended with the next clip (or faded out)
    extradata: bytes
    time_base: Fraction
    ticks_per_frame: int
    keyframes: frozenset[int] = frozenset()

    def copyable(self, start: int, stop: int, reference: bytes) -> str | None:
        """Why frames [start, stop) cannot be copied packet for packet, or None if they can."""
        if self.extradata != reference:
            return "its H.264 parameter sets differ from the film's (another preset or encoder)"
        if start not in self.keyframes:
            return f"frame {start} is not an IDR keyframe"
        if stop < self.frames and stop not in self.keyframes:
            return f"frame {stop} is not an IDR keyframe"
        return None


def _probe(path: Path, fps: int, *, width: int, height: int) -> _Clip:
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            if stream.time_base is None:
                raise RenderError(f"{path}: its video stream has no time base")
            time_base = Fraction(stream.time_base)
            ticks = Fraction(1, fps) / time_base
            if ticks.denominator != 1:
                raise RenderError(f"{path}: its time base does not hold whole frames at {fps} fps")
            if (stream.codec_context.width, stream.codec_context.height) != (width, height):
                raise RenderError(
                    f"{path} is {stream.codec_context.width}x{stream.codec_context.height}, "
                    f"the film is {width}x{height}: render the scene at the film's preset"
                )
            frames, keyframes = 0, set()
            for packet in container.demux(stream):
                if not packet.size:
                    continue
                frames += 1
                if packet.is_keyframe and packet.pts is not None:
                    keyframes.add(round(packet.pts / ticks))
            extradata = bytes(stream.codec_context.extradata or b"")
    except (OSError, av.FFmpegError, IndexError) as error:
        raise RenderError(f"cannot read the scene clip {path}: {error}") from None
    return _Clip(path, frames, 0, 0, extradata, time_base, int(ticks), frozenset(keyframes))


def _frames(path: Path, start: int, count: int, ticks: int) -> Iterator[np.ndarray]:
    """``count`` frames from frame ``start`` (a keyframe) as I420 arrays, one at a time."""
    if count <= 0:
        return
    done = 0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"  # decoding is exact whatever the threads: only faster
        if start:
            container.seek(start * ticks, stream=stream, backward=True, any_frame=False)
        for frame in container.decode(stream):
            index = round(frame.pts / ticks) if frame.pts is not None else start + done
            if index < start:
                continue
            yield frame.to_ndarray(format="yuv420p")
            done += 1
            if done == count:
                return
    raise RenderError(f"{path}: expected {count} frames from frame {start}, decoded {done}")


def _decode(path: Path, start: int, count: int, ticks: int) -> list[np.ndarray]:
    return list(_frames(path, start, count, ticks))


def _packets(clip: _Clip, start: int, stop: int) -> Iterator[av.Packet]:
    """The packets of frames [start, stop) in decode order; ``start`` and ``stop`` are IDR frames."""
    with av.open(str(clip.path)) as container:
        stream = container.streams.video[0]
        inside = False
        for packet in container.demux(stream):
            if not packet.size or packet.pts is None:
                continue
            index = round(packet.pts / clip.ticks_per_frame)
            if packet.is_keyframe and index == start:
                inside = True
            elif packet.is_keyframe and index == stop:
                break
            if inside:
                yield packet


# -- blending in I420 ---------------------------------------------------------------------------


def _blend(a: np.ndarray, b: np.ndarray, kind: TransitionKind, progress: float, height: int) -> np.ndarray:
    """Frame ``progress`` (0..1) of a transition from I420 frame ``a`` to ``b`` (either may be black).

    All in uint8 with OpenCV's rounded weighted sums, straight on the encoder's planes: a
    transition frame costs well under a millisecond beside the encoder's tens.
    """
    out = np.empty_like(a)
    if kind is TransitionKind.fade_black:
        # through black: a fades down to black over the first half, b comes up from it over the second
        source, level = (a, 1 - progress * 2) if progress < 0.5 else (b, (progress - 0.5) * 2)
        for plane, target, black in zip(i420_planes(source, height), i420_planes(out, height), BLACK_YUV, strict=True):
            cv2.addWeighted(plane, level, plane, 0.0, black * (1 - level), dst=target)
    elif kind is TransitionKind.wipe:
        for plane_a, plane_b, target in zip(
            i420_planes(a, height), i420_planes(b, height), i420_planes(out, height), strict=True
        ):
            width = plane_a.shape[1]
            soft = max(2.0, width * 0.04)
            edge = -soft + (width + 2 * soft) * progress
            weight = np.clip((edge - np.arange(width, dtype=np.float32)) / soft + 0.5, 0, 1)
            # b left of the soft edge, a right of it, a mix only across the edge itself
            mixed = np.flatnonzero((weight > 0) & (weight < 1))
            shown = int(np.count_nonzero(weight >= 1))
            target[:, :shown] = plane_b[:, :shown]
            target[:, shown:] = plane_a[:, shown:]
            if len(mixed):
                x0, x1 = int(mixed[0]), int(mixed[-1]) + 1
                fa, fb = plane_a[:, x0:x1].astype(np.float32), plane_b[:, x0:x1].astype(np.float32)
                target[:, x0:x1] = np.clip(fa + (fb - fa) * weight[x0:x1] + 0.5, 0, 255).astype(np.uint8)
    else:  # crossfade (and any other kind) mixes linearly, the same weights on every plane
        cv2.addWeighted(a, 1 - progress, b, progress, 0.0, dst=out)
    return out


def _black(preset: Preset) -> np.ndarray:
    frame = np.empty((preset.height * 3 // 2, preset.width), np.uint8)
    for plane, value in zip(i420_planes(frame, preset.height), BLACK_YUV, strict=True):
        plane[...] = value
    return frame


# -- sound --------------------------------------------------------------------------------------


def _mix_audio(clips: Sequence[SceneClip], starts: list[int], layout: list[_Clip], total: int, spf: int) -> np.ndarray:
    """The film's sound: clips placed at their starts, overlaps crossfaded with equal power."""
    mix = np.zeros((total * spf, 2), np.float32)
    for index, (clip, start, info) in enumerate(zip(clips, starts, layout, strict=True)):
        audio = np.zeros((info.frames * spf, 2), np.float32)
        usable = min(len(clip.audio), len(audio))
        audio[:usable] = clip.audio[:usable]
        gain = np.ones(len(audio), np.float32)
        head, tail = info.head * spf, info.tail * spf
        # the film's own fade in and fade out follow the picture's whole ramp
        kind_in = clip.transition_in.kind if index else TransitionKind.crossfade
        kind_out = clips[index + 1].transition_in.kind if index + 1 < len(clips) else TransitionKind.crossfade
        if head:
            ramp = np.linspace(0, 1, head, endpoint=False, dtype=np.float32)
            gain[:head] = (
                np.clip(ramp * 2 - 1, 0, 1) if kind_in is TransitionKind.fade_black else np.sin(ramp * np.pi / 2)
            )
        if tail:
            ramp = np.linspace(1, 0, tail, endpoint=False, dtype=np.float32)
            gain[-tail:] *= (
                np.clip(ramp * 2 - 1, 0, 1) if kind_out is TransitionKind.fade_black else np.sin(ramp * np.pi / 2)
            )
        begin = start * spf
        end = min(begin + len(audio), len(mix))
        mix[begin:end] += audio[: end - begin] * gain[: end - begin, None]
    return np.clip(mix, -1.0, 1.0)


# -- assembly -----------------------------------------------------------------------------------


def assemble(
    clips: Sequence[SceneClip],
    out: Path,
    preset: Preset,
    *,
    fade_out: float = 0.0,
    progress: Callable[[int, int], None] | None = None,
) -> AssemblyReport:
    """Join ``clips`` into one MP4 at ``out`` (written atomically)."""
    if not clips:
        raise RenderError("a film needs at least one scene")
    fps, spf = preset.fps, preset.samples_per_frame
    layout: list[_Clip] = []
    for index, clip in enumerate(clips):
        info = _probe(clip.video, fps, width=preset.width, height=preset.height)
        head = round(clip.transition_in.duration * fps)
        tail = round(clips[index + 1].transition_in.duration * fps) if index + 1 < len(clips) else round(fade_out * fps)
        if head + tail > info.frames:
            raise RenderError(
                f"scene {index + 1} ({info.frames} frames) is shorter than its transitions ({head + tail} frames)"
            )
        info.head, info.tail = head, tail
        layout.append(info)
    starts, position = [], 0
    for index, info in enumerate(layout):
        starts.append(position if index == 0 else position - info.head)
        position = starts[-1] + info.frames
    total = position
    audio = _mix_audio(clips, starts, layout, total, spf)

    out = Path(out)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
        os.close(fd)
        workdir = Path(tempfile.mkdtemp(prefix=f".{out.name}.assembly-", dir=out.parent))
    except OSError as error:
        raise RenderError(f"cannot write the film to {out}: {error.strerror or error}") from None
    copied = encoded = 0
    pool = ThreadPoolExecutor(2, thread_name_prefix="transition")
    try:
        transitions = _start_transitions(pool, clips, layout, preset, workdir)
        # The film's track is described by what our own encoder writes for this preset.
        template_path = workdir / "parameters.mp4"
        with VideoWriter(template_path, preset, with_audio=False) as probe:
            probe.write_yuv(_black(preset))
        reference = _probe(template_path, fps, width=preset.width, height=preset.height).extradata
        with (
            av.open(str(template_path)) as template_container,
            av.open(
                tmp_name, "w", format="mp4", options={"movflags": "+faststart", "fflags": "+bitexact"}
            ) as container,
        ):
            video = container.add_stream_from_template(template_container.streams.video[0])
            sound = AacTrack(container, preset.audio_bitrate)
            sound.encode_ahead(audio, total * spf)  # while the picture is decoded, blended and copied
            try:
                writer = _SegmentWriter(container, video, preset, sound, workdir, reference, progress, total)
                copied, encoded = _write_film(layout, transitions, writer)
                sound.encode_until(total * spf, final=True)
            finally:
                sound.stop()
        if copied + encoded != total:
            raise RenderError(f"assembly wrote {copied + encoded} frames where the film has {total}")
        os.chmod(tmp_name, 0o644)  # mkstemp made it private; the finished film is not
        os.replace(tmp_name, out)
    except OSError as error:
        raise RenderError(f"cannot write the film to {out}: {error.strerror or error}") from None
    except av.FFmpegError as error:
        raise RenderError(f"cannot assemble the film {out}: {error}") from error
    finally:
        pool.shutdown(cancel_futures=True)  # a transition still encoding finishes before its file goes
        Path(tmp_name).unlink(missing_ok=True)
        for leftover in workdir.glob("*"):
            leftover.unlink(missing_ok=True)
        workdir.rmdir()
    return AssemblyReport(frames_total=total, frames_copied=copied, frames_encoded=encoded, duration=total / fps)


def _transition_frames(
    clips: Sequence[SceneClip], layout: list[_Clip], preset: Preset, key: tuple[str, int]
) -> Iterator[np.ndarray]:
    """The blended frames of one transition: ("in", i) joins clip i to the one before it (the
    film's fade in for the first), ("out", i) is the film's fade out at the end of clip i."""
    side, index = key
    info = layout[index]
    if side == "out":
        count = info.tail
        for i, frame in enumerate(_frames(info.path, info.frames - count, count, info.ticks_per_frame)):
            yield _blend(frame, _black(preset), TransitionKind.fade_black, 0.5 * (i + 1) / (count + 1), preset.height)
        return
    count = info.head
    if index == 0:
        for i, frame in enumerate(_frames(info.path, 0, count, info.ticks_per_frame)):
            progress = 0.5 + 0.5 * (i + 1) / (count + 1)
            yield _blend(_black(preset), frame, TransitionKind.fade_black, progress, preset.height)
        return
    previous = layout[index - 1]
    before = _frames(previous.path, previous.frames - count, count, previous.ticks_per_frame)
    after = _frames(info.path, 0, count, info.ticks_per_frame)
    kind = clips[index].transition_in.kind
    for i, (a, b) in enumerate(zip(before, after, strict=True)):
        yield _blend(a, b, kind, (i + 1) / (count + 1), preset.height)


def _encode_segment(path: Path, frames: Iterator[np.ndarray], preset: Preset) -> _Clip:
    with VideoWriter(path, preset, force_keyframes=[0], with_audio=False) as writer:
        for frame in frames:
            writer.write_yuv(frame)
    return _probe(path, preset.fps, width=preset.width, height=preset.height)


def _start_transitions(
    pool: ThreadPoolExecutor, clips: Sequence[SceneClip], layout: list[_Clip], preset: Preset, workdir: Path
) -> dict[tuple[str, int], Future[_Clip]]:
    """Decode, blend and encode every transition of the film in ``pool``, each into its own file:
    they run side by side (and beside the film's sound) while the film itself is put together."""
    keys = [("in", i) for i, info in enumerate(layout) if info.head]
    if layout[-1].tail:
        keys.append(("out", len(layout) - 1))
    return {
        key: pool.submit(
            _encode_segment,
            workdir / f"transition-{key[0]}-{key[1]}.mp4",
            _transition_frames(clips, layout, preset, key),
            preset,
        )
        for key in keys
    }


def _write_film(
    layout: list[_Clip],
    transitions: dict[tuple[str, int], Future[_Clip]],
    writer: _SegmentWriter,
) -> tuple[int, int]:
    """Append every clip's body and every transition to the film; returns frames copied and encoded."""
    copied = encoded = 0
    for index, info in enumerate(layout):
        if ("in", index) in transitions:
            encoded += writer.append_segment(transitions[("in", index)].result())
        body_start, body_stop = info.head, info.frames - info.tail
        why_not = info.copyable(body_start, body_stop, writer.reference) if body_stop > body_start else None
        if why_not is None:
            copied += writer.copy(info, body_start, body_stop)
        else:
            log.warning("re-encoding scene %d of the film instead of copying it: %s", index + 1, why_not)
            encoded += writer.encode_range(info, body_start, body_stop)
        if ("out", index) in transitions:
            encoded += writer.append_segment(transitions[("out", index)].result())
    return copied, encoded


class _SegmentWriter:
    """Appends segments (copied packets or freshly encoded frames) to the film's video stream
    with continuous timestamps, interleaving the sound as the picture advances."""

    def __init__(
        self,
        container: av.container.OutputContainer,
        video: av.VideoStream,
        preset: Preset,
        sound: AacTrack,
        workdir: Path,
        reference: bytes,
        progress: Callable[[int, int], None] | None,
        total: int,
    ) -> None:
        self.container, self.video, self.preset, self.sound = container, video, preset, sound
        self.workdir, self.reference, self.progress, self.total = workdir, reference, progress, total
        self.frame = 0  # output frames so far
        self.decode_index = 0  # packets so far
        self.delay = 2  # frames of decode delay (B-frame reordering) kept for the whole stream
        self.ticks = 512
        self.time_base = Fraction(1, preset.fps * self.ticks)
        self.segments = 0

    def _append(self, packets: Iterator[av.Packet], first_frame: int, ticks_in: int) -> int:
        count = 0
        for packet in packets:
            assert packet.pts is not None  # _packets skips packets without one
            index = round(packet.pts / ticks_in) - first_frame
            packet.stream = self.video
            packet.time_base = self.time_base  # PyAV rescales to whatever the muxer chose
            packet.pts = (self.frame + index) * self.ticks
            packet.dts = (self.decode_index - self.delay) * self.ticks
            packet.duration = self.ticks
            if packet.dts > packet.pts:
                raise RenderError("a segment reorders frames more deeply than the film stream allows")
            self.container.mux(packet)
            self.decode_index += 1
            count += 1
            if count % self.preset.fps == 0:  # keep sound interleaved with the picture
                self.sound.encode_until(max(0, self.frame + count - self.delay) * self.preset.samples_per_frame)
        self.frame += count
        self.sound.encode_until(self.frame * self.preset.samples_per_frame)
        if self.progress:
            self.progress(self.frame, self.total)
        return count

    def copy(self, clip: _Clip, start: int, stop: int) -> int:
        return self._append(_packets(clip, start, stop), start, clip.ticks_per_frame)

    def encode(self, frames: list[np.ndarray]) -> int:
        if not frames:
            return 0
        self.segments += 1
        return self.append_segment(
            _encode_segment(self.workdir / f"segment-{self.segments}.mp4", iter(frames), self.preset)
        )

    def append_segment(self, info: _Clip) -> int:
        """Append a segment our encoder wrote (and remove its file)."""
        if info.extradata != self.reference:  # cannot happen with one libx264: same settings, same avcC
            raise RenderError("re-encoded frames do not match the film's encoder settings")
        appended = self._append(_packets(info, 0, -1), 0, info.ticks_per_frame)
        info.path.unlink(missing_ok=True)
        return appended

    def encode_range(self, clip: _Clip, start: int, stop: int) -> int:
        done = 0
        while start + done < stop:
            count = min(self.preset.fps * 10, stop - start - done)
            done += self.encode(_decode(clip.path, start + done, count, clip.ticks_per_frame))
        return done
