"""Farm > Buy Credits: the farm's credit packs, paid for on the farm's payment page in the browser.

The dialog lists the packs (the smallest that covers what the user is short of comes chosen),
opens the payment page of the chosen one in the browser, and waits, saying so, until the farm's
ledger has the purchase; then it shows the new balance. With the farm's test payment provider it
says that no money moves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from aistudio_desktop.farm.records import Checkout, CreditPack, LedgerEntry
from aistudio_desktop.farm.session import FarmSession


def open_in_browser(url: str) -> bool:
    """Open ``url`` in the user's browser; False where none could be opened."""
    return QDesktopServices.openUrl(QUrl(url))


def credits_phrase(count: int) -> str:
    return f"{count} credit{'s' if count != 1 else ''}"


def _label(text: str = "", name: str = "farmNote") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setOpenExternalLinks(True)
    return label


class BuyCreditsDialog(QDialog):
    """Choose a pack, pay in the browser, see the credits arrive. ``need`` is how many credits the user is
    short of for ``what`` (``the final render of “The Kite” (150 credits)``), or 0."""

    def __init__(self, farm: FarmSession, need: int = 0, what: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.farm = farm
        self.need = need
        self.what = what
        self.packs: list[CreditPack] = []
        self.checkout: Checkout | None = None
        self.bought: LedgerEntry | None = None
        self.setObjectName("buyCreditsDialog")
        self.setWindowTitle("Buy credits")
        self.setMinimumWidth(500)
        self.heading = QLabel(f"<b>Buy credits on {farm.url.split('://', 1)[-1]}</b>")
        self.balance = _label()
        self.pack_box = QWidget()
        self.pack_layout = QVBoxLayout(self.pack_box)
        self.pack_layout.setContentsMargins(8, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.test_note = _label("", "farmNote")
        self.test_note.hide()
        self.status = _label("Asking the farm for its credit packs…", "farmStatus")
        self.waiting_bar = QProgressBar()
        self.waiting_bar.setRange(0, 0)
        self.waiting_bar.setTextVisible(False)
        self.waiting_bar.setMaximumHeight(8)
        self.waiting_bar.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buy_button = QPushButton("Buy in Browser…")
        self.buy_button.setDefault(True)
        self.buy_button.setEnabled(False)
        self.buttons.addButton(self.buy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.reopen_button = QPushButton("Open Payment Page Again")
        self.paid_button = QPushButton("I Have Paid")
        self.paid_button.setToolTip("Look for the payment now (the app also looks every few seconds)")
        for button in (self.reopen_button, self.paid_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.hide()
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buy_button.clicked.connect(self._buy_or_close)
        self.reopen_button.clicked.connect(self._open_page)
        self.paid_button.clicked.connect(farm.credits.check_now)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.balance)
        layout.addWidget(self.pack_box)
        layout.addWidget(self.test_note)
        layout.addWidget(self.status)
        layout.addWidget(self.waiting_bar)
        layout.addWidget(self.buttons)
        farm.credits.packsLoaded.connect(self._packs)
        farm.credits.checkoutOpened.connect(self._opened)
        farm.credits.purchased.connect(self._purchased)
        farm.accountChanged.connect(self._account_changed)
        self._show_balance()
        farm.credits.load_packs()

    # -- what it shows --------------------------------------------------------------------------

    def _account_changed(self, _account: object) -> None:
        self._show_balance()

    def _show_balance(self) -> None:
        account = self.farm.account
        have = f"You have {credits_phrase(account.credits)}." if account else ""
        if self.need > 0 and self.bought is None:
            have += f" You need {self.need} more" + (f" for {self.what}." if self.what else ".")
        self.balance.setText(have)
        self._fit()

    def _fit(self) -> None:
        """The dialog as tall as its wrapped lines need (they change as it goes)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.adjustSize()

    def _packs(self, packs: object) -> None:
        if isinstance(packs, str):
            self.status.setText(packs)
            return
        assert isinstance(packs, list)
        self.packs = packs
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()
        enough = next((pack for pack in packs if pack.credits >= self.need), packs[-1] if packs else None)
        for pack in packs:
            button = QRadioButton(f"{pack.name}: {credits_phrase(pack.credits)} for {pack.price}")
            button.setObjectName(f"pack-{pack.id}")
            button.setChecked(pack is enough)
            self.group.addButton(button)
            self.pack_layout.addWidget(button)
        prices = self.farm.credits.prices
        self.test_note.setText(
            "This farm takes payments with its test provider: its payment page grants the credits, no money moves."
        )
        self.test_note.setVisible(prices.test_payments)
        self.status.setText("Choose a pack: its payment page opens in your browser.")
        self.buy_button.setEnabled(bool(packs))
        self._fit()

    def chosen(self) -> CreditPack | None:
        for button, pack in zip(self.group.buttons(), self.packs, strict=False):
            if button.isChecked():
                return pack
        return None

    # -- what the user does ---------------------------------------------------------------------

    def _buy_or_close(self) -> None:
        if self.bought is not None:
            self.accept()
            return
        pack = self.chosen()
        if pack is None:
            return
        self.buy_button.setEnabled(False)
        self.status.setText(f"Starting the payment of {pack.name}…")
        self.farm.credits.buy(pack)

    def _opened(self, checkout: object) -> None:
        if isinstance(checkout, str):
            self.status.setText(checkout)
            self.buy_button.setEnabled(bool(self.packs))
            return
        assert isinstance(checkout, Checkout)
        self.checkout = checkout
        self.pack_box.setEnabled(False)
        self.buy_button.hide()
        for widget in (self.reopen_button, self.paid_button, self.waiting_bar):
            widget.show()
        self._open_page()
        self._fit()

    def _open_page(self) -> None:
        checkout = self.checkout
        if checkout is None:
            return
        pack = f"{checkout.pack.name} ({credits_phrase(checkout.pack.credits)})"
        if open_in_browser(checkout.url):
            self.status.setText(
                f"Pay for {pack} on the page that opened in your browser. "
                "Waiting for the payment; the credits show here when the farm has them."
            )
        else:
            self.status.setText(
                f'No browser could be opened. Open <a href="{checkout.url}">the payment page</a> to pay for {pack}; '
                "the credits show here when the farm has them."
            )

    def _purchased(self, entry: object) -> None:
        assert isinstance(entry, LedgerEntry)
        self.bought = entry
        for widget in (self.reopen_button, self.paid_button, self.waiting_bar):
            widget.hide()
        self.cancel_button.hide()
        self.status.setText(
            f"Thank you: {credits_phrase(entry.delta)} were added. You have {credits_phrase(entry.balance_after)} now."
        )
        self.buy_button.setText("Done")
        self.buy_button.setEnabled(True)
        self.buy_button.show()
        self._show_balance()

    def done(self, result: int) -> None:
        # closed while a payment is awaited, the app goes on watching for it (the status bar tells)
        credits = self.farm.credits
        credits.packsLoaded.disconnect(self._packs)
        credits.checkoutOpened.disconnect(self._opened)
        credits.purchased.disconnect(self._purchased)
        super().done(result)
