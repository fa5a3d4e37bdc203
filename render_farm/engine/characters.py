"""Characters: a layered, animatable cartoon figure per cast member, and the cast sheet.

The public face of the character art in :mod:`render_farm.engine.art`: :class:`CharacterRig`
draws a cast member -- its kind, age, gender, costume and design -- in a film's style as cached
:class:`Sprite` images per :class:`Pose` (an expression, a mouth, and an action such as a wave, a
step of a walk or a jump; see :mod:`render_farm.engine.art.rig` for the pose API), each sprite
saying where its feet and hands are; :func:`composite_sprite` puts a sprite on a frame,
:func:`cast_sheet` shows the whole cast, :func:`stature` says how tall a member stands beside a
grown person, and :func:`stable_seed` makes the seeds every drawing starts from.
"""

from __future__ import annotations

from .art.cast_sheet import cast_sheet
from .art.looks import stature
from .art.rig import CharacterRig, Pose, Sprite, composite_sprite
from .art.seeds import stable_seed

__all__ = ["CharacterRig", "Pose", "Sprite", "cast_sheet", "composite_sprite", "stable_seed", "stature"]
