"""Buying credits as a user and a payment provider see it: packs, checkout, signed webhooks that
credit exactly once however they are delivered, and forgeries that credit nothing."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import client_for, make_settings
from farm_helpers import Account, sign_up
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from render_farm.server.api import create_app
from render_farm.server.db import session_factory
from render_farm.server.db.models import BillingRecord, CreditLedgerEntry, LedgerKind
from render_farm.server.services.billing import sign

SECRET = "whsec_" + "k" * 40


@pytest.fixture(scope="module")
def billing_app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The farm with the built-in test payment provider and a known webhook secret."""
    home: Path = tmp_path_factory.mktemp("billing-home")
    app = create_app(make_settings(database_url, home, payment_provider="test", payment_webhook_secret=SECRET))
    yield app
    app.state.engine.dispose()


@pytest.fixture
def shop(billing_app: FastAPI) -> TestClient:
    return client_for(billing_app)


def user_id(client: TestClient, account: Account) -> str:
    return str(client.get("/auth/me", headers=account.headers).json()["id"])


def balance(client: TestClient, account: Account) -> int:
    response = client.get("/billing/balance", headers=account.headers)
    assert response.status_code == 200, response.text
    return int(response.json()["credits"])


def paid_event(buyer: str, credits: int = 500, event_id: str | None = None, **overrides: Any) -> bytes:
    session = {
        "id": "cs_" + uuid.uuid4().hex,
        "object": "checkout.session",
        "client_reference_id": buyer,
        "payment_status": "paid",
        "amount_total": 500,
        "currency": "usd",
        "metadata": {"pack": "starter", "credits": str(credits)},
    }
    event = {
        "id": event_id or "evt_" + uuid.uuid4().hex,
        "object": "event",
        "type": "checkout.session.completed",
        "created": int(time.time()),
        "data": {"object": session},
    }
    event.update(overrides)
    return json.dumps(event).encode()


def deliver(client: TestClient, payload: bytes, signature: str | None = None) -> Any:
    headers = {"Content-Type": "application/json"}
    headers["Stripe-Signature"] = signature if signature is not None else sign(payload, SECRET, int(time.time()))
    return client.post("/billing/webhook", content=payload, headers=headers)


def records_and_credits(app: FastAPI, event_id: str) -> tuple[int, int]:
    """(billing records for the event, purchase ledger entries pointing at them)."""
    with session_factory(app.state.engine)() as session:
        records = session.scalar(select(func.count()).where(BillingRecord.provider_event_id == event_id))
        entries = session.scalar(
            select(func.count())
            .select_from(CreditLedgerEntry)
            .join(BillingRecord, CreditLedgerEntry.billing_record_id == BillingRecord.id)
            .where(BillingRecord.provider_event_id == event_id, CreditLedgerEntry.kind == LedgerKind.purchase)
        )
    return int(records or 0), int(entries or 0)


def test_checkout_with_the_test_provider_buys_a_pack_once(shop: TestClient, billing_app: FastAPI) -> None:
    account = sign_up(shop)
    packs = shop.get("/billing/packs").json()
    starter = next(pack for pack in packs if pack["id"] == "starter")
    assert starter["credits"] > 0 and starter["amount_cents"] > 0

    created = shop.post("/billing/checkout", headers=account.headers, json={"pack": "starter"})
    assert created.status_code == 201, created.text
    url = created.json()["url"]
    settings = billing_app.state.settings
    assert url.startswith(settings.public_url + "/api/v1/billing/test-checkout/")
    page_path = urlsplit(url).path.removeprefix("/api/v1")

    page = shop.get(page_path)
    assert page.status_code == 200 and f"{starter['credits']} credits" in page.text

    assert shop.post(page_path).status_code == 200
    assert balance(shop, account) == 100 + starter["credits"]
    assert shop.post(page_path).status_code == 200  # paying the same checkout again buys nothing more
    assert balance(shop, account) == 100 + starter["credits"]

    entries = shop.get("/billing/ledger", headers=account.headers).json()["items"]
    assert [(e["kind"], e["delta"], e["balance_after"]) for e in entries] == [
        ("purchase", starter["credits"], 100 + starter["credits"]),
        ("grant", 100, 100),
    ]
    assert entries[0]["billing_record_id"] is not None


def test_a_tampered_checkout_link_is_not_found(shop: TestClient) -> None:
    account = sign_up(shop)
    url = shop.post("/billing/checkout", headers=account.headers, json={"pack": "creator"}).json()["url"]
    path = urlsplit(url).path.removeprefix("/api/v1")
    body, _, mac = path.rpartition("/")[2].partition(".")
    forged = path.rpartition("/")[0] + "/" + body + "." + mac[::-1]
    assert shop.get(forged).status_code == 404
    assert shop.post(forged).status_code == 404
    assert balance(shop, account) == 100


def test_unknown_pack_is_refused(shop: TestClient) -> None:
    account = sign_up(shop)
    response = shop.post("/billing/checkout", headers=account.headers, json={"pack": "gold"})
    assert response.status_code == 422 and "gold" in response.json()["detail"]


def test_signed_webhook_credits_once_when_replayed(shop: TestClient, billing_app: FastAPI) -> None:
    account = sign_up(shop)
    payload = paid_event(user_id(shop, account), credits=500)
    event_id = json.loads(payload)["id"]

    first = deliver(shop, payload)
    assert first.status_code == 200, first.text
    assert first.json() == {"event_id": event_id, "status": "credited", "credits": 500}
    for _ in range(5):
        again = deliver(shop, payload)
        assert again.status_code == 200 and again.json()["status"] == "duplicate"

    assert balance(shop, account) == 600
    assert records_and_credits(billing_app, event_id) == (1, 1)


def test_ten_concurrent_deliveries_credit_once(billing_app: FastAPI) -> None:
    account = sign_up(client_for(billing_app))
    payload = paid_event(user_id(client_for(billing_app), account), credits=700)
    event_id = json.loads(payload)["id"]
    start = threading.Barrier(10)

    def one() -> tuple[int, str]:
        client = client_for(billing_app)
        start.wait()
        response = deliver(client, payload)
        return response.status_code, response.json().get("status", response.text)

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(lambda _: one(), range(10)))

    assert sorted(results) == sorted([(200, "credited")] + [(200, "duplicate")] * 9)
    assert balance(client_for(billing_app), account) == 800
    assert records_and_credits(billing_app, event_id) == (1, 1)


def test_delayed_payment_credits_once_whatever_the_order_of_events(shop: TestClient, billing_app: FastAPI) -> None:
    account = sign_up(shop)
    buyer = user_id(shop, account)
    unpaid = json.loads(paid_event(buyer, credits=300))
    unpaid["data"]["object"]["payment_status"] = "unpaid"
    succeeded = json.loads(paid_event(buyer, credits=300))
    succeeded["type"] = "checkout.session.async_payment_succeeded"

    # The provider may deliver the later event first.
    assert deliver(shop, json.dumps(succeeded).encode()).json()["status"] == "credited"
    assert deliver(shop, json.dumps(unpaid).encode()).json()["status"] == "ignored"
    assert deliver(shop, json.dumps(succeeded).encode()).json()["status"] == "duplicate"
    assert balance(shop, account) == 400
    assert records_and_credits(billing_app, succeeded["id"]) == (1, 1)
    assert records_and_credits(billing_app, unpaid["id"]) == (0, 0)


def test_forged_old_and_future_webhooks_are_rejected_and_credit_nothing(shop: TestClient, billing_app: FastAPI) -> None:
    account = sign_up(shop)
    payload = paid_event(user_id(shop, account), credits=900)
    event_id = json.loads(payload)["id"]
    now = int(time.time())
    other = paid_event(user_id(shop, account), credits=900_000, event_id=event_id)

    attempts = {
        "wrong secret": sign(payload, "whsec_not_the_secret", now),
        "signature of another payload": sign(other, SECRET, now),
        "six minutes old": sign(payload, SECRET, now - 360),
        "ten minutes ahead": sign(payload, SECRET, now + 600),
        "no v1": f"t={now}",
        "garbage": "not a signature",
        "missing": "",
    }
    for name, signature in attempts.items():
        response = deliver(shop, payload, signature)
        assert response.status_code == 400, name
        assert response.headers["content-type"].startswith("application/problem+json"), name
    # The timestamp is signed too: moving it forward on an old signature breaks the signature.
    old = sign(payload, SECRET, now - 360).split(",")[1]
    assert deliver(shop, payload, f"t={now},{old}").status_code == 400

    assert balance(shop, account) == 100
    assert records_and_credits(billing_app, event_id) == (0, 0)
    # None of that used up the event: the genuine delivery still credits it.
    assert deliver(shop, payload).json()["status"] == "credited"
    assert balance(shop, account) == 1000


def test_signed_events_naming_no_user_or_absurd_amounts_are_refused(shop: TestClient) -> None:
    response = deliver(shop, paid_event(str(uuid.uuid4())))
    assert response.status_code == 422 and "no such user" in response.json()["detail"]

    account = sign_up(shop)
    for credits in (0, -5, 10**20):
        response = deliver(shop, paid_event(user_id(shop, account), credits=credits))
        assert response.status_code == 422 and "credits must be" in response.json()["detail"], credits
    assert balance(shop, account) == 100


def test_events_that_buy_nothing_are_acknowledged_and_ignored(shop: TestClient) -> None:
    account = sign_up(shop)
    payload = paid_event(user_id(shop, account), type="customer.created")
    response = deliver(shop, payload)
    assert response.status_code == 200 and response.json()["status"] == "ignored"
    assert balance(shop, account) == 100


def test_ledger_pages_newest_first_and_shows_only_your_own(shop: TestClient) -> None:
    account, other = sign_up(shop), sign_up(shop)
    buyer = user_id(shop, account)
    for credits in (10, 20, 30):
        assert deliver(shop, paid_event(buyer, credits=credits)).json()["status"] == "credited"

    first = shop.get("/billing/ledger", headers=account.headers, params={"limit": 2}).json()
    assert [e["delta"] for e in first["items"]] == [30, 20] and first["next_before"] is not None
    second = shop.get(
        "/billing/ledger", headers=account.headers, params={"limit": 2, "before": first["next_before"]}
    ).json()
    assert [e["delta"] for e in second["items"]] == [10, 100] and second["next_before"] is None
    assert [e["balance_after"] for e in first["items"] + second["items"]] == [160, 130, 110, 100]

    theirs = shop.get("/billing/ledger", headers=other.headers).json()["items"]
    assert [(e["kind"], e["delta"]) for e in theirs] == [("grant", 100)]
    assert shop.get("/billing/ledger").status_code == 401


def test_a_farm_without_a_payment_provider_sells_nothing(client: TestClient) -> None:
    account = sign_up(client)
    assert client.get("/billing/packs").status_code == 200
    checkout = client.post("/billing/checkout", headers=account.headers, json={"pack": "starter"})
    assert checkout.status_code == 409
    payload = paid_event(str(client.get("/auth/me", headers=account.headers).json()["id"]))
    assert deliver(client, payload).status_code == 409
    assert client.get("/billing/test-checkout/anything.at-all").status_code == 404
    assert balance(client, account) == 100


def test_the_price_list_says_what_renders_cost_and_whether_credits_are_sold(
    shop: TestClient, client: TestClient
) -> None:
    prices = shop.get("/billing/prices").json()
    assert prices == {
        "scene_credits": 20,
        "final_video_credits": 50,
        "character_credits": 10,
        "sells_credits": True,
        "test_payments": True,
    }
    account = sign_up(shop)
    with_five_scenes = 5 * prices["scene_credits"] + prices["final_video_credits"]
    assert with_five_scenes == 150 > balance(shop, account)  # why a new account has to buy credits
    assert client.get("/billing/prices").json()["sells_credits"] is False
