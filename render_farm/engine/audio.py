"""The scene's sound: dialogue placed in time, an ambience bed, a music bed, mixed and levelled.

Everything here is whole-array numpy and deterministic for its inputs (noise comes from seeded
generators), so the same scene always sounds the same. The bed is ducked under speech, the
dialogue is brought to a steady level, and a limiter keeps every sample under -1 dBFS.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from render_farm.ai.protocols import Speech
from render_farm.film import Place, Setting, Style, TimeOfDay, Weather

from .presets import SAMPLE_RATE

PEAK = 10 ** (-1 / 20)  # -1 dBFS
DIALOGUE_RMS = 10 ** (-18 / 20)  # speech level while someone talks
BED_RMS = 10 ** (-37 / 20)  # ambience level with nobody talking
MUSIC_RMS = 10 ** (-34 / 20)
DUCK = 0.35  # bed gain under speech
EDGE = 0.010  # seconds of fade at the clip's edges


@dataclass(frozen=True)
class Placement:
    start: float  # seconds into the scene
    speech: Speech
    pan: float = 0.0  # -1 left .. +1 right, constant power
    gain: float = 1.0


def _seed(*parts: object) -> int:
    import hashlib

    return int.from_bytes(hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()[:8], "big")


def resample(samples: np.ndarray, rate_in: int, rate_out: int = SAMPLE_RATE) -> np.ndarray:
    """Band-limited resampling of a whole mono clip through its spectrum (no aliasing)."""
    if rate_in == rate_out or len(samples) == 0:
        return samples.astype(np.float32, copy=False)
    n_in = len(samples)
    n_out = round(n_in * rate_out / rate_in)
    spectrum = np.fft.rfft(samples.astype(np.float64))
    keep = min(len(spectrum), n_out // 2 + 1)
    out_spectrum = np.zeros(n_out // 2 + 1, np.complex128)
    out_spectrum[:keep] = spectrum[:keep]
    return (np.fft.irfft(out_spectrum, n_out) * (n_out / n_in)).astype(np.float32)


def _noise(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(n).astype(np.float32)


def _moving_average(signal: np.ndarray, size: int) -> np.ndarray:
    """Centred running mean over ``size`` samples, O(n) whatever the size."""
    size = max(1, int(size))
    if size == 1 or len(signal) == 0:
        return signal.astype(np.float32, copy=False)
    padded = np.concatenate([np.zeros(size // 2 + 1), signal.astype(np.float64), np.zeros(size)])
    total = np.cumsum(padded)
    out = (total[size : size + len(signal)] - total[: len(signal)]) / size
    return out.astype(np.float32)


def _lowpass(signal: np.ndarray, strength: float) -> np.ndarray:
    """Two passes of a running mean: a soft low-pass for noise beds."""
    return _moving_average(_moving_average(signal, int(strength)), int(strength))


def _envelope(n: int, rate: int, period: float, depth: float, seed: int) -> np.ndarray:
    """A slow random swell (waves, gusts) between 1-depth and 1."""
    points = max(2, int(n / rate / period) + 3)
    rng = np.random.default_rng(seed)
    knots = rng.random(points).astype(np.float32)
    curve = cv2.resize(knots[None, :], (n, 1), interpolation=cv2.INTER_CUBIC)[0]
    return (1 - depth) + depth * np.clip(curve, 0, 1)


def _chirps(n: int, rate: int, seed: int, density: float, low: float, high: float) -> np.ndarray:
    """Short bird-like chirps at random times."""
    rng = np.random.default_rng(seed)
    out = np.zeros(n, np.float32)
    count = int(n / rate * density)
    for _ in range(count):  # a handful per scene, each a vectorised burst
        length = int(rate * rng.uniform(0.05, 0.14))
        start = int(rng.integers(0, max(1, n - length)))
        t = np.arange(length) / rate
        f0, f1 = rng.uniform(low, high), rng.uniform(low, high)
        phase = 2 * np.pi * (f0 * t + (f1 - f0) * t**2 / (2 * t[-1] + 1e-9))
        window = np.sin(np.pi * np.arange(length) / length) ** 2
        out[start : start + length] += (np.sin(phase) * window * rng.uniform(0.3, 1.0)).astype(np.float32)
    return out


def ambience(setting: Setting, duration: float, seed: int, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """A quiet stereo bed that fits the place, time and weather: (n, 2) float32."""
    n = round(duration * sample_rate)
    if n == 0:
        return np.zeros((0, 2), np.float32)
    key = _seed(seed, setting.place.value, setting.time_of_day.value, setting.weather.value)
    layers: list[np.ndarray] = []
    place, night = setting.place, setting.time_of_day is TimeOfDay.night
    if place in (Place.river, Place.beach):
        water = _lowpass(_noise(n, key), 6 if place is Place.river else 14)
        swell = _envelope(n, sample_rate, 1.2 if place is Place.river else 4.5, 0.7, key + 1)
        layers.append(water * swell)
    if place in (Place.mountains, Place.castle) or setting.weather is Weather.cloudy:
        layers.append(_lowpass(_noise(n, key + 2), 40) * _envelope(n, sample_rate, 3.0, 0.8, key + 3) * 2.5)
    if place in (Place.city_street, Place.village):
        layers.append(_lowpass(_noise(n, key + 4), 60) * 2.0)
    if place is Place.room:
        layers.append(_lowpass(_noise(n, key + 5), 120) * 1.5)
    if place is Place.space:
        t = np.arange(n, dtype=np.float32) / sample_rate
        layers.append(np.sin(2 * np.pi * 55 * t) * 0.5 + np.sin(2 * np.pi * 82.4 * t) * 0.3)
    if place in (Place.forest, Place.meadow, Place.river, Place.village) and not night:
        layers.append(_chirps(n, sample_rate, key + 6, 1.2, 2500, 5200) * 0.6)
    if night and place not in (Place.space, Place.room):
        t = np.arange(n, dtype=np.float32) / sample_rate
        pulse = (np.sin(2 * np.pi * 14 * t) > 0.6).astype(np.float32)
        layers.append(np.sin(2 * np.pi * 4300 * t) * pulse * _envelope(n, sample_rate, 1.5, 1.0, key + 7) * 0.3)
    if setting.weather is Weather.rain:
        layers.append(np.diff(_noise(n + 1, key + 8)) * 0.6)
    if not layers:
        layers.append(_lowpass(_noise(n, key + 9), 80))
    mono = np.sum(layers, axis=0).astype(np.float32)
    width = _lowpass(_noise(n, key + 10), 30) * 0.3
    bed = np.stack([mono + width * mono, mono - width * mono], axis=1)
    rms = float(np.sqrt(np.mean(bed**2))) or 1.0
    return (bed * (BED_RMS / rms)).astype(np.float32)


_MOODS = {
    "happy": ([0, 4, 7], [0, 5, 9], [2, 7, 11], [0, 4, 7]),
    "calm": ([0, 4, 7, 11], [5, 9, 12], [0, 4, 7], [7, 11, 14]),
    "sad": ([0, 3, 7], [5, 8, 12], [3, 7, 10], [7, 10, 14]),
    "tense": ([0, 3, 6], [1, 5, 8], [0, 3, 6], [-1, 3, 6]),
}
_TEMPO = {Style.storybook: 0.0, Style.anime: 0.15, Style.comic: 0.2, Style.pastel: -0.15}


def music_bed(style: Style, mood: str, duration: float, seed: int, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """A gentle pad with a slow arpeggio in a key chosen by the seed: (n, 2) float32.

    One pass of the chord progression is synthesised once and repeated to the scene's length.
    """
    n = round(duration * sample_rate)
    if n == 0:
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
    t = np.arange(bar, dtype=np.float64) / sample_rate
    in_bar = (np.arange(bar) / bar).astype(np.float32)
    swell = (0.6 + 0.4 * np.sin(np.pi * in_bar)).astype(np.float32)
    step = (in_bar * 4).astype(np.int64)
    pluck = np.exp(-((in_bar * 4) % 1) * 6).astype(np.float32)
    bars = []
    for chord in chords:
        pad = np.zeros(bar, np.float32)
        for voice in range(3):
            freq = 440.0 * 2 ** ((root + chord[voice % len(chord)] - 69) / 12)
            phase = 2 * np.pi * freq * t
            pad += (np.sin(phase) + 0.3 * np.sin(2 * phase)).astype(np.float32)
        pad *= swell
        arp_freq = 440.0 * 2 ** ((root + chord[0] + 12 + np.array([0, 7, 12, 7])[step] - 69) / 12)
        arp = np.sin(2 * np.pi * arp_freq * t).astype(np.float32) * pluck * 0.8
        # each bar starts and ends near silence, so bars join without clicks
        edge = np.minimum(1.0, np.minimum(in_bar, 1 - in_bar) * 40).astype(np.float32)
        bars.append(np.stack([(pad * 0.9 + arp * 0.6) * edge, (pad * 0.9 + arp) * edge], axis=1))
    loop = np.concatenate(bars)
    rms = float(np.sqrt(np.mean(loop**2))) or 1.0
    loop = (loop * (MUSIC_RMS / rms)).astype(np.float32)
    loop.setflags(write=False)
    return loop


def _limit(mix: np.ndarray) -> np.ndarray:
    """Soft-knee peak limiting: nothing above -1 dBFS, quiet passages untouched."""
    peak = np.max(np.abs(mix), axis=1)
    over = peak > PEAK * 0.8
    if not over.any():
        return mix
    knee = PEAK * 0.8
    target = np.where(over, knee + (PEAK - knee) * np.tanh((peak - knee) / (PEAK - knee)), peak)
    gain = np.where(peak > 0, target / np.maximum(peak, 1e-9), 1.0).astype(np.float32)
    # smooth the gain so limiting does not distort: take the minimum over a short window
    window = int(SAMPLE_RATE * 0.005) | 1
    smoothed = -cv2.dilate(-gain[None, :], np.ones((1, window), np.uint8))[0]
    smoothed = _moving_average(smoothed, window)
    return np.clip(mix * np.minimum(gain, smoothed)[:, None], -PEAK, PEAK).astype(np.float32)


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
    """The scene's sound, exactly ``round(duration * sample_rate)`` stereo float32 samples."""
    n = round(duration * sample_rate)
    voice = np.zeros((n, 2), np.float32)
    speaking = np.zeros(n, np.float32)
    for placement in placements:
        mono = resample(placement.speech.samples, placement.speech.sample_rate, sample_rate)
        rms = float(np.sqrt(np.mean(mono**2))) if len(mono) else 0.0
        if rms > 1e-6:
            mono = mono * (DIALOGUE_RMS / rms) * placement.gain
        start = round(placement.start * sample_rate)
        end = min(n, start + len(mono))
        if end <= start:
            continue
        mono = mono[: end - start].copy()
        if start + len(mono) >= n:  # cut at the scene's end: fade out over 20 ms
            fade = min(len(mono), int(0.02 * sample_rate))
            mono[-fade:] *= np.linspace(1, 0, fade, dtype=np.float32)
        angle = (placement.pan + 1) * np.pi / 4
        voice[start:end, 0] += mono * np.cos(angle)
        voice[start:end, 1] += mono * np.sin(angle)
        speaking[start:end] = 1.0
    # sidechain: a smoothed speech gate pulls the bed down while anyone talks
    attack = int(0.15 * sample_rate) | 1
    gate = _moving_average(speaking, attack)
    duck = (1.0 - (1.0 - DUCK) * np.clip(gate * 1.5, 0, 1)).astype(np.float32)[:, None]
    bed = ambience(setting, duration, seed, sample_rate)
    if music:
        bed = bed + music_bed(style, mood, duration, seed, sample_rate)
    mix = voice + bed[:n] * duck
    edge = min(n // 2, int(EDGE * sample_rate))
    if edge:
        ramp = np.linspace(0, 1, edge, dtype=np.float32)[:, None]
        mix[:edge] *= ramp
        mix[-edge:] *= ramp[::-1]
    return _limit(mix)


def to_int16(mix: np.ndarray) -> np.ndarray:
    return np.clip(np.round(mix * 32767), -32768, 32767).astype(np.int16)


def write_wav(path: Path | str, mix: np.ndarray, sample_rate: int = SAMPLE_RATE) -> None:
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(mix.shape[1] if mix.ndim == 2 else 1)
        handle.setsampwidth(2)
        handle.setframerate(sample_rate)
        handle.writeframes(to_int16(mix).tobytes())


def read_wav(path: Path | str) -> tuple[np.ndarray, int]:
    """(samples as (n, channels) float32 in [-1, 1], sample rate) from a 16-bit PCM WAV."""
    with wave.open(str(path), "rb") as handle:
        if handle.getsampwidth() != 2:
            raise ValueError(f"{path}: only 16-bit PCM WAV is supported")
        channels, rate = handle.getnchannels(), handle.getframerate()
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2")
    return (data.reshape(-1, channels).astype(np.float32) / 32768.0), rate
