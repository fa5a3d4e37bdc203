"""The Farm menu, the Render Queue dock and what the final render will cost (in the status bar),
added to the main window by :class:`FarmUi`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFrame, QMenu, QScrollArea, QWidget

from aistudio_desktop.farm.buy_credits import BuyCreditsDialog
from aistudio_desktop.farm.cost import RenderCostLabel
from aistudio_desktop.farm.dialogs import RenderDialog, SignInDialog
from aistudio_desktop.farm.panel import RenderQueuePanel
from aistudio_desktop.farm.session import FarmSession, FarmState
from render_farm.film import dumps

if TYPE_CHECKING:
    from aistudio_desktop.main_window import MainWindow


class FarmUi:
    """The farm's part of the main window: its session, menu, dock and dialogs."""

    def __init__(self, window: MainWindow, farm: FarmSession | None = None) -> None:
        self.window = window
        self.farm = farm or FarmSession(window.settings, parent=window)
        self.panel = RenderQueuePanel(self.farm)
        scroller = QScrollArea()  # a short dock scrolls rather than forcing the window taller
        scroller.setWidget(self.panel)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.dock: QDockWidget = window.add_panel("Render Queue", scroller, Qt.DockWidgetArea.RightDockWidgetArea)
        window.tabifyDockWidget(window.gallery_dock, self.dock)
        window.inspector_dock.raise_()
        self.sign_in_dialog: SignInDialog | None = None
        self.render_dialog: RenderDialog | None = None
        self.buy_dialog: BuyCreditsDialog | None = None
        self.menu = self._menu()
        self.cost_label = RenderCostLabel(self.farm, window.document)
        self.cost_label.buyRequested.connect(self.buy_credits)
        window.statusBar().insertPermanentWidget(0, self.cost_label)
        self.panel.signInRequested.connect(self.sign_in)
        self.panel.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
        self.farm.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.farm.stateChanged.connect(lambda _s: self._enable())
        self._enable()
        self.farm.restore()

    def _menu(self) -> QMenu:
        window = self.window
        menu = window.menuBar().addMenu("F&arm")
        window.menuBar().insertMenu(window.menus["help"].menuAction(), menu)
        window.menus["farm"] = menu

        def action(text: str, keys: str | None, slot: object) -> QAction:
            act = QAction(text, window)
            if keys:
                act.setShortcut(QKeySequence(keys))
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        self.sign_in_action = action("&Sign In…", "Ctrl+Alt+S", self.sign_in)
        self.sign_out_action = action("Sign &Out", None, self.farm.sign_out)
        menu.addSeparator()
        self.render_action = action("&Render Final Film…", "Ctrl+Shift+R", self.render_film)
        self.buy_action = action("&Buy Credits…", None, lambda: self.buy_credits())
        self.queue_action = action("Show Render &Queue", "Ctrl+Alt+Q", self.show_queue)
        self.refresh_action = action("Re&fresh", None, self.farm.refresh)
        return menu

    def _enable(self) -> None:
        signed_in = self.farm.state is not FarmState.signed_out
        self.sign_out_action.setEnabled(signed_in)
        self.render_action.setEnabled(self.farm.state is FarmState.online)
        self.buy_action.setEnabled(self.farm.state is FarmState.online)
        self.refresh_action.setEnabled(signed_in)

    def show_queue(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.queue.setFocus()

    def sign_in(self) -> SignInDialog:
        dialog = SignInDialog(self.farm, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.show_queue)
        dialog.open()
        self.sign_in_dialog = dialog
        return dialog

    def render_film(self) -> RenderDialog | None:
        """Upload the open film as a new version, show the farm's estimate, submit when the user agrees."""
        if self.farm.state is not FarmState.online:
            self.window.statusBar().showMessage("Sign in to a farm first (Farm > Sign In)", 6000)
            return None
        studio, document = self.window.studio, self.window.document
        film = document.film
        files: dict[str, bytes] = {}
        folder = studio.store.project_dir(document.project_id) if document.project_id else None
        for member in film.cast:
            if member.art and folder is not None and (folder / member.art).is_file():
                files[member.art] = (folder / member.art).read_bytes()
        if any(member.art and member.art not in files for member in film.cast):
            film = film.model_copy(
                update={
                    "cast": [
                        m if not m.art or m.art in files else m.model_copy(update={"art": None}) for m in film.cast
                    ]
                }
            )  # art the project folder lacks is drawn again by the farm
        dialog = RenderDialog(self.farm, film.title, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.show_queue)
        dialog.buyCreditsRequested.connect(
            lambda need: self.buy_credits(need, f"the final render of “{film.title}”", dialog)
        )
        dialog.open()
        self.render_dialog = dialog
        self.farm.renders.prepare_render(document.project_id or "unsaved", film.title, dumps(film), files)
        return dialog

    def buy_credits(self, need: int = 0, what: str = "", parent: QWidget | None = None) -> BuyCreditsDialog | None:
        """Farm > Buy Credits: the farm's packs, paid for in the browser."""
        if self.farm.state is not FarmState.online:
            self.window.statusBar().showMessage("Sign in to a farm first (Farm > Sign In) to buy credits there", 6000)
            return None
        dialog = BuyCreditsDialog(self.farm, need, what, parent or self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.buy_dialog = dialog
        return dialog

    def shutdown(self) -> None:
        self.farm.shutdown()
