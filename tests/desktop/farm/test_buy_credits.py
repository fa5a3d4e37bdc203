"""A new account cannot render a five-scene film (150 credits, 100 given): the app says so while the
film is edited and in the Render dialog, and buys credits on the farm's test checkout, paid in the
browser, after which the render goes through."""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from farm_server import LiveFarm
from farm_steps import WAIT, farm_ledger, open_estimate, sign_in, token_of
from PySide6.QtCore import QSettings, Qt

from aistudio_desktop.farm import buy_credits
from aistudio_desktop.farm.buy_credits import BuyCreditsDialog
from aistudio_desktop.farm.session import FarmState
from aistudio_desktop.main_window import MainWindow
from aistudio_desktop.project.commands import AddSceneCommand
from render_farm.film import Film


class Browser:
    """The user's browser: it keeps the pages the app opens, and pays on the farm's checkout page the
    way a person does there (open the page, press Pay)."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, url: str) -> bool:
        self.opened.append(url)
        return True

    def pay(self) -> str:
        url = self.opened[-1]
        with httpx.Client(timeout=20) as http:
            page = http.get(url)
            assert page.status_code == 200, page.text
            action = re.search(r'<form method="post" action="([^"]+)"', page.text)
            assert action is not None, page.text
            target = url.rsplit("/", 1)[0] + "/" + action.group(1)
            paid = http.post(target)
            assert paid.status_code == 200, paid.text
            return paid.text


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Browser:
    opened = Browser()
    monkeypatch.setattr(buy_credits, "open_in_browser", opened.open)
    return opened


def five_scenes(window: MainWindow) -> Film:
    """The default film's size: New Film makes five scenes of a 60 s film."""
    document = window.document
    while len(document.film.scenes) < 5:
        document.push(AddSceneCommand(document))
    return document.film


def test_a_new_account_buys_credits_in_the_app_and_then_renders_the_film(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm, browser: Browser
) -> None:
    window = farm_window
    five_scenes(window)
    cost = window.farm_ui.cost_label
    assert cost.text() == "Final render: 150 credits"
    assert "5 scenes × 20 credits + 50 for the final video (the farm's published prices)" in cost.toolTip()
    assert "Sign in to a farm" in cost.toolTip()

    sign_in(qtbot, window, farm, f"maker-{uuid.uuid4().hex[:8]}@example.com", create=True)
    qtbot.waitUntil(lambda: "(this farm's prices)" in cost.toolTip(), timeout=10_000)
    assert cost.text() == "Final render: 150 credits · 50 more than you have: <a href='buy'>buy credits</a>"

    render = open_estimate(qtbot, window)
    assert "5 scenes × 20 credits + 50 for the final video = <b>150 credits</b>" in render.cost.text()
    assert render.shortfall.isVisible() and not render.submit_button.isEnabled()
    assert render.shortfall.text() == "You need 50 more credits to submit this render: buy credits, then submit."
    assert render.buy_button.isVisible()

    qtbot.mouseClick(render.buy_button, Qt.MouseButton.LeftButton)
    shop = window.farm_ui.buy_dialog
    assert isinstance(shop, BuyCreditsDialog) and shop.isVisible()
    qtbot.waitUntil(lambda: shop.buy_button.isEnabled(), timeout=10_000)
    title = window.document.film.title
    assert shop.balance.text() == f"You have 100 credits. You need 50 more for the final render of “{title}”."
    assert shop.chosen() is not None and shop.chosen().id == "starter"  # the smallest pack that covers it
    assert shop.findChild(object, "pack-starter").text() == "Starter: 500 credits for 5.00 USD"
    assert shop.test_note.isVisible() and "no money moves" in shop.test_note.text()

    qtbot.mouseClick(shop.buy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(browser.opened) == 1, timeout=10_000)
    assert urlsplit(browser.opened[0]).path.startswith("/api/v1/billing/test-checkout/")
    assert "Waiting for the payment" in shop.status.text() and shop.waiting_bar.isVisible()
    assert window.farm.state is FarmState.online
    assert "500 credits added to your balance" in browser.pay()

    qtbot.waitUntil(lambda: shop.bought is not None, timeout=15_000)
    assert shop.status.text() == "Thank you: 500 credits were added. You have 600 credits now."
    assert shop.buy_button.text() == "Done"
    qtbot.mouseClick(shop.buy_button, Qt.MouseButton.LeftButton)
    assert not shop.isVisible()

    qtbot.waitUntil(render.submit_button.isEnabled, timeout=10_000)
    assert not render.shortfall.isVisible() and not render.buy_button.isVisible()
    assert "Your balance: 600 credits → 450 after this render" in render.cost.text()
    assert cost.text() == "Final render: 150 credits"
    qtbot.mouseClick(render.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: render.job is not None, timeout=20_000)

    token = token_of(window)
    assert farm_ledger(farm, token)[:3] == [("reserve", -150, 450), ("purchase", 500, 600), ("grant", 100, 100)]
    panel = window.farm_ui.panel
    qtbot.waitUntil(lambda: panel.ledger_model.rowCount() == 3, timeout=10_000)
    assert panel.ledger_model.data(panel.ledger_model.index(1, 1)) == "Bought"
    window.farm_ui.panel.cancel()  # the workers are shared with the other tests
    qtbot.waitUntil(lambda: window.farm.job(render.job.id).state == "canceled", timeout=WAIT)


def test_buy_credits_from_the_farm_menu_and_the_status_bar_link(
    qtbot: Any, farm_window: MainWindow, farm: LiveFarm, browser: Browser, settings: QSettings
) -> None:
    window = farm_window
    five_scenes(window)
    assert not window.farm_ui.buy_action.isEnabled()  # signed out: nowhere to buy
    sign_in(qtbot, window, farm, f"maker-{uuid.uuid4().hex[:8]}@example.com", create=True)
    assert window.farm_ui.buy_action.isEnabled()
    cost = window.farm_ui.cost_label
    qtbot.waitUntil(lambda: "buy credits" in cost.text(), timeout=10_000)
    cost.linkActivated.emit("buy")  # a click on the link
    shop = window.farm_ui.buy_dialog
    assert shop is not None and shop.balance.text().endswith("(150 credits).")
    shop.reject()

    window.farm_ui.buy_action.trigger()
    shop = window.farm_ui.buy_dialog
    qtbot.waitUntil(lambda: shop.buy_button.isEnabled(), timeout=10_000)
    shop.findChild(object, "pack-creator").click()
    qtbot.mouseClick(shop.buy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(browser.opened) == 1, timeout=10_000)
    shop.reject()  # closed before paying: the app keeps watching for the payment
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    browser.pay()
    qtbot.waitUntil(lambda: "1500 credits bought: you have 1600 now" in said, timeout=15_000)
    qtbot.waitUntil(lambda: cost.text() == "Final render: 150 credits", timeout=10_000)
    assert window.farm_ui.panel.balance.text() == "1600 credits"
