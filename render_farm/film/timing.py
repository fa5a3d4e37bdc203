"""How long lines take to say: the estimates the story writers size scenes with, and the timeline
marks lines by before a scene is rendered.

They are deliberately generous (voices slow down for sad or thoughtful lines, and every line is
followed by a pause), so a scene's dialogue fits inside its duration when it is rendered.
:func:`fit_length` brings a written film to the running time asked for without cutting a scene
below what its lines need.
"""

from __future__ import annotations

from .spec import Film, Scene

LEAD = 0.6  # quiet before the first line of a scene
TAIL = 0.8  # room after the last line
PAUSE = 0.35  # between lines


def line_seconds(text: str, rate_wpm: int = 165) -> float:
    """Estimated seconds to speak ``text`` at ``rate_wpm``, pause after it included."""
    words = max(1, len(text.split()))
    punctuation = sum(text.count(mark) for mark in ",;:—")
    return words / (rate_wpm / 60) * 1.18 + punctuation * 0.12 + PAUSE


def _needed(scene: Scene, film: Film) -> float:
    """Seconds ``scene`` needs: its lines at their speakers' rates, room around them, its transition."""
    rates = {m.id: m.voice.rate for m in film.cast}
    spoken = LEAD + TAIL + sum(line_seconds(line.text, rates.get(line.speaker, 150)) for line in scene.dialogue)
    return max(4.0, spoken + scene.transition_in.duration * 0.5, 2.2 * scene.transition_in.duration + 0.5)


def fit_length(film: Film, target: float) -> Film:
    """Stretch or shrink scene durations (never below what their lines need) toward ``target``."""
    scenes = list(film.scenes)
    needs = [_needed(scene, film) for scene in scenes]
    for _ in range(4):
        total = sum(s.duration for s in scenes) - sum(s.transition_in.duration for s in scenes[1:])
        error = target - total
        if abs(error) <= target * 0.01:
            break
        slack = [s.duration - n for s, n in zip(scenes, needs, strict=True)]
        if error < 0:
            pool = sum(max(0.0, x) for x in slack)
            if pool <= 0:
                break
            factor = min(1.0, -error / pool)
            scenes = [
                s.model_copy(update={"duration": round(max(n, s.duration - max(0.0, x) * factor), 2)})
                for s, x, n in zip(scenes, slack, needs, strict=True)
            ]
        else:
            scenes = [
                s.model_copy(update={"duration": round(min(600.0, s.duration + error / len(scenes)), 2)})
                for s in scenes
            ]
    data = film.model_dump(mode="json")
    data["scenes"] = [s.model_dump(mode="json") for s in scenes]
    return Film.model_validate(data)


def estimated_line_starts(film: Film, index: int) -> list[float]:
    """Where scene ``index``'s lines start before the engine has laid it out (the writers' estimate)."""
    scene, t, starts = film.scenes[index], LEAD, []
    for line in scene.dialogue:
        starts.append(min(t, scene.duration))
        t += line_seconds(line.text)
    return starts
