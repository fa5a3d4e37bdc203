"""What the art draws for the words it has no drawing of yet: the nearest one that can stand in.

The spec's vocabulary is larger than the backgrounds. Until each place and weather has a drawing
of its own, a place is drawn as the nearest place (a bakery as the room indoors, a harbour as the
beach) and a weather as the nearest weather (a storm as rain). These tables are the only place that
knows the difference. (Every kind of character has a drawing of its own: :mod:`.kinds`.)
"""

from __future__ import annotations

from render_farm.film.spec import Place, Setting, Weather

__all__ = ["drawn_setting"]

_PLACE: dict[Place, Place] = {
    Place.lake: Place.river,
    Place.swamp: Place.river,
    Place.town_square: Place.village,
    Place.fairground: Place.village,
    Place.mountain_village: Place.village,
    Place.park: Place.meadow,
    Place.garden: Place.meadow,
    Place.farm: Place.meadow,
    Place.savanna: Place.meadow,
    Place.sky: Place.meadow,
    Place.harbour: Place.beach,
    Place.cliffs: Place.beach,
    Place.island: Place.beach,
    Place.underwater: Place.beach,
    Place.desert: Place.beach,
    Place.arctic: Place.mountains,
    Place.cave: Place.mountains,
    Place.jungle: Place.forest,
    Place.moon: Place.space,
    Place.space_station: Place.space,
    Place.bedroom: Place.room,
    Place.kitchen: Place.room,
    Place.bakery: Place.room,
    Place.classroom: Place.room,
    Place.library: Place.room,
    Place.shop: Place.room,
    Place.town_hall: Place.room,
    Place.castle_hall: Place.room,
    Place.lighthouse_room: Place.room,
    Place.ship_cabin: Place.room,
    Place.workshop: Place.room,
    Place.laboratory: Place.room,
    Place.museum: Place.room,
    Place.hospital: Place.room,
    Place.theatre: Place.room,
    Place.barn: Place.room,
    Place.cafe: Place.room,
}

_WEATHER: dict[Weather, Weather] = {
    Weather.storm: Weather.rain,
    Weather.snowstorm: Weather.snow,
    Weather.wind: Weather.cloudy,
    Weather.rainbow: Weather.clear,
}


def drawn_setting(setting: Setting) -> Setting:
    """``setting`` with its place and weather as the art can draw them (the same object when it can)."""
    place = _PLACE.get(setting.place, setting.place)
    weather = _WEATHER.get(setting.weather, setting.weather)
    if place is setting.place and weather is setting.weather:
        return setting
    return setting.model_copy(update={"place": place, "weather": weather})
