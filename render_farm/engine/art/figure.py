"""The figure of one design: its colours, proportions and seeded choices, in unit space.

A :class:`Figure` reads a :class:`~render_farm.film.spec.Design` once, with the member's kind and
age, and holds what every part of the drawing needs: the body plan it is drawn with (the kind's
own, or the nearest one, :mod:`.standins`), the palette (skin, accent, eyes, cloth, accessories),
where the head, eyes and mouth sit, and the choices the design's seed makes (hair style, hat
kind, blush, freckles). The drawing modules (:mod:`.bodies`, :mod:`.heads`, :mod:`.faces`,
:mod:`.clothes`) take a figure and paint with it. Unit space: the character is 100 units tall,
feet at ``y = 0``, the top of the head at ``y = -100``, the face turned a little towards ``+x``.
"""

from __future__ import annotations

import random

from render_farm.engine.art.standins import body_plan
from render_farm.engine.styles import RGB, Look, darker, hex_rgb, lighter
from render_farm.film.spec import Age, Design, Kind

__all__ = ["GOLD", "Figure"]

GOLD: RGB = (242, 192, 58)


class Figure:
    """Everything the drawing of one design needs (100 units = character height)."""

    def __init__(self, design: Design, look: Look, kind: Kind = Kind.human, age: Age = Age.adult) -> None:
        self.d = design
        self.look = look
        self.kind = Kind(kind)
        self.age = Age(age)
        self.plan = body_plan(self.kind)  # the body drawn: the kind's own or the nearest one
        self.b = design.build
        self.skin = hex_rgb(design.body_color)
        self.accent = hex_rgb(design.accent_color)
        self.eye = hex_rgb(design.eye_color)
        self.cloth = hex_rgb(design.outfit_color)
        self.acc = self._accessory_color(design)
        self.outfit = design.outfit
        if self.outfit == "none" and self.plan is Kind.human:
            self.outfit = "shirt"
        rng = random.Random(design.seed)
        self.rng_seed = design.seed
        self.hair_style = rng.randrange(5)
        self.hat_kind = rng.randrange(3)
        self.tail_side = 1
        self.blush = self.plan not in (Kind.robot,) and rng.random() < 0.8
        self.freckles = self.plan is Kind.human and rng.random() < 0.2
        self.fx = 3.0  # the face turns a little towards +x
        self.head_c = (0.0, -75.0)
        self.head_r = (27.0, 25.0)
        if self.plan is Kind.monster:
            self.head_r = (28.0, 25.5)
        self.eye_y = -74.0
        self.eye_dx = 9.5
        self.mouth_y = -61.5
        if self.plan in (
            Kind.cat,
            Kind.dog,
            Kind.fox,
            Kind.bear,
            Kind.mouse,
            Kind.rabbit,
            Kind.dragon,
        ):
            self.mouth_y = -60.0
        self.has_front = "glasses" in design.accessories
        self.torso_top, self.torso_bottom = -52.0, -21.0

    def _accessory_color(self, design: Design) -> RGB:
        if design.accessory_color is not None:
            return hex_rgb(design.accessory_color)
        # humans wear their accent colour as hair, so their accessories take a shade of the outfit
        return darker(self.cloth, 0.18) if self.plan is Kind.human else self.accent

    # colours ------------------------------------------------------------------------------

    @property
    def belly(self) -> RGB:
        if self.plan in (Kind.fox, Kind.dragon, Kind.bird):
            return self.accent if self.plan is not Kind.bird else lighter(self.skin, 0.55)
        return lighter(self.skin, 0.5)

    @property
    def brow_color(self) -> RGB:
        if self.plan is Kind.human:
            return darker(self.accent, 0.35)
        if self.plan is Kind.robot:
            return lighter(self.eye, 0.2)
        return darker(self.skin, 0.5)
