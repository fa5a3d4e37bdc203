"""The new-film flow: prompt, style, length and language become a saved project; stopping leaves nothing."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette

from aistudio_desktop.project.store import ProjectStore
from aistudio_desktop.widgets.new_project import NewProjectDialog
from aistudio_desktop.widgets.storyboard import Role
from render_farm.ai.offline.designer import OfflineDesigner
from render_farm.ai.offline.story import OfflineStoryWriter
from render_farm.ai.protocols import BreakdownRequest, ProviderError, Providers
from render_farm.film import Film, Style


class GatedWriter:
    """The built-in writer, held at a gate so a test can act while the breakdown is running."""

    name = "gated"

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.gate = threading.Event()

    def breakdown(self, request: BreakdownRequest) -> Film:
        self.entered.set()
        self.gate.wait(20)
        return OfflineStoryWriter().breakdown(request)


class RefusingWriter:
    name = "refusing"

    def breakdown(self, request: BreakdownRequest) -> Film:
        raise ProviderError("the story server answered 503: try again in a minute")


def _providers(writer: object, voice: object) -> Providers:
    return Providers(writer=writer, designer=OfflineDesigner(), voice=voice)  # type: ignore[arg-type]


def test_new_film_flow_makes_saves_and_opens_the_project(qtbot, window, tmp_path) -> None:
    before = {p.id for p in window.studio.store.projects()}
    window.new_film_action.trigger()
    dialog = window.new_film_dialog
    assert isinstance(dialog, NewProjectDialog) and dialog.isVisible()
    assert not dialog.create_button.isEnabled()  # nothing to make yet
    qtbot.keyClicks(dialog.prompt, "a shy robot learns to dance at the harvest festival")
    qtbot.mouseClick(dialog.styles.buttons[Style.comic], Qt.MouseButton.LeftButton)
    dialog.length.setValue(30)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    with qtbot.waitSignal(dialog.created, timeout=30_000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    film = window.document.film
    assert window.document.project_id not in before
    assert film.style is Style.comic and film.language == "es"
    assert 20 <= film.duration <= 45
    assert film.cast and all(member.design is not None for member in film.cast)
    assert window.storyboard_model.rowCount() == len(film.scenes)
    assert window.windowTitle().startswith(film.title)
    saved = ProjectStore(tmp_path / "data").load(window.document.project_id)
    assert saved == film
    window.document.undo_stack.undo()  # a fresh history: nothing of the old project to undo
    assert window.document.film == film


def test_stopping_the_flow_leaves_no_project_behind(qtbot, studio, voice) -> None:
    writer = GatedWriter()
    before = [p.id for p in studio.store.projects()]
    dialog = NewProjectDialog(studio.store, studio.pictures, lambda: _providers(writer, voice))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.prompt.setPlainText("two rival bakers must share one oven")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert writer.entered.wait(10)
    qtbot.waitUntil(lambda: "Writing the story" in dialog.status.text())
    assert dialog.progress.isVisible() and not dialog.prompt.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    writer.gate.set()
    qtbot.waitUntil(lambda: "Nothing was saved" in dialog.status.text(), timeout=20_000)
    assert [p.id for p in studio.store.projects()] == before
    projects_dir = studio.store.data_dir / "projects"
    assert not projects_dir.exists() or not any(projects_dir.iterdir())
    assert dialog.isVisible() and dialog.prompt.isEnabled()  # the prompt is still there to try again
    assert dialog.prompt.toPlainText() == "two rival bakers must share one oven"


def test_a_provider_error_is_shown_and_nothing_is_saved(qtbot, studio, voice) -> None:
    dialog = NewProjectDialog(studio.store, studio.pictures, lambda: _providers(RefusingWriter(), voice))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.prompt.setPlainText("a dragon who is afraid of the dark")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "503" in dialog.status.text(), timeout=20_000)
    assert "Could not make the film" in dialog.status.text()
    assert studio.store.projects() == []
    assert dialog.create_button.isEnabled()


def test_each_style_has_its_own_swatch_drawn_once(qtbot, studio) -> None:
    dialog = NewProjectDialog(studio.store, studio.pictures, studio.providers)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: all(dialog.styles.has_swatch(s) for s in Style), timeout=30_000)
    images = [dialog.styles.buttons[s].icon().pixmap(160, 90).toImage() for s in Style]
    assert len({bytes(img.constBits()) for img in images}) == len(images)  # four different looks
    made = len(studio.pictures.requests)
    again = NewProjectDialog(studio.store, studio.pictures, studio.providers)
    qtbot.addWidget(again)
    assert all(again.styles.has_swatch(s) for s in Style)  # from the cache, at once
    assert len(studio.pictures.requests) == made


def _border_colour(button) -> QColor:
    """The colour of a swatch button's left edge, half way down."""
    image = button.grab().toImage()
    return image.pixelColor(1, image.height() // 2)


def _close(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40


def test_the_chosen_style_looks_chosen_is_announced_and_comes_out_in_the_film(qtbot, window) -> None:
    window.new_film_action.trigger()
    dialog = window.new_film_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.prompt.setFocus()
    qtbot.keyClicks(dialog.prompt, "a lighthouse keeper befriends a seal")
    qtbot.keyClick(dialog.prompt, Qt.Key.Key_Tab)  # on to the styles, from the keyboard alone
    buttons = dialog.styles.buttons
    assert buttons[Style.storybook].hasFocus()
    qtbot.keyClick(buttons[Style.storybook], Qt.Key.Key_Right)
    qtbot.keyClick(buttons[Style.anime], Qt.Key.Key_Right)
    assert buttons[Style.comic].hasFocus() and dialog.styles.chosen() is Style.comic

    accent = dialog.palette().color(QPalette.ColorRole.Highlight)
    for style, button in buttons.items():
        chosen = style is Style.comic
        assert _close(_border_colour(button), accent) == chosen, style
        assert button.text() == ("✓ Comic" if chosen else style.value.capitalize())
        spoken = QAccessible.queryAccessibleInterface(button)
        assert spoken.text(QAccessible.Text.Name) == f"{style.value.capitalize()} style"
        assert bool(spoken.state().checked) == chosen

    qtbot.mouseClick(buttons[Style.pastel], Qt.MouseButton.LeftButton)  # a click chooses as well
    assert _close(_border_colour(buttons[Style.pastel]), accent)
    assert not _close(_border_colour(buttons[Style.comic]), accent) and buttons[Style.comic].text() == "Comic"
    buttons[Style.pastel].setFocus()
    qtbot.keyClick(buttons[Style.pastel], Qt.Key.Key_Left)
    assert dialog.styles.chosen() is Style.comic

    with qtbot.waitSignal(dialog.created, timeout=30_000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    film = window.document.film
    assert film.style is Style.comic
    assert window.studio.store.load(window.document.project_id).style is Style.comic
    # and the pictures are drawn in it: the first scene differs from the same scene in another style
    pictures = window.studio.pictures
    in_comic = pictures.thumbnail_key(film, 0)
    storybook = film.model_copy(update={"style": Style.storybook})
    in_storybook = pictures.thumbnail_key(storybook, 0)
    pictures.thumbnail(film, 0, in_comic)
    pictures.thumbnail(storybook, 0, in_storybook)
    qtbot.waitUntil(
        lambda: (
            pictures.cached("thumbnail", in_comic) is not None
            and pictures.cached("thumbnail", in_storybook) is not None
        ),
        timeout=30_000,
    )
    assert pictures.cached("thumbnail", in_comic) != pictures.cached("thumbnail", in_storybook)
    assert window.storyboard_model.index(0).data(Role.ThumbnailKey) == in_comic


def test_new_film_says_what_the_final_render_will_cost_as_the_length_changes(qtbot, window) -> None:
    window.new_film_action.trigger()
    dialog = window.new_film_dialog
    assert dialog.cost.isVisible()
    assert dialog.cost.text() == "A 60 s film of 5 scenes costs 150 credits on the farm"
    dialog.length.setFocus()
    qtbot.keyClick(dialog.length, Qt.Key.Key_Down)  # 15 s shorter
    qtbot.keyClick(dialog.length, Qt.Key.Key_Down)
    assert dialog.cost.text() == "A 30 s film of 3 scenes costs 110 credits on the farm"
    dialog.length.setValue(150)
    assert dialog.cost.text() == "A 150 s film of 11 scenes costs 270 credits on the farm"


def test_the_status_bar_says_what_the_final_render_costs_while_the_film_is_edited(qtbot, window) -> None:
    cost = window.farm_ui.cost_label
    assert cost.isVisible() and cost.text() == "Final render: 170 credits"  # six scenes
    assert "6 scenes × 20 credits + 50 for the final video" in cost.toolTip()
    window.storyboard.select_scenes(["home-again"])
    qtbot.mouseClick(window.toolbar.widgetForAction(window.storyboard.add_action), Qt.MouseButton.LeftButton)
    assert cost.text() == "Final render: 190 credits"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cost.text() == "Final render: 170 credits"
