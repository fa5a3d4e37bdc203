"""Poses of the body: what an :class:`~render_farm.film.Action` looks like at a point of its cycle.

Pure geometry, no drawing. :func:`body_frame` turns an action and a phase (0..1 through its cycle)
into a :class:`BodyFrame`: the stance of the legs (standing, a step of the walk cycle, sitting,
crouching, tucked in a jump), a gesture per arm, and how far the body, the head (a nod) and the
whole figure (a jump, the bob of a step) move. :func:`hand_at` says where a hand is for a gesture
(two-bone reach from the shoulder), which is both where the arm is drawn and the anchor where a
held prop goes. A phase is quantised to a few frames per cycle, so a walking character is a
handful of cached sprites, not one per frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from render_farm.film import Action

__all__ = ["ACTION_FRAMES", "GESTURES", "BodyFrame", "body_frame", "elbow_for", "frame_index"]

# where a hand goes for each gesture: (outwards, downwards) from the shoulder, in arm lengths
GESTURES: dict[str, tuple[float, float]] = {
    "rest": (0.24, 0.95),
    "wave_up": (0.5, -0.82),
    "wave_out": (0.86, -0.42),
    "point": (0.98, -0.1),
    "give": (0.84, 0.4),
    "hold": (0.56, 0.7),
    "cheer": (0.62, -0.78),
    "hug": (0.9, 0.2),
    "swing_fwd": (0.4, 0.86),
    "swing_back": (0.08, 0.97),
    "run_fwd": (0.58, 0.42),
    "run_back": (0.16, 0.62),
    "up_out": (0.66, -0.68),
    "knee": (0.42, 0.84),
    "dance_up": (0.55, -0.82),
    "dance_out": (0.92, 0.14),
    "chin": (0.0, 0.0),  # the hand at the chin: worked out from the head (see rig)
}

# frames per cycle of each action (a phase is rounded to one of them)
ACTION_FRAMES: dict[str, int] = {
    "wave": 4,
    "walk_in": 4,
    "walk_out": 4,
    "run": 4,
    "jump": 8,
    "nod": 4,
    "dance": 4,
    "cheer": 2,
}


@dataclass(frozen=True)
class BodyFrame:
    """One drawn pose of the body. Offsets are in units (100 = the character's height)."""

    stance: str = "stand"  # stand, step0..step3, run0..run3, sit, crouch, tuck
    arms: tuple[str, str] = ("rest", "rest")  # the +x arm's gesture, the -x arm's
    body_dy: float = 0.0  # the torso, arms and head move down (sitting, crouching)
    head_dy: float = 0.0  # the head alone moves down (a nod)
    lift: float = 0.0  # the whole figure rises off the ground (a jump, the bob of a step)

    @property
    def standing(self) -> bool:
        return self == _STAND


_STAND = BodyFrame()


def frame_index(action: str | None, phase: float) -> int:
    """The frame of ``action``'s cycle that ``phase`` (any number; whole cycles wrap) falls on."""
    count = ACTION_FRAMES.get(str(action), 1)
    return math.floor((phase % 1.0) * count + 1e-9) % count


def body_frame(action: str | None, phase: float, *, sit_drop: float) -> BodyFrame:
    """The body's pose for ``action`` at ``phase``; ``sit_drop`` is how far this body sinks to sit."""
    if action is None:
        return _STAND
    act = Action(action)
    k = frame_index(act, phase)
    if act is Action.wave:
        lead = ("wave_up", "wave_out", "wave_up", "wave_out")[k]
        return BodyFrame(arms=(lead, "rest"))
    if act is Action.point:
        return BodyFrame(arms=("point", "rest"))
    if act is Action.give:
        return BodyFrame(arms=("give", "rest"))
    if act is Action.hold:
        return BodyFrame(arms=("hold", "rest"))
    if act is Action.hug:
        return BodyFrame(arms=("hug", "hug"))
    if act is Action.think:
        return BodyFrame(arms=("chin", "rest"))
    if act is Action.cheer:
        return BodyFrame(arms=("cheer", "cheer"), lift=(0.0, 4.0)[k])
    if act is Action.nod:
        return BodyFrame(head_dy=(0.0, 2.2, 3.6, 2.2)[k])
    if act is Action.sit:
        return BodyFrame(stance="sit", arms=("knee", "knee"), body_dy=sit_drop)
    if act in (Action.walk_in, Action.walk_out):
        swing = ("swing_fwd", "swing_back") if k in (0, 1) else ("swing_back", "swing_fwd")
        return BodyFrame(stance=f"step{k}", arms=swing, lift=(0.0, 1.6, 0.0, 1.6)[k])
    if act is Action.run:
        swing = ("run_fwd", "run_back") if k in (0, 1) else ("run_back", "run_fwd")
        return BodyFrame(stance=f"run{k}", arms=swing, lift=(2.0, 6.0, 2.0, 6.0)[k])
    if act is Action.dance:
        arms = (("dance_up", "dance_out"), ("cheer", "cheer"), ("dance_out", "dance_up"), ("rest", "rest"))[k]
        return BodyFrame(stance=("step0", "stand", "step2", "stand")[k], arms=arms, lift=(0.0, 3.0, 0.0, 3.0)[k])
    if act is Action.jump:
        # crouch, take off, rise, top, top, fall, land, crouch
        lifts = (0.0, 8.0, 20.0, 27.0, 27.0, 20.0, 8.0, 0.0)
        crouching = k in (0, 7)
        return BodyFrame(
            stance="crouch" if crouching else "tuck",
            arms=("rest", "rest") if crouching else ("up_out", "up_out"),
            body_dy=4.0 if crouching else 0.0,
            lift=lifts[k],
        )
    return _STAND


def elbow_for(
    shoulder: tuple[float, float], hand: tuple[float, float], length: float, side: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Where the elbow is for a hand at ``hand`` (moved in to reach when too far), and the hand itself.

    The arm is two bones of ``length / 2``; the elbow bends outwards (towards ``side``) and down.
    """
    sx, sy = shoulder
    dx, dy = hand[0] - sx, hand[1] - sy
    dist = math.hypot(dx, dy)
    half = length / 2
    if dist > length * 0.999:
        k = length * 0.999 / dist
        dx, dy, dist = dx * k, dy * k, length * 0.999
    hand = (sx + dx, sy + dy)
    if dist < 1e-6:
        return (sx + side * half, sy), hand
    mx, my = sx + dx / 2, sy + dy / 2
    reach = math.sqrt(max(0.0, half * half - (dist / 2) ** 2))
    nx, ny = -dy / dist, dx / dist
    if nx * side + ny * 0.5 < 0:
        nx, ny = -nx, -ny
    return (mx + nx * reach, my + ny * reach), hand
