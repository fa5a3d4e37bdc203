"""Every place a film can be set in, and how a place's recipe is drawn.

:data:`PLACES` holds one recipe for every :class:`Place` (the exteriors' from :mod:`.exteriors`,
the rooms' from :mod:`.interiors`; what a recipe is, :mod:`.recipes` says). :func:`compose` draws
one on a stage: the sky and the layers out of doors; indoors the wall, the floor, the windows
and the furniture, each piece at a person's scale.
"""

from __future__ import annotations

from render_farm.film.spec import Place

from . import fittings as f
from . import furniture as h
from . import landmarks as m
from . import workrooms as w
from .exteriors import EXTERIORS
from .interiors import INTERIOR_RECIPES
from .recipes import Indoors, Layer, Outdoors, Recipe
from .rooms import window
from .sky import draw_sky
from .stage import Stage

__all__ = ["PLACES", "Indoors", "Outdoors", "compose"]

PLACES: dict[Place, Recipe] = {**EXTERIORS, **INTERIOR_RECIPES}

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
