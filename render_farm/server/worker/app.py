"""The Celery app of the farm, configured from :class:`FarmSettings`.

The broker is Redis in production (``BROKER_URL=redis://...``) and, embedded, Kombu's
``filesystem://`` transport in the farm home: no server, and several worker processes on one
machine can share it (a message file is written whole and taken by an atomic rename: see
:mod:`.broker_files`). The settings that keep work
safe: late acknowledgement with requeue when a worker process dies, a prefetch of one so a busy
worker holds no queued scene back, a broker visibility timeout longer than the longest task, and
hard and soft time limits. No result backend: job and task state live in the database.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from celery import Celery

from render_farm.server.services import outbox
from render_farm.server.settings import FarmSettings

from . import broker_files

QUEUE = "renders"
TASK_NAMES = {
    outbox.SCENE_TOPIC: "render_farm.render_scene",
    outbox.ASSEMBLY_TOPIC: "render_farm.assemble_film",
}


def _transport_options(settings: FarmSettings) -> dict[str, Any]:
    options: dict[str, Any] = {"visibility_timeout": settings.task_time_limit_seconds + 600}
    if settings.broker_url.startswith("filesystem://"):
        queue = settings.broker_folder / "queue"
        processed = settings.broker_folder / "processed"
        # Exchange bindings: Kombu's default is a "control" folder in the working directory.
        control = settings.broker_folder / "control"
        for folder in (queue, processed, control):
            folder.mkdir(parents=True, exist_ok=True)
        options.update(
            data_folder_in=str(queue),
            data_folder_out=str(queue),
            processed_folder=str(processed),
            control_folder=str(control),
            store_processed=False,
            polling_interval=0.1,
        )
    elif settings.broker_url.startswith(("redis://", "rediss://")):
        options.update(socket_timeout=5, socket_connect_timeout=3, retry_on_timeout=True)
    return options


def make_celery(settings: FarmSettings) -> Celery:
    broker = broker_files.broker_url(settings.broker_url)
    app = Celery("aistudio-farm", broker=broker, include=["render_farm.server.worker.tasks"])
    app.conf.update(
        task_default_queue=QUEUE,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        result_backend=None,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_time_limit=settings.task_time_limit_seconds,
        task_soft_time_limit=max(5, settings.task_time_limit_seconds - 30),
        broker_transport_options=_transport_options(settings),
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        broker_connection_timeout=3,
        worker_enable_remote_control=False,
        worker_send_task_events=False,
        worker_hijack_root_logger=False,
        worker_cancel_long_running_tasks_on_connection_loss=False,
    )
    app.conf.farm_settings = settings
    return app


@lru_cache(maxsize=1)
def celery_app() -> Celery:
    """The app for this process, from the environment (what ``celery -A`` and the CLI load)."""
    return make_celery(FarmSettings())


def publisher(app: Celery) -> outbox.Publish:
    """Publishes outbox messages as Celery tasks (with a short retry, so a dead broker fails fast)."""

    def publish(topic: str, payload: dict[str, Any]) -> None:
        app.send_task(
            TASK_NAMES[topic],
            kwargs=payload,
            queue=QUEUE,
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5},
        )

    return publish
