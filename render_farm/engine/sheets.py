"""Contact sheets of the places and the props: every one drawn in a style on one picture.

What `aistudio sheet places` and `aistudio sheet props` draw (the command's registry names these
functions), laid out by :func:`~render_farm.engine.art.contact_sheet.contact_sheet`. A places
sheet can show another time of day, weather or season than a clear summer's day.
"""

from __future__ import annotations

import numpy as np

from render_farm.film import Place, Prop, Season, Style, TimeOfDay, Weather

from .art.contact_sheet import SheetCell, contact_sheet
from .art.props import prop_thumbnail
from .backgrounds import place_thumbnail

__all__ = ["places_sheet", "props_sheet"]

PLACE_COLUMNS = 8
PROP_COLUMNS = 10


def places_sheet(
    style: Style,
    width: int = 1600,
    *,
    time_of_day: TimeOfDay = TimeOfDay.day,
    weather: Weather = Weather.clear,
    season: Season | None = None,
) -> np.ndarray:
    """Every place in ``style`` at ``time_of_day`` in ``weather`` and ``season``: (h, w, 3) RGB."""
    cell = width // PLACE_COLUMNS
    size = (cell - 8, round((cell - 8) * 9 / 16))
    cells = [
        SheetCell(
            place.value.replace("_", " "),
            place_thumbnail(place, style, *size, time_of_day=time_of_day, weather=weather, season=season),
        )
        for place in Place
    ]
    when = " ".join(
        w
        for w in (
            time_of_day.value,
            weather.value if weather is not Weather.clear else "",
            season.value if season else "",
        )
        if w
    )
    title = f"Places ({Style(style).value}, {when})"
    return contact_sheet(cells, style, columns=PLACE_COLUMNS, cell=cell, title=title, aspect=0.66)


def props_sheet(style: Style, width: int = 1600) -> np.ndarray:
    """Every prop in ``style``: (h, w, 3) RGB."""
    cell = width // PROP_COLUMNS
    cells = [SheetCell(prop.value.replace("_", " "), prop_thumbnail(prop, style, cell - 8)) for prop in Prop]
    return contact_sheet(cells, style, columns=PROP_COLUMNS, cell=cell, title=f"Props ({Style(style).value})")
