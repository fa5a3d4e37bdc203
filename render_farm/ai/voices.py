"""The catalogue of offline voices: languages, their accents and the timbres to pick from.

A :class:`~render_farm.film.VoiceStyle` names a timbre in ``voice`` (``"f2"``, ``"m3"``), a
``language`` (ISO 639-1) and an ``accent`` (a region). The offline voice provider maps the
language and accent to one of its voices and the timbre to a voice variant; pitch and rate
make voices of the same timbre sound different again.
"""

from __future__ import annotations

FEMALE_TIMBRES = ("f1", "f2", "f3", "f4", "f5")
MALE_TIMBRES = ("m1", "m2", "m3", "m4", "m5", "m6", "m7")
CHARACTER_TIMBRES = ("croak", "klatt", "whisper")
TIMBRES = FEMALE_TIMBRES + MALE_TIMBRES + CHARACTER_TIMBRES

# language -> accents, the first being the default
ACCENTS: dict[str, tuple[str, ...]] = {
    "en": ("us", "gb", "scotland", "caribbean", "rp"),
    "es": ("es", "mx"),
    "fr": ("fr", "be"),
    "de": ("de",),
    "it": ("it",),
    "pt": ("br", "pt"),
    "nl": ("nl",),
    "pl": ("pl",),
    "ja": ("jp",),
    "zh": ("cmn",),
    "hi": ("in",),
}

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "ja": "Japanese",
    "zh": "Chinese (Mandarin)",
    "hi": "Hindi",
}


def default_accent(language: str) -> str:
    return ACCENTS.get(language, ("",))[0]
