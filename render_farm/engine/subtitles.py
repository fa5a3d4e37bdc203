"""Subtitles: which words show when, and the pictures of them.

A dialogue line is cut into cues of at most two short rows; a cue shows from the moment its
first word is spoken until the next cue starts (or a little after the line ends). Cue pictures
are rendered once with Pillow and cached as premultiplied RGBA sprites, so a frame only blends.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw

from .fonts import load_font
from .speech import Speech

MAX_ROW_CHARS = 42
LINGER = 0.35  # seconds a cue stays up after its line ends


@dataclass(frozen=True)
class Cue:
    start: float  # seconds in the scene
    end: float
    text: str
    narrator: bool = False


def _chunks(words: list[str], limit: int = MAX_ROW_CHARS * 2) -> list[list[int]]:
    """Group word indices into cues no longer than ``limit`` characters, preferring sentence ends."""
    groups: list[list[int]] = []
    current: list[int] = []
    length = 0
    for index, word in enumerate(words):
        extra = len(word) + (1 if current else 0)
        if current and length + extra > limit:
            groups.append(current)
            current, length = [], 0
            extra = len(word)
        current.append(index)
        length += extra
        if word.endswith((".", "!", "?")) and length > limit * 0.6:
            groups.append(current)
            current, length = [], 0
    if current:
        groups.append(current)
    return groups


def cues_for_line(
    text: str, speech: Speech, start: float, *, narrator: bool = False, until: float | None = None
) -> list[Cue]:
    """Cues for one line spoken from ``start``; word timings place each cue, or the line's span if none."""
    words = text.split()
    if not words:
        return []
    groups = _chunks(words)
    line_end = start + speech.duration
    timings = speech.words if len(speech.words) == len(words) else ()
    cues: list[Cue] = []
    for g_index, group in enumerate(groups):
        if timings:
            cue_start = start + timings[group[0]].start
        else:  # spread the cues over the line by character count
            before = sum(len(words[i]) + 1 for g in groups[:g_index] for i in g)
            total = sum(len(w) + 1 for w in words)
            cue_start = start + speech.duration * before / total
        cues.append(Cue(cue_start, 0.0, " ".join(words[i] for i in group), narrator))
    ends = [c.start for c in cues[1:]] + [line_end + LINGER]
    if until is not None:
        ends[-1] = min(ends[-1], until)
    return [Cue(c.start, max(e, c.start + 0.05), c.text, c.narrator) for c, e in zip(cues, ends, strict=True)]


def _wrap(text: str, limit: int = MAX_ROW_CHARS) -> list[str]:
    rows: list[str] = []
    row = ""
    for word in text.split():
        candidate = f"{row} {word}".strip()
        if row and len(candidate) > limit:
            rows.append(row)
            row = word
        else:
            row = candidate
    if row:
        rows.append(row)
    if len(rows) > 2:  # balance into two rows
        half = len(text) // 2
        cut = text.rfind(" ", 0, half + 1)
        cut = cut if cut > 0 else half
        rows = [text[:cut].strip(), text[cut:].strip()]
    return rows


@lru_cache(maxsize=256)
def render_cue(text: str, frame_width: int, frame_height: int, narrator: bool = False) -> np.ndarray:
    """A subtitle picture: white text with a dark outline on a soft translucent band.

    Returns (h, w, 4) uint8 premultiplied RGBA sized for a frame of the given size.
    """
    size = max(12, round(frame_height * 0.039))
    font = load_font(size, weight=650, italic=narrator)
    stroke = max(1, size // 12)
    rows = _wrap(text)
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    boxes = [probe.textbbox((0, 0), row, font=font, stroke_width=stroke) for row in rows]
    row_h = round(size * 1.25)
    text_w = max(b[2] - b[0] for b in boxes)
    pad_x, pad_y = round(size * 0.7), round(size * 0.35)
    width = min(frame_width, text_w + 2 * pad_x)
    height = row_h * len(rows) + 2 * pad_y
    image = Image.new("RGBA", (round(width), round(height)), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, width - 1, height - 1), radius=round(size * 0.5), fill=(12, 14, 24, 120))
    for index, (row, box) in enumerate(zip(rows, boxes, strict=True)):
        x = (width - (box[2] - box[0])) // 2 - box[0]
        y = pad_y + index * row_h + (row_h - size) // 2 - round(size * 0.12)
        fill = (255, 246, 214, 255) if narrator else (255, 255, 255, 255)
        draw.text((x, y), row, font=font, fill=fill, stroke_width=stroke, stroke_fill=(10, 10, 18, 255))
    rgba = np.asarray(image, dtype=np.uint16)
    alpha = rgba[..., 3:4]
    premultiplied = np.empty(rgba.shape, dtype=np.uint8)
    premultiplied[..., :3] = ((rgba[..., :3] * alpha + 127) // 255).astype(np.uint8)
    premultiplied[..., 3] = rgba[..., 3]
    premultiplied.setflags(write=False)
    return premultiplied
