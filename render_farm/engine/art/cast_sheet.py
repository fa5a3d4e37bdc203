"""The cast sheet: every cast member of a film side by side, with name and role.

A picture for the desktop's cast panel and the CLI: each figure drawn by its
:class:`~render_farm.engine.art.rig.CharacterRig`, standing on a soft shadow over a plain
backdrop tinted by the film's style, its name and role written underneath.
"""

from __future__ import annotations

import numpy as np
import skia

from render_farm.engine.fonts import load_font
from render_farm.engine.styles import argb, darker, lighter, look_for, mix, rgba_surface
from render_farm.film.spec import Emotion, Film

from .rig import CharacterRig, Pose, Sprite, composite_sprite

__all__ = ["cast_sheet"]


def cast_sheet(film: Film, width: int = 1600) -> np.ndarray:
    """Every cast member in the film's style, side by side, with name and role: (h, w, 3) uint8 RGB."""
    from PIL import Image, ImageDraw

    members = list(film.cast)
    count = max(1, len(members))
    cell = width / count
    figure = int(min(cell * 0.95, width * 0.3, 440))
    label_h = max(40, int(figure * 0.28))
    top = int(figure * 0.32)
    height = top + figure + label_h + 10
    floor = top + figure
    look = look_for(film.style)
    back = lighter(look.treat((236, 226, 210)), 0.2)
    ramp = np.linspace(0.0, 1.0, height)[:, None, None]
    lo = np.array(darker(back, 0.08), dtype=float)
    hi = np.array(back, dtype=float)
    sheet = (hi + (lo - hi) * ramp**1.5).repeat(width, axis=1).astype(np.uint8)
    sheet = np.ascontiguousarray(sheet)
    name_font = load_font(max(12, int(label_h * 0.36)), weight=700)
    role_font = load_font(max(10, int(label_h * 0.26)), weight=400)
    placements: list[tuple[int, str, str]] = []
    for index, member in enumerate(members):
        rig = CharacterRig(member, film.style)
        design = rig.design
        cx = int(cell * (index + 0.5))
        h = int(figure * 0.78 * design.height)
        sprite = rig.sprite(h, Pose(emotion=Emotion.happy))
        shadow = np.zeros((max(2, h // 10), max(4, h // 2), 4), np.uint8)
        sh_surface = rgba_surface(shadow)
        sh_canvas = sh_surface.getCanvas()
        sh_canvas.drawOval(
            skia.Rect.MakeWH(shadow.shape[1], shadow.shape[0]),
            skia.Paint(AntiAlias=True, Color=argb((0, 0, 0), 0.18)),
        )
        del sh_canvas, sh_surface
        composite_sprite(sheet, Sprite(shadow, (shadow.shape[1] // 2, shadow.shape[0] // 2)), (cx, floor))
        composite_sprite(sheet, sprite, (cx, floor))
        placements.append((cx, member.name, member.role))
    image = Image.fromarray(sheet)
    draw = ImageDraw.Draw(image)
    ink = darker(look.treat((80, 60, 50)), 0.2)
    for cx, name, role in placements:
        draw.text(
            (cx, floor + label_h * 0.1), _fit(draw, name, name_font, cell * 0.92), font=name_font, fill=ink, anchor="ma"
        )
        draw.text(
            (cx, floor + label_h * 0.58),
            _fit(draw, role, role_font, cell * 0.92),
            font=role_font,
            fill=mix(ink, back, 0.4),
            anchor="ma",
        )
    if not members:
        draw.text((width // 2, height // 2), "No cast yet", font=name_font, fill=ink, anchor="mm")
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


def _fit(draw: object, text: str, font: object, max_width: float) -> str:
    """``text`` shortened with an ellipsis until it fits ``max_width`` pixels."""
    measure = draw.textlength  # type: ignore[attr-defined]
    if measure(text, font=font) <= max_width:
        return text
    while text and measure(text + "…", font=font) > max_width:
        text = text[:-1]
    return text + "…"
