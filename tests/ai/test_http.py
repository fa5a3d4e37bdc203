"""The OpenAI-compatible providers against a real local HTTP server (no mocks of httpx)."""

from __future__ import annotations

import email.utils
import socket
import time
from pathlib import Path

import numpy as np
import pytest
from openai_server import LEADING_SILENCE, VOICED_END, OpenAIServer

from render_farm.ai.http import HttpCharacterDesigner, HttpStoryWriter, HttpVoice, decode_wav, estimate_timings
from render_farm.ai.protocols import BreakdownRequest, ProviderError
from render_farm.engine.visemes import Viseme
from render_farm.film import NARRATOR, Emotion, Film, VoiceStyle, film_from_dict, save

KEY = "sk-test-secret-0123456789"
REQUEST = BreakdownRequest(prompt="a shy robot learns to dance at the harvest festival", length=30.0, seed=4)


def writer(server: OpenAIServer, **options: object) -> HttpStoryWriter:
    return HttpStoryWriter(server.url, "story-model", KEY, **options)  # type: ignore[arg-type]


def test_breakdown_over_http_makes_a_valid_film_and_sends_the_key_and_the_schema(openai_server: OpenAIServer) -> None:
    film = writer(openai_server).breakdown(REQUEST)

    assert isinstance(film, Film)
    assert film_from_dict(film.model_dump(mode="json")) == film
    assert film.title == "The Robot Who Danced"
    assert [m.id for m in film.cast] == ["bolt", "mara"]
    assert {line.speaker for s in film.scenes for line in s.dialogue} == {"bolt", "mara", NARRATOR}
    assert len({m.voice.model_dump_json() for m in film.cast}) == 2
    assert [s.number for s in film.scenes] == [1, 2, 3]
    assert film.scenes[0].beats[0] == "setup"
    assert abs(film.duration - REQUEST.length) <= 0.15 * REQUEST.length
    (sent,) = openai_server.requests
    assert sent.path == "/v1/chat/completions"
    assert sent.headers["Authorization"] == f"Bearer {KEY}"
    fmt = sent.body["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["name"] == "film"
    assert "scenes" in fmt["json_schema"]["schema"]["properties"]
    assert sent.body["model"] == "story-model"
    assert REQUEST.prompt in sent.body["messages"][-1]["content"]


def test_a_refused_key_names_the_status_and_never_the_key(openai_server: OpenAIServer) -> None:
    openai_server.queue("401")
    with pytest.raises(ProviderError) as caught:
        writer(openai_server).breakdown(REQUEST)
    assert "401" in str(caught.value)
    assert "Settings" in str(caught.value)
    assert KEY not in str(caught.value)
    assert KEY not in repr(writer(openai_server))
    assert len(openai_server.requests) == 1  # a refusal is not retried


def test_rate_limit_waits_for_retry_after_then_succeeds(openai_server: OpenAIServer) -> None:
    openai_server.queue("429:1")
    film = writer(openai_server).breakdown(REQUEST)
    assert film.scenes
    first, second = openai_server.requests
    assert second.at - first.at >= 0.95


def test_retry_after_as_an_http_date_is_honoured(openai_server: OpenAIServer) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)
    openai_server.queue(f"429:{when}")
    writer(openai_server).breakdown(REQUEST)
    first, second = openai_server.requests
    assert second.at - first.at >= 0.9  # the date has one-second resolution


def test_persistent_rate_limit_gives_up_with_a_clear_error(openai_server: OpenAIServer) -> None:
    openai_server.always = "429:0"
    with pytest.raises(ProviderError, match="rate-limit") as caught:
        writer(openai_server, max_retries=2).breakdown(REQUEST)
    assert len(openai_server.requests) == 3
    assert KEY not in str(caught.value)


def test_server_errors_are_retried_with_backoff(openai_server: OpenAIServer) -> None:
    openai_server.queue("500", "500")
    film = writer(openai_server, backoff=0.05).breakdown(REQUEST)
    assert film.scenes and len(openai_server.requests) == 3
    openai_server.always = "500"
    with pytest.raises(ProviderError, match="500"):
        writer(openai_server, backoff=0.01, max_retries=1).breakdown(REQUEST)


def test_malformed_json_is_an_error_and_the_caller_writes_nothing(openai_server: OpenAIServer, tmp_path: Path) -> None:
    openai_server.queue("malformed")
    output = tmp_path / "project"
    output.mkdir()
    with pytest.raises(ProviderError, match="not valid JSON"):
        film = writer(openai_server).breakdown(REQUEST)
        save(film, output / "film.json")
    assert list(output.iterdir()) == []


def test_a_story_that_breaks_the_schema_is_an_error(openai_server: OpenAIServer) -> None:
    openai_server.queue("bad_schema")
    with pytest.raises(ProviderError, match="schema"):
        writer(openai_server).breakdown(REQUEST)


def test_a_line_for_someone_outside_the_cast_is_an_error(openai_server: OpenAIServer) -> None:
    openai_server.story["scenes"][0]["dialogue"].append({"speaker": "Zed", "text": "Hello.", "emotion": "neutral"})
    with pytest.raises(ProviderError, match="'Zed'"):
        writer(openai_server).breakdown(REQUEST)


def test_an_unreachable_service_is_named_in_the_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    with pytest.raises(ProviderError) as caught:
        HttpStoryWriter(url, "m", KEY, timeout=5).breakdown(REQUEST)
    assert url in str(caught.value)
    assert KEY not in str(caught.value)


def test_the_image_designer_writes_cast_art_and_records_it(openai_server: OpenAIServer, tmp_path: Path) -> None:
    film = writer(openai_server).breakdown(REQUEST)
    designer = HttpCharacterDesigner(openai_server.url, "image-model", KEY)
    designed = designer.design(film, assets_dir=tmp_path)

    for member in designed.cast:
        assert member.art == f"cast/{member.id}.png"
        assert (tmp_path / member.art).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert member.design is not None
    images = [r for r in openai_server.requests if r.path == "/v1/images/generations"]
    assert len(images) == 2
    assert images[0].body["response_format"] == "b64_json" and images[0].body["size"] == "512x512"
    assert "silver robot" in images[0].body["prompt"] and "storybook" in images[0].body["prompt"]
    assert images[0].headers["Authorization"] == f"Bearer {KEY}"
    assert not [p for p in (tmp_path / "cast").iterdir() if p.suffix != ".png"]  # no temporary files left

    only_mara = designer.design(film, assets_dir=tmp_path, only={"mara"})
    assert only_mara.member("bolt").art is None and only_mara.member("mara").art == "cast/mara.png"


def test_speech_decodes_to_samples_with_timings_covering_the_voiced_part(openai_server: OpenAIServer) -> None:
    voice = HttpVoice(openai_server.url, "tts-model", KEY, voice_map={"f2": "nova"})
    speech = voice.speak("Hello there, my friend!", VoiceStyle(voice="f2", rate=180), Emotion.happy)

    assert speech.samples.dtype == np.float32 and speech.samples.ndim == 1
    assert np.abs(speech.samples).max() <= 1.0
    assert speech.duration == pytest.approx(VOICED_END + 0.2, abs=0.01)
    assert [w.text for w in speech.words] == ["Hello", "there", "my", "friend"]
    assert speech.words[0].start == pytest.approx(LEADING_SILENCE, abs=0.02)
    assert speech.words[-1].end == pytest.approx(VOICED_END, abs=0.08)
    assert all(a.end <= b.start + 1e-6 for a, b in zip(speech.words, speech.words[1:], strict=False))
    assert speech.visemes[0].viseme is Viseme.e  # "h"
    assert Viseme.o in {v.viseme for v in speech.visemes} and Viseme.mbp in {v.viseme for v in speech.visemes}
    assert speech.viseme_at(0.05) is Viseme.rest
    (sent,) = openai_server.requests
    assert sent.body["voice"] == "nova" and sent.body["response_format"] == "wav"
    assert sent.body["speed"] == pytest.approx(180 / 165, rel=0.01)
    assert "tts-model" in voice.identity() and "f2=nova" in voice.identity() and "127.0.0.1" in voice.identity()
    assert KEY not in voice.identity()


def test_estimate_timings_handles_silence_and_letters() -> None:
    words, visemes = estimate_timings("Maybe", np.zeros(1000, dtype=np.float32), 16000)
    assert len(words) == 1 and visemes[0].viseme is Viseme.mbp
    assert estimate_timings("", np.zeros(10, dtype=np.float32), 16000) == ((), ())
    burst = np.zeros(16000, dtype=np.float32)
    burst[4000:12000] = 0.3
    (word,), _ = estimate_timings("wave", burst, 16000)
    assert word.start == pytest.approx(0.25, abs=0.011) and word.end <= 0.75 + 1e-6


def test_decode_wav_rejects_other_formats() -> None:
    with pytest.raises(ValueError):
        decode_wav(b"ID3\x03 not a wav at all")
