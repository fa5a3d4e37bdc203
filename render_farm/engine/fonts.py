"""The fonts the engine draws text with (Noto Sans, shipped as a Python package)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont


def font_path(italic: bool = False) -> Path:
    import fontpkg_noto_sans

    name = "NotoSans-Italic[wdth,wght].ttf" if italic else "NotoSans[wdth,wght].ttf"
    return Path(fontpkg_noto_sans.ROOT) / "files" / name


@lru_cache(maxsize=32)
def load_font(size: int, *, weight: int = 600, italic: bool = False) -> ImageFont.FreeTypeFont:
    """Noto Sans at ``size`` pixels and a weight from 100 to 900 (a variable font)."""
    font = ImageFont.truetype(str(font_path(italic)), size=max(6, int(size)))
    try:
        values: list[float] = []
        for axis in font.get_variation_axes():
            raw = axis.get("name") or b""
            tag = raw.decode() if isinstance(raw, bytes) else str(raw)
            low, high, default = float(axis["minimum"] or 0), float(axis["maximum"] or 0), float(axis["default"] or 0)
            values.append(max(low, min(high, float(weight))) if tag.lower().startswith("weight") else default)
        font.set_variation_by_axes(values)
    except (OSError, KeyError):  # a build of FreeType without variation support: regular weight
        pass
    return font
