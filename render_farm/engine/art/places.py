"""Every place a film can be set in, as a composition of reusable layers.

A place is data, not a drawing of its own: an :class:`Outdoors` is a sky down to its horizon
and then its layers from far to near (hills, the sea, a lighthouse, trees, the ground, the
details at the front); an :class:`Indoors` is a room's wall and floor, its windows onto the
world outside and its furniture. The layers are the functions of :mod:`.terrain`,
:mod:`.countryside`, :mod:`.buildings`, :mod:`.landmarks`, :mod:`.water`, :mod:`.space`,
:mod:`.rooms`, :mod:`.furniture`, :mod:`.fittings` and :mod:`.workrooms`, each given its
options here. :data:`PLACES` holds one recipe for every :class:`Place`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from render_farm.engine.art import buildings as b
from render_farm.engine.art import countryside as c
from render_farm.engine.art import fittings as f
from render_farm.engine.art import furniture as h
from render_farm.engine.art import landmarks as m
from render_farm.engine.art import terrain as t
from render_farm.engine.art import water as u
from render_farm.engine.art import workrooms as w
from render_farm.engine.art.rooms import Window, floor, wall, window
from render_farm.engine.art.scenery import flower_bed, rocks
from render_farm.engine.art.sky import draw_aurora, draw_sky
from render_farm.engine.art.space import earthrise, space
from render_farm.engine.art.stage import Stage
from render_farm.film.spec import Place

__all__ = ["PLACES", "Indoors", "Layer", "Outdoors", "compose"]


@dataclass(frozen=True)
class Layer:
    """One layer of a place: a drawing function and the options it is drawn with."""

    draw: Callable[..., None]
    options: tuple[tuple[str, object], ...] = ()

    def __call__(self, st: Stage) -> None:
        self.draw(st, **dict(self.options))


def L(draw: Callable[..., None], **options: object) -> Layer:
    return Layer(draw, tuple(options.items()))


@dataclass(frozen=True)
class Outdoors:
    """A place under the sky (or in space, or under the sea: ``sky`` "none" and the first
    layer paints what is above); ``weathered`` says whether the weather reaches it."""

    horizon: float
    layers: tuple[Layer, ...]
    floor: float = 0.85
    sky: str = "earth"
    weathered: bool = True


@dataclass(frozen=True)
class Indoors:
    """A room: its wall and floor, windows (none in a cave or a theatre) and furniture."""

    wall: Layer
    floor: Layer
    windows: tuple[Window, ...]
    furniture: tuple[Layer, ...]
    floor_y: float = 0.85


Recipe = Outdoors | Indoors


def _aurora(st: Stage, *, horizon: float) -> None:
    if st.night:
        draw_aurora(st, horizon)


_GRASS = L(t.grassland, top=72.0)

PLACES: dict[Place, Recipe] = {
    # -- out of doors ---------------------------------------------------------------------------
    Place.meadow: Outdoors(
        62,
        (
            L(t.hills, base=60.0, amplitude=9.0, step=38.0, haze=0.45),
            L(t.hills, base=68.0, amplitude=6.0, step=30.0, colour=(110, 176, 90), haze=0.15),
            L(c.trees, spacing=45.0, base=67.0, kinds=("round", "pine"), jitter=1.5),
            _GRASS,
        ),
        floor=0.84,
    ),
    Place.forest: Outdoors(
        60,
        (
            L(c.trees, spacing=7.0, base=64.0, size=(0.8, 1.2), kinds=("pine",), haze=0.55),
            L(t.grassland, top=66.0, colour=(86, 136, 66), far=(110, 150, 86), tufts=False),
            L(
                c.trees,
                spacing=28.0,
                base=72.0,
                size=(1.3, 1.8),
                kinds=("round", "pine", "round"),
                haze=0.12,
                jitter=2.0,
            ),
            L(c.forest_path),
            L(c.undergrowth),
            L(t.tufts, top=74.0),
        ),
        floor=0.84,
    ),
    Place.river: Outdoors(
        56,
        (
            L(t.hills, base=55.0, amplitude=9.0, step=40.0, colour=(118, 160, 120), haze=0.45),
            L(t.hills, base=62.0, amplitude=3.0, step=25.0, colour=(110, 168, 86), haze=0.0),
            L(c.trees, spacing=30.0, base=62.0, size=(0.6, 0.6)),
            L(t.water, top=62.0, bottom=80.0),
            L(c.bank, line=78.0),
            L(c.reeds, base=79.0),
            L(c.pebbles, top=92.0, bottom=99.0),
            L(t.tufts, top=80.0, flowers=True),
        ),
        floor=0.86,
    ),
    Place.lake: Outdoors(
        52,
        (
            L(t.water, top=56.0, bottom=79.0, colour=(90, 160, 200)),
            L(t.mountains, base=56.0, height=30.0, spacing=42.0, colour=(120, 130, 170), haze=0.4, mirror=18.0),
            L(c.trees, spacing=6.0, base=57.0, size=(0.3, 0.45), kinds=("pine",), haze=0.3),
            L(m.jetty, x=-56.0, top=64.0, bottom=80.0, width=1.6),
            L(c.lily_pads, top=70.0, bottom=78.0, per_100=3.0),
            L(c.bank, line=78.0),
            L(c.reeds, base=79.0, per_100=6.0, cattails=True),
            L(t.tufts, top=80.0, flowers=True),
        ),
        floor=0.86,
    ),
    Place.village: Outdoors(
        58,
        (
            L(t.hills, base=58.0, amplitude=8.0, step=40.0, haze=0.45),
            L(t.grassland, top=64.0, colour=(118, 170, 86), far=None, tufts=False),
            L(b.cottages),
            L(b.fence, top=73.0, bottom=78.5),
            L(t.cobbles, top=78.5),
        ),
    ),
    Place.town_square: Outdoors(
        50,
        (
            L(t.hills, base=52.0, amplitude=6.0, step=40.0, haze=0.5),
            L(b.town_houses, base=76.0),
            L(b.market_stalls, base=78.0),
            L(b.lamp_posts, base=82.0, spacing=70.0, top=52.0),
            L(m.bunting, y=42.0, sag=3.0, span=45.0),
            L(t.cobbles, top=78.0, colour=(200, 184, 160)),
        ),
    ),
    Place.city_street: Outdoors(
        62,
        (
            L(t.skyline, base=62.0),
            L(b.facades, base=74.0),
            L(t.paving, top=74.0),
            L(b.lamp_posts),
        ),
        floor=0.86,
    ),
    Place.park: Outdoors(
        58,
        (
            L(t.skyline, base=60.0, haze=0.6),
            L(c.trees, spacing=24.0, base=64.0, size=(0.7, 0.9), haze=0.25),
            L(t.grassland, top=64.0, flowers=False, tufts=False),
            L(m.hedge, top=66.0, bottom=72.0),
            L(m.benches, base=75.0, xs=(-52.0, 48.0)),
            L(t.paving, top=77.0, colour=(214, 200, 176), kerb=False, slabs=12.0),
            L(b.lamp_posts, base=78.0, spacing=80.0, top=54.0),
            L(c.trees, spacing=90.0, base=78.0, size=(1.3, 1.4), haze=0.0, margin=8.0),
        ),
    ),
    Place.garden: Outdoors(
        56,
        (
            L(c.trees, spacing=30.0, base=60.0, size=(0.6, 0.8), haze=0.3),
            L(t.grassland, top=60.0, tufts=False),
            L(m.shed, x=62.0, base=72.0),
            L(b.fence, top=62.0, bottom=73.0, colour=(246, 244, 236), pickets=True),
            L(flower_bed, left=0.0, right=200.0, top=73.0, bottom=77.0),
            L(t.grassland, top=77.0, colour=(96, 170, 70), flowers=False),
            L(flower_bed, left=0.0, right=400.0, top=96.0, bottom=101.0),
        ),
    ),
    Place.farm: Outdoors(
        56,
        (
            L(t.fields, base=60.0),
            L(m.windmill, x=58.0, base=70.0, height=26.0),
            L(m.barn, x=-52.0, base=74.0, width=32.0),
            L(t.grassland, top=70.0, colour=(120, 170, 80), flowers=False, tufts=False),
            L(b.fence, top=70.0, bottom=76.0, colour=(170, 130, 90)),
            L(m.hay_bales, xs=(-22.0, 24.0, 80.0), base=79.0),
            L(t.sand, top=78.0, colour=(190, 160, 116), shells=False),
        ),
    ),
    Place.beach: Outdoors(
        56,
        (
            L(t.sea, top=56.0, bottom=74.0),
            L(c.shore, line=74.0),
            L(t.sand, top=76.0, fill=False),
            L(c.trees, spacing=110.0, base=82.0, size=(1.0, 1.0), kinds=("palm",), haze=0.0, margin=15.0),
        ),
    ),
    Place.harbour: Outdoors(
        54,
        (
            L(t.hills, base=55.0, amplitude=5.0, step=50.0, colour=(120, 150, 120), haze=0.5),
            L(t.sea, top=56.0, bottom=76.0),
            L(m.lighthouse, x=62.0, base=64.0, height=30.0),
            L(m.moored_boats, waterline=72.0),
            L(t.paving, top=76.0, colour=(160, 156, 150), kerb=False, slabs=10.0),
        ),
    ),
    Place.cliffs: Outdoors(
        52,
        (
            L(t.sea, top=52.0, bottom=80.0),
            L(t.far_cliffs, base=68.0, side=1, height=26.0),
            L(m.lighthouse, x=72.0, base=43.0, height=14.0, rock=False),
            L(t.far_cliffs, base=80.0, side=-1, height=34.0),
            L(t.grassland, top=80.0, colour=(100, 160, 70), flowers=True),
            L(rocks, count=3, top=92.0, bottom=99.0),
        ),
    ),
    Place.island: Outdoors(
        58,
        (
            L(t.sea, top=58.0, bottom=101.0),
            L(t.islets, horizon=58.0),
            L(c.island_mound, top=72.0),
            L(c.trees, spacing=60.0, base=76.0, size=(0.9, 1.1), kinds=("palm",), haze=0.0, margin=25.0),
        ),
    ),
    Place.underwater: Outdoors(
        0,
        (
            L(u.deep_water, floor=78.0),
            L(u.fish_shoal, top=20.0, bottom=55.0),
            L(u.seaweed, base=78.0),
            L(t.sand, top=76.0, colour=(216, 200, 150)),
            L(u.coral, base=80.0),
            L(u.bubbles),
        ),
        sky="none",
        weathered=False,
    ),
    Place.mountains: Outdoors(
        58,
        (
            L(t.mountains, base=62.0, height=34.0, spacing=34.0),
            L(t.mountains, base=70.0, height=18.0, spacing=26.0, colour=(98, 130, 110), haze=0.2, caps=0.0),
            L(c.trees, spacing=9.0, base=73.0, size=(0.45, 0.7), kinds=("pine",), haze=0.15, jitter=1.5),
            L(t.grassland, top=74.0, colour=(120, 150, 92), far=(136, 164, 104), flowers=False),
            L(rocks, count=6, top=90.0, bottom=100.0),
        ),
    ),
    Place.mountain_village: Outdoors(
        52,
        (
            L(t.mountains, base=60.0, height=40.0, spacing=38.0, caps=0.38),
            L(c.trees, spacing=8.0, base=64.0, size=(0.4, 0.6), kinds=("pine",), haze=0.3),
            L(t.grassland, top=64.0, colour=(120, 170, 90), tufts=False),
            L(b.chalets, base=74.0),
            L(t.cobbles, top=78.0, colour=(180, 170, 160)),
        ),
    ),
    Place.arctic: Outdoors(
        58,
        (
            L(_aurora, horizon=58.0),
            L(t.mountains, base=60.0, height=14.0, spacing=40.0, colour=(200, 220, 240), haze=0.3, caps=0.0),
            L(t.ice_sea, top=60.0, bottom=70.0),
            L(t.snowfield, top=70.0),
            L(m.igloo, x=58.0, base=78.0),
        ),
    ),
    Place.desert: Outdoors(
        62,
        (
            L(t.mesas, base=64.0),
            L(t.dunes, base=68.0, colour=(236, 176, 100)),
            L(c.trees, spacing=70.0, base=76.0, size=(0.9, 1.1), kinds=("cactus",), haze=0.0, margin=10.0),
            L(t.sand, top=76.0, colour=(240, 196, 120), ripples=True, shells=False),
            L(rocks, count=2, top=92.0, bottom=99.0, colour=(190, 140, 100)),
        ),
    ),
    Place.savanna: Outdoors(
        64,
        (
            L(t.mountains, base=66.0, height=22.0, spacing=160.0, colour=(140, 130, 160), haze=0.5, caps=0.25),
            L(t.grassland, top=66.0, colour=(196, 176, 90), far=(206, 190, 120), tufts=False),
            L(c.trees, spacing=38.0, base=70.0, size=(0.8, 1.1), kinds=("acacia",), haze=0.2, jitter=1.5),
            L(m.termite_mound, x=-70.0, base=76.0),
            L(c.tall_grass, base=77.0, height=7.0),
            L(t.grassland, top=77.0, colour=(180, 160, 80), far=(200, 176, 96), tufts=False),
        ),
    ),
    Place.jungle: Outdoors(
        48,
        (
            L(c.trees, spacing=9.0, base=62.0, size=(0.7, 1.0), kinds=("jungle",), haze=0.5),
            L(t.grassland, top=62.0, colour=(60, 110, 50), tufts=False),
            L(c.trees, spacing=26.0, base=74.0, size=(1.4, 1.8), kinds=("jungle", "round"), haze=0.1),
            L(c.vines),
            L(t.grassland, top=76.0, colour=(90, 120, 56), far=(70, 110, 50), tufts=False),
            L(c.ferns, base=78.0),
            L(c.ferns, base=99.0, per_100=4.0, size=1.3),
        ),
    ),
    Place.swamp: Outdoors(
        58,
        (
            L(c.trees, spacing=22.0, base=64.0, size=(0.7, 0.9), kinds=("willow",), haze=0.5),
            L(t.water, top=64.0, bottom=80.0, murky=True),
            L(c.lily_pads, top=66.0, bottom=78.0),
            L(c.trees, spacing=75.0, base=80.0, size=(1.3, 1.5), kinds=("willow",), haze=0.05, margin=10.0),
            L(c.mist, top=62.0, bottom=74.0),
            L(c.bank, line=79.0, muddy=True),
            L(c.reeds, base=80.0, per_100=8.0, cattails=True),
            L(c.fireflies, top=50.0, bottom=78.0),
        ),
    ),
    Place.castle: Outdoors(
        60,
        (
            L(t.hills, base=62.0, amplitude=10.0, step=40.0, colour=(116, 160, 110), haze=0.45),
            L(b.castle, base=76.0),
            L(t.paving, top=76.0, colour=(170, 162, 150), kerb=False, slabs=8.0),
        ),
    ),
    Place.fairground: Outdoors(
        58,
        (
            L(t.hills, base=60.0, amplitude=6.0, step=40.0, haze=0.45),
            L(m.ferris_wheel, x=-54.0, base=74.0),
            L(m.big_top, x=52.0, base=74.0),
            L(t.grassland, top=68.0, colour=(110, 170, 80), tufts=False),
            L(m.bunting, y=48.0, sag=4.0, span=40.0),
            L(b.market_stalls, base=78.0, xs=(-14.0,)),
            L(t.sand, top=78.0, colour=(214, 190, 150), shells=False),
        ),
    ),
    Place.space: Outdoors(78, (L(space),), floor=0.84, sky="none", weathered=False),
    Place.moon: Outdoors(
        70,
        (
            L(earthrise, horizon=70.0),
            L(t.mountains, base=72.0, height=12.0, spacing=36.0, colour=(150, 150, 160), haze=0.1, caps=0.0),
            L(t.craters, top=72.0),
        ),
        sky="none",
        weathered=False,
    ),
    Place.sky: Outdoors(100, (L(t.cloud_floor, top=70.0),), floor=0.84),
    # -- indoors --------------------------------------------------------------------------------
    Place.room: Indoors(
        L(wall, colour=(236, 214, 184), pattern="stripes"),
        L(floor, top=76.5, colour=(176, 124, 82)),
        (Window(-64, 14, 28, 36, curtains=(196, 84, 84)), Window(62, 14, 28, 36, curtains=(196, 84, 84))),
        (
            L(h.picture, x=-20.0, top=20.0),
            L(h.bookcase, x=22.0, base=78.0, width=18.0, height=26.0),
            L(h.sofa, x=-18.0, base=79.0),
            L(h.floor_lamp, x=38.0, base=79.0),
            L(h.rug),
        ),
    ),
    Place.bedroom: Indoors(
        L(wall, colour=(200, 214, 240), pattern="dots", accent=(250, 240, 180)),
        L(floor, top=76.0, colour=(190, 140, 96)),
        (Window(-2, 12, 26, 30, curtains=(240, 170, 190)),),
        (
            L(h.bed, x=-44.0, base=80.0),
            L(h.wardrobe, x=52.0, base=78.0),
            L(h.floor_lamp, x=28.0, base=79.0),
            L(h.picture, x=-44.0, top=22.0, width=12.0, height=9.0, scene="ship"),
            L(h.rug, colour=(120, 170, 210), trim=(250, 246, 236)),
        ),
    ),
    Place.kitchen: Indoors(
        L(wall, colour=(236, 240, 236), pattern="tiles"),
        L(floor, top=76.0, colour=(230, 226, 214), pattern="checks"),
        (Window(-66, 16, 20, 22, curtains=(220, 90, 90)),),
        (
            L(h.cupboards, x=30.0, top=14.0, width=40.0),
            L(h.kitchen_counter, x=-30.0, base=78.0, width=36.0),
            L(h.oven, x=20.0, base=78.0),
            L(h.kitchen_counter, x=48.0, base=78.0, width=20.0),
            L(h.pendant_lamps, xs=(0.0,), drop=10.0),
        ),
    ),
    Place.bakery: Indoors(
        L(wall, colour=(240, 222, 196), pattern="bricks"),
        L(floor, top=76.0, colour=(210, 190, 160), pattern="tiles"),
        (Window(66, 14, 26, 30, view="town"),),
        (
            L(h.oven, x=-58.0, base=78.0, brick=True),
            L(h.bread_shelves, x=-24.0, base=78.0, width=28.0),
            L(h.bread_shelves, x=30.0, base=78.0, width=24.0),
            L(h.cake_counter, x=12.0, base=80.0, width=40.0),
            L(h.pendant_lamps, xs=(-30.0, 30.0), colour=(200, 90, 60)),
        ),
    ),
    Place.classroom: Indoors(
        L(wall, colour=(238, 226, 180), pattern="panels", accent=(150, 180, 150)),
        L(floor, top=76.0, colour=(190, 150, 110)),
        (Window(-68, 10, 24, 30),),
        (
            L(f.blackboard, x=6.0, top=12.0),
            L(f.wall_clock, x=46.0, y=10.0),
            L(f.globe, x=58.0, base=56.8),
            L(h.table, x=58.0, base=78.0, width=16.0, height=15.0, chairs=False),
            L(f.school_desks, xs=(-40.0, -8.0, 24.0), base=80.0),
            L(h.pendant_lamps, xs=(-30.0, 30.0), drop=6.0, colour=(236, 236, 226)),
        ),
    ),
    Place.library: Indoors(
        L(wall, colour=(150, 110, 80), pattern="boards"),
        L(floor, top=76.0, colour=(140, 60, 60), pattern="carpet", skirting=(110, 74, 50)),
        (Window(0, 8, 24, 40, shape="arched", frame=(130, 90, 60)),),
        (
            L(f.library_shelves, base=77.0, gap=(-12.0, 12.0)),
            L(h.table, x=0.0, base=80.0, width=26.0, height=10.0),
            L(h.floor_lamp, x=-26.0, base=80.0),
        ),
    ),
    Place.shop: Indoors(
        L(wall, colour=(246, 236, 210), pattern="boards"),
        L(floor, top=76.0, colour=(170, 120, 80)),
        (Window(-62, 10, 34, 32, view="town", shape="wide"),),
        (
            L(h.goods_shelves, x=10.0, base=78.0, width=40.0),
            L(h.goods_shelves, x=56.0, base=78.0, width=26.0),
            L(h.shop_counter, x=-10.0, base=80.0, width=34.0),
            L(h.pendant_lamps, xs=(-20.0, 40.0), colour=(70, 120, 90)),
        ),
    ),
    Place.town_hall: Indoors(
        L(wall, colour=(236, 230, 214), pattern="panels", accent=(150, 100, 70)),
        L(floor, top=76.0, colour=(214, 206, 196), pattern="checks"),
        (Window(-44, 8, 18, 40, shape="arched"), Window(44, 8, 18, 40, shape="arched")),
        (
            L(f.pillars, xs=(-70.0, -20.0, 20.0, 70.0), base=77.0),
            L(h.picture, x=0.0, top=14.0, width=12.0, height=15.0, scene="portrait"),
            L(f.lectern, x=0.0, base=79.0),
            L(f.chandelier, x=0.0),
        ),
    ),
    Place.castle_hall: Indoors(
        L(wall, colour=(160, 156, 150), pattern="stone"),
        L(floor, top=76.0, colour=(150, 146, 140), pattern="flags", skirting=None),
        (
            Window(-50, 10, 10, 30, shape="arched", frame=(120, 116, 110), bars=False),
            Window(50, 10, 10, 30, shape="arched", frame=(120, 116, 110), bars=False),
        ),
        (
            L(f.banners, xs=(-30.0, 30.0, -74.0, 74.0)),
            L(f.torches, xs=(-62.0, -38.0, 38.0, 62.0)),
            L(f.throne, x=0.0, base=78.0),
        ),
    ),
    Place.lighthouse_room: Indoors(
        L(wall, colour=(232, 236, 240), pattern="plain"),
        L(floor, top=78.0, colour=(150, 120, 96), skirting=(90, 96, 106)),
        (
            Window(-52, 8, 56, 52, view="sea", frame=(90, 96, 106)),
            Window(52, 8, 56, 52, view="sea", frame=(90, 96, 106)),
        ),
        (L(w.railing, top=62.0, bottom=78.0), L(w.big_lamp, x=0.0, base=78.0)),
    ),
    Place.ship_cabin: Indoors(
        L(wall, colour=(170, 116, 72), pattern="planks"),
        L(floor, top=76.0, colour=(150, 100, 64)),
        (
            Window(26, 14, 17, 17, shape="round", view="sea", frame=(200, 170, 80)),
            Window(-66, 24, 11, 11, shape="round", view="sea", frame=(200, 170, 80)),
        ),
        (
            L(w.hammock, x=-32.0, top=44.0, width=30.0),
            L(w.hanging_lantern, x=-2.0, y=30.0),
            L(h.picture, x=62.0, top=28.0, width=16.0, height=11.0, scene="ship"),
            L(w.barrels, xs=(52.0, 63.0), base=78.0),
            L(h.table, x=12.0, base=79.0, width=18.0, height=9.0, cloth=(236, 220, 170)),
        ),
    ),
    Place.cave: Indoors(
        L(wall, colour=(96, 88, 92), pattern="rock"),
        L(floor, top=74.0, colour=(110, 100, 96), pattern="rock", skirting=None),
        (),
        (
            L(w.rock_arch),
            L(w.stalactites),
            L(w.crystals, xs=(-50.0, 44.0, 70.0), base=77.0),
            L(f.torches, xs=(-20.0, 20.0), y=40.0),
        ),
    ),
    Place.workshop: Indoors(
        L(wall, colour=(200, 170, 130), pattern="planks"),
        L(floor, top=76.0, colour=(170, 140, 110), pattern="boards"),
        (Window(56, 12, 24, 24),),
        (
            L(w.tool_wall, x=-22.0, top=16.0),
            L(w.workbench, x=-22.0, base=79.0),
            L(w.barrels, xs=(30.0,), base=78.0),
            L(h.pendant_lamps, xs=(-22.0,), drop=8.0, colour=(80, 90, 100)),
        ),
    ),
    Place.laboratory: Indoors(
        L(wall, colour=(196, 214, 234), pattern="tiles"),
        L(floor, top=76.0, colour=(110, 120, 136), pattern="grid", skirting=(70, 80, 96)),
        (Window(-60, 12, 22, 26),),
        (
            L(w.pipes),
            L(w.machine, x=50.0, base=78.0),
            L(w.lab_bench, x=-14.0, base=79.0),
            L(h.pendant_lamps, xs=(-20.0, 20.0), drop=9.0, colour=(90, 110, 130)),
        ),
    ),
    Place.museum: Indoors(
        L(wall, colour=(226, 220, 206), pattern="plain"),
        L(floor, top=76.0, colour=(196, 170, 130), pattern="boards", skirting=(120, 100, 80)),
        (Window(0, 4, 30, 12, shape="wide"),),
        (
            L(h.picture, x=-62.0, top=20.0, width=18.0, height=14.0),
            L(h.picture, x=64.0, top=22.0, width=14.0, height=18.0, scene="portrait"),
            L(f.skeleton, x=8.0, base=78.0),
            L(f.display_cases, xs=(-52.0, -34.0, 52.0), base=80.0),
            L(h.pendant_lamps, xs=(-50.0, 50.0), drop=8.0, colour=(120, 100, 80)),
        ),
    ),
    Place.hospital: Indoors(
        L(wall, colour=(206, 232, 222), pattern="plain"),
        L(floor, top=76.0, colour=(220, 224, 226), pattern="tiles"),
        (Window(-48, 12, 26, 28),),
        (
            L(f.hospital_bed, x=14.0, base=79.0),
            L(h.wardrobe, x=-74.0, base=78.0, colour=(230, 234, 238)),
            L(h.pendant_lamps, xs=(-10.0,), drop=8.0, colour=(200, 210, 214)),
        ),
    ),
    Place.theatre: Indoors(
        L(wall, colour=(60, 50, 80), pattern="plain"),
        L(floor, top=76.0, colour=(150, 100, 60), skirting=None),
        (),
        (L(f.painted_backdrop), L(f.stage_curtains), L(f.footlights)),
    ),
    Place.barn: Indoors(
        L(wall, colour=(160, 80, 60), pattern="boards"),
        L(floor, top=76.0, colour=(214, 184, 110), pattern="straw", skirting=None),
        (Window(0, 40, 26, 36, view="field", shape="square", frame=(120, 60, 44), bars=False),),
        (
            L(w.hayloft, base=77.0),
            L(w.stalls, xs=(-50.0, 50.0), base=79.0),
            L(m.hay_bales, xs=(-24.0, 26.0), base=80.0),
            L(w.hanging_lantern, x=-26.0, y=44.0),
        ),
    ),
    Place.space_station: Indoors(
        L(wall, colour=(190, 198, 210), pattern="metal"),
        L(floor, top=76.0, colour=(130, 140, 154), pattern="grid", skirting=(90, 100, 116)),
        (Window(0, 12, 44, 40, shape="round", view="space", frame=(150, 160, 176)),),
        (L(w.pipes, colour=(170, 176, 190)), L(w.consoles, xs=(-50.0, 50.0), base=79.0)),
    ),
    Place.cafe: Indoors(
        L(wall, colour=(230, 200, 170), pattern="plain"),
        L(floor, top=76.0, colour=(226, 220, 206), pattern="checks"),
        (Window(-54, 12, 40, 34, view="town", shape="wide"),),
        (
            L(h.chalk_menu, x=24.0, top=14.0),
            L(h.coffee_counter, x=30.0, base=78.0),
            L(h.table, x=-40.0, base=80.0, width=10.0, height=10.0, round_top=True, cloth=(240, 236, 228)),
            L(h.table, x=-70.0, base=80.0, width=10.0, height=10.0, round_top=True, cloth=(240, 236, 228)),
            L(h.pendant_lamps, xs=(-18.0, 10.0, 40.0), colour=(200, 120, 60)),
        ),
    ),
}


FURNITURE_SCALE = 1.3  # pieces are drawn a person's size: a counter reaches a grown-up's waist
_FURNISHINGS = frozenset(
    {
        h.bed, h.bookcase, h.bread_shelves, h.cake_counter, h.coffee_counter, h.floor_lamp, h.goods_shelves,
        h.kitchen_counter, h.oven, h.shop_counter, h.sofa, h.table, h.wardrobe, f.hospital_bed,
        f.lectern, f.school_desks, f.throne, w.barrels, w.consoles, w.lab_bench, w.machine, w.stalls, w.workbench,
        m.hay_bales,
    }
)  # fmt: skip


def _furnish(st: Stage, piece: Layer) -> None:
    """Draw a piece of furniture at a person's scale, each one standing where it stood."""
    options = dict(piece.options)
    if piece.draw not in _FURNISHINGS or "base" not in options:
        piece(st)
        return
    base = float(options["base"])  # type: ignore[arg-type]
    if "xs" in options:  # a row of pieces: each grows where it stands
        spots = [(float(x), {**options, "xs": (x,)}) for x in options["xs"]]  # type: ignore[attr-defined]
    else:
        spots = [(float(options.get("x", 0.0)), options)]  # type: ignore[arg-type]
    for x, spot in spots:
        anchor = st.cx + x
        st.canvas.save()
        st.canvas.translate(anchor, base)
        st.canvas.scale(FURNITURE_SCALE, FURNITURE_SCALE)
        st.canvas.translate(-anchor, -base)
        piece.draw(st, **spot)
        st.canvas.restore()


def compose(st: Stage, recipe: Recipe) -> None:
    """Draw ``recipe`` on the stage, far to near (the weather is laid over it by the caller)."""
    if isinstance(recipe, Outdoors):
        if recipe.sky == "earth":
            draw_sky(st, recipe.horizon)
        for layer in recipe.layers:
            layer(st)
        return
    recipe.wall(st)
    recipe.floor(st)
    for spec in recipe.windows:
        window(st, spec)
    for piece in recipe.furniture:
        _furnish(st, piece)
