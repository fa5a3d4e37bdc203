"""What the art draws for the words it has no drawing of yet: the nearest one that can stand in.

The spec's vocabulary is larger than the art. Until each kind, place and weather has a drawing
of its own, a kind is drawn with the nearest body plan the art has (a goat with the dog's body,
a duck as a bird, a ghost as a monster; never a person named after the animal), a place as
the nearest place (a bakery as the room indoors, a harbour as the beach) and a weather as the
nearest weather (a storm as rain). These tables are the only place that knows the difference.
"""

from __future__ import annotations

from render_farm.film.spec import Kind, Place, Setting, Weather

__all__ = ["BODY_PLANS", "body_plan", "drawn_setting"]

BODY_PLANS: frozenset[Kind] = frozenset(
    {Kind.human, Kind.cat, Kind.dog, Kind.fox, Kind.rabbit, Kind.bear, Kind.mouse, Kind.bird, Kind.robot, Kind.dragon,
     Kind.monster}
)  # fmt: skip
"""The kinds the art draws a body of its own for."""

_STAND_IN: dict[Kind, Kind] = {
    Kind.ghost: Kind.monster, Kind.alien: Kind.monster, Kind.unicorn: Kind.dog, Kind.dinosaur: Kind.dragon,
    Kind.hare: Kind.rabbit, Kind.kangaroo: Kind.rabbit,
    Kind.polar_bear: Kind.bear, Kind.panda: Kind.bear, Kind.koala: Kind.bear, Kind.badger: Kind.bear,
    Kind.beaver: Kind.bear, Kind.monkey: Kind.bear, Kind.elephant: Kind.bear, Kind.hippo: Kind.bear,
    Kind.rhino: Kind.bear, Kind.pig: Kind.bear,
    Kind.squirrel: Kind.mouse, Kind.hedgehog: Kind.mouse, Kind.bat: Kind.mouse,
    Kind.raccoon: Kind.fox, Kind.wolf: Kind.fox, Kind.deer: Kind.fox,
    Kind.lion: Kind.cat, Kind.tiger: Kind.cat,
    Kind.otter: Kind.dog, Kind.giraffe: Kind.dog, Kind.zebra: Kind.dog, Kind.cow: Kind.dog, Kind.sheep: Kind.dog,
    Kind.goat: Kind.dog, Kind.horse: Kind.dog, Kind.donkey: Kind.dog, Kind.camel: Kind.dog, Kind.seal: Kind.dog,
    Kind.owl: Kind.bird, Kind.penguin: Kind.bird, Kind.duck: Kind.bird, Kind.chicken: Kind.bird,
    Kind.parrot: Kind.bird, Kind.eagle: Kind.bird, Kind.swan: Kind.bird, Kind.crow: Kind.bird,
    Kind.flamingo: Kind.bird, Kind.butterfly: Kind.bird,
    Kind.frog: Kind.dragon, Kind.tortoise: Kind.dragon, Kind.crocodile: Kind.dragon, Kind.snake: Kind.dragon,
    Kind.lizard: Kind.dragon,
    Kind.whale: Kind.monster, Kind.dolphin: Kind.monster, Kind.fish: Kind.monster, Kind.shark: Kind.monster,
    Kind.octopus: Kind.monster, Kind.crab: Kind.monster, Kind.jellyfish: Kind.monster, Kind.bee: Kind.monster,
    Kind.ladybird: Kind.monster, Kind.ant: Kind.monster, Kind.spider: Kind.monster, Kind.snail: Kind.monster,
    Kind.caterpillar: Kind.monster,
}  # fmt: skip

_PLACE: dict[Place, Place] = {
    Place.lake: Place.river, Place.swamp: Place.river,
    Place.town_square: Place.village, Place.fairground: Place.village, Place.mountain_village: Place.village,
    Place.park: Place.meadow, Place.garden: Place.meadow, Place.farm: Place.meadow, Place.savanna: Place.meadow,
    Place.sky: Place.meadow,
    Place.harbour: Place.beach, Place.cliffs: Place.beach, Place.island: Place.beach, Place.underwater: Place.beach,
    Place.desert: Place.beach,
    Place.arctic: Place.mountains, Place.cave: Place.mountains,
    Place.jungle: Place.forest,
    Place.moon: Place.space, Place.space_station: Place.space,
    Place.bedroom: Place.room, Place.kitchen: Place.room, Place.bakery: Place.room, Place.classroom: Place.room,
    Place.library: Place.room, Place.shop: Place.room, Place.town_hall: Place.room, Place.castle_hall: Place.room,
    Place.lighthouse_room: Place.room, Place.ship_cabin: Place.room, Place.workshop: Place.room,
    Place.laboratory: Place.room, Place.museum: Place.room, Place.hospital: Place.room, Place.theatre: Place.room,
    Place.barn: Place.room, Place.cafe: Place.room,
}  # fmt: skip

_WEATHER: dict[Weather, Weather] = {
    Weather.storm: Weather.rain, Weather.snowstorm: Weather.snow, Weather.wind: Weather.cloudy,
    Weather.rainbow: Weather.clear,
}  # fmt: skip


def body_plan(kind: Kind) -> Kind:
    """The body the art draws for ``kind``: its own, or the nearest one it has."""
    return _STAND_IN.get(kind, kind)


def drawn_setting(setting: Setting) -> Setting:
    """``setting`` with its place and weather as the art can draw them (the same object when it can)."""
    place = _PLACE.get(setting.place, setting.place)
    weather = _WEATHER.get(setting.weather, setting.weather)
    if place is setting.place and weather is setting.weather:
        return setting
    return setting.model_copy(update={"place": place, "weather": weather})
