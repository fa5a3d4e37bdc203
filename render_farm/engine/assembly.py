"""Joining scene clips into the film, encoding only the frames of transitions.

A scene's body (the frames between its transitions) starts with an IDR keyframe and the frame
after it is one too, so the body forms closed groups of pictures that are copied into the film
packet for packet. A clip is either complete (head, body and tail, each encoded by an encoder
of its own, or one stream with IDRs forced at :func:`boundary_keyframes`) or the body alone
(``SceneClip.trimmed``: the transitions' frames were never encoded). The frames of each
transition (the tail of one scene blended with the head of the next, a fade in at the start, a
fade out at the end) are blended in I420 and encoded with the same encoder settings, whose
parameter sets match the clips' (checked: a mismatch re-encodes rather than writing a broken
stream). :func:`assemble` decodes them from complete clips, or takes them encoded beforehand
from the scenes' own pictures (what :func:`~render_farm.engine.film.render_film` does, so every
frame of the film is encoded once). Sound is mixed from the scenes' full-quality audio with
equal-power crossfades (:mod:`~render_farm.engine.film_sound`) and encoded once, here or beforehand. What lands in
the file, and where, never depends on timing.

Why copying works: libx264 writes its SPS/PPS (the MP4's avcC) from the settings alone (size,
profile, preset, CRF, colour tags), never from the pictures or the thread count, so every stream
that :func:`~render_farm.engine.encoder.open_h264_stream` opens for one preset carries the same
avcC and all the segments can live in one track. A clip whose avcC differs (another preset, another
libx264) or that lacks an IDR where its body starts or ends is re-encoded instead, with a warning
in the log. An IDR at the first frame after the body closes the body's last GOP: no copied frame
refers to a dropped one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from render_farm.film import Transition

from .encoder import AacTrack, VideoWriter
from .errors import RenderError
from .film_sound import CopiedSound, SoundTrack, mix_film
from .presets import Preset
from .transitions import FilmPlan, TransitionKey, black_frame, plan_film, transition_frames

log = logging.getLogger(__name__)

_NO_DECODING = {"threads": "1", "skip_frame": "all"}


@dataclass(frozen=True)
class SceneClip:
    video: Path  # scene MP4 (H.264, and AAC when complete) whose body starts and ends at IDR frames
    audio: np.ndarray  # (n, 2) float32 48 kHz: the scene's full-quality mix
    transition_in: Transition  # how this clip joins the one before (first clip: a fade in unless a cut)
    trimmed: bool = False  # the video holds the body alone: its transitions' frames come encoded beforehand


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
    frames: int  # in the file
    extradata: bytes
    time_base: Fraction
    ticks_per_frame: int
    keyframes: frozenset[int] = frozenset()
    first: int = 0  # the scene frame the file starts at: the head's length for a trimmed clip
    # kept open from the probe to the copy
    container: av.container.InputContainer | None = None

    def close(self) -> None:
        if self.container is not None:
            self.container.close()
            self.container = None

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
    """What a clip holds (its file left open for copying: close the clip when done)."""
    container = None
    try:
        # opened for its packets alone: no picture is decoded to learn the stream's format
        # (PyAV's stub types stream_options as list[str]; it takes one dict of options per stream)
        container = av.open(str(path), stream_options=[_NO_DECODING])  # type: ignore[list-item]
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
        if container is not None:
            container.close()
        raise RenderError(f"cannot read the scene clip {path}: {error}") from None
    except BaseException:
        if container is not None:
            container.close()
        raise
    return _Clip(path, frames, extradata, time_base, int(ticks), frozenset(keyframes), container=container)


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
    container = clip.container
    if container is None:
        raise RenderError(f"{clip.path} was closed before its frames were copied")
    stream = container.streams.video[0]
    container.seek(0, stream=stream, backward=True, any_frame=False)
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


def encode_segment(path: Path, frames: Iterable[np.ndarray], preset: Preset) -> int:
    """Encode ``frames`` (I420) as one segment file the film's stream can take packet for packet
    (not laid out for streaming: it is only ever copied from)."""
    with VideoWriter(path, preset, force_keyframes=[0], with_audio=False, faststart=False) as writer:
        for frame in frames:
            writer.write_yuv(frame)
        return writer.frames_written


# -- assembly -----------------------------------------------------------------------------------


def assemble(
    clips: Sequence[SceneClip],
    out: Path,
    preset: Preset,
    *,
    fade_out: float = 0.0,
    progress: Callable[[int, int], None] | None = None,
    transitions: Mapping[TransitionKey, Path | Future[Path]] | None = None,
    sound: Path | None = None,
) -> AssemblyReport:
    """Join ``clips`` into one MP4 at ``out`` (written atomically).

    ``transitions``: the film's transition frames encoded beforehand, one segment file
    (:func:`encode_segment`) per key of
    :meth:`~render_farm.engine.transitions.FilmPlan.transitions`, removed once joined; a file
    still being written may come as a future, waited for when the film reaches it.
    Without them they are decoded from the clips and blended here, so no clip may be trimmed.
    ``sound``: the film's sound encoded beforehand (:func:`~render_farm.engine.film_sound.encode_sound`);
    without it the clips' audio is mixed and encoded here.
    """
    if not clips:
        raise RenderError("a film needs at least one scene")
    fps, spf = preset.fps, preset.samples_per_frame
    infos: list[_Clip] = []
    try:
        for clip in clips:
            infos.append(_probe_segment(clip.video, preset))
        plan, audio = _plan_assembly(clips, infos, preset, fade_out, transitions, sound)
    except BaseException:
        _close(infos)
        raise

    out = Path(out)
    try:
        workdir = Path(tempfile.mkdtemp(prefix=f".{out.name}.assembly-", dir=out.parent))
    except OSError as error:
        _close(infos)
        raise RenderError(f"cannot write the film to {out}: {error.strerror or error}") from None
    pool = ThreadPoolExecutor(2, thread_name_prefix="transition")
    pending: dict[TransitionKey, Future[_Clip]] = {}
    try:
        if transitions is None:
            pending.update(_start_transitions(pool, plan, infos, preset, workdir))
        else:
            pending.update({key: pool.submit(_probe_written, path, preset) for key, path in transitions.items()})
        # The film's track is described by what our own encoder writes for this preset: a
        # transition encoded for this film, or else a picture encoded to that end.
        keys = plan.transitions()
        if transitions is not None and keys:
            template = pending[keys[0]].result()
        else:
            encode_segment(workdir / "parameters.mp4", [black_frame(preset)], preset)
            template = _probe_segment(workdir / "parameters.mp4", preset)
            infos.append(template)  # closed with the clips

        def sound_track(container: av.container.OutputContainer) -> SoundTrack:
            if sound is not None:
                return CopiedSound(container, sound)
            track = AacTrack(container, preset.audio_bitrate)
            assert audio is not None
            track.encode_ahead(audio, plan.total * spf)  # while the picture is decoded, blended and copied
            return track

        counts: list[int] = []
        _write_mp4(
            out,
            template,
            preset,
            plan.total,
            sound_track,
            lambda writer: counts.extend(_write_film(plan, infos[: len(clips)], pending, writer)),
            progress,
            workdir,
        )
    finally:
        pool.shutdown(cancel_futures=True)  # a transition still encoding finishes before its file goes
        _close(infos)
        for future in pending.values():
            with contextlib.suppress(BaseException):
                future.result().close()
        for leftover in workdir.glob("*"):
            leftover.unlink(missing_ok=True)
        workdir.rmdir()
    copied, encoded = counts
    return AssemblyReport(
        frames_total=plan.total, frames_copied=copied, frames_encoded=encoded, duration=plan.total / fps
    )


def _plan_assembly(
    clips: Sequence[SceneClip],
    infos: list[_Clip],
    preset: Preset,
    fade_out: float,
    transitions: Mapping[TransitionKey, object] | None,
    sound: Path | None,
) -> tuple[FilmPlan, np.ndarray | None]:
    """The film's plan from the clips as probed, and its mixed sound unless it comes encoded."""
    fps = preset.fps
    joins = [clip.transition_in for clip in clips]
    heads = [round(join.duration * fps) for join in joins]
    tails = [*heads[1:], round(fade_out * fps)]
    frames = [
        info.frames + (head + tail if clip.trimmed else 0)
        for clip, info, head, tail in zip(clips, infos, heads, tails, strict=True)
    ]
    plan = plan_film(frames, joins, fps, fade_out)
    for index, (clip, info) in enumerate(zip(clips, infos, strict=True)):
        if clip.trimmed:
            info.first = plan.heads[index]
            if transitions is None:
                raise RenderError(f"scene {index + 1} holds its body alone: its transitions must come encoded")
    if transitions is not None and set(transitions) != set(plan.transitions()):
        raise RenderError("the encoded transitions given are not the film's")
    audio = mix_film(plan, [clip.audio for clip in clips], preset.samples_per_frame) if sound is None else None
    return plan, audio


def _close(clips: Iterable[_Clip]) -> None:
    for clip in clips:
        clip.close()


def join_segments(segments: Sequence[Path], out: Path, preset: Preset, audio: np.ndarray) -> int:
    """One MP4 at ``out`` of ``segments`` (files :func:`encode_segment` wrote, removed once joined)
    one after another, with ``audio`` encoded as its sound; returns its frames."""
    infos: list[_Clip] = []
    try:
        for path in segments:
            infos.append(_probe_segment(path, preset))
        total = sum(info.frames for info in infos)
        if any(info.extradata != infos[0].extradata for info in infos):
            raise RenderError("the segments of a clip were encoded with different settings")

        def sound_track(container: av.container.OutputContainer) -> SoundTrack:
            track = AacTrack(container, preset.audio_bitrate)
            track.encode_ahead(audio, total * preset.samples_per_frame)
            return track

        def fill(writer: _SegmentWriter) -> None:
            for info in infos:
                writer.append_segment(info)

        _write_mp4(out, infos[0], preset, total, sound_track, fill, None, out.parent)
    finally:
        _close(infos)
    return total


def _write_mp4(
    out: Path,
    template: _Clip,
    preset: Preset,
    total: int,
    sound_track: Callable[[av.container.OutputContainer], SoundTrack],
    fill: Callable[[_SegmentWriter], object],
    progress: Callable[[int, int], None] | None,
    workdir: Path,
) -> None:
    """Write ``total`` frames (put there by ``fill``) and their sound to ``out``, atomically, in a
    video track described by ``template`` (a segment our encoder wrote for this preset)."""
    assert template.container is not None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
        os.close(fd)
    except OSError as error:
        raise RenderError(f"cannot write {out}: {error.strerror or error}") from None
    try:
        options = {"movflags": "+faststart", "fflags": "+bitexact"}
        with av.open(tmp_name, "w", format="mp4", options=options) as container:
            video = container.add_stream_from_template(template.container.streams.video[0])
            track = sound_track(container)
            try:
                writer = _SegmentWriter(container, video, preset, track, workdir, template, progress, total)
                fill(writer)
                track.encode_until(total * preset.samples_per_frame, final=True)
            finally:
                track.stop()
        if writer.frame != total:
            raise RenderError(f"{out}: wrote {writer.frame} frames where it has {total}")
        os.chmod(tmp_name, 0o644)  # mkstemp made it private; the finished film is not
        os.replace(tmp_name, out)
    except OSError as error:
        raise RenderError(f"cannot write {out}: {error.strerror or error}") from None
    except av.FFmpegError as error:
        raise RenderError(f"cannot write {out}: {error}") from error
    finally:
        Path(tmp_name).unlink(missing_ok=True)


def _probe_segment(path: Path, preset: Preset) -> _Clip:
    return _probe(path, preset.fps, width=preset.width, height=preset.height)


def _probe_written(path: Path | Future[Path], preset: Preset) -> _Clip:
    return _probe_segment(path.result() if isinstance(path, Future) else path, preset)


def _encode_transition(path: Path, frames: Iterator[np.ndarray], preset: Preset) -> _Clip:
    encode_segment(path, frames, preset)
    return _probe_segment(path, preset)


def _start_transitions(
    pool: ThreadPoolExecutor, plan: FilmPlan, infos: list[_Clip], preset: Preset, workdir: Path
) -> dict[TransitionKey, Future[_Clip]]:
    """Decode, blend and encode every transition of the film in ``pool``, each into its own file:
    they run side by side (and beside the film's sound) while the film itself is put together."""

    def decoded(source: tuple[int, int, int] | None) -> Iterator[np.ndarray] | None:
        if source is None:
            return None
        scene, start, stop = source
        info = infos[scene]
        return _frames(info.path, start - info.first, stop - start, info.ticks_per_frame)

    pending = {}
    for key in plan.transitions():
        before, after = plan.sources(key)
        frames = transition_frames(plan, key, decoded(before), decoded(after), preset)
        pending[key] = pool.submit(_encode_transition, workdir / f"transition-{key[0]}-{key[1]}.mp4", frames, preset)
    return pending


def _write_film(
    plan: FilmPlan,
    infos: list[_Clip],
    transitions: dict[TransitionKey, Future[_Clip]],
    writer: _SegmentWriter,
) -> tuple[int, int]:
    """Append every clip's body and every transition to the film; returns frames copied and encoded."""
    copied = encoded = 0

    def transition(key: TransitionKey, count: int) -> int:
        appended = writer.append_segment(transitions[key].result())
        if appended != count:
            raise RenderError(f"a transition of {count} frames came with {appended}")
        return appended

    for index, info in enumerate(infos):
        if ("in", index) in transitions:
            encoded += transition(("in", index), plan.heads[index])
        # the body, in the file's own frame numbers
        body_start = plan.heads[index] - info.first
        body_stop = plan.frames[index] - plan.tails[index] - info.first
        why_not = info.copyable(body_start, body_stop, writer.reference) if body_stop > body_start else None
        if why_not is None:
            copied += writer.copy(info, body_start, body_stop)
        else:
            log.warning("re-encoding scene %d of the film instead of copying it: %s", index + 1, why_not)
            encoded += writer.encode_range(info, body_start, body_stop)
        if ("out", index) in transitions:
            encoded += transition(("out", index), plan.tails[index])
    return copied, encoded


class _SegmentWriter:
    """Appends segments (copied packets or freshly encoded frames) to the film's video stream
    with continuous timestamps, interleaving the sound as the picture advances."""

    def __init__(
        self,
        container: av.container.OutputContainer,
        video: av.VideoStream,
        preset: Preset,
        sound: SoundTrack,
        workdir: Path,
        template: _Clip,
        progress: Callable[[int, int], None] | None,
        total: int,
    ) -> None:
        self.container, self.video, self.preset, self.sound = container, video, preset, sound
        self.workdir, self.progress, self.total = workdir, progress, total
        self.template, self.reference = template, template.extradata  # the track's parameter sets
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
            _encode_transition(self.workdir / f"segment-{self.segments}.mp4", iter(frames), self.preset)
        )

    def append_segment(self, info: _Clip) -> int:
        """Append a segment our encoder wrote (and close and remove its file)."""
        if info.extradata != self.reference:  # cannot happen with one libx264: same settings, same avcC
            raise RenderError("re-encoded frames do not match the film's encoder settings")
        appended = self._append(_packets(info, 0, -1), 0, info.ticks_per_frame)
        if info is not self.template:  # the template stays open (and its file stays) to the end
            info.close()
            info.path.unlink(missing_ok=True)
        return appended

    def encode_range(self, clip: _Clip, start: int, stop: int) -> int:
        done = 0
        while start + done < stop:
            count = min(self.preset.fps * 10, stop - start - done)
            done += self.encode(_decode(clip.path, start + done, count, clip.ticks_per_frame))
        return done
