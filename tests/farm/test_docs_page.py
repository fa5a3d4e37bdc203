"""The API's documentation pages come whole from the farm: every script, style and icon they
load is served by the farm itself, so they work on a machine without internet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from render_farm.server.api import create_app
from render_farm.server.settings import FarmSettings


@pytest.fixture(scope="module")
def docs_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The pages do not depend on the database: one app on a throwaway SQLite file."""
    home: Path = tmp_path_factory.mktemp("docs-farm")
    app = create_app(FarmSettings(database_url=f"sqlite:///{home / 'farm.db'}", farm_home=home, jwt_secret="d" * 32))
    yield app
    app.state.engine.dispose()


class Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"src", "href"} and value:
                self.urls.append(value)


@pytest.mark.parametrize(("page", "script"), [("/api/v1/docs", "SwaggerUIBundle"), ("/api/v1/redoc", "Redoc")])
def test_docs_pages_load_nothing_from_another_host(docs_app: FastAPI, page: str, script: str) -> None:
    client = TestClient(docs_app, base_url="http://farm.internal:8000")
    html = client.get(page)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    parser = Assets()
    parser.feed(html.text)
    inline = re.findall(r"""(?:url|spec-url)\s*[:=(]\s*['"]?([^'")\s]+)""", html.text)
    urls = [urljoin(str(html.url), url) for url in parser.urls + inline]
    assert parser.urls and all(urlsplit(url).netloc == "farm.internal:8000" for url in urls), urls
    for url in parser.urls:
        asset = client.get(urljoin(page, url))
        assert asset.status_code == 200, url
        assert len(asset.content) > 1000, url
    scripts = [url for url in parser.urls if url.endswith(".js")]
    assert any(script.encode() in client.get(url).content for url in scripts)
    assert "/api/v1/openapi.json" in html.text
