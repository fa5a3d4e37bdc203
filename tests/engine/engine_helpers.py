"""What engine test files share: the small film preset, a strict decoder and a sample picture of a style."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from render_farm.engine.backgrounds import render_background
from render_farm.engine.characters import CharacterRig, Pose, composite_sprite
from render_farm.engine.presets import Preset
from render_farm.film.spec import CastMember, Design, Emotion, Kind, Setting, Style

TINY_FILM = Preset(
    name="tiny", width=320, height=180, fps=12, crf=30, x264_preset="ultrafast", audio_bitrate=96_000, keyint=48
)
"""Small and fast: scenes and films whose pictures the tests look at, not their quality."""


def decode_rgb(path: Path) -> list[np.ndarray]:
    """Every frame of ``path`` as RGB; a warning from the decoder (a broken splice) fails the test."""
    av.logging.set_level(av.logging.WARNING)
    try:
        with av.logging.Capture() as logs, av.open(str(path)) as container:
            frames = [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]
    finally:
        av.logging.set_level(None)
    assert not [entry for entry in logs if entry[0] <= av.logging.WARNING], logs
    return frames


def style_swatch(style: Style, width: int = 160, height: int = 90) -> np.ndarray:
    """A small sample picture of ``style``: a meadow by day with one character, (h, w, 3) uint8 RGB."""
    backdrop = render_background(Setting(), style, width, height, seed=7)
    member = CastMember(
        id="swatch",
        name="Swatch",
        kind=Kind.fox,
        design=Design(body_color="#e8863a", accent_color="#fff4e6", outfit="none", seed=3),
    )
    rig = CharacterRig(member, style)
    sprite = rig.sprite(max(8, int(height * 0.62)), Pose(emotion=Emotion.happy))
    frame = backdrop.pixels.copy()
    composite_sprite(frame, sprite, (width // 2, int(height * backdrop.floor_y)))
    return frame
