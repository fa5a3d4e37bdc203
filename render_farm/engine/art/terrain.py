"""The lie of the land: the layers of a place from its horizon to the ground under the cast.

Each function here is a layer a place is composed of (see :mod:`.places`): far hills and
mountain ranges, the sea, a lake or a river, dunes, ice, a city skyline, and the grounds
characters stand on (grass, sand, cobbles, paving, a quay, snow, moon dust, a bank of cloud).
Grass follows the season, water follows the sky and the weather.
"""

from __future__ import annotations

import random

import numpy as np
import skia

from render_farm.engine.styles import RGB, argb, darker, lighter, mix
from render_farm.film.spec import Season, Weather

from .scenery import grass_details, ground
from .shapes import oval, poly, rect, union_all
from .stage import Stage, mountain_range, ridge, spread

__all__ = [
    "cloud_floor",
    "cobbles",
    "craters",
    "dunes",
    "far_cliffs",
    "fields",
    "grassland",
    "hills",
    "ice_sea",
    "islets",
    "mesas",
    "mountains",
    "paving",
    "sand",
    "sea",
    "skyline",
    "snowfield",
    "tufts",
    "water",
]


def hills(
    st: Stage, *, base: float, amplitude: float, step: float, colour: RGB = (120, 170, 110), haze: float = 0.3
) -> None:
    """A rolling line of hills across the width (grassy: they take the season's colour)."""
    st.fill(ridge(st, base, amplitude, step), st.haze(st.grass(colour), haze), outline=0.5)


def mountains(
    st: Stage,
    *,
    base: float,
    height: float,
    spacing: float,
    colour: RGB = (130, 140, 170),
    haze: float = 0.4,
    caps: float = 0.28,
    mirror: float = 0.0,
) -> None:
    """A range of peaks, capped with snow down to ``caps`` of their height (more in winter);
    ``mirror`` > 0 also draws them upside down in still water below ``base``, that deep."""
    far, peaks = mountain_range(st, base, height, spacing)
    if mirror > 0:  # standing on the water's far shore: nothing below the base
        far = skia.Op(far, rect(-spacing, -10, st.w + spacing, base + 0.5), skia.PathOp.kIntersect_PathOp) or far
        image = skia.Path(far)
        image.transform(skia.Matrix.MakeAll(1, 0, 0, 0, -1, 2 * base, 0, 0, 1))
        st.canvas.save()
        st.canvas.clipRect(skia.Rect.MakeLTRB(0, base, st.w, base + mirror))
        st.p.flat(image, st.haze(colour, haze + 0.15), alpha=0.35)
        st.canvas.restore()
    st.fill(far, st.haze(colour, haze), outline=0.5)
    k = min(0.9, caps * (2.2 if st.snowy else 1.0))
    if k <= 0:
        return
    tops = []
    for x, top, half in peaks:
        tops.append(
            poly(
                [
                    (x - half * k, top + (base - top) * k),
                    (x, top),
                    (x + half * k, top + (base - top) * k),
                    (x + half * 0.1, top + (base - top) * k * 0.8),
                    (x - half * 0.12, top + (base - top) * k * 1.05),
                ]
            )
        )
    st.fill(union_all(tops), st.haze((250, 252, 255), haze * 0.5), outline=0.5)


def sea(st: Stage, *, top: float, bottom: float, colour: RGB = (60, 150, 200)) -> None:
    """Open sea from the horizon at ``top`` down to ``bottom``, waves growing towards the viewer;
    grey and rough in a storm."""
    sky_top, _, low = (st.look.treat(c) for c in st.sky)
    deep = mix(sky_top, (30, 110, 170), 0.5)
    if st.weather in (Weather.storm, Weather.rain):
        colour, deep = mix(colour, (70, 90, 100), 0.5), mix(deep, (40, 56, 70), 0.5)
    paint = skia.Paint(AntiAlias=True)
    paint.setShader(
        skia.GradientShader.MakeLinear(
            [skia.Point(0, top), skia.Point(0, bottom)], [argb(mix(low, colour, 0.55)), argb(deep)], [0.0, 1.0]
        )
    )
    st.canvas.drawRect(skia.Rect.MakeLTRB(0, top, st.w, bottom + 2), paint)
    rng = random.Random(st.rng.random())
    waves = skia.Path()
    rough = 2.0 if st.weather in (Weather.storm, Weather.wind, Weather.snowstorm) else 1.0
    for _ in range(int(st.w / 3 * rough)):
        x, y = rng.uniform(0, st.w), rng.uniform(top + 1, bottom - 1)
        s = (0.6 + (y - top) / 10) * rough**0.5
        waves.moveTo(x, y)
        waves.quadTo(x + s, y - 0.6 * s * rough, x + 2 * s, y)
    st.p.stroke(waves, (236, 248, 255), 0.25, alpha=0.6)


def water(st: Stage, *, top: float, bottom: float, colour: RGB = (70, 140, 190), murky: bool = False) -> None:
    """Still water (a lake, a river, a pond, a swamp) reflecting the sky, with ripples."""
    sky_top, _, low = (st.look.treat(c) for c in st.sky)
    if murky:
        near, far = mix((70, 96, 64), sky_top, 0.2), mix((110, 130, 90), low, 0.35)
    elif st.snowy:
        near, far = (196, 214, 230), (226, 236, 246)  # frozen over
    else:
        near, far = mix(sky_top, (40, 100, 160), 0.5), mix(low, colour, 0.5)
    paint = skia.Paint(AntiAlias=True)
    paint.setShader(
        skia.GradientShader.MakeLinear([skia.Point(0, top), skia.Point(0, bottom)], [argb(far), argb(near)], [0.0, 1.0])
    )
    st.canvas.drawRect(skia.Rect.MakeLTRB(0, top, st.w, bottom), paint)
    rng = random.Random(st.rng.random())
    ripples = skia.Path()
    for _ in range(int(st.w / 4)):
        x, y = rng.uniform(0, st.w), rng.uniform(top + 1, bottom - 1)
        ripples.moveTo(x, y)
        ripples.lineTo(x + rng.uniform(1.5, 4) * (0.5 + (y - top) / 16), y)
    st.p.stroke(ripples, (230, 244, 255) if not murky else (150, 170, 120), 0.28, alpha=0.55)


def grassland(
    st: Stage,
    *,
    top: float,
    colour: RGB = (102, 168, 74),
    far: RGB | None = (128, 186, 96),
    flowers: bool = True,
    tufts: bool = True,
) -> None:
    """Grassy ground from ``top`` down, with tufts and flowers (or the season's leaves, or snow)."""
    ground(st, top, colour, far, grassy=True)
    if tufts:
        grass_details(st, top, flowers=flowers)


def sand(
    st: Stage,
    *,
    top: float,
    colour: RGB = (238, 212, 160),
    ripples: bool = False,
    shells: bool = True,
    fill: bool = True,
) -> None:
    """Sandy ground with pebbles, shells and, in a desert, the wind's ripples (``fill`` False:
    only those, on sand already laid)."""
    if fill:
        ground(st, top, colour, lighter(colour, 0.12))
    rng = random.Random(st.rng.random())
    if ripples:
        st.p.stroke(_arcs(st, top, per_unit=1 / 6, length=4, rise=0.7, grow=12), darker(colour, 0.12), 0.22)
    for _ in range(int(st.w / 14)):
        x, y = rng.uniform(0, st.w), rng.uniform(top + 6, 99)
        st.p.flat(oval(x, y, 0.6, 0.3), darker(colour, 0.18))
    if fill and st.snowy:  # a frosting of snow over the sand
        st.p.flat(rect(0, top, st.w, 101), (250, 252, 255), alpha=0.55)
    if shells:
        for _ in range(int(st.w / 40)):
            x, y = rng.uniform(0, st.w), rng.uniform(top + 12, 99)
            st.fill(oval(x, y, 1.3, 1.0), rng.choice([(255, 210, 200), (255, 240, 220)]), outline=0.5)


def tufts(st: Stage, *, top: float, flowers: bool = False) -> None:
    """Tufts of grass (and flowers) on ground already laid."""
    grass_details(st, top, flowers=flowers)


def snowfield(st: Stage, *, top: float, colour: RGB = (236, 242, 250)) -> None:
    """Snow and packed ice, blue in its hollows."""
    ground(st, top, colour, (246, 250, 255))
    st.p.stroke(_arcs(st, top, per_unit=1 / 9, length=5, rise=0.8, grow=10), (190, 210, 236), 0.3)


def _arcs(st: Stage, top: float, *, per_unit: float, length: float, rise: float, grow: float) -> skia.Path:
    """Little arcs scattered over the ground below ``top`` (sand ripples, snow drifts), longer
    towards the front."""
    rng = random.Random(st.rng.random())
    arcs = skia.Path()
    for _ in range(int(st.w * per_unit)):
        x, y = rng.uniform(-5, st.w), rng.uniform(top + 2, 100)
        s = 1 + (y - top) / grow
        arcs.moveTo(x, y)
        arcs.quadTo(x + length / 2 * s, y - rise * s, x + length * s, y)
    return arcs


def cobbles(st: Stage, *, top: float, colour: RGB = (196, 176, 146)) -> None:
    """A cobbled square or lane: rows of rounded stones."""
    ground(st, top, colour, lighter(colour, 0.08))
    stones = skia.Path()
    for row, y in enumerate(np.arange(top + 1.5, 101, 3.5)):
        offset = (row % 2) * 3
        for x in np.arange(-offset, st.w, 6):
            stones.addRoundRect(
                skia.Rect.MakeLTRB(float(x) + 0.4, float(y) + 0.4, float(x) + 5.6, float(y) + 3.1), 1.2, 1.2
            )
    st.p.fill(stones, lighter(colour, 0.1), outline=0.0, shade=False)
    st.p.stroke(stones, darker(st.p.color(colour), 0.15), 0.18, raw=True)
    if st.snowy:
        st.p.flat(rect(0, top, st.w, 101), (250, 252, 255), alpha=0.45)


def paving(st: Stage, *, top: float, colour: RGB = (178, 178, 184), kerb: bool = True, slabs: float = 8.0) -> None:
    """A pavement or a quay of stone slabs, its kerb at the front."""
    ground(st, top, colour, lighter(colour, 0.1))
    lines = skia.Path()
    for x in np.arange(0, st.w, slabs):
        lines.moveTo(float(x), top)
        lines.lineTo(float(x) - 3, 96 if kerb else 101)
    for y in (top + 5, top + 12):
        lines.moveTo(0, y)
        lines.lineTo(st.w, y)
    st.p.stroke(lines, darker(colour, 0.16), 0.18)
    if kerb:
        st.fill(rect(0, 96, st.w, 101), darker(colour, 0.35), outline=0.5)
    if st.snowy:
        st.p.flat(rect(0, top, st.w, 96), (250, 252, 255), alpha=0.6)


def fields(
    st: Stage, *, base: float, colours: tuple[RGB, ...] = ((150, 190, 90), (210, 190, 100), (120, 160, 70))
) -> None:
    """Patchwork fields on the far slopes, furrows and all (bare or snowy out of season)."""
    rng = random.Random(st.rng.random())
    slope = ridge(st, base, 7, 45)
    st.fill(slope, st.haze(st.grass(colours[0]), 0.3), outline=0.5)
    x = -rng.uniform(0, 20)
    while x < st.w:
        w = rng.uniform(22, 40)
        patch = skia.Op(slope, rect(x, base - 12, x + w, base + 12), skia.PathOp.kIntersect_PathOp)
        colour = rng.choice(colours)
        if st.snowy:
            colour = (240, 242, 248)
        elif st.season is Season.autumn:
            colour = mix(colour, (190, 150, 80), 0.5)
        if patch is not None:
            st.fill(patch, st.haze(colour, 0.3), outline=0.4)
            rows = skia.Path()
            for k in range(5):
                rows.moveTo(x + 1, base - 5 + k * 2.4)
                rows.lineTo(x + w - 1, base - 5.6 + k * 2.4)
            st.canvas.save()
            st.canvas.clipPath(patch, doAntiAlias=True)
            st.p.stroke(rows, st.haze(darker(colour, 0.15), 0.3), 0.22, alpha=0.5)
            st.canvas.restore()
        x += w


def dunes(st: Stage, *, base: float, colour: RGB = (232, 190, 120)) -> None:
    """Rolling sand dunes, their far sides in shade."""
    for k, (b, amp, step) in enumerate(((base, 12, 46), (base + 6, 8, 36))):
        path = ridge(st, b, amp, step)
        st.fill(path, st.haze(darker(colour, 0.06 * (1 - k)), 0.3 - 0.15 * k), outline=0.5)
        shade = skia.Path(path)
        shade.offset(step * 0.22, 1.6)
        shadow = skia.Op(path, shade, skia.PathOp.kDifference_PathOp)
        if shadow is not None:
            st.p.flat(shadow, st.haze(darker(colour, 0.18), 0.3 - 0.15 * k), alpha=0.55)


def far_cliffs(st: Stage, *, base: float, colour: RGB = (232, 226, 206), side: int = 1, height: float = 30.0) -> None:
    """A headland of white cliffs falling sheer into the sea at one side, green on top, surf at
    their foot."""
    rng = random.Random(st.rng.random())
    edge = st.cx + side * st.w * 0.12  # where the cliff face drops into the sea
    outer = st.w + 2 if side > 0 else -2.0
    top = base - height
    face = [(edge, base)]
    y = base
    while y > top + 3:  # a ragged face, stepping in and out on the way up
        y -= rng.uniform(3, 6)
        face.append((edge + side * rng.uniform(-1.5, 2.5) + side * (base - y) * 0.08, max(y, top + 3)))
    face += [(edge + side * 4, top), (outer, top - 4), (outer, base)]
    cliff = poly(face, 0.5)
    st.fill(cliff, st.haze(colour, 0.15), outline=0.6)
    strata = skia.Path()
    for k in range(1, int(height / 5)):
        ys = top + k * 5
        strata.moveTo(edge + side * 2, ys)
        strata.lineTo(outer, ys - 2)
    st.canvas.save()
    st.canvas.clipPath(cliff, doAntiAlias=True)
    st.p.stroke(strata, st.haze(darker(colour, 0.18), 0.15), 0.3)
    st.canvas.restore()
    turf = poly(
        [
            (edge + side * 2, top + 1.6),
            (edge + side * 4, top - 1.2),
            (outer, top - 5.2),
            (outer, top - 2),
            (edge + side * 5, top + 1.4),
        ],
        0.6,
    )
    st.fill(turf, st.haze(st.grass((96, 160, 72)), 0.15), outline=0.5)
    foam = union_all(
        [
            oval(edge + side * rng.uniform(-2, 6), base + rng.uniform(-0.5, 0.5), rng.uniform(2, 4), 1.0)
            for _ in range(5)
        ]
    )
    st.p.fill(foam, (246, 250, 255), outline=0.0, shade=False)


def mesas(st: Stage, *, base: float, colour: RGB = (200, 110, 70)) -> None:
    """Flat-topped red rocks standing out of the far desert."""
    rng = random.Random(st.rng.random())
    rocks = []
    for x in spread(st, 70, 0.4):
        w, h = rng.uniform(14, 26), rng.uniform(8, 16)
        rocks.append(
            poly([(x - w, base + 1), (x - w * 0.7, base - h), (x + w * 0.6, base - h), (x + w, base + 1)], 0.6)
        )
    path = union_all(rocks)
    st.fill(path, st.haze(colour, 0.35), outline=0.5)
    bands = skia.Path()
    for k in (0.35, 0.65):
        bands.moveTo(0, base - 16 * k)
        bands.lineTo(st.w, base - 16 * k)
    st.canvas.save()
    st.canvas.clipPath(path, doAntiAlias=True)
    st.p.stroke(bands, st.haze(darker(colour, 0.2), 0.35), 0.6)
    st.canvas.restore()


def islets(st: Stage, *, horizon: float) -> None:
    """Small far islands on the horizon, a palm or two on each."""
    rng = random.Random(st.rng.random())
    for x in spread(st, 90, 0.3, 30):
        if abs(x - st.cx) < 40:
            continue
        w = rng.uniform(10, 16)
        land = skia.Op(
            oval(x, horizon + 1.5, w, 4.5),
            rect(x - w - 1, horizon + 1.5, x + w + 1, horizon + 8),
            skia.PathOp.kDifference_PathOp,
        )
        st.fill(land or oval(x, horizon, w, 2), st.haze((120, 170, 90), 0.4), outline=0.4)
        for dx in (-w * 0.3, w * 0.25):
            trunk = skia.Path()
            trunk.moveTo(x + dx, horizon - 2)
            trunk.quadTo(x + dx + 1, horizon - 6, x + dx + 2.4, horizon - 9)
            st.p.stroke(trunk, st.haze((140, 104, 70), 0.4), 0.6)
            fronds = union_all([oval(x + dx + 2.4 + k, horizon - 9, 2.8, 0.9) for k in (-1.8, 1.8)])
            st.fill(fronds, st.haze((80, 150, 80), 0.4), outline=0.3)


def ice_sea(st: Stage, *, top: float, bottom: float) -> None:
    """A cold dark sea with icebergs and floating floes."""
    sea(st, top=top, bottom=bottom, colour=(40, 100, 150))
    rng = random.Random(st.rng.random())
    for x in spread(st, 55, 0.4):
        w, h = rng.uniform(8, 16), rng.uniform(5, 12)
        berg = poly(
            [
                (x - w, top + 2),
                (x - w * 0.6, top - h * 0.6),
                (x - w * 0.1, top - h),
                (x + w * 0.5, top - h * 0.7),
                (x + w, top + 2),
            ],
            0.6,
        )
        st.fill(berg, st.haze((236, 246, 255), 0.2), outline=0.5)
        st.p.flat(
            poly([(x - w * 0.1, top - h), (x + w * 0.5, top - h * 0.7), (x + w, top + 2), (x + w * 0.2, top + 2)]),
            st.haze((180, 210, 236), 0.2),
        )
    for _ in range(int(st.w / 30)):
        x, y = rng.uniform(0, st.w), rng.uniform(top + 3, bottom - 1)
        st.fill(oval(x, y, rng.uniform(2, 4), 0.7), (230, 242, 252), outline=0.4)


def skyline(st: Stage, *, base: float, colour: RGB = (120, 130, 160), haze: float = 0.5) -> None:
    """The far towers of a city, in the haze."""
    rng = random.Random(st.rng.random())
    towers = [rect(x, base - rng.uniform(10, 28), x + rng.uniform(6, 12), base + 4) for x in spread(st, 9, 0.3)]
    st.fill(union_all(towers), st.haze(colour, haze), outline=0.4)
    if st.lit:
        dots = skia.Path()
        for _ in range(int(st.w * 0.6)):
            dots.addRect(skia.Rect.MakeXYWH(rng.uniform(0, st.w), rng.uniform(base - 20, base), 0.5, 0.6))
        st.glow(skia.Op(dots, union_all(towers), skia.PathOp.kIntersect_PathOp) or dots, (255, 220, 140), 0.6)


def craters(st: Stage, *, top: float, colour: RGB = (170, 170, 176)) -> None:
    """Grey moon dust pocked with craters."""
    ground(st, top, colour, lighter(colour, 0.1))
    rng = random.Random(st.rng.random())
    for _ in range(int(st.w / 10)):
        x, y = rng.uniform(0, st.w), rng.uniform(top + 2, 100)
        s = 0.5 + (y - top) / 9
        if 83 < y < 88:
            continue  # the cast stands here: keep it calm
        st.p.fill(oval(x, y, 2.4 * s, 0.8 * s), darker(colour, 0.22), outline=0.0, shade=False)
        st.p.flat(oval(x, y - 0.25 * s, 2.0 * s, 0.5 * s), darker(colour, 0.35))


def cloud_floor(st: Stage, *, top: float) -> None:
    """A bank of cloud to stand on, high above the world."""
    rng = random.Random(st.rng.random())
    base = {"dawn": (255, 226, 230), "day": (250, 252, 255), "dusk": (252, 200, 190), "night": (150, 160, 200)}[
        st.time.value
    ]
    back = union_all(
        [oval(x, top + rng.uniform(-2, 2), rng.uniform(9, 14), rng.uniform(5, 8)) for x in spread(st, 14, 0.3)]
    )
    st.p.fill(back, darker(base, 0.1), outline=st.outline * 0.6, raw=True)
    ground(st, top + 4, darker(base, 0.04), base)
    front = union_all(
        [oval(x, top + 6 + rng.uniform(-1, 1), rng.uniform(8, 12), rng.uniform(4, 5)) for x in spread(st, 16, 0.3)]
    )
    st.p.fill(front, base, outline=st.outline * 0.6, raw=True)
    puffs = skia.Path()
    for _ in range(int(st.w / 8)):
        x, y = rng.uniform(0, st.w), rng.uniform(top + 16, 100)
        if 83 < y < 88:
            continue
        puffs.addOval(skia.Rect.MakeXYWH(x, y, rng.uniform(4, 8), rng.uniform(1.2, 2.2)))
    st.p.flat(puffs, lighter(base, 0.5), alpha=0.6, raw=True)
