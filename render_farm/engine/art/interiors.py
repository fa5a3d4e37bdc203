"""Every place indoors, as a recipe (see :mod:`.recipes`): the wall and its pattern, the floor,
the windows onto the sky and the weather outside (none in a cave or a theatre) and the furniture
that says the room, from :mod:`.furniture`, :mod:`.fittings` and :mod:`.workrooms`.
"""

from __future__ import annotations

from render_farm.film.spec import Place

from . import fittings as f
from . import furniture as h
from . import landmarks as m
from . import workrooms as w
from .recipes import Indoors, L
from .rooms import Window, floor, wall

__all__ = ["INTERIOR_RECIPES"]

INTERIOR_RECIPES: dict[Place, Indoors] = {
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
