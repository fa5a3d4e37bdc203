"""The farm's two dialogs: signing in (or creating an account) and confirming a final render's cost
(with what is missing, and a way to buy it, when the balance falls short)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aistudio_desktop.farm.client import Account, RenderJob
from aistudio_desktop.farm.renders import PreparedRender
from aistudio_desktop.farm.session import DEFAULT_URL, FarmSession
from aistudio_desktop.farm.tokens import NO_KEYRING, keyring_problem


def _note(text: str = "", name: str = "farmNote") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SignInDialog(QDialog):
    """Farm address, email and password; "Create an account" adds a name and signs up first."""

    def __init__(self, farm: FarmSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.farm = farm
        self.setWindowTitle("Sign in to a render farm")
        self.setMinimumWidth(460)
        self.url = QLineEdit(farm.url or DEFAULT_URL)
        self.email = QLineEdit(farm.account.email if farm.account else "")
        self.email.setPlaceholderText("you@example.com")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("12 characters or more")
        self.name = QLineEdit()
        self.name.setPlaceholderText("shown to your team")
        self.create_account = QCheckBox("Create an account on this farm")
        self.create_account.toggled.connect(self._mode)
        form = QFormLayout()
        form.addRow("&Farm", self.url)
        form.addRow("&Email", self.email)
        form.addRow("&Password", self.password)
        form.addRow("&Name", self.name)
        self.form = form
        problem = keyring_problem()
        self.needs_opt_in = bool(problem)  # without a keyring, nothing is kept unless the user says so
        self.keyring_note = _note(problem, "farmWarning")
        self.session_only = QCheckBox("Stay signed in only until AI Studio closes (nothing is saved)")
        self.keyring_note.setVisible(self.needs_opt_in)
        self.session_only.setVisible(self.needs_opt_in)
        self.error = _note("", "farmError")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_note("Render final films on a farm: your credits, your renders, wherever you sign in."))
        layout.addLayout(form)
        layout.addWidget(self.create_account)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.session_only)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        farm.signInFinished.connect(self._finished)
        self.session_only.toggled.connect(lambda _on: self._mode(self.create_account.isChecked()))
        self._mode(False)
        (self.password if self.email.text() else self.email).setFocus()

    def _mode(self, create: bool) -> None:
        self.form.setRowVisible(self.name, create)
        self.ok.setText("Create Account" if create else "Sign In")
        self.ok.setEnabled(not self.needs_opt_in or self.session_only.isChecked())
        self.adjustSize()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        email, password = self.email.text().strip(), self.password.text()
        if not email or not password:
            self.show_error("Enter your email and password.")
            return
        self.show_error("")
        self.ok.setEnabled(False)
        self.ok.setText("Creating…" if self.create_account.isChecked() else "Signing in…")
        self.farm.sign_in(
            self.url.text(),
            email,
            password,
            create=self.create_account.isChecked(),
            name=self.name.text().strip(),
            remember=not self.session_only.isChecked(),
        )

    def _finished(self, error: str) -> None:
        if not error:
            self.accept()
            return
        if error.startswith(NO_KEYRING[:30]) and not self.needs_opt_in:
            # The keyring looked usable but refused (locked, no secret service running): offer the choice.
            self.needs_opt_in = True
            self.keyring_note.setText(error)
            self.keyring_note.show()
            self.session_only.show()
            error = ""
        self.show_error(error)
        self._mode(self.create_account.isChecked())

    def done(self, result: int) -> None:
        self.farm.signInFinished.disconnect(self._finished)
        super().done(result)


class RenderDialog(QDialog):
    """Shows what a final render costs (the farm's estimate) and submits it when the user agrees.

    When the balance is short it says by how much, with a Buy Credits button
    (``buyCreditsRequested(shortfall)``); credits that arrive meanwhile enable Submit.
    """

    buyCreditsRequested = Signal(int)

    def __init__(self, farm: FarmSession, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.farm = farm
        self.title = title
        self.prepared_render: PreparedRender | None = None
        self.job: RenderJob | None = None
        self.setWindowTitle("Render on the farm")
        self.setMinimumWidth(440)
        self.heading = QLabel(f"<b>Final render of “{title}”</b>")
        self.cost = _note("Uploading the film and asking the farm for the cost…", "farmCost")
        self.shortfall = _note("", "farmWarning")
        self.shortfall.hide()
        self.buy_button = QPushButton("Buy Credits…")
        self.buy_button.setObjectName("buyCredits")
        self.buy_button.setToolTip("Choose a credit pack and pay for it in your browser")
        self.buy_button.hide()
        self.buy_button.clicked.connect(lambda: self.buyCreditsRequested.emit(self.missing()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.submit_button.setText("Submit Render")
        self.submit_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        short = QHBoxLayout()
        short.addWidget(self.shortfall, 1)
        short.addWidget(self.buy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.cost)
        layout.addLayout(short)
        layout.addWidget(self.buttons)
        farm.renders.prepared.connect(self._prepared)
        farm.renders.submitFinished.connect(self._submitted)
        farm.accountChanged.connect(self._account_changed)

    def missing(self) -> int:
        """Credits the render needs beyond the balance (0 when it is covered)."""
        return self.prepared_render.estimate.shortfall if self.prepared_render else 0

    def _prepared(self, prepared: object) -> None:
        if isinstance(prepared, str):
            self.cost.setText(prepared)
            return
        assert isinstance(prepared, PreparedRender)
        self.prepared_render = prepared
        self._show_cost()

    def _account_changed(self, account: object) -> None:
        """Credits bought (or spent elsewhere) while the dialog is open: the estimate follows the balance."""
        prepared = self.prepared_render
        if prepared is None or not isinstance(account, Account):
            return
        balance = account.credits
        estimate = replace(prepared.estimate, balance=balance, shortfall=max(0, prepared.estimate.total - balance))
        if estimate != prepared.estimate:
            self.prepared_render = replace(prepared, estimate=estimate)
            self._show_cost()

    def _show_cost(self) -> None:
        assert self.prepared_render is not None
        cost = self.prepared_render.estimate
        self.cost.setText(
            f"{cost.scenes} scene{'s' if cost.scenes != 1 else ''} × {cost.scene_credits} credits + "
            f"{cost.final_video_credits} for the final video = <b>{cost.total} credits</b><br>"
            f"Your balance: {cost.balance} credits"
            + (f" → {cost.balance - cost.total} after this render" if not cost.shortfall else "")
        )
        self.cost.setTextFormat(Qt.TextFormat.RichText)
        self.show_shortfall(cost.shortfall)
        self.submit_button.setEnabled(not cost.shortfall)

    def show_shortfall(self, shortfall: int, text: str = "") -> None:
        if shortfall:
            more = f"{shortfall} more credit{'s' if shortfall != 1 else ''}"
            text = text or f"You need {more} to submit this render: buy credits, then submit."
        self.shortfall.setText(text)
        self.shortfall.setVisible(bool(text))
        self.buy_button.setVisible(shortfall > 0)
        self.buy_button.setDefault(shortfall > 0)

    def submit(self) -> None:
        if self.prepared_render is not None and not self.missing():
            self.submit_button.setText("Submitting…")
            self.submit_button.setEnabled(False)  # one attempt at a time; a retry reuses its key
            self.farm.renders.submit(self.prepared_render)

    def _submitted(self, job: object, text: str, shortfall: int) -> None:
        if isinstance(job, RenderJob):
            self.job = job
            self.accept()
            return
        self.submit_button.setText("Submit Render")
        self.submit_button.setEnabled(not shortfall)
        prepared = self.prepared_render
        if shortfall and prepared is not None:  # the farm knows better: someone spent credits meanwhile
            total = prepared.estimate.total
            estimate = replace(prepared.estimate, shortfall=shortfall, balance=max(0, total - shortfall))
            self.prepared_render = replace(prepared, estimate=estimate)
        self.show_shortfall(shortfall, text)

    def done(self, result: int) -> None:
        self.farm.renders.prepared.disconnect(self._prepared)
        self.farm.renders.submitFinished.disconnect(self._submitted)
        self.farm.accountChanged.disconnect(self._account_changed)
        super().done(result)
