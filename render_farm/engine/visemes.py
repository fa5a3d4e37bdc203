"""Mouth shapes (visemes) shared by the voice providers and the character rig.

Speech timings are reduced to this small set; the rig draws one mouth per shape.
"""

from __future__ import annotations

from enum import StrEnum


class Viseme(StrEnum):
    rest = "rest"  # closed, relaxed: silence
    mbp = "mbp"  # lips pressed: m, b, p
    ai = "ai"  # wide open: a, i (as in "father", "ice")
    e = "e"  # spread, half open: e, ee, consonants like s, t, d, k
    o = "o"  # round: o, oo, w, u
    fv = "fv"  # upper teeth on lower lip: f, v


SPEAKING_VISEMES = (Viseme.mbp, Viseme.ai, Viseme.e, Viseme.o, Viseme.fv)
