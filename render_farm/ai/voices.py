"""The catalogue of offline voices: languages, their accents and the timbres to pick from.

A :class:`~render_farm.film.VoiceStyle` names a timbre in ``voice`` (``"f2"``, ``"m3"``), a
``language`` (ISO 639-1) and an ``accent`` (a region). The offline voice provider maps the
language and accent to one of its voices and the timbre to a voice variant; pitch and rate
make voices of the same timbre sound different again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from render_farm.film import VoiceStyle

FEMALE_TIMBRES = ("f1", "f2", "f3", "f4", "f5")
MALE_TIMBRES = ("m1", "m2", "m3", "m4", "m5", "m6", "m7")
CHARACTER_TIMBRES = ("croak", "klatt", "whisper")
TIMBRES = FEMALE_TIMBRES + MALE_TIMBRES + CHARACTER_TIMBRES

# language -> accents, the first being the default
ACCENTS: dict[str, tuple[str, ...]] = {
    "en": ("us", "gb", "scotland", "caribbean", "rp", "nyc"),
    "es": ("es", "mx"),
    "fr": ("fr", "be", "ch"),
    "de": ("de",),
    "it": ("it",),
    "pt": ("br", "pt"),
    "nl": ("nl",),
    "pl": ("pl",),
    "ja": ("jp",),
    "zh": ("cmn",),
    "hi": ("in",),
    "ru": ("ru",),
    "sv": ("se",),
    "tr": ("tr",),
    "ko": ("kr",),
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
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "ko": "Korean",
}

# what a user should know before picking a language
LANGUAGE_NOTES: dict[str, str] = {
    "ja": "reads kana (ひらがな, カタカナ) only: kanji are not read, so write lines in kana",
    "zh": "reads Chinese characters and pinyin; tones are approximate",
    "ko": "reads Hangul; pronunciation is approximate",
}


def default_accent(language: str) -> str:
    return ACCENTS.get(language, ("",))[0]


def _unit(*parts: object) -> float:
    import hashlib

    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def distinct_voices(language: str, count: int, seed: int, roles: list[str] | None = None) -> list[VoiceStyle]:
    """``count`` voices that sound clearly apart: different timbres, pitches spread, rates varied.

    Alternates female and male timbres (shuffled by the seed), spreads pitch over 25..80 and
    rate over 150..185 words a minute. ``roles`` nudges the choice: a villain gets a low voice,
    a child or a small creature a high quick one.
    """
    from render_farm.film import VoiceStyle

    accent = default_accent(language)
    females = sorted(FEMALE_TIMBRES, key=lambda t: _unit(seed, "f", t))
    males = sorted(MALE_TIMBRES, key=lambda t: _unit(seed, "m", t))
    start_female = _unit(seed, "first") < 0.5
    voices = []
    for index in range(count):
        role = (roles[index] if roles and index < len(roles) else "").lower()
        female = (index % 2 == 0) == start_female
        pool = females if female else males
        timbre = pool[(index // 2) % len(pool)]
        spread = (index + 0.5) / max(1, count)
        pitch = round(30 + 45 * ((spread + _unit(seed, "pitch", index) * 0.3) % 1.0))
        rate = round(150 + 35 * _unit(seed, "rate", index))
        if any(word in role for word in ("villain", "antagonist", "rival", "giant")):
            pitch, rate = min(pitch, 32), min(rate, 160)
        elif any(word in role for word in ("child", "kid", "sidekick", "small", "little")):
            pitch, rate = max(pitch, 68), max(rate, 172)
        voices.append(VoiceStyle(voice=timbre, language=language, accent=accent, rate=rate, pitch=pitch))
    return voices


def narrator_voice(language: str) -> VoiceStyle:
    """A calm, slightly slow storyteller's voice."""
    from render_farm.film import VoiceStyle

    return VoiceStyle(voice="m1", language=language, accent=default_accent(language), rate=150, pitch=42)
