"""Backgrounds: the stage picture of a scene, drawn from its :class:`Setting` in the film's style.

The public face of the background art in :mod:`render_farm.engine.art`: :func:`render_background`
draws every built-in place (forest, river, village, city street, room, beach, mountains, space,
castle, meadow) lit by the time of day and changed by the weather, as a :class:`Backdrop` that
says where characters stand.
"""

from __future__ import annotations

from .art.backdrop import Backdrop, render_background

__all__ = ["Backdrop", "render_background"]
