"""The embedded broker (Kombu's ``filesystem://``) keeps all its folders in the farm home: a farm
started from any folder writes nothing there."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import make_settings
from kombu import Connection

from render_farm.server.services import outbox
from render_farm.server.worker import broker_files
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


def test_a_worker_only_ever_takes_whole_messages(tmp_path: Path) -> None:
    """Kombu's own filesystem transport names a message file before writing it, so a consumer
    polling at that moment takes an empty file; the farm's broker renames complete files in."""
    received = _race_producer_and_consumer(broker_files.broker_url("filesystem://"), tmp_path)
    assert received == [f"message {i}" for i in range(MESSAGES)]


MESSAGES = 300


def _race_producer_and_consumer(url: str, folder: Path) -> list[str]:
    queue_folder = folder / "queue"
    queue_folder.mkdir()
    options = {
        "data_folder_in": str(queue_folder),
        "data_folder_out": str(queue_folder),
        "control_folder": str(folder / "control"),
        "processed_folder": str(folder / "processed"),
        "polling_interval": 0,
    }
    padding = "x" * 400_000  # a big message widens the moment between naming and writing a file
    errors: list[BaseException] = []

    def produce() -> None:
        try:
            with Connection(url, transport_options=options) as connection:
                queue = connection.SimpleQueue("race")
                for i in range(MESSAGES):
                    queue.put({"text": f"message {i}", "padding": padding})
                queue.close()
        except BaseException as error:  # reported by the consumer's side of the test
            errors.append(error)

    producer = threading.Thread(target=produce)
    received: list[str] = []
    with Connection(url, transport_options=options) as connection:
        queue = connection.SimpleQueue("race")
        producer.start()
        try:
            while len(received) < MESSAGES and not errors:
                message = queue.get(timeout=30)
                body = message.decode()
                assert body["padding"] == padding, "a message arrived cut short"
                received.append(body["text"])
                message.ack()
        finally:
            producer.join(timeout=60)
            queue.close()
    assert not errors, errors
    return received
