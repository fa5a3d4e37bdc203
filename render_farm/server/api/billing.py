"""``/billing``: balance, ledger, the price list, credit packs, checkout, the payment provider's
webhook, and the built-in test provider's checkout page."""

from __future__ import annotations

import html
import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, status
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from render_farm.server.db.models import LedgerKind
from render_farm.server.errors import TooLarge
from render_farm.server.services import billing, credits
from render_farm.server.services.cloud_ai import CHARACTER_CREDITS

from .deps import SessionDep, SettingsDep, UserDep
from .problems import responses
from .routing import FarmRoute

router = APIRouter(prefix="/billing", tags=["billing"], route_class=FarmRoute)


class BalanceOut(BaseModel):
    credits: int = Field(description="current credit balance")


class LedgerEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    delta: int = Field(description="credits added (positive) or taken (negative)")
    kind: LedgerKind
    balance_after: int
    note: str
    job_id: uuid.UUID | None
    billing_record_id: uuid.UUID | None
    created_at: datetime


class LedgerPageOut(BaseModel):
    items: list[LedgerEntryOut]
    next_before: int | None = Field(description="pass as 'before' for the next (older) page; null on the last")


class PackOut(BaseModel):
    id: str
    name: str
    credits: int
    amount_cents: int
    currency: str


class PricesOut(BaseModel):
    scene_credits: int = Field(description="credits per scene of a final render")
    final_video_credits: int = Field(description="credits for assembling a final render's video")
    character_credits: int = Field(description="credits per character designed by the farm's AI")
    sells_credits: bool = Field(description="whether this farm sells credit packs (POST /billing/checkout)")
    test_payments: bool = Field(description="checkout is the farm's test provider: credits for free, no money moves")


class CheckoutIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pack: str = Field(
        min_length=1,
        max_length=32,
        description="a credit pack's id (see /billing/packs)",
        json_schema_extra={"enum": [pack.id for pack in billing.CREDIT_PACKS]},
    )


class CheckoutOut(BaseModel):
    checkout_id: str
    url: str = Field(description="open this to pay")
    pack: PackOut


class WebhookOut(BaseModel):
    event_id: str
    status: str = Field(description="credited, duplicate (delivered before) or ignored (nothing to do)")
    credits: int


def _pack_out(pack: billing.CreditPack) -> PackOut:
    return PackOut(
        id=pack.id, name=pack.name, credits=pack.credits, amount_cents=pack.amount_cents, currency=pack.currency
    )


@router.get("/balance", response_model=BalanceOut, responses=responses(401))
def get_balance(user: UserDep, session: SessionDep) -> BalanceOut:
    return BalanceOut(credits=billing.balance(session, user.id))


@router.get("/ledger", response_model=LedgerPageOut, responses=responses(401, 422))
def get_ledger(
    user: UserDep,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    before: Annotated[int | None, Query(ge=1, le=2**62, description="entries older than this id")] = None,
) -> LedgerPageOut:
    rows, next_before = billing.ledger_page(session, user.id, limit, before)
    return LedgerPageOut(items=[LedgerEntryOut.model_validate(row) for row in rows], next_before=next_before)


@router.get("/packs", response_model=list[PackOut])
def list_packs() -> list[PackOut]:
    return [_pack_out(pack) for pack in billing.CREDIT_PACKS]


@router.get("/prices", response_model=PricesOut)
def get_prices(settings: SettingsDep) -> PricesOut:
    """What renders cost here, so an app can say so before anything is uploaded, and whether credits are sold."""
    return PricesOut(
        scene_credits=credits.SCENE_CREDITS,
        final_video_credits=credits.FINAL_VIDEO_CREDITS,
        character_credits=CHARACTER_CREDITS,
        sells_credits=bool(settings.payment_provider),
        test_payments=settings.payment_provider == billing.SandboxProvider.name,
    )


@router.post(
    "/checkout", status_code=status.HTTP_201_CREATED, response_model=CheckoutOut, responses=responses(401, 409, 422)
)
def checkout(body: CheckoutIn, user: UserDep, settings: SettingsDep) -> CheckoutOut:
    created = billing.start_checkout(settings, user.id, body.pack)
    return CheckoutOut(checkout_id=created.id, url=created.url, pack=_pack_out(created.pack))


@router.post(
    "/webhook",
    response_model=WebhookOut,
    responses=responses(400, 409, 413, 422),
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "a payment-provider event (Stripe's format), signed in the Stripe-Signature header",
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
async def webhook(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    stripe_signature: Annotated[str | None, Header(description="t=<unix time>,v1=<hex HMAC-SHA256>")] = None,
) -> WebhookOut:
    payload = bytearray()
    async for chunk in request.stream():
        payload += chunk
        if len(payload) > billing.MAX_WEBHOOK_BYTES:
            raise TooLarge(f"webhook payloads are limited to {billing.MAX_WEBHOOK_BYTES} bytes")
    outcome = await run_in_threadpool(billing.handle_webhook, session, settings, bytes(payload), stripe_signature)
    return WebhookOut(event_id=outcome.event_id, status=outcome.status, credits=outcome.credits)


# -- the test provider's checkout page (a browser opens it; not part of the API contract) ------


_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body style="font-family: sans-serif; max-width: 32em; margin: 4em auto">
<h1>{title}</h1>
{content}
</body></html>
"""


def _price(pack: billing.CreditPack) -> str:
    return f"{pack.amount_cents / 100:.2f} {pack.currency.upper()}"


@router.get("/test-checkout/{ticket}", response_class=HTMLResponse, include_in_schema=False)
def test_checkout_page(ticket: str, settings: SettingsDep) -> HTMLResponse:
    _session_id, _user_id, pack = billing.sandbox_provider(settings).open_ticket(ticket)
    content = (
        f"<p>{html.escape(pack.name)} pack: <b>{pack.credits} credits</b> for {html.escape(_price(pack))}.</p>"
        "<p>This is the farm's test payment provider: no money moves.</p>"
        f'<form method="post" action="{html.escape(ticket)}"><button type="submit">Pay</button></form>'
    )
    return HTMLResponse(_PAGE.format(title="Buy credits", content=content))


@router.post("/test-checkout/{ticket}", response_class=HTMLResponse, include_in_schema=False)
def test_checkout_pay(ticket: str, session: SessionDep, settings: SettingsDep) -> HTMLResponse:
    pack, outcome = billing.pay_test_checkout(session, settings, ticket)
    said = "added to your balance" if outcome.status == "credited" else "were already added for this checkout"
    content = f"<p>Paid. {pack.credits} credits {said}. You can close this page.</p>"
    return HTMLResponse(_PAGE.format(title="Thank you", content=content))
