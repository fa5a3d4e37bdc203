"""A real HTTP server on 127.0.0.1 that speaks enough of the OpenAI API for the provider tests.

It answers ``/v1/chat/completions`` with a film story as JSON content, ``/v1/images/generations``
with a base64 PNG and ``/v1/audio/speech`` with a WAV of a few tone bursts between silences. Tests
can queue misbehaviour for the next requests (``"401"``, ``"429:1"`` = 429 with ``Retry-After: 1``,
``"500"``, ``"malformed"`` = content that is not JSON, ``"bad_schema"`` = JSON that breaks the
schema) or make one behaviour permanent, and every request is recorded (path, headers, body).
"""

from __future__ import annotations

import base64
import io
import json
import struct
import threading
import time
import wave
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np

STORY: dict[str, Any] = {
    "title": "The Robot Who Danced",
    "cast": [
        {
            "name": "Bolt",
            "role": "protagonist",
            "description": "a shy silver robot with a red scarf and round blue eyes",
            "personality": ["shy", "hopeful"],
        },
        {
            "name": "Mara",
            "role": "friend",
            "description": "a cheerful girl with curly red hair, a yellow dress and a straw hat",
            "personality": ["cheerful", "loyal"],
        },
    ],
    "scenes": [
        {
            "title": "A Wish",
            "act": "setup",
            "place": "village",
            "time_of_day": "day",
            "weather": "clear",
            "shot": "wide",
            "beats": ["Bolt watches the villagers practise for the harvest festival"],
            "characters": ["Bolt", "Mara"],
            "dialogue": [
                {
                    "speaker": "narrator",
                    "text": "The whole village was getting ready for the harvest festival.",
                    "emotion": "neutral",
                },
                {"speaker": "Bolt", "text": "I wish I could dance like them.", "emotion": "sad"},
            ],
        },
        {
            "title": "Practice",
            "act": "rising action",
            "place": "meadow",
            "time_of_day": "day",
            "weather": "cloudy",
            "shot": "medium",
            "beats": ["Mara teaches Bolt to dance"],
            "characters": ["Bolt", "Mara"],
            "dialogue": [
                {"speaker": "Mara", "text": "Left foot, right foot, and spin!", "emotion": "excited"},
                {"speaker": "bolt", "text": "I fell over again.", "emotion": "sad"},
            ],
        },
        {
            "title": "The Festival",
            "act": "climax",
            "place": "village",
            "time_of_day": "night",
            "weather": "clear",
            "shot": "close",
            "beats": ["Bolt dances in front of everyone"],
            "characters": ["Bolt", "Mara"],
            "dialogue": [{"speaker": "Bolt", "text": "Here I go!", "emotion": "excited"}],
        },
    ],
}  # fmt: skip


def tiny_png(width: int = 8, height: int = 8) -> bytes:
    """A valid RGB PNG, made with zlib alone."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes([200, 60, 60]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


SPEECH_RATE = 22050
LEADING_SILENCE = 0.2
BURSTS = 3
BURST, GAP = 0.25, 0.08


def speech_wav() -> bytes:
    """0.2 s of silence, three 0.25 s tone bursts 0.08 s apart, 0.2 s of silence; 16-bit mono."""
    parts = [np.zeros(int(LEADING_SILENCE * SPEECH_RATE))]
    for index in range(BURSTS):
        t = np.arange(int(BURST * SPEECH_RATE)) / SPEECH_RATE
        parts.append(0.5 * np.sin(2 * np.pi * (220 + 60 * index) * t))
        if index < BURSTS - 1:
            parts.append(np.zeros(int(GAP * SPEECH_RATE)))
    parts.append(np.zeros(int(0.2 * SPEECH_RATE)))
    pcm = (np.concatenate(parts) * 32767).astype("<i2").tobytes()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(SPEECH_RATE)
        writer.writeframes(pcm)
    return buffer.getvalue()


VOICED_END = LEADING_SILENCE + BURSTS * BURST + (BURSTS - 1) * GAP


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: Any
    at: float


@dataclass
class OpenAIServer:
    story: dict[str, Any] = field(default_factory=lambda: json.loads(json.dumps(STORY)))
    requests: list[Recorded] = field(default_factory=list)
    script: list[str] = field(default_factory=list)  # behaviours for the next requests, one each
    always: str | None = None  # a behaviour for every request
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def queue(self, *behaviours: str) -> None:
        with self._lock:
            self.script.extend(behaviours)

    def next_behaviour(self) -> str:
        with self._lock:
            if self.script:
                return self.script.pop(0)
        return self.always or "ok"

    def start(self) -> OpenAIServer:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="openai-test-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


def _handler_for(state: OpenAIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

        def _send(self, status: int, body: bytes, content_type: str = "application/json", **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: int, message: str, **headers: str) -> None:
            self._send(status, json.dumps({"error": {"message": message, "type": "test"}}).encode(), **headers)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
            state.requests.append(Recorded(self.path, dict(self.headers.items()), body, time.monotonic()))
            behaviour = state.next_behaviour()
            if behaviour == "401":
                return self._error(401, "Incorrect API key provided")
            if behaviour.startswith("429"):
                retry_after = behaviour.partition(":")[2] or "0"
                return self._error(429, "Rate limit reached", Retry_After=retry_after)
            if behaviour == "500":
                return self._error(500, "The server had an error while processing your request")
            if self.path == "/v1/chat/completions":
                if behaviour == "malformed":
                    content = '{"title": "Broken", "cast": [ {"name": "Bolt", '
                elif behaviour == "bad_schema":
                    content = json.dumps({"title": "No scenes here", "cast": "Bolt"})
                else:
                    content = json.dumps(state.story)
                answer = {
                    "id": "chatcmpl-test",
                    "object": "chat.completion",
                    "model": body.get("model") if isinstance(body, dict) else None,
                    "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                    ],
                }
                return self._send(200, json.dumps(answer).encode())
            if self.path == "/v1/images/generations":
                image = base64.b64encode(tiny_png()).decode()
                return self._send(200, json.dumps({"created": 0, "data": [{"b64_json": image}]}).encode())
            if self.path == "/v1/audio/speech":
                return self._send(200, speech_wav(), "audio/wav")
            return self._error(404, f"no route {self.path}")

    return Handler
