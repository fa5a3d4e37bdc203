"""Choosing providers: built-in (offline) or an OpenAI-compatible HTTP service, per job.

Settings come from the environment (``AISTUDIO_WRITER=http``, ``AISTUDIO_BASE_URL=...``) or
from the desktop's settings dialog. Keys are never part of the settings: they are read from the
environment or the OS keyring when a provider is made.
"""

from __future__ import annotations

import os
from typing import Literal

from pydantic import BaseModel, Field

from .protocols import CharacterDesigner, Providers, StoryWriter, VoiceProvider

Choice = Literal["builtin", "http"]
KEY_SERVICE = "openai-compatible"  # the keyring entry the HTTP providers' key is stored under


class ProviderSettings(BaseModel):
    writer: Choice = "builtin"
    designer: Choice = "builtin"
    voice: Choice = "builtin"
    base_url: str = Field(default="http://localhost:11434/v1", description="OpenAI-compatible API root")
    chat_model: str = "llama3.1"
    image_model: str = "gpt-image-1"
    speech_model: str = "tts-1"
    api_key_env: str = "AISTUDIO_API_KEY"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> ProviderSettings:
        env = os.environ if environ is None else environ
        values: dict[str, str] = {}
        for name in cls.model_fields:
            key = f"AISTUDIO_{name.upper()}"
            if env.get(key):
                values[name] = env[key]
        return cls.model_validate(values)


def make_providers(settings: ProviderSettings) -> Providers:
    """Build the three providers the settings ask for (built-ins are imported only when used)."""
    notes: list[str] = []
    writer: StoryWriter
    designer: CharacterDesigner
    voice: VoiceProvider
    key: str | None = None
    if settings.writer == "http" or settings.designer == "http" or settings.voice == "http":
        from .http import HttpCharacterDesigner, HttpStoryWriter, HttpVoice
        from .keys import KeyStoreError, get_api_key

        try:
            key = get_api_key(KEY_SERVICE, env_var=settings.api_key_env)
        except KeyStoreError as error:
            notes.append(f"{error} Sending no key (fine for a local server).")
        else:
            if key is None:
                notes.append(f"no API key found (set {settings.api_key_env} or store one in Settings); sending none")
    if settings.writer == "http":
        writer = HttpStoryWriter(settings.base_url, settings.chat_model, key, api_key_env=settings.api_key_env)
    else:
        from .offline.story import OfflineStoryWriter

        writer = OfflineStoryWriter()
    if settings.designer == "http":
        designer = HttpCharacterDesigner(settings.base_url, settings.image_model, key, api_key_env=settings.api_key_env)
    else:
        from .offline.designer import OfflineDesigner

        designer = OfflineDesigner()
    if settings.voice == "http":
        voice = HttpVoice(settings.base_url, settings.speech_model, key, api_key_env=settings.api_key_env)
    else:
        from .offline.espeak import EspeakVoice

        voice = EspeakVoice()
    return Providers(writer=writer, designer=designer, voice=voice, notes=notes)
