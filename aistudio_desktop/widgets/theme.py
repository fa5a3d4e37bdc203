"""Light and dark themes: a Fusion palette and a small stylesheet, applied to the whole app.

The palettes (``themes/light.json``, ``themes/dark.json``: a colour per palette role) and the
stylesheet (``themes/aistudio.qss``) are resources.
"""

from __future__ import annotations

import json
from enum import StrEnum
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from render_farm import resources


class Theme(StrEnum):
    system = "system"
    light = "light"
    dark = "dark"


def resolve(theme: Theme | str) -> str:
    """``light`` or ``dark``; ``system`` follows the OS colour scheme."""
    theme = Theme(theme)
    if theme is not Theme.system:
        return theme.value
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


@cache
def _colors(name: str) -> dict[QPalette.ColorRole, str]:
    roles = json.loads(resources.read_text(f"themes/{name}.json"))
    return {QPalette.ColorRole[role]: color for role, color in roles.items()}


def palette_for(name: str) -> QPalette:
    colors = _colors(name)
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colors[QPalette.ColorRole.PlaceholderText]))
    return palette


def apply_theme(app: QApplication, theme: Theme | str) -> str:
    """Apply ``theme`` to ``app``; returns the theme used (``light`` or ``dark``)."""
    name = resolve(theme)
    app.setStyle("Fusion")
    app.setPalette(palette_for(name))
    app.setStyleSheet(resources.read_text("themes/aistudio.qss"))
    return name
