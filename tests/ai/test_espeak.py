"""The built-in voice: it speaks, in many languages, with timings a mouth and a subtitle can follow."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest

from render_farm.ai.offline.espeak import EspeakVoice, available_voices, resolved_voice
from render_farm.ai.protocols import ProviderError, VoiceProvider
from render_farm.ai.voices import ACCENTS, TIMBRES, distinct_voices, narrator_voice
from render_farm.engine.visemes import Viseme
from render_farm.film import Emotion, VoiceStyle

LINE = "The quick brown fox jumps over the lazy dog."
GREETINGS = {
    "en": "Hello there, my friend.",
    "es": "Hola, amigo mío. ¿Qué tal?",
    "fr": "Bonjour mon ami, comment vas-tu?",
    "de": "Guten Morgen, mein Freund.",
    "it": "Ciao amico mio.",
    "pt": "Olá, meu amigo.",
    "nl": "Hallo, mijn vriend.",
    "pl": "Cześć, mój przyjacielu.",
    "ja": "こんにちは、ともだち。",
    "zh": "你好，朋友。",
    "hi": "नमस्ते दोस्त",
    "ru": "Привет, мой друг.",
    "sv": "Hej, min vän.",
    "tr": "Merhaba arkadaşım.",
    "ko": "안녕하세요 친구",
}


@pytest.fixture(scope="module")
def voice() -> EspeakVoice:
    return EspeakVoice()


def f0(samples: np.ndarray, rate: int) -> float:
    """Median fundamental frequency over the voiced frames, by autocorrelation."""
    frame = int(0.04 * rate)
    estimates = []
    for at in range(0, len(samples) - frame, frame // 2):
        window = samples[at : at + frame] * np.hanning(frame)
        if np.sqrt(np.mean(window**2)) < 0.02:
            continue
        corr = np.fft.irfft(np.abs(np.fft.rfft(window, 2 * frame)) ** 2)[:frame]
        low, high = int(rate / 400), int(rate / 60)
        lag = low + int(np.argmax(corr[low:high]))
        if corr[lag] > 0.3 * corr[0]:
            estimates.append(rate / lag)
    return float(np.median(estimates))


def test_it_is_a_voice_provider_with_a_versioned_identity(voice: EspeakVoice) -> None:
    assert isinstance(voice, VoiceProvider)
    assert voice.name == "builtin"
    assert voice.identity().startswith("espeak-ng 1.")


def test_a_line_is_audible_speech_at_espeak_rate(voice: EspeakVoice) -> None:
    speech = voice.speak(LINE, VoiceStyle())
    assert speech.sample_rate == 22050
    assert speech.samples.dtype == np.float32 and speech.samples.ndim == 1
    assert 1.5 < speech.duration < 5.0
    assert np.abs(speech.samples).max() <= 1.0
    assert np.sqrt(np.mean(speech.samples**2)) > 0.03


def test_long_silence_is_trimmed_from_both_ends(voice: EspeakVoice) -> None:
    samples = voice.speak("Hello.", VoiceStyle()).samples
    head, tail = samples[: int(0.05 * 22050)], samples[-int(0.05 * 22050) :]
    assert np.abs(head).max() > 0.004 or np.abs(tail).max() > 0.004


def test_word_timings_are_one_per_word_ordered_and_inside_the_audio(voice: EspeakVoice) -> None:
    speech = voice.speak(LINE, VoiceStyle())
    assert [w.text for w in speech.words] == LINE.rstrip(".").split()
    for word, following in itertools.pairwise(speech.words):
        assert word.start < word.end <= following.start + 1e-9
    assert speech.words[0].start < 0.1
    assert speech.words[-1].end <= speech.duration


def test_word_text_comes_from_the_line_even_with_accents(voice: EspeakVoice) -> None:
    speech = voice.speak("Cześć, mój przyjacielu!", VoiceStyle(language="pl", accent="pl"))
    assert [w.text for w in speech.words] == ["Cześć", "mój", "przyjacielu"]


def test_visemes_cover_the_speech_with_open_and_closed_mouths(voice: EspeakVoice) -> None:
    speech = voice.speak("Mama, bobby, a happy papa.", VoiceStyle())
    shapes = [v.viseme for v in speech.visemes]
    assert Viseme.mbp in shapes and Viseme.ai in shapes and Viseme.o in shapes
    assert speech.visemes[0].start < 0.1 and speech.visemes[-1].end == pytest.approx(speech.duration, abs=0.05)
    for item, following in itertools.pairwise(speech.visemes):
        assert item.start < item.end <= following.start + 1e-9
    talking = sum(v.end - v.start for v in speech.visemes if v.viseme is not Viseme.rest)
    assert talking > 0.6 * speech.duration
    # the lips close for the m at the very start
    assert speech.viseme_at(0.02) is Viseme.mbp


def test_f_and_v_bite_the_lip(voice: EspeakVoice) -> None:
    assert Viseme.fv in {v.viseme for v in voice.speak("Five fine violins.", VoiceStyle()).visemes}


@pytest.mark.parametrize("language", sorted(ACCENTS))
def test_every_catalogued_accent_loads_and_speaks(voice: EspeakVoice, language: str) -> None:
    for accent in ACCENTS[language]:
        style = VoiceStyle(language=language, accent=accent, voice="f2")
        identifier = resolved_voice(style)
        assert identifier, f"{language}/{accent} loaded no voice"
        speech = voice.speak(GREETINGS[language], style)
        assert speech.duration > 0.4, f"{language}/{accent} said almost nothing"
        assert np.sqrt(np.mean(speech.samples**2)) > 0.02
        assert speech.words


def test_belgian_french_counts_differently() -> None:
    assert resolved_voice(VoiceStyle(language="fr", accent="be")).startswith("roa/fr-BE")
    assert resolved_voice(VoiceStyle(language="fr", accent="fr")).startswith("roa/fr+")
    voice = EspeakVoice()
    belgian = voice.speak("70", VoiceStyle(language="fr", accent="be"))
    french = voice.speak("70", VoiceStyle(language="fr", accent="fr"))
    assert not np.array_equal(belgian.samples, french.samples)  # septante, soixante-dix


def test_every_timbre_loads(voice: EspeakVoice) -> None:
    for timbre in TIMBRES:
        assert voice.speak("Hi.", VoiceStyle(voice=timbre)).duration > 0.1


def test_same_request_gives_identical_samples_whatever_came_before(voice: EspeakVoice) -> None:
    first = voice.speak(LINE, VoiceStyle(voice="f3"), Emotion.happy)
    voice.speak("Something else entirely, in a croaky voice!", VoiceStyle(voice="croak"), Emotion.angry)
    voice.speak("Bonjour!", VoiceStyle(language="fr", accent="fr"))
    second = voice.speak(LINE, VoiceStyle(voice="f3"), Emotion.happy)
    assert np.array_equal(first.samples, second.samples)
    assert first.words == second.words and first.visemes == second.visemes


def test_higher_pitch_raises_the_fundamental(voice: EspeakVoice) -> None:
    low = f0(voice.speak(LINE, VoiceStyle(pitch=15)).samples, 22050)
    high = f0(voice.speak(LINE, VoiceStyle(pitch=85)).samples, 22050)
    assert high > low * 1.4


def test_faster_rate_shortens_the_line(voice: EspeakVoice) -> None:
    slow = voice.speak(LINE, VoiceStyle(rate=110)).duration
    fast = voice.speak(LINE, VoiceStyle(rate=260)).duration
    assert fast < slow * 0.6


def test_emotions_colour_the_voice(voice: EspeakVoice) -> None:
    neutral = voice.speak(LINE, VoiceStyle())
    sad = voice.speak(LINE, VoiceStyle(), Emotion.sad)
    excited = voice.speak(LINE, VoiceStyle(), Emotion.excited)
    angry = voice.speak(LINE, VoiceStyle(), Emotion.angry)
    assert sad.duration > neutral.duration > excited.duration
    assert f0(sad.samples, 22050) < f0(neutral.samples, 22050) < f0(excited.samples, 22050)
    assert np.sqrt(np.mean(angry.samples**2)) > np.sqrt(np.mean(neutral.samples**2))


@pytest.mark.parametrize("seed", [0, 3, 11])
def test_distinct_voices_sound_different(voice: EspeakVoice, seed: int) -> None:
    styles = distinct_voices("en", 4, seed=seed)
    assert len({(s.voice, s.pitch, s.rate) for s in styles}) == 4
    assert len({s.voice for s in styles}) == 4
    pitches = sorted(f0(voice.speak(LINE, style).samples, 22050) for style in styles)
    # two characters side by side: at least a semitone apart
    for lower, higher in itertools.pairwise(pitches):
        assert higher / lower > 2 ** (1 / 12)
    assert distinct_voices("en", 4, seed=seed) == styles


def test_villains_sound_lower_than_children() -> None:
    villain, child = distinct_voices("en", 2, seed=1, roles=["villain", "child"])
    assert villain.pitch < child.pitch and villain.rate < child.rate


def test_narrator_is_calm_and_speaks_the_language() -> None:
    narrator = narrator_voice("de")
    assert narrator.language == "de" and narrator.accent == "de" and narrator.rate <= 160


def test_unknown_language_is_a_clear_error(voice: EspeakVoice) -> None:
    with pytest.raises(ProviderError, match=r"does not speak language 'xx'.*en \(English\)"):
        voice.speak("Hello.", VoiceStyle(language="xx"))


def test_unknown_accent_names_the_accents_there_are(voice: EspeakVoice) -> None:
    with pytest.raises(ProviderError, match=r"no 'mars' accent for English.*us, gb"):
        voice.speak("Hello.", VoiceStyle(accent="mars"))


def test_unknown_timbre_and_empty_line_are_clear_errors(voice: EspeakVoice) -> None:
    with pytest.raises(ProviderError, match="unknown voice 'robot9'"):
        voice.speak("Hello.", VoiceStyle(voice="robot9"))
    with pytest.raises(ProviderError, match="empty"):
        voice.speak("   ", VoiceStyle())


def test_voice_picker_lists_the_engines_voices() -> None:
    voices = available_voices()
    assert len(voices) > 100
    assert ("gmw/en-US", "English (America)", "en-us") in voices


def test_synthesis_runs_far_faster_than_real_time(voice: EspeakVoice) -> None:
    text = " ".join([LINE] * 10)
    voice.speak(text, VoiceStyle())
    began = time.perf_counter()
    speech = voice.speak(text, VoiceStyle())
    # generous floor for loaded CI machines; measured ~300-1000x on a laptop core
    assert speech.duration / (time.perf_counter() - began) > 30
