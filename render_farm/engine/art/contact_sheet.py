"""Contact sheets: many labelled pictures on one page, in a film style's colours.

:func:`contact_sheet` lays out :class:`SheetCell` pictures in a grid, each with its label under
it: characters (premultiplied RGBA sprites with an anchor) stand on a soft shadow on the cell's
floor line; pictures without an anchor (a place, a prop) are scaled to fit the cell. The
``aistudio sheet`` command draws one per vocabulary (kinds, ages, costumes, places, props).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import skia

from render_farm.engine.fonts import load_font
from render_farm.engine.styles import argb, darker, lighter, look_for, rgba_surface
from render_farm.film import Style

from .rig import Sprite, composite_sprite

__all__ = ["SheetCell", "contact_sheet"]


@dataclass(frozen=True)
class SheetCell:
    label: str
    picture: np.ndarray  # (h, w, 3) RGB, or (h, w, 4) premultiplied RGBA when ``anchor`` is given
    anchor: tuple[int, int] | None = None  # a sprite's feet: it stands on the cell's floor


def contact_sheet(
    cells: Sequence[SheetCell],
    style: Style,
    *,
    columns: int,
    cell: int = 160,
    title: str | None = None,
    aspect: float = 1.12,
) -> np.ndarray:
    """The cells in rows of ``columns``, ``cell`` pixels wide each and ``aspect`` times that tall
    above their labels (wide pictures, a place's, want less): (h, w, 3) uint8 RGB."""
    from PIL import Image, ImageDraw

    look = look_for(style)
    rows = max(1, -(-len(cells) // columns))
    label_h = max(16, cell // 7)
    title_h = label_h * 2 if title else 0
    cell_h = int(cell * aspect) + label_h
    width, height = columns * cell, title_h + rows * cell_h + 6
    back = lighter(look.treat((236, 226, 210)), 0.25)
    sheet = np.empty((height, width, 3), np.uint8)
    sheet[...] = back
    ink = darker(look.treat((80, 60, 50)), 0.25)
    line = darker(back, 0.08)
    for index, entry in enumerate(cells):
        r, c = divmod(index, columns)
        x0, y0 = c * cell, title_h + r * cell_h
        if (r + c) % 2:
            sheet[y0 : y0 + cell_h, x0 : x0 + cell] = lighter(back, 0.35)
        floor = y0 + int(cell * (aspect - 0.08))
        picture = entry.picture
        if entry.anchor is not None:
            shadow = _shadow(max(4, int(cell * 0.42)))
            composite_sprite(sheet, shadow, (x0 + cell // 2, floor))
            composite_sprite(sheet, Sprite(np.ascontiguousarray(picture), entry.anchor), (x0 + cell // 2, floor))
        else:
            _fit(sheet, picture, x0 + 4, y0 + 4, cell - 8, int(cell * (aspect - 0.08)) - 6)
    image = Image.fromarray(sheet)
    draw = ImageDraw.Draw(image)
    font = load_font(max(10, int(label_h * 0.62)), weight=600)
    for index, entry in enumerate(cells):
        r, c = divmod(index, columns)
        x0, y0 = c * cell, title_h + r * cell_h
        draw.text((x0 + cell / 2, y0 + int(cell * (aspect - 0.06))), entry.label, font=font, fill=ink, anchor="ma")
    if title:
        title_font = load_font(max(12, int(label_h * 1.0)), weight=700)
        draw.text((width / 2, title_h * 0.5), title, font=title_font, fill=ink, anchor="mm")
        draw.line([(0, title_h - 1), (width, title_h - 1)], fill=line, width=1)
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


def _fit(sheet: np.ndarray, picture: np.ndarray, x: int, y: int, w: int, h: int) -> None:
    import cv2

    ph, pw = picture.shape[:2]
    k = min(w / pw, h / ph)
    nw, nh = max(1, int(pw * k)), max(1, int(ph * k))
    small = cv2.resize(np.ascontiguousarray(picture[..., :3]), (nw, nh), interpolation=cv2.INTER_AREA)
    ox, oy = x + (w - nw) // 2, y + (h - nh) // 2
    sheet[oy : oy + nh, ox : ox + nw] = small


def _shadow(width: int) -> Sprite:
    shadow = np.zeros((max(2, width // 5), width, 4), np.uint8)
    surface = rgba_surface(shadow)
    canvas = surface.getCanvas()
    canvas.drawOval(
        skia.Rect.MakeWH(shadow.shape[1], shadow.shape[0]), skia.Paint(AntiAlias=True, Color=argb((0, 0, 0), 0.16))
    )
    del canvas, surface
    return Sprite(shadow, (shadow.shape[1] // 2, shadow.shape[0] // 2))
