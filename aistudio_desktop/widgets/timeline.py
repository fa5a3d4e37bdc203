"""The timeline preview: the film's scenes as clips sized by duration, its lines as marks, a playhead.

:class:`TimelineTrack` paints the clips (with each scene's preview state: ready, rendering with
its progress, waiting, failed), the dialogue marks and the playhead, and turns presses and drags
into scrubbing. :class:`TimelinePanel` ties it to the :class:`PreviewRenderer` (background
renders), the :class:`FrameSource` (pictures off the UI thread), a play clock at the preview
preset's frame rate, the :class:`Soundtrack` that keeps each rendered scene's sound with the
playhead (where Qt can play sound), and the exports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from aistudio_desktop.preview.playback import Exporter, FrameSource, locate, scene_starts
from aistudio_desktop.preview.renderer import FAILED, PREVIEW, QUEUED, READY, RENDERING, PreviewRenderer
from aistudio_desktop.preview.sound import SoundPlayer, silent_note
from aistudio_desktop.preview.soundtrack import Soundtrack
from aistudio_desktop.project.document import ProjectDocument
from aistudio_desktop.widgets.storyboard import format_duration
from render_farm.film import Film
from render_farm.film.timing import estimated_line_starts

RULER, CLIP_TOP, CLIP_HEIGHT, MARGIN = 18, 24, 58, 8


def clock(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"


class PreviewScreen(QWidget):
    """The current frame, letterboxed; a note when the scene's preview is not rendered yet."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("previewScreen")
        self.image = QImage()
        self.live = False
        self.setMinimumSize(QSize(192, 108))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(400, 225)

    def show_frame(self, image: QImage, live: bool) -> None:
        self.image, self.live = image, live
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#101114"))
        if self.image.isNull():
            painter.setPen(QColor("#9a9690"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Preview")
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        target = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        painter.drawImage(target, self.image)
        if self.live:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 150))
            badge = QRectF(target.left() + 6, target.top() + 6, 118, 20)
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor("#f3f1ee"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "sketch · rendering")


class TimelineTrack(QWidget):
    """Clips, marks and the playhead. ``scrubbed(t)`` while pressing or dragging; ``sceneActivated(id)``
    on a double click."""

    scrubbed = Signal(float)
    sceneActivated = Signal(str)

    def __init__(self, panel: TimelinePanel) -> None:
        super().__init__()
        self.setObjectName("timelineTrack")
        self.panel = panel
        self.setMinimumHeight(CLIP_TOP + CLIP_HEIGHT + 10)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(600, CLIP_TOP + CLIP_HEIGHT + 10)

    # -- geometry ------------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        return (self.width() - 2 * MARGIN) / max(1.0, self.panel.film.duration)

    def x_of(self, t: float) -> float:
        return MARGIN + t * self.scale

    def t_of(self, x: float) -> float:
        return min(max(0.0, (x - MARGIN) / self.scale), self.panel.film.duration)

    def clip_rect(self, index: int) -> QRectF:
        film, starts = self.panel.film, self.panel.starts
        x0, x1 = self.x_of(starts[index]), self.x_of(starts[index] + film.scenes[index].duration)
        return QRectF(x0 + 1, CLIP_TOP, max(2.0, x1 - x0 - 2), CLIP_HEIGHT)

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        film, panel = self.panel.film, self.panel
        text, faint = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        step = next((s for s in (1, 2, 5, 10, 15, 30, 60, 120) if s * self.scale >= 48), 300)
        painter.setPen(faint)
        t = 0
        while t <= film.duration + 0.01:
            x = self.x_of(t)
            painter.drawLine(QPointF(x, RULER - 5), QPointF(x, RULER))
            painter.drawText(QPointF(x + 3, RULER - 6), format_duration(t) if t else "0")
            t += step
        for index, scene in enumerate(film.scenes):
            rect = self.clip_rect(index)
            key = panel.keys[index] if index < len(panel.keys) else ""
            state = panel.previews.state(key)
            base = palette.color(QPalette.ColorRole.AlternateBase)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(base if state == READY else palette.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(rect, 6, 6)
            if state == RENDERING:
                painter.setPen(Qt.PenStyle.NoPen)
                fill = QColor(accent)
                fill.setAlpha(70)
                done = QRectF(rect)
                done.setWidth(rect.width() * panel.progress.get(key, 0.0))
                painter.setBrush(fill)
                painter.drawRoundedRect(done, 6, 6)
                stripes = QColor(accent)
                stripes.setAlpha(40)
                painter.setBrush(QBrush(stripes, Qt.BrushStyle.BDiagPattern))
                painter.drawRoundedRect(rect, 6, 6)
            if state == READY:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                painter.drawRoundedRect(QRectF(rect.x(), rect.bottom() - 4, rect.width(), 4), 2, 2)
            if state == FAILED:
                painter.setPen(QPen(QColor("#d23c3c"), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
            painter.setPen(text)
            label = f"{scene.number}  {scene.title or 'Scene'}"
            room = round(rect.width() - 10)
            painter.drawText(
                QRectF(rect.x() + 6, rect.y() + 3, room, 18),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, room),
            )
            note = {
                READY: format_duration(scene.duration),
                RENDERING: f"Rendering {round(100 * panel.progress.get(key, 0.0))}%",
                QUEUED: "Waiting to render",
                FAILED: "Could not render",
            }.get(state, "")
            painter.setPen(faint)
            painter.drawText(
                QRectF(rect.x() + 6, rect.y() + 20, room, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(note, Qt.TextElideMode.ElideRight, room),
            )
            marks = panel.line_starts(index)
            painter.setPen(QPen(accent, 2))
            for start in marks:
                x = self.x_of(panel.starts[index] + start)
                if rect.left() + 2 < x < rect.right() - 2:
                    painter.drawLine(QPointF(x, rect.bottom() - 16), QPointF(x, rect.bottom() - 7))
        x = self.x_of(panel.position)
        painter.setPen(QPen(accent, 2))
        painter.drawLine(QPointF(x, 4), QPointF(x, CLIP_TOP + CLIP_HEIGHT + 4))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawEllipse(QPointF(x, 5), 5, 5)

    # -- input ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.scrubbed.emit(self.t_of(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.scrubbed.emit(self.t_of(event.position().x()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = locate(self.panel.starts, self.t_of(event.position().x()))
        self.sceneActivated.emit(self.panel.film.scenes[index].id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = {Qt.Key.Key_Left: -1.0, Qt.Key.Key_Right: 1.0}
        if event.key() in keys:
            self.scrubbed.emit(self.panel.position + keys[Qt.Key(event.key())])
        elif event.key() == Qt.Key.Key_Home:
            self.scrubbed.emit(0.0)
        elif event.key() == Qt.Key.Key_End:
            self.scrubbed.emit(self.panel.film.duration)
        elif event.key() == Qt.Key.Key_Space:
            self.panel.toggle_play()
        else:
            super().keyPressEvent(event)


class TimelinePanel(QWidget):
    """The preview panel: screen, transport controls, the track. ``message(text)`` reports exports.

    Sound plays where ``player`` can play it (``sound`` is then the timeline's :class:`Soundtrack`);
    otherwise the preview plays silently and says so, in its note and once when Play is pressed.
    """

    message = Signal(str)
    sceneActivated = Signal(str)

    def __init__(self, document: ProjectDocument, previews: PreviewRenderer, player: SoundPlayer | None = None) -> None:
        super().__init__()
        self.setObjectName("timeline")
        self.document = document
        self.previews = previews
        self.player = player
        self.frames = FrameSource(previews, self)
        self.exporter = Exporter(previews, self)
        self.film: Film = document.film
        self.keys: list[str] = []
        self.starts: list[float] = []
        self.progress: dict[str, float] = {}
        self.timings: dict[str, list[float]] = {}
        self.position = 0.0
        self.playing = False
        self._play_from = 0.0
        self.sound = Soundtrack.create(self) if player is not None and player.available else None
        self._told_silent = False
        self._elapsed = QElapsedTimer()
        self._clock = QTimer(self)
        self._clock.setInterval(round(1000 / PREVIEW.fps))
        self._clock.timeout.connect(self._tick)

        self.picture = PreviewScreen()
        self.track = TimelineTrack(self)
        self.play_button = QPushButton("▶ Play")
        self.play_button.setObjectName("playButton")
        self.play_button.setToolTip("Play or pause the preview (Space)")
        self.play_button.setMinimumWidth(90)
        self.time_label = QLabel()
        self.time_label.setObjectName("timeLabel")
        self.state_label = QLabel()
        self.state_label.setObjectName("renderState")
        self.state_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.export_film_button = QPushButton("Export film…")
        self.export_film_button.setToolTip("Write the preview film to an MP4 file")
        self.export_frame_button = QPushButton("Export frame…")
        self.export_frame_button.setToolTip("Save the frame under the playhead as a PNG")
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.time_label)
        controls.addSpacing(12)
        controls.addWidget(self.state_label, 1)
        controls.addWidget(self.export_frame_button)
        controls.addWidget(self.export_film_button)
        side = QVBoxLayout()
        side.addLayout(controls)
        side.addWidget(self.track)
        self.sound_note = QLabel("" if self.sound is not None else silent_note())
        self.sound_note.setObjectName("soundNote")
        self.sound_note.setEnabled(False)
        self.sound_note.setWordWrap(True)
        self.sound_note.setVisible(self.sound is None)
        self.sound_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        side.addWidget(self.sound_note)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.picture, 2)
        layout.addLayout(side, 5)

        self.play_button.clicked.connect(self.toggle_play)
        self.track.scrubbed.connect(self.seek)
        self.track.sceneActivated.connect(self.jump_to_scene)
        self.track.sceneActivated.connect(self.sceneActivated)
        self.frames.frameReady.connect(self._frame)
        self.frames.failed.connect(lambda text: self.message.emit(f"Could not show this frame: {text}"))
        previews.stateChanged.connect(self._state_changed)
        previews.progress.connect(self._progress)
        previews.timing.connect(self._timing)
        previews.failed.connect(lambda _key, text: self.message.emit(f"A scene preview failed: {text}"))
        self.exporter.progress.connect(lambda text, f: self.message.emit(f"{text} ({round(100 * f)}%)"))
        self.exporter.done.connect(self._exported)
        document.edited.connect(self.refresh)
        document.filmReset.connect(self._reset)
        self._reset()

    # -- following the film --------------------------------------------------------------------

    def _reset(self) -> None:
        self.stop()
        self.position = 0.0
        self.refresh()

    def refresh(self) -> None:
        """Follow the document: new keys queue their scenes for rendering; the rest stay as they are."""
        self.film = self.document.film
        self.starts = scene_starts(self.film)
        current = locate(self.starts, self.position)
        self.keys = self.previews.set_film(self.film, first=current)
        self.frames.set_film(self.film, self.keys)
        self.position = min(self.position, self.film.duration)
        self._show_state()
        self.frames.request(self.position)
        self.track.update()

    def line_starts(self, index: int) -> list[float]:
        key = self.keys[index] if index < len(self.keys) else ""
        return self.timings.get(key) or estimated_line_starts(self.film, index)

    def _state_changed(self, key: str, state: str) -> None:
        self.progress.pop(key, None)
        self._show_state()
        self.track.update()
        if state == READY and key in self.keys and self.keys[locate(self.starts, self.position)] == key:
            self.frames.request(self.position)  # the sketch gives way to the rendered frame
            self._follow_sound(moved=True)  # and the silence to its sound

    def _progress(self, key: str, fraction: float) -> None:
        self.progress[key] = fraction
        self.track.update()

    def _timing(self, key: str, starts: list[float]) -> None:
        self.timings[key] = starts
        self.track.update()

    def _show_state(self) -> None:
        ready = sum(1 for key in self.keys if self.previews.state(key) == READY)
        total = len(self.keys)
        rendering = next((i for i, k in enumerate(self.keys) if self.previews.state(k) == RENDERING), None)
        previews = f"scene preview{'s' if total != 1 else ''}"
        if ready == total:
            whole = {1: "The scene preview is ready", 2: "Both scene previews are ready"}
            self.state_label.setText(whole.get(total, f"All {total} scene previews ready"))
        elif rendering is not None:
            self.state_label.setText(f"Rendering scene {rendering + 1} · {ready} of {total} ready")
        else:
            self.state_label.setText(f"{ready} of {total} {previews} ready")

    # -- the playhead --------------------------------------------------------------------------

    def seek(self, t: float) -> None:
        self.position = min(max(0.0, t), self.film.duration)
        if self.playing:
            self._play_from = self.position
            self._elapsed.restart()
        self._follow_sound(moved=True)
        self._update_time()
        self.frames.request(self.position)
        self.track.update()

    def jump_to_scene(self, scene_id: str) -> None:
        for index, scene in enumerate(self.film.scenes):
            if scene.id == scene_id:
                self.seek(self.starts[index])
                return

    def step_scene(self, delta: int) -> None:
        index = min(max(0, locate(self.starts, self.position) + delta), len(self.starts) - 1)
        self.seek(self.starts[index])

    def toggle_play(self) -> None:
        if self.playing:
            self.stop()
        else:
            self.play()

    def play(self) -> None:
        if self.position >= self.film.duration - 0.05:
            self.position = 0.0
        self.playing = True
        self._play_from = self.position
        self._elapsed.start()
        self._clock.start()
        self.play_button.setText("❚❚ Pause")
        self._follow_sound(moved=True)
        if self.sound is None and not self._told_silent:
            self._told_silent = True
            self.message.emit(silent_note())

    def stop(self) -> None:
        self.playing = False
        self._clock.stop()
        self.play_button.setText("▶ Play")
        self._follow_sound(moved=True)

    def _tick(self) -> None:
        self.position = min(self._play_from + self._elapsed.elapsed() / 1000.0, self.film.duration)
        self._follow_sound()
        self._update_time()
        self.frames.request(self.position)
        self.track.update()
        if self.position >= self.film.duration:
            self.stop()

    def _follow_sound(self, moved: bool = False) -> None:
        """Keep the sound of the scene under the playhead at the playhead (silence before it is rendered)."""
        if self.sound is None or not self.keys:
            return
        index = locate(self.starts, self.position)
        key = self.keys[index] if index < len(self.keys) else ""
        audio = self.previews.paths(key)[1] if key and self.previews.state(key) == READY else None
        if audio is not None and not audio.exists():
            audio = None
        self.sound.follow(audio, self.position - self.starts[index], self.playing, moved)

    def _frame(self, t: float, image: QImage, live: bool) -> None:
        self.picture.show_frame(image, live)
        self._update_time()

    def _update_time(self) -> None:
        index = locate(self.starts, self.position) if self.starts else 0
        self.time_label.setText(f"{clock(self.position)} / {clock(self.film.duration)} · scene {index + 1}")

    # -- exports -------------------------------------------------------------------------------

    def export_film(self, path: Path) -> None:
        self.message.emit(f"Exporting the preview film to {path.name}…")
        self.exporter.export_film(self.film, path)

    def export_frame(self, path: Path) -> bool:
        if self.picture.image.isNull():
            self.message.emit("No frame to export yet")
            return False
        self.exporter.export_still(self.picture.image, path)
        return True

    def _exported(self, path: str, error: str) -> None:
        self.message.emit(f"Could not export: {error}" if error else f"Exported {path}")

    def close_workers(self) -> None:
        self.stop()
        self.frames.close()
