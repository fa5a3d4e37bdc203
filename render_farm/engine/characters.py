"""Characters: a layered, animatable cartoon figure per cast member, and the cast sheet.

The public face of the character art in :mod:`render_farm.engine.art`: :class:`CharacterRig`
draws a cast member's design in a film's style as cached :class:`Sprite` images per
:class:`Pose`, :func:`composite_sprite` puts a sprite on a frame, :func:`cast_sheet` shows the
whole cast, and :func:`stable_seed` makes the seeds every drawing starts from.
"""

from __future__ import annotations

from .art.cast_sheet import cast_sheet
from .art.rig import CharacterRig, Pose, Sprite, composite_sprite
from .art.seeds import stable_seed

__all__ = ["CharacterRig", "Pose", "Sprite", "cast_sheet", "composite_sprite", "stable_seed"]
