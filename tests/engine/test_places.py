"""Places: every place in every style and time of day, each one unlike the others, rooms with
windows onto the right sky, and the thumbnails a place picker shows."""

from __future__ import annotations

import itertools

import cv2
import numpy as np
import pytest

from render_farm.engine.art.places import PLACES, Indoors, Outdoors
from render_farm.engine.art.stage import sky_colours
from render_farm.engine.backgrounds import floor_of, place_thumbnail, render_background
from render_farm.engine.styles import look_for
from render_farm.film import INTERIORS, Place, Setting, Style, TimeOfDay, Weather

PLACE_DISTANCE = 3.0  # mean CIELAB difference of two places' pictures, blurred to 64x36: below it they look alike


def lab_small(pixels: np.ndarray) -> np.ndarray:
    small = cv2.resize(pixels, (64, 36), interpolation=cv2.INTER_AREA)
    return cv2.cvtColor(small.astype(np.float32) / 255, cv2.COLOR_RGB2Lab)


def perceptual_distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(lab_small(a) - lab_small(b), axis=2).mean())


def test_every_place_has_a_recipe_and_the_interiors_are_rooms() -> None:
    assert set(PLACES) == set(Place)
    for place, recipe in PLACES.items():
        assert isinstance(recipe, Indoors) == (place in INTERIORS), place.value
        assert isinstance(recipe, Indoors | Outdoors)


@pytest.mark.parametrize("style", list(Style))
@pytest.mark.parametrize("time", list(TimeOfDay))
def test_every_place_renders_in_every_style_and_time_of_day(style: Style, time: TimeOfDay) -> None:
    for place in Place:
        backdrop = render_background(Setting(place=place, time_of_day=time), style, 192, 108, seed=3)
        assert backdrop.pixels.shape == (108, 192, 3), place.value
        assert backdrop.pixels.std() > 10, f"{place.value}: a picture, not a flat fill"
        assert backdrop.indoor == (place in INTERIORS)
        assert backdrop.floor_y == floor_of(place)


@pytest.mark.parametrize("style", list(Style))
@pytest.mark.parametrize("time", [TimeOfDay.day, TimeOfDay.night])
def test_every_place_looks_unlike_every_other(style: Style, time: TimeOfDay) -> None:
    pictures = {place: place_thumbnail(place, style, 192, 108, time_of_day=time) for place in Place}
    alike = [
        (a.value, b.value, round(d, 2))
        for a, b in itertools.combinations(Place, 2)
        if (d := perceptual_distance(pictures[a], pictures[b])) < PLACE_DISTANCE
    ]
    assert not alike, f"places that look alike: {alike}"


def _sky_colour(time: TimeOfDay, style: Style) -> np.ndarray:
    """The middle of the clear sky of ``time`` as ``style`` paints it."""
    _, mid, _ = sky_colours(time, Weather.clear)
    return np.array(look_for(style).treat(mid), float)


@pytest.mark.parametrize(
    "place", sorted(INTERIORS - {Place.cave, Place.theatre, Place.space_station}, key=lambda p: p.value)
)
def test_a_rooms_window_shows_the_sky_of_the_time_of_day(place: Place) -> None:
    seen = {}
    for time in TimeOfDay:
        backdrop = render_background(Setting(place=place, time_of_day=time), Style.anime, 640, 360, seed=4)
        assert backdrop.windows, f"{place.value} has a window"
        left, top, right, bottom = backdrop.windows[0]
        height = bottom - top
        # the upper part of the glass, inside its frame: sky, not the view below it
        y0, y1 = round((top + height * 0.12) * 360), round((top + height * 0.45) * 360)
        x0, x1 = round((left + (right - left) * 0.15) * 640), round((right - (right - left) * 0.15) * 640)
        glass = backdrop.pixels[y0:y1, x0:x1].reshape(-1, 3).astype(float)
        seen[time] = np.median(glass, axis=0)
    for time, colour in seen.items():
        nearest = min(TimeOfDay, key=lambda other: np.linalg.norm(colour - _sky_colour(other, Style.anime)))
        assert nearest is time, f"{place.value}: the window at {time.value} shows a {nearest.value} sky"


@pytest.mark.parametrize("place", [Place.cave, Place.theatre])
def test_a_cave_and_a_theatre_have_no_window_onto_the_sky(place: Place) -> None:
    backdrop = render_background(Setting(place=place), Style.storybook, 320, 180)
    assert backdrop.indoor and backdrop.windows == ()


@pytest.mark.parametrize("weather", [Weather.rain, Weather.storm, Weather.snow, Weather.snowstorm, Weather.fog])
def test_a_rooms_window_shows_the_weather_outside_and_the_room_stays_dry(weather: Weather) -> None:
    clear = render_background(Setting(place=Place.bedroom), Style.storybook, 640, 360, seed=2)
    other = render_background(Setting(place=Place.bedroom, weather=weather), Style.storybook, 640, 360, seed=2)
    left, top, right, bottom = (round(v * s) for v, s in zip(clear.windows[0], (640, 360, 640, 360), strict=True))
    window = np.abs(clear.pixels[top:bottom, left:right].astype(int) - other.pixels[top:bottom, left:right].astype(int))
    assert window.mean() > 6, "the weather shows through the glass"
    floor = slice(round(360 * 0.88), 360)
    assert np.array_equal(clear.pixels[floor], other.pixels[floor]), "no rain falls indoors"


@pytest.mark.parametrize("style", list(Style))
def test_place_thumbnails_are_small_pictures_of_their_place(style: Style) -> None:
    thumb = place_thumbnail(Place.harbour, style, 160, 90, time_of_day=TimeOfDay.dusk)
    assert thumb.shape == (90, 160, 3) and thumb.dtype == np.uint8
    square = place_thumbnail(Place.bakery, style, 96, 96)
    assert square.shape == (96, 96, 3)
    whole = render_background(Setting(place=Place.bakery), style, 171, 96).pixels
    assert np.abs(square.astype(int) - whole[:, 37:133].astype(int)).mean() < 1, "the middle of the place, not squeezed"
