"""How long lines take to say: the estimates the story writers size scenes with.

They are deliberately generous (voices slow down for sad or thoughtful lines, and every line is
followed by a pause), so a scene's dialogue fits inside its duration when it is rendered.
"""

from __future__ import annotations

LEAD = 0.6  # quiet before the first line of a scene
TAIL = 0.8  # room after the last line
PAUSE = 0.35  # between lines


def line_seconds(text: str, rate_wpm: int = 165) -> float:
    """Estimated seconds to speak ``text`` at ``rate_wpm``, pause after it included."""
    words = max(1, len(text.split()))
    punctuation = sum(text.count(mark) for mark in ",;:—")
    return words / (rate_wpm / 60) * 1.18 + punctuation * 0.12 + PAUSE
