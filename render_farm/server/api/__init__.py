"""The farm's HTTP API: ``create_app(settings)`` builds the FastAPI app with every ``/api/v1``
router, problem+json errors, the OpenAPI document at ``/api/v1/openapi.json`` and its pages at
``/api/v1/docs`` and ``/api/v1/redoc``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from render_farm.server.db.session import engine_from_settings, session_factory
from render_farm.server.settings import FarmSettings
from render_farm.server.storage import storage_from_settings

from . import auth, billing, cloud_ai, docs, health, notifications, openapi, problems, projects, renders, teams

API_PREFIX = "/api/v1"


def create_app(settings: FarmSettings | None = None) -> FastAPI:
    settings = settings or FarmSettings()
    engine = engine_from_settings(settings)
    settings.jwt_signing_key  # noqa: B018  (read or create the secret now, not on the first request)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="AI Studio render farm",
        version="1",
        description="Accounts, teams, projects and film spec uploads; renders and credits build on these.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # served by docs.py, with its assets from this farm rather than a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = session_factory(engine)
    app.state.storage = storage_from_settings(settings)

    router = APIRouter(prefix=API_PREFIX)
    for module in (renders, health, auth, teams, projects, billing, notifications, cloud_ai):
        router.include_router(module.router)
    app.include_router(router)
    problems.install(app)
    openapi.install(app)
    docs.install(app, API_PREFIX)
    return app
