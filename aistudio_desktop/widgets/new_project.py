"""The new-project flow: a prompt (or a whole story), a style, a length and a language become a project.

:class:`FilmMaker` is a worker object that lives on its own :class:`QThread`: it runs the story
breakdown and the character design with the providers chosen in settings, then writes the new
project to the store. It checks for a cancel between stages, and a cancel (or a failure) removes
whatever it had made, so a cancelled flow leaves no project and no bundle files behind.
:class:`NewProjectDialog` collects the request, shows a swatch of each style drawn by the engine
(cached like every other picture), says what the film will cost to render on the farm, and reports
the stages with a progress bar.
"""

from __future__ import annotations

import shutil
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSize, Qt, QThread, Signal, Slot
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aistudio_desktop.preview.pictures import PictureCache
from aistudio_desktop.project.store import ProjectStore
from render_farm.ai.protocols import BreakdownRequest, Providers
from render_farm.ai.voices import LANGUAGE_NAMES, LANGUAGE_NOTES
from render_farm.film import CastMember, DialogueLine, Emotion, Film, Place, Scene, Setting, Shot, Style

ProvidersFactory = Callable[[], Providers]
MIN_LENGTH, MAX_LENGTH = 15, 600
STAGES = ("Writing the story", "Designing the cast", "Saving the project")


@dataclass(frozen=True)
class NewProjectRequest:
    prompt: str
    style: Style = Style.storybook
    length: float = 60.0
    language: str = "en"


class FlowCancelled(Exception):
    """The user cancelled the new-project flow."""


class FilmMaker(QObject):
    """Breakdown, design and save off the UI thread. Signals: ``progress(percent, stage)``,
    ``finished(film, project_id)``, ``failed(message)``, ``cancelled()``."""

    progress = Signal(int, str)
    finished = Signal(object, str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, request: NewProjectRequest, providers: ProvidersFactory, store: ProjectStore) -> None:
        super().__init__()
        self.request = request
        self.providers = providers
        self.store = store
        self.project_id = uuid.uuid4().hex
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop (thread-safe); it stops at the next stage and cleans up."""
        self._cancel.set()

    def _check(self) -> None:
        if self._cancel.is_set():
            raise FlowCancelled

    @Slot()
    def run(self) -> None:
        assets = self.store.project_dir(self.project_id)
        created = False
        try:
            self.progress.emit(2, STAGES[0])
            providers = self.providers()
            self._check()
            film = providers.writer.breakdown(
                BreakdownRequest(
                    prompt=self.request.prompt,
                    style=self.request.style,
                    length=self.request.length,
                    language=self.request.language,
                )
            )
            film = film.model_copy(update={"style": self.request.style})
            self._check()
            self.progress.emit(45, STAGES[1])
            film = providers.designer.design(film, assets_dir=assets)
            self._check()
            self.progress.emit(85, STAGES[2])
            self.store.create(film, self.project_id)
            created = True
            self._check()
        except FlowCancelled:
            self._clean(assets, created)
            self.cancelled.emit()
        except Exception as error:  # any provider or store error is the user's to read, not a crash
            self._clean(assets, created)
            message = str(error) or type(error).__name__
            self.failed.emit(message[:1].upper() + message[1:])
        else:
            self.progress.emit(100, "Done")
            self.finished.emit(film, self.project_id)

    def _clean(self, assets: object, created: bool) -> None:
        if created:
            self.store.delete(self.project_id)
        shutil.rmtree(str(assets), ignore_errors=True)


# -- style swatches ----------------------------------------------------------------------------


def swatch_film(style: Style) -> Film:
    """The little scene every style's swatch shows: two friends in a meadow at golden hour."""
    from render_farm.ai.offline.designer import OfflineDesigner

    film = Film(
        title=f"{style.value} swatch",
        style=style,
        cast=[
            CastMember(id="fox", name="Fox", description="a small orange fox with a green scarf"),
            CastMember(id="girl", name="Girl", description="a girl with a red dress and a yellow hat"),
        ],
        scenes=[
            Scene(
                id="swatch",
                number=1,
                duration=4.0,
                cast=["fox", "girl"],
                shot=Shot.medium,
                setting=Setting(place=Place.meadow),
                dialogue=[DialogueLine(speaker="fox", text="Hello!", emotion=Emotion.happy)],
            )
        ],
    )
    return OfflineDesigner().design(film)


SWATCH_STYLE = """
QToolButton[swatch="true"] {
    border: 2px solid transparent; border-radius: 8px; padding: 4px; background: transparent;
}
QToolButton[swatch="true"]:hover { border-color: palette(mid); }
QToolButton[swatch="true"]:focus { border: 2px dashed palette(highlight); }
QToolButton[swatch="true"]:checked {
    border: 3px solid palette(highlight); background: palette(alternate-base); font-weight: 600;
}
"""


class StylePicker(QWidget):
    """One button per style, each with its swatch (drawn in the background), chosen like radio buttons:
    a click or the arrow keys choose one; the chosen one has a thick accent border and a check mark,
    the one with keyboard focus a dashed border, and screen readers hear "Comic style, checked"."""

    SWATCH = QSize(160, 90)
    CHECK = "✓ "

    def __init__(self, pictures: PictureCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pictures = pictures
        self.setStyleSheet(SWATCH_STYLE)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[Style, QToolButton] = {}
        self._keys: dict[str, Style] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for style in Style:
            button = QToolButton()
            button.setObjectName(f"style-{style.value}")
            button.setProperty("swatch", True)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(f"{style.value.capitalize()} style")
            button.setToolTip(f"Make the film in the {style.value} style")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIconSize(self.SWATCH)
            button.setMinimumSize(self.SWATCH.width() + 16, self.SWATCH.height() + 40)
            button.toggled.connect(lambda _on, s=style: self._label(s))
            self.group.addButton(button)
            self.buttons[style] = button
            layout.addWidget(button)
            self._label(style)
            film = swatch_film(style)
            key = pictures.thumbnail_key(film, 0)
            self._keys[key] = style
            image = pictures.thumbnail(film, 0, key)
            if image is not None:
                button.setIcon(QIcon(QPixmap.fromImage(image)))
        layout.addStretch(1)
        self.buttons[Style.storybook].setChecked(True)
        pictures.thumbnailReady.connect(self._ready)

    def _label(self, style: Style) -> None:
        button = self.buttons[style]
        chosen = button.isChecked()
        button.setText((self.CHECK if chosen else "") + style.value.capitalize())
        button.setAccessibleDescription("chosen" if chosen else "")

    def _ready(self, key: str) -> None:
        style = self._keys.get(key)
        image = self.pictures.cached("thumbnail", key)
        if style is not None and image is not None:
            self.buttons[style].setIcon(QIcon(QPixmap.fromImage(image)))

    def has_swatch(self, style: Style) -> bool:
        return not self.buttons[style].icon().isNull()

    def chosen(self) -> Style:
        for style, button in self.buttons.items():
            if button.isChecked():
                return style
        return Style.storybook

    def set_style(self, style: Style) -> None:
        self.buttons[style].setChecked(True)


# -- the dialog --------------------------------------------------------------------------------


class NewProjectDialog(QDialog):
    """Collects a :class:`NewProjectRequest` and runs :class:`FilmMaker` on a thread.

    ``created(film, project_id)`` when the project is made and saved; the dialog then closes.
    Cancel while it runs stops the work (and removes what it made); Cancel again closes.
    """

    created = Signal(object, str)

    def __init__(
        self,
        store: ProjectStore,
        pictures: PictureCache,
        providers: ProvidersFactory,
        parent: QWidget | None = None,
        cost_note: Callable[[float], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newProjectDialog")
        self.setWindowTitle("New film")
        self.store = store
        self.providers = providers
        self._thread: QThread | None = None
        self.maker: FilmMaker | None = None

        heading = QLabel("What is your film about?")
        heading.setObjectName("inspectorHeading")
        self.prompt = QPlainTextEdit()
        self.prompt.setPlaceholderText(
            "A premise, like “a shy robot learns to dance at the harvest festival”,\n"
            "or paste a whole story with its dialogue in quotes."
        )
        self.prompt.setMinimumHeight(110)
        self.prompt.setTabChangesFocus(True)  # Tab goes on to the styles, as in every other form
        self.prompt.setAccessibleName("What your film is about")
        self.styles = StylePicker(pictures)
        self.length = QSpinBox()
        self.length.setRange(MIN_LENGTH, MAX_LENGTH)
        self.length.setSingleStep(15)
        self.length.setValue(60)
        self.length.setSuffix(" s")
        self.length.setToolTip("How long the film should run: 15 s to 10 min")
        self.cost_note = cost_note
        self.cost = QLabel()  # what the final render will cost on the farm
        self.cost.setObjectName("filmCost")
        self.cost.setWordWrap(True)
        self.cost.setVisible(cost_note is not None)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
            if code in LANGUAGE_NOTES:
                self.language.setItemData(self.language.count() - 1, LANGUAGE_NOTES[code], Qt.ItemDataRole.ToolTipRole)
        self.status = QLabel(" ")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.create_button = QPushButton("Create film")
        self.create_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")

        form = QFormLayout()
        form.addRow("Style", self.styles)
        length_row = QHBoxLayout()
        length_row.addWidget(self.length)
        length_row.addWidget(self.cost, 1)
        form.addRow("Length", length_row)
        form.addRow("Language", self.language)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.create_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.prompt.textChanged.connect(self._update)
        self.length.valueChanged.connect(self._show_cost)
        self._show_cost()
        self._update()

    # -- state ---------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.maker is not None

    def request(self) -> NewProjectRequest:
        return NewProjectRequest(
            prompt=self.prompt.toPlainText().strip(),
            style=self.styles.chosen(),
            length=float(self.length.value()),
            language=str(self.language.currentData()),
        )

    def _show_cost(self) -> None:
        if self.cost_note is not None:
            self.cost.setText(self.cost_note(float(self.length.value())))

    def _update(self) -> None:
        self.create_button.setEnabled(not self.running and bool(self.prompt.toPlainText().strip()))
        for widget in (self.prompt, self.styles, self.length, self.language):
            widget.setEnabled(not self.running)

    # -- running -------------------------------------------------------------------------------

    def start(self) -> None:
        request = self.request()
        if not request.prompt or self.running:
            return
        self.maker = FilmMaker(request, self.providers, self.store)
        self._thread = QThread(self)
        self.maker.moveToThread(self._thread)
        self._thread.started.connect(self.maker.run)
        self.maker.progress.connect(self._progress)
        self.maker.finished.connect(self._finished)
        self.maker.failed.connect(self._failed)
        self.maker.cancelled.connect(self._cancelled)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText("Starting…")
        self.cancel_button.setText("Stop")
        self._update()
        self._thread.start()

    def cancel(self) -> None:
        if self.maker is not None:
            self.maker.cancel()
            self.status.setText("Stopping…")
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    def _progress(self, percent: int, stage: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(f"{stage}…" if percent < 100 else stage)

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()  # the worker has returned already: this is only the event loop ending
            self._thread.deleteLater()
        if self.maker is not None:
            self.maker.deleteLater()
        self._thread, self.maker = None, None
        self.cancel_button.setText("Cancel")
        self.cancel_button.setEnabled(True)
        self._update()

    def _finished(self, film: Film, project_id: str) -> None:
        self._stop_thread()
        self.created.emit(film, project_id)
        self.accept()

    def _failed(self, message: str) -> None:
        self._stop_thread()
        self.progress.setVisible(False)
        self.status.setText(f"Could not make the film: {message}")

    def _cancelled(self) -> None:
        self._stop_thread()
        self.progress.setVisible(False)
        self.status.setText("Stopped. Nothing was saved.")

    def reject(self) -> None:
        if self.maker is not None:  # closing the window while it runs: stop first, then close
            self.maker.cancelled.connect(lambda: QDialog.reject(self))
            self.maker.failed.connect(lambda _m: QDialog.reject(self))
            self.maker.finished.connect(lambda *_a: None)
            self.cancel()
            return
        super().reject()
