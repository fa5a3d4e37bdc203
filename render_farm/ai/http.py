"""Providers that speak the OpenAI-compatible HTTP API: a hosted service or a local server.

:class:`HttpStoryWriter` asks ``/chat/completions`` for the story part of a film under a strict
JSON schema and fills in everything mechanical itself (ids, numbers, voices, timing, camera,
transitions), so the model only writes story content. :class:`HttpCharacterDesigner` draws each
cast member with ``/images/generations``; :class:`HttpVoice` speaks lines with
``/audio/speech`` and estimates word and mouth-shape timings from the audio
(:func:`estimate_timings`). Every request carries ``Authorization: Bearer <key>``; refusals,
rate limits (``Retry-After`` honoured), server errors (retried with backoff) and unreachable
services become a :class:`ProviderError` that says what to do. The key never appears in a
message, a log line or a ``repr``.
"""

from __future__ import annotations

import base64
import binascii
import email.utils
import hashlib
import io
import json
import logging
import os
import re
import struct
import tempfile
import time
import wave
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx
import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from render_farm.engine.speech import Speech, VisemeTiming, WordTiming
from render_farm.engine.visemes import Viseme
from render_farm.film import (
    NARRATOR,
    CameraMove,
    CastMember,
    DialogueLine,
    Emotion,
    Film,
    FilmSpecError,
    Place,
    Scene,
    Setting,
    Shot,
    TimeOfDay,
    Transition,
    TransitionKind,
    VoiceStyle,
    Weather,
)

from .protocols import BreakdownRequest, ProviderError
from .voices import distinct_voices, narrator_voice

log = logging.getLogger(__name__)

__all__ = ["STORY_SCHEMA", "HttpCharacterDesigner", "HttpStoryWriter", "HttpVoice", "decode_wav", "estimate_timings"]

ACTS = ("setup", "inciting incident", "rising action", "climax", "resolution")
MAX_RETRY_WAIT = 30.0  # seconds: the longest Retry-After we are willing to sit through


# -- the shared HTTP client -------------------------------------------------------------------------


class _Service:
    """One OpenAI-compatible endpoint: POSTs with auth, retries and errors a user can act on."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None,
        *,
        timeout: float = 60.0,
        max_retries: int = 3,
        backoff: float = 0.5,
        api_key_env: str = "AISTUDIO_API_KEY",
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._key = api_key or None
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.api_key_env = api_key_env

    def __repr__(self) -> str:  # never the key
        return f"{type(self).__name__}(base_url={self.base_url!r}, model={self.model!r})"

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc or self.base_url

    def _redact(self, text: str) -> str:
        return text.replace(self._key, "***") if self._key else text

    def _post(self, path: str, payload: dict[str, Any]) -> httpx.Response:
        url = f"{self.base_url}/{path}"
        headers = {"Authorization": f"Bearer {self._key}"} if self._key else {}
        attempt = 0
        while True:
            try:
                with httpx.Client(timeout=httpx.Timeout(self.timeout, connect=min(10.0, self.timeout))) as client:
                    response = client.post(url, json=payload, headers=headers)
            except httpx.TimeoutException:
                raise ProviderError(
                    f"the AI service at {url} did not answer within {self.timeout:g} s: is it overloaded, "
                    "or is the model still loading? Try again, or raise the timeout"
                ) from None
            except httpx.TransportError as error:
                reason = self._redact(str(error)) or type(error).__name__
                raise ProviderError(
                    f"cannot reach the AI service at {url} ({reason}): is it running, and is the address right "
                    "in Settings?"
                ) from None
            status = response.status_code
            if status in (401, 403):
                raise ProviderError(
                    f"the AI service refused the key ({status}): check it in Settings, or set {self.api_key_env}"
                )
            if status == 429 or status >= 500:
                if attempt >= self.max_retries:
                    raise ProviderError(self._give_up(status, url, response))
                wait = _retry_after(response) if status == 429 else None
                wait = min(MAX_RETRY_WAIT, wait if wait is not None else self.backoff * 2**attempt)
                log.info("AI service at %s answered %d; retrying in %.1f s", self.host, status, wait)
                time.sleep(wait)
                attempt += 1
                continue
            if status >= 400:
                raise ProviderError(
                    f"the AI service at {url} rejected the request ({status}): {self._snippet(response)}"
                )
            return response

    def _give_up(self, status: int, url: str, response: httpx.Response) -> str:
        tries = self.max_retries + 1
        if status == 429:
            return (
                f"the AI service at {self.host} is rate-limiting requests (429) and still was after {tries} tries: "
                "wait a minute, or check the plan's limits"
            )
        return f"the AI service at {url} failed ({status}) {tries} times: {self._snippet(response)}"

    def _snippet(self, response: httpx.Response) -> str:
        try:
            body = response.json()
            text = body.get("error", {}).get("message") if isinstance(body, dict) else None
            text = text if isinstance(text, str) else response.text
        except ValueError:
            text = response.text
        return self._redact(" ".join(text.split())[:200]) or "no details"

    def _json(self, response: httpx.Response, what: str) -> Any:
        try:
            return response.json()
        except ValueError:
            raise ProviderError(
                f"the AI service at {self.host} answered the {what} request with something that is not JSON"
            ) from None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# -- story --------------------------------------------------------------------------------------------


def _obj(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": list(properties), "properties": properties}


def _enum(values: Any) -> dict[str, Any]:
    return {"type": "string", "enum": [getattr(v, "value", v) for v in values]}


_STR = {"type": "string"}
STORY_SCHEMA: dict[str, Any] = _obj(
    {
        "title": _STR,
        "cast": {
            "type": "array",
            "items": _obj(
                {"name": _STR, "role": _STR, "description": _STR, "personality": {"type": "array", "items": _STR}}
            ),
        },
        "scenes": {
            "type": "array",
            "items": _obj(
                {
                    "title": _STR,
                    "act": _enum(ACTS),
                    "place": _enum(Place),
                    "time_of_day": _enum(TimeOfDay),
                    "weather": _enum(Weather),
                    "shot": _enum(Shot),
                    "beats": {"type": "array", "items": _STR},
                    "characters": {"type": "array", "items": _STR},
                    "dialogue": {
                        "type": "array",
                        "items": _obj({"speaker": _STR, "text": _STR, "emotion": _enum(Emotion)}),
                    },
                }
            ),
        },
    }
)

SYSTEM_PROMPT = """You write short animated films. Answer with JSON only, following the given schema.
- cast: 2 to 5 characters. name: a short first name. description: what they look like, so an artist can draw
  them: species (girl, robot, fox, dragon...), colours, clothes and accessories, e.g. "a shy silver robot with a
  red scarf and round blue eyes". personality: 2-4 single words.
- scenes: a real arc through the acts setup, inciting incident, rising action, climax, resolution, in that order
  (act names exactly so); the climax usually at dusk or night; wide shots to establish, close shots for emotion.
- dialogue: speaker is a cast name or "narrator". Lines are short and sound like who says them; the narrator
  links the scenes. characters: the cast names on screen in the scene (at most 4).
- length: people speak about 150 words a minute; keep the total number of spoken words near the budget given.
- If the user pastes a whole story, keep the author's words: quoted speech becomes lines of the speaker, the rest
  becomes narrator lines, verbatim."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Line(_Model):
    speaker: str
    text: str
    emotion: Emotion


class _StoryScene(_Model):
    title: str
    act: Literal["setup", "inciting incident", "rising action", "climax", "resolution"]
    place: Place
    time_of_day: TimeOfDay
    weather: Weather
    shot: Shot
    beats: list[str]
    characters: list[str]
    dialogue: list[_Line]


class _StoryMember(_Model):
    name: str
    role: str
    description: str
    personality: list[str]


class _Story(_Model):
    title: str
    cast: list[_StoryMember]
    scenes: list[_StoryScene]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def film_from_story(doc: Any, request: BreakdownRequest) -> Film:
    """Turn the story part a model wrote into a whole, valid :class:`Film` (or raise ProviderError)."""
    from render_farm.film.timing import LEAD, TAIL, fit_length, line_seconds

    try:
        story = _Story.model_validate(doc)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(document)"
        raise ProviderError(
            f"the story service returned a story that does not fit the film schema ({where}: {first['msg']}); "
            "try again, or choose a model that supports JSON schemas"
        ) from None
    if not story.scenes:
        raise ProviderError("the story service returned a story with no scenes; try again")
    ids: dict[str, str] = {}  # lower-case name -> id
    for member in story.cast:
        base, number = _slug(member.name), 2
        member_id = base if base != NARRATOR else "narrator-2"
        while member_id in ids.values():
            member_id, number = f"{base}-{number}", number + 1
        ids[member.name.strip().lower()] = member_id
    voices = distinct_voices(request.language, len(story.cast), request.seed, [m.role for m in story.cast])
    cast = [
        CastMember(
            id=ids[m.name.strip().lower()],
            name=m.name.strip()[:80] or "Someone",
            role=m.role[:40] or "supporting",
            description=m.description[:2000],
            personality=[p[:40] for p in m.personality][:8],
            voice=voice,
            **_identity(m.description, m.name, m.role),
        )
        for m, voice in zip(story.cast, voices, strict=True)
    ]
    rates = {m.id: m.voice.rate for m in cast}

    def who(name: str, where: str) -> str:
        key = name.strip().lower()
        if key in (NARRATOR, "the narrator"):
            return NARRATOR
        if key in ids:
            return ids[key]
        match = next((i for n, i in ids.items() if n.split()[0] == key.split()[0]), None) if key else None
        if match is None:
            raise ProviderError(
                f"the story service wrote a line for '{name}' ({where}), who is not in the cast; try again"
            )
        return match

    scenes: list[Scene] = []
    for index, part in enumerate(story.scenes):
        where = f"scene {index + 1}"
        lines = [
            DialogueLine(speaker=who(line.speaker, where), text=line.text.strip(), emotion=line.emotion)
            for line in part.dialogue
            if line.text.strip()
        ]
        speakers = [line.speaker for line in lines if line.speaker != NARRATOR]
        shown = [who(name, where) for name in part.characters if name.strip()]
        on_screen = list(dict.fromkeys([*speakers, *shown]))
        on_screen = on_screen[: max(4, len(set(speakers)))][:6]
        previous_act = story.scenes[index - 1].act if index else None
        if index == 0:
            transition = Transition(kind=TransitionKind.fade_black, duration=0.8)
        elif part.act == previous_act:
            transition = Transition()
        elif part.act == "climax":
            transition = Transition(kind=TransitionKind.fade_black, duration=1.0)
        else:
            transition = Transition(kind=TransitionKind.crossfade, duration=0.8)
        spoken = LEAD + TAIL + sum(line_seconds(line.text, rates.get(line.speaker, 150)) for line in lines)
        camera = (
            CameraMove.pan_right if index == 0 else CameraMove.zoom_in if part.act == "climax" else CameraMove.static
        )
        scenes.append(
            Scene(
                id=f"s{index + 1:02d}-{_slug(part.title or part.act)}"[:64].rstrip("-"),
                number=index + 1,
                title=part.title[:200],
                setting=Setting(place=part.place, time_of_day=part.time_of_day, weather=part.weather),
                beats=[part.act, *[b for b in part.beats if b.strip()]][:50],
                dialogue=lines[:200],
                duration=round(min(600.0, max(4.0, spoken, 2.2 * transition.duration + 0.5)), 2),
                cast=on_screen,
                shot=part.shot,
                camera=camera,
                transition_in=transition,
            )
        )
    try:
        film = Film(
            title=story.title.strip()[:200] or "Untitled",
            premise=request.prompt[:20000],
            style=request.style,
            target_length=max(15.0, min(600.0, request.length)),
            language=request.language,
            seed=request.seed,
            narrator=narrator_voice(request.language),
            cast=cast,
            scenes=scenes,
        )
        return fit_length(film, request.length)
    except (ValidationError, FilmSpecError) as error:
        raise ProviderError(f"the story service returned a story that is not a valid film: {error}") from None


class HttpStoryWriter(_Service):
    """Story breakdown by a chat model that supports JSON-schema structured output."""

    name = "http"

    def breakdown(self, request: BreakdownRequest) -> Film:
        prompt = request.prompt.strip()
        if not prompt:
            raise ProviderError('the story prompt is empty: describe a story, e.g. "a shy robot learns to dance"')
        if not 15 <= request.length <= 600:
            raise ProviderError(f"a film runs from 15 s to 600 s (10 min), not {request.length:g} s")
        words = round(request.length * 150 / 60 * 0.8)
        scenes = max(2, round(request.length / 12))
        user = (
            f"Story: {prompt}\n\nStyle: {request.style.value}. Language of the dialogue: {request.language}. "
            f"Length: {request.length:g} seconds, so about {scenes} scenes and about {words} spoken words in all."
        )
        payload = {
            "model": self.model,
            "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}],
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "film", "schema": STORY_SCHEMA, "strict": True},
            },
            "seed": request.seed,
        }
        body = self._json(self._post("chat/completions", payload), "story")
        try:
            message = body["choices"][0]["message"]
        except (KeyError, IndexError, TypeError):
            raise ProviderError(f"the AI service at {self.host} answered without a message; try again") from None
        content = message.get("content") if isinstance(message, dict) else None
        if not isinstance(content, str) or not content.strip():
            refusal = message.get("refusal") if isinstance(message, dict) else None
            reason = f": {self._redact(str(refusal))[:200]}" if refusal else ""
            raise ProviderError(f"the story service wrote no story{reason}")
        text = re.sub(r"^\s*```(?:json)?\s*|\s*```\s*$", "", content)
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as error:
            raise ProviderError(
                f"the story service answered with text that is not valid JSON ({error.msg} at line {error.lineno}); "
                "try again, or choose a model that supports JSON schemas"
            ) from None
        return film_from_story(doc, request)


# -- character art ----------------------------------------------------------------------------------

STYLE_WORDS = {
    "storybook": "soft watercolour children's storybook illustration",
    "anime": "clean anime cel-shaded illustration",
    "comic": "bold comic-book illustration with strong outlines",
    "pastel": "gentle pastel-coloured illustration",
}


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class HttpCharacterDesigner(_Service):
    """Character art by an image model; the rig's design parameters still come from the words.

    Without ``assets_dir`` no images are made (there is nowhere to keep them): only designs.
    """

    name = "http"

    def __init__(self, base_url: str, model: str, api_key: str | None, *, size: str = "512x512", **options: Any):
        super().__init__(base_url, model, api_key, **options)
        self.size = size

    def prompt_for(self, member: CastMember, film: Film) -> str:
        traits = f" Personality: {', '.join(member.personality)}." if member.personality else ""
        return (
            f"{STYLE_WORDS.get(film.style.value, film.style.value)} of a single character, {member.name}: "
            f"{member.description or member.role}.{traits} Full body, front view, standing, plain light background, "
            "no text."
        )

    def design(self, film: Film, *, assets_dir: Path | None = None, only: set[str] | None = None) -> Film:
        cast: list[CastMember] = []
        for member in film.cast:
            if only is not None and member.id not in only:
                cast.append(member)
                continue
            update: dict[str, Any] = {}
            if member.design is None or only is not None:
                member = _with_identity(member)
                design = _design_from_words(member, film.seed)
                if design is not None:
                    update["design"] = design
            if assets_dir is not None:
                png = self._draw(self.prompt_for(member, film))
                _write_atomically(Path(assets_dir) / "cast" / f"{member.id}.png", png)
                update["art"] = f"cast/{member.id}.png"
            cast.append(member.model_copy(update=update))
        return film.model_copy(update={"cast": cast})

    def _draw(self, prompt: str) -> bytes:
        payload = {"model": self.model, "prompt": prompt, "n": 1, "size": self.size, "response_format": "b64_json"}
        body = self._json(self._post("images/generations", payload), "image")
        try:
            encoded = body["data"][0]["b64_json"]
            png = base64.b64decode(encoded, validate=True)
        except (KeyError, IndexError, TypeError, binascii.Error):
            raise ProviderError(
                f"the image service at {self.host} returned no picture (expected b64_json data)"
            ) from None
        if not png.startswith(b"\x89PNG\r\n\x1a\n"):
            raise ProviderError(f"the image service at {self.host} returned a picture that is not a PNG")
        return png


def _identity(description: str, name: str, role: str) -> dict[str, Any]:
    """The kind, age and gender the description plainly says (nothing where the words are missing)."""
    try:
        from .offline.identity import identity_of
    except ImportError:
        return {}
    return identity_of(description, name=name, role=role)


def _with_identity(member: CastMember) -> CastMember:
    try:
        from .offline.identity import with_identity
    except ImportError:
        return member
    return with_identity(member)


def _design_from_words(member: CastMember, film_seed: int) -> Any:
    try:
        from .offline.designer import design_from_text
    except ImportError:
        return None
    digest = hashlib.sha256(f"cast\x1f{film_seed}\x1f{member.id}".encode()).digest()
    text = " ".join([member.description, " ".join(member.personality)])
    seed = int.from_bytes(digest[:4], "big")
    return design_from_text(text, name=member.name, role=member.role, seed=seed, kind=member.kind, age=member.age)


# -- voice --------------------------------------------------------------------------------------------

DEFAULT_VOICE_MAP: dict[str, str] = {
    "f1": "nova", "f2": "shimmer", "f3": "coral", "f4": "sage", "f5": "alloy",
    "m1": "onyx", "m2": "echo", "m3": "fable", "m4": "ash", "m5": "ballad", "m6": "verse", "m7": "onyx",
    "croak": "onyx", "klatt": "echo", "whisper": "shimmer",
}  # fmt: skip
EMOTION_SPEED = {Emotion.excited: 1.08, Emotion.angry: 1.05, Emotion.sad: 0.92, Emotion.thoughtful: 0.95}


class HttpVoice(_Service):
    """Speech from ``/audio/speech`` as WAV; word and viseme timings are estimated from the audio."""

    name = "http"

    def __init__(
        self, base_url: str, model: str, api_key: str | None, *, voice_map: dict[str, str] | None = None, **options: Any
    ) -> None:
        super().__init__(base_url, model, api_key, **options)
        self.voice_map = {**DEFAULT_VOICE_MAP, **(voice_map or {})}

    def identity(self) -> str:
        voices = ",".join(f"{k}={v}" for k, v in sorted(self.voice_map.items()))
        return f"http-voice:{self.host}:{self.model}:{voices}"

    def speak(self, text: str, voice: VoiceStyle, emotion: Emotion = Emotion.neutral) -> Speech:
        if not text.strip():
            raise ProviderError("there is nothing to say: the line is empty")
        speed = max(0.25, min(4.0, voice.rate / 165 * EMOTION_SPEED.get(emotion, 1.0)))
        payload = {
            "model": self.model,
            "input": text,
            "voice": self.voice_map.get(voice.voice, voice.voice),
            "response_format": "wav",
            "speed": round(speed, 3),
        }
        response = self._post("audio/speech", payload)
        try:
            samples, rate = decode_wav(response.content)
        except ValueError as error:
            raise ProviderError(
                f"the speech service at {self.host} did not return usable WAV audio ({error})"
            ) from None
        words, visemes = estimate_timings(text, samples, rate)
        return Speech(samples=samples, sample_rate=rate, words=words, visemes=visemes)


def decode_wav(data: bytes) -> tuple[np.ndarray, int]:
    """Mono float32 samples in [-1, 1] and the sample rate of a PCM or IEEE-float WAV file."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a WAV file")
    try:
        with wave.open(io.BytesIO(data)) as reader:
            channels, width, rate = reader.getnchannels(), reader.getsampwidth(), reader.getframerate()
            raw = reader.readframes(reader.getnframes() or 2**31 - 1)
        kind = "pcm"
    except (wave.Error, EOFError):
        channels, width, rate, raw, kind = _riff_float(data)
    usable = len(raw) - len(raw) % (width * channels)
    raw = raw[:usable]
    samples: np.ndarray
    if kind == "float":
        samples = np.frombuffer(raw, dtype="<f4" if width == 4 else "<f8").astype(np.float32)
    elif width == 1:
        samples = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128) / 128
    elif width == 2:
        samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768
    elif width == 3:
        bytes3 = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3)
        ints = bytes3[:, 0].astype(np.int32) | bytes3[:, 1].astype(np.int32) << 8 | bytes3[:, 2].astype(np.int32) << 16
        samples = (np.where(ints >= 2**23, ints - 2**24, ints)).astype(np.float32) / 2**23
    elif width == 4:
        samples = np.frombuffer(raw, dtype="<i4").astype(np.float32) / 2**31
    else:
        raise ValueError(f"{width * 8}-bit samples are not supported")
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return np.clip(samples, -1.0, 1.0).astype(np.float32), rate


def _riff_float(data: bytes) -> tuple[int, int, int, bytes, str]:
    position, fmt = 12, None
    while position + 8 <= len(data):
        chunk, size = data[position : position + 4], struct.unpack("<I", data[position + 4 : position + 8])[0]
        body = data[position + 8 : position + 8 + size]
        if chunk == b"fmt ":
            fmt = struct.unpack("<HHIIHH", body[:16])
            if fmt[0] == 0xFFFE and len(body) >= 26:  # WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the tag
                fmt = (struct.unpack("<H", body[24:26])[0], *fmt[1:])
        elif chunk == b"data" and fmt is not None:
            tag, channels, rate, _, _, bits = fmt
            if tag != 3 or bits not in (32, 64):
                raise ValueError(f"unsupported WAV format {tag}")
            return channels, bits // 8, rate, body, "float"
        position += 8 + size + (size & 1)
    raise ValueError("the WAV file has no audio data")


_LETTER_VISEME = {
    **dict.fromkeys("ai", Viseme.ai),
    "e": Viseme.e,
    **dict.fromkeys("ouw", Viseme.o),
    **dict.fromkeys("mbp", Viseme.mbp),
    **dict.fromkeys("fv", Viseme.fv),
}
_VOWELS = set("aeiou")


def _voiced_span(samples: np.ndarray, rate: int) -> tuple[float, float]:
    hop = max(1, rate // 100)
    count = len(samples) // hop
    if count == 0:
        return 0.0, len(samples) / max(1, rate)
    energy = np.sqrt(np.mean(samples[: count * hop].astype(np.float64).reshape(count, hop) ** 2, axis=1))
    threshold = max(float(energy.max()) * 0.05, 1e-4)
    loud = np.flatnonzero(energy > threshold)
    if loud.size == 0:
        return 0.0, len(samples) / rate
    return loud[0] * hop / rate, min(len(samples), (loud[-1] + 1) * hop) / rate


def estimate_timings(
    text: str, samples: np.ndarray, sample_rate: int
) -> tuple[tuple[WordTiming, ...], tuple[VisemeTiming, ...]]:
    """Word and viseme timings for speech that came without any: words share the voiced part of
    the audio in proportion to their length, and each word's letters share its time (vowels
    longer than consonants)."""
    words = re.findall(r"[\w'’-]+", text)
    if not words or sample_rate <= 0:
        return (), ()
    start, end = _voiced_span(np.asarray(samples, dtype=np.float32).reshape(-1), sample_rate)
    weights = [len(w) + 1.5 for w in words]  # the constant stands for the gap and the word's onset
    scale = (end - start) / sum(weights)
    word_timings: list[WordTiming] = []
    visemes: list[VisemeTiming] = []
    t = start
    for word, weight in zip(words, weights, strict=True):
        span = weight * scale
        w_start, w_end = t, t + span * len(word) / weight
        word_timings.append(WordTiming(word, round(w_start, 4), round(w_end, 4)))
        letters = [c for c in word.lower() if c.isalnum()]
        shares = [1.0 if c in _VOWELS else 0.6 for c in letters]
        total = sum(shares) or 1.0
        u = w_start
        for letter, share in zip(letters, shares, strict=True):
            v_end = u + (w_end - w_start) * share / total
            viseme = _LETTER_VISEME.get(letter, Viseme.e)
            if visemes and visemes[-1].viseme is viseme and abs(visemes[-1].end - u) < 1e-6:
                visemes[-1] = VisemeTiming(viseme, visemes[-1].start, round(v_end, 4))
            else:
                visemes.append(VisemeTiming(viseme, round(u, 4), round(v_end, 4)))
            u = v_end
        t += span
    return tuple(word_timings), tuple(visemes)
