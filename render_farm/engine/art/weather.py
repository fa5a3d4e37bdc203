"""Weather over a finished place: rain streaks, falling and settled snow, fog."""

from __future__ import annotations

import random

import skia

from render_farm.engine.styles import argb
from render_farm.film.spec import Place, Weather

from .shapes import rect
from .stage import FLOOR, Stage

__all__ = ["draw_weather"]


def draw_weather(st: Stage) -> None:
    rng = random.Random(st.rng.random())
    indoor = st.setting.place in (Place.room, Place.space)
    if st.weather is Weather.rain and not indoor:
        streaks = skia.Path()
        for _ in range(int(st.w * 3)):
            x, y, length = rng.uniform(-10, st.w + 10), rng.uniform(-5, 100), rng.uniform(2.5, 5)
            streaks.moveTo(x, y)
            streaks.lineTo(x - length * 0.25, y + length)
        st.p.stroke(streaks, (210, 220, 240), 0.18, alpha=0.5, raw=True)
    elif st.weather is Weather.snow and not indoor:
        st.p.flat(rect(0, FLOOR[st.setting.place] * 100 - 10, st.w, 101), (255, 255, 255), alpha=0.25)
        flakes = skia.Path()
        for _ in range(int(st.w * 1.6)):
            flakes.addCircle(rng.uniform(0, st.w), rng.uniform(0, 100), rng.uniform(0.15, 0.45))
        st.p.flat(flakes, (255, 255, 255), alpha=0.85, raw=True)
    elif st.weather is Weather.fog and not indoor:
        fog = (226, 230, 236) if not st.night else (90, 100, 124)
        paint = skia.Paint(AntiAlias=True)
        paint.setShader(
            skia.GradientShader.MakeLinear(
                [skia.Point(0, 20), skia.Point(0, 100)],
                [argb(fog, 0.15), argb(fog, 0.55), argb(fog, 0.2)],
                [0.0, 0.55, 1.0],
            )
        )
        st.canvas.drawRect(skia.Rect.MakeLTRB(0, 0, st.w, 101), paint)
