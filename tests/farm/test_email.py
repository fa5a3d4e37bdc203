"""Render emails against a real SMTP server (aiosmtpd, started here): the right person gets the
right subject and link; a slow, flaky, refusing or missing mail server never fails or holds up
the render, transient failures are retried and permanent ones are not."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import socket
import threading
import uuid
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from conftest import client_for
from farm_helpers import film_spec, sign_up
from fastapi import FastAPI
from sqlalchemy import select

from render_farm.server.db import session_factory
from render_farm.server.db.models import Notification, ProjectVersion, RenderJob, User
from render_farm.server.services import email as mail
from render_farm.server.services import notify
from render_farm.server.settings import FarmSettings

DELIVERY_SECONDS = 15.0


class Inbox:
    """An aiosmtpd handler: answers the first ``failures`` messages with ``reply``, keeps the rest."""

    def __init__(self, failures: int = 0, reply: str = "451 4.3.0 try again later") -> None:
        self.failures = failures
        self.reply = reply
        self.attempts = 0
        self.gate = threading.Event()
        self.gate.set()
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.attempts += 1
        await asyncio.get_running_loop().run_in_executor(None, self.gate.wait, DELIVERY_SECONDS)
        if self.failures > 0:
            self.failures -= 1
            return self.reply
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    inbox.gate.set()
    controller.stop()


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(mail.sender, "backoff_seconds", 0.05)
    yield
    assert mail.flush(DELIVERY_SECONDS)


def mail_settings(app: FastAPI, port: int, **extra: Any) -> FarmSettings:
    settings: FarmSettings = app.state.settings
    return settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port, **extra})


def finished_job(app: FastAPI, project_name: str = "The Fox and the Moon") -> tuple[str, uuid.UUID]:
    """A signed-up user with a project, a version and a render job; (their email, the job id)."""
    client = client_for(app)
    account = sign_up(client)
    project = client.post("/projects", headers=account.headers, json={"name": project_name}).json()["id"]
    assert client.post(f"/projects/{project}/versions", headers=account.headers, json=film_spec()).status_code == 201
    with session_factory(app.state.engine)() as session:
        version = session.scalar(select(ProjectVersion).where(ProjectVersion.project_id == uuid.UUID(project)))
        user = session.scalar(select(User).where(User.email == account.email))
        assert version is not None and user is not None
        job = RenderJob(
            project_id=version.project_id,
            version_id=version.id,
            user_id=user.id,
            idempotency_key=uuid.uuid4().hex,
            request_hash="0" * 64,
            credits_held=90,
        )
        session.add(job)
        session.commit()
        return account.email, job.id


def run_notify(app: FastAPI, job_id: uuid.UUID, settings: FarmSettings, **kwargs: Any) -> None:
    with session_factory(app.state.engine)() as session:
        job = session.get(RenderJob, job_id)
        assert job is not None
        if "reason" in kwargs:
            notify.notify_render_failed(session, job, kwargs["reason"], settings=settings)
        else:
            notify.notify_render_finished(session, job, settings=settings, **kwargs)
        session.commit()


def test_finished_render_emails_the_owner_with_the_download_link(app: FastAPI, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    owner, job_id = finished_job(app, "Moonlight Chase")
    link = f"https://files.example.com/films/{job_id}.mp4?X-Amz-Expires=604800&sig=abc"
    run_notify(app, job_id, mail_settings(app, port), download_url=link)

    assert mail.flush(DELIVERY_SECONDS)
    assert len(inbox.messages) == 1
    recipients, message = inbox.messages[0]
    assert recipients == [owner] and message["To"] == owner
    assert message["Subject"] == 'Your film "Moonlight Chase" is ready'
    body = message.get_payload(decode=True).decode()
    assert link in body
    assert message["From"] == app.state.settings.smtp_from


def test_failed_render_emails_the_reason(app: FastAPI, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    owner, job_id = finished_job(app, "Storm")
    run_notify(app, job_id, mail_settings(app, port), reason="scene 3 could not be rendered: out of disk")

    assert mail.flush(DELIVERY_SECONDS)
    [(recipients, message)] = inbox.messages
    assert recipients == [owner] and message["Subject"] == 'Your film "Storm" could not be rendered'
    body = message.get_payload(decode=True).decode()
    assert "out of disk" in body and f"/api/v1/renders/{job_id}" in body


def test_transient_smtp_failures_are_retried_until_delivered(app: FastAPI, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    inbox.failures = 2
    owner, job_id = finished_job(app)
    run_notify(app, job_id, mail_settings(app, port))

    assert mail.flush(DELIVERY_SECONDS)
    assert inbox.attempts == 3
    assert [recipients for recipients, _ in inbox.messages] == [[owner]]


def test_permanent_refusal_is_logged_not_retried(
    app: FastAPI, smtp: tuple[Inbox, int], caplog: pytest.LogCaptureFixture
) -> None:
    inbox, port = smtp
    inbox.failures, inbox.reply = 5, "550 5.1.1 mailbox unavailable"
    _owner, job_id = finished_job(app)
    with caplog.at_level(logging.ERROR, logger=mail.__name__):
        run_notify(app, job_id, mail_settings(app, port))
        assert mail.flush(DELIVERY_SECONDS)
    assert inbox.attempts == 1 and inbox.messages == []
    assert any("not sent after 1 attempt" in record.getMessage() for record in caplog.records)


def test_unreachable_server_never_fails_the_render(app: FastAPI, caplog: pytest.LogCaptureFixture) -> None:
    _owner, job_id = finished_job(app)
    with caplog.at_level(logging.WARNING, logger=mail.__name__):
        run_notify(app, job_id, mail_settings(app, free_port()))  # nothing listens there
        assert mail.flush(DELIVERY_SECONDS)
    assert any(f"not sent after {mail.ATTEMPTS} attempt" in record.getMessage() for record in caplog.records)
    with session_factory(app.state.engine)() as session:
        job = session.get(RenderJob, job_id)
        assert job is not None
        kinds = session.scalars(select(Notification.kind).where(Notification.user_id == job.user_id)).all()
    assert kinds == ["render_finished"]  # the in-app notification is there all the same


def test_a_slow_mail_server_does_not_hold_up_the_render(app: FastAPI, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    inbox.gate.clear()  # the server accepts the connection, then sits on the message
    owner, job_id = finished_job(app)
    run_notify(app, job_id, mail_settings(app, port))  # returns although the server has not answered
    assert inbox.messages == []
    inbox.gate.set()
    assert mail.flush(DELIVERY_SECONDS)
    assert [recipients for recipients, _ in inbox.messages] == [[owner]]


def test_no_email_when_smtp_is_not_configured_or_the_job_rolls_back(
    app: FastAPI, smtp: tuple[Inbox, int], caplog: pytest.LogCaptureFixture
) -> None:
    inbox, port = smtp
    _owner, job_id = finished_job(app)
    with caplog.at_level(logging.INFO, logger=mail.__name__):
        run_notify(app, job_id, app.state.settings.model_copy(update={"smtp_host": ""}))
    assert any("SMTP is not configured" in record.getMessage() for record in caplog.records)

    with session_factory(app.state.engine)() as session:
        job = session.get(RenderJob, job_id)
        assert job is not None
        notify.notify_render_finished(session, job, settings=mail_settings(app, port))
        session.rollback()
    assert mail.flush(DELIVERY_SECONDS)
    assert inbox.attempts == 0 and inbox.messages == []


def _send_from_child(settings: FarmSettings, to: str) -> None:
    mail.send_later(settings, mail.Email(to, "from a forked worker", "hello"))
    raise SystemExit(0 if mail.flush(DELIVERY_SECONDS) else 1)


def test_a_forked_worker_process_sends_its_own_email(app: FastAPI, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    settings = mail_settings(app, port)
    mail.send_later(settings, mail.Email("parent@example.com", "from the parent", "hello"))  # sender thread running
    assert mail.flush(DELIVERY_SECONDS)
    child = multiprocessing.get_context("fork").Process(target=_send_from_child, args=(settings, "child@example.com"))
    child.start()
    child.join(DELIVERY_SECONDS + 5)
    assert child.exitcode == 0
    assert [recipients for recipients, _ in inbox.messages] == [["parent@example.com"], ["child@example.com"]]
