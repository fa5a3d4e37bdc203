"""The main window: the storyboard in the centre, the scene inspector in a dock, menus, status bar.

The render farm's menu and Render Queue dock come from :class:`~aistudio_desktop.farm.menu.FarmUi`.
Extension points for more panels: call
:meth:`MainWindow.add_panel` with a widget; it gets a dock (remembered in the window layout)
and an entry in View > Panels. Their actions go in :attr:`MainWindow.menus` (``file``,
``edit``, ``view``, ``panels``, ``help``) or in a new menu from ``menuBar()``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from aistudio_desktop.farm.cost import planned_cost
from aistudio_desktop.farm.menu import FarmUi
from aistudio_desktop.preview.cache import SETTING as CACHE_LIMIT_SETTING
from aistudio_desktop.preview.cache import limit_from_settings
from aistudio_desktop.preview.sound import SoundPlayer
from aistudio_desktop.project.store import PROJECT_FILE_SUFFIX
from aistudio_desktop.studio import Studio
from aistudio_desktop.widgets.gallery import CastGallery, bundle_dir
from aistudio_desktop.widgets.inspector import SceneInspector
from aistudio_desktop.widgets.new_project import NewProjectDialog
from aistudio_desktop.widgets.provider_settings import ProviderSettingsDialog
from aistudio_desktop.widgets.recent import RecentMenu
from aistudio_desktop.widgets.storyboard import (
    StoryboardModel,
    format_duration,
    length_explained,
    shared_by_transitions,
)
from aistudio_desktop.widgets.storyboard_view import StoryboardView
from aistudio_desktop.widgets.theme import Theme, apply_theme
from aistudio_desktop.widgets.timeline import TimelinePanel


def app_version() -> str:
    """The installed version of the ``aistudio`` distribution (``unknown`` when run from a bare checkout)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("aistudio")
    except PackageNotFoundError:
        return "unknown"


UNDO_KEYS = (QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


class _UndoKeys(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y reach the window's undo stack from inside text fields.

    Text fields claim these keys for their own small undo history; in this window every edit
    is a command on the document, so the document's stack must get them.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch for keys in UNDO_KEYS):
                event.ignore()
                return True
        return False


class MainWindow(QMainWindow):
    def __init__(self, studio: Studio, settings: QSettings) -> None:
        super().__init__()
        self.studio = studio
        self.settings = settings
        self.document = studio.document
        self.setWindowTitle("AI Studio")
        self.setObjectName("mainWindow")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.storyboard_model = StoryboardModel(self.document, studio.pictures)
        self.storyboard = StoryboardView(self.document, self.storyboard_model)
        self.setCentralWidget(self.storyboard)
        self.inspector = SceneInspector(self.document)
        self.storyboard.currentSceneChanged.connect(self.inspector.set_scene)
        self.menus: dict[str, QMenu] = {}
        self.new_film_dialog: NewProjectDialog | None = None
        self._build_menus()
        self.inspector_dock = self.add_panel("Scene", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        self.inspector_dock.setMinimumWidth(380)
        self.player = SoundPlayer(self)
        self.gallery = CastGallery(
            self.document, studio.pictures, studio.sampler, self.player, lambda: bundle_dir(studio.store, self.document)
        )
        self.gallery_dock = self.add_panel("Cast", self.gallery, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.inspector_dock, self.gallery_dock)
        self.inspector_dock.raise_()
        studio.render_cache.limit = limit_from_settings(settings)
        self.timeline = TimelinePanel(self.document, studio.previews, self.player)
        self.timeline_dock = self.add_panel("Timeline", self.timeline, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.storyboard.currentSceneChanged.connect(self._scene_chosen)
        self.timeline.sceneActivated.connect(lambda scene_id: self.storyboard.select_scenes([scene_id]))
        self._build_play_menu()
        self._build_status_bar()
        self.farm_ui = FarmUi(self)
        self.farm = self.farm_ui.farm
        self._undo_keys = _UndoKeys(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._undo_keys)

        for source in (self.storyboard, self.inspector, self.gallery, self.timeline):
            source.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        studio.saveState.connect(self.save_label.setText)
        studio.pictures.busyChanged.connect(self._pictures_busy)
        studio.pictures.failed.connect(lambda text: self.statusBar().showMessage(text, 6000))
        studio.imported.connect(self._imported)
        studio.exported.connect(self._exported)
        self.document.edited.connect(self._film_changed)
        self.document.filmReset.connect(self._film_reset)
        self._restore_layout()
        self._film_reset()

    # -- building ------------------------------------------------------------------------------

    def add_panel(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """Put ``widget`` in a dock (its state is saved with the window) listed in View > Panels."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.lower().replace(' ', '-')}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menus["panels"].addAction(dock.toggleViewAction())
        return dock

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = self.menus["file"] = bar.addMenu("&File")
        self.new_film_action = self._action(file, "&New Film…", QKeySequence.StandardKey.New, self.new_film)
        self._action(file, "New &Blank Project", QKeySequence("Ctrl+Alt+N"), lambda: self.studio.new_project())
        self.recent_menu = RecentMenu(self.studio, file)
        file.addMenu(self.recent_menu)
        file.addSeparator()
        self._action(file, "&Import Project…", QKeySequence("Ctrl+I"), self.import_project)
        self._action(file, "&Export Project…", QKeySequence("Ctrl+E"), self.export_project)
        file.addSeparator()
        providers = self._action(file, "AI &Providers…", QKeySequence("Ctrl+,"), self.provider_settings)
        providers.setMenuRole(QAction.MenuRole.PreferencesRole)
        file.addSeparator()
        self._action(file, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        edit = self.menus["edit"] = bar.addMenu("&Edit")
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([UNDO_KEYS[0]])
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([UNDO_KEYS[1], UNDO_KEYS[2]])
        for act in (self.undo_action, self.redo_action):
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            edit.addAction(act)
            self.addAction(act)
        edit.addSeparator()
        for act in self.storyboard.scene_actions:
            edit.addAction(act)

        view = self.menus["view"] = bar.addMenu("&View")
        themes = view.addMenu("&Theme")
        group = QActionGroup(self)
        current = str(self.settings.value("theme", Theme.system.value))
        for theme in Theme:
            act = QAction(theme.value.capitalize(), self, checkable=True)
            act.setChecked(theme.value == current)
            act.triggered.connect(lambda _c=False, t=theme: self.set_theme(t))
            group.addAction(act)
            themes.addAction(act)
        self.menus["panels"] = view.addMenu("&Panels")
        self.toolbar = self.addToolBar("Storyboard")
        self.toolbar.setObjectName("toolbar-storyboard")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions(self.storyboard.scene_actions)
        self.menus["panels"].addAction(self.toolbar.toggleViewAction())
        self.menus["help"] = bar.addMenu("&Help")
        self._action(self.menus["help"], "&About AI Studio", None, self._about)

    def _build_play_menu(self) -> None:
        play = self.menus["play"] = self.menuBar().addMenu("&Play")
        self.menuBar().insertMenu(self.menus["help"].menuAction(), play)
        timeline = self.timeline
        self.play_action = self._action(play, "&Play / Pause", QKeySequence("Ctrl+Space"), timeline.toggle_play)
        self._action(play, "P&revious Scene", QKeySequence("Ctrl+["), lambda: timeline.step_scene(-1))
        self._action(play, "&Next Scene", QKeySequence("Ctrl+]"), lambda: timeline.step_scene(1))
        self._action(play, "To the &Start", QKeySequence("Ctrl+Home"), lambda: timeline.seek(0.0))
        play.addSeparator()
        self._action(play, "&Export Preview Film…", QKeySequence("Ctrl+Shift+E"), self.export_preview_film)
        self._action(play, "Export &Frame…", QKeySequence("Ctrl+Shift+F"), self.export_frame)
        play.addSeparator()
        self._action(play, "Render &Cache Size…", None, self.set_cache_limit)

    def _scene_chosen(self, scene_id: str) -> None:
        if scene_id and not self.timeline.playing:
            self.timeline.jump_to_scene(scene_id)

    def _safe_name(self) -> str:
        return "".join(c for c in self.document.film.title if c.isalnum() or c in " -_").strip() or "film"

    def export_preview_film(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export preview film", f"{self._safe_name()}.mp4", "MP4 (*.mp4)")
        if path:
            self.timeline.export_film(Path(path if path.endswith(".mp4") else path + ".mp4"))

    def export_frame(self) -> None:
        name = f"{self._safe_name()} {self.timeline.position:.1f}s.png"
        path, _ = QFileDialog.getSaveFileName(self, "Export frame", name, "PNG (*.png)")
        if path:
            self.timeline.export_frame(Path(path if path.endswith(".png") else path + ".png"))

    def set_cache_limit(self) -> None:
        cache = self.studio.render_cache
        gigabytes, ok = QInputDialog.getDouble(
            self,
            "Render cache",
            f"Scene previews, thumbnails and voice samples are kept in\n{cache.root}\n\n"
            "Largest size of the cache (GB); the least recently used renders go first:",
            cache.limit / 1024**3,
            0.1,
            500.0,
            1,
        )
        if ok:
            self.settings.setValue(CACHE_LIMIT_SETTING, round(gigabytes * 1024))
            cache.limit = limit_from_settings(self.settings)
            self.statusBar().showMessage(f"Render cache limited to {gigabytes:g} GB", 5000)

    def _action(
        self, menu: QMenu, text: str, keys: QKeySequence | QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        act = QAction(text, self)
        if keys is not None:
            act.setShortcut(keys)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.summary_label = QLabel()
        self.pictures_label = QLabel()
        self.save_label = QLabel("All changes saved")
        for label in (self.pictures_label, self.summary_label, self.save_label):
            bar.addPermanentWidget(label)
        bar.messageChanged.connect(bar.setToolTip)  # a message longer than the bar's room reads whole there

    # -- reacting ------------------------------------------------------------------------------

    def _film_changed(self) -> None:
        film = self.document.film
        count = len(film.scenes)
        summary = f"{count} scene{'s' if count != 1 else ''} · {format_duration(film.duration)}"
        shared = shared_by_transitions(film)
        if shared > 0:  # the cards add up to more than the film: say where the difference went
            summary += f" ({format_duration(shared)} shared by transitions)"
        self.summary_label.setText(summary)
        self.summary_label.setToolTip(
            f"The film runs {format_duration(film.duration)}: {length_explained(film)}. "
            "A transition plays over the end of one scene and the start of the next, so it is counted once."
        )
        self.setWindowTitle(f"{film.title} — AI Studio")

    def _film_reset(self) -> None:
        self._film_changed()
        if self.storyboard_model.rowCount():
            self.storyboard.select_scenes([self.document.scene_ids()[0]])

    def _pictures_busy(self, count: int) -> None:
        self.pictures_label.setText(f"Drawing {count} preview{'s' if count != 1 else ''}…" if count else "")

    def import_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import project", "", f"AI Studio projects (*{PROJECT_FILE_SUFFIX})"
        )
        if path:
            self.statusBar().showMessage(f"Importing {Path(path).name}…")
            self.studio.import_file(Path(path))

    def export_project(self) -> None:
        name = "".join(c for c in self.document.film.title if c.isalnum() or c in " -_").strip() or "film"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export project", f"{name}{PROJECT_FILE_SUFFIX}", f"AI Studio projects (*{PROJECT_FILE_SUFFIX})"
        )
        if path:
            if not path.endswith(PROJECT_FILE_SUFFIX):
                path += PROJECT_FILE_SUFFIX
            self.studio.export_file(Path(path))

    def _imported(self, _project_id: str, error: str) -> None:
        if error:
            self.statusBar().clearMessage()
            QMessageBox.warning(self, "Import failed", error)
        else:
            self.statusBar().showMessage("Project imported", 4000)

    def _exported(self, path: str, error: str) -> None:
        if error:
            QMessageBox.warning(self, "Export failed", error)
        else:
            self.statusBar().showMessage(f"Exported to {path}", 6000)

    def set_theme(self, theme: Theme | str) -> None:
        theme = Theme(theme)
        self.settings.setValue("theme", theme.value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    def new_film(self) -> NewProjectDialog:
        """Open the new-film dialog; the film it makes opens here when it is saved."""
        prices = self.farm.credits
        dialog = NewProjectDialog(
            self.studio.store,
            self.studio.pictures,
            self.studio.providers,
            self,
            cost_note=lambda length: planned_cost(length, prices.prices),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self.studio.open_created)
        dialog.created.connect(lambda film, _pid: self.statusBar().showMessage(f"Made “{film.title}”", 6000))
        dialog.open()
        self.new_film_dialog = dialog
        return dialog

    def provider_settings(self) -> ProviderSettingsDialog:
        """File > AI Providers: who writes, designs and speaks; the service's key goes to the keyring."""
        dialog = ProviderSettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage("AI provider settings saved", 6000))
        dialog.open()
        self.provider_dialog = dialog
        return dialog

    def about_text(self) -> str:
        return (
            f"<h3>AI Studio {app_version()}</h3>"
            "<p>Turns a story into an animated film: a cast with their own voices, scenes with dialogue, "
            "music and subtitles, rendered on your own machine.</p>"
            f"<p>Projects: {self.studio.store.data_dir}<br>Renders: {self.studio.cache_dir}</p>"
        )

    def _about(self) -> None:
        QMessageBox.about(self, "About AI Studio", self.about_text())

    # -- window layout -------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timeline.close_workers()
        self.farm_ui.shutdown()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._undo_keys)
        super().closeEvent(event)
