"""Faces: the expressive layers of a character -- eyes, eyebrows and mouths.

Eyes open and closed in the kind's way (a person's with whites and an iris, an animal's dark
glossy ones, an owl's big round ones, a frog's on top of its head, eyes on stalks, an alien's,
a robot's glowing screen, a spider's many), with lashes for a female character; eyebrows per
:class:`Emotion`; one mouth per :class:`Viseme` and, at rest, one per emotion -- open, or closed
for a listener -- and beaks and bills that open with the words. Each is its own layer so the rig
can swap them per frame. Sizes follow the figure's face scale, so an adult's smaller head gets a
smaller face.
"""

from __future__ import annotations

import skia

from render_farm.engine.styles import RGB, ShapePainter, darker, lighter, mix
from render_farm.engine.visemes import Viseme
from render_farm.film import Age, Emotion, Kind

from .figure import Figure
from .shapes import cut, oval, poly, rotated, rrect, tube

__all__ = ["CLOSED_MOUTHS", "draw_brows", "draw_eyes", "draw_mouth"]

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

# emotions whose resting mouth is open; a listener closes it (``Pose.listening``)
CLOSED_MOUTHS = (Emotion.happy, Emotion.excited, Emotion.surprised)

_MOUTH_INSIDE: RGB = (122, 38, 52)
_TONGUE: RGB = (236, 112, 124)
_TEETH: RGB = (255, 255, 250)
_LIP: RGB = (226, 120, 120)
_INK: RGB = (58, 34, 38)
_BEAKS: dict[str, RGB] = {
    "crow": (80, 80, 92),
    "penguin": (44, 42, 50),
    "chicken": (246, 196, 70),
    "owl": (150, 120, 90),
    "parrot": (240, 232, 214),
    "eagle": (246, 200, 60),
    "flamingo": (246, 214, 220),
}
_HUMAN_EYES = ("human",)


def _eye_centres(fig: Figure) -> list[tuple[int, float, float]]:
    fx = fig.head_c[0] + fig.fx
    return [(side, fx + side * fig.eye_dx, fig.eye_y) for side in (-1, 1)]


def draw_eyes(fig: Figure, p: ShapePainter, *, closed: bool) -> None:
    scale = fig.look.eye_scale * fig.eye_scale
    style = fig.k.eyes
    robot = style == "robot"
    ink = _INK if not robot else fig.eye
    for side, ex, ey in _eye_centres(fig):
        if closed:
            lid = skia.Path()
            w = 4.6 * scale * (1.3 if style in ("alien", "big") else 1.0)
            if style in ("bulging", "stalks"):
                p.fill(
                    oval(ex, ey, 5 * scale, 5 * scale),
                    darker(fig.skin, 0.08) if style == "bulging" else (252, 252, 250),
                    outline=0.5,
                )
            lid.moveTo(ex - w, ey - 0.5)
            lid.quadTo(ex, ey + 3.6 * scale, ex + w, ey - 0.5)
            p.stroke(lid, ink, (1.5 if not robot else 2.2) * max(0.8, fig.fs))
            if fig.lashes:
                _lashes(p, side, ex + side * w * 0.9, ey - 0.5, fig.fs, ink)
            continue
        if robot:
            glow = fig.eye
            p.flat(oval(ex, ey, 5.8 * fig.fs, 6.8 * fig.fs), glow, alpha=0.25)
            p.flat(oval(ex, ey, 3.6 * scale, 4.8 * scale), lighter(glow, 0.25))
            p.flat(oval(ex - 1.0 * fig.fs, ey - 1.8 * fig.fs, 1.1 * fig.fs, 1.4 * fig.fs), (255, 255, 255), alpha=0.8)
            continue
        if style == "alien":
            eye = rotated(oval(ex, ey, 5.2 * scale, 3.6 * scale), side * -20, ex, ey)
            p.fill(eye, (22, 20, 30), outline=0.5, shade=False)
            p.flat(oval(ex - 1.6 * scale, ey - 1.2 * scale, 1.4 * scale, 1.0 * scale), (255, 255, 255), raw=True)
            continue
        if style == "beady":
            p.flat(oval(ex, ey, 3.4 * scale * 1.4, 4.8 * scale * 1.4), (30, 30, 40))
            p.flat(oval(ex - 1.2 * scale, ey - 2 * scale, 1.3 * scale, 1.3 * scale), (255, 255, 255), raw=True)
            continue
        if style == "many":
            for dx, dy, r in ((0, 0, 1.0), (side * 5.5, -5.0, 0.45), (side * 9, 1.5, 0.4)):
                p.fill(
                    oval(ex + dx * fig.fs, ey + dy * fig.fs, 3.6 * scale * r, 4.2 * scale * r),
                    (24, 20, 30),
                    outline=0.4,
                    shade=False,
                )
                p.flat(
                    oval(
                        ex + dx * fig.fs - 1 * scale * r,
                        ey + dy * fig.fs - 1.4 * scale * r,
                        1.1 * scale * r,
                        1.1 * scale * r,
                    ),
                    (255, 255, 255),
                    raw=True,
                )
            continue
        rx, ry = 4.7 * scale, 5.9 * scale
        if style in _HUMAN_EYES or style in ("big", "bulging", "stalks") or fig.kind in (Kind.dragon, Kind.monster):
            white = (255, 255, 255)
            if style in ("big",):
                rx, ry = 5.4 * scale, 5.4 * scale
            if style in ("bulging", "stalks"):
                rx, ry = 4.8 * scale, 4.8 * scale
            p.fill(oval(ex, ey, rx, ry), white, outline=0.55, shade=False)
            ir = (3.9 if style != "big" else 4.6) * scale
            icx, icy = ex + 0.9 * fig.fs, ey + 0.7 * fig.fs
            iris_colour = fig.eye if style != "big" else (246, 176, 40)
            if style in ("bulging", "stalks"):
                ir = 3.0 * scale
                iris_colour = (26, 22, 30)
            p.flat(cut(oval(icx, icy, ir, ir * 1.1), oval(ex, ey, rx, ry)), iris_colour)
            p.flat(cut(oval(icx, icy, ir * 0.55, ir * 0.6), oval(ex, ey, rx, ry)), (20, 16, 24))
            if style in _HUMAN_EYES or fig.kind in (Kind.dragon, Kind.monster):
                lid = skia.Path()
                lid.moveTo(ex - rx - 0.6, ey - 0.5)
                lid.quadTo(ex, ey - ry * 1.55, ex + rx + 0.6, ey - 0.5)
                p.stroke(lid, _INK, (1.4 + (0.4 if fig.look.gloss else 0)) * max(0.75, fig.fs))
        else:
            # animals: large dark glossy eyes tinted with the eye colour
            p.fill(oval(ex, ey, rx * 0.86, ry * 0.95), mix(fig.eye, (16, 12, 18), 0.55), outline=0.5, shade=False)
            p.flat(oval(ex + 0.4 * fig.fs, ey + 1.6 * fig.fs, rx * 0.6, ry * 0.5), fig.eye, alpha=0.6)
            icx, icy, ir = ex, ey, 3.5 * scale
        p.flat(oval(icx - ir * 0.35, icy - ir * 0.45, ir * 0.36, ir * 0.38), (255, 255, 255), raw=True)
        if fig.look.gloss:
            p.flat(oval(icx + ir * 0.35, icy + ir * 0.4, ir * 0.18, ir * 0.18), (255, 255, 255), raw=True)
        if fig.age is Age.elder:  # heavy, drooping lids
            lid = cut(oval(ex, ey - ry * 0.95, rx * 1.25, ry * 0.8), oval(ex, ey, rx * 1.02, ry * 1.02))
            p.fill(lid, fig.head_color, outline=0.0, shade=False)
            line = skia.Path()
            line.moveTo(ex - rx, ey - ry * 0.28)
            line.quadTo(ex, ey - ry * 0.05, ex + rx, ey - ry * 0.28)
            p.stroke(line, _INK, 1.1 * max(0.8, fig.fs))
        if fig.lashes:
            _lashes(p, side, ex + side * rx * 0.85, ey - ry * 0.55, fig.fs, _INK)


def _lashes(p: ShapePainter, side: int, x: float, y: float, s: float, ink: RGB) -> None:
    for k in range(2):
        p.stroke(
            tube(
                [(x - side * k * 1.6 * s, y - k * 0.8 * s), (x + side * (2.4 - k * 0.6) * s, y - (2.4 + k * 0.6) * s)],
                0.01,
            ),
            ink,
            1.0 * max(0.8, s),
        )


def draw_brows(fig: Figure, p: ShapePainter, emotion: Emotion) -> None:
    inner, outer, arch, far = _BROWS[emotion]
    s = fig.fs
    y = fig.eye_y - 9.5 * s * max(1.0, fig.look.eye_scale * fig.eye_scale / max(0.72, s) * 0.92)
    if fig.k.eyes in ("stalks",):
        return
    width = (1.9 if fig.kind is not Kind.robot else 2.2) * max(0.8, s)
    if fig.age is Age.elder:
        width *= 1.45
    for side, ex, _ in _eye_centres(fig):
        lift = far if side < 0 else 0.0
        xi, xo = ex - side * 4.2 * s, ex + side * 4.6 * s
        path = skia.Path()
        path.moveTo(xi, y + (inner + lift) * s)
        path.quadTo(ex, y + (arch + (inner + outer) / 2 + lift) * s, xo, y + (outer + lift) * s)
        p.stroke(path, fig.brow_color, width)


def draw_mouth(fig: Figure, p: ShapePainter, viseme: Viseme, emotion: Emotion, *, closed: bool = False) -> None:
    """The mouth for ``viseme`` (at rest, ``emotion`` shapes it; ``closed`` keeps a listener's lips shut)."""
    muzzle = fig.k.muzzle
    if muzzle in ("beak", "hooked", "bill", "swan", "flamingo"):
        _beak(fig, p, viseme, emotion, closed=closed)
        return
    s = fig.fs
    mx, my = fig.head_c[0] + fig.fx + 0.5 * s, fig.mouth_y
    k = {Kind.monster: 1.3, Kind.dragon: 1.15}.get(fig.kind, 1.0) * max(0.84, s)  # grown-ups keep a readable mouth
    wide = {"frog": 1.7, "whale": 1.5, "croc": 1.3, "dino": 1.3, "shark": 1.4, "hippo": 1.4}.get(muzzle, 1.0)
    if muzzle == "insect":
        k *= 0.75
    if muzzle == "trunk":
        mx -= 6 * s
    if muzzle == "dolphin":
        mx, my = fig.head_c[0] + fig.head_r[0] * 0.92, fig.head_c[1] + fig.head_r[1] * 0.5
    robot = fig.kind is Kind.robot
    line = lighter(fig.eye, 0.3) if robot else _INK
    inside = lighter(fig.eye, 0.15) if robot else _MOUTH_INSIDE

    def sx(x: float) -> float:
        return mx + x * k * wide

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
                cut(rrect(bounds.left(), bounds.top() - 1, bounds.right(), bounds.top() + upper_teeth * k, 0.8), path),
                _TEETH,
            )
        if lower_teeth:
            p.flat(
                cut(
                    rrect(bounds.left(), bounds.bottom() - lower_teeth * k, bounds.right(), bounds.bottom() + 1, 0.8),
                    path,
                ),
                _TEETH,
            )
        stroke = p.outline_paint(p.color(inside), 0.6)
        if stroke is not None:
            p.canvas.drawPath(path, stroke)

    width = 1.5 * max(0.8, s)
    if viseme is Viseme.rest:
        path = skia.Path()
        if closed and emotion in CLOSED_MOUTHS:
            if emotion is Emotion.surprised:
                p.stroke(oval(sx(0), sy(0.8), 1.8 * k, 1.4 * k), line, width)
            else:
                path.moveTo(sx(-5.2), sy(-1.0))
                path.quadTo(sx(0), sy(4.2), sx(5.2), sy(-1.0))
                p.stroke(path, line, width)
        elif emotion in (Emotion.happy, Emotion.excited):
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
            p.stroke(path, line, width)
        elif emotion is Emotion.angry:
            path.moveTo(sx(-4.6), sy(1.6))
            path.quadTo(sx(0), sy(-0.8), sx(4.6), sy(1.6))
            p.stroke(path, line, width * 1.2)
        elif emotion is Emotion.thoughtful:
            path.moveTo(sx(-1.5), sy(0.8))
            path.quadTo(sx(1.5), sy(0.2), sx(4.2), sy(-0.6))
            p.stroke(path, line, width)
        else:
            path.moveTo(sx(-4.2), sy(-0.4))
            path.quadTo(sx(0), sy(2.8), sx(4.2), sy(-0.4))
            p.stroke(path, line, width)
            if muzzle == "snake":
                tongue = poly(
                    [
                        (sx(0) - 0.8 * k, sy(1.6)),
                        (sx(0) + 0.8 * k, sy(1.6)),
                        (sx(0) + 0.8 * k, sy(6)),
                        (sx(0) + 2.2 * k, sy(8)),
                        (sx(0), sy(6.6)),
                        (sx(0) - 2.2 * k, sy(8)),
                        (sx(0) - 0.8 * k, sy(6)),
                    ]
                )
                p.flat(tongue, (220, 60, 80))
    elif viseme is Viseme.mbp:
        if not robot:
            p.flat(oval(sx(0), sy(0.5), 4.8 * k * wide, 2.2 * k), _LIP, alpha=0.85)
        path = skia.Path()
        path.moveTo(sx(-4.6), sy(0.5))
        path.quadTo(sx(0), sy(0.9), sx(4.6), sy(0.5))
        p.stroke(path, line, width * 1.13)
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
        if not robot:
            teeth = rrect(sx(-3.6), sy(-1.4), sx(3.6), sy(2.4), 0.8)
            p.fill(teeth, _TEETH, outline=0.4, shade=False)
            p.stroke(tube([(sx(0), sy(-1.2)), (sx(0), sy(2.2))], 0.01), (200, 200, 200), 0.4)
    teeth = fig.k.teeth
    if teeth == "fangs" and viseme is not Viseme.mbp:
        for side in (-1, 1):
            fang = poly([(sx(side * 3.6), sy(-0.6)), (sx(side * 1.8), sy(-0.6)), (sx(side * 2.8), sy(3.2))], 0.6)
            p.fill(fang, _TEETH, outline=0.4, shade=False)
    elif teeth == "buck" and viseme not in (Viseme.mbp,):
        top = sy(0.6) if viseme is Viseme.rest else sy(-1.6)
        p.fill(rrect(sx(-2.2), top, sx(2.2), top + 3.6 * k, 0.8 * k), _TEETH, outline=0.5, shade=False)
        p.stroke(tube([(sx(0), top + 0.3), (sx(0), top + 3.3 * k)], 0.01), (190, 190, 190), 0.4)
    elif teeth == "grin" and viseme is Viseme.rest and not closed:
        for x in (-3.0, 0.0, 3.0):
            p.fill(
                poly([(sx(x - 1.2), sy(0.2)), (sx(x + 1.2), sy(0.2)), (sx(x), sy(2.6))], 0.3),
                _TEETH,
                outline=0.4,
                shade=False,
            )


def _beak(fig: Figure, p: ShapePainter, viseme: Viseme, emotion: Emotion, *, closed: bool) -> None:
    s = fig.fs
    muzzle = fig.k.muzzle
    fx = fig.head_c[0] + fig.fx + 0.5 * s
    top_y = fig.eye_y + 6 * s
    gape = {Viseme.rest: 0.0, Viseme.mbp: 0.0, Viseme.ai: 6.0, Viseme.e: 2.6, Viseme.o: 4.2, Viseme.fv: 1.4}[viseme] * s
    if viseme is Viseme.rest and emotion in (Emotion.happy, Emotion.excited, Emotion.surprised) and not closed:
        gape = 2.4 * s
    width = {Viseme.e: 7.5, Viseme.o: 4.6, Viseme.mbp: 6.6}.get(viseme, 6.0) * s
    colour = _BEAKS.get(fig.kind.value, (245, 168, 56))
    if muzzle == "bill":
        width *= 1.75
    if gape:
        p.fill(
            oval(fx, top_y + 3.2 * s + gape / 2, width * 0.8, gape / 2 + 1.2 * s),
            _MOUTH_INSIDE,
            outline=0.6,
            shade=False,
        )
    if muzzle == "bill":  # a duck's flat, rounded bill
        lower = rrect(fx - width * 0.78, top_y + 3 * s + gape, fx + width * 0.78, top_y + 6.5 * s + gape, 3 * s)
        p.fill(lower, darker(colour, 0.12), outline=0.6)
        upper = rrect(fx - width, top_y - 1.5 * s, fx + width, top_y + 5.5 * s, 3.6 * s)
        p.fill(upper, colour, outline=0.6)
        for side in (-1, 1):
            p.flat(oval(fx + side * 2.6 * s, top_y + 0.6 * s, 0.8 * s, 0.6 * s), darker(colour, 0.4))
        return
    lower = poly(
        [
            (fx - width * 0.8, top_y + 3 * s + gape),
            (fx + width * 0.8, top_y + 3 * s + gape),
            (fx, top_y + 7 * s + gape),
        ],
        1.5 * s,
    )
    p.fill(lower, darker(colour, 0.12), outline=0.6)
    tip = (8.0 if viseme is not Viseme.mbp else 6.5) * s
    if muzzle == "hooked":
        upper = skia.Path()
        upper.moveTo(fx - width, top_y)
        upper.lineTo(fx + width, top_y)
        upper.quadTo(fx + width * 0.4, top_y + tip * 0.8, fx + 1.5 * s, top_y + tip + 1.5 * s)
        upper.quadTo(fx - width * 0.2, top_y + tip * 0.6, fx - width, top_y)
        upper.close()
    else:
        upper = poly([(fx - width, top_y), (fx + width, top_y), (fx, top_y + tip)], 2 * s)
    p.fill(upper, colour if muzzle != "swan" else (246, 150, 60), outline=0.6)
    if muzzle == "swan":
        p.fill(oval(fx, top_y - 1.2 * s, width * 0.5, 2.2 * s), (40, 38, 44), outline=0.4)
    if muzzle == "flamingo":
        p.fill(cut(upper, rrect(fx - 20, top_y + tip * 0.55, fx + 20, top_y + tip + 2, 0)), (40, 38, 44), outline=0.0)
    if viseme is Viseme.fv:
        p.stroke(tube([(fx - 2 * s, top_y + 4.5 * s), (fx + 2 * s, top_y + 4.5 * s)], 0.01), (255, 255, 255), 1.0)
