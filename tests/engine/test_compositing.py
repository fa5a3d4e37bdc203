"""Compositing: exact "over" on RGB frames, and the I420 path that draws in the encoder's colours."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from render_farm.engine.compositing import (
    RGB_TO_YUV601,
    RGB_TO_YUV709,
    Sprite,
    blend,
    blend_i420,
    i420_planes,
    rgb_to_planes,
)
from render_farm.engine.encoder import rgb_to_yuv420


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float(10 * np.log10(255**2 / max(mse, 1e-12)))


def background(height: int = 120, width: int = 160, seed: int = 0) -> np.ndarray:
    """A textured picture with hard colour edges, so chroma placement errors would show."""
    rng = np.random.default_rng(seed)
    rgb = cv2.GaussianBlur(rng.integers(0, 255, (height, width, 3), dtype=np.uint8), (0, 0), 1.5)
    cv2.rectangle(rgb, (20, 30), (90, 70), (200, 30, 40), -1)
    cv2.line(rgb, (0, 100), (159, 10), (20, 200, 250), 3)
    return rgb


def character(height: int = 41, width: int = 29) -> np.ndarray:
    """A premultiplied RGBA sprite: an anti-aliased opaque body, a translucent halo, clear margins."""
    alpha = np.zeros((height, width), np.uint8)
    cv2.ellipse(alpha, (width // 2, height // 2), (width // 3, height // 3), 0, 0, 360, 255, -1, cv2.LINE_AA)
    halo = cv2.GaussianBlur(alpha, (0, 0), 2.0) // 2
    alpha = np.maximum(alpha, halo)
    colour = np.zeros((height, width, 3), np.uint8)
    colour[:] = (250, 140, 30)
    colour[height // 2 :] = (40, 90, 220)
    pixels = np.empty((height, width, 4), np.uint8)
    pixels[..., :3] = (colour.astype(np.uint16) * alpha[..., None] + 127) // 255
    pixels[..., 3] = alpha
    return pixels


def reference_over(frame: np.ndarray, pixels: np.ndarray, x: int, y: int) -> np.ndarray:
    """``dst = src + round(dst * (255 - a) / 255)``, saturated, pixel by pixel in integers."""
    out = frame.astype(np.int64)
    h, w = pixels.shape[:2]
    for row in range(h):
        for col in range(w):
            fy, fx = y + row, x + col
            if 0 <= fy < frame.shape[0] and 0 <= fx < frame.shape[1]:
                inverse = 255 - int(pixels[row, col, 3])
                for c in range(3):
                    kept = (int(out[fy, fx, c]) * inverse * 2 + 255) // 510  # round half up; no ties occur
                    out[fy, fx, c] = min(255, kept + int(pixels[row, col, c]))
    return out.astype(np.uint8)


@pytest.mark.parametrize("x, y", [(30, 40), (-7, -5), (150, 100), (0, 0)])
def test_rgb_blend_is_exactly_premultiplied_over_and_clips_at_the_edges(x: int, y: int) -> None:
    frame, pixels = background(), character()
    expected = reference_over(frame, pixels, x, y)
    blend(frame, Sprite(pixels), x, y)
    assert np.array_equal(frame, expected)


def test_a_sprite_is_trimmed_to_what_shows_and_still_lands_where_asked() -> None:
    pixels = np.zeros((50, 40, 4), np.uint8)
    pixels[20:30, 12:18] = (100, 50, 25, 255)
    sprite = Sprite(pixels)
    assert (sprite.width, sprite.height, sprite.offset) == (6, 10, (12, 20))
    assert (sprite.picture_width, sprite.picture_height) == (40, 50)
    frame = np.zeros((60, 60, 3), np.uint8)
    blend(frame, sprite, 5, 3)
    assert np.argwhere(frame[..., 0] == 100).min(0).tolist() == [23, 17]
    empty = Sprite(np.zeros((8, 8, 4), np.uint8))
    blend(frame, empty, 0, 0)  # nothing to draw is not an error
    blend_i420(i420_planes(np.zeros((90, 60), np.uint8), 60), empty, 0, 0)


def test_a_sprite_that_is_not_rgba_is_refused() -> None:
    with pytest.raises(ValueError, match="premultiplied RGBA"):
        Sprite(np.zeros((4, 4, 3), np.uint8))


@pytest.mark.parametrize("matrix", [RGB_TO_YUV709, RGB_TO_YUV601], ids=["bt709", "bt601"])
def test_drawing_in_i420_gives_the_picture_of_drawing_in_rgb_then_converting(matrix: np.ndarray) -> None:
    rgb = background()
    planes = rgb_to_planes(rgb, matrix)
    frame = np.empty((180, 160), np.uint8)
    for plane, source in zip(i420_planes(frame, 120), planes, strict=True):
        plane[...] = source
    sprites = [Sprite(character(), matrix), Sprite(character(23, 37), matrix), Sprite(character(60, 30), matrix)]
    # every chroma phase, and sprites hanging over each edge
    spots = [(0, 10, 11), (1, 31, 50), (2, 64, 41), (0, -9, 90), (1, 140, -13), (2, 101, 79)]
    for index, x, y in spots:
        blend(rgb, sprites[index], x, y)
        blend_i420(i420_planes(frame, 120), sprites[index], x, y)
    expected = np.empty_like(frame)
    for plane, source in zip(i420_planes(expected, 120), rgb_to_planes(rgb, matrix), strict=True):
        plane[...] = source
    luma, u, v = i420_planes(frame, 120)
    luma_ref, u_ref, v_ref = i420_planes(expected, 120)
    assert psnr(luma, luma_ref) > 45
    assert psnr(u, u_ref) > 40 and psnr(v, v_ref) > 40
    assert np.abs(luma.astype(int) - luma_ref).max() <= 2  # luma is exact but for rounding


def test_opaque_pixels_take_the_sprite_colour_and_clear_ones_keep_the_frame() -> None:
    pixels = np.zeros((4, 4, 4), np.uint8)
    pixels[:, :2] = (255, 255, 255, 255)  # white, opaque on the left half; clear on the right
    frame = np.zeros((6, 4), np.uint8)
    luma, u, v = i420_planes(frame, 4)
    luma[...], u[...], v[...] = 50, 90, 170
    blend_i420((luma, u, v), Sprite(pixels), 0, 0)
    assert (luma[:, :2] == 235).all() and (luma[:, 2:] == 50).all()  # limited-range white
    assert (u[:, 0] == 128).all() and (v[:, 0] == 128).all()  # white has no colour
    assert (u[:, 1] == 90).all() and (v[:, 1] == 170).all()


def test_rgb_to_planes_matches_the_encoder_conversion_on_even_frames() -> None:
    rgb = background()
    converted = rgb_to_yuv420(rgb)
    for plane, ours in zip(i420_planes(converted, 120), rgb_to_planes(rgb), strict=True):
        assert np.abs(plane.astype(int) - ours).max() <= 1
    odd = rgb_to_planes(rgb[:119, :157])
    assert [p.shape for p in odd] == [(119, 157), (60, 79), (60, 79)]
