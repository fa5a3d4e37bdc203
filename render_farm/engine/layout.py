"""Scene layout and animation: where everyone is, how they look and where the camera points.

A :class:`SceneLayout` is a pure function of the scene, its cast, the spoken lines' timings and
the frame size. It places dialogue in time, stands the cast on the stage, walks newcomers in,
turns listeners towards whoever speaks, drives mouths from visemes, blinks eyes on a seeded
schedule, adds idle motion, and moves the camera for the shot (wide, medium, close) and its
slow pan or zoom. Stage coordinates are pixels of the frame at zoom 1; the stage is wider than
the frame when the camera pans.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from render_farm.film import NARRATOR, CameraMove, Emotion, Film, Scene, Shot

from .characters import Pose
from .speech import Speech
from .subtitles import Cue, cues_for_line
from .visemes import Viseme

LEAD_IN = 0.5  # seconds of quiet before the first line
GAP = 0.35  # seconds between lines
WALK_IN = 1.4  # seconds a newcomer takes to walk to its place
BASE_HEIGHT = 0.40  # an average character's height, as a fraction of the frame height, in a wide shot
PAN_MARGIN = 0.25  # extra stage width, as a fraction of the frame width, when the camera pans
SHOT_ZOOM = {Shot.wide: 1.0, Shot.medium: 1.3, Shot.close: 1.75}
MOVE_ZOOM = 1.15  # how much a zoom move changes the zoom over the scene


def stable_unit(*parts: object) -> float:
    """A number in [0, 1) that depends only on ``parts`` (never on Python's hash seed)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def smoothstep(x: float) -> float:
    x = min(1.0, max(0.0, x))
    return x * x * (3 - 2 * x)


@dataclass(frozen=True)
class LinePlan:
    index: int
    speaker: str
    text: str
    emotion: Emotion
    start: float
    speech: Speech

    @property
    def end(self) -> float:
        return self.start + self.speech.duration


@dataclass(frozen=True)
class ActorState:
    member_id: str
    x: float  # stage x of the feet centre
    y: float  # stage y of the feet
    height: float  # stage pixels
    pose: Pose
    speaking: bool


@dataclass(frozen=True)
class CameraState:
    zoom: float  # screen pixels per stage pixel
    cx: float  # stage point at the centre of the frame
    cy: float


@dataclass(frozen=True)
class _Actor:
    member_id: str
    home_x: float
    height: float
    enter_from: int  # -1 from the left, +1 from the right, 0 already there
    phase: float
    blink_period: float
    blink_offset: float


class SceneLayout:
    """Everything that moves in one scene, as functions of time in seconds."""

    def __init__(
        self,
        film: Film,
        scene: Scene,
        speeches: list[Speech],
        *,
        width: int,
        height: int,
        fps: int,
        entering: frozenset[str] = frozenset(),
        floor_y: float = 0.84,
        head: float = 0.0,
        tail: float = 0.0,
    ) -> None:
        if len(speeches) != len(scene.dialogue):
            raise ValueError("one speech per dialogue line is needed")
        self.film, self.scene = film, scene
        self.width, self.height, self.fps = width, height, fps
        self.duration = scene.duration
        self.n_frames = round(scene.duration * fps)
        self.head, self.tail = head, tail
        pans = scene.camera in (CameraMove.pan_left, CameraMove.pan_right)
        self.stage_width = width * (1 + PAN_MARGIN) if pans else float(width)
        self.stage_height = float(height)
        self.floor = floor_y * height
        self.lines = self._place_lines(speeches)
        self.actors = self._stand_actors(entering)
        self.cues = self._cues()

    # -- time -----------------------------------------------------------------------------

    def _place_lines(self, speeches: list[Speech]) -> list[LinePlan]:
        t = max(LEAD_IN, self.head + 0.2)
        lines = []
        for index, (line, speech) in enumerate(zip(self.scene.dialogue, speeches, strict=True)):
            lines.append(LinePlan(index, line.speaker, line.text, line.emotion, t, speech))
            t += speech.duration + GAP
        return lines

    def line_at(self, t: float) -> LinePlan | None:
        for line in self.lines:
            if line.start <= t < line.end:
                return line
        return None

    def _cues(self) -> list[Cue]:
        cues: list[Cue] = []
        for position, line in enumerate(self.lines):
            until = self.lines[position + 1].start if position + 1 < len(self.lines) else self.duration
            cues += cues_for_line(line.text, line.speech, line.start, narrator=line.speaker == NARRATOR, until=until)
        return cues

    def cue_at(self, t: float) -> Cue | None:
        for cue in self.cues:
            if cue.start <= t < cue.end:
                return cue
        return None

    # -- people ---------------------------------------------------------------------------

    def _stand_actors(self, entering: frozenset[str]) -> list[_Actor]:
        members = [self.film.member(member_id) for member_id in self.scene.cast]
        count = len(members)
        actors = []
        span = self.width * (0.30 + 0.12 * min(count, 4))
        left = (self.stage_width - span) / 2
        for index, member in enumerate(members):
            home = self.stage_width / 2 if count == 1 else left + span * index / (count - 1)
            scale = member.design.height if member.design else 1.0
            side = -1 if home < self.stage_width / 2 else 1
            key = (self.film.seed, self.scene.id, member.id)
            actors.append(
                _Actor(
                    member_id=member.id,
                    home_x=home,
                    height=BASE_HEIGHT * self.height * scale,
                    enter_from=side if member.id in entering else 0,
                    phase=stable_unit(*key, "phase") * math.tau,
                    blink_period=2.6 + 2.4 * stable_unit(*key, "blink"),
                    blink_offset=stable_unit(*key, "blink-offset") * 2.0,
                )
            )
        return actors

    def _x_at(self, actor: _Actor, t: float) -> tuple[float, bool]:
        if not actor.enter_from:
            return actor.home_x, False
        start = self.head
        progress = (t - start) / WALK_IN
        if progress >= 1:
            return actor.home_x, False
        off = -actor.height * 0.6 if actor.enter_from < 0 else self.stage_width + actor.height * 0.6
        return off + (actor.home_x - off) * smoothstep(progress), progress > 0

    def actors_at(self, t: float) -> list[ActorState]:
        line = self.line_at(t)
        speaker = line.speaker if line else None
        positions = {a.member_id: self._x_at(a, t) for a in self.actors}
        states = []
        centre = sum(p[0] for p in positions.values()) / max(1, len(positions))
        for actor in self.actors:
            x, walking = positions[actor.member_id]
            speaking = speaker == actor.member_id
            if walking:
                facing = -actor.enter_from
            elif speaker in positions and not speaking:
                facing = 1 if positions[speaker][0] >= x else -1
            else:
                others = [p[0] for k, p in positions.items() if k != actor.member_id]
                target = min(others, key=lambda o: abs(o - x)) if others else centre
                facing = 1 if target >= x else -1
                if not others:
                    facing = 1 if stable_unit(self.scene.id, actor.member_id) < 0.5 else -1
            mouth = Viseme.rest
            emotion = Emotion.neutral
            if speaking and line is not None:
                mouth = line.speech.viseme_at(t - line.start)
                emotion = line.emotion
            elif line is not None and line.emotion in (Emotion.surprised, Emotion.scared):
                emotion = line.emotion  # listeners react to a shock
            blink_t = (t + actor.blink_offset) % actor.blink_period
            eyes_closed = blink_t < 0.12
            if walking:
                bob = abs(math.sin(t * math.tau * 1.6 + actor.phase)) * 0.035
            else:
                bob = (math.sin(t * math.tau / 2.8 + actor.phase) + 1) * 0.004
                if speaking:
                    bob += abs(math.sin(t * math.tau * 1.1 + actor.phase)) * 0.01
            states.append(
                ActorState(
                    member_id=actor.member_id,
                    x=x,
                    y=self.floor - bob * actor.height,
                    height=actor.height,
                    pose=Pose(mouth=mouth, eyes_closed=eyes_closed, facing=facing, emotion=emotion),
                    speaking=speaking,
                )
            )
        return states

    # -- camera ---------------------------------------------------------------------------

    def zoom_range(self) -> tuple[float, float]:
        base = SHOT_ZOOM[self.scene.shot]
        if self.scene.camera is CameraMove.zoom_in:
            return base, base * MOVE_ZOOM
        if self.scene.camera is CameraMove.zoom_out:
            return base * MOVE_ZOOM, base
        return base, base

    def camera_at(self, t: float) -> CameraState:
        progress = smoothstep(t / self.duration) if self.duration else 0.0
        z0, z1 = self.zoom_range()
        zoom = z0 + (z1 - z0) * progress
        focus_x, focus_y = self.stage_width / 2, self.stage_height / 2
        if self.actors and self.scene.shot is Shot.close:
            speakers = [line.speaker for line in self.lines if line.speaker != NARRATOR]
            main_id = speakers[0] if speakers else self.actors[0].member_id
            main = next((a for a in self.actors if a.member_id == main_id), self.actors[0])
            focus_x = main.home_x
            # the face sits a little above the centre of the frame
            focus_y = self.floor - main.height * 0.74 + self.height / zoom * 0.08
        elif self.actors and self.scene.shot is Shot.medium:
            focus_x = sum(a.home_x for a in self.actors) / len(self.actors)
            mean_height = sum(a.height for a in self.actors) / len(self.actors)
            focus_y = self.floor - mean_height * 0.5
        if self.scene.camera in (CameraMove.pan_left, CameraMove.pan_right):
            travel = (self.stage_width - self.width / zoom) * 0.9
            direction = 1 if self.scene.camera is CameraMove.pan_right else -1
            focus_x += direction * travel * (progress - 0.5)
        half_w, half_h = self.width / (2 * zoom), self.height / (2 * zoom)
        cx = min(max(focus_x, half_w), self.stage_width - half_w)
        cy = min(max(focus_y, half_h), self.stage_height - half_h)
        return CameraState(zoom=zoom, cx=cx, cy=cy)

    def to_screen(self, camera: CameraState, x: float, y: float) -> tuple[float, float]:
        return (x - camera.cx) * camera.zoom + self.width / 2, (y - camera.cy) * camera.zoom + self.height / 2
