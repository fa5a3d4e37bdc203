"""Backgrounds: the stage picture of a scene, drawn from its :class:`Setting` in the film's style.

The public face of the background art in :mod:`render_farm.engine.art`: :func:`render_background`
draws every :class:`Place` (out of doors and in) lit by the time of day, changed by the weather
and the season, as a :class:`Backdrop` that says where characters stand and where its windows
are; :func:`floor_of` says where the feet go before anything is drawn, and
:func:`place_thumbnail` is the small picture a place picker shows.
"""

from __future__ import annotations

from .art.backdrop import Backdrop, floor_of, place_thumbnail, render_background

__all__ = ["Backdrop", "floor_of", "place_thumbnail", "render_background"]
