"""Fixtures for the AI provider tests: a real OpenAI-compatible server on a local port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from openai_server import OpenAIServer  # tests/ai is on sys.path (rootdir-relative imports)


@pytest.fixture
def openai_server() -> Iterator[OpenAIServer]:
    server = OpenAIServer().start()
    try:
        yield server
    finally:
        server.stop()
