"""Where a scene's props are: set on the floor among the cast, in a hand, or passing between hands.

:class:`PropStaging` places each prop that no one holds at the start in a free spot on the floor
(small ones between the cast, big ones at their sides and further back, a windmill shown no
taller than a grown-up and a half), says which of them never move (they belong to the stage
picture, drawn once) and, at any instant, where the others are: in their holder's hand, or on an
arc from one hand (or from where they were set) to another.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from render_farm.film import Prop, Scene

from .art.props import PROPS, PropLook, prop_look
from .staging import Transfer, smoothstep, stable_unit


class Holder(Protocol):
    """A cast member as the props see them: where their front hand is, which way they face."""

    @property
    def hand(self) -> tuple[float, float]: ...

    @property
    def facing(self) -> int: ...

    @property
    def on_stage(self) -> bool: ...


__all__ = ["BASE_HEIGHT", "Holder", "PropStaging", "PropState", "SetProp"]

BASE_HEIGHT = 0.40  # an average character's height, as a fraction of the frame height, in a wide shot
SET_BACK = 0.035  # set props stand this far (of the frame height) behind the cast's feet
PROP_TALLEST = 1.5  # a set prop is shown at most this many adults tall: a windmill stands further back
BIG = 45  # units (of an adult's 100) from which a prop is big: it stands at the side, not between two


@dataclass(frozen=True)
class PropState:
    """A scene prop that moves (held, picked up or handed over), at one instant."""

    index: int  # in the scene's props
    prop: Prop
    look: PropLook
    x: float  # stage point where its grip is
    y: float
    size: float  # stage pixels of an adult's height: the scale it is drawn at
    facing: int
    holder: str | None
    # while it passes between hands: from whom to whom (None: where it was set), how far along
    # its arc (0..1) and how high the arc rises there, so a renderer that knows where the hands
    # are drawn can put it on the way between them
    source: str | None = None
    dest: str | None = None
    progress: float = 0.0
    hop: float = 0.0
    set_at: tuple[float, float] = (0.0, 0.0)  # its grip's place where it was set down

    @property
    def passing(self) -> bool:
        return self.dest is not None


@dataclass(frozen=True)
class SetProp:
    """A scene prop standing still on the floor the whole scene: part of the stage picture."""

    index: int
    prop: Prop
    look: PropLook
    x: float  # stage x of its base
    y: float  # stage y of its base
    size: float  # stage pixels of an adult's height: the scale it is drawn at


class PropStaging:
    """The props of one scene: where they stand, who holds them, where they are when."""

    def __init__(
        self,
        scene: Scene,
        transfers: Mapping[int, list[Transfer]],
        cast: list[tuple[float, float]],
        *,
        floor: float,
        frame: tuple[int, int],
        stage_width: float,
    ) -> None:
        """``cast`` is each cast member's home x and half width on the stage; ``frame`` the
        frame's width and height in pixels."""
        self.scene, self.transfers = scene, transfers
        self.floor, self.stage_width = floor, stage_width
        self.width, self.height = frame
        self.size = BASE_HEIGHT * self.height  # an adult's height: the scale props are drawn at
        self._spots = self._place(cast)
        moving = {i for i, steps in transfers.items() if steps}
        self.still = [
            SetProp(i, item.prop, prop_look(item.note), *self._spots[i])
            for i, item in enumerate(scene.props)
            if item.holder is None and i not in moving
        ]
        """The props that stand still all scene (drawn into the stage picture once)."""

    def _place(self, cast: list[tuple[float, float]]) -> dict[int, tuple[float, float, float]]:
        """Where each prop not in a hand at the start stands: (x, y of its base, its scale)."""
        homes = sorted(cast)
        gaps = [(a[0] + b[0]) / 2 for a, b in itertools.pairwise(homes)]
        frame_left = (self.stage_width - self.width) / 2
        if homes:
            (first, first_half), (last, last_half) = homes[0], homes[-1]
            sides = [first - first_half - self.width * 0.07, last + last_half + self.width * 0.07]
        else:
            sides = [self.stage_width / 2]
        sides = [min(max(s, frame_left + self.width * 0.06), frame_left + self.width * 0.94) for s in sides]
        spots: dict[int, tuple[float, float, float]] = {}
        used: set[float] = set()
        for order, (index, item) in enumerate((i, p) for i, p in enumerate(self.scene.props) if p.holder is None):
            art = PROPS[item.prop]
            free = [s for s in (sides + gaps if art.height > BIG else gaps + sides) if s not in used]
            if free:
                x = free[0]
                used.add(x)
            else:  # more props than room: a row further back across the stage
                x = frame_left + self.width * (0.15 + 0.7 * stable_unit(self.scene.id, "prop", order))
            look = prop_look(item.note)
            scale = min(1.0, PROP_TALLEST * 100 / (art.height * look.scale))
            y = self.floor - SET_BACK * self.height - (1 - scale) * 0.08 * self.height
            spots[index] = (x, y, self.size * scale)
        return spots

    def holders_at(self, t: float) -> dict[int, str | None]:
        """Who holds each scene prop at ``t`` (None: set down, or passing between hands)."""
        holders: dict[int, str | None] = {}
        for index, item in enumerate(self.scene.props):
            holder = item.holder
            for step in self.transfers.get(index, []):
                if t >= step.end:
                    holder = step.dest
                elif t >= step.start:
                    holder = None
                    break
                else:
                    break
            holders[index] = holder
        return holders

    def at(self, t: float, cast: Mapping[str, Holder]) -> list[PropState]:
        """The props that are held or moving (not those standing still all scene) at ``t``,
        given where the cast is then."""
        out = []
        for index, item in enumerate(self.scene.props):
            steps = self.transfers.get(index, [])
            if item.holder is None and not steps:
                continue  # part of the stage picture
            holder = item.holder
            position: tuple[float, float] | None = None  # set while it passes between hands
            passing: Transfer | None = None
            k = hop = 0.0
            for step in steps:
                if t >= step.end:
                    holder = step.dest
                elif t >= step.start:
                    a, b = self.grip(index, step.source, cast), self.grip(index, step.dest, cast)
                    k = smoothstep((t - step.start) / (step.end - step.start))
                    hop = math.sin(math.pi * k) * self.height * 0.05
                    position = (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k - hop)
                    holder, passing = None, step
                    break
                else:
                    break
            owner = cast.get(holder or "")
            if owner is not None and not owner.on_stage:
                continue  # carried off stage
            resting = position is None and owner is None
            if position is None:
                position = self.grip(index, holder, cast)
            out.append(
                PropState(
                    index,
                    item.prop,
                    prop_look(item.note),
                    position[0],
                    position[1],
                    self._spots[index][2] if resting else self.size,
                    owner.facing if owner is not None else 1,
                    holder,
                    source=passing.source if passing else None,
                    dest=passing.dest if passing else None,
                    progress=k,
                    hop=hop,
                    set_at=self.grip(index, None, cast),
                )
            )
        return out

    def grip(self, index: int, who: str | None, cast: Mapping[str, Holder]) -> tuple[float, float]:
        """Where prop ``index``'s grip is when ``who`` holds it (None: standing where it was set)."""
        state = cast.get(who or "")
        if state is not None:
            return state.hand
        x, y, size = self._spots.get(index, (self.stage_width / 2, self.floor, self.size))
        grip = PROPS[self.scene.props[index].prop].grip
        return x + grip[0] * size / 100, y + grip[1] * size / 100
