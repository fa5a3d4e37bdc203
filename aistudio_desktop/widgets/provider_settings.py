"""File > AI Providers: which AI providers the app uses, built-in (offline) or an OpenAI-compatible
service, per job.

The choices are read and saved by :mod:`aistudio_desktop.settings`; the service's API key never
goes there: the dialog hands it to the OS keyring (``render_farm.ai.keys``), or it stays in an
environment variable.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aistudio_desktop.settings import (
    SERVICE_FIELDS,
    ProviderSettingsError,
    load_provider_settings,
    save_provider_settings,
)
from render_farm.ai.keys import KeyStoreError, delete_api_key, get_api_key, set_api_key
from render_farm.ai.registry import KEY_SERVICE, ProviderSettings

JOBS = (("writer", "Story writer"), ("designer", "Character designer"), ("voice", "Voices"))
CHOICES = (("builtin", "Built-in (offline)"), ("http", "OpenAI-compatible service"))


def key_status(env_var: str) -> str:
    """Where the service's key comes from, in words (never the key itself)."""
    if os.environ.get(env_var, "").strip():
        return f"The key comes from the environment variable {env_var}."
    try:
        stored = get_api_key(KEY_SERVICE, env_var=env_var)
    except KeyStoreError as error:
        message = str(error)
        return message[:1].upper() + message[1:]
    return "A key is stored in the OS keyring." if stored else "No key stored (fine for a local server)."


class ProviderSettingsDialog(QDialog):
    """Settings > AI Providers: a choice per job, the service's address and models, its key."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("AI Providers")
        self.settings = settings
        current = load_provider_settings(settings)
        self.env_var = current.api_key_env
        intro = QLabel(
            "The built-in providers work offline with no key. Any OpenAI-compatible service (a hosted "
            "one, or Ollama, llama.cpp or vLLM on your machine) can take over any job."
        )
        intro.setWordWrap(True)
        jobs = QGroupBox("Who does each job")
        jobs_form = QFormLayout(jobs)
        self.choices: dict[str, QComboBox] = {}
        for name, label in JOBS:
            box = QComboBox()
            for value, text in CHOICES:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(getattr(current, name))))
            box.currentIndexChanged.connect(self._update_enabled)
            self.choices[name] = box
            jobs_form.addRow(label, box)
        self.service = QGroupBox("OpenAI-compatible service")
        service_layout = QVBoxLayout(self.service)
        service_form = QFormLayout()
        service_layout.addLayout(service_form)
        self.fields: dict[str, QLineEdit] = {}
        for name, label in SERVICE_FIELDS:
            edit = QLineEdit(getattr(current, name))
            self.fields[name] = edit
            service_form.addRow(label, edit)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText("goes to the OS keyring")
        self.remove_key = QPushButton("Remove Stored Key")
        self.remove_key.clicked.connect(self._remove_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.remove_key)
        service_form.addRow("API key", key_row)
        self.key_note = QLabel(key_status(self.env_var))
        self.key_note.setWordWrap(True)
        service_layout.addWidget(self.key_note)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, jobs, self.service, self.error, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)
        self._update_enabled()

    def chosen(self) -> ProviderSettings:
        values: dict[str, str] = {name: box.currentData() for name, box in self.choices.items()}
        values.update({name: edit.text().strip() for name, edit in self.fields.items()})
        values["api_key_env"] = self.env_var
        return ProviderSettings.model_validate(values)

    def accept(self) -> None:
        try:
            save_provider_settings(self.chosen(), self.settings)
            if self.key.text().strip():
                set_api_key(KEY_SERVICE, self.key.text(), env_var=self.env_var)
        except (ProviderSettingsError, KeyStoreError, ValueError) as error:
            self._show_error(str(error))
            return
        self.key.clear()
        super().accept()

    def _remove_key(self) -> None:
        try:
            removed = delete_api_key(KEY_SERVICE, env_var=self.env_var)
        except KeyStoreError as error:
            self._show_error(str(error))
            return
        self.key_note.setText("The stored key was removed." if removed else "No key was stored.")

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _update_enabled(self) -> None:
        self.service.setEnabled(any(box.currentData() == "http" for box in self.choices.values()))
