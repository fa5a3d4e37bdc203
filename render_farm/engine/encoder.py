"""Encoding to H.264 + AAC MP4 with PyAV, in a background thread.

:class:`VideoWriter` takes frames in the encoder's own pixel format (I420), or RGB frames it
converts in the caller's thread, copies them into the planes of encoder frames it keeps in a
small pool (the one copy a frame makes on its way to libx264, which copies it again into its own
pictures) and hands those to an encoder thread through a small bounded queue: the caller
composites frame N+1 while libx264 compresses frame N (PyAV releases the GIL while it encodes).
A picture that holds still is queued again without a copy (:meth:`~VideoWriter.repeat`). Sound is
encoded alongside as AAC so the file interleaves well. The file is written
under a temporary name and renamed when complete, so a crash never leaves a half-written MP4.

Output bytes depend only on the frames, the sound, the preset and the thread count: libx264's
output changes with its number of frame threads, so the default is a fixed count
(:data:`ENCODER_THREADS`), never "one per core", and a scene rendered on a 2-core desktop and on a
16-core worker gives the same file. ``+bitexact`` keeps library version strings out of the
container and the AAC stream; MP4 creation times are left at zero.
"""

from __future__ import annotations

import contextlib
import errno
import os
import queue
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from types import TracebackType

import av
import cv2
import numpy as np

from .compositing import RGB_TO_YUV709, i420_planes
from .errors import RenderError
from .presets import SAMPLE_RATE, Preset

ENCODER_REVISION = "3"
"""Bump when the same frames and sound would give different bytes (settings, muxing, colour)."""
QUEUE_FRAMES = 6
"""Frames queued between the caller and the encoder thread."""
ENCODER_THREADS = 4
"""libx264 frame threads when the caller asks for the default (0). Fixed so that the bytes do not
depend on the machine; on 2 cores 4 frame threads encode as fast as 2 or 3 (measured)."""
_STOP = object()
_NO_SPACE = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def rgb_to_yuv420(rgb: np.ndarray, out: np.ndarray | None = None, *, accurate: bool = True) -> np.ndarray:
    """(h, w, 3) uint8 RGB -> (h*3/2, w) uint8 I420 planes.

    ``accurate``: BT.709 limited range with each chroma sample the mean of its 2x2 block
    (clean colour edges). Otherwise OpenCV's BT.601 conversion, about 5x faster, for previews.
    """
    h, w = rgb.shape[:2]
    if h % 4 or w % 2:
        raise ValueError("frame height must be a multiple of 4 and width even")
    if out is None:
        out = np.empty((h * 3 // 2, w), np.uint8)
    if not accurate:
        cv2.cvtColor(rgb, cv2.COLOR_RGB2YUV_I420, dst=out)
        return out
    yuv = cv2.transform(rgb, RGB_TO_YUV709)
    y, u, v = i420_planes(out, h)
    y[...] = yuv[..., 0]
    # one plane at a time: OpenCV's exact 2x2 mean (its 2-channel path rounds differently)
    cv2.resize(yuv[..., 1], (w // 2, h // 2), dst=u, interpolation=cv2.INTER_AREA)
    cv2.resize(yuv[..., 2], (w // 2, h // 2), dst=v, interpolation=cv2.INTER_AREA)
    return out


def _colour_tags(stream: av.video.stream.VideoStream, accurate: bool) -> None:
    ctx = stream.codec_context
    # 1 = BT.709, 6 = SMPTE 170M (BT.601); range 1 = limited ("tv")
    matrix = 1 if accurate else 6
    ctx.color_primaries = matrix
    ctx.color_trc = matrix
    ctx.colorspace = matrix
    ctx.color_range = 1


def _os_error_message(error: OSError, path: Path) -> str:
    if error.errno in _NO_SPACE:
        return f"no space left while writing {path} (disk full or file size limit): free some space and render again"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {path}: permission denied"
    return f"cannot write {path}: {error.strerror or error}"


class AacTrack:
    """An AAC stereo stream fed from one float array, encoded up to a sample position at a time,
    so sound interleaves with the picture as the picture is written.

    :meth:`encode_ahead` moves the encoding to a background thread (the caller only muxes): the
    packets and the points where they are muxed do not depend on timing, so neither do the bytes.
    """

    CHUNK = 1024

    def __init__(self, container: av.container.OutputContainer, bit_rate: int) -> None:
        self.container = container
        self.stream = container.add_stream("aac", rate=SAMPLE_RATE)
        self.stream.layout = "stereo"
        self.stream.bit_rate = bit_rate
        self.stream.codec_context.flags |= av.codec.context.Flags.bitexact  # no "Lavc" version tag in the stream
        # FFmpeg's constant-quantiser coder, made for bit rates like ours (128 kbit/s and up): about
        # a third of the CPU of the default two-loop search (measured), which matters when the
        # picture encoder already keeps every core busy.
        self.stream.codec_context.options = {"aac_coder": "fast"}
        self.samples: np.ndarray | None = None  # (n, 2) float32; silence past its end
        self.done = 0
        self._ahead: _EncodedAhead | None = None

    def _encode(self, end: int, *, final: bool = False) -> list[av.Packet]:
        source = self.samples if self.samples is not None else np.zeros((0, 2), np.float32)
        packets: list[av.Packet] = []
        while self.done + self.CHUNK <= end or (final and self.done < end):
            stop = min(self.done + self.CHUNK, end)
            block = np.zeros((stop - self.done, 2), np.float32)
            available = source[self.done : stop]
            block[: len(available)] = available
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(block.T), format="fltp", layout="stereo")
            frame.sample_rate = SAMPLE_RATE
            frame.pts = self.done
            frame.time_base = Fraction(1, SAMPLE_RATE)
            packets.extend(self.stream.encode(frame))
            self.done = stop
        if final:
            packets.extend(self.stream.encode(None))
        return packets

    def encode_until(self, end: int, *, final: bool = False) -> None:
        """Mux the sound up to sample ``end`` (all of it, flushed, when ``final``)."""
        packets = self._ahead.take(end, final=final) if self._ahead is not None else self._encode(end, final=final)
        for packet in packets:
            self.container.mux(packet)

    def encode_ahead(self, samples: np.ndarray, total: int) -> None:
        """Encode ``samples`` as ``total`` samples of sound in a background thread from now on;
        :meth:`encode_until` then muxes every packet that ends by the sample it is given."""
        self.samples = samples
        self.stream.codec_context.open()  # here, before the muxer and the thread could both open it
        self._ahead = _EncodedAhead(self, total)

    def stop(self) -> None:
        """Stop a background encoding (when the file is abandoned) and wait for its thread."""
        if self._ahead is not None:
            self._ahead.stop()


class _EncodedAhead:
    """The packets of an :class:`AacTrack` made by a background thread, handed out in order."""

    STEP = AacTrack.CHUNK * 16

    def __init__(self, track: AacTrack, total: int) -> None:
        self._packets: list[av.Packet] = []
        self._taken = 0
        self._finished = self._stopping = False
        self._error: BaseException | None = None
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._run, args=(track, total), name="sound-encoder", daemon=True)
        self._thread.start()

    def _run(self, track: AacTrack, total: int) -> None:
        try:
            final = False
            while not final and not self._stopping:
                end = min(total, track.done + self.STEP)
                final = end >= total
                packets = track._encode(end, final=final)
                with self._ready:
                    self._packets.extend(packets)
                    self._ready.notify_all()
        except BaseException as error:  # handed to the caller by take()
            with self._ready:
                self._error = error
        with self._ready:
            self._finished = True
            self._ready.notify_all()

    def stop(self) -> None:
        self._stopping = True
        self._thread.join()

    def take(self, end: int, *, final: bool = False) -> list[av.Packet]:
        """The next packets that end by sample ``end`` (all the rest when ``final``), waiting for them."""
        out: list[av.Packet] = []
        with self._ready:
            while True:
                if self._error is not None:
                    raise RenderError(f"the sound encoder stopped: {self._error}") from self._error
                while self._taken < len(self._packets):
                    packet = self._packets[self._taken]
                    if not final and (packet.pts or 0) + (packet.duration or 0) > end:
                        return out
                    out.append(packet)
                    self._taken += 1
                if self._finished:
                    return out
                self._ready.wait()


def x264_params(preset: Preset) -> str:
    """The libx264 parameters every H.264 stream of the engine is encoded with, beyond preset and CRF."""
    return f"keyint={preset.keyint}:min-keyint={preset.keyint}:scenecut=0:forced-idr=1:mbtree=0"


def open_h264_stream(container: av.container.OutputContainer, preset: Preset, threads: int = 0) -> av.VideoStream:
    """Add the preset's H.264 stream to ``container``.

    Every encoder of the engine goes through here, so scene clips and the transitions encoded
    at assembly share their parameter sets (SPS/PPS) and can be joined packet for packet.
    """
    video = container.add_stream("libx264", rate=preset.fps)
    video.width, video.height, video.pix_fmt = preset.width, preset.height, "yuv420p"
    video.time_base = Fraction(1, preset.fps)
    # Fixed GOPs with no scene-cut detection: keyframes fall only where asked (forced-idr turns a
    # frame given as I into an IDR, which closes the GOP before it so a clip can be cut there).
    # mbtree=0: with macroblock-tree rate control this libx264 gives different bytes from run to
    # run on flat, cartoon-like pictures (measured at 854x480 and 320x180, even with one thread);
    # without it every size tested repeats exactly. It costs bit rate at a given quality, and with
    # the extra bits some encoder time (~15% at 720p, measured).
    video.options = {"crf": str(preset.crf), "preset": preset.x264_preset, "x264-params": x264_params(preset)}
    video.codec_context.thread_type = "FRAME"
    video.codec_context.thread_count = threads or ENCODER_THREADS
    video.codec_context.flags |= av.codec.context.Flags.bitexact
    _colour_tags(video, preset.accurate_chroma)
    return video


@dataclass(frozen=True)
class _Sound:
    samples: np.ndarray


_IDR = av.video.frame.PictureType.I  # with forced-idr=1, a frame given as I is encoded as an IDR
_ANY = av.video.frame.PictureType.NONE  # the encoder chooses


class _PooledFrame:
    """An encoder frame (yuv420p) and numpy views of its three planes (rows may be padded)."""

    __slots__ = ("frame", "planes")

    def __init__(self, width: int, height: int) -> None:
        self.frame = av.VideoFrame(width, height, "yuv420p")
        sizes = ((height, width), (height // 2, width // 2), (height // 2, width // 2))
        self.planes = tuple(
            np.frombuffer(memoryview(plane), np.uint8).reshape(rows, plane.line_size)[:, :columns]
            for plane, (rows, columns) in zip(self.frame.planes, sizes, strict=True)
        )


class VideoWriter:
    """Writes one MP4 (H.264 + optional AAC); use as a context manager.

    ``force_keyframes``: frame indices encoded as IDR keyframes (see
    :func:`~render_farm.engine.assembly.boundary_keyframes`). ``threads``: libx264 frame
    threads, 0 for :data:`ENCODER_THREADS`. The MP4 appears at ``path`` only when :meth:`close`
    succeeds; any failure removes the partial file and raises :class:`RenderError`.
    """

    def __init__(
        self,
        path: Path | str,
        preset: Preset,
        *,
        force_keyframes: Iterable[int] = (),
        threads: int = 0,
        faststart: bool = True,
        with_audio: bool = True,
    ) -> None:
        self.path = Path(path)
        self.preset = preset
        self.keyframes = frozenset(force_keyframes)
        self.frames_written = 0
        self._error: BaseException | None = None
        self._closed = False
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".partial", dir=self.path.parent)
            os.close(fd)
        except OSError as error:
            raise RenderError(_os_error_message(error, self.path)) from None
        self._tmp = Path(tmp_name)
        options = {"fflags": "+bitexact"}
        if faststart:
            options["movflags"] = "+faststart"
        try:
            self._container = container = av.open(tmp_name, "w", format="mp4", options=options)
            self._video = open_h264_stream(container, preset, threads)
            self._sound = AacTrack(container, preset.audio_bitrate) if with_audio else None
        except (OSError, av.FFmpegError, ValueError) as error:
            self._tmp.unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise RenderError(_os_error_message(error, self.path)) from None
            raise RenderError(f"cannot start the encoder for {self.path}: {error}") from error
        self._queue: queue.Queue[object] = queue.Queue(maxsize=QUEUE_FRAMES)
        # Queued frames, the one being encoded and one to spare: never one still in use (libx264
        # has copied a frame into its own pictures by the time encode() returns).
        self._pool = [_PooledFrame(preset.width, preset.height) for _ in range(QUEUE_FRAMES + 2)]
        self._scratch: np.ndarray | None = None  # write_rgb's conversion
        self._last: _PooledFrame | None = None  # the frame queued last (repeat() queues it again)
        self._next_buffer = 0
        self._thread = threading.Thread(target=self._run, name="video-encoder", daemon=True)
        self._thread.start()

    # -- feeding --------------------------------------------------------------------------

    def set_audio(self, samples: np.ndarray) -> None:
        """The whole clip's sound: (n, 2) float32 at 48 kHz, padded with silence or cut to the
        picture's length (frames / fps) at close.

        Call it before the first frame where the sound is known then: sound and picture are then
        encoded and interleaved as the frames arrive. Set later, the sound is encoded at close and
        lands after the picture in the file (still in sync, less friendly to streaming).
        """
        if samples.ndim != 2 or samples.shape[1] != 2:
            raise ValueError(f"audio must be (n, 2) stereo samples, got shape {samples.shape}")
        if self._sound is None:
            raise ValueError("this writer was opened with with_audio=False")
        # Handed over through the frame queue: the encoder thread takes it up at the same point of
        # the picture on every run, so the interleaving (and the file's bytes) never depends on timing.
        self._put(_Sound(np.ascontiguousarray(samples, dtype=np.float32)))

    def write_rgb(self, rgb: np.ndarray) -> None:
        """Convert and queue one (h, w, 3) uint8 RGB frame; the caller may reuse ``rgb`` at once."""
        if rgb.shape != (self.preset.height, self.preset.width, 3) or rgb.dtype != np.uint8:
            raise ValueError(
                f"expected a {self.preset.width}x{self.preset.height} uint8 RGB frame, got {rgb.shape} {rgb.dtype}"
            )
        if self._scratch is None:
            self._scratch = np.empty((self.preset.height * 3 // 2, self.preset.width), np.uint8)
        self.write_yuv(rgb_to_yuv420(rgb, self._scratch, accurate=self.preset.accurate_chroma))

    def write_yuv(self, yuv: np.ndarray) -> None:
        """Queue one I420 frame ((h*3/2, w) uint8), copied (~0.1 ms at 1080p): the caller may
        reuse ``yuv`` at once."""
        shape = (self.preset.height * 3 // 2, self.preset.width)
        if yuv.shape != shape or yuv.dtype != np.uint8:
            raise ValueError(f"expected a {shape} uint8 I420 frame, got {yuv.shape} {yuv.dtype}")
        pooled = self._pool[self._next_buffer]
        self._next_buffer = (self._next_buffer + 1) % len(self._pool)
        for plane, source in zip(pooled.planes, i420_planes(yuv, self.preset.height), strict=True):
            np.copyto(plane, source)
        self._put(pooled)
        self._last = pooled
        self.frames_written += 1

    def repeat(self) -> None:
        """Queue the frame written last once more (a picture that holds still), without a copy."""
        if self._last is None:
            raise ValueError("no frame has been written to repeat")
        self._put(self._last)
        self.frames_written += 1

    def _put(self, item: _PooledFrame | _Sound) -> None:
        if self._closed:
            raise RenderError(f"{self.path}: written to after the writer was closed")
        if self._error is not None:
            self._fail()
        while True:
            try:
                self._queue.put(item, timeout=0.5)
                break
            except queue.Full:
                if self._error is not None or not self._thread.is_alive():
                    self._fail()

    # -- the encoder thread ---------------------------------------------------------------

    def _run(self) -> None:
        index = 0
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    break
                if isinstance(item, _Sound):
                    if self._sound is not None:
                        self._sound.samples = item.samples
                        self._sound.encode_until(index * self.preset.samples_per_frame)
                    continue
                assert isinstance(item, _PooledFrame)
                frame = item.frame  # the same frame comes round again: every field is set anew
                frame.pts = index
                frame.pict_type = _IDR if index in self.keyframes else _ANY
                for packet in self._video.encode(frame):
                    self._container.mux(packet)
                index += 1
                self._encode_audio_until(index * self.preset.samples_per_frame)
            for packet in self._video.encode():
                self._container.mux(packet)
            self._encode_audio_until(index * self.preset.samples_per_frame, final=True)
        except BaseException as error:  # reported to the caller on its next call
            self._error = error
            while True:  # unblock a producer waiting on a full queue
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    break

    def _encode_audio_until(self, end: int, final: bool = False) -> None:
        if self._sound is None or (self._sound.samples is None and not final):
            return
        self._sound.encode_until(end, final=final)

    # -- finishing ------------------------------------------------------------------------

    def _fail(self) -> None:
        error = self._error
        self.abort()
        if isinstance(error, RenderError):
            raise error
        if isinstance(error, OSError):
            raise RenderError(_os_error_message(error, self.path)) from error
        raise RenderError(f"the encoder stopped while writing {self.path}: {error}") from error

    def close(self) -> None:
        if self._closed:
            return
        self._queue.put(_STOP)
        self._thread.join()
        if self._error is not None:
            self._fail()
        try:
            self._container.close()
            os.chmod(self._tmp, 0o644)  # mkstemp made it private; the finished film is not
            os.replace(self._tmp, self.path)
        except OSError as error:
            self._tmp.unlink(missing_ok=True)
            raise RenderError(_os_error_message(error, self.path)) from None
        except av.FFmpegError as error:
            self._tmp.unlink(missing_ok=True)
            raise RenderError(f"the encoder could not finish {self.path}: {error}") from error
        finally:
            self._closed = True

    def abort(self) -> None:
        """Stop and remove the partial file (used when rendering fails or is cancelled)."""
        if self._closed:
            return
        self._closed = True
        if self._thread.is_alive():
            with contextlib.suppress(queue.Full):
                self._queue.put(_STOP, timeout=5)
            self._thread.join(timeout=30)
        with contextlib.suppress(OSError, av.FFmpegError, ValueError):
            self._container.close()
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> VideoWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()
