"""The embedded broker (Kombu's ``filesystem://``) keeps all its folders in the farm home: a farm
started from any folder writes nothing there."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_settings

from render_farm.server.services import outbox
from render_farm.server.worker.app import make_celery, publisher


def test_publishing_a_render_writes_only_inside_the_farm_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started_from = tmp_path / "started-from"
    started_from.mkdir()
    monkeypatch.chdir(started_from)
    settings = make_settings(f"sqlite:///{tmp_path / 'home' / 'farm.db'}", tmp_path / "home")
    app = make_celery(settings)
    try:
        publisher(app)(outbox.SCENE_TOPIC, {"task_id": "a-task"})
    finally:
        app.close()
    assert sorted(path.name for path in started_from.iterdir()) == []
    queued = list((settings.broker_folder / "queue").iterdir())
    assert len(queued) == 1 and "a-task" in queued[0].read_text()
    assert any((settings.broker_folder / "control").iterdir()), "the exchange bindings live in the farm home"
