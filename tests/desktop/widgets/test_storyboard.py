"""The storyboard: drag-and-drop reorder through the model, scene actions from the keyboard, undo."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QStyle

from aistudio_desktop.project.store import ProjectStore
from aistudio_desktop.widgets.storyboard import SCENE_MIME, Role
from render_farm.film import dumps


def _order(window) -> list[str]:
    return window.document.scene_ids()


def test_drop_of_dragged_scenes_reorders_persists_and_undoes(qtbot, window, tmp_path) -> None:
    model = window.storyboard_model
    original = _order(window)
    # Drag scenes 2 and 5 (as the view would: mime data of the selected indexes) and drop before scene 1.
    data = model.mimeData([model.index(1), model.index(4)])
    assert data.hasFormat(SCENE_MIME)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    moved = ["the-map", "mountain-storm", "meadow-morning", "forest-path", "river-crossing", "home-again"]
    assert _order(window) == moved
    assert [model.index(r).data(Role.SceneId) for r in range(6)] == moved  # the cards follow
    assert [s.number for s in window.document.film.scenes] == [1, 2, 3, 4, 5, 6]
    assert window.storyboard.selected_scene_ids() == ["the-map", "mountain-storm"]

    project_id = window.document.project_id
    assert window.studio.writer.flush(10)
    assert [s.id for s in ProjectStore(tmp_path / "data").load(project_id).scenes] == moved

    window.document.undo_stack.undo()
    assert _order(window) == original
    assert window.studio.writer.flush(10)
    reopened = ProjectStore(tmp_path / "data").load(project_id)
    assert dumps(reopened) == dumps(window.document.film)
    window.document.undo_stack.redo()
    assert _order(window) == moved


def test_drop_on_a_card_and_at_the_end_and_moverows(window) -> None:
    model = window.storyboard_model
    data = model.mimeData([model.index(0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())  # empty space: to the end
    assert _order(window)[-1] == "meadow-morning"
    data = model.mimeData([model.index(5)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(2))  # onto card 3: before it
    assert _order(window)[2] == "meadow-morning"
    assert model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 6)
    assert _order(window)[-2:] == ["the-map", "forest-path"]
    assert window.document.undo_stack.count() == 3


def test_drop_that_changes_nothing_adds_no_undo_step(window) -> None:
    model = window.storyboard_model
    assert not model.dropMimeData(model.mimeData([model.index(2)]), Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert window.document.undo_stack.count() == 0


def test_view_drop_row_follows_the_pointer(window) -> None:
    view = window.storyboard
    first = view.visualRect(view.model().index(0))
    assert view.drop_row(first.center() - QPoint(40, 0)) == 0
    assert view.drop_row(first.center() + QPoint(40, 0)) == 1


def test_delete_selected_scenes_with_the_key_and_undo_restores_them_exactly(qtbot, window) -> None:
    before = dumps(window.document.film)
    view = window.storyboard
    view.select_scenes(["the-map", "river-crossing", "home-again"])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _order(window) == ["meadow-morning", "forest-path", "mountain-storm"]
    assert window.storyboard_model.rowCount() == 3
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dumps(window.document.film) == before
    assert view.selected_scene_ids() == ["the-map", "river-crossing", "home-again"]


def test_duplicate_add_split_merge_from_the_view(qtbot, window, film) -> None:
    view = window.storyboard
    view.select_scenes(["the-map"])
    view.duplicate()
    assert _order(window)[1:3] == ["the-map", "the-map-copy"]
    assert view.selected_scene_ids() == ["the-map-copy"]
    view.add_scene()
    assert _order(window)[3].startswith("scene")
    view.select_scenes(["forest-path"])
    view.split()
    assert len(_order(window)) == 9
    view.select_scenes(["forest-path", "forest-path-b"])
    view.merge()
    assert len(_order(window)) == 8
    while window.document.undo_stack.canUndo():
        window.document.undo_stack.undo()
    assert dumps(window.document.film) == dumps(film)


def _painted_outside(view, row: int) -> int:
    """Pixels the card delegate paints outside the card's own cell (the view repaints only the cell
    when the selection moves, so such pixels would stay on screen)."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    if view.selectionModel().isSelected(index):
        option.state |= QStyle.StateFlag.State_Selected
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    view.itemDelegate().paint(painter, option, index)
    painter.end()
    cell = option.rect
    return sum(
        1
        for y in range(max(0, cell.top() - 3), min(image.height(), cell.bottom() + 4))
        for x in range(max(0, cell.left() - 3), min(image.width(), cell.right() + 4))
        if not cell.contains(x, y) and image.pixelColor(x, y).alpha() > 0
    )


def test_a_card_leaves_no_part_of_its_selection_border_behind_when_another_is_chosen(qtbot, window) -> None:
    view = window.storyboard
    first, second = (view.visualRect(window.storyboard_model.index(row)) for row in (0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    assert view.selected_scene_ids() == ["meadow-morning"]
    assert _painted_outside(view, 0) == 0  # the selected card's border stays inside its cell
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=second.center())
    assert view.selected_scene_ids() == ["the-map"]
    assert _painted_outside(view, 1) == 0


def test_the_film_length_and_the_cards_explain_the_time_transitions_share(qtbot, window) -> None:
    film = window.document.film
    cards = sum(scene.duration for scene in film.scenes)  # 36 s of cards
    assert round(cards - film.duration, 6) == 1.4  # a crossfade of 0.6 s and a fade of 0.8 s
    summary = window.summary_label
    assert summary.text() == "6 scenes · 34.6 s (1.4 s shared by transitions)"
    assert "36 s of scenes, 1.4 s shared by transitions" in summary.toolTip()
    model = window.storyboard_model
    tip = model.index(model.row_of("forest-path")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Its first 0.6 s play under a crossfade from the scene before: the film counts them once" in tip
    assert "play under" not in model.index(model.row_of("the-map")).data(Qt.ItemDataRole.ToolTipRole)
