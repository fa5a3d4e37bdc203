"""What several engine test files share: the small film preset and a strict decoder."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from render_farm.engine.presets import Preset

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
