"""Backgrounds: every place at every time of day, weather, styles and sizes."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import skia
from engine_helpers import style_swatch

from render_farm.engine.art.stage import Stage
from render_farm.engine.backgrounds import Backdrop, render_background
from render_farm.engine.styles import argb, look_for
from render_farm.film.spec import Place, Setting, Style, TimeOfDay, Weather


def luminance(pixels: np.ndarray) -> float:
    return float((pixels.astype(float) @ np.array([0.299, 0.587, 0.114])).mean())


@pytest.mark.parametrize(("place", "time"), list(itertools.product(Place, TimeOfDay)))
def test_every_place_renders_at_every_time_of_day(place: Place, time: TimeOfDay) -> None:
    backdrop = render_background(Setting(place=place, time_of_day=time), Style.storybook, 640, 360, seed=1)
    assert isinstance(backdrop, Backdrop)
    assert backdrop.pixels.shape == (360, 640, 3) and backdrop.pixels.dtype == np.uint8
    assert backdrop.pixels.flags.c_contiguous
    assert 0.78 <= backdrop.floor_y <= 0.88
    assert backdrop.pixels.std() > 10, "a picture, not a flat fill"


@pytest.mark.parametrize("place", list(Place))
def test_night_is_darker_than_day(place: Place) -> None:
    day = render_background(Setting(place=place, time_of_day=TimeOfDay.day), Style.anime, 640, 360)
    night = render_background(Setting(place=place, time_of_day=TimeOfDay.night), Style.anime, 640, 360)
    assert luminance(night.pixels) < luminance(day.pixels) * 0.8


@pytest.mark.parametrize("place", list(Place))
def test_backgrounds_are_deterministic_per_seed(place: Place) -> None:
    setting = Setting(place=place, time_of_day=TimeOfDay.dusk, weather=Weather.cloudy)
    a = render_background(setting, Style.comic, 640, 360, seed=5)
    b = render_background(setting, Style.comic, 640, 360, seed=5)
    assert a.pixels.tobytes() == b.pixels.tobytes()


def test_a_different_seed_gives_a_different_arrangement() -> None:
    changed = 0
    for place in Place:
        a = render_background(Setting(place=place), Style.storybook, 640, 360, seed=1)
        b = render_background(Setting(place=place), Style.storybook, 640, 360, seed=2)
        changed += not np.array_equal(a.pixels, b.pixels)
    assert changed >= 8


def test_the_floor_where_characters_stand_is_clear_ground() -> None:
    for place in Place:
        backdrop = render_background(Setting(place=place), Style.storybook, 640, 360)
        row = int(backdrop.floor_y * 360)
        strip = backdrop.pixels[row - 4 : row + 4].astype(float)
        assert strip.std(axis=(0, 1)).max() < 45, f"{place.value}: busy clutter where the feet go"


@pytest.mark.parametrize("weather", [Weather.cloudy, Weather.rain, Weather.snow, Weather.fog])
def test_weather_changes_the_picture(weather: Weather) -> None:
    clear = render_background(Setting(place=Place.meadow, weather=Weather.clear), Style.storybook, 640, 360)
    other = render_background(Setting(place=Place.meadow, weather=weather), Style.storybook, 640, 360)
    assert np.abs(clear.pixels.astype(int) - other.pixels.astype(int)).mean() > 4


def test_fog_washes_out_contrast() -> None:
    clear = render_background(Setting(place=Place.forest), Style.anime, 640, 360)
    fog = render_background(Setting(place=Place.forest, weather=Weather.fog), Style.anime, 640, 360)
    assert fog.pixels.astype(float).std() < clear.pixels.astype(float).std()


def test_styles_draw_the_same_place_differently() -> None:
    pictures = {s: render_background(Setting(place=Place.village), s, 640, 360).pixels.astype(int) for s in Style}
    for a, b in itertools.combinations(Style, 2):
        assert np.abs(pictures[a] - pictures[b]).mean() > 5, f"{a.value} and {b.value}"
    assert luminance(pictures[Style.pastel]) > luminance(pictures[Style.comic])


@pytest.mark.parametrize(("width", "height"), [(320, 180), (1920, 1080), (2400, 1080), (333, 201)])
def test_any_size_from_small_previews_to_wide_pans(width: int, height: int) -> None:
    backdrop = render_background(
        Setting(place=Place.city_street, time_of_day=TimeOfDay.night), Style.pastel, width, height
    )
    assert backdrop.pixels.shape == (height, width, 3)


def test_a_wider_picture_shows_more_of_the_same_place() -> None:
    narrow = render_background(Setting(place=Place.beach), Style.storybook, 640, 360, seed=3)
    wide = render_background(Setting(place=Place.beach), Style.storybook, 960, 360, seed=3)
    left = np.abs(narrow.pixels[:, :200].astype(int) - wide.pixels[:, :200].astype(int)).mean()
    assert left < 12, "the left part is not stretched"


@pytest.mark.parametrize("style", list(Style))
def test_the_style_swatch_is_a_small_picture(style: Style) -> None:
    swatch = style_swatch(style)
    assert swatch.shape == (90, 160, 3) and swatch.dtype == np.uint8
    assert look_for(style).style is style


def test_style_swatches_differ() -> None:
    swatches = [style_swatch(s).astype(int) for s in Style]
    for a, b in itertools.combinations(swatches, 2):
        assert np.abs(a - b).mean() > 5


@pytest.mark.parametrize("time", list(TimeOfDay))
def test_fog_stays_outside_a_room(time: TimeOfDay) -> None:
    clear = render_background(Setting(place=Place.room, time_of_day=time), Style.storybook, 320, 180)
    foggy = render_background(
        Setting(place=Place.room, time_of_day=time, weather=Weather.fog), Style.storybook, 320, 180
    )
    floor = slice(int(180 * 0.8), 180)  # the floorboards and the rug, far from the windows
    assert np.array_equal(clear.pixels[floor], foggy.pixels[floor])


@pytest.mark.parametrize(
    ("time", "weather"), list(itertools.product(TimeOfDay, [Weather.rain, Weather.fog, Weather.snow]))
)
def test_space_has_no_weather(time: TimeOfDay, weather: Weather) -> None:
    # no earth weather dims or hides space's light: a rainy or foggy space looks like a clear one
    clear = render_background(Setting(place=Place.space, time_of_day=time), Style.storybook, 320, 180)
    other = render_background(Setting(place=Place.space, time_of_day=time, weather=weather), Style.storybook, 320, 180)
    assert abs(float(other.pixels.mean()) - float(clear.pixels.mean())) < 2.5


def _stage(pixels: np.ndarray) -> tuple[Stage, skia.Canvas]:
    surface = skia.Surface(pixels, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    canvas = surface.getCanvas()
    unit = pixels.shape[0] / 100.0
    canvas.scale(unit, unit)
    look = look_for(Style.storybook)
    stage = Stage(canvas, look, Setting(place=Place.meadow), pixels.shape[1] / unit, unit, 1, pixels=pixels)
    return stage, canvas


@pytest.mark.parametrize("top", [0.0, 61.37, 88.0])
def test_a_band_written_in_rows_is_the_gradient_skia_draws(top: float) -> None:
    colours, stops = ((40, 60, 140), (220, 120, 90), (250, 200, 120)), (0.0, 0.55, 1.0)
    ours = np.zeros((270, 480, 4), np.uint8)
    ours[..., 3] = 255
    ours[..., 1] = 200  # something underneath, for the edge row to be blended with
    theirs = ours.copy()
    stage, _ = _stage(ours)
    stage.band(top, top, 97.0, colours, stops)
    canvas = _stage(theirs)[1]
    paint = skia.Paint(AntiAlias=True)
    paint.setShader(
        skia.GradientShader.MakeLinear([skia.Point(0, top), skia.Point(0, 97.0)], [argb(c) for c in colours], stops)
    )
    canvas.drawRect(skia.Rect.MakeLTRB(0, top, stage.w, 101), paint)
    difference = np.abs(ours.astype(int) - theirs.astype(int))
    assert difference.max() <= 2, "within two levels of skia's own gradient, edge row included"
    above = int(top * 2.7)  # rows wholly above the band's top edge (2.7 pixels a unit)
    assert (ours[:above, :, :3] == (0, 200, 0)).all(), "above the band nothing changes"
    assert (ours[above + 1 :, :, 3] == 255).all()


def test_a_band_inside_a_clip_is_left_to_skia() -> None:
    """A room's window shows the sky through a clip: the band must stay inside it."""
    pixels = np.zeros((180, 320, 4), np.uint8)
    stage, canvas = _stage(pixels)
    canvas.save()
    canvas.clipRect(skia.Rect.MakeLTRB(10, 10, 30, 30))
    stage.band(0.0, 0.0, 100.0, ((255, 0, 0), (0, 0, 255)), (0.0, 1.0))
    canvas.restore()
    unit = 1.8
    inside = pixels[round(12 * unit) : round(28 * unit), round(12 * unit) : round(28 * unit)]
    assert (inside[..., 3] == 255).all()
    outside = np.ones(pixels.shape[:2], bool)
    outside[round(9 * unit) : round(31 * unit), round(9 * unit) : round(31 * unit)] = False
    assert not pixels[outside].any(), "nothing painted outside the clip"
