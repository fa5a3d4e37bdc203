"""The character editor: name, role, kind, description, traits and voice of one cast member.

Like the scene inspector, it keeps no copy of the film: each change pushes an undo command and
the document's ``castChanged`` refreshes the form, writing a widget only when its value differs.
The play-sample button speaks a short line with the chosen voice on a worker thread, then plays
it: while it plays the button is a Stop button, and a note under it says when nothing can be heard.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from aistudio_desktop.preview.sound import SoundPlayer, VoiceSampler, output_problem, sample_text
from aistudio_desktop.project import commands
from aistudio_desktop.project.document import ProjectDocument
from aistudio_desktop.widgets.wheel import guard_wheel
from render_farm.ai.voices import ACCENTS, CHARACTER_TIMBRES, FEMALE_TIMBRES, LANGUAGE_NAMES, TIMBRES, default_accent
from render_farm.film import Kind, VoiceStyle

ACCENT_NAMES = {"us": "American", "gb": "British", "scotland": "Scottish", "caribbean": "Caribbean",
                "rp": "Received pronunciation", "nyc": "New York", "es": "Spain", "mx": "Mexico", "fr": "France",
                "be": "Belgium", "ch": "Switzerland", "br": "Brazil", "pt": "Portugal"}  # fmt: skip


PLAY, SPEAKING, STOP = "▶ Play sample", "Speaking…", "■ Stop"


def timbre_label(timbre: str) -> str:
    if timbre in CHARACTER_TIMBRES:
        return timbre.capitalize()
    kind = "Female" if timbre in FEMALE_TIMBRES else "Male"
    return f"{kind} {timbre[1:]}"


def traits_of(text: str) -> list[str]:
    return [t.strip() for t in text.replace(";", ",").split(",") if t.strip()][:8]


class CharacterEditor(QWidget):
    """Edits one cast member (``set_member``); ``message(text)`` reports refusals and samples."""

    message = Signal(str)

    def __init__(self, document: ProjectDocument, sampler: VoiceSampler, player: SoundPlayer | None = None) -> None:
        super().__init__()
        self.setObjectName("characterEditor")
        self.document = document
        self.sampler = sampler
        self.player = player or SoundPlayer(self)
        self.member_id = ""
        self._updating = False
        self.last_sample = ""

        self.heading = QLabel("No character selected")
        self.heading.setObjectName("inspectorHeading")
        self.name = QLineEdit()
        self.role = QLineEdit()
        self.role.setPlaceholderText("hero, friend, villain…")
        self.kind = QComboBox()  # what the character is: the art draws this kind
        for kind in Kind:
            self.kind.addItem(kind.value.replace("_", " ").capitalize(), kind.value)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("How they look: “a small orange fox with a green scarf”")
        self.description.setFixedHeight(70)
        self.traits = QLineEdit()
        self.traits.setPlaceholderText("brave, curious, a little clumsy")
        self.timbre = QComboBox()
        for timbre in TIMBRES:
            self.timbre.addItem(timbre_label(timbre), timbre)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.accent = QComboBox()
        self.pitch = QSlider(Qt.Orientation.Horizontal)
        self.pitch.setRange(0, 100)
        self.rate = QSlider(Qt.Orientation.Horizontal)
        self.rate.setRange(80, 320)
        self.pitch_label, self.rate_label = QLabel(), QLabel()
        for label in (self.pitch_label, self.rate_label):
            label.setMinimumWidth(64)
        self.play = QPushButton(PLAY)
        self.play.setObjectName("playSample")
        self.play.setToolTip("Hear this voice say a line (Ctrl+P)")
        self.play.setShortcut("Ctrl+P")
        self.sound_note = QLabel()  # why nothing is heard, when that is so
        self.sound_note.setObjectName("soundNote")
        self.sound_note.setWordWrap(True)
        self.sound_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.sound_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sound_note.hide()
        self._speaking = False

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Role", self.role)
        form.addRow("Kind", self.kind)
        form.addRow("Looks", self.description)
        form.addRow("Traits", self.traits)
        voice = QGroupBox("Voice")
        voice_form = QFormLayout(voice)
        voice_form.addRow("Timbre", self.timbre)
        voice_form.addRow("Language", self.language)
        voice_form.addRow("Accent", self.accent)
        for name, slider, value in (("Pitch", self.pitch, self.pitch_label), ("Rate", self.rate, self.rate_label)):
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(value)
            voice_form.addRow(name, row)
        voice_form.addRow("", self.play)
        voice_form.addRow("", self.sound_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(voice)
        layout.addStretch(1)
        self._wheel = guard_wheel(self)  # the editor scrolls in the cast panel

        self.name.textEdited.connect(lambda text: self._edit(name=text))
        self.role.textEdited.connect(lambda text: self._edit(role=text))
        self.kind.activated.connect(lambda _i: self._edit(kind=Kind(self.kind.currentData())))
        self.description.textChanged.connect(lambda: self._edit(description=self.description.toPlainText()))
        self.traits.editingFinished.connect(lambda: self._edit(personality=traits_of(self.traits.text())))
        self.timbre.activated.connect(lambda _i: self._edit_voice(voice=self.timbre.currentData()))
        self.language.activated.connect(self._language_chosen)
        self.accent.activated.connect(lambda _i: self._edit_voice(accent=self.accent.currentData()))
        for slider, field in ((self.pitch, "pitch"), (self.rate, "rate")):
            slider.valueChanged.connect(lambda value, s=slider, f=field: self._slider(s, f, value))
            slider.sliderReleased.connect(lambda s=slider, f=field: self._edit_voice(**{f: s.value()}))
        self.play.clicked.connect(self._play_clicked)
        self.player.message.connect(self.message)
        self.player.playingChanged.connect(lambda _playing: self._show_play())
        sampler.ready.connect(self._sample_ready)
        sampler.failed.connect(self._sample_failed)
        document.castChanged.connect(self._cast_changed)
        document.filmReset.connect(lambda: self.set_member(self.member_id))
        self.set_member("")

    # -- showing -------------------------------------------------------------------------------

    def set_member(self, member_id: str) -> None:
        if member_id not in {m.id for m in self.document.film.cast}:
            member_id = ""
        if member_id != self.member_id:  # another character: the last one's sample stops
            self.player.stop()
            self.sound_note.hide()
        self.member_id = member_id
        for widget in self.findChildren(QWidget):
            if widget is not self.heading:
                widget.setEnabled(bool(member_id))
        self._show_play()
        self._refresh()

    def _cast_changed(self, member_id: str) -> None:
        if member_id == self.member_id:
            self.set_member(member_id)

    def _refresh(self) -> None:
        self._updating = True
        try:
            if not self.member_id:
                self.heading.setText("No character selected")
                return
            member = self.document.member(self.member_id)
            self.heading.setText(member.name)
            for field, text in ((self.name, member.name), (self.role, member.role)):
                if field.text() != text:
                    field.setText(text)
            self.kind.setCurrentIndex(self.kind.findData(member.kind.value))
            if self.description.toPlainText() != member.description:
                self.description.setPlainText(member.description)
            traits = ", ".join(member.personality)
            if traits_of(self.traits.text()) != member.personality:
                self.traits.setText(traits)
            voice = member.voice
            self.timbre.setCurrentIndex(max(0, self.timbre.findData(voice.voice)))
            self.language.setCurrentIndex(max(0, self.language.findData(voice.language)))
            self.accent.clear()
            for accent in ACCENTS.get(voice.language, (voice.accent,)):
                self.accent.addItem(ACCENT_NAMES.get(accent, accent.upper()), accent)
            if self.accent.findData(voice.accent) < 0:
                self.accent.addItem(ACCENT_NAMES.get(voice.accent, voice.accent.upper()), voice.accent)
            self.accent.setCurrentIndex(self.accent.findData(voice.accent))
            if not self.pitch.isSliderDown():
                self.pitch.setValue(voice.pitch)
            if not self.rate.isSliderDown():
                self.rate.setValue(min(max(voice.rate, self.rate.minimum()), self.rate.maximum()))
            self.pitch_label.setText(str(voice.pitch))
            self.rate_label.setText(f"{voice.rate} wpm")
        finally:
            self._updating = False

    # -- editing -------------------------------------------------------------------------------

    def _edit(self, **changes: object) -> None:
        if self._updating or not self.member_id:
            return
        member = self.document.member(self.member_id)
        if all(getattr(member, field) == value for field, value in changes.items()):
            return
        error = self.document.try_push(commands.EditCastMemberCommand, self.member_id, **changes)
        if error:
            self.message.emit(error)
            self._refresh()  # show the spec as it is, not the refused text

    def _edit_voice(self, **changes: object) -> None:
        if self._updating or not self.member_id:
            return
        voice = self.document.member(self.member_id).voice
        self._edit(voice=voice.model_copy(update=changes))

    def _language_chosen(self, _index: int) -> None:
        language = str(self.language.currentData())
        self._edit_voice(language=language, accent=default_accent(language))

    def _slider(self, slider: QSlider, field: str, value: int) -> None:
        (self.pitch_label if field == "pitch" else self.rate_label).setText(
            str(value) if field == "pitch" else f"{value} wpm"
        )
        if not slider.isSliderDown():  # keys, wheel and clicks on the groove: one step each
            self._edit_voice(**{field: value})

    # -- the sample ----------------------------------------------------------------------------

    def voice(self) -> VoiceStyle:
        return self.document.member(self.member_id).voice

    def _play_clicked(self) -> None:
        if self.player.playing:
            self.player.stop()
        else:
            self.play_sample()

    def _show_play(self) -> None:
        """The button says what a click does now: play, wait for the voice, or stop."""
        if self._speaking:
            self.play.setText(SPEAKING)
            self.play.setEnabled(False)
        elif self.player.playing:
            self.play.setText(STOP)
            self.play.setToolTip("Stop the sample (Ctrl+P)")
            self.play.setEnabled(True)
        else:
            self.play.setText(PLAY)
            self.play.setToolTip("Hear this voice say a line (Ctrl+P)")
            self.play.setEnabled(bool(self.member_id))

    def play_sample(self) -> None:
        if not self.member_id:
            return
        member = self.document.member(self.member_id)
        self._speaking = True
        self._show_play()
        self.sampler.speak(member.id, sample_text(member.name, member.voice.language), member.voice)

    def _sample_ready(self, member_id: str, path: str) -> None:
        self._speaking = False
        self.last_sample = path
        if member_id == self.member_id:
            problem = output_problem()
            self.sound_note.setText(
                f"Nothing can be heard: {problem}. Connect some and play it again; the sample is saved at {path}"
                if problem
                else ""
            )
            self.sound_note.setVisible(bool(problem))
            self.player.play(Path(path))
        self._show_play()

    def _sample_failed(self, _member_id: str, message: str) -> None:
        self._speaking = False
        self._show_play()
        self.message.emit(f"Could not speak the sample: {message}")
