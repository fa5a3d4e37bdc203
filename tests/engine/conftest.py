"""Fixtures for the engine tests: one built-in voice for the whole run (the library loads once)."""

from __future__ import annotations

import pytest

from render_farm.ai.offline.espeak import EspeakVoice


@pytest.fixture(scope="session")
def voice() -> EspeakVoice:
    return EspeakVoice()
