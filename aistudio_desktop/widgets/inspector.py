"""The scene inspector: a form that edits the selected scene through undo commands.

The form keeps no copy of the film. A change in a field pushes a command; the document's
``sceneChanged`` then refreshes the form from the spec. While refreshing, the form writes a
widget only when its value differs (so the cursor stays put while typing) and ignores the
signals that its own writes cause, so an edit never echoes back into a second command.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aistudio_desktop.project import commands
from aistudio_desktop.project.document import ProjectDocument
from aistudio_desktop.project.edits import DEFAULT_TRANSITION
from aistudio_desktop.project.timing import SHORTEST_SCENE, lines_phrase, shortest_duration
from aistudio_desktop.widgets.dialogue import TEXT, DialogueDelegate, DialogueModel, grown_message
from aistudio_desktop.widgets.duration import DurationBox
from aistudio_desktop.widgets.storyboard import format_duration
from aistudio_desktop.widgets.wheel import guard_wheel
from render_farm.film import NARRATOR, CameraMove, DialogueLine, Place, Scene, Shot, TimeOfDay, TransitionKind, Weather

_LABELS = {"city_street": "City street", "pan_left": "Pan left", "pan_right": "Pan right", "zoom_in": "Zoom in",
           "zoom_out": "Zoom out", "fade_black": "Fade through black"}  # fmt: skip


def _combo(values: type[StrEnum]) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(_LABELS.get(value.value, value.value.replace("_", " ").capitalize()), value.value)
    return combo


def _beats(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class SceneInspector(QWidget):
    """Edits one scene (``set_scene``); ``message(text)`` reports an edit that was refused."""

    message = Signal(str)

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__()
        self.setObjectName("inspector")
        self.document = document
        self.scene_id = ""
        self._updating = False
        self.dialogue = DialogueModel(document)
        self.dialogue.message.connect(self.message)

        self.heading = QLabel("No scene selected")
        self.heading.setObjectName("inspectorHeading")
        self.title = QLineEdit()
        self.title.setPlaceholderText("What happens in this scene")
        self.duration = DurationBox()
        self.duration.setObjectName("sceneDuration")
        self.duration.setRange(SHORTEST_SCENE, 600.0)
        self.duration.setDecimals(1)
        self.duration.setSingleStep(0.5)
        self.duration.setSuffix(" s")
        self.duration_hint = QLabel()  # the shortest the scene may be, and why
        self.duration_hint.setObjectName("durationHint")
        self.duration_hint.setWordWrap(True)
        self.fit_button = QPushButton("Fit to lines")
        self.fit_button.setToolTip("Lengthen the scene so that every line is heard")
        self.duration_row = QWidget()
        row = QHBoxLayout(self.duration_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.duration)
        row.addWidget(self.duration_hint, 1)
        row.addWidget(self.fit_button)
        self.shot, self.camera = _combo(Shot), _combo(CameraMove)
        self.place, self.time_of_day, self.weather = _combo(Place), _combo(TimeOfDay), _combo(Weather)
        self.place_note = QLineEdit()
        self.place_note.setPlaceholderText("A few words about the place")
        self.beats = QPlainTextEdit()
        self.beats.setPlaceholderText("One story beat per line")
        self.beats.setFixedHeight(84)
        self.transition = _combo(TransitionKind)
        self.transition_length = QDoubleSpinBox()
        self.transition_length.setRange(0.0, 3.0)
        self.transition_length.setDecimals(2)
        self.transition_length.setSingleStep(0.1)
        self.transition_length.setSuffix(" s")
        self.cast_box = QWidget()
        self.cast_layout = QGridLayout(self.cast_box)
        self.cast_layout.setContentsMargins(0, 0, 0, 0)
        self.cast_checks: dict[str, QCheckBox] = {}

        self.table = QTableView()
        self.table.setModel(self.dialogue)
        self.table.setItemDelegate(DialogueDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(180)
        self.table.setMinimumWidth(120)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.add_line = QPushButton("Add line")
        self.remove_line = QPushButton("Remove")
        self.line_up, self.line_down = QPushButton("Up"), QPushButton("Down")
        self.split_here = QPushButton("Split here")
        self.split_here.setToolTip("Split the scene in two before the selected line")

        self._build_layout()
        self._connect()
        self.set_scene("")

    # -- layout --------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(12)
        column.addWidget(self.heading)

        def group(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
            box = QGroupBox(title)
            layout = QFormLayout(box)
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for label, widget in rows:
                layout.addRow(label, widget) if label else layout.addRow(widget)
            return box

        column.addWidget(
            group(
                "Scene",
                [("Title", self.title), ("Duration", self.duration_row), ("Shot", self.shot), ("Camera", self.camera)],
            )
        )
        lines = QGroupBox("Dialogue")
        lines_layout = QVBoxLayout(lines)
        lines_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        for button in (self.add_line, self.remove_line, self.line_up, self.line_down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.split_here)
        lines_layout.addLayout(buttons)
        column.addWidget(lines)
        column.addWidget(
            group(
                "Setting",
                [
                    ("Place", self.place),
                    ("Time", self.time_of_day),
                    ("Weather", self.weather),
                    ("Notes", self.place_note),
                ],
            )
        )
        column.addWidget(group("On screen", [("", self.cast_box)]))
        column.addWidget(group("Story beats", [("", self.beats)]))
        column.addWidget(group("Transition in", [("Kind", self.transition), ("Length", self.transition_length)]))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form)
        self.form = form
        self.scroller = scroll
        self._wheel = guard_wheel(form)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _connect(self) -> None:
        self.title.textEdited.connect(lambda text: self._edit(typing=True, title=text))
        self.duration.valueChanged.connect(lambda value: self._edit(typing=True, duration=value))
        self.duration.refused.connect(lambda value: self._edit(duration=value))
        self.fit_button.clicked.connect(self._fit_to_lines)
        self.shot.activated.connect(lambda _i: self._edit(shot=self.shot.currentData()))
        self.camera.activated.connect(lambda _i: self._edit(camera=self.camera.currentData()))
        self.place.activated.connect(lambda _i: self._edit_setting(place=self.place.currentData()))
        self.time_of_day.activated.connect(lambda _i: self._edit_setting(time_of_day=self.time_of_day.currentData()))
        self.weather.activated.connect(lambda _i: self._edit_setting(weather=self.weather.currentData()))
        self.place_note.textEdited.connect(lambda text: self._edit_setting(typing=True, description=text))
        self.beats.textChanged.connect(self._beats_changed)
        self.transition.activated.connect(lambda _i: self._edit_transition(typing=False))
        self.transition_length.valueChanged.connect(lambda _v: self._edit_transition(typing=True))
        self.add_line.clicked.connect(self._add_line)
        self.remove_line.clicked.connect(self._remove_line)
        self.line_up.clicked.connect(lambda: self._move_line(-1))
        self.line_down.clicked.connect(lambda: self._move_line(+1))
        self.split_here.clicked.connect(self._split_here)
        self.document.sceneChanged.connect(self._scene_changed)
        self.document.scenesReordered.connect(self.refresh)
        self.document.castChanged.connect(lambda _m: self.refresh())
        self.document.filmReset.connect(lambda: self.set_scene(""))

    # -- showing -------------------------------------------------------------------------------

    def _scene_changed(self, scene_id: str) -> None:
        if scene_id == self.scene_id:
            self.refresh()

    def set_scene(self, scene_id: str) -> None:
        self.scene_id = scene_id
        self.dialogue.set_scene(scene_id)
        self.refresh()

    def current(self) -> Scene | None:
        if self.scene_id and self.document.has_scene(self.scene_id):
            return self.document.scene(self.scene_id)
        return None

    def refresh(self) -> None:
        scene = self.current()
        self.form.setEnabled(scene is not None)
        if scene is None:
            self.heading.setText("Select a scene to edit it")
            return
        self._updating = True
        try:
            self.heading.setText(f"Scene {scene.number} of {len(self.document.film.scenes)}")
            if self.title.text() != scene.title:
                self.title.setText(scene.title)
            self._refresh_duration(scene)
            for combo, value in (
                (self.shot, scene.shot),
                (self.camera, scene.camera),
                (self.place, scene.setting.place),
                (self.time_of_day, scene.setting.time_of_day),
                (self.weather, scene.setting.weather),
                (self.transition, scene.transition_in.kind),
            ):
                combo.setCurrentIndex(combo.findData(value.value))
            if self.place_note.text() != scene.setting.description:
                self.place_note.setText(scene.setting.description)
            if _beats(self.beats.toPlainText()) != scene.beats:
                self.beats.setPlainText("\n".join(scene.beats))
            cut = scene.transition_in.kind is TransitionKind.cut
            self.transition_length.setEnabled(not cut)
            self.transition_length.setMaximum(min(3.0, scene.duration / 2))
            if self.transition_length.value() != scene.transition_in.duration:
                self.transition_length.setValue(scene.transition_in.duration)
            self._refresh_cast(scene)
        finally:
            self._updating = False

    def _refresh_duration(self, scene: Scene) -> None:
        """The length, with the shortest it may be beside it (the field stops there)."""
        need = shortest_duration(self.document.film, scene)
        self.duration.setMinimum(min(need, scene.duration))
        if self.duration.value() != scene.duration:
            self.duration.setValue(scene.duration)
        lines = lines_phrase(len(scene.dialogue))
        short = scene.duration < need
        if not scene.dialogue:
            self.duration_hint.setText("")
            tip = "How long the scene lasts"
        elif short:
            self.duration_hint.setText(f"Too short: its {lines} need {format_duration(need)}")
            tip = f"The last line is cut off in the film: its {lines} need {format_duration(need)}"
        else:
            self.duration_hint.setText(f"at least {format_duration(need)}")
            tip = f"At least {format_duration(need)}: its {lines} need that long (shorten or remove a line first)"
        self.duration_hint.setProperty("warning", short)
        self.duration_hint.setStyleSheet(
            "color: palette(link); font-weight: 600;" if short else "color: palette(placeholder-text);"
        )
        self.duration_hint.setToolTip(tip)
        self.duration.setToolTip(tip)
        self.fit_button.setVisible(short)
        self.fit_button.setText(f"Lengthen to {format_duration(need)}")

    def _fit_to_lines(self) -> None:
        scene = self.current()
        if scene is not None:
            self._edit(duration=shortest_duration(self.document.film, scene))

    def _refresh_cast(self, scene: Scene) -> None:
        members = [(m.id, m.name) for m in self.document.film.cast]
        if [(k, c.text()) for k, c in self.cast_checks.items()] != members:
            for check in self.cast_checks.values():
                check.deleteLater()
            self.cast_checks = {}
            for i, (member_id, name) in enumerate(members):
                check = QCheckBox(name)
                check.toggled.connect(self._cast_toggled)
                self.cast_layout.addWidget(check, i // 3, i % 3)
                self.cast_checks[member_id] = check
        for member_id, check in self.cast_checks.items():
            if check.isChecked() != (member_id in scene.cast):
                check.setChecked(member_id in scene.cast)

    # -- editing -------------------------------------------------------------------------------

    def _push(self, make: type[commands.FilmCommand], *args: Any, **kwargs: Any) -> None:
        scene = self.current()
        if self._updating or scene is None:
            return
        error = self.document.try_push(make, self.scene_id, *args, **kwargs)
        if error:
            self.message.emit(error)
            self.refresh()  # show the spec's value again, not the refused one
        elif "duration" not in kwargs:
            grown = grown_message(self.document, scene)
            if grown:
                self.message.emit(grown)

    def _edit(self, *, typing: bool = False, **changes: Any) -> None:
        self._push(commands.EditSceneCommand, typing=typing, **changes)

    def _edit_setting(self, *, typing: bool = False, **changes: Any) -> None:
        scene = self.current()
        if scene is not None and not self._updating:
            setting = scene.setting.model_dump() | changes
            self._edit(typing=typing, setting=setting)

    def _edit_transition(self, *, typing: bool) -> None:
        kind = self.transition.currentData()
        length = 0.0 if kind == TransitionKind.cut.value else (self.transition_length.value() or DEFAULT_TRANSITION)
        self._edit(typing=typing, transition_in={"kind": kind, "duration": length})

    def _beats_changed(self) -> None:
        scene = self.current()
        if scene is not None and _beats(self.beats.toPlainText()) != scene.beats:
            self._edit(typing=True, beats=_beats(self.beats.toPlainText()))

    def _cast_toggled(self, _checked: bool) -> None:
        cast = [member_id for member_id, check in self.cast_checks.items() if check.isChecked()]
        self._edit(cast=cast)

    def selected_line(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _select_line(self, row: int) -> None:
        if 0 <= row < self.dialogue.rowCount():
            self.table.selectRow(row)

    def _add_line(self) -> None:
        scene = self.current()
        if scene is None:
            return
        speaker = scene.cast[0] if scene.cast else NARRATOR
        at = self.selected_line() + 1 if self.selected_line() >= 0 else len(scene.dialogue)
        self._push(commands.AddDialogueLineCommand, DialogueLine(speaker=speaker, text="…"), at)
        self._select_line(at)
        self.table.edit(self.dialogue.index(at, TEXT))

    def _remove_line(self) -> None:
        row = self.selected_line()
        if row >= 0:
            self._push(commands.RemoveDialogueLineCommand, row)
            self._select_line(min(row, self.dialogue.rowCount() - 1))

    def _move_line(self, step: int) -> None:
        row = self.selected_line()
        if row >= 0 and 0 <= row + step < self.dialogue.rowCount():
            self._push(commands.MoveDialogueLineCommand, row, row + step)
            self._select_line(row + step)

    def _split_here(self) -> None:
        row = self.selected_line()
        self._push(commands.SplitSceneCommand, row if row >= 0 else None)
