"""What the farm answers, as plain records: the account, credit ledger entries, the price list,
credit packs and a checkout, a render's estimate, a render job with its per-scene progress,
notifications, a submission attempt; and the app's state towards the farm."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

ACTIVE_STATES = frozenset({"queued", "running"})


class FarmState(StrEnum):
    signed_out = "signed_out"
    online = "online"
    offline = "offline"


@dataclass(frozen=True)
class Account:
    email: str
    display_name: str
    credits: int


@dataclass(frozen=True)
class LedgerEntry:
    id: int
    delta: int
    kind: str
    balance_after: int
    note: str
    job_id: str | None
    created_at: str


@dataclass(frozen=True)
class Estimate:
    scenes: int
    scene_credits: int
    final_video_credits: int
    total: int
    balance: int
    shortfall: int


@dataclass(frozen=True)
class Prices:
    """What the farm charges. Until a farm says its own, the farm's published prices (a scene 20
    credits, the final video 50) let the app say what a film will cost."""

    scene_credits: int = 20
    final_video_credits: int = 50
    sells_credits: bool = False
    test_payments: bool = False
    from_farm: bool = False  # False: the published prices, no farm asked yet

    def render_cost(self, scenes: int) -> int:
        """Credits for the final render of a film of ``scenes`` scenes."""
        return scenes * self.scene_credits + self.final_video_credits

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Prices:
        return cls(
            scene_credits=int(data["scene_credits"]),
            final_video_credits=int(data["final_video_credits"]),
            sells_credits=bool(data.get("sells_credits", False)),
            test_payments=bool(data.get("test_payments", False)),
            from_farm=True,
        )


@dataclass(frozen=True)
class CreditPack:
    id: str
    name: str
    credits: int
    amount_cents: int
    currency: str

    @property
    def price(self) -> str:
        """``5.00 USD``."""
        return f"{self.amount_cents / 100:.2f} {self.currency.upper()}"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CreditPack:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            credits=int(data["credits"]),
            amount_cents=int(data["amount_cents"]),
            currency=str(data["currency"]),
        )


@dataclass(frozen=True)
class Checkout:
    """A purchase started on the farm: the page where it is paid, and where the ledger stood then."""

    id: str
    url: str
    pack: CreditPack
    ledger_mark: int  # the newest ledger entry before it: a purchase after this one is this one's


@dataclass(frozen=True)
class SceneProgress:
    number: int
    state: str
    frames_done: int
    frames_total: int

    @property
    def fraction(self) -> float:
        if self.state == "success":
            return 1.0
        return self.frames_done / self.frames_total if self.frames_total else 0.0


@dataclass(frozen=True)
class RenderJob:
    id: str
    project_id: str
    version: int
    state: str
    credits_held: int
    error: str | None
    created_at: str
    progress: float
    scenes: tuple[SceneProgress, ...]
    assembly: SceneProgress | None
    download_ready: bool
    film_title: str = ""

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_STATES

    @classmethod
    def from_json(cls, data: dict[str, Any], film_title: str = "") -> RenderJob:
        def part(item: dict[str, Any], number: int = 0) -> SceneProgress:
            return SceneProgress(
                number=int(item.get("number", number)),
                state=str(item["state"]),
                frames_done=int(item["frames_done"]),
                frames_total=int(item["frames_total"]),
            )

        scenes = tuple(sorted((part(s) for s in data.get("scenes", [])), key=lambda s: s.number))
        assembly = data.get("assembly")
        return cls(
            id=str(data["id"]),
            project_id=str(data["project_id"]),
            version=int(data["version"]),
            state=str(data["state"]),
            credits_held=int(data["credits_held"]),
            error=data.get("error"),
            created_at=str(data["created_at"]),
            progress=float(data["progress"]),
            scenes=scenes,
            assembly=part(assembly) if assembly else None,
            download_ready=bool(data["download_ready"]),
            film_title=film_title,
        )


@dataclass(frozen=True)
class Notification:
    id: str
    kind: str
    title: str
    body: str
    created_at: str
    read: bool

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Notification:
        return cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            title=str(data["title"]),
            body=str(data["body"]),
            created_at=str(data["created_at"]),
            read=data.get("read_at") is not None,
        )


@dataclass
class Submission:
    """One attempt to submit a render; the key makes its repeats one render and one charge."""

    project_id: str
    version: int
    key: str
    expected_credits: int | None = None
