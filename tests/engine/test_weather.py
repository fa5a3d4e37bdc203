"""Weather and seasons: each visibly changes the picture, the same way every time."""

from __future__ import annotations

import itertools

import cv2
import numpy as np
import pytest

from render_farm.engine.art.weather import FLASH, lightning_flashes, lightning_picture
from render_farm.engine.backgrounds import render_background
from render_farm.film import Place, Season, Setting, Style, TimeOfDay, Weather

SIZE = (480, 270)


def picture(place: Place = Place.meadow, **setting: object) -> np.ndarray:
    return render_background(Setting(place=place, **setting), Style.storybook, *SIZE, seed=6).pixels  # type: ignore[arg-type]


def difference(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(int) - b.astype(int)).mean())


@pytest.mark.parametrize("weather", [w for w in Weather if w is not Weather.clear])
@pytest.mark.parametrize("place", [Place.meadow, Place.city_street, Place.harbour, Place.forest])
def test_every_weather_visibly_changes_the_frame_and_the_same_way_each_time(weather: Weather, place: Place) -> None:
    clear = picture(place)
    changed = picture(place, weather=weather)
    assert difference(clear, changed) > 3, f"{weather.value} shows over the {place.value}"
    assert np.array_equal(changed, picture(place, weather=weather)), "deterministic"


def test_a_storm_is_darker_and_wilder_than_rain() -> None:
    rain, storm = picture(weather=Weather.rain), picture(weather=Weather.storm)
    assert storm.mean() < rain.mean() - 5
    sky = slice(0, SIZE[1] // 3)
    assert storm[sky].mean() < rain[sky].mean(), "heavy dark clouds"


def test_wind_bends_the_trees() -> None:
    still, windy = picture(Place.forest), picture(Place.forest, weather=Weather.wind)
    trees = slice(int(SIZE[1] * 0.2), int(SIZE[1] * 0.7))
    assert difference(still[trees], windy[trees]) > 8, "the crowns lean with the wind"


def test_a_snowstorm_hides_the_land_more_than_snow() -> None:
    snow, blizzard = picture(weather=Weather.snow), picture(weather=Weather.snowstorm)
    assert blizzard.astype(float).std() < snow.astype(float).std() * 0.9


def test_a_rainbow_arches_over_the_land_by_day_only() -> None:
    def bands(pixels: np.ndarray) -> float:  # red and green in the sky (OpenCV hues 0..180)
        hsv = cv2.cvtColor(pixels[: SIZE[1] // 2], cv2.COLOR_RGB2HSV)
        hue, saturation = hsv[..., 0].astype(int), hsv[..., 1]
        return float((((hue < 8) | (hue > 170) | ((hue > 40) & (hue < 80))) & (saturation > 60)).mean())

    assert bands(picture(weather=Weather.rainbow)) > bands(picture()) + 0.01, "red and green bands in the sky"
    night = picture(weather=Weather.rainbow, time_of_day=TimeOfDay.night)
    assert bands(night) < 0.005


@pytest.mark.parametrize("place", [Place.meadow, Place.forest, Place.park, Place.village])
def test_winter_lays_snow_on_the_ground(place: Place) -> None:
    summer, winter = picture(place, season=Season.summer), picture(place, season=Season.winter)
    ground = slice(int(SIZE[1] * 0.8), SIZE[1])
    assert winter[ground].mean() > summer[ground].mean() + 15


def _hue_share(pixels: np.ndarray, low: int, high: int) -> float:
    hsv = cv2.cvtColor(pixels, cv2.COLOR_RGB2HSV)
    hue, saturation = hsv[..., 0], hsv[..., 1]
    return float(((hue >= low) & (hue <= high) & (saturation > 80)).mean())


@pytest.mark.parametrize("place", [Place.meadow, Place.forest, Place.park])
def test_autumn_turns_the_leaves_and_spring_brings_blossom(place: Place) -> None:
    summer = picture(place, season=Season.summer)
    autumn = picture(place, season=Season.autumn)
    spring = picture(place, season=Season.spring)
    # OpenCV hues run 0..180: oranges and reds below 22, pinks above 150
    assert _hue_share(autumn, 5, 22) > _hue_share(summer, 5, 22) + 0.01, "orange and red leaves"
    pink = lambda p: float(  # noqa: E731
        ((cv2.cvtColor(p, cv2.COLOR_RGB2HSV)[..., 0] > 150) & (cv2.cvtColor(p, cv2.COLOR_RGB2HSV)[..., 1] > 30)).mean()
    )
    assert pink(spring) > pink(summer), "blossom"
    assert np.array_equal(autumn, picture(place, season=Season.autumn))


def test_a_season_leaves_a_room_as_it_is_but_for_its_window() -> None:
    summer = picture(Place.classroom, season=Season.summer)
    winter = picture(Place.classroom, season=Season.winter)
    floor = slice(int(SIZE[1] * 0.88), SIZE[1])
    assert np.array_equal(summer[floor], winter[floor])


def test_lightning_strikes_only_in_a_storm_at_times_fixed_by_the_scene() -> None:
    assert lightning_flashes(Weather.rain, 20.0, 1, "s1") == []
    flashes = lightning_flashes(Weather.storm, 20.0, 1, "s1")
    assert len(flashes) >= 3
    assert flashes == lightning_flashes(Weather.storm, 20.0, 1, "s1")
    assert flashes != lightning_flashes(Weather.storm, 20.0, 1, "s2")
    assert all(0 < t < 20.0 - FLASH for t in flashes)
    assert all(b - a > 2 for a, b in itertools.pairwise(flashes))


def test_a_flash_of_lightning_brightens_the_frame_and_forks_out_of_doors() -> None:
    outdoors = lightning_picture(320, 180, Style.comic, 3, bolt=True)
    indoors = lightning_picture(320, 180, Style.comic, 3, bolt=False)
    assert outdoors.shape == (180, 320, 4)
    assert (indoors[..., 3] > 0).all(), "a veil over the whole frame"
    assert outdoors[..., :3].astype(int).sum() > indoors[..., :3].astype(int).sum(), "and the bolt"
