"""What the final render of a film will cost on the farm, said while the film is made and edited.

:func:`planned_cost` answers for a film not written yet (the New Film dialog: a length becomes
about so many scenes); :class:`RenderCostLabel` sits in the status bar and follows the open film,
the farm's prices and the balance, offering to buy credits when the balance falls short.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel

from aistudio_desktop.farm.records import FarmState, Prices
from aistudio_desktop.farm.session import FarmSession
from aistudio_desktop.project.document import ProjectDocument
from render_farm.ai.offline.story import scene_count


def scenes_phrase(count: int) -> str:
    return f"{count} scene{'s' if count != 1 else ''}"


def planned_cost(length: float, prices: Prices) -> str:
    """``A 60 s film of 5 scenes costs 150 credits on the farm``: a film of ``length`` seconds, as the
    story writer plans its scenes."""
    scenes = scene_count(length)
    seconds = round(length)  # in seconds, as the length field beside it says
    return f"A {seconds} s film of {scenes_phrase(scenes)} costs {prices.render_cost(scenes)} credits on the farm"


def breakdown(scenes: int, prices: Prices) -> str:
    """``5 scenes × 20 credits + 50 for the final video (this farm's prices)``."""
    where = "this farm's prices" if prices.from_farm else "the farm's published prices"
    per_scene = f"{scenes_phrase(scenes)} × {prices.scene_credits} credits"
    return f"{per_scene} + {prices.final_video_credits} for the final video ({where})"


class RenderCostLabel(QLabel):
    """``Final render: 150 credits`` for the open film; when signed in and short of credits, how many
    more are needed and a link to buy them (``buyRequested(need, why)``)."""

    buyRequested = Signal(int, str)

    def __init__(self, farm: FarmSession, document: ProjectDocument) -> None:
        super().__init__()
        self.setObjectName("renderCost")
        self.farm = farm
        self.document = document
        self.cost = 0
        self.need = 0
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(lambda _link: self.buyRequested.emit(self.need, self.why()))
        document.edited.connect(self.refresh)
        document.filmReset.connect(self.refresh)
        farm.accountChanged.connect(lambda _account: self.refresh())
        farm.stateChanged.connect(lambda _state: self.refresh())
        farm.credits.pricesChanged.connect(lambda _prices: self.refresh())
        self.refresh()

    def why(self) -> str:
        return f"the final render of “{self.document.film.title}” ({self.cost} credits)"

    def refresh(self) -> None:
        prices = self.farm.credits.prices
        scenes = len(self.document.film.scenes)
        self.cost = prices.render_cost(scenes)
        account = self.farm.account if self.farm.state is FarmState.online else None
        self.need = max(0, self.cost - account.credits) if account is not None else 0
        text = f"Final render: {self.cost} credits"
        tip = breakdown(scenes, prices) + "."
        if account is not None:
            tip += f"\nYour balance: {account.credits} credits."
            if self.need:
                text += f" · {self.need} more than you have: <a href='buy'>buy credits</a>"
                tip += f" Buy {self.need} more to render this film."
        else:
            tip += "\nSign in to a farm (Farm > Sign In) to render it there."
        self.setText(text)
        self.setToolTip(tip)
