"""The field for a scene's length in seconds, which does not quietly replace a length it refuses."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox


class DurationBox(QDoubleSpinBox):
    """A scene's length in seconds. Its minimum is what the scene's lines need; a shorter length typed
    in is not quietly replaced: ``refused(seconds)`` says what was typed, so the edit can say why not."""

    refused = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self._typed_short: float | None = None
        self.editingFinished.connect(self._finished)

    def fixup(self, text: str) -> str:
        number, ok = self.locale().toDouble(text.removesuffix(self.suffix()).strip())
        if ok and number < self.minimum():
            self._typed_short = number
        return super().fixup(text)

    def _finished(self) -> None:
        typed, self._typed_short = self._typed_short, None
        if typed is not None:
            self.refused.emit(typed)
