"""The scene inspector: edits reach the spec and the card, touch only that scene's thumbnail, undo with Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from aistudio_desktop.widgets.dialogue import TEXT
from aistudio_desktop.widgets.storyboard import Role
from render_farm.film import NARRATOR, dumps


def _keys(window) -> dict[str, str]:
    model = window.storyboard_model
    return {model.scene_id(r): model.index(r).data(Role.ThumbnailKey) for r in range(model.rowCount())}


def _settle(qtbot, window) -> None:
    """Let the view paint (which asks for thumbnails) and the workers finish."""
    window.storyboard.viewport().repaint()
    qtbot.waitUntil(lambda: window.studio.pictures.busy == 0, timeout=30_000)


def _row(window, scene_id: str) -> int:
    return window.storyboard_model.row_of(scene_id)


def test_typing_a_title_reaches_spec_and_card_and_undoes_with_ctrl_z(qtbot, window) -> None:
    _settle(qtbot, window)
    window.storyboard.select_scenes(["the-map"])
    inspector = window.inspector
    assert inspector.scene_id == "the-map"
    keys, requests = _keys(window), len(window.studio.pictures.requests)
    inspector.title.selectAll()
    qtbot.keyClicks(inspector.title, "A secret map")
    assert window.document.scene("the-map").title == "A secret map"
    assert window.storyboard_model.index(_row(window, "the-map")).data(Role.Title) == "A secret map"
    assert window.document.undo_stack.count() == 1  # the keystrokes merged into one step
    _settle(qtbot, window)
    assert _keys(window) == keys  # the title is not in the picture: nothing renders again
    assert len(window.studio.pictures.requests) == requests

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scene("the-map").title == "The old map"
    assert inspector.title.text() == "The old map"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.scene("the-map").title == "A secret map"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scene("the-map").title == "A secret map"


def test_ctrl_z_inside_the_title_field_undoes_the_document_not_the_field(qtbot, window) -> None:
    window.storyboard.select_scenes(["the-map"])
    field = window.inspector.title
    window.activateWindow()
    field.setFocus()
    qtbot.keyClicks(field, "!")
    assert window.document.scene("the-map").title == "The old map!"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scene("the-map").title == "The old map"
    assert field.text() == "The old map"
    assert window.document.undo_stack.count() == 1 and window.document.undo_stack.index() == 0


def test_changing_a_dialogue_line_rerenders_only_that_scene(qtbot, window) -> None:
    _settle(qtbot, window)
    window.storyboard.select_scenes(["forest-path"])
    inspector = window.inspector
    keys, requests = _keys(window), len(window.studio.pictures.requests)
    table = inspector.table
    index = inspector.dialogue.index(1, TEXT)
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    assert editor.text() == "Friends! Just friends."
    editor.setText("Friends, I promise!")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: window.document.scene("forest-path").dialogue[1].text == "Friends, I promise!")
    assert inspector.dialogue.index(1, TEXT).data() == "Friends, I promise!"

    after = _keys(window)
    assert {sid for sid in after if after[sid] != keys[sid]} == {"forest-path"}
    _settle(qtbot, window)
    new_requests = window.studio.pictures.requests[requests:]
    assert new_requests == [f"thumbnail:{after['forest-path']}"]

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scene("forest-path").dialogue[1].text == "Friends! Just friends."
    assert _keys(window) == keys


def test_changing_duration_reaches_spec_and_card_and_undoes(qtbot, window) -> None:
    _settle(qtbot, window)
    window.storyboard.select_scenes(["home-again"])
    spin = window.inspector.duration
    keys = _keys(window)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "9")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert window.document.scene("home-again").duration == 9.0
    assert window.storyboard_model.index(5).data(Role.Duration) == 9.0
    after = _keys(window)
    assert {sid for sid in after if after[sid] != keys[sid]} == {"home-again"}
    assert window.inspector.heading.text() == "Scene 6 of 6"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scene("home-again").duration == 6.0
    assert spin.value() == 6.0


def test_shortening_a_scene_without_lines_clamps_its_transition(qtbot, window) -> None:
    """Only a scene with no lines can be as short as a second (a scene is never shorter than its lines)."""
    window.storyboard.select_scenes(["mountain-storm"])
    inspector = window.inspector
    for _ in range(2):
        inspector.table.selectRow(0)
        qtbot.mouseClick(inspector.remove_line, Qt.MouseButton.LeftButton)
    assert window.document.scene("mountain-storm").dialogue == []
    assert inspector.duration.minimum() == 1.0
    inspector.duration.setValue(1.0)
    scene = window.document.scene("mountain-storm")
    assert scene.duration == 1.0 and scene.transition_in.duration == 0.5
    assert window.inspector.transition_length.value() == 0.5


def test_a_scene_cannot_be_made_shorter_than_its_lines_and_the_field_says_how_short_it_may_be(
    qtbot, window, voice
) -> None:
    window.storyboard.select_scenes(["river-crossing"])  # 5.5 s; its two lines need 4.7 s
    inspector = window.inspector
    spin = inspector.duration
    assert inspector.duration_hint.text() == "at least 4.7 s"
    assert "its 2 lines need that long" in spin.toolTip()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "3")
    with qtbot.waitSignal(inspector.message) as said:
        qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert "cannot be shorter than 4.7 s: its 2 lines need that long" in said.args[0]
    assert window.statusBar().currentMessage() == said.args[0]
    assert window.document.scene("river-crossing").duration == 5.5 and spin.value() == 5.5
    spin.setFocus()
    for _ in range(6):  # the arrow keys stop at the shortest length
        qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert window.document.scene("river-crossing").duration == spin.value() == 4.7
    model = window.storyboard_model
    assert model.index(model.row_of("river-crossing")).data(Role.LineCount) == 2

    from render_farm.engine.presets import preset
    from render_farm.engine.scene import SceneRenderer

    film = window.document.film
    layout = SceneRenderer(film, preset("preview"), voice).layout(model.row_of("river-crossing"))
    assert [line.text for line in layout.lines] == ["I cannot swim.", "Then we fly!"]
    assert all(line.end <= 4.7 for line in layout.lines)  # both lines are heard in the film


def test_a_scene_too_short_for_its_lines_says_so_and_lengthens_with_one_click(qtbot, window) -> None:
    window.storyboard.select_scenes(["meadow-morning"])  # written 6 s long; its three lines need 9.1 s
    inspector = window.inspector
    assert inspector.fit_button.isVisible()
    assert inspector.duration_hint.text() == "Too short: its 3 lines need 9.1 s"
    qtbot.mouseClick(inspector.fit_button, Qt.MouseButton.LeftButton)
    assert window.document.scene("meadow-morning").duration == 9.1
    assert not inspector.fit_button.isVisible() and inspector.duration_hint.text() == "at least 9.1 s"


def test_a_new_line_in_a_full_scene_lengthens_it_and_says_so(qtbot, window) -> None:
    window.storyboard.select_scenes(["home-again"])  # 6 s; its line needs 4.4 s
    inspector = window.inspector
    for _ in range(3):
        qtbot.mouseClick(inspector.add_line, Qt.MouseButton.LeftButton)
        editor = next(w for w in inspector.table.viewport().findChildren(QLineEdit) if w.isVisible())
        editor.selectAll()
        qtbot.keyClicks(editor, "And then, one fine morning, they all went home together.")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "fine morning" in window.document.scene("home-again").dialogue[-1].text)
    scene = window.document.scene("home-again")
    assert len(scene.dialogue) == 4 and scene.duration > 6.0
    assert window.statusBar().currentMessage() == f"Scene 6 is now {scene.duration:g} s long, so that its 4 lines fit"
    assert inspector.duration.value() == scene.duration


def test_combo_edits_and_cast_and_lines_buttons(qtbot, window) -> None:
    window.storyboard.select_scenes(["home-again"])
    inspector = window.inspector
    inspector.place.setCurrentIndex(inspector.place.findData("beach"))
    inspector.place.activated.emit(inspector.place.currentIndex())
    assert window.document.scene("home-again").setting.place.value == "beach"
    inspector.cast_checks["wren"].setChecked(True)
    assert window.document.scene("home-again").cast == ["pip", "wren"]
    inspector.add_line.click()
    inspector.table.closePersistentEditor(inspector.table.currentIndex())
    assert len(window.document.scene("home-again").dialogue) == 2
    assert window.document.scene("home-again").dialogue[1].speaker == "pip"
    inspector.table.selectRow(1)
    inspector.line_up.click()
    assert window.document.scene("home-again").dialogue[0].speaker == "pip"
    inspector.remove_line.click()
    assert [ln.speaker for ln in window.document.scene("home-again").dialogue] == [NARRATOR]
    inspector.beats.setPlainText("Pip comes home\nThe sun sets")
    assert window.document.scene("home-again").beats == ["Pip comes home", "The sun sets"]


def test_an_invalid_edit_is_refused_with_a_message_and_no_undo_step(qtbot, window) -> None:
    window.storyboard.select_scenes(["the-map"])
    before = dumps(window.document.film)
    with qtbot.waitSignal(window.inspector.message) as blocker:
        assert not window.inspector.dialogue.setData(window.inspector.dialogue.index(0, TEXT), "   ")
    assert "dialogue line needs some words" in blocker.args[0]
    assert dumps(window.document.film) == before
    assert window.document.undo_stack.count() == 0


def _wheel(qtbot, widget, steps: int = -1) -> None:
    """A turn of the mouse wheel over the middle of ``widget`` (negative: towards the user, scrolling down)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    middle = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        middle, QPointF(widget.mapToGlobal(middle.toPoint())), QPoint(), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)
    qtbot.wait(10)


def test_the_wheel_over_a_combo_box_scrolls_the_panel_until_the_combo_box_is_chosen(qtbot, window) -> None:
    window.resize(1360, 560)  # a short window: the inspector scrolls
    window.storyboard.select_scenes(["the-map"])
    inspector = window.inspector
    bar = inspector.scroller.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    for combo in (inspector.shot, inspector.place):
        before, value = bar.value(), combo.currentData()
        _wheel(qtbot, combo)
        assert bar.value() > before, "the panel scrolls"
        assert combo.currentData() == value and window.document.undo_stack.count() == 0, "and nothing changes"
    bar.setValue(0)
    inspector.place.setFocus()  # chosen with Tab or a click: now the wheel is the combo box's
    _wheel(qtbot, inspector.place)
    assert bar.value() == 0
    assert window.document.scene("the-map").setting.place.value == inspector.place.currentData() != "village"
    assert window.document.undo_stack.count() == 1
