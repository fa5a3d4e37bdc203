"""How long a scene must be for its dialogue, by the timing rules the story writers size scenes with.

No Qt here. A scene is never shorter than its lines need: the quiet before the first line (longer
when the scene opens with a transition: the engine starts speaking just after it), each line with
its pause at its speaker's rate, and the room after the last line. The estimates are the writers'
(:mod:`render_farm.film.timing`), which are generous, so a scene of at least this length keeps
every line in the rendered film.
"""

from __future__ import annotations

import math

from render_farm.film import NARRATOR, Film, Scene
from render_farm.film.timing import LEAD, TAIL, line_seconds

AFTER_TRANSITION = 0.2  # the engine's first line starts this long after the scene's own transition in
SHORTEST_SCENE = 1.0  # the film spec's shortest scene


def speaker_rate(film: Film, speaker: str) -> int:
    """Words per minute of whoever says a line (the narrator's voice for the narrator)."""
    if speaker != NARRATOR:
        for member in film.cast:
            if member.id == speaker:
                return member.voice.rate
    return film.narrator.rate


def lines_seconds(film: Film, scene: Scene) -> float:
    """Seconds the scene's dialogue takes, quiet before and room after included; 0 without lines."""
    if not scene.dialogue:
        return 0.0
    lead = max(LEAD, scene.transition_in.duration + AFTER_TRANSITION)
    spoken = sum(line_seconds(line.text, speaker_rate(film, line.speaker)) for line in scene.dialogue)
    return lead + spoken + TAIL


def shortest_duration(film: Film, scene: Scene) -> float:
    """The shortest ``scene`` may be, rounded up to a tenth of a second."""
    return max(SHORTEST_SCENE, math.ceil(round(lines_seconds(film, scene) * 10, 6)) / 10)


def fits(film: Film, scene: Scene) -> bool:
    """Whether every line of ``scene`` is heard before it ends."""
    return scene.duration >= shortest_duration(film, scene) - 1e-9


def lines_phrase(count: int) -> str:
    return f"{count} line{'s' if count != 1 else ''}"
