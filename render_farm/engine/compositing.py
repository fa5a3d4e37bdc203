"""Compositing primitives: premultiplied-alpha "over" of sprites onto an RGB frame.

Only the rectangle a sprite covers is touched; the arithmetic is whole-array numpy in 16-bit
integers (exact to one level of 255), so no per-pixel Python runs.
"""

from __future__ import annotations

import numpy as np


class PreparedSprite:
    """A premultiplied RGBA sprite split once into the two planes the blend needs."""

    __slots__ = ("color", "height", "inverse_alpha", "opaque", "width")

    def __init__(self, pixels: np.ndarray) -> None:
        if pixels.ndim != 3 or pixels.shape[2] != 4 or pixels.dtype != np.uint8:
            raise ValueError("a sprite is an (h, w, 4) uint8 premultiplied RGBA array")
        self.height, self.width = pixels.shape[:2]
        self.color = np.ascontiguousarray(pixels[..., :3]).astype(np.uint16)
        self.inverse_alpha = (255 - pixels[..., 3:4]).astype(np.uint16)
        self.opaque = bool((pixels[..., 3] == 255).all())


def blend(frame: np.ndarray, sprite: PreparedSprite, x: int, y: int, opacity: float = 1.0) -> None:
    """Draw ``sprite`` with its top-left corner at (x, y) over ``frame`` (uint8 RGB), in place."""
    frame_h, frame_w = frame.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(frame_w, x + sprite.width), min(frame_h, y + sprite.height)
    if x0 >= x1 or y0 >= y1:
        return
    sx0, sy0 = x0 - x, y0 - y
    sx1, sy1 = sx0 + (x1 - x0), sy0 + (y1 - y0)
    color = sprite.color[sy0:sy1, sx0:sx1]
    inverse = sprite.inverse_alpha[sy0:sy1, sx0:sx1]
    region = frame[y0:y1, x0:x1]
    if opacity < 1.0:
        level = np.uint16(round(max(0.0, opacity) * 256))
        color = (color * level) >> 8
        inverse = 255 - (((255 - inverse) * level) >> 8)
    # dst = src + dst * (1 - a), with x/255 computed exactly as (x + 1 + (x >> 8)) >> 8 for x < 65536
    product = region * inverse
    product += 128
    product += product >> 8
    product >>= 8
    product += color
    np.minimum(product, 255, out=product)
    region[...] = product
