"""The mouse wheel over a form scrolls the form, unless the field under the pointer has keyboard focus.

Qt turns a combo box, spin box or slider with every wheel step that passes over it, which takes the
step meant for the scrolling panel (and may change a scene by accident). Most desktop apps let the
panel scroll and the field change only once it has been chosen, by a click or the Tab key.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QSlider, QWidget


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


class WheelGuard(QObject):
    """Hands wheel events over a field without focus to the scroll area the field is in."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = _scroll_area(watched)
        if area is None or not isinstance(event, QWheelEvent):
            event.ignore()  # ignored and filtered: Qt hands it on to the parents
            return True
        viewport = area.viewport()
        where = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
        moved = QWheelEvent(
            where, event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
            event.modifiers(), event.phase(), event.inverted(), event.source(),
        )  # fmt: skip
        QApplication.sendEvent(viewport, moved)
        return True


def guard_wheel(form: QWidget) -> WheelGuard:
    """Guard every combo box, spin box and slider in ``form`` (those there now)."""
    guard = WheelGuard(form)
    fields: list[QWidget] = [*form.findChildren(QComboBox), *form.findChildren(QAbstractSpinBox)]
    fields += form.findChildren(QSlider)
    for field in fields:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel step does not choose the field either
        field.installEventFilter(guard)
    return guard
