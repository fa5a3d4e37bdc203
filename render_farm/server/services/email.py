"""Email over SMTP, sent off the caller's thread so that a slow or broken mail server can neither
fail nor delay a render.

:func:`send_later` hands a message to a per-process sender thread and returns at once. The thread
delivers with ``SMTP_HOST``/``PORT``/``USER``/``PASSWORD``/``FROM``/``STARTTLS`` (port 465 means
implicit TLS), retrying transient failures (connection errors, 4xx replies) with exponential
backoff; permanent 5xx refusals and the last failed attempt are logged, never raised. With no
``SMTP_HOST`` the message is skipped with a log line. :func:`flush` waits for the queue to drain
(tests, and worker shutdown via ``atexit``).
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import smtplib
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from render_farm.server.settings import FarmSettings

log = logging.getLogger(__name__)

ATTEMPTS = 4
BACKOFF_SECONDS = 1.0
"""Wait before the second attempt; doubles for each one after."""
SMTP_TIMEOUT_SECONDS = 20.0
EXIT_FLUSH_SECONDS = 10.0


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    text: str


def _one_line(value: str) -> str:
    """Header text without line breaks or other control characters (they would end the header)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in value).split())


def build_message(settings: FarmSettings, email: Email) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = _one_line(email.to)
    message["Subject"] = _one_line(email.subject)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="aistudio.farm")
    message.set_content(email.text)
    return message


def send_now(settings: FarmSettings, email: Email) -> None:
    """Deliver one message synchronously; raises ``smtplib.SMTPException`` or ``OSError``."""
    message = build_message(settings, email)
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if settings.smtp_port == 465 and not settings.smtp_starttls:
        client = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS, context=context)
    else:
        client = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS)
    with client:
        if settings.smtp_starttls:
            client.starttls(context=context)
        if settings.smtp_user:
            client.login(settings.smtp_user, settings.smtp_password.get_secret_value())
        client.send_message(message)


def _permanent(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(500 <= code < 600 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600
    return isinstance(error, smtplib.SMTPNotSupportedError)


class EmailSender:
    """A queue and one daemon thread that delivers from it, started on first use in each process
    (a forked worker child starts its own: see :meth:`after_fork`)."""

    def __init__(self, attempts: int = ATTEMPTS, backoff_seconds: float = BACKOFF_SECONDS) -> None:
        self.attempts = attempts
        self.backoff_seconds = backoff_seconds
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[FarmSettings, Email]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.sent = 0
        self.failed = 0

    def after_fork(self) -> None:
        """In a forked child: the parent's thread is gone and its lock or queue may be mid-use."""
        self._lock = threading.Lock()
        self._queue = queue.Queue()
        self._thread = None

    def submit(self, settings: FarmSettings, email: Email) -> None:
        if not settings.smtp_host:
            log.info("email %r to %s skipped: SMTP is not configured (set SMTP_HOST)", email.subject, email.to)
            return
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="farm-email", daemon=True)
                self._thread.start()
            self._queue.put((settings, email))

    def flush(self, timeout: float) -> bool:
        """Wait until every submitted message is sent or given up on; False if time ran out."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True

    def _run(self) -> None:
        while True:
            settings, email = self._queue.get()
            try:
                self._deliver(settings, email)
            except Exception:  # the sender thread must survive anything
                log.exception("email %r to %s: unexpected error", email.subject, email.to)
                self.failed += 1
            finally:
                self._queue.task_done()

    def _deliver(self, settings: FarmSettings, email: Email) -> None:
        delay = self.backoff_seconds
        for attempt in range(1, self.attempts + 1):
            try:
                send_now(settings, email)
            except (smtplib.SMTPException, OSError) as error:
                if _permanent(error) or attempt == self.attempts:
                    log.error(
                        "email %r to %s not sent after %d attempt(s): %s", email.subject, email.to, attempt, error
                    )
                    self.failed += 1
                    return
                log.warning(
                    "email %r to %s: attempt %d failed (%s); retrying in %.1f s",
                    email.subject,
                    email.to,
                    attempt,
                    error,
                    delay,
                )
                time.sleep(delay)
                delay *= 2
            else:
                log.info("email %r sent to %s", email.subject, email.to)
                self.sent += 1
                return


sender = EmailSender()


def send_later(settings: FarmSettings, email: Email) -> None:
    """Queue ``email`` for delivery; never raises, never waits for the mail server."""
    try:
        sender.submit(settings, email)
    except Exception:
        log.exception("email %r to %s could not be queued", email.subject, email.to)


def flush(timeout: float = EXIT_FLUSH_SECONDS) -> bool:
    return sender.flush(timeout)


atexit.register(flush)
os.register_at_fork(after_in_child=sender.after_fork)
