"""Light and dark themes: a Fusion palette and a small stylesheet, applied to the whole app."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


class Theme(StrEnum):
    system = "system"
    light = "light"
    dark = "dark"


_COLORS: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        QPalette.ColorRole.Window: "#f3f1ee",
        QPalette.ColorRole.WindowText: "#23211f",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#ebe8e3",
        QPalette.ColorRole.Text: "#23211f",
        QPalette.ColorRole.PlaceholderText: "#8b857d",
        QPalette.ColorRole.Button: "#fbfaf8",
        QPalette.ColorRole.ButtonText: "#23211f",
        QPalette.ColorRole.Mid: "#d9d4cc",
        QPalette.ColorRole.Dark: "#b3ada4",
        QPalette.ColorRole.Highlight: "#e06a3b",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#fffdf8",
        QPalette.ColorRole.ToolTipText: "#23211f",
        QPalette.ColorRole.Link: "#c4532a",
    },
    "dark": {
        QPalette.ColorRole.Window: "#1f2125",
        QPalette.ColorRole.WindowText: "#e8e6e3",
        QPalette.ColorRole.Base: "#2a2d32",
        QPalette.ColorRole.AlternateBase: "#34383e",
        QPalette.ColorRole.Text: "#e8e6e3",
        QPalette.ColorRole.PlaceholderText: "#9a9690",
        QPalette.ColorRole.Button: "#2f3237",
        QPalette.ColorRole.ButtonText: "#e8e6e3",
        QPalette.ColorRole.Mid: "#43474e",
        QPalette.ColorRole.Dark: "#15171a",
        QPalette.ColorRole.Highlight: "#f08a5d",
        QPalette.ColorRole.HighlightedText: "#1f2125",
        QPalette.ColorRole.ToolTipBase: "#2f3237",
        QPalette.ColorRole.ToolTipText: "#e8e6e3",
        QPalette.ColorRole.Link: "#f3a37f",
    },
}

_STYLESHEET = """
QListView#storyboard { border: none; background: palette(window); padding: 10px 4px 4px 10px; }
QLabel#inspectorHeading { font-size: 15pt; font-weight: 600; padding: 2px 2px 4px 2px; }
QGroupBox {
    font-weight: 600; border: 1px solid palette(mid); border-radius: 8px; margin-top: 14px; padding: 10px 8px 8px 8px;
}
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QDockWidget::title { padding: 6px 8px; font-weight: 600; }
QStatusBar { border-top: 1px solid palette(mid); }
QStatusBar QLabel { padding: 0 8px; }
QToolBar { spacing: 4px; padding: 3px 6px; border-bottom: 1px solid palette(mid); }
QToolButton { padding: 4px 8px; border-radius: 5px; }
QToolButton:hover { background: palette(alternate-base); }
"""


def resolve(theme: Theme | str) -> str:
    """``light`` or ``dark``; ``system`` follows the OS colour scheme."""
    theme = Theme(theme)
    if theme is not Theme.system:
        return theme.value
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def palette_for(name: str) -> QPalette:
    palette = QPalette()
    for role, color in _COLORS[name].items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_COLORS[name][QPalette.ColorRole.PlaceholderText]))
    return palette


def apply_theme(app: QApplication, theme: Theme | str) -> str:
    """Apply ``theme`` to ``app``; returns the theme used (``light`` or ``dark``)."""
    name = resolve(theme)
    app.setStyle("Fusion")
    app.setPalette(palette_for(name))
    app.setStyleSheet(_STYLESHEET)
    return name
