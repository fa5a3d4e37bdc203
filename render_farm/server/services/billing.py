"""Buying credits: credit packs, checkout sessions with a payment provider, and the provider's
webhook that turns a verified payment into a billing record plus a ``purchase`` ledger entry.

Webhooks use Stripe's format: a JSON event ``{"id", "type", "created", "data": {"object": ...}}``
signed in a ``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`` header.
An event is accepted only if one ``v1`` matches, and only within five minutes of ``t`` (and not
from the future beyond a small clock skew), so a captured delivery cannot be replayed later.

Exactly once: the billing record's unique ``(provider, provider_event_id)`` and the ledger entry
are written in one transaction that first locks the buyer's row, so any number of deliveries of
one event, in any order and at the same time, credit it once; the rest answer "duplicate". A
checkout session pays out on ``checkout.session.completed`` when already paid, or on
``checkout.session.async_payment_succeeded`` for delayed payment methods (the provider sends
one or the other for a session, never both as paid).

The built-in ``test`` provider needs no account anywhere: its checkout URL is a page on the farm
whose "Pay" button signs a completed-session event with the webhook secret and feeds it through
the very same verification. It grants credits for free, so it is for development only.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from render_farm.server.db.models import BillingRecord, CreditLedgerEntry, LedgerKind, User
from render_farm.server.errors import FarmError, InvalidInput, NotFound
from render_farm.server.settings import FarmSettings, read_or_create_secret

from . import ledger
from .tx import begin_write

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "Stripe-Signature"
TOLERANCE_SECONDS = 300
"""How old a signed webhook may be."""
FUTURE_SKEW_SECONDS = 30
"""How far ahead of our clock a provider's timestamp may be (clocks differ a little, never by minutes)."""
MAX_WEBHOOK_BYTES = 256 * 1024
WEBHOOK_SECRET_FILE = "payment_webhook_secret"
TEST_CHECKOUT_HOURS = 24
MAX_PURCHASE_CREDITS = 10_000_000
MAX_AMOUNT_CENTS = 100_000_000
PAID_EVENTS = {"checkout.session.completed", "checkout.session.async_payment_succeeded"}


class WebhookRejected(FarmError):
    status, slug, title = 400, "webhook-rejected", "Webhook rejected"


class PaymentsUnavailable(FarmError):
    status, slug, title = 409, "payments-unavailable", "Purchases are not set up"


@dataclass(frozen=True)
class CreditPack:
    id: str
    name: str
    credits: int
    amount_cents: int
    currency: str = "usd"


CREDIT_PACKS: tuple[CreditPack, ...] = (
    CreditPack("starter", "Starter", credits=500, amount_cents=500),
    CreditPack("creator", "Creator", credits=1500, amount_cents=1200),
    CreditPack("studio", "Studio", credits=5000, amount_cents=3500),
)


def credit_pack(pack_id: str) -> CreditPack:
    for pack in CREDIT_PACKS:
        if pack.id == pack_id:
            return pack
    known = ", ".join(pack.id for pack in CREDIT_PACKS)
    raise InvalidInput(f"pack: no credit pack named {pack_id!r}; choose one of {known}")


# -- providers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str
    """Where to send the buyer to pay."""
    pack: CreditPack


class PaymentProvider(Protocol):
    name: ClassVar[str]

    def create_checkout(self, user_id: uuid.UUID, pack: CreditPack) -> CheckoutSession: ...


def webhook_secret(settings: FarmSettings) -> str:
    """The configured secret, else (test provider only) one generated once in the farm home."""
    configured = settings.payment_webhook_secret.get_secret_value()
    if configured:
        return configured
    if settings.payment_provider == SandboxProvider.name:
        return read_or_create_secret(settings.farm_home / WEBHOOK_SECRET_FILE)
    raise PaymentsUnavailable("this farm accepts no payments: set PAYMENT_PROVIDER and PAYMENT_WEBHOOK_SECRET")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SandboxProvider:
    """Checkout on the farm itself: the URL carries a signed ticket naming session, buyer and pack."""

    name: ClassVar[str] = "test"

    def __init__(self, settings: FarmSettings) -> None:
        self.settings = settings
        self.secret = webhook_secret(settings).encode("utf-8")

    def _mac(self, body: str) -> str:
        return _b64(hmac.new(self.secret, b"checkout." + body.encode("ascii"), hashlib.sha256).digest())

    def create_checkout(self, user_id: uuid.UUID, pack: CreditPack) -> CheckoutSession:
        session_id = "cs_test_" + uuid.uuid4().hex
        expires = int(time.time()) + TEST_CHECKOUT_HOURS * 3600
        body = _b64(json.dumps({"cs": session_id, "u": str(user_id), "p": pack.id, "exp": expires}).encode())
        ticket = f"{body}.{self._mac(body)}"
        url = f"{self.settings.public_url.rstrip('/')}/api/v1/billing/test-checkout/{ticket}"
        return CheckoutSession(session_id, url, pack)

    def open_ticket(self, ticket: str) -> tuple[str, uuid.UUID, CreditPack]:
        """(session id, buyer, pack) of a ticket this farm issued; 404 for anything else or expired."""
        body, _, mac = ticket.partition(".")
        if not body or not hmac.compare_digest(mac, self._mac(body)):
            raise NotFound("no such checkout")
        try:
            data = json.loads(_unb64(body))
            session_id, user_id, pack_id, expires = str(data["cs"]), uuid.UUID(data["u"]), data["p"], data["exp"]
        except (ValueError, KeyError, TypeError):
            raise NotFound("no such checkout") from None
        if int(expires) < time.time():
            raise NotFound("this checkout has expired; start a new one from the app")
        return session_id, user_id, credit_pack(pack_id)

    def completed_event(self, session_id: str, user_id: uuid.UUID, pack: CreditPack) -> bytes:
        """The provider's "session completed and paid" event; its id follows from the session, so
        paying one checkout twice is one event."""
        event = {
            "id": "evt_test_" + hashlib.sha256(session_id.encode()).hexdigest()[:32],
            "object": "event",
            "type": "checkout.session.completed",
            "created": int(time.time()),
            "data": {
                "object": {
                    "id": session_id,
                    "object": "checkout.session",
                    "client_reference_id": str(user_id),
                    "payment_status": "paid",
                    "amount_total": pack.amount_cents,
                    "currency": pack.currency,
                    "metadata": {"pack": pack.id, "credits": str(pack.credits)},
                }
            },
        }
        return json.dumps(event, separators=(",", ":")).encode("utf-8")


def provider_from_settings(settings: FarmSettings) -> PaymentProvider:
    if settings.payment_provider == SandboxProvider.name:
        return SandboxProvider(settings)
    if not settings.payment_provider:
        raise PaymentsUnavailable("this farm sells no credits: no payment provider is configured")
    raise PaymentsUnavailable(f"payment provider {settings.payment_provider!r} is not supported by this farm")


def sandbox_provider(settings: FarmSettings) -> SandboxProvider:
    """The test provider, or 404 when it is not the configured one (its pages must not exist then)."""
    if settings.payment_provider != SandboxProvider.name:
        raise NotFound("no such page")
    return SandboxProvider(settings)


def start_checkout(settings: FarmSettings, user_id: uuid.UUID, pack_id: str) -> CheckoutSession:
    pack = credit_pack(pack_id)
    return provider_from_settings(settings).create_checkout(user_id, pack)


# -- webhooks ----------------------------------------------------------------------------------


def sign(payload: bytes, secret: str, timestamp: int) -> str:
    """A ``Stripe-Signature`` header value for ``payload``."""
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode("ascii") + payload, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(payload: bytes, header: str | None, secret: str, now: float | None = None) -> dict[str, Any]:
    """The event in ``payload`` if ``header`` signs it and is fresh; :class:`WebhookRejected` otherwise."""
    if not header:
        raise WebhookRejected(f"the {SIGNATURE_HEADER} header is missing")
    timestamp: int | None = None
    candidates: list[str] = []
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1" and value:
            candidates.append(value)
    if timestamp is None or not candidates:
        raise WebhookRejected(f"the {SIGNATURE_HEADER} header needs t=<unix time> and v1=<signature>")
    expected = sign(payload, secret, timestamp).partition(",v1=")[2]
    if not any(hmac.compare_digest(expected, candidate) for candidate in candidates):
        raise WebhookRejected("the signature does not match the payload")
    now = time.time() if now is None else now
    if now - timestamp > TOLERANCE_SECONDS:
        raise WebhookRejected(f"the signature is more than {TOLERANCE_SECONDS} seconds old")
    if timestamp - now > FUTURE_SKEW_SECONDS:
        raise WebhookRejected("the signature's timestamp is in the future")
    try:
        event = json.loads(payload)
    except (UnicodeDecodeError, ValueError):
        raise WebhookRejected("the payload is not JSON") from None
    if not isinstance(event, dict) or not isinstance(event.get("id"), str) or not isinstance(event.get("type"), str):
        raise WebhookRejected("the payload is not an event: it needs an 'id' and a 'type'")
    if not 0 < len(event["id"]) <= 255:
        raise WebhookRejected("the event id must be 1 to 255 characters")
    return event


@dataclass(frozen=True)
class Purchase:
    user_id: uuid.UUID
    credits: int
    amount_cents: int
    currency: str
    pack_id: str


def _purchase(event: dict[str, Any]) -> Purchase | None:
    """What a paid checkout event buys, or None for events that grant nothing."""
    if event["type"] not in PAID_EVENTS:
        return None
    obj = (event.get("data") or {}).get("object") if isinstance(event.get("data"), dict) else None
    if not isinstance(obj, dict):
        raise InvalidInput("data.object: a checkout event carries the checkout session")
    if event["type"] == "checkout.session.completed" and obj.get("payment_status") != "paid":
        return None  # paid later: async_payment_succeeded follows
    metadata: dict[str, Any] = obj["metadata"] if isinstance(obj.get("metadata"), dict) else {}
    try:
        user_id = uuid.UUID(str(obj.get("client_reference_id")))
        credits = int(metadata.get("credits", ""))
        amount = int(obj.get("amount_total", -1))
    except (TypeError, ValueError):
        raise InvalidInput("data.object: client_reference_id, metadata.credits and amount_total are required") from None
    currency = str(obj.get("currency", ""))
    if not 0 < credits <= MAX_PURCHASE_CREDITS or not 0 <= amount <= MAX_AMOUNT_CENTS or len(currency) != 3:
        raise InvalidInput(
            f"data.object: credits must be 1 to {MAX_PURCHASE_CREDITS}, amount_total 0 to {MAX_AMOUNT_CENTS}, "
            "currency 3 letters"
        )
    return Purchase(user_id, credits, amount, currency.lower(), str(metadata.get("pack", "")))


@dataclass(frozen=True)
class WebhookOutcome:
    event_id: str
    status: str
    """``credited`` (this delivery added the credits), ``duplicate`` (an earlier one did) or ``ignored``."""
    credits: int = 0


def handle_webhook(session: Session, settings: FarmSettings, payload: bytes, header: str | None) -> WebhookOutcome:
    """Verify one delivery and apply it exactly once."""
    event = verify(payload, header, webhook_secret(settings))
    purchase = _purchase(event)
    provider = settings.payment_provider or "stripe"
    if purchase is None:
        log.info("payment event %s (%s) needs no action", event["id"], event["type"])
        return WebhookOutcome(event["id"], "ignored")
    begin_write(session)
    # Lock the buyer first: every delivery of this event queues here, and the winner's record is
    # visible to the rest once they get the lock (it also keeps the ledger's lock order).
    if session.scalar(select(User.id).where(User.id == purchase.user_id).with_for_update()) is None:
        session.rollback()
        raise InvalidInput("data.object.client_reference_id: no such user")
    if _already_recorded(session, provider, event["id"]):
        session.rollback()
        return WebhookOutcome(event["id"], "duplicate", purchase.credits)
    record = BillingRecord(
        user_id=purchase.user_id,
        provider=provider,
        provider_event_id=event["id"],
        amount_cents=purchase.amount_cents,
        currency=purchase.currency,
        credits=purchase.credits,
    )
    session.add(record)
    try:
        session.flush()
        note = f"{purchase.pack_id} pack" if purchase.pack_id else "credit purchase"
        ledger.append(
            session,
            purchase.user_id,
            purchase.credits,
            LedgerKind.purchase,
            billing_record_id=record.id,
            note=note[:200],
        )
        session.commit()
    except IntegrityError:  # a concurrent delivery committed the same event first
        session.rollback()
        return WebhookOutcome(event["id"], "duplicate", purchase.credits)
    log.info("payment event %s credited %d to user %s", event["id"], purchase.credits, purchase.user_id)
    return WebhookOutcome(event["id"], "credited", purchase.credits)


def _already_recorded(session: Session, provider: str, event_id: str) -> bool:
    found = session.scalar(
        select(BillingRecord.id).where(BillingRecord.provider == provider, BillingRecord.provider_event_id == event_id)
    )
    return found is not None


def pay_test_checkout(session: Session, settings: FarmSettings, ticket: str) -> tuple[CreditPack, WebhookOutcome]:
    """Complete a test-provider checkout: sign its event and deliver it like the provider would."""
    provider = sandbox_provider(settings)
    session_id, user_id, pack = provider.open_ticket(ticket)
    payload = provider.completed_event(session_id, user_id, pack)
    header = sign(payload, webhook_secret(settings), int(time.time()))
    return pack, handle_webhook(session, settings, payload, header)


# -- reading -----------------------------------------------------------------------------------


def balance(session: Session, user_id: uuid.UUID) -> int:
    return ledger.balance(session, user_id)


def ledger_page(
    session: Session, user_id: uuid.UUID, limit: int, before: int | None = None
) -> tuple[list[CreditLedgerEntry], int | None]:
    """The user's entries, newest first, ``limit`` at a time; the second value is the next ``before``."""
    query = select(CreditLedgerEntry).where(CreditLedgerEntry.user_id == user_id)
    if before is not None:
        query = query.where(CreditLedgerEntry.id < before)
    rows = list(session.scalars(query.order_by(CreditLedgerEntry.id.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].id if more and rows else None)
