"""Compositing: premultiplied-alpha "over" of sprites onto RGB frames or straight onto I420 planes.

A :class:`Sprite` holds a premultiplied RGBA picture, trimmed to where it is not transparent,
and prepares once (lazily) the planes each kind of blend needs:

- RGB frames (stills, previews in the app): colour and inverse alpha as uint8;
- I420 frames (the encoder's own pixel format, used by the render path): premultiplied luma with
  its inverse alpha, and premultiplied chroma with a 2x2-averaged inverse alpha for each of the
  four chroma phases (x % 2, y % 2) a sprite can land on. Blending commutes with the affine
  RGB -> Y'CbCr transform, so a sprite converted once gives (within a level) the picture that
  blending in RGB and converting every frame would give, with no per-frame conversion at all.

Each blend is ``dst = src + dst * (255 - a) / 255`` rounded to the nearest level (OpenCV's
saturating uint8 arithmetic, no ties can occur), over the sprite's rectangle only.
"""

from __future__ import annotations

import cv2
import numpy as np

# RGB -> limited-range Y'CbCr, as 3x4 affine matrices (last column: the offsets) for cv2.transform.
_LIMITED = np.array([219 / 255, 224 / 255, 224 / 255])[:, None]
_OFFSETS = np.array([[16.0], [128.0], [128.0]])
_BT709 = np.array([[0.2126, 0.7152, 0.0722], [-0.1146, -0.3854, 0.5], [0.5, -0.4542, -0.0458]])
_BT601 = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
RGB_TO_YUV709 = np.hstack([_BT709 * _LIMITED, _OFFSETS]).astype(np.float32)
"""BT.709 limited range: what the final presets encode."""
RGB_TO_YUV601 = np.hstack([_BT601 * _LIMITED, _OFFSETS]).astype(np.float32)
"""BT.601 limited range: what the fast preview conversion (OpenCV's I420) encodes."""


def i420_planes(frame: np.ndarray, height: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Views of the Y, U and V planes of a contiguous (height*3/2, width) I420 buffer."""
    width = frame.shape[1]
    flat = frame.reshape(-1)  # a view: the planes follow each other in memory
    luma, chroma = height * width, (height // 2) * (width // 2)
    u = flat[luma : luma + chroma].reshape(height // 2, width // 2)
    v = flat[luma + chroma : luma + 2 * chroma].reshape(height // 2, width // 2)
    return frame[:height], u, v


def rgb_to_planes(rgb: np.ndarray, matrix: np.ndarray = RGB_TO_YUV709) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(h, w, 3) uint8 RGB of any size -> full-size Y and half-size U, V (each chroma sample the
    mean of its 2x2 block; an odd last row or column is repeated)."""
    yuv = cv2.transform(rgb.astype(np.float32), matrix)
    h, w = rgb.shape[:2]
    even = cv2.copyMakeBorder(yuv, 0, h % 2, 0, w % 2, cv2.BORDER_REPLICATE)
    half = cv2.resize(even[..., 1:], (even.shape[1] // 2, even.shape[0] // 2), interpolation=cv2.INTER_AREA)
    luma = np.clip(yuv[..., 0] + 0.5, 0, 255).astype(np.uint8)
    chroma = np.clip(half + 0.5, 0, 255).astype(np.uint8)
    return luma, np.ascontiguousarray(chroma[..., 0]), np.ascontiguousarray(chroma[..., 1])


class Sprite:
    """A premultiplied RGBA picture, trimmed to its visible box and prepared for blending.

    ``offset`` is where the trimmed box starts inside the original picture; the blend functions
    take the original picture's top-left corner and apply it. ``matrix`` is the RGB -> Y'CbCr
    transform used for I420 frames (see :data:`RGB_TO_YUV709`).
    """

    __slots__ = (
        "_chroma",
        "_luma",
        "_rgb",
        "_uva",
        "height",
        "matrix",
        "offset",
        "picture_height",
        "picture_width",
        "pixels",
        "width",
    )

    def __init__(self, pixels: np.ndarray, matrix: np.ndarray = RGB_TO_YUV709) -> None:
        if pixels.ndim != 3 or pixels.shape[2] != 4 or pixels.dtype != np.uint8:
            raise ValueError("a sprite is an (h, w, 4) uint8 premultiplied RGBA array")
        self.picture_height, self.picture_width = pixels.shape[:2]
        visible = pixels[..., 3] > 0
        rows, cols = np.flatnonzero(visible.any(axis=1)), np.flatnonzero(visible.any(axis=0))
        if len(rows):
            top, left = int(rows[0]), int(cols[0])
            pixels = pixels[top : rows[-1] + 1, left : cols[-1] + 1]
        else:
            top, left = 0, 0
            pixels = pixels[:0, :0]
        self.pixels = np.ascontiguousarray(pixels)
        self.offset = (left, top)
        self.height, self.width = self.pixels.shape[:2]
        self.matrix = matrix
        self._rgb: tuple[np.ndarray, np.ndarray] | None = None
        self._luma: tuple[np.ndarray, np.ndarray] | None = None
        self._chroma: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._uva: np.ndarray | None = None  # premultiplied U, V and alpha at full size, uint8 (from luma())

    def rgb(self) -> tuple[np.ndarray, np.ndarray]:
        """Colour (h, w, 3) and inverse alpha repeated over 3 channels, both uint8."""
        if self._rgb is None:
            inverse = 255 - self.pixels[..., 3]
            self._rgb = (np.ascontiguousarray(self.pixels[..., :3]), cv2.merge([inverse, inverse, inverse]))
        return self._rgb

    def _premultiplied_yuv(self) -> np.ndarray:
        # Y' = M.rgb' + offset * a: the offsets scale with alpha like the colour does
        matrix = self.matrix.copy()
        matrix[:, 3] /= 255.0
        return cv2.transform(self.pixels.astype(np.float32), matrix)

    def luma(self) -> tuple[np.ndarray, np.ndarray]:
        """Premultiplied Y and inverse alpha, (h, w) uint8 each."""
        if self._luma is None:
            self._prepare_yuv()
        assert self._luma is not None
        return self._luma

    def _prepare_yuv(self) -> None:
        # Sprites are shared by the threads drawing a film: one may find the other halfway. Each
        # field is set whole, the chroma planes before the luma, so a thread that sees the luma
        # sees them too; two threads both preparing only compute the same thing twice.
        yuv = self._premultiplied_yuv()
        luma = (np.clip(yuv[..., 0] + 0.5, 0, 255).astype(np.uint8), 255 - self.pixels[..., 3])
        yuv[..., 0] = self.pixels[..., 3]  # alpha in place of Y: what chroma() averages
        self._uva = np.clip(yuv + 0.5, 0, 255).astype(np.uint8)
        self._luma = luma

    def chroma(self, phase_x: int, phase_y: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Premultiplied U, V and inverse alpha at half size, for a sprite whose (trimmed) top-left
        pixel lands on a frame pixel with (x % 2, y % 2) == (phase_x, phase_y): each sample the
        rounded mean of the 2x2 full-size samples it covers (a moving sprite meets all four phases,
        each made from the same full-size planes)."""
        planes = self._chroma.get((phase_x, phase_y))
        if planes is None:
            if self._uva is None:
                self._prepare_yuv()
            uva = self._uva
            assert uva is not None
            h, w = self.height + phase_y, self.width + phase_x
            padded = np.zeros((h + h % 2, w + w % 2, 3), np.uint8)
            padded[phase_y:h, phase_x:w] = uva
            half = cv2.resize(padded, (padded.shape[1] // 2, padded.shape[0] // 2), interpolation=cv2.INTER_AREA)
            alpha, u, v = cv2.split(half)
            planes = (u, v, 255 - alpha)
            self._chroma[(phase_x, phase_y)] = planes
        return planes


def _over(plane: np.ndarray, colour: np.ndarray, inverse: np.ndarray, x: int, y: int) -> None:
    """``plane[y:, x:] = colour + plane * inverse / 255`` over the overlap, in place."""
    plane_h, plane_w = plane.shape[:2]
    height, width = colour.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(plane_w, x + width), min(plane_h, y + height)
    if x0 >= x1 or y0 >= y1:
        return
    region = plane[y0:y1, x0:x1]
    sx, sy = x0 - x, y0 - y
    cv2.multiply(region, inverse[sy : sy + y1 - y0, sx : sx + x1 - x0], dst=region, scale=1 / 255)
    cv2.add(region, colour[sy : sy + y1 - y0, sx : sx + x1 - x0], dst=region)


def blend(frame: np.ndarray, sprite: Sprite, x: int, y: int) -> None:
    """Draw ``sprite`` with its picture's top-left corner at (x, y) over ``frame`` (uint8 RGB), in place."""
    if not sprite.width:
        return
    colour, inverse = sprite.rgb()
    _over(frame, colour, inverse, x + sprite.offset[0], y + sprite.offset[1])


def blend_i420(planes: tuple[np.ndarray, np.ndarray, np.ndarray], sprite: Sprite, x: int, y: int) -> None:
    """Draw ``sprite`` with its picture's top-left corner at (x, y) over I420 ``planes`` (Y, U, V)."""
    if not sprite.width:
        return
    x, y = x + sprite.offset[0], y + sprite.offset[1]
    luma, plane_y, plane_u, plane_v = sprite.luma(), *planes
    _over(plane_y, luma[0], luma[1], x, y)
    phase_x, phase_y = x % 2, y % 2
    u, v, inverse = sprite.chroma(phase_x, phase_y)
    cx, cy = (x - phase_x) // 2, (y - phase_y) // 2
    _over(plane_u, u, inverse, cx, cy)
    _over(plane_v, v, inverse, cx, cy)
