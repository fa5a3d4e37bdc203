"""The built-in voice: espeak-ng through its C API (ctypes), offline, in many languages.

``espeakng-loader`` ships the library and its voice data for Windows, macOS and Linux. Synthesis
runs synchronously with a callback that collects the samples and the WORD and PHONEME events;
their positions give the word timings (subtitles) and the mouth shapes (lip-sync). The library
keeps global state, so every call holds one module lock. Output is deterministic.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from render_farm.ai.protocols import ProviderError
from render_farm.ai.voices import ACCENTS, LANGUAGE_NAMES, TIMBRES
from render_farm.engine.speech import Speech, VisemeTiming, WordTiming
from render_farm.engine.visemes import Viseme
from render_farm.film import Emotion, VoiceStyle

REVISION = "2"  # bump when the same request would sound different

# (language, accent) -> espeak-ng voice name
VOICE_NAMES: dict[tuple[str, str], str] = {
    ("en", "us"): "en-us",
    ("en", "gb"): "en",
    ("en", "scotland"): "en-gb-scotland",
    ("en", "caribbean"): "en-029",
    ("en", "rp"): "en-gb-x-rp",
    ("en", "nyc"): "en-us-nyc",
    ("es", "es"): "es",
    ("es", "mx"): "es-419",
    ("fr", "fr"): "fr",
    ("fr", "be"): "fr-be",
    ("fr", "ch"): "fr-ch",
    ("de", "de"): "de",
    ("it", "it"): "it",
    ("pt", "br"): "pt-br",
    ("pt", "pt"): "pt",
    ("nl", "nl"): "nl",
    ("pl", "pl"): "pl",
    ("ja", "jp"): "ja",
    ("zh", "cmn"): "cmn",
    ("hi", "in"): "hi",
    ("ru", "ru"): "ru",
    ("sv", "se"): "sv",
    ("tr", "tr"): "tr",
    ("ko", "kr"): "ko",
}

# how emotions colour a voice: (rate factor, pitch offset, pitch range, volume)
EMOTION_PROSODY: dict[Emotion, tuple[float, int, int, int]] = {
    Emotion.neutral: (1.0, 0, 50, 100),
    Emotion.happy: (1.06, 6, 70, 105),
    Emotion.excited: (1.14, 10, 85, 115),
    Emotion.sad: (0.86, -8, 25, 85),
    Emotion.angry: (1.05, -2, 75, 130),
    Emotion.surprised: (1.04, 12, 90, 110),
    Emotion.scared: (1.16, 8, 65, 95),
    Emotion.thoughtful: (0.9, -3, 35, 90),
}

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INIT_PHONEME_EVENTS = 0x0001
_INIT_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_EVENT_WORD, _EVENT_END, _EVENT_MSG_TERMINATED, _EVENT_PHONEME = 1, 5, 6, 7
_RATE, _VOLUME, _PITCH, _RANGE = 1, 2, 3, 4


class _EventId(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _EventId),
    ]


class _Voice(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_char_p),
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    ]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


@dataclass
class _Capture:
    chunks: list[bytes]
    words: list[tuple[int, int, int]]  # (text position, length, ms)
    phonemes: list[tuple[str, int]]  # (mnemonic, ms)


class _Library:
    """One freshly loaded libespeak-ng.

    espeak-ng keeps synthesis state in C statics (pitch flutter phase, wave phase) that no call
    resets, so a line would sound slightly different depending on what was spoken before it.
    Loading the library anew for every line (a few milliseconds) gives each line pristine state,
    which makes synthesis repeatable in any process, on any worker.
    """

    def __init__(self) -> None:
        try:
            import espeakng_loader

            self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = espeakng_loader.get_data_path()
        except (ImportError, OSError, RuntimeError) as error:
            raise ProviderError(f"the built-in voice could not load espeak-ng ({error}); reinstall AI Studio") from None
        lib = self.lib
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
            ctypes.c_void_p, ctypes.c_void_p,
        ]  # fmt: skip
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_Info.argtypes = [ctypes.c_void_p]
        lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_Voice))
        lib.espeak_ng_SetRandSeed.argtypes = [ctypes.c_long]
        self.sample_rate = lib.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, 0, data.encode(), _INIT_PHONEME_EVENTS | _INIT_DONT_EXIT
        )
        if self.sample_rate <= 0:
            self.close()
            raise ProviderError("the built-in voice could not start espeak-ng (its voice data is missing)")
        self.version = (lib.espeak_Info(None) or b"unknown").decode()
        self.capture = _Capture([], [], [])
        self._callback = _CALLBACK(self._on_synth)  # referenced until the library is unloaded
        lib.espeak_SetSynthCallback(self._callback)

    def close(self) -> None:
        """Terminate and unload, so the next load starts from pristine state."""
        import _ctypes

        self.lib.espeak_Terminate()
        handle = self.lib._handle
        del self.lib
        unload = getattr(_ctypes, "dlclose", None) or getattr(_ctypes, "FreeLibrary", None)
        if unload is not None:
            unload(handle)

    def _on_synth(self, wav: ctypes._Pointer, count: int, events: ctypes._Pointer) -> int:  # type: ignore[type-arg]
        capture = self.capture
        if wav and count > 0:
            capture.chunks.append(ctypes.string_at(wav, count * 2))
        index = 0
        while True:
            event = events[index]
            if event.type == 0:  # list terminated
                break
            if event.type == _EVENT_WORD:
                capture.words.append((event.text_position, event.length, event.audio_position))
            elif event.type == _EVENT_PHONEME:
                name = bytes(event.id.string).split(b"\0")[0].decode("ascii", "replace")
                capture.phonemes.append((name, event.audio_position))
            index += 1
        return 0

    def voices(self) -> list[tuple[str, str, str]]:
        listed = self.lib.espeak_ListVoices(None)
        out, index = [], 0
        while listed[index]:
            voice = listed[index].contents
            language = (voice.languages or b"\0?")[1:].split(b"\0")[0].decode()
            out.append(((voice.identifier or b"").decode(), (voice.name or b"").decode(), language))
            index += 1
        return out


_lock = threading.Lock()
_version: str | None = None


@contextmanager
def _fresh_library() -> Iterator[_Library]:
    global _version
    with _lock:
        library = _Library()
        try:
            _version = library.version
            yield library
        finally:
            library.close()


def _c_srand(seed: int) -> None:
    """Seed the C library's rand(), which espeak-ng's Klatt voices use for noise."""
    try:
        libc = ctypes.CDLL(None) if sys.platform != "win32" else ctypes.cdll.msvcrt
        libc.srand(ctypes.c_uint(seed))
    except (OSError, AttributeError):
        pass


def voice_name(voice: VoiceStyle) -> str:
    """The espeak-ng voice for a VoiceStyle, with its timbre as a variant (``en-us+f3``)."""
    accents = ACCENTS.get(voice.language)
    if accents is None:
        known = ", ".join(f"{code} ({name})" for code, name in LANGUAGE_NAMES.items())
        raise ProviderError(f"the built-in voice does not speak language '{voice.language}': choose {known}")
    accent = voice.accent or accents[0]
    name = VOICE_NAMES.get((voice.language, accent))
    if name is None:
        raise ProviderError(
            f"the built-in voice has no '{accent}' accent for {LANGUAGE_NAMES.get(voice.language, voice.language)}:"
            f" choose {', '.join(accents)}"
        )
    if voice.voice not in TIMBRES:
        raise ProviderError(f"unknown voice '{voice.voice}' for the built-in voice: choose {', '.join(TIMBRES)}")
    return f"{name}+{voice.voice}"


def _seed_for(*parts: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:4], "little") & 0x7FFFFFFF


_PAUSES = frozenset({"_", "_:", "_!", "_!_"})  # espeak-ng's pause mnemonics between words and phrases


def _viseme(phoneme: str) -> Viseme:
    """Map an espeak-ng phoneme mnemonic to one of our mouth shapes.

    Mnemonics are Kirshenbaum-like ASCII (``'A:``, ``aU``, ``0`` for the vowel of "hot", ``y``
    and ``Y`` for rounded front vowels); stress marks and length marks are dropped first.
    Language switches (``(en)``) and pauses are silence.
    """
    p = phoneme.strip("'\",%=:;_!#|")
    if not p or phoneme.startswith("("):
        return Viseme.rest
    first = p[0]
    if first in "mbp":
        return Viseme.mbp
    if first in "fv":
        return Viseme.fv
    if first in "oOuUwyY0" or p.startswith(("aU", "@U", "au")):
        return Viseme.o
    if first in "aA&V3@":
        return Viseme.ai
    return Viseme.e if first.isalpha() else Viseme.rest


def _trim(samples: np.ndarray, rate: int, level: float = 0.004) -> tuple[int, int]:
    """Start and end sample of the voiced part, keeping 30 ms of air around it."""
    loud = np.nonzero(np.abs(samples) > level)[0]
    if not len(loud):
        return 0, len(samples)
    pad = int(0.03 * rate)
    return max(0, int(loud[0]) - pad), min(len(samples), int(loud[-1]) + pad)


class EspeakVoice:
    """The built-in, offline voice provider."""

    name = "builtin"

    def identity(self) -> str:
        if _version is None:
            with _fresh_library():
                pass
        return f"espeak-ng {_version} r{REVISION}"

    def speak(self, text: str, voice: VoiceStyle, emotion: Emotion = Emotion.neutral) -> Speech:
        if not text.strip():
            raise ProviderError("nothing to say: the line is empty")
        name = voice_name(voice)
        rate_factor, pitch_offset, pitch_range, volume = EMOTION_PROSODY[emotion]
        encoded = text.encode("utf-8")
        seed = _seed_for(text, name, emotion.value, str(voice.rate), str(voice.pitch))
        with _fresh_library() as lib:
            if lib.lib.espeak_SetVoiceByName(name.encode()) != 0:
                raise ProviderError(f"espeak-ng could not load the voice '{name}'")
            lib.lib.espeak_SetParameter(_RATE, max(80, min(450, round(voice.rate * rate_factor))), 0)
            lib.lib.espeak_SetParameter(_PITCH, max(0, min(100, voice.pitch + pitch_offset)), 0)
            lib.lib.espeak_SetParameter(_RANGE, pitch_range, 0)
            lib.lib.espeak_SetParameter(_VOLUME, volume, 0)
            lib.lib.espeak_ng_SetRandSeed(seed)
            _c_srand(seed)
            buffer = ctypes.create_string_buffer(encoded)
            status = lib.lib.espeak_Synth(buffer, len(encoded) + 1, 0, 0, 0, _CHARS_UTF8, None, None)
            lib.lib.espeak_Synchronize()
            capture, rate = lib.capture, lib.sample_rate
        if status != 0:
            raise ProviderError(f"espeak-ng failed to speak the line (error {status})")
        samples = np.frombuffer(b"".join(capture.chunks), dtype="<i2").astype(np.float32) / 32768.0
        start, end = _trim(samples, rate)
        samples = samples[start:end].copy()
        offset, duration = start / rate, len(samples) / rate
        return Speech(
            samples=samples,
            sample_rate=rate,
            words=self._words(text, capture.words, capture.phonemes, offset, duration),
            visemes=self._visemes(capture.phonemes, offset, duration),
        )

    @staticmethod
    def _words(
        text: str, events: list[tuple[int, int, int]], phonemes: list[tuple[str, int]], offset: float, duration: float
    ) -> tuple[WordTiming, ...]:
        """One timing per spoken word; a word ends where the next begins or at the pause after it."""
        spoken = [(pos, length, ms / 1000 - offset) for pos, length, ms in events if length > 0]
        pauses = np.array(sorted(ms / 1000 - offset for name, ms in phonemes if name in _PAUSES))
        words = []
        for index, (pos, length, start) in enumerate(spoken):
            end = spoken[index + 1][2] if index + 1 < len(spoken) else duration
            later = pauses[np.searchsorted(pauses, start, side="right") :]
            if len(later) and later[0] < end:
                end = float(later[0])
            word = text[pos - 1 : pos - 1 + length]  # espeak-ng counts characters from 1
            start = max(0.0, min(duration, start))
            words.append(WordTiming(word, start, max(start, min(duration, end))))
        return tuple(words)

    @staticmethod
    def _visemes(events: list[tuple[str, int]], offset: float, duration: float) -> tuple[VisemeTiming, ...]:
        out: list[VisemeTiming] = []
        for index, (phoneme, ms) in enumerate(events):
            start = max(0.0, ms / 1000 - offset)
            end = events[index + 1][1] / 1000 - offset if index + 1 < len(events) else duration
            end = min(duration, end)
            if end <= start:
                continue
            shape = _viseme(phoneme)
            if out and out[-1].viseme is shape and abs(out[-1].end - start) < 1e-6:
                out[-1] = VisemeTiming(shape, out[-1].start, end)
            else:
                out.append(VisemeTiming(shape, start, end))
        return tuple(out)


def available_voices() -> list[tuple[str, str, str]]:
    """(identifier, name, language) of every voice the built-in engine has, for voice pickers."""
    with _fresh_library() as lib:
        return lib.voices()


def resolved_voice(voice: VoiceStyle) -> str:
    """The identifier of the espeak-ng voice a VoiceStyle really loads (``gmw/en-US``)."""
    name = voice_name(voice)
    with _fresh_library() as lib:
        if lib.lib.espeak_SetVoiceByName(name.encode()) != 0:
            raise ProviderError(f"espeak-ng could not load the voice '{name}'")
        lib.lib.espeak_GetCurrentVoice.restype = ctypes.POINTER(_Voice)
        current = lib.lib.espeak_GetCurrentVoice()
        return (current.contents.identifier or b"").decode() if current else ""
