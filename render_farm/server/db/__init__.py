"""The farm's database: models, engines and sessions, migrations."""

from .base import Base
from .migrate import migrate
from .session import engine_from_settings, make_engine, redacted_url, session_factory, session_scope

__all__ = ["Base", "engine_from_settings", "make_engine", "migrate", "redacted_url", "session_factory", "session_scope"]
