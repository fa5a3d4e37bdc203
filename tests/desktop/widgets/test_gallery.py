"""The character gallery: cards with art, new looks, edits of words and voices, add and remove, samples."""

from __future__ import annotations

import wave

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage

from aistudio_desktop.project.store import ProjectStore
from aistudio_desktop.widgets.gallery import CARD, CastRole, card_parts
from render_farm.film import NARRATOR


def _loudness(path: str) -> float:
    """The root-mean-square level of a 16-bit WAV file."""
    with wave.open(path) as sound:
        assert sound.getsampwidth() == 2
        samples = np.frombuffer(sound.readframes(sound.getnframes()), dtype=np.int16).astype(np.float64)
    return float(np.sqrt(np.mean(samples**2)))


def _gallery(window):
    window.gallery_dock.raise_()
    return window.gallery


def test_a_card_per_character_with_art_in_the_films_style(qtbot, window) -> None:
    gallery = _gallery(window)
    model = gallery.model
    assert [model.index(r).data(CastRole.Name) for r in range(model.rowCount())] == ["Pip", "Bolt", "Wren"]
    assert model.index(1).data(CastRole.Part) == "friend"
    for row in range(model.rowCount()):
        model.index(row).data(CastRole.Figure)
    drawn = lambda: all(isinstance(model.index(r).data(CastRole.Figure), QImage) for r in range(3))  # noqa: E731
    qtbot.waitUntil(drawn, timeout=20_000)
    pip, bolt = (model.index(r).data(CastRole.Figure) for r in (0, 1))
    assert pip.height() > pip.width() > 20  # a standing figure, cropped to what is drawn
    assert pip != bolt
    assert gallery.cards.visualRect(model.index(0)).height() > 150


def test_new_look_changes_the_design_everywhere_and_undoes(qtbot, window) -> None:
    gallery = _gallery(window)
    gallery.select_member("wren")
    before = window.document.film
    keys = {sid: window.storyboard_model.thumbnail_key(sid) for sid in window.document.scene_ids()}
    qtbot.mouseClick(gallery.look_button, Qt.MouseButton.LeftButton)
    after = window.document.film
    assert after.member("wren").design != before.member("wren").design
    assert after.member("wren").design.seed == before.member("wren").design.seed + 1
    assert after.member("pip") == before.member("pip")
    changed = {sid for sid in keys if window.storyboard_model.thumbnail_key(sid) != keys[sid]}
    assert changed == {"forest-path", "river-crossing", "mountain-storm"}  # Wren's scenes, and only those
    window.document.undo_stack.undo()
    assert window.document.film == before


def _figure(qtbot, gallery, member_id: str) -> QImage:
    """The card's figure of ``member_id`` once drawn."""
    index = gallery.model.index(gallery.model.row_of(member_id))
    qtbot.waitUntil(lambda: isinstance(index.data(CastRole.Figure), QImage), timeout=20_000)
    return index.data(CastRole.Figure)


def _colour_shares(image: QImage) -> np.ndarray:
    """How a figure's drawn pixels share out among 64 colours (each channel in four steps)."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    pixels = rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)
    drawn = pixels[pixels[..., 3] > 128][:, :3] // 64
    counts = np.bincount(drawn[:, 0] * 16 + drawn[:, 1] * 4 + drawn[:, 2], minlength=64).astype(float)
    return counts / counts.sum()


def _clearly_different(a: QImage, b: QImage) -> bool:
    """Two figures a viewer tells apart at a glance: at least a quarter of their colour changes (two different
    characters of the film differ by 0.8 or more; a character drawn a little taller, by almost nothing)."""
    return float(np.abs(_colour_shares(a) - _colour_shares(b)).sum() / 2) > 0.25


def _purple_yeti(window) -> None:
    from aistudio_desktop.project import commands
    from render_farm.film import Kind

    window.document.push(commands.EditCastMemberCommand(window.document, "wren", kind=Kind.monster))
    window.document.push(commands.EditCastMemberCommand(window.document, "wren", description="a big purple yeti"))
    window.document.push(commands.RegenerateLookCommand(window.document, "wren"))


def test_each_press_of_new_look_gives_a_new_seed_and_redraws_the_card(qtbot, window) -> None:
    gallery = _gallery(window)
    _purple_yeti(window)
    gallery.select_member("wren")
    seeds, figures = [window.document.member("wren").design.seed], [_figure(qtbot, gallery, "wren")]
    for _ in range(4):
        qtbot.mouseClick(gallery.look_button, Qt.MouseButton.LeftButton)
        seeds.append(window.document.member("wren").design.seed)
        qtbot.waitUntil(lambda: _figure(qtbot, gallery, "wren") != figures[-1], timeout=20_000)
        figures.append(_figure(qtbot, gallery, "wren"))
    assert len(set(seeds)) == 5, "every press asks the designer with a seed of its own"
    assert gallery.editor.member_id == "wren" and window.document.undo_stack.count() == 7


def test_four_presses_of_new_look_give_four_clearly_different_characters(qtbot, window) -> None:
    gallery = _gallery(window)
    _purple_yeti(window)
    gallery.select_member("wren")
    figures = []
    for _ in range(4):
        qtbot.mouseClick(gallery.look_button, Qt.MouseButton.LeftButton)
        figures.append(_figure(qtbot, gallery, "wren"))
    for i in range(4):
        for j in range(i + 1, 4):
            assert _clearly_different(figures[i], figures[j]), f"looks {i + 1} and {j + 1} are alike"


def test_new_look_of_a_character_drawn_from_generated_art_draws_the_new_look(qtbot, studio, settings, film) -> None:
    """Art made for the old look would hide the new one: the new look is drawn instead, undo brings the art back."""
    from aistudio_desktop.main_window import MainWindow

    pip = film.member("pip").model_copy(update={"art": "art/pip.png"})
    film = film.model_copy(update={"cast": [pip, *film.cast[1:]]})
    project_id = studio.new_project(film)
    art = studio.store.project_dir(project_id) / "art" / "pip.png"
    art.parent.mkdir(parents=True, exist_ok=True)
    square = QImage(120, 240, QImage.Format.Format_RGBA8888)
    square.fill(Qt.GlobalColor.red)
    assert square.save(str(art))
    window = MainWindow(studio, settings)
    qtbot.addWidget(window)
    window.show()
    gallery = _gallery(window)
    gallery.select_member("pip")
    before = _figure(qtbot, gallery, "pip")
    assert before.pixelColor(before.width() // 2, before.height() // 2).red() > 200  # the art is on the card
    qtbot.mouseClick(gallery.look_button, Qt.MouseButton.LeftButton)
    assert window.document.member("pip").art is None
    after = _figure(qtbot, gallery, "pip")
    assert _clearly_different(before, after)
    window.document.undo_stack.undo()
    assert window.document.member("pip").art == "art/pip.png"


def test_a_new_kind_redraws_the_card(qtbot, window) -> None:
    gallery = _gallery(window)
    gallery.select_member("pip")
    fox = _figure(qtbot, gallery, "pip")
    editor = gallery.editor
    editor.kind.setFocus()
    editor.kind.setCurrentIndex(editor.kind.findData("elephant"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    qtbot.waitUntil(lambda: _figure(qtbot, gallery, "pip") != fox, timeout=20_000)


def test_editing_words_and_voice_reaches_the_spec_and_undoes(qtbot, window, tmp_path) -> None:
    gallery = _gallery(window)
    gallery.select_member("bolt")
    editor = gallery.editor
    start = window.document.undo_stack.count()
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Sprocket")
    assert window.document.member("bolt").name == "Sprocket"
    assert window.document.undo_stack.count() == start + 1  # typing a name is one step
    assert gallery.model.index(1).data(CastRole.Name) == "Sprocket"
    editor.description.setPlainText("a tall golden robot with a red antenna")
    editor.traits.setText("loyal, nervous")
    editor.traits.editingFinished.emit()
    assert window.document.member("bolt").personality == ["loyal", "nervous"]
    editor.language.setCurrentIndex(editor.language.findData("fr"))
    editor.language.activated.emit(editor.language.currentIndex())
    voice = window.document.member("bolt").voice
    assert (voice.language, voice.accent) == ("fr", "fr")
    assert [editor.accent.itemData(i) for i in range(editor.accent.count())] == ["fr", "be", "ch"]
    editor.pitch.setFocus()
    pitch = voice.pitch
    qtbot.keyClick(editor.pitch, Qt.Key.Key_PageUp)
    assert window.document.member("bolt").voice.pitch == min(100, pitch + editor.pitch.pageStep())

    assert window.studio.writer.flush(10)
    saved = ProjectStore(tmp_path / "data").load(window.document.project_id).member("bolt")
    assert saved.name == "Sprocket" and saved.voice.language == "fr"
    assert saved.description == "a tall golden robot with a red antenna"
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert window.document.member("bolt").name == "Bolt"
    assert window.document.member("bolt").voice.language == "en"
    assert editor.name.text() == "Bolt"  # the form follows the undo


def test_an_empty_name_is_refused_and_the_name_stays(qtbot, window) -> None:
    gallery = _gallery(window)
    gallery.select_member("pip")
    messages: list[str] = []
    gallery.message.connect(messages.append)
    gallery.editor.name.selectAll()
    qtbot.keyClick(gallery.editor.name, Qt.Key.Key_Delete)
    assert window.document.member("pip").name == "Pip"
    assert messages and "name" in messages[-1]
    assert gallery.editor.name.text() == "Pip"


def test_add_and_remove_characters(qtbot, window) -> None:
    gallery = _gallery(window)
    new_id = gallery.add_member()
    member = window.document.member(new_id)
    assert member.design is not None and member.name == "New character"
    assert member.voice not in [m.voice for m in window.document.film.cast if m.id != new_id]
    assert gallery.selected_member() == new_id and gallery.model.rowCount() == 4

    gallery.select_member("wren")
    qtbot.mouseClick(gallery.remove_button, Qt.MouseButton.LeftButton)
    film = window.document.film
    assert [m.id for m in film.cast] == ["pip", "bolt", new_id]
    assert all("wren" not in s.cast for s in film.scenes)
    forest = next(s for s in film.scenes if s.id == "forest-path")
    assert forest.dialogue[0].speaker == NARRATOR and forest.dialogue[0].text == "Who goes there?"
    window.document.undo_stack.undo()
    assert window.document.member("wren").name == "Wren"
    assert window.document.scene("forest-path").dialogue[0].speaker == "wren"
    window.document.undo_stack.undo()
    assert [m.id for m in window.document.film.cast] == ["pip", "bolt", "wren"]


def test_play_sample_speaks_the_chosen_voice_off_the_ui_thread(qtbot, window) -> None:
    gallery = _gallery(window)
    gallery.select_member("pip")
    messages: list[str] = []
    gallery.message.connect(messages.append)
    with qtbot.waitSignal(window.studio.sampler.ready, timeout=20_000) as ready:
        qtbot.mouseClick(gallery.editor.play, Qt.MouseButton.LeftButton)
        assert gallery.editor.play.text() == "Speaking…"
    member_id, path = ready.args
    assert member_id == "pip"
    with wave.open(path) as sound:
        seconds = sound.getnframes() / sound.getframerate()
    assert 1.0 < seconds < 8.0
    qtbot.waitUntil(lambda: gallery.editor.play.isEnabled())
    # the voice is heard: the player plays that very file, and the file holds speech, not silence
    from PySide6.QtMultimedia import QMediaPlayer

    media = window.player.media
    qtbot.waitUntil(lambda: media.playbackState() == QMediaPlayer.PlaybackState.PlayingState, timeout=5_000)
    assert media.source().toLocalFile() == path
    qtbot.waitUntil(lambda: media.position() > 200, timeout=5_000)
    assert _loudness(path) > 500  # 16-bit RMS: espeak speaks at several thousand, silence is 0
    assert not [m for m in messages if "Could not" in m]
    # another voice says the line differently: a different file
    gallery.editor.timbre.setCurrentIndex(gallery.editor.timbre.findData("croak"))
    gallery.editor.timbre.activated.emit(gallery.editor.timbre.currentIndex())
    other = window.studio.sampler.path_for("x", window.document.member("pip").voice)
    assert other != window.studio.sampler.path_for("x", window.document.film.member("bolt").voice)


def test_play_sample_shows_it_plays_offers_stop_and_says_when_nothing_can_be_heard(qtbot, window) -> None:
    from PySide6.QtMultimedia import QMediaPlayer

    from aistudio_desktop.preview.sound import output_problem

    gallery = _gallery(window)
    gallery.select_member("wren")
    editor, media = gallery.editor, window.player.media
    assert editor.play.text() == "▶ Play sample"
    qtbot.mouseClick(editor.play, Qt.MouseButton.LeftButton)
    assert editor.play.text() == "Speaking…" and not editor.play.isEnabled()
    qtbot.waitUntil(lambda: editor.play.text() == "■ Stop" and editor.play.isEnabled(), timeout=10_000)
    assert media.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    problem = output_problem()  # this test machine has no speakers; a desk usually has
    assert editor.sound_note.isVisible() == bool(problem)
    if problem:
        assert "Nothing can be heard: no speakers or headphones were found" in editor.sound_note.text()
        assert editor.last_sample in editor.sound_note.text()
        assert window.statusBar().currentMessage().startswith("Nothing can be heard")
    qtbot.mouseClick(editor.play, Qt.MouseButton.LeftButton)  # Stop
    qtbot.waitUntil(lambda: media.playbackState() == QMediaPlayer.PlaybackState.StoppedState, timeout=5_000)
    assert editor.play.text() == "▶ Play sample" and editor.play.isEnabled()
    qtbot.mouseClick(editor.play, Qt.MouseButton.LeftButton)  # and again: it plays to its end
    qtbot.waitUntil(lambda: editor.play.text() == "■ Stop", timeout=10_000)
    qtbot.waitUntil(lambda: editor.play.text() == "▶ Play sample", timeout=15_000)
    assert media.playbackState() == QMediaPlayer.PlaybackState.StoppedState


def _colours(image: QImage, rect: QRectF) -> int:
    box = rect.toAlignedRect()
    return len({image.pixel(x, y) for x in range(box.left(), box.right(), 2) for y in range(box.top(), box.bottom())})


@pytest.mark.parametrize("size", [(1280, 560), (1000, 460), (800, 480)])
def test_on_a_short_window_every_card_shows_its_name_and_role(qtbot, window, size: tuple[int, int]) -> None:
    gallery = _gallery(window)
    gallery.add_member()
    gallery.add_member()  # five cards: a second row, below the fold
    window.resize(*size)
    cards, model = gallery.cards, gallery.model
    qtbot.waitUntil(lambda: cards.viewport().height() < CARD.height(), timeout=5_000)  # too short for a full card
    view = QRectF(cards.viewport().rect())
    for row in range(model.rowCount()):
        index = model.index(row)
        cards.scrollTo(index)
        qtbot.wait(20)
        _outline, figure, name, role = card_parts(QRectF(cards.visualRect(index)))
        assert view.contains(name) and view.contains(role), (row, view, name, role)
        assert figure.height() > 30  # the figure shrinks but stays
        shown = cards.viewport().grab().toImage()
        assert _colours(shown, name) > 3 and _colours(shown, role) > 3  # text is drawn there
    assert cards.verticalScrollBar().isVisible() and cards.verticalScrollBar().value() > 0  # scrolled there
    cards.scrollTo(model.index(0))
    first = card_parts(QRectF(cards.visualRect(model.index(0))))[2]
    assert view.contains(first)  # the first row reads without scrolling


def test_choosing_a_kind_makes_the_character_that_kind_and_undoes(qtbot, window) -> None:
    from render_farm.film import Kind

    gallery = _gallery(window)
    gallery.select_member("pip")
    editor = gallery.editor
    assert editor.kind.currentData() == "fox", "the form shows what the character is"
    assert editor.kind.count() == len(Kind)
    before = window.document.film
    editor.kind.setCurrentIndex(editor.kind.findData("goat"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    assert window.document.member("pip").kind is Kind.goat
    assert window.document.member("pip").design == before.member("pip").design, "the look stays until asked"
    window.document.undo_stack.undo()
    assert window.document.film == before and editor.kind.currentData() == "fox"


def test_removing_a_staged_character_takes_their_actions_props_and_addressed_lines_along(
    qtbot, studio, settings, film
) -> None:
    """Spec v3 staging names characters; taking one off a scene or out of the cast must not be refused."""
    from aistudio_desktop.main_window import MainWindow
    from render_farm.film import Action, Prop, SceneProp, StageAction

    forest = film.scenes[2]
    to_wren = forest.dialogue[1].model_copy(update={"to": "wren"})
    staged = forest.model_copy(
        update={
            "props": [SceneProp(prop=Prop.lantern, holder="wren"), SceneProp(prop=Prop.map, holder="pip")],
            "actions": [
                StageAction(who="wren", action=Action.point, line=0, target="pip"),
                StageAction(who="pip", action=Action.give, line=1, target="wren", prop=Prop.map),
                StageAction(who="bolt", action=Action.nod, line=2),
            ],
            "dialogue": [forest.dialogue[0], to_wren, *forest.dialogue[2:]],
        }
    )
    film = film.model_copy(update={"scenes": [*film.scenes[:2], staged, *film.scenes[3:]]})
    studio.new_project(type(film).model_validate(film.model_dump()))
    window = MainWindow(studio, settings)
    qtbot.addWidget(window)
    window.show()
    window.storyboard.select_scenes(["forest-path"])
    window.inspector.cast_checks["pip"].click()  # Pip off this scene
    scene = window.document.scene("forest-path")
    assert scene.cast == ["bolt", "wren"] and [a.who for a in scene.actions] == ["wren", "bolt"]
    assert scene.actions[0].target is None and scene.props[1].holder is None
    window.document.undo_stack.undo()
    gallery = _gallery(window)
    gallery.select_member("wren")
    qtbot.mouseClick(gallery.remove_button, Qt.MouseButton.LeftButton)
    assert [m.id for m in window.document.film.cast] == ["pip", "bolt"]
    scene = window.document.scene("forest-path")
    assert [(a.who, a.target) for a in scene.actions] == [("pip", None), ("bolt", None)]
    assert [p.holder for p in scene.props] == [None, "pip"] and scene.dialogue[1].to is None
    assert window.studio.writer.flush(10)
    assert ProjectStore(window.studio.store.data_dir).load(window.document.project_id) == window.document.film
