"""Thumbnails: the small pictures a picker shows for each place and each prop, in a film's style.

The public face of :func:`~render_farm.engine.art.backdrop.place_thumbnail` (a place at a time of
day, in a weather and a season, fitted to any size) and
:func:`~render_farm.engine.art.props.prop_thumbnail` (a prop on a plain square).
"""

from __future__ import annotations

from .art.backdrop import place_thumbnail
from .art.props import prop_thumbnail

__all__ = ["place_thumbnail", "prop_thumbnail"]
