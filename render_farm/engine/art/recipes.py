"""Recipes of places: a place is a composition of reusable layers, not a drawing of its own.

A :class:`Layer` is a drawing function and its options; an :class:`Outdoors` is a sky down to
its horizon and then its layers from far to near; an :class:`Indoors` is a room's wall and
floor, its windows onto the world outside and its furniture. The recipes themselves are in
:mod:`.exteriors` and :mod:`.interiors`; :mod:`.places` composes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .rooms import Window
from .stage import Stage

__all__ = ["Indoors", "L", "Layer", "Outdoors", "Recipe"]


@dataclass(frozen=True)
class Layer:
    """One layer of a place: a drawing function and the options it is drawn with."""

    draw: Callable[..., None]
    options: tuple[tuple[str, object], ...] = ()

    def __call__(self, st: Stage) -> None:
        self.draw(st, **dict(self.options))


def L(draw: Callable[..., None], **options: object) -> Layer:
    return Layer(draw, tuple(options.items()))


@dataclass(frozen=True)
class Outdoors:
    """A place under the sky (or in space, or under the sea: ``sky`` "none" and the first
    layer paints what is above); ``weathered`` says whether the weather reaches it."""

    horizon: float
    layers: tuple[Layer, ...]
    floor: float = 0.85
    sky: str = "earth"
    weathered: bool = True


@dataclass(frozen=True)
class Indoors:
    """A room: its wall and floor, windows (none in a cave or a theatre) and furniture."""

    wall: Layer
    floor: Layer
    windows: tuple[Window, ...]
    furniture: tuple[Layer, ...]
    floor_y: float = 0.85


Recipe = Outdoors | Indoors
