"""Path shapes: the skia outlines that characters and backgrounds are built from.

Pure geometry, no colour: ovals, rectangles, polygons with rounded corners, thick curved tubes,
and the boolean operations (union, cut) between them. Coordinates are whatever unit space the
caller draws in.
"""

from __future__ import annotations

import math
import random

import skia

__all__ = ["cut", "fuzzy_oval", "oval", "poly", "rect", "rotated", "rrect", "tube", "union", "union_all"]


def oval(cx: float, cy: float, rx: float, ry: float) -> skia.Path:
    path = skia.Path()
    path.addOval(skia.Rect.MakeLTRB(cx - rx, cy - ry, cx + rx, cy + ry))
    return path


def rrect(left: float, top: float, right: float, bottom: float, radius: float) -> skia.Path:
    """A rounded rectangle (always drawn as one, even with ``radius`` 0)."""
    path = skia.Path()
    path.addRoundRect(skia.Rect.MakeLTRB(left, top, right, bottom), radius, radius)
    return path


def rect(left: float, top: float, right: float, bottom: float, radius: float = 0.0) -> skia.Path:
    """A rectangle, its corners rounded by ``radius`` when that is not 0."""
    path = skia.Path()
    if radius:
        path.addRoundRect(skia.Rect.MakeLTRB(left, top, right, bottom), radius, radius)
    else:
        path.addRect(skia.Rect.MakeLTRB(left, top, right, bottom))
    return path


def poly(points: list[tuple[float, float]], radius: float = 0.0) -> skia.Path:
    """A closed polygon whose corners are rounded by ``radius``."""
    path = skia.Path()
    if radius <= 0:
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
        return path
    last, first = points[-1], points[0]
    path.moveTo((last[0] + first[0]) / 2, (last[1] + first[1]) / 2)
    count = len(points)
    for i in range(count):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % count]
        path.arcTo(x1, y1, x2, y2, radius)
    path.close()
    return path


def tube(points: list[tuple[float, float]], width: float, *, round_cap: bool = True) -> skia.Path:
    """The outline of a thick line through ``points`` (a smooth curve when more than two)."""
    src = skia.Path()
    src.moveTo(*points[0])
    if len(points) == 2:
        src.lineTo(*points[1])
    else:
        for i in range(1, len(points) - 1):
            ctrl = points[i]
            end = (
                points[i + 1]
                if i == len(points) - 2
                else ((points[i][0] + points[i + 1][0]) / 2, (points[i][1] + points[i + 1][1]) / 2)
            )
            src.quadTo(ctrl[0], ctrl[1], end[0], end[1])
    paint = skia.Paint(
        Style=skia.Paint.kStroke_Style,
        StrokeWidth=width,
        StrokeCap=skia.Paint.kRound_Cap if round_cap else skia.Paint.kButt_Cap,
        StrokeJoin=skia.Paint.kRound_Join,
    )
    out = skia.Path()
    paint.getFillPath(src, out)
    return skia.Op(out, out, skia.PathOp.kUnion_PathOp) or out


def union(*paths: skia.Path) -> skia.Path:
    """The union of ``paths``, joined one at a time (the characters' way)."""
    out = paths[0]
    for path in paths[1:]:
        out = skia.Op(out, path, skia.PathOp.kUnion_PathOp) or out
    return out


def union_all(paths: list[skia.Path]) -> skia.Path:
    """The union of ``paths`` resolved at once (the backgrounds' way).

    Kept apart from :func:`union`: the two can tessellate differently, and each drawing keeps the
    pixels it was designed with.
    """
    builder = skia.OpBuilder()
    for path in paths:
        builder.add(path, skia.PathOp.kUnion_PathOp)
    return builder.resolve() or skia.Path()


def cut(path: skia.Path, by: skia.Path, op: skia.PathOp = skia.PathOp.kIntersect_PathOp) -> skia.Path:
    """``path`` intersected with ``by`` (or combined by another ``op``); empty when nothing is left."""
    return skia.Op(path, by, op) or skia.Path()


def rotated(path: skia.Path, degrees: float, cx: float, cy: float) -> skia.Path:
    out = skia.Path(path)
    out.transform(skia.Matrix.RotateDeg(degrees, skia.Point(cx, cy)))
    return out


def fuzzy_oval(cx: float, cy: float, rx: float, ry: float, tufts: int, depth: float, rng: random.Random) -> skia.Path:
    """An oval with a furry, scalloped edge."""
    path = skia.Path()
    step = 2 * math.pi / tufts
    px, py = cx, cy  # the tuft tip of the previous turn
    for i in range(tufts + 1):
        a0 = i * step - math.pi / 2
        mid = a0 + step / 2
        k = depth * (0.7 + 0.6 * rng.random())
        vx, vy = cx + rx * math.cos(a0), cy + ry * math.sin(a0)
        tx, ty = cx + (rx + k) * math.cos(mid), cy + (ry + k) * math.sin(mid)
        if i == 0:
            path.moveTo(vx, vy)
        else:
            path.quadTo(px, py, vx, vy)
        px, py = tx, ty
    path.close()
    return path
