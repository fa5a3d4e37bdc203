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

    Alternates female and male timbres (shuffled by the seed). Within each of the two groups the
    pitches are spread evenly over 22..82 (so two voices of a group are never close) and the
    rates over 150..185 words a minute, in an order the seed picks. ``roles`` nudges the choice:
    a villain gets a low, slow voice, a child or a small creature a high, quick one.
    """
    from render_farm.film import VoiceStyle

    if count < 0:
        raise ValueError("count must be 0 or more")
    accent = default_accent(language)
    females = sorted(FEMALE_TIMBRES, key=lambda t: _unit(seed, "f", t))
    males = sorted(MALE_TIMBRES, key=lambda t: _unit(seed, "m", t))
    start_female = _unit(seed, "first") < 0.5
    genders = [(index % 2 == 0) == start_female for index in range(count)]
    group_sizes = {True: genders.count(True), False: genders.count(False)}
    # the order in which each group walks through its pitch slots and rate slots
    slot_order: dict[tuple[bool, str], list[int]] = {}
    for female in (True, False):
        for what in ("pitch", "rate"):
            keys = {k: _unit(seed, female, what, k) for k in range(group_sizes[female])}
            slot_order[(female, what)] = sorted(keys, key=keys.__getitem__)
    voices = []
    for index, female in enumerate(genders):
        role = (roles[index] if roles and index < len(roles) else "").lower()
        rank, size = index // 2, group_sizes[female]
        pool = females if female else males
        timbre = pool[rank % len(pool)]
        pitch_slot = slot_order[(female, "pitch")][rank]
        rate_slot = slot_order[(female, "rate")][rank]
        pitch = round(22 + 60 * (pitch_slot + 0.5) / size)
        rate = round(150 + 35 * (rate_slot + 0.5) / size)
        if any(word in role for word in ("villain", "antagonist", "rival", "giant")):
            pitch, rate = min(pitch, 30), min(rate, 158)
        elif any(word in role for word in ("child", "kid", "sidekick", "small", "little")):
            pitch, rate = max(pitch, 70), max(rate, 175)
        voices.append(VoiceStyle(voice=timbre, language=language, accent=accent, rate=rate, pitch=pitch))
    return voices


def narrator_voice(language: str) -> VoiceStyle:
    """A calm, slightly slow storyteller's voice."""
    from render_farm.film import VoiceStyle

    return VoiceStyle(voice="m1", language=language, accent=default_accent(language), rate=150, pitch=42)
