"""The shell of a room: its wall and floor, and windows that show the world outside.

A room is drawn in the :class:`.stage.Stage`'s indoor light. Its windows show the sky of the
time of day and the weather, seen from inside (rain on the glass, snow falling, fog, a storm's
dark clouds), with a view beyond (hills, a town, the sea, a field, space), the sun or the moon
in the first of them; they are recorded on the stage (:attr:`Stage.windows`) so a caller can
find them. Wall and floor come in patterns: plaster, stripes, dots, tiles, bricks, stone,
planks, panels, rock and metal; boards, tiles, flags, carpet, straw and grids underfoot.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import skia

from render_farm.engine.styles import RGB, darker, lighter, mix
from render_farm.film.spec import TimeOfDay

from .scenery import tree
from .shapes import oval, poly, rect, union_all
from .sky import draw_sky
from .stage import Stage, ridge
from .weather import weather_in_view

__all__ = ["Window", "floor", "wall", "window"]


@dataclass(frozen=True)
class Window:
    """A window in a wall: its middle ``x`` units from the picture's middle, its glass from
    ``top`` down ``height`` units and ``width`` across; ``shape`` square, arched, round (a
    porthole) or wide; ``view`` what lies outside (hills, town, sea, field, space)."""

    x: float
    top: float
    width: float
    height: float
    shape: str = "square"
    view: str = "hills"
    frame: RGB = (250, 246, 236)
    curtains: RGB | None = None
    bars: bool = True


def wall(st: Stage, *, colour: RGB, pattern: str = "plain", bottom: float = 76.0, accent: RGB | None = None) -> None:
    """The back wall from the ceiling down to ``bottom``, papered, tiled, built or hewn."""
    st.fill(rect(0, 0, st.w, bottom), colour, outline=0.0, shade=False)
    marks = skia.Path()
    dark = darker(colour, 0.08)
    if pattern == "stripes":
        for x in np.arange(0, st.w, 6):
            marks.addRect(skia.Rect.MakeLTRB(float(x), 0, float(x) + 2.2, bottom))
        st.p.flat(marks, dark)
    elif pattern == "dots":
        for row, y in enumerate(np.arange(3, bottom, 6)):
            for x in np.arange((row % 2) * 3, st.w, 6):
                marks.addCircle(float(x), float(y), 0.7)
        st.p.flat(marks, accent or lighter(colour, 0.4))
    elif pattern in ("tiles", "metal"):
        size = 5.0 if pattern == "tiles" else 12.0
        for x in np.arange(0, st.w, size):
            marks.moveTo(float(x), 0)
            marks.lineTo(float(x), bottom)
        for y in np.arange(0, bottom, size):
            marks.moveTo(0, float(y))
            marks.lineTo(st.w, float(y))
        st.p.stroke(marks, darker(colour, 0.14), 0.2 if pattern == "tiles" else 0.35)
        if pattern == "metal":
            rivets = skia.Path()
            for x in np.arange(1.2, st.w, size):
                for y in np.arange(1.2, bottom, size):
                    rivets.addCircle(float(x), float(y), 0.3)
            st.p.flat(rivets, darker(colour, 0.25))
    elif pattern in ("bricks", "stone"):
        height, length = (3.0, 7.0) if pattern == "bricks" else (6.0, 11.0)
        for row, y in enumerate(np.arange(0, bottom, height)):
            offset = (row % 2) * length / 2
            for x in np.arange(-offset, st.w, length):
                marks.addRoundRect(
                    skia.Rect.MakeLTRB(
                        float(x) + 0.3, float(y) + 0.3, float(x) + length - 0.3, float(y) + height - 0.3
                    ),
                    0.6,
                    0.6,
                )
        st.p.fill(marks, lighter(colour, 0.06), outline=0.0, shade=False)
        st.p.stroke(marks, darker(colour, 0.22), 0.2)
    elif pattern in ("planks", "boards"):
        vertical = pattern == "boards"
        for k in np.arange(0, st.w if vertical else bottom, 4.5):
            if vertical:
                marks.moveTo(float(k), 0)
                marks.lineTo(float(k), bottom)
            else:
                marks.moveTo(0, float(k))
                marks.lineTo(st.w, float(k))
        st.p.stroke(marks, darker(colour, 0.22), 0.22)
    elif pattern == "panels":
        st.fill(rect(0, bottom - 22, st.w, bottom), accent or darker(colour, 0.25), outline=0.5)
        for x in np.arange(2, st.w, 14):
            marks.addRect(skia.Rect.MakeLTRB(float(x), bottom - 19, float(x) + 11, bottom - 3))
        st.p.stroke(marks, darker(accent or darker(colour, 0.25), 0.2), 0.3)
    elif pattern == "rock":
        rng = random.Random(st.rng.random())
        lumps = union_all(
            [
                oval(rng.uniform(0, st.w), rng.uniform(0, bottom), rng.uniform(6, 14), rng.uniform(4, 9))
                for _ in range(int(st.w / 6))
            ]
        )
        st.p.fill(lumps, lighter(colour, 0.08), outline=0.0, shade=False)
        st.p.stroke(lumps, darker(colour, 0.3), 0.3)


def floor(
    st: Stage,
    *,
    top: float = 76.0,
    colour: RGB = (176, 124, 82),
    pattern: str = "boards",
    skirting: RGB | None = (200, 170, 130),
) -> None:
    """The floor from the foot of the wall to the front of the picture."""
    if skirting is not None:
        st.fill(rect(0, top - 3, st.w, top + 0.5), skirting, outline=0.5)
    st.band(top, top, 100.0, (st.p.color(lighter(colour, 0.06)), st.p.color(darker(colour, 0.06))), (0.0, 1.0))
    lines = skia.Path()
    line_colour = darker(colour, 0.25)
    if pattern == "boards":
        for y in np.arange(top + 3, 101, 4.5):
            lines.moveTo(0, float(y))
            lines.lineTo(st.w, float(y))
    elif pattern in ("tiles", "checks", "grid", "flags"):
        size = {"tiles": 6.0, "checks": 7.0, "grid": 5.0, "flags": 9.0}[pattern]
        rows = np.arange(top, 101, size * 0.6)
        for y in rows:
            lines.moveTo(0, float(y))
            lines.lineTo(st.w, float(y))
        for x in np.arange(-st.w, st.w * 2, size):
            lines.moveTo(st.cx + (float(x) - st.cx) * 0.55, top)
            lines.lineTo(float(x), 101)
        if pattern == "checks":
            squares = skia.Path()
            for r, y in enumerate(rows[:-1]):
                y0 = float(y)
                y1 = float(rows[r + 1])
                for c, x in enumerate(np.arange(-st.w, st.w * 2, size)):
                    if (r + c) % 2:
                        continue
                    x = float(x)

                    def at(px: float, py: float) -> tuple[float, float]:
                        k = (py - top) / (101 - top)
                        return st.cx + (px - st.cx) * (0.55 + 0.45 * k), py

                    squares.addPath(poly([at(x, y0), at(x + size, y0), at(x + size, y1), at(x, y1)]))
            st.p.flat(squares, darker(colour, 0.35))
    elif pattern == "straw":
        rng = random.Random(st.rng.random())
        for _ in range(int(st.w * 2)):
            x, y = rng.uniform(0, st.w), rng.uniform(top + 1, 100)
            lines.moveTo(x, y)
            lines.lineTo(x + rng.uniform(-2, 2), y + rng.uniform(-0.4, 0.4))
        line_colour = darker(colour, 0.15)
    elif pattern == "rock":
        rng = random.Random(st.rng.random())
        for _ in range(int(st.w / 5)):
            x, y = rng.uniform(0, st.w), rng.uniform(top + 2, 100)
            if 83 < y < 88:
                continue
            lines.addOval(skia.Rect.MakeXYWH(x, y, rng.uniform(2, 5), rng.uniform(0.8, 1.6)))
    st.p.stroke(lines, line_colour, 0.22)


def window(st: Stage, spec: Window) -> None:
    """A window on the wall showing outside: the sky, the weather and the view."""
    cx = st.cx + spec.x
    left, top, right, bottom = cx - spec.width / 2, spec.top, cx + spec.width / 2, spec.top + spec.height
    glass = _glass(spec.shape, left, top, right, bottom)
    if spec.curtains is not None:
        for side in (-1, 1):
            edge = cx + side * spec.width / 2
            st.fill(
                poly(
                    [
                        (edge + side * 5, top - 4),
                        (edge - side * 3, top - 4),
                        (edge + side * 1, top + spec.height * 0.5),
                        (edge - side * 1, bottom + 6),
                        (edge + side * 6, bottom + 6),
                    ]
                ),
                spec.curtains,
            )
    _view(st, spec, glass, left, top, right, bottom)
    st.windows.append((left, top, right, bottom))
    thickness = 1.6
    frame = skia.Op(
        _glass(spec.shape, left - thickness, top - thickness, right + thickness, bottom + thickness),
        glass,
        skia.PathOp.kDifference_PathOp,
    )
    if frame is not None:
        st.fill(frame, spec.frame, outline=0.6)
    if spec.bars and spec.shape != "round":
        bars = skia.Path()
        bars.addRect(skia.Rect.MakeLTRB(cx - 0.6, top, cx + 0.6, bottom))
        mid = top + spec.height * (0.5 if spec.shape != "arched" else 0.6)
        bars.addRect(skia.Rect.MakeLTRB(left, mid - 0.6, right, mid + 0.6))
        st.fill(skia.Op(bars, glass, skia.PathOp.kIntersect_PathOp) or bars, spec.frame, outline=0.5, shade=False)
    if spec.shape == "round":
        bolts = skia.Path()
        for k in range(8):
            a = k * np.pi / 4
            bolts.addCircle(
                cx + float(np.cos(a)) * (spec.width / 2 + 0.8),
                top + spec.height / 2 + float(np.sin(a)) * (spec.height / 2 + 0.8),
                0.35,
            )
        st.p.flat(bolts, darker(spec.frame, 0.4))
    if spec.curtains is not None:
        st.fill(rect(left - 8, top - 5.6, right + 8, top - 3.6, 0.8), (140, 96, 60))
    if spec.shape in ("square", "wide"):
        st.fill(
            rect(left - 2.5, bottom + thickness, right + 2.5, bottom + thickness + 1.4, 0.4), spec.frame, outline=0.5
        )


def _glass(shape: str, left: float, top: float, right: float, bottom: float) -> skia.Path:
    if shape == "round":
        return oval((left + right) / 2, (top + bottom) / 2, (right - left) / 2, (bottom - top) / 2)
    if shape == "arched":
        half = (right - left) / 2
        return union_all([rect(left, top + half, right, bottom), oval(left + half, top + half, half, half)])
    return rect(left, top, right, bottom, 0.6)


def _view(st: Stage, spec: Window, glass: skia.Path, left: float, top: float, right: float, bottom: float) -> None:
    """What the window shows, drawn in the outdoor light and clipped to the glass."""
    indoor_light, indoor_sky = st.light, st.sky
    st.light, st.sky = st.outside()
    st.p.light = st.light
    st.canvas.save()
    st.canvas.clipPath(glass, doAntiAlias=True)
    horizon = bottom - (bottom - top) * 0.28
    if spec.view == "space":
        _space_view(st, left, top, right, bottom)
    else:
        draw_sky(st, horizon, lights=False, top=top, clouds=(left, right))
        if not st.windows:  # the first window shows the sun or the moon
            _sun_or_moon(st, left, top, right, bottom)
        land = st.haze(st.grass((110, 170, 90)), 0.3)
        if spec.view == "sea":
            st.canvas.drawRect(
                skia.Rect.MakeLTRB(left, horizon, right, bottom + 1),
                _flat_paint(st, mix(st.sky[0], (40, 110, 170), 0.6)),
            )
            waves = skia.Path()
            for k in range(4):
                y = horizon + 2 + k * 2.5
                waves.moveTo(left + k * 2, y)
                waves.lineTo(left + k * 2 + 4, y)
            st.p.stroke(waves, (230, 244, 255), 0.25, alpha=0.6)
        elif spec.view == "town":
            rng = random.Random(st.rng.random())
            x = left - 2
            while x < right:  # the houses across the street
                w, h = rng.uniform(6, 9), rng.uniform(3, 7)
                house = rect(x, horizon - h, x + w, bottom + 1)
                roof = poly(
                    [(x - 0.6, horizon - h + 0.3), (x + w / 2, horizon - h - 3.5), (x + w + 0.6, horizon - h + 0.3)]
                )
                st.fill(
                    house, st.haze(rng.choice([(236, 214, 180), (226, 190, 160), (214, 220, 206)]), 0.3), outline=0.4
                )
                st.fill(roof, st.haze(rng.choice([(190, 80, 66), (140, 84, 60), (88, 110, 160)]), 0.3), outline=0.4)
                st.fill(
                    rect(x + w * 0.3, horizon - h + 1.2, x + w * 0.55, horizon - h + 2.8), (170, 200, 220), outline=0.3
                )
                x += w + 1.2
        else:
            st.fill(ridge(st, horizon, 3, 14, bottom + 2), land, outline=0.0)
            if spec.view in ("field", "garden"):
                tree(st, left + (right - left) * 0.3, horizon + 3, 0.35, "round", haze=0.25)
        weather_in_view(st, left, top, right, bottom)
    st.canvas.restore()
    st.light, st.sky = indoor_light, indoor_sky
    st.p.light = indoor_light


def _flat_paint(st: Stage, rgb: RGB) -> skia.Paint:
    return skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(255, *st.p.color(rgb)))


def _sun_or_moon(st: Stage, left: float, top: float, right: float, bottom: float) -> None:
    """The sun or the moon in the window, so the time of day reads at a glance."""
    if st.weather.value in ("rain", "storm", "snowstorm", "fog", "cloudy", "snow"):
        return
    w, h = right - left, bottom - top
    if st.time is TimeOfDay.night:
        x, y = left + w * 0.7, top + h * 0.25
        moon = skia.Op(oval(x, y, 2.6, 2.6), oval(x + 1.2, y - 0.8, 2.3, 2.3), skia.PathOp.kDifference_PathOp)
        if moon is not None:
            st.glow(moon, (255, 244, 210))
        return
    low = st.time is not TimeOfDay.day
    x, y = left + w * (0.72 if st.time is not TimeOfDay.dawn else 0.28), top + h * (0.6 if low else 0.22)
    core = {TimeOfDay.day: (255, 244, 190), TimeOfDay.dawn: (255, 214, 170), TimeOfDay.dusk: (255, 190, 110)}[st.time]
    st.halo(x, y, 8, core, 0.5)
    st.glow(oval(x, y, 2.8 if not low else 3.6, 2.8 if not low else 3.6), core)


def _space_view(st: Stage, left: float, top: float, right: float, bottom: float) -> None:
    st.canvas.drawRect(skia.Rect.MakeLTRB(left, top, right, bottom), _flat_paint(st, (8, 10, 30)))
    rng = random.Random(st.rng.random())
    stars = skia.Path()
    for _ in range(int((right - left) * (bottom - top) / 12)):
        stars.addCircle(rng.uniform(left, right), rng.uniform(top, bottom), rng.uniform(0.1, 0.3))
    st.glow(stars, (255, 250, 230), 0.9)
    r = (bottom - top) * 0.7
    planet = oval(left + (right - left) * 0.7, bottom + r * 0.45, r, r)
    st.p.fill(planet, (70, 130, 210), outline=st.outline)
    land = skia.Path()
    for _ in range(4):
        land.addOval(
            skia.Rect.MakeXYWH(
                rng.uniform(left, right), rng.uniform(bottom - r * 0.5, bottom), rng.uniform(4, 9), rng.uniform(2, 4)
            )
        )
    st.p.flat(skia.Op(land, planet, skia.PathOp.kIntersect_PathOp) or land, (100, 170, 100))
