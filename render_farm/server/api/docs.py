"""The API's documentation pages, served whole by the farm: Swagger UI at ``/api/v1/docs`` and
ReDoc at ``/api/v1/redoc``, with their scripts, styles and icon from the ``fastapi-offline``
package under ``/api/v1/docs/assets/`` (FastAPI's own pages load them from a CDN, so they are
blank on a machine without internet)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(str(files("fastapi_offline") / "static"))


def install(app: FastAPI, prefix: str) -> None:
    """Serve the pages under ``prefix`` (FastAPI's own ``docs_url`` and ``redoc_url`` stay off)."""
    assets = f"{prefix}/docs/assets"
    openapi_url = app.openapi_url or f"{prefix}/openapi.json"
    app.mount(assets, StaticFiles(directory=ASSETS), name="docs-assets")

    @app.get(f"{prefix}/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} - API",
            swagger_js_url=f"{assets}/swagger-ui-bundle.js",
            swagger_css_url=f"{assets}/swagger-ui.css",
            swagger_favicon_url=f"{assets}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
        )

    @app.get(f"{prefix}/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=openapi_url,
            title=f"{app.title} - API",
            redoc_js_url=f"{assets}/redoc.standalone.js",
            redoc_favicon_url=f"{assets}/favicon.png",
            with_google_fonts=False,
        )
