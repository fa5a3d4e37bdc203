"""The scene mix: lines where they belong, a bed that fits the place and gets out of the way."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from render_farm.engine.audio import (
    PEAK,
    SAMPLE_RATE,
    Placement,
    ambience,
    mix_scene,
    music_bed,
    read_wav,
    resample,
    to_int16,
    write_wav,
)
from render_farm.engine.speech import Speech
from render_farm.film import Place, Setting, Style, TimeOfDay, Weather

MEADOW = Setting(place=Place.meadow)


def babble(seconds: float, rate: int = 22050, pitch: float = 140.0, seed: int = 0) -> Speech:
    """A speech-like test line: a buzzy voiced tone with syllable-rate loudness swings."""
    t = np.arange(round(seconds * rate)) / rate
    voiced = sum(np.sin(2 * np.pi * pitch * k * t) / k for k in range(1, 12))
    syllables = 0.55 + 0.45 * np.sin(2 * np.pi * 4.0 * t + seed)
    edges = np.minimum(1, np.minimum(t, t[-1] - t) / 0.02)
    return Speech(samples=(0.3 * voiced * syllables * edges).astype(np.float32), sample_rate=rate)


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64))))


def window(mix: np.ndarray, start: float, end: float) -> np.ndarray:
    return mix[round(start * SAMPLE_RATE) : round(end * SAMPLE_RATE)]


def dominant_frequency(x: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.argmax(spectrum) * rate / len(x))


@pytest.mark.parametrize("duration", [1.0, 2.5, 7.3333, 10.01])
def test_mix_is_exactly_as_long_as_the_scene(duration: float) -> None:
    mix = mix_scene([Placement(0.5, babble(0.4))], duration, MEADOW, style=Style.storybook)
    assert mix.shape == (round(duration * SAMPLE_RATE), 2) and mix.dtype == np.float32


def test_speech_sits_in_its_window_far_above_the_bed() -> None:
    mix = mix_scene([Placement(2.0, babble(1.5))], 6.0, MEADOW, style=Style.storybook)
    during, before, after = window(mix, 2.1, 3.4), window(mix, 0.5, 1.8), window(mix, 3.8, 5.5)
    assert rms(during) > 5 * rms(before) and rms(during) > 5 * rms(after)


def test_speech_starts_when_it_is_placed() -> None:
    setting = Setting(place=Place.room)
    mix = mix_scene([Placement(1.25, babble(1.0))], 3.0, setting, style=Style.anime, music=False)
    bed = mix_scene([], 3.0, setting, style=Style.anime, music=False)
    level = np.abs(mix - bed).max(axis=1)
    onset = np.flatnonzero(level > 0.02)[0] / SAMPLE_RATE
    assert 1.25 <= onset < 1.25 + 0.03


def test_no_sample_goes_above_minus_one_dbfs_even_with_hot_overlapping_lines() -> None:
    loud = Speech(samples=np.clip(babble(2.0).samples * 4, -1, 1), sample_rate=22050)
    placements = [Placement(0.5, loud, gain=4.0), Placement(0.6, loud, pan=0.5, gain=3.0), Placement(1.0, babble(1.0))]
    mix = mix_scene(placements, 4.0, Setting(weather=Weather.rain), style=Style.comic)
    assert np.abs(mix).max() <= PEAK + 1e-6
    assert np.abs(to_int16(mix)).max() <= round(PEAK * 32767)


def test_dialogue_is_levelled_to_the_same_loudness() -> None:
    quiet = Speech(samples=babble(1.0).samples * 0.05, sample_rate=22050)
    loud = babble(1.0)
    mix = mix_scene([Placement(0.5, quiet), Placement(2.5, loud)], 4.0, MEADOW, style=Style.storybook, music=False)
    assert rms(window(mix, 0.6, 1.4)) == pytest.approx(rms(window(mix, 2.6, 3.4)), rel=0.1)


def test_pan_moves_a_voice_with_constant_power() -> None:
    left = mix_scene([Placement(0.2, babble(1.0), pan=-1.0)], 1.5, MEADOW, style=Style.storybook, music=False)
    centre = mix_scene([Placement(0.2, babble(1.0))], 1.5, MEADOW, style=Style.storybook, music=False)
    part = window(left, 0.3, 1.1)
    assert rms(part[:, 0]) > 20 * rms(part[:, 1])
    mid = window(centre, 0.3, 1.1)
    assert rms(mid[:, 0]) == pytest.approx(rms(mid[:, 1]), rel=0.05)
    assert rms(part) == pytest.approx(rms(mid), rel=0.1)


def band_rms(x: np.ndarray, low: float, high: float) -> float:
    """RMS of the left channel between ``low`` and ``high`` Hz."""
    spectrum = np.fft.rfft(x[:, 0])
    freqs = np.fft.rfftfreq(len(x), 1 / SAMPLE_RATE)
    spectrum[(freqs < low) | (freqs > high)] = 0
    return rms(np.fft.irfft(spectrum, len(x)))


def test_the_bed_ducks_under_speech_and_comes_back() -> None:
    # the test line's harmonics stop below 2 kHz, so 3-9 kHz hears only the river's water
    setting = Setting(place=Place.river)
    line = [Placement(3.0, babble(2.0, pitch=120.0), gain=0.5)]
    mix = mix_scene(line, 8.0, setting, style=Style.storybook, seed=4)
    bed = mix_scene([], 8.0, setting, style=Style.storybook, seed=4)

    def ratio(start: float, end: float) -> float:
        return band_rms(window(mix, start, end), 3000, 9000) / band_rms(window(bed, start, end), 3000, 9000)

    assert ratio(3.3, 4.7) < 0.5  # ducked by about 9 dB while the line plays
    assert ratio(0.5, 2.5) == pytest.approx(1.0, abs=0.05)  # untouched before
    assert ratio(5.5, 7.5) == pytest.approx(1.0, abs=0.05)  # and back after


def test_mix_is_deterministic_and_the_seed_matters() -> None:
    lines = [Placement(0.3, babble(1.0)), Placement(1.5, babble(0.8, pitch=220), pan=0.4)]
    first = mix_scene(lines, 3.0, MEADOW, style=Style.pastel, mood="happy", seed=9)
    second = mix_scene(lines, 3.0, MEADOW, style=Style.pastel, mood="happy", seed=9)
    other = mix_scene(lines, 3.0, MEADOW, style=Style.pastel, mood="happy", seed=10)
    assert np.array_equal(first, second)
    assert not np.array_equal(first, other)


def test_a_line_running_past_the_end_is_cut_with_a_fade() -> None:
    mix = mix_scene([Placement(1.5, babble(2.0))], 2.0, MEADOW, style=Style.storybook, music=False)
    assert len(mix) == 2 * SAMPLE_RATE
    assert np.abs(mix[-10:]).max() < 0.01
    assert rms(window(mix, 1.6, 1.9)) > 0.05


def test_a_line_starting_before_the_scene_keeps_its_tail() -> None:
    mix = mix_scene([Placement(-0.5, babble(1.5))], 2.0, MEADOW, style=Style.storybook, music=False)
    bed = mix_scene([], 2.0, MEADOW, style=Style.storybook, music=False)
    assert rms(window(mix, 0.1, 0.9)) > 5 * rms(window(bed, 0.1, 0.9))
    assert np.array_equal(window(mix, 1.2, 1.9), window(bed, 1.2, 1.9))  # the bed is back, untouched


def test_edges_fade_in_and_out_without_clicks() -> None:
    mix = mix_scene([Placement(0.0, babble(3.0))], 2.0, Setting(weather=Weather.rain), style=Style.storybook)
    assert np.abs(mix[0]).max() == 0.0 and np.abs(mix[-1]).max() == 0.0
    assert np.abs(mix[:48]).max() < 0.1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (Setting(place=Place.forest), Setting(place=Place.city_street)),
        (Setting(place=Place.beach), Setting(place=Place.mountains)),
        (Setting(place=Place.meadow), Setting(place=Place.meadow, time_of_day=TimeOfDay.night)),
        (Setting(place=Place.room), Setting(place=Place.room, weather=Weather.rain)),
        (Setting(place=Place.space), Setting(place=Place.river)),
    ],
)
def test_ambience_differs_between_places(one: Setting, other: Setting) -> None:
    def spectrum(setting: Setting) -> np.ndarray:
        bed = ambience(setting, 4.0, seed=1)[:, 0]
        frames = bed[: len(bed) // 4096 * 4096].reshape(-1, 4096)
        power = (np.abs(np.fft.rfft(frames * np.hanning(4096), axis=1)) ** 2).mean(axis=0)
        bands = np.add.reduceat(power, np.geomspace(1, 2048, 12).astype(int))
        return 10 * np.log10(bands / bands.sum() + 1e-12)

    assert np.abs(spectrum(one) - spectrum(other)).max() > 6  # some band differs by 6 dB or more


def test_ambience_is_a_quiet_deterministic_stereo_bed() -> None:
    for place in Place:
        bed = ambience(Setting(place=place), 3.0, seed=2)
        assert bed.shape == (3 * SAMPLE_RATE, 2) and bed.dtype == np.float32
        assert -40 < 20 * np.log10(rms(bed)) < -28
        assert np.array_equal(bed, ambience(Setting(place=place), 3.0, seed=2))


def test_beach_waves_swell_and_fall() -> None:
    bed = ambience(Setting(place=Place.beach), 20.0, seed=3)[:, 0]
    levels = np.sqrt(np.mean(bed.reshape(-1, SAMPLE_RATE // 4) ** 2, axis=1))
    assert levels.max() > 3 * levels.min()


@pytest.mark.parametrize("mood", ["happy", "sad", "tense", "calm"])
def test_music_is_quiet_tonal_and_fades(mood: str) -> None:
    bed = music_bed(Style.storybook, mood, 12.0, seed=5)
    assert bed.shape == (12 * SAMPLE_RATE, 2)
    assert -42 < 20 * np.log10(rms(bed)) < -28
    assert rms(bed[: SAMPLE_RATE // 10]) < 0.2 * rms(bed[5 * SAMPLE_RATE : 6 * SAMPLE_RATE])
    assert rms(bed[-SAMPLE_RATE // 10 :]) < 0.2 * rms(bed[5 * SAMPLE_RATE : 6 * SAMPLE_RATE])


def test_sad_and_happy_music_differ() -> None:
    assert not np.array_equal(music_bed(Style.anime, "sad", 5.0, 1), music_bed(Style.anime, "happy", 5.0, 1))


@pytest.mark.parametrize(("rate_in", "rate_out"), [(22050, 48000), (44100, 48000), (48000, 16000), (24000, 48000)])
def test_resample_keeps_a_tone_at_its_frequency_and_level(rate_in: int, rate_out: int) -> None:
    tone = np.sin(2 * np.pi * 1000 * np.arange(rate_in) / rate_in).astype(np.float32)
    out = resample(tone, rate_in, rate_out)
    assert len(out) == rate_out
    assert dominant_frequency(out, rate_out) == pytest.approx(1000, abs=2)
    middle = out[rate_out // 4 : 3 * rate_out // 4]
    assert rms(middle) == pytest.approx(1 / np.sqrt(2), rel=0.01)


def test_resample_does_not_alias_when_going_down() -> None:
    rate_in = 48000
    tone = np.sin(2 * np.pi * 12000 * np.arange(rate_in) / rate_in).astype(np.float32)  # above 8 kHz
    assert rms(resample(tone, rate_in, 16000)[2000:-2000]) < 0.01


def test_resample_of_a_rate_it_already_has_is_a_copy() -> None:
    x = np.ones(10, np.float32)
    out = resample(x, 48000, 48000)
    assert np.array_equal(out, x) and out is not x


def test_wav_round_trip(tmp_path: Path) -> None:
    mix = mix_scene([Placement(0.2, babble(0.5))], 1.0, MEADOW, style=Style.storybook)
    write_wav(tmp_path / "scene.wav", mix)
    back, rate = read_wav(tmp_path / "scene.wav")
    assert rate == SAMPLE_RATE and back.shape == mix.shape
    assert np.abs(back - mix).max() < 1.5 / 32768


def test_a_minute_of_scene_mixes_quickly() -> None:
    lines = [Placement(0.5 + 3.2 * k, babble(2.6, seed=k), pan=(-0.5, 0.5)[k % 2]) for k in range(18)]
    mix_scene(lines[:2], 5.0, Setting(place=Place.beach), style=Style.storybook, mood="happy")
    began = time.perf_counter()
    mix = mix_scene(lines, 60.0, Setting(place=Place.beach, weather=Weather.rain), style=Style.storybook)
    elapsed = time.perf_counter() - began
    assert len(mix) == 60 * SAMPLE_RATE
    assert elapsed < 2.0  # measured ~0.2 s on one laptop core; generous for loaded CI machines
