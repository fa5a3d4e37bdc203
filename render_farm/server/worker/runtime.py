"""What one worker process keeps for its life: settings, database sessions, storage, the voice
provider and the render preset."""

from __future__ import annotations

import dataclasses
import os
import socket
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.orm import Session, sessionmaker

from render_farm.ai.protocols import VoiceProvider
from render_farm.engine.presets import Preset
from render_farm.engine.presets import preset as named_preset
from render_farm.server.db.session import make_engine, session_factory
from render_farm.server.settings import FarmSettings
from render_farm.server.storage import Storage, storage_from_settings


def render_preset(settings: FarmSettings) -> Preset:
    """The configured preset, at the configured picture size if one is set."""
    chosen = named_preset(settings.render_preset)
    if settings.render_size:
        width, height = (int(part) for part in settings.render_size.split("x"))
        chosen = dataclasses.replace(chosen, name=f"{chosen.name}-{width}x{height}", width=width, height=height)
    return chosen


@dataclass
class Runtime:
    settings: FarmSettings
    factory: sessionmaker[Session]
    storage: Storage
    preset: Preset

    @property
    def worker_name(self) -> str:
        """Host and process id: who holds a task (the pid of the process that renders it)."""
        return f"{socket.gethostname()}:{os.getpid()}"

    @property
    def voice(self) -> VoiceProvider:
        return _voice()


@lru_cache(maxsize=1)
def _voice() -> VoiceProvider:
    from render_farm.ai.registry import ProviderSettings, make_providers

    return make_providers(ProviderSettings.from_env()).voice


_runtimes: dict[int, Runtime] = {}


def runtime(settings: FarmSettings) -> Runtime:
    """This process's runtime (a forked pool process builds its own engine, never its parent's)."""
    pid = os.getpid()
    if pid not in _runtimes:
        _runtimes.clear()
        engine = make_engine(settings.database_url)
        _runtimes[pid] = Runtime(
            settings, session_factory(engine), storage_from_settings(settings), render_preset(settings)
        )
    return _runtimes[pid]
