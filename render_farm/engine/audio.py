"""The scene's sound: dialogue placed in time, an ambience bed, a music bed, mixed and levelled.

Everything here is whole-array numpy and deterministic for its inputs (noise comes from seeded
generators), so the same scene always sounds the same. The bed is ducked under speech, the
dialogue is brought to a steady level, and a limiter keeps every sample under -1 dBFS.
"""

from __future__ import annotations

import hashlib
import wave
from dataclasses import dataclass
from functools import lru_cache
from math import gcd
from pathlib import Path

import numpy as np

from render_farm.film import Place, Setting, Style, TimeOfDay, Weather

from .art.standins import drawn_setting
from .presets import SAMPLE_RATE
from .speech import Speech

AUDIO_REVISION = "3"  # bump when the same inputs would sound different
PEAK = 10 ** (-1 / 20)  # -1 dBFS
DIALOGUE_RMS = 10 ** (-16 / 20)  # a line's level (mono, before the -3 dB centre pan)
BED_RMS = 10 ** (-37 / 20)  # ambience level with nobody talking
MUSIC_RMS = 10 ** (-39 / 20)
DUCK = 0.35  # bed gain under speech
DUCK_WINDOW = 0.15  # seconds over which the bed dips and recovers
EDGE = 0.010  # seconds of fade at the clip's edges
CUT_FADE = 0.020  # seconds of fade on a line cut by the scene's end

__all__ = [
    "SAMPLE_RATE",
    "Placement",
    "ambience",
    "mix_scene",
    "music_bed",
    "read_wav",
    "resample",
    "to_int16",
    "write_wav",
]


@dataclass(frozen=True)
class Placement:
    """One spoken line placed in a scene."""

    start: float  # seconds into the scene
    speech: Speech
    pan: float = 0.0  # -1 left .. +1 right, constant power
    gain: float = 1.0


def _seed(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()[:8], "big")


# -- resampling ---------------------------------------------------------------------------------


def _smooth_at_least(n: int) -> int:
    """The smallest 2·3·5-smooth number >= n: an FFT length that is always fast."""
    best = 1 << max(0, (n - 1).bit_length())
    power5 = 1
    while power5 < best:
        power35 = power5
        while power35 < best:
            size = power35
            while size < n:
                size *= 2
            best = min(best, size)
            power35 *= 3
        power5 *= 5
    return best


def resample(samples: np.ndarray, rate_in: int, rate_out: int = SAMPLE_RATE) -> np.ndarray:
    """Band-limited resampling of a mono clip through its spectrum: no aliasing, no imaging.

    The clip is zero-padded to an FFT-friendly length that is a whole number of resampling
    periods (so the ratio is exact) and long enough that its end never wraps into its start.
    Returns ``round(len(samples) * rate_out / rate_in)`` float32 samples.
    """
    samples = np.asarray(samples, dtype=np.float32)
    if samples.ndim != 1:
        raise ValueError("resample takes a mono clip (a 1-D array)")
    if rate_in <= 0 or rate_out <= 0:
        raise ValueError(f"sample rates must be positive, got {rate_in} and {rate_out}")
    n_in = len(samples)
    if rate_in == rate_out or n_in == 0:
        return samples.copy()
    n_out = round(n_in * rate_out / rate_in)
    step = gcd(rate_in, rate_out)
    up, down = rate_out // step, rate_in // step
    padded = n_in + max(256, n_in // 16)
    if down <= 4096:  # the usual rates (22050, 44100, 48000, 16000...): an exact ratio
        periods = _smooth_at_least(-(-padded // down))
        size_in, size_out = down * periods, up * periods
    else:
        size_in = _smooth_at_least(padded)
        size_out = round(size_in * rate_out / rate_in)
    spectrum = np.fft.rfft(samples.astype(np.float64), size_in)
    out_spectrum = np.zeros(size_out // 2 + 1, np.complex128)
    keep = min(len(spectrum), len(out_spectrum))
    out_spectrum[:keep] = spectrum[:keep]
    if size_out > size_in and size_in % 2 == 0:
        out_spectrum[size_in // 2] *= 0.5  # the old Nyquist bin splits into two when upsampling
    out = np.fft.irfft(out_spectrum, size_out)[:n_out] * (size_out / size_in)
    return out.astype(np.float32)


# -- building blocks ----------------------------------------------------------------------------


def _noise(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(n, dtype=np.float32)


def _moving_average(signal: np.ndarray, size: int) -> np.ndarray:
    """Centred running mean over ``size`` samples, O(n) whatever the size."""
    size = max(1, int(size))
    if size == 1 or len(signal) == 0:
        return signal.astype(np.float32, copy=False)
    total = np.zeros(len(signal) + size + 1, np.float64)
    np.cumsum(signal, dtype=np.float64, out=total[size // 2 + 1 : size // 2 + 1 + len(signal)])
    total[size // 2 + 1 + len(signal) :] = total[size // 2 + len(signal)]
    return ((total[size : size + len(signal)] - total[: len(signal)]) / size).astype(np.float32)


def _lowpass(signal: np.ndarray, strength: float) -> np.ndarray:
    """Two passes of a running mean: a soft low-pass for noise beds."""
    return _moving_average(_moving_average(signal, int(strength)), int(strength))


_BLOCK = 64  # samples per control step of slow curves (envelopes), and per block of tones


def _upsample_linear(control: np.ndarray, n: int) -> np.ndarray:
    """``n`` samples joining ``control`` points (one every _BLOCK samples) with straight lines."""
    steps = np.arange(_BLOCK, dtype=np.float32) / np.float32(_BLOCK)
    blocks = -(-n // _BLOCK)
    base = control[:blocks, None]
    return (base + (control[1 : blocks + 1, None] - base) * steps[None, :]).ravel()[:n]


def _envelope(n: int, rate: int, period: float, depth: float, seed: int) -> np.ndarray:
    """A slow random swell (waves, gusts) between 1-depth and 1, eased between random knots."""
    rng = np.random.default_rng(seed)
    knots = rng.random(max(2, int(n / rate / period) + 3))
    position = np.arange(-(-n // _BLOCK) + 1) * (_BLOCK / (rate * period))
    index = position.astype(np.int64)
    ease = 0.5 - 0.5 * np.cos(np.pi * (position - index))
    curve = knots[index] + (knots[index + 1] - knots[index]) * ease
    return _upsample_linear(((1 - depth) + depth * curve).astype(np.float32), n)


def _chirps(n: int, rate: int, seed: int, density: float, low: float, high: float) -> np.ndarray:
    """Short bird-like chirps at random times, in little phrases of two to four."""
    rng = np.random.default_rng(seed)
    out = np.zeros(n, np.float32)
    for _ in range(int(n / rate * density)):  # a handful per second, each a vectorised burst
        at = int(rng.integers(0, max(1, n - rate // 2)))
        f0, f1 = rng.uniform(low, high), rng.uniform(low, high)
        level = rng.uniform(0.3, 1.0)
        for _note in range(int(rng.integers(2, 5))):
            length = int(rate * rng.uniform(0.04, 0.10))
            if at + length > n:
                break
            t = np.arange(length) / rate
            phase = 2 * np.pi * (f0 * t + (f1 - f0) * t**2 / (2 * t[-1] + 1e-9))
            window = np.sin(np.pi * np.arange(length) / length) ** 2
            out[at : at + length] += (np.sin(phase) * window * level).astype(np.float32)
            at += length + int(rate * rng.uniform(0.03, 0.09))
    return out


def _tone(n: int, rate: int, freq: float) -> np.ndarray:
    """A sine at ``freq`` Hz, built block by block from the angle-sum identity (fast, exact enough)."""
    blocks = -(-n // _BLOCK)
    outer = 2 * np.pi * freq * _BLOCK / rate * np.arange(blocks)
    inner = 2 * np.pi * freq / rate * np.arange(_BLOCK)
    sin_o, cos_o = np.sin(outer).astype(np.float32)[:, None], np.cos(outer).astype(np.float32)[:, None]
    sin_i, cos_i = np.sin(inner).astype(np.float32)[None, :], np.cos(inner).astype(np.float32)[None, :]
    return (sin_o * cos_i + cos_o * sin_i).ravel()[:n]


# -- beds ---------------------------------------------------------------------------------------


def ambience(setting: Setting, duration: float, seed: int, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """A quiet stereo bed that fits the place, time and weather: (n, 2) float32 at -37 dBFS RMS.

    Layers by place: flowing water (river), slow breaking waves (beach), gusting wind
    (mountains, castle, cloudy skies), a low hum (city street, village), room tone (room), a deep
    drone (space), birdsong by day in green places, crickets at night, rain and soft snow wind.
    """
    n = round(duration * sample_rate)
    if n <= 0:
        return np.zeros((0, 2), np.float32)
    setting = drawn_setting(setting)  # a bakery sounds like the room, a storm like rain, until they have their own
    key = _seed(seed, setting.place.value, setting.time_of_day.value, setting.weather.value)
    rate = sample_rate
    layers: list[np.ndarray] = []
    place, night = setting.place, setting.time_of_day is TimeOfDay.night
    if place is Place.river:
        layers.append(_lowpass(_noise(n, key), 6) * _envelope(n, rate, 1.2, 0.5, key + 1))
    if place is Place.beach:
        layers.append(_lowpass(_noise(n, key), 14) * _envelope(n, rate, 4.5, 0.85, key + 1) * 1.4)
    if place in (Place.mountains, Place.castle) or setting.weather in (Weather.cloudy, Weather.snow):
        gusts = _envelope(n, rate, 3.0, 0.8, key + 3)
        layers.append(_lowpass(_noise(n, key + 2), 40) * gusts * (1.2 if setting.weather is Weather.snow else 2.5))
    if place in (Place.city_street, Place.village):
        hum = _tone(n, rate, 60.0) * 0.05 + _tone(n, rate, 120.0) * 0.03 if place is Place.city_street else 0.0
        layers.append(_lowpass(_noise(n, key + 4), 60) * 2.0 + hum)
    if place is Place.room:
        layers.append(_lowpass(_noise(n, key + 5), 120) * 1.5)
    if place is Place.space:
        drone = _tone(n, rate, 55.0) * 0.5 + _tone(n, rate, 82.4) * 0.3 + _tone(n, rate, 110.3) * 0.1
        layers.append(drone * _envelope(n, rate, 6.0, 0.4, key + 11))
    if place in (Place.forest, Place.meadow):  # leaves and grass in a light breeze
        layers.append(_lowpass(_noise(n, key + 12), 24) * _envelope(n, rate, 2.5, 0.6, key + 13) * 1.5)
    if place in (Place.forest, Place.meadow, Place.river, Place.village) and not night:
        layers.append(_chirps(n, rate, key + 6, 0.6, 2500, 5200) * 0.6)
    if night and place not in (Place.space, Place.room):
        pulse = (_tone(n, rate, 14.0) > 0.6).astype(np.float32)
        layers.append(_tone(n, rate, 4300.0) * pulse * _envelope(n, rate, 1.5, 1.0, key + 7) * 0.3)
    if setting.weather is Weather.rain:
        rain = _noise(n + 1, key + 8)
        layers.append(np.diff(rain) * 0.6)
    if not layers:
        layers.append(_lowpass(_noise(n, key + 9), 80))
    mono = layers[0]
    for layer in layers[1:]:
        mono = mono + layer
    # a slow left-right drift gives the bed some width without a second noise source
    drift = (_envelope(n, rate, 2.0, 1.0, key + 10) - np.float32(0.5)) * np.float32(0.5)
    bed = np.empty((n, 2), np.float32)
    bed[:, 0] = mono * (1 + drift)
    bed[:, 1] = mono * (1 - drift)
    rms = float(np.sqrt(np.dot(mono, mono) / n * (1 + float(np.dot(drift, drift)) / n))) or 1.0
    bed *= np.float32(BED_RMS / rms)
    return bed


_MOODS = {
    "happy": ([0, 4, 7], [0, 5, 9], [2, 7, 11], [0, 4, 7]),
    "calm": ([0, 4, 7, 11], [5, 9, 12], [0, 4, 7], [7, 11, 14]),
    "sad": ([0, 3, 7], [5, 8, 12], [3, 7, 10], [7, 10, 14]),
    "tense": ([0, 3, 6], [1, 5, 8], [0, 3, 6], [-1, 3, 6]),
}
_TEMPO = {Style.storybook: 0.0, Style.anime: 0.15, Style.comic: 0.2, Style.pastel: -0.15}
MOODS = tuple(_MOODS)


def music_bed(style: Style, mood: str, duration: float, seed: int, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """A gentle pad with a slow arpeggio in a key chosen by the seed: (n, 2) float32.

    ``mood`` is one of :data:`MOODS` (anything else plays "calm"). One pass of the chord
    progression is synthesised once and repeated to the scene's length; it fades in and out.
    """
    n = round(duration * sample_rate)
    if n <= 0:
        return np.zeros((0, 2), np.float32)
    loop = _music_loop(style, mood if mood in _MOODS else "calm", _seed(seed, "key") % 12, sample_rate)
    bed = np.tile(loop, (n // len(loop) + 1, 1))[:n].copy()
    fade = min(n // 2, int(1.5 * sample_rate))
    if fade:
        ramp = np.linspace(0, 1, fade, dtype=np.float32)[:, None]
        bed[:fade] *= ramp
        bed[-fade:] *= ramp[::-1]
    return bed


@lru_cache(maxsize=16)
def _music_loop(style: Style, mood: str, key: int, sample_rate: int) -> np.ndarray:
    chords = _MOODS[mood]
    root = 48 + key  # MIDI note of the key's root (C3..B3)
    bar = round(2.4 * (1 - _TEMPO.get(style, 0.0)) * sample_rate)
    in_bar = (np.arange(bar) / bar).astype(np.float32)
    swell = (0.6 + 0.4 * np.sin(np.pi * in_bar)).astype(np.float32)
    pluck = np.exp(-((in_bar * 4) % 1) * 6).astype(np.float32)
    # each bar starts and ends near silence, so bars join without clicks
    edge = np.minimum(1.0, np.minimum(in_bar, 1 - in_bar) * 40).astype(np.float32)
    quarters = [(bar * q // 4, bar * (q + 1) // 4) for q in range(4)]
    bars = []
    for chord in chords:
        pad = np.zeros(bar, np.float32)
        for voice in range(3):
            freq = 440.0 * 2 ** ((root + chord[voice % len(chord)] - 69) / 12)
            pad += _tone(bar, sample_rate, freq) + np.float32(0.3) * _tone(bar, sample_rate, 2 * freq)
        pad *= swell
        # the arpeggio steps through the chord's root, fifth, octave and fifth, one a quarter bar
        arp = np.empty(bar, np.float32)
        for (start, stop), step in zip(quarters, (0, 7, 12, 7), strict=True):
            freq = 440.0 * 2 ** ((root + chord[0] + 12 + step - 69) / 12)
            arp[start:stop] = _tone(stop, sample_rate, freq)[start:]
        arp *= pluck * np.float32(0.8)
        bars.append(np.stack([(pad * 0.9 + arp * 0.6) * edge, (pad * 0.9 + arp) * edge], axis=1))
    loop = np.concatenate(bars)
    rms = float(np.sqrt(np.mean(loop**2))) or 1.0
    loop = (loop * (MUSIC_RMS / rms)).astype(np.float32)
    loop.setflags(write=False)
    return loop


# -- the mix ------------------------------------------------------------------------------------


def _gate(intervals: list[tuple[int, int]], n: int, window: int) -> np.ndarray:
    """A running mean over ``window`` samples of "someone is speaking", for every sample.

    The running mean of a union of intervals is piecewise linear, so it is evaluated exactly at
    its corners, sampled every _BLOCK samples and joined with straight lines.
    """
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not merged:
        return np.zeros(n, np.float32)
    spans = np.array(merged, dtype=np.float64)
    half = window / 2
    corners = np.unique(np.clip(np.concatenate([spans.ravel() - half, spans.ravel() + half, [0, n - 1]]), 0, n - 1))
    low = np.maximum(corners[:, None] - half, spans[None, :, 0])
    high = np.minimum(corners[:, None] + half, spans[None, :, 1])
    values = np.clip(high - low, 0, None).sum(axis=1) / window
    control = np.interp(np.arange(-(-n // _BLOCK) + 1) * _BLOCK, corners, values).astype(np.float32)
    return _upsample_linear(control, n)


def _limit(mix: np.ndarray, sample_rate: int) -> np.ndarray:
    """Peak limiting: nothing above -1 dBFS; gain dips smoothly around peaks, elsewhere untouched."""
    knee = PEAK * 0.8
    peak = np.maximum(np.abs(mix[:, 0]), np.abs(mix[:, 1]))
    over = np.flatnonzero(peak > knee)
    if not len(over):
        return mix
    window = int(sample_rate * 0.005) | 1
    # work only on the stretches around peaks, each with room for the gain to ease in and out
    breaks = np.flatnonzero(np.diff(over) > 4 * window)
    starts = np.concatenate([[over[0]], over[breaks + 1]]) - 2 * window
    ends = np.concatenate([over[breaks], [over[-1]]]) + 2 * window + 1
    for start, end in zip(np.maximum(starts, 0), np.minimum(ends, len(mix)), strict=True):
        local = peak[start:end]
        target = np.where(local > knee, knee + (PEAK - knee) * np.tanh((local - knee) / (PEAK - knee)), local)
        gain = np.where(local > knee, target / np.maximum(local, 1e-9), 1.0)
        # hold the lowest gain over a short window, then smooth it so limiting does not distort
        padded = np.pad(gain, window // 2, constant_values=1.0)
        held = np.lib.stride_tricks.sliding_window_view(padded, window).min(axis=1)
        smooth = _moving_average(np.pad(held, window, constant_values=1.0), window)[window:-window]
        mix[start:end] *= np.minimum(gain, smooth).astype(np.float32)[:, None]
    np.clip(mix, -PEAK, PEAK, out=mix)
    return mix


def mix_scene(
    placements: list[Placement],
    duration: float,
    setting: Setting,
    *,
    style: Style,
    mood: str = "calm",
    music: bool = True,
    seed: int = 0,
    sample_rate: int = SAMPLE_RATE,
) -> np.ndarray:
    """The scene's sound, exactly ``round(duration * sample_rate)`` stereo float32 samples.

    Each line is resampled, levelled to the dialogue loudness (times its ``gain``), panned and
    placed at its start (a line running past the scene's end is cut with a short fade). The
    ambience and, with ``music``, the music bed duck under speech; 10 ms fades at the edges and
    a peak limiter finish the mix (no sample above -1 dBFS).
    """
    n = round(duration * sample_rate)
    mix = ambience(setting, duration, seed, sample_rate)[:n]
    if len(mix) < n:
        mix = np.pad(mix, ((0, n - len(mix)), (0, 0)))
    if music and n:
        mix += music_bed(style, mood, duration, seed, sample_rate)[:n]
    spoken: list[tuple[int, int]] = []
    lines: list[tuple[int, np.ndarray, float]] = []
    for placement in placements:
        mono = resample(placement.speech.samples, placement.speech.sample_rate, sample_rate)
        start = round(placement.start * sample_rate)
        if start < 0:  # a line that began before the scene: keep its tail
            mono, start = mono[-start:], 0
        end = min(n, start + len(mono))
        if end <= start:
            continue
        rms = float(np.sqrt(np.mean(np.square(mono, dtype=np.float64))))
        level = (DIALOGUE_RMS / rms if rms > 1e-6 else 1.0) * placement.gain
        cut = start + len(mono) > n
        mono = mono[: end - start] * np.float32(level)
        if cut:  # the scene ends mid-line: fade it out rather than click
            fade = min(len(mono), int(CUT_FADE * sample_rate))
            mono[len(mono) - fade :] *= np.linspace(1, 0, fade, dtype=np.float32)
        lines.append((start, mono, placement.pan))
        spoken.append((start, end))
    if spoken:
        duck = np.float32(1.0) - np.float32(1.0 - DUCK) * np.clip(
            _gate(spoken, n, int(DUCK_WINDOW * sample_rate) | 1) * np.float32(1.5), 0, 1
        )
        mix *= duck[:, None]
    for start, mono, pan in lines:
        end = start + len(mono)
        angle = (min(1.0, max(-1.0, pan)) + 1) * np.pi / 4
        mix[start:end, 0] += mono * np.float32(np.cos(angle))
        mix[start:end, 1] += mono * np.float32(np.sin(angle))
    edge = min(n // 2, int(EDGE * sample_rate))
    if edge:
        ramp = np.linspace(0, 1, edge, dtype=np.float32)[:, None]
        mix[:edge] *= ramp
        mix[-edge:] *= ramp[::-1]
    return _limit(mix, sample_rate)


# -- files --------------------------------------------------------------------------------------


def to_int16(mix: np.ndarray) -> np.ndarray:
    """16-bit PCM samples from float samples in [-1, 1] (clipped, rounded)."""
    return np.clip(np.round(mix * 32767), -32768, 32767).astype(np.int16)


def as_stored(mix: np.ndarray) -> np.ndarray:
    """``mix`` as :func:`read_wav` gives it back from a WAV :func:`write_wav` wrote."""
    return to_int16(mix).astype(np.float32) / 32768.0


def write_wav(path: Path | str, mix: np.ndarray, sample_rate: int = SAMPLE_RATE) -> None:
    """Write (n, channels) or (n,) float samples as a 16-bit PCM WAV."""
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(mix.shape[1] if mix.ndim == 2 else 1)
        handle.setsampwidth(2)
        handle.setframerate(sample_rate)
        handle.writeframes(to_int16(mix).astype("<i2").tobytes())


def read_wav(path: Path | str) -> tuple[np.ndarray, int]:
    """(samples as (n, channels) float32 in [-1, 1], sample rate) from a 16-bit PCM WAV."""
    with wave.open(str(path), "rb") as handle:
        if handle.getsampwidth() != 2:
            raise ValueError(f"{path}: only 16-bit PCM WAV is supported")
        channels, rate = handle.getnchannels(), handle.getframerate()
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2")
    return (data.reshape(-1, channels).astype(np.float32) / 32768.0), rate
