"""Credits on the farm, for the :class:`~aistudio_desktop.farm.session.FarmSession`: the price list
(what a final render will cost, said while the film is made), the credit packs, and buying one.

Buying is the farm's checkout: the farm names a payment page, the user pays there in the browser
(with the farm's test payment provider in development: no money moves), the provider tells the
farm by a signed webhook, and the farm writes a ``purchase`` to the ledger. The app watches the
ledger every couple of seconds until that purchase is there, then shows the new balance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from aistudio_desktop.farm.client import FarmRefused, describe
from aistudio_desktop.farm.records import Checkout, CreditPack, FarmState, LedgerEntry, Prices

if TYPE_CHECKING:
    from aistudio_desktop.farm.session import FarmSession

NO_SALES = "This farm sells no credits: ask whoever runs it to set up payments (PAYMENT_PROVIDER)."


class FarmCredits(QObject):
    pricesChanged = Signal(object)  # Prices
    packsLoaded = Signal(object)  # list[CreditPack], or a str saying why not
    checkoutOpened = Signal(object)  # Checkout, or a str saying why not
    purchased = Signal(object)  # LedgerEntry of the purchase

    watch_ms = 2000  # how often the ledger is read while a payment is awaited
    watch_limit_ms = 30 * 60 * 1000  # after that the app stops waiting (the page says what to do)

    def __init__(self, session: FarmSession) -> None:
        super().__init__(session)
        self.session = session
        self.prices = Prices()
        self.waiting: Checkout | None = None
        self._checking = False
        self._watch = QTimer(self)
        self._watch.setInterval(self.watch_ms)
        self._watch.timeout.connect(self._check_payment)
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.timeout.connect(self.stop_waiting)

    # -- prices ---------------------------------------------------------------------------------

    def load_prices(self) -> None:
        """Ask the farm for its prices (the published ones stand until it answers)."""
        client = self.session.client
        if client is None:
            return

        def done(prices: Prices) -> None:
            if prices != self.prices:
                self.prices = prices
                self.pricesChanged.emit(prices)

        self.session.run(client.prices, done, lambda _error: None)  # the published prices stand meanwhile

    # -- packs and checkout ---------------------------------------------------------------------

    def load_packs(self) -> None:
        client = self.session.client
        if client is None:
            self.packsLoaded.emit("Sign in to a farm first (Farm > Sign In).")
            return

        def done(answer: tuple[Prices, list[CreditPack]]) -> None:
            prices, packs = answer
            if prices != self.prices:
                self.prices = prices
                self.pricesChanged.emit(prices)
            self.packsLoaded.emit(packs if prices.sells_credits else NO_SALES)

        self.session.run(lambda: (client.prices(), client.packs()), done, lambda e: self.packsLoaded.emit(describe(e)))

    def buy(self, pack: CreditPack) -> None:
        """Start a checkout for ``pack``; ``checkoutOpened`` gives its payment page, then the payment is awaited."""
        client = self.session.client
        if client is None or self.session.state is not FarmState.online:
            self.checkoutOpened.emit("Sign in to a farm first (Farm > Sign In).")
            return

        def done(checkout: Checkout) -> None:
            self.waiting = checkout
            self._watch.start()
            self._give_up.start(self.watch_limit_ms)
            self.checkoutOpened.emit(checkout)

        def failed(error: BaseException) -> None:
            if isinstance(error, FarmRefused) and error.status == 409:
                self.checkoutOpened.emit(NO_SALES)
                return
            self.session.report(error)
            self.checkoutOpened.emit(describe(error))

        self.session.run(lambda: client.checkout(pack.id), done, failed)

    def stop_waiting(self) -> None:
        self.waiting = None
        self._watch.stop()
        self._give_up.stop()

    def check_now(self) -> None:
        """Look for the payment at once (the user says they have paid)."""
        self._check_payment()

    def _check_payment(self) -> None:
        client, checkout = self.session.client, self.waiting
        if client is None or checkout is None or self._checking:
            return
        self._checking = True

        def done(entry: LedgerEntry | None) -> None:
            self._checking = False
            if entry is None or self.waiting is not checkout:
                return
            self.stop_waiting()
            self.session.reload_money()
            self.session.message.emit(f"{entry.delta} credits bought: you have {entry.balance_after} now")
            self.purchased.emit(entry)

        def failed(_error: BaseException) -> None:
            self._checking = False  # the next tick tries again; the farm may be back by then

        self.session.run(lambda: client.purchase_since(checkout), done, failed)
