"""Every place out of doors, as a recipe of layers from the horizon to the front (see
:mod:`.recipes`): far hills, mountains or sea, landmarks, trees, the ground and the details on
it, each a function of :mod:`.terrain`, :mod:`.countryside`, :mod:`.buildings`,
:mod:`.landmarks`, :mod:`.water` or :mod:`.space` with its options.
"""

from __future__ import annotations

from render_farm.film.spec import Place

from . import buildings as b
from . import countryside as c
from . import landmarks as m
from . import terrain as t
from . import water as u
from .recipes import L, Outdoors
from .scenery import flower_bed, rocks
from .sky import draw_aurora
from .space import earthrise, space
from .stage import Stage

__all__ = ["EXTERIORS"]


def _aurora(st: Stage, *, horizon: float) -> None:
    if st.night:
        draw_aurora(st, horizon)


_GRASS = L(t.grassland, top=72.0)

EXTERIORS: dict[Place, Outdoors] = {
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
}
