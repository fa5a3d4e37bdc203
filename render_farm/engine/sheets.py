"""Contact sheets: every entry of a part of the vocabulary drawn in one style on one picture.

A sheet is made by a maker registered under a name (:func:`register_sheet`): it draws each entry
(a place, a prop, a kind of character...) as a small picture with its label; :func:`draw_sheet`
lays them out in a grid of labelled cells. The README's pictures and the `aistudio sheet`
command come from here; a new part of the vocabulary registers a maker of its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from render_farm.film import Place, Prop, Season, Style, TimeOfDay, Weather

from .art.props import prop_thumbnail
from .backgrounds import place_thumbnail
from .fonts import load_font
from .styles import darker, look_for

__all__ = ["SHEETS", "SheetEntry", "SheetOptions", "contact_sheet", "draw_sheet", "register_sheet"]


@dataclass(frozen=True)
class SheetOptions:
    """What a sheet's pictures show besides the style (a maker uses what concerns it)."""

    time_of_day: TimeOfDay = TimeOfDay.day
    weather: Weather = Weather.clear
    season: Season | None = None


@dataclass(frozen=True)
class SheetEntry:
    label: str
    picture: np.ndarray  # (h, w, 3) uint8 RGB; every entry of one sheet has the same size


Maker = Callable[[Style, SheetOptions], list[SheetEntry]]
SHEETS: dict[str, Maker] = {}


def register_sheet(name: str) -> Callable[[Maker], Maker]:
    """Record the decorated function as the maker of the sheet called ``name``."""

    def record(maker: Maker) -> Maker:
        SHEETS[name] = maker
        return maker

    return record


def draw_sheet(name: str, style: Style, options: SheetOptions = SheetOptions()) -> np.ndarray:
    """The sheet called ``name`` in ``style``: (h, w, 3) uint8 RGB; an unknown name is a
    ValueError that lists the sheets there are."""
    maker = SHEETS.get(name)
    if maker is None:
        raise ValueError(f"unknown sheet '{name}': choose {', '.join(sorted(SHEETS))}")
    return contact_sheet(maker(Style(style), options), style)


def contact_sheet(entries: list[SheetEntry], style: Style, columns: int | None = None) -> np.ndarray:
    """``entries`` in a grid of cells, each picture with its label under it."""
    if not entries:
        raise ValueError("a contact sheet needs at least one entry")
    ph, pw = entries[0].picture.shape[:2]
    columns = columns or max(1, min(len(entries), round(math.sqrt(len(entries) * ph / pw * 1.4))))
    rows = math.ceil(len(entries) / columns)
    pad, label_h = max(4, pw // 40), max(14, ph // 7)
    cell_w, cell_h = pw + 2 * pad, ph + label_h + 2 * pad
    look = look_for(style)
    paper = look.treat((244, 238, 226))
    sheet = Image.new("RGB", (columns * cell_w, rows * cell_h), paper)
    draw = ImageDraw.Draw(sheet)
    font = load_font(max(9, int(label_h * 0.62)), weight=600)
    ink = darker(look.treat((90, 70, 60)), 0.2)
    for index, entry in enumerate(entries):
        if entry.picture.shape[:2] != (ph, pw):
            raise ValueError(f"{entry.label}: every picture of a sheet has the same size")
        x, y = (index % columns) * cell_w + pad, (index // columns) * cell_h + pad
        sheet.paste(Image.fromarray(np.ascontiguousarray(entry.picture)), (x, y))
        draw.text((x + pw // 2, y + ph + label_h // 2), entry.label.replace("_", " "), font=font, fill=ink, anchor="mm")
    return np.ascontiguousarray(np.asarray(sheet, dtype=np.uint8))


@register_sheet("places")
def _places(style: Style, options: SheetOptions) -> list[SheetEntry]:
    return [
        SheetEntry(
            place.value,
            place_thumbnail(
                place, style, 320, 180, time_of_day=options.time_of_day, weather=options.weather, season=options.season
            ),
        )
        for place in Place
    ]


@register_sheet("props")
def _props(style: Style, options: SheetOptions) -> list[SheetEntry]:
    return [SheetEntry(prop.value, prop_thumbnail(prop, style, 128)) for prop in Prop]
