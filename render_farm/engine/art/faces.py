"""Faces: the expressive layers of a character -- eyes, eyebrows and mouths.

Eyes open and closed (human, animal and robot eyes), eyebrows per :class:`Emotion`, one mouth per
:class:`Viseme` (and, at rest, one per emotion), a bird's beak instead of a mouth. Each is its
own layer so the rig can swap them per frame.
"""

from __future__ import annotations

import skia

from render_farm.engine.art.figure import Figure
from render_farm.engine.art.shapes import cut, oval, poly, rrect, tube
from render_farm.engine.styles import RGB, ShapePainter, darker, lighter, mix
from render_farm.engine.visemes import Viseme
from render_farm.film.spec import Emotion, Kind

__all__ = ["FACE_BOX", "draw_brows", "draw_eyes", "draw_mouth"]

_BROWS: dict[Emotion, tuple[float, float, float, float]] = {
    # (inner dy, outer dy, arch, extra raise of the far brow) -- negative is up
    Emotion.neutral: (0.0, 0.0, -0.8, 0.0),
    Emotion.happy: (-1.2, -0.4, -1.8, 0.0),
    Emotion.sad: (-3.6, 1.6, 0.4, 0.0),
    Emotion.angry: (3.2, -2.2, 0.3, 0.0),
    Emotion.surprised: (-4.5, -4.0, -2.2, 0.0),
    Emotion.scared: (-4.0, -0.5, 0.6, 0.0),
    Emotion.excited: (-2.6, -2.0, -2.2, 0.0),
    Emotion.thoughtful: (0.6, 0.2, -0.4, -3.2),
}

_MOUTH_INSIDE: RGB = (122, 38, 52)
_TONGUE: RGB = (236, 112, 124)
_TEETH: RGB = (255, 255, 250)
_LIP: RGB = (226, 120, 120)
_INK: RGB = (58, 34, 38)

FACE_BOX = (-46.0, -120.0, 46.0, -40.0)  # unit-space box that holds every face layer


def draw_eyes(fig: Figure, p: ShapePainter, *, closed: bool) -> None:
    scale = fig.look.eye_scale
    ink = _INK if fig.plan is not Kind.robot else fig.eye
    for side in (-1, 1):
        ex, ey = fig.fx + side * fig.eye_dx, fig.eye_y
        if closed:
            lid = skia.Path()
            lid.moveTo(ex - 4.6 * scale, ey - 0.5)
            lid.quadTo(ex, ey + 3.6 * scale, ex + 4.6 * scale, ey - 0.5)
            p.stroke(lid, ink, 1.5 if fig.plan is not Kind.robot else 2.2)
            continue
        if fig.plan is Kind.robot:
            glow = fig.eye
            p.flat(oval(ex, ey, 5.8, 6.8), glow, alpha=0.25)
            p.flat(oval(ex, ey, 3.6 * scale, 4.8 * scale), lighter(glow, 0.25))
            p.flat(oval(ex - 1.0, ey - 1.8, 1.1, 1.4), (255, 255, 255), alpha=0.8)
            continue
        rx, ry = 4.7 * scale, 5.9 * scale
        if fig.plan in (Kind.human, Kind.dragon, Kind.monster):
            p.fill(oval(ex, ey, rx, ry), (255, 255, 255), outline=0.55, shade=False)
            ir = 3.9 * scale
            icx, icy = ex + 0.9, ey + 0.7
            iris = cut(oval(icx, icy, ir, ir * 1.1), oval(ex, ey, rx, ry))
            p.flat(iris, fig.eye)
            p.flat(cut(oval(icx, icy, ir * 0.55, ir * 0.6), oval(ex, ey, rx, ry)), (20, 16, 24))
            lid = skia.Path()
            lid.moveTo(ex - rx - 0.6, ey - 0.5)
            lid.quadTo(ex, ey - ry * 1.55, ex + rx + 0.6, ey - 0.5)
            p.stroke(lid, _INK, 1.4 + (0.4 if fig.look.gloss else 0))
        else:
            # animals: large dark glossy eyes tinted with the eye colour
            p.fill(oval(ex, ey, rx * 0.86, ry * 0.95), mix(fig.eye, (16, 12, 18), 0.55), outline=0.5, shade=False)
            p.flat(oval(ex + 0.4, ey + 1.6, rx * 0.6, ry * 0.5), fig.eye, alpha=0.6)
            icx, icy, ir = ex, ey, 3.5 * scale
        p.flat(oval(icx - ir * 0.35, icy - ir * 0.45, ir * 0.36, ir * 0.38), (255, 255, 255), raw=True)
        if fig.look.gloss:
            p.flat(oval(icx + ir * 0.35, icy + ir * 0.4, ir * 0.18, ir * 0.18), (255, 255, 255), raw=True)


def draw_brows(fig: Figure, p: ShapePainter, emotion: Emotion) -> None:
    inner, outer, arch, far = _BROWS[emotion]
    y = fig.eye_y - 9.5 * max(1.0, fig.look.eye_scale * 0.92)
    for side in (-1, 1):
        ex = fig.fx + side * fig.eye_dx
        lift = far if side < 0 else 0.0
        xi, xo = ex - side * 4.2, ex + side * 4.6
        path = skia.Path()
        path.moveTo(xi, y + inner + lift)
        path.quadTo(ex, y + arch + (inner + outer) / 2 + lift, xo, y + outer + lift)
        p.stroke(path, fig.brow_color, 1.9 if fig.plan is not Kind.robot else 2.2)


def draw_mouth(fig: Figure, p: ShapePainter, viseme: Viseme, emotion: Emotion) -> None:
    if fig.plan is Kind.bird:
        _beak(fig, p, viseme, emotion)
        return
    mx, my = fig.fx + 0.5, fig.mouth_y
    k = {Kind.monster: 1.3, Kind.dragon: 1.15}.get(fig.plan, 1.0)
    robot = fig.plan is Kind.robot
    line = lighter(fig.eye, 0.3) if robot else _INK
    inside = lighter(fig.eye, 0.15) if robot else _MOUTH_INSIDE

    def sx(x: float) -> float:
        return mx + x * k

    def sy(y: float) -> float:
        return my + y * k

    def open_mouth(path: skia.Path, *, tongue: bool = True, upper_teeth: float = 0.0, lower_teeth: float = 0.0) -> None:
        p.fill(path, inside, outline=0.6 if not robot else 0.0, shade=False)
        if robot:
            return
        bounds = path.computeTightBounds()
        if tongue:
            p.flat(
                cut(oval(bounds.centerX(), bounds.bottom(), bounds.width() * 0.36, bounds.height() * 0.4), path),
                _TONGUE,
            )
        if upper_teeth:
            p.flat(
                cut(rrect(bounds.left(), bounds.top() - 1, bounds.right(), bounds.top() + upper_teeth, 0.8), path),
                _TEETH,
            )
        if lower_teeth:
            p.flat(
                cut(
                    rrect(bounds.left(), bounds.bottom() - lower_teeth, bounds.right(), bounds.bottom() + 1, 0.8),
                    path,
                ),
                _TEETH,
            )
        stroke = p.outline_paint(p.color(inside), 0.6)
        if stroke is not None:
            p.canvas.drawPath(path, stroke)

    if viseme is Viseme.rest:
        path = skia.Path()
        if emotion in (Emotion.happy, Emotion.excited):
            w = 5.5 if emotion is Emotion.happy else 6.5
            path.moveTo(sx(-w), sy(-1.2))
            path.quadTo(sx(0), sy(-0.2), sx(w), sy(-1.2))
            path.quadTo(sx(0), sy(8.5 if emotion is Emotion.excited else 6.5), sx(-w), sy(-1.2))
            path.close()
            open_mouth(path, upper_teeth=1.4 if emotion is Emotion.excited else 0.0)
        elif emotion is Emotion.surprised:
            open_mouth(oval(sx(0), sy(1.0), 2.6 * k, 3.2 * k), tongue=False)
        elif emotion in (Emotion.sad, Emotion.scared):
            if emotion is Emotion.sad:
                path.moveTo(sx(-4.2), sy(2.2))
                path.quadTo(sx(0), sy(-1.8), sx(4.2), sy(2.2))
            else:
                path.moveTo(sx(-4.5), sy(1.0))
                for i, x in enumerate((-2.2, 0.0, 2.2, 4.5)):
                    path.quadTo(sx(x - 1.1), sy(-0.6 if i % 2 == 0 else 2.2), sx(x), sy(1.0))
            p.stroke(path, line, 1.5)
        elif emotion is Emotion.angry:
            path.moveTo(sx(-4.6), sy(1.6))
            path.quadTo(sx(0), sy(-0.8), sx(4.6), sy(1.6))
            p.stroke(path, line, 1.8)
        elif emotion is Emotion.thoughtful:
            path.moveTo(sx(-1.5), sy(0.8))
            path.quadTo(sx(1.5), sy(0.2), sx(4.2), sy(-0.6))
            p.stroke(path, line, 1.5)
        else:
            path.moveTo(sx(-4.2), sy(-0.4))
            path.quadTo(sx(0), sy(2.8), sx(4.2), sy(-0.4))
            p.stroke(path, line, 1.5)
    elif viseme is Viseme.mbp:
        if not robot:
            p.flat(oval(sx(0), sy(0.5), 4.8 * k, 2.2 * k), _LIP, alpha=0.85)
        path = skia.Path()
        path.moveTo(sx(-4.6), sy(0.5))
        path.quadTo(sx(0), sy(0.9), sx(4.6), sy(0.5))
        p.stroke(path, line, 1.7)
    elif viseme is Viseme.ai:
        path = skia.Path()
        path.moveTo(sx(-6.2), sy(-2.2))
        path.quadTo(sx(0), sy(-3.4), sx(6.2), sy(-2.2))
        path.cubicTo(sx(6.0), sy(6.0), sx(3.0), sy(8.6), sx(0), sy(8.6))
        path.cubicTo(sx(-3.0), sy(8.6), sx(-6.0), sy(6.0), sx(-6.2), sy(-2.2))
        path.close()
        open_mouth(path, upper_teeth=1.8)
    elif viseme is Viseme.e:
        open_mouth(rrect(sx(-6.8), sy(-1.6), sx(6.8), sy(2.8), 2.2 * k), tongue=False, upper_teeth=1.3, lower_teeth=0.9)
    elif viseme is Viseme.o:
        o = oval(sx(0), sy(1.5), 3.3 * k, 4.3 * k)
        if not robot:
            p.flat(oval(sx(0), sy(1.5), 4.6 * k, 5.6 * k), _LIP, alpha=0.8)
        open_mouth(o)
    elif viseme is Viseme.fv:
        if not robot:
            lower = skia.Path()
            lower.moveTo(sx(-5.2), sy(1.2))
            lower.quadTo(sx(0), sy(4.6), sx(5.2), sy(1.2))
            lower.quadTo(sx(0), sy(2.4), sx(-5.2), sy(1.2))
            p.flat(lower, _LIP)
        slot = rrect(sx(-5.0), sy(-1.4), sx(5.0), sy(1.6), 1.4 * k)
        p.fill(slot, inside, outline=0.5 if not robot else 0.0, shade=False)
        if robot:
            return
        teeth = rrect(sx(-3.6), sy(-1.4), sx(3.6), sy(2.4), 0.8)
        p.fill(teeth, _TEETH, outline=0.4, shade=False)
        p.stroke(tube([(sx(0), sy(-1.2)), (sx(0), sy(2.2))], 0.01), (200, 200, 200), 0.4)
    if fig.plan is Kind.monster and viseme is not Viseme.mbp:
        for side in (-1, 1):
            fang = poly([(sx(side * 3.6), sy(-0.6)), (sx(side * 1.8), sy(-0.6)), (sx(side * 2.8), sy(3.2))], 0.6)
            p.fill(fang, _TEETH, outline=0.4, shade=False)


def _beak(fig: Figure, p: ShapePainter, viseme: Viseme, emotion: Emotion) -> None:
    fx = fig.fx + 0.5
    top_y = -68.0
    gape = {Viseme.rest: 0.0, Viseme.mbp: 0.0, Viseme.ai: 6.0, Viseme.e: 2.6, Viseme.o: 4.2, Viseme.fv: 1.4}[viseme]
    if viseme is Viseme.rest and emotion in (Emotion.happy, Emotion.excited, Emotion.surprised):
        gape = 2.4
    width = {Viseme.e: 7.5, Viseme.o: 4.6, Viseme.mbp: 6.6}.get(viseme, 6.0)
    beak_color = (245, 168, 56)
    if gape:
        p.fill(oval(fx, top_y + 3.2 + gape / 2, width * 0.8, gape / 2 + 1.2), _MOUTH_INSIDE, outline=0.6, shade=False)
    lower = poly(
        [(fx - width * 0.8, top_y + 3 + gape), (fx + width * 0.8, top_y + 3 + gape), (fx, top_y + 7 + gape)], 1.5
    )
    p.fill(lower, darker(beak_color, 0.12), outline=0.6)
    upper_tip = 8.0 if viseme is not Viseme.mbp else 6.5
    upper = poly([(fx - width, top_y), (fx + width, top_y), (fx, top_y + upper_tip)], 2)
    p.fill(upper, beak_color, outline=0.6)
    if viseme is Viseme.fv:
        p.stroke(tube([(fx - 2, top_y + 4.5), (fx + 2, top_y + 4.5)], 0.01), (255, 255, 255), 1.0)
