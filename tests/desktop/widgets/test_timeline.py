"""The timeline preview: background renders cached by content hash, scrubbing, playback, jumps, exports."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from aistudio_desktop.main_window import MainWindow
from aistudio_desktop.preview.renderer import READY, RENDERING
from aistudio_desktop.project.commands import EditDialogueLineCommand
from render_farm.film import Film


@pytest.fixture
def timeline_window(qtbot, studio, settings, film: Film):
    data = film.model_dump(mode="json")  # three 3-second scenes of one line each: quick to render
    data["scenes"] = data["scenes"][:3]
    for scene in data["scenes"]:
        scene["duration"] = 3.0
        scene["dialogue"] = scene["dialogue"][:1]
        scene["transition_in"] = {"kind": "cut", "duration": 0.0}
    studio.new_project(Film.model_validate(data))
    window = MainWindow(studio, settings)
    qtbot.addWidget(window)
    window.resize(1360, 860)
    window.show()
    qtbot.waitExposed(window)
    return window


def _all_ready(window) -> bool:
    timeline = window.timeline
    return all(timeline.previews.state(key) == READY for key in timeline.keys)


def _start_rendering(qtbot, window) -> list[tuple[str, str]]:
    states: list[tuple[str, str]] = []
    window.studio.previews.stateChanged.connect(lambda key, state: states.append((key, state)))
    window.studio.previews.set_paused(False)
    qtbot.waitUntil(lambda: _all_ready(window), timeout=90_000)
    return states


def test_previews_render_in_the_background_and_scrub_from_the_cache(qtbot, timeline_window) -> None:
    window = timeline_window
    timeline = window.timeline
    assert timeline.state_label.text() == "0 of 3 scene previews ready"
    states = _start_rendering(qtbot, window)
    assert [s for _k, s in states].count(RENDERING) == 3  # each scene showed as rendering, one at a time
    # the label follows the last state change on the next turn of the event loop
    qtbot.waitUntil(lambda: timeline.state_label.text() == "All 3 scene previews ready", timeout=5_000)
    for key in timeline.keys:
        video, audio = timeline.previews.paths(key)
        assert video.exists() and audio.exists()
    assert timeline.timings and all(len(timeline.line_starts(i)) == 1 for i in range(3))

    track = timeline.track
    x = round(track.x_of(4.5))  # the middle of scene 2
    with qtbot.waitSignal(timeline.frames.frameReady, timeout=10_000) as shown:
        qtbot.mousePress(track, Qt.MouseButton.LeftButton, pos=QPoint(x, 40))
    t, image, live = shown.args
    assert t == pytest.approx(4.5, abs=0.05) and not live  # decoded from the cached preview
    assert (image.width(), image.height()) == (854, 480)
    assert "scene 2" in timeline.time_label.text()
    with qtbot.waitSignal(timeline.frames.frameReady, timeout=10_000) as dragged:
        qtbot.mouseMove(track, QPoint(round(track.x_of(7.5)), 40))
        track.mouseMoveEvent(_drag_event(track, round(track.x_of(7.5))))
    assert dragged.args[0] == pytest.approx(7.5, abs=0.05)
    assert "scene 3" in timeline.time_label.text()
    assert dragged.args[1] != image


def _drag_event(widget, x: int):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    point = QPointF(x, 40)
    return QMouseEvent(
        QEvent.Type.MouseMove, point, widget.mapToGlobal(point), Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip


def test_a_scene_draws_live_before_its_preview_is_rendered(qtbot, timeline_window) -> None:
    timeline = timeline_window.timeline
    with qtbot.waitSignal(timeline.frames.frameReady, timeout=10_000) as shown:
        timeline.seek(1.5)
    assert shown.args[2]  # drawn by the engine: no preview yet
    assert not shown.args[1].isNull()


def test_an_edit_renders_again_only_the_scene_it_touches_and_undo_reuses_the_cache(qtbot, timeline_window) -> None:
    window = timeline_window
    timeline = window.timeline
    _start_rendering(qtbot, window)
    renders, before = timeline.previews.renders, list(timeline.keys)
    document = window.document
    document.push(EditDialogueLineCommand(document, "the-map", 0, text="The map is torn in two!"))
    assert timeline.keys[0] == before[0] and timeline.keys[2] == before[2]
    assert timeline.keys[1] != before[1]
    qtbot.waitUntil(lambda: _all_ready(window), timeout=60_000)
    assert timeline.previews.renders == renders + 1
    assert timeline.previews.rendered_keys[-1] == timeline.keys[1]
    document.undo_stack.undo()
    assert timeline.keys == before
    assert _all_ready(window)  # the old render is still in the cache: nothing to do
    assert timeline.previews.renders == renders + 1


def test_play_moves_the_playhead_and_pause_stops_it(qtbot, timeline_window) -> None:
    timeline = timeline_window.timeline
    qtbot.mouseClick(timeline.play_button, Qt.MouseButton.LeftButton)
    assert timeline.playing and "Pause" in timeline.play_button.text()
    qtbot.waitUntil(lambda: timeline.position > 0.4, timeout=5_000)
    qtbot.mouseClick(timeline.play_button, Qt.MouseButton.LeftButton)
    stopped = timeline.position
    qtbot.wait(200)
    assert not timeline.playing and timeline.position == stopped
    timeline.track.setFocus()
    qtbot.keyClick(timeline.track, Qt.Key.Key_Space)
    assert timeline.playing
    timeline_window.play_action.trigger()
    assert not timeline.playing


def test_choosing_a_scene_moves_the_playhead_to_it(qtbot, timeline_window) -> None:
    window = timeline_window
    window.storyboard.select_scenes(["forest-path"])
    assert window.timeline.position == pytest.approx(6.0)
    window.timeline.step_scene(-1)
    assert window.timeline.position == pytest.approx(3.0)
    track = window.timeline.track
    qtbot.mouseDClick(track, Qt.MouseButton.LeftButton, pos=QPoint(round(track.x_of(1.0)), 40))
    assert window.storyboard.selected_scene_ids() == ["meadow-morning"]


def test_export_the_preview_film_and_a_still_frame(qtbot, timeline_window, tmp_path: Path) -> None:
    window = timeline_window
    timeline = window.timeline
    _start_rendering(qtbot, window)
    with qtbot.waitSignal(timeline.frames.frameReady, timeout=10_000):
        timeline.seek(4.0)
    still = tmp_path / "still.png"
    with qtbot.waitSignal(timeline.exporter.done, timeout=10_000) as done:
        assert timeline.export_frame(still)
    assert done.args == [str(still), ""]
    picture = QImage(str(still))
    assert (picture.width(), picture.height()) == (854, 480)

    film_path = tmp_path / "preview.mp4"
    with qtbot.waitSignal(timeline.exporter.done, timeout=60_000) as done:
        timeline.export_film(film_path)
    assert done.args == [str(film_path), ""]
    with av.open(str(film_path)) as container:
        video = container.streams.video[0]
        assert (video.width, video.height) == (854, 480)
        assert container.streams.audio
        frames = sum(1 for _ in container.decode(video))
    assert frames == pytest.approx(9.0 * 15, abs=2)
    assert timeline.previews.renders == 3  # the export reused every cached scene


def test_an_export_to_a_folder_that_does_not_exist_says_so(qtbot, timeline_window, tmp_path: Path) -> None:
    timeline = timeline_window.timeline
    with qtbot.waitSignal(timeline.frames.frameReady, timeout=10_000):
        timeline.seek(1.0)
    messages: list[str] = []
    timeline.message.connect(messages.append)
    with qtbot.waitSignal(timeline.exporter.done, timeout=10_000) as done:
        timeline.export_frame(tmp_path / "missing" / "still.png")
    assert done.args[1]
    assert any(m.startswith("Could not export") for m in messages)


def _heard(timeline) -> tuple[int, float]:
    """The scene whose sound is playing and where the sound is in the film, in seconds."""
    source = Path(timeline.sound.media.source().toLocalFile())
    scene = next(i for i, key in enumerate(timeline.keys) if timeline.previews.paths(key)[1] == source)
    return scene, timeline.starts[scene] + timeline.sound.media.position() / 1000.0


def _playing(timeline) -> bool:
    from PySide6.QtMultimedia import QMediaPlayer

    return timeline.sound.media.playbackState() == QMediaPlayer.PlaybackState.PlayingState


def test_play_plays_the_scene_sound_with_the_playhead_and_pause_stops_both(qtbot, timeline_window) -> None:
    from PySide6.QtMultimedia import QMediaPlayer

    window = timeline_window
    timeline = window.timeline
    _start_rendering(qtbot, window)
    assert timeline.sound is not None and not timeline.sound_note.isVisible()
    timeline.seek(0.5)
    qtbot.mouseClick(timeline.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _playing(timeline) and timeline.sound.media.position() > 900, timeout=10_000)
    heard = []
    for _ in range(4):  # the sound advances with the playhead, and stays with it
        qtbot.wait(250)
        scene, at = _heard(timeline)
        heard.append(at)
        assert scene == 0
        assert at == pytest.approx(timeline.position, abs=0.3)
    assert heard == sorted(heard) and heard[-1] - heard[0] > 0.5

    qtbot.mouseClick(timeline.play_button, Qt.MouseButton.LeftButton)  # pause
    qtbot.waitUntil(lambda: timeline.sound.media.playbackState() == QMediaPlayer.PlaybackState.PausedState)
    qtbot.waitUntil(lambda: _heard(timeline)[1] == pytest.approx(timeline.position, abs=0.03), timeout=2_000)
    paused_at, sound_at = timeline.position, timeline.sound.media.position()
    qtbot.wait(400)
    assert timeline.position == paused_at and timeline.sound.media.position() == sound_at

    # scrubbing while paused moves the sound too: into scene 2, 1.5 s in
    qtbot.mousePress(timeline.track, Qt.MouseButton.LeftButton, pos=QPoint(round(timeline.track.x_of(4.5)), 40))
    qtbot.waitUntil(lambda: _heard(timeline) == (1, pytest.approx(timeline.position, abs=0.03)), timeout=5_000)
    assert timeline.position == pytest.approx(4.5, abs=0.05)


def test_sound_follows_into_the_next_scene_and_to_a_chosen_scene(qtbot, timeline_window) -> None:
    window = timeline_window
    timeline = window.timeline
    _start_rendering(qtbot, window)
    timeline.seek(2.4)
    timeline.play()
    qtbot.waitUntil(lambda: timeline.position > 3.6, timeout=10_000)  # the playhead crossed into scene 2
    qtbot.waitUntil(lambda: _playing(timeline) and _heard(timeline)[0] == 1, timeout=5_000)
    qtbot.wait(200)
    assert _heard(timeline)[1] == pytest.approx(timeline.position, abs=0.3)

    window.storyboard.select_scenes(["forest-path"])  # jump to scene 3 while playing
    assert timeline.playing
    qtbot.waitUntil(lambda: _playing(timeline) and _heard(timeline)[0] == 2, timeout=5_000)
    qtbot.wait(300)
    scene, at = _heard(timeline)
    assert scene == 2 and 6.0 < at < 7.5
    assert at == pytest.approx(timeline.position, abs=0.3)
    timeline.stop()


def test_a_scene_that_is_not_rendered_yet_plays_silently(qtbot, timeline_window) -> None:
    timeline = timeline_window.timeline
    assert timeline.sound is not None
    timeline.play()
    qtbot.waitUntil(lambda: timeline.position > 0.5, timeout=5_000)
    assert timeline.sound.media.source().isEmpty() and not _playing(timeline)
    timeline.stop()


def test_a_film_of_one_scene_says_its_preview_is_ready_in_good_english(qtbot, timeline_window) -> None:
    window = timeline_window
    delete = window.storyboard.delete_action
    window.storyboard.select_scenes(window.document.scene_ids()[1:])
    delete.trigger()
    assert len(window.document.film.scenes) == 1
    assert window.timeline.state_label.text() == "0 of 1 scene preview ready"
    _start_rendering(qtbot, window)
    qtbot.waitUntil(lambda: window.timeline.state_label.text() == "The scene preview is ready", timeout=5_000)
    window.document.undo_stack.undo()
    window.storyboard.select_scenes(window.document.scene_ids()[2:])
    delete.trigger()
    qtbot.waitUntil(lambda: _all_ready(window), timeout=90_000)
    qtbot.waitUntil(lambda: window.timeline.state_label.text() == "Both scene previews are ready", timeout=5_000)
