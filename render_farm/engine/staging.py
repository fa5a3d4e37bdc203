"""Stage directions: when each cast member does what, and who holds which prop when.

A scene's :class:`~render_farm.film.StageAction` list becomes, per cast member, a timeline of
:class:`Move` (an action with its start and end in seconds: it starts with the dialogue line it
goes with, or at the scene's start), and its props become a timeline of :class:`Transfer` (a
prop passing from one hand, or from where it was set, to another). Pure functions of the scene
and its lines' start times; the layout turns them into positions, poses and prop places.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from render_farm.film import Action, Scene

__all__ = [
    "ACTION_SECONDS",
    "LOCOMOTION",
    "Move",
    "Transfer",
    "plan_moves",
    "plan_transfers",
    "smoothstep",
    "stable_unit",
]

ACTION_SECONDS: dict[Action, float] = {
    Action.wave: 1.6,
    Action.point: 1.6,
    Action.jump: 0.9,
    Action.sit: math.inf,  # until the cast member moves again
    Action.walk_in: 1.4,
    Action.walk_out: 1.4,
    Action.give: 2.2,
    Action.hold: math.inf,  # holding is a state: the prop stays in hand
    Action.dance: 2.4,
    Action.cheer: 1.4,
    Action.nod: 0.9,
    Action.hug: 2.6,
    Action.run: 2.2,
    Action.think: 2.4,
}
LOCOMOTION = frozenset(
    {Action.walk_in, Action.walk_out, Action.run, Action.hug, Action.give, Action.jump, Action.dance}
)
"""Actions that bring a sitting cast member to their feet."""
HAND_OVER = 0.6  # seconds into a give when the prop leaves the giver's hand...
HAND_OVER_END = 1.4  # ...and when it is in the receiver's
PICK_UP = 0.5  # seconds a hold takes to bring a prop to hand


def stable_unit(*parts: object) -> float:
    """A number in [0, 1) that depends only on ``parts`` (never on Python's hash seed)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def smoothstep(x: float) -> float:
    x = min(1.0, max(0.0, x))
    return x * x * (3 - 2 * x)


@dataclass(frozen=True)
class Move:
    """One cast member's action from ``start`` to ``end`` seconds (``end`` may be infinite)."""

    action: Action
    start: float
    end: float
    target: str | None = None
    prop: int | None = None  # the index of the scene prop it concerns

    def phase(self, t: float) -> float:
        """How far through the action ``t`` is, 0..1 (a lasting action stays at 1 once begun)."""
        if math.isinf(self.end):
            return min(1.0, max(0.0, (t - self.start) / 0.6))
        return min(1.0, max(0.0, (t - self.start) / max(1e-6, self.end - self.start)))

    def active(self, t: float) -> bool:
        return self.start <= t < self.end


@dataclass(frozen=True)
class Transfer:
    """Scene prop ``prop`` passes from ``source`` (a cast id, or None: where it was set) to
    ``dest`` between ``start`` and ``end`` seconds."""

    prop: int
    start: float
    end: float
    source: str | None
    dest: str


def plan_moves(scene: Scene, line_starts: Sequence[float], opening: float) -> dict[str, list[Move]]:
    """Every cast member's moves in time order. An action starts with its line (or at
    ``opening``, the scene's start); one that starts while the same member is still busy waits
    for the action before to end, so actions on one line play one after another."""
    moves: dict[str, list[Move]] = {member: [] for member in scene.cast}
    busy: dict[str, float] = {}
    for action in scene.actions:
        start = opening if action.line is None else line_starts[action.line]
        start = max(start, busy.get(action.who, -math.inf))
        end = start + ACTION_SECONDS[action.action]
        prop = _prop_index(scene, action.prop, action.who) if action.prop is not None else None
        target = action.target
        if action.action is Action.give and target is None:
            target = next((m for m in scene.cast if m != action.who), None)
        moves.setdefault(action.who, []).append(Move(action.action, start, end, target, prop))
        if not math.isinf(end):
            busy[action.who] = end
    for member, plan in moves.items():
        plan.sort(key=lambda m: m.start)
        moves[member] = _end_lasting(plan)
    return moves


def _end_lasting(plan: list[Move]) -> list[Move]:
    """A sit lasts until the member moves again; a hold until they hold or give something else."""
    out = []
    for index, move in enumerate(plan):
        end = move.end
        if math.isinf(end):
            later = plan[index + 1 :]
            stops = [m.start for m in later if (move.action is Action.sit and m.action in LOCOMOTION)]
            if move.action is Action.hold:
                stops += [m.start for m in later if m.action in (Action.hold, Action.give) and m.prop == move.prop]
            if stops:
                end = min(stops)
        out.append(Move(move.action, move.start, end, move.target, move.prop))
    return out


def _prop_index(scene: Scene, prop: object, who: str) -> int | None:
    """The scene prop an action means: the first of that kind held by ``who``, else the first of it."""
    matching = [i for i, item in enumerate(scene.props) if item.prop == prop]
    held = [i for i in matching if scene.props[i].holder == who]
    chosen = held or matching
    return chosen[0] if chosen else None


def plan_transfers(scene: Scene, moves: dict[str, list[Move]]) -> dict[int, list[Transfer]]:
    """For each scene prop, the times it changes hands, in order."""
    holder: dict[int, str | None] = {i: item.holder for i, item in enumerate(scene.props)}
    events = sorted(
        ((move, who) for who, plan in moves.items() for move in plan if move.prop is not None),
        key=lambda pair: (pair[0].start, scene.cast.index(pair[1]) if pair[1] in scene.cast else 0),
    )
    transfers: dict[int, list[Transfer]] = {i: [] for i in range(len(scene.props))}
    for move, who in events:
        index = move.prop
        assert index is not None
        if move.action is Action.hold:
            if holder[index] != who:
                transfers[index].append(Transfer(index, move.start, move.start + PICK_UP, holder[index], who))
                holder[index] = who
        elif move.action is Action.give and move.target is not None:
            source = holder[index]
            if source != who:  # the giver takes it first (from where it was set, or from its holder)
                transfers[index].append(Transfer(index, move.start, move.start + HAND_OVER * 0.8, source, who))
            transfers[index].append(
                Transfer(index, move.start + HAND_OVER, move.start + HAND_OVER_END, who, move.target)
            )
            holder[index] = move.target
    return transfers
