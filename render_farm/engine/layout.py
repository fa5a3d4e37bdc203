"""Scene layout and animation: where everyone is, what they do, what they hold, where the camera points.

A :class:`SceneLayout` is a pure function of the scene, its cast, the spoken lines' timings and
the frame size. It places dialogue in time, stands the cast on the stage (each one's height
from its design, or from its kind and age), walks newcomers in, plays the scene's stage actions
(walking in and out, waving, pointing, jumping, sitting, holding and giving props, dancing,
cheering, nodding, hugging, running, thinking), turns speakers to whom they speak and
listeners to the speaker, drives mouths from visemes, blinks eyes and nods on a seeded
schedule, sets the scene's props on the floor or in hands, and frames each line: a wide shot
shows everyone, a medium or close shot cuts to whoever speaks, whole and centred. Stage
coordinates are pixels of the frame at zoom 1; the stage is wider than the frame when the
camera pans.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from render_farm.film import (
    NARRATOR,
    Action,
    CameraMove,
    Emotion,
    Film,
    Scene,
    Shot,
)

from .art.poses import ACTION_FRAMES, frame_index
from .art.weather import FLASH, lightning_flashes
from .characters import Pose, stature
from .framing import Box, Framing, frame_on, keep_inside
from .prop_staging import BASE_HEIGHT, PropStaging, PropState
from .speech import Speech
from .staging import Move, Transfer, plan_moves, plan_transfers, smoothstep, stable_unit
from .subtitles import Cue, cues_for_line
from .visemes import Viseme

LEAD_IN = 0.5  # seconds of quiet before the first line
GAP = 0.35  # seconds between lines
WALK_IN = 1.4  # seconds a newcomer takes to walk to its place
PAN_MARGIN = 0.25  # extra stage width, as a fraction of the frame width, when the camera pans
FRAMING_MARGIN = 0.3  # extra stage width in a medium or close shot: room to centre whoever stands at the side
SHOT_ZOOM = {Shot.wide: 1.0, Shot.medium: 1.3, Shot.close: 1.75}
MOVE_ZOOM = 1.15  # how much a zoom move changes the zoom over the scene
EXTENT = (0.46, 1.12, 0.46)  # a cast member's drawing around its feet: left, top, right, in heights (facing right)
HAND = (0.21, 0.30)  # where the front hand is: forward of the feet and above them, in heights
NOD = 0.8  # seconds a listener's nod takes
DOWNSTAGE = 0.05  # how far (of the frame height) in front of the others one walks to pass them
CYCLE = {  # seconds one cycle of a repeating action takes (a walk's four steps, a wave's two waves)
    Action.walk_in: 0.7,
    Action.walk_out: 0.7,
    Action.run: 0.45,
    Action.wave: 0.8,
    Action.dance: 0.8,
    Action.cheer: 0.5,
    Action.nod: 0.9,
}

Extent = tuple[float, float, float]


def _there_and_back(phase: float, going: float = 0.25) -> float:
    """0 -> 1 over the first ``going`` of an action, 1 in the middle, back to 0 at its end."""
    if phase < 0.5:
        return smoothstep(phase / going)
    return smoothstep((1 - phase) / going)


@dataclass(frozen=True)
class LinePlan:
    index: int
    speaker: str
    text: str
    emotion: Emotion
    start: float
    speech: Speech
    to: str | None = None

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
    action: Action | None = None  # what they are doing now, if anything
    phase: float = 0.0  # how far through it, 0..1
    on_stage: bool = True  # False before walking in and after walking out: not drawn
    hand: tuple[float, float] = (0.0, 0.0)  # stage point of the front hand
    downstage: float = 0.0  # 0..1: in front of the others, passing them (drawn over them)

    @property
    def facing(self) -> int:
        return self.pose.facing


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
    extent: Extent


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
        extents: Mapping[str, Extent] | None = None,
    ) -> None:
        if len(speeches) != len(scene.dialogue):
            raise ValueError("one speech per dialogue line is needed")
        self.film, self.scene = film, scene
        self.width, self.height, self.fps = width, height, fps
        self.duration = scene.duration
        self.n_frames = round(scene.duration * fps)
        self.head, self.tail = head, tail
        pans = scene.camera in (CameraMove.pan_left, CameraMove.pan_right)
        margin = max(PAN_MARGIN if pans else 0.0, FRAMING_MARGIN if scene.shot is not Shot.wide else 0.0)
        self.stage_width = width * (1 + margin)
        self.stage_height = float(height)
        self.floor = floor_y * height
        self.lines = self._place_lines(speeches)
        self.actors = self._stand_actors(entering, extents or {})
        self._by_id = {a.member_id: a for a in self.actors}
        self.moves: dict[str, list[Move]] = plan_moves(scene, [line.start for line in self.lines], head + 0.2)
        self.transfers: dict[int, list[Transfer]] = plan_transfers(scene, self.moves)
        self._addressee = self._addressees()
        self._nods = self._plan_nods()
        self.props = PropStaging(
            scene,
            self.transfers,
            [(a.home_x, a.height * max(a.extent[0], a.extent[2])) for a in self.actors],
            floor=self.floor,
            frame=(width, height),
            stage_width=self.stage_width,
        )
        self.set_props = self.props.still
        self.cues = self._cues()
        self.flashes = lightning_flashes(scene.setting.weather, scene.duration, film.seed, scene.id)
        self._framings = self._frame_lines()

    # -- time -----------------------------------------------------------------------------

    def _place_lines(self, speeches: list[Speech]) -> list[LinePlan]:
        t = max(LEAD_IN, self.head + 0.2)
        lines = []
        for index, (line, speech) in enumerate(zip(self.scene.dialogue, speeches, strict=True)):
            lines.append(LinePlan(index, line.speaker, line.text, line.emotion, t, speech, line.to))
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

    def flash_at(self, t: float) -> bool:
        """Lightning lights the frame at ``t`` (a storm's flashes)."""
        return any(start <= t < start + FLASH for start in self.flashes)

    # -- people ---------------------------------------------------------------------------

    def _height_of(self, member_id: str) -> float:
        return BASE_HEIGHT * self.height * stature(self.film.member(member_id))

    def _stand_actors(self, entering: frozenset[str], extents: Mapping[str, Extent]) -> list[_Actor]:
        ids = list(self.scene.cast)
        count = len(ids)
        heights = [self._height_of(member_id) for member_id in ids]
        boxes = [extents.get(member_id, EXTENT) for member_id in ids]
        span = self.width * (0.30 + 0.12 * min(count, 4))
        left = (self.stage_width - span) / 2
        homes = [self.stage_width / 2 if count == 1 else left + span * i / (count - 1) for i in range(count)]
        if count > 1:  # the outermost are drawn wholly inside the frame of a wide shot
            margin = self.width * 0.02
            frame_left = (self.stage_width - self.width) / 2
            lo = frame_left + margin + max(boxes[0][0], boxes[0][2]) * heights[0]
            hi = frame_left + self.width - margin - max(boxes[-1][0], boxes[-1][2]) * heights[-1]
            if homes[0] < lo or homes[-1] > hi:
                homes = [lo + (hi - lo) * i / (count - 1) for i in range(count)]
        actors = []
        for index, member_id in enumerate(ids):
            side = -1 if homes[index] < self.stage_width / 2 else 1
            key = (self.film.seed, self.scene.id, member_id)
            actors.append(
                _Actor(
                    member_id=member_id,
                    home_x=homes[index],
                    height=heights[index],
                    enter_from=side if member_id in entering else 0,
                    phase=stable_unit(*key, "phase") * math.tau,
                    blink_period=2.6 + 2.4 * stable_unit(*key, "blink"),
                    blink_offset=stable_unit(*key, "blink-offset") * 2.0,
                    extent=boxes[index],
                )
            )
        return actors

    def _offstage(self, actor: _Actor, side: int) -> float:
        return -actor.height * 0.6 if side < 0 else self.stage_width + actor.height * 0.6

    def _side(self, actor: _Actor) -> int:
        return -1 if actor.home_x < self.stage_width / 2 else 1

    def _near(self, actor: _Actor, target: _Actor, closeness: float) -> float:
        """Where ``actor`` stops beside ``target``: ``closeness`` of their widths apart."""
        gap = actor.height * max(actor.extent[0], actor.extent[2]) + target.height * max(
            target.extent[0], target.extent[2]
        )
        gap *= closeness
        if abs(target.home_x - actor.home_x) <= gap:
            return actor.home_x
        return target.home_x - math.copysign(gap, target.home_x - actor.home_x)

    def _place(self, actor: _Actor, t: float) -> tuple[float, int, bool, bool, float]:
        """Stage x, walking direction (0: still), on stage, running, and how far downstage (in
        front of the others, 0..1) they are passing someone. (Jumps, hops and steps are the
        body's own: the rig draws them above the feet.)"""
        x, direction, on_stage, running, downstage = actor.home_x, 0, True, False, 0.0
        if actor.enter_from:
            progress = (t - self.head) / WALK_IN
            if progress < 1:
                off = self._offstage(actor, actor.enter_from)
                x = off + (actor.home_x - off) * smoothstep(progress)
                direction = -actor.enter_from if progress > 0 else 0
        for move in self.moves.get(actor.member_id, ()):
            phase = move.phase(t)
            if move.action is Action.walk_in:
                off = self._offstage(actor, self._side(actor))
                if t < move.start:
                    x, on_stage = off, False
                elif t < move.end:
                    x, direction = off + (actor.home_x - off) * smoothstep(phase), -self._side(actor)
            elif move.action is Action.walk_out and t >= move.start:
                off = self._offstage(actor, self._side(actor))
                x = actor.home_x + (off - actor.home_x) * smoothstep(phase)
                direction = self._side(actor) if t < move.end else 0
                on_stage = t < move.end
            elif not move.active(t):
                continue
            elif move.action in (Action.hug, Action.give, Action.run):
                target = self._by_id.get(move.target or "")
                if target is not None and target is not actor:
                    spot = self._near(actor, target, 0.45 if move.action is Action.hug else 0.75)
                else:  # a run without a target: a dash towards the side with more room, and back
                    room = -1 if actor.home_x > self.stage_width / 2 else 1
                    spot = actor.home_x + room * self.width * 0.22
                reach = _there_and_back(phase)
                x = actor.home_x + (spot - actor.home_x) * reach
                low, high = sorted((actor.home_x, spot))
                if any(low < other.home_x < high for other in self.actors if other is not actor):
                    downstage = reach  # someone stands between: go round in front of them
                if spot != actor.home_x and (0 < phase < 0.25 or 0.75 < phase < 1):
                    direction = (1 if spot > actor.home_x else -1) * (1 if phase < 0.5 else -1)
                running = move.action is Action.run
            elif move.action is Action.dance:
                x += math.sin(phase * 4 * math.pi) * actor.height * 0.06
        return x, direction, on_stage, running, downstage

    def _doing(self, actor: _Actor, t: float) -> tuple[Move | None, float]:
        """The action ``actor`` is in at ``t`` (the latest begun of those under way), and its phase."""
        current = None
        for move in self.moves.get(actor.member_id, ()):
            if move.active(t):
                current = move
        return current, (current.phase(t) if current else 0.0)

    def _addressees(self) -> list[str | None]:
        """Whom each line is spoken to: its ``to``, else the last cast member who spoke before."""
        out: list[str | None] = []
        previous: str | None = None
        for line in self.lines:
            out.append(line.to if line.to is not None else (previous if previous != line.speaker else None))
            if line.speaker != NARRATOR:
                previous = line.speaker
        return out

    def actors_at(self, t: float) -> list[ActorState]:
        line = self.line_at(t)
        speaker = line.speaker if line else None
        places = {a.member_id: self._place(a, t) for a in self.actors}
        present = {k: p[0] for k, p in places.items() if p[2]}
        holding = {holder for holder in self.props.holders_at(t).values() if holder is not None}
        states = []
        centre = sum(present.values()) / max(1, len(present))
        for actor in self.actors:
            x, direction, on_stage, running, downstage = places[actor.member_id]
            speaking = speaker == actor.member_id
            move, _ = self._doing(actor, t)
            action = move.action if move else None
            target = (
                move.target if move and move.action in (Action.give, Action.hug, Action.wave, Action.point) else None
            )
            if direction:
                facing = direction
            elif target in present and target != actor.member_id:
                facing = 1 if present[target] >= x else -1
            elif speaking and line is not None and self._addressee[line.index] in present:
                facing = 1 if present[self._addressee[line.index] or ""] >= x else -1
            elif speaker in present and not speaking:
                facing = 1 if present[speaker or ""] >= x else -1
            else:
                others = [p for k, p in present.items() if k != actor.member_id]
                near = min(others, key=lambda o: abs(o - x)) if others else centre
                facing = 1 if near >= x else -1
                if not others:
                    facing = 1 if stable_unit(self.scene.id, actor.member_id) < 0.5 else -1
            mouth = Viseme.rest
            emotion = Emotion.neutral
            if speaking and line is not None:
                mouth = line.speech.viseme_at(t - line.start)
                emotion = line.emotion
            elif line is not None and line.emotion in (Emotion.surprised, Emotion.scared):
                emotion = line.emotion  # listeners react to a shock
            body, cycle = self._body(actor, t, move, direction, running)
            if body is None and actor.member_id in holding:
                body = Action.hold
            if body is None and line is not None and not speaking and on_stage:
                nod = self._listener_nod(actor, line, t)
                if nod is not None:
                    body, cycle = Action.nod, nod
            blink_t = (t + actor.blink_offset) % actor.blink_period
            eyes_closed = blink_t < 0.12
            bob = 0.0 if direction else (math.sin(t * math.tau / 2.8 + actor.phase) + 1) * 0.004
            if speaking and not direction:
                bob += abs(math.sin(t * math.tau * 1.1 + actor.phase)) * 0.01
            y = self.floor - bob * actor.height + downstage * DOWNSTAGE * self.height
            hand = (x + facing * HAND[0] * actor.height, y - HAND[1] * actor.height)
            if body is not None and body not in (Action.hold, Action.sit, Action.think):
                eyes_closed = False  # a blink waits for the step, the wave or the nod to end
            frames = ACTION_FRAMES.get(body.value if body else "", 1)
            frame = frame_index(body.value if body else None, cycle)
            phase = frame / frames  # one sprite per frame of the cycle
            if body is Action.nod and frame == 0:
                body, phase = None, 0.0  # the head is up: that is standing (the same sprite)
            elif body is Action.nod and frame == 3:
                phase = 1 / frames  # on its way up the head is where it was on its way down
            pose = Pose(
                mouth=mouth,
                eyes_closed=eyes_closed,
                facing=facing,
                emotion=emotion,
                action=body,
                phase=phase,
                # a listener's mouth stays shut; at rest a neutral face is shut anyway, so the
                # same picture is asked for the same way (one sprite, not two)
                listening=not speaking and emotion is not Emotion.neutral,
            )
            states.append(
                ActorState(
                    member_id=actor.member_id,
                    x=x,
                    y=y,
                    height=actor.height,
                    pose=pose,
                    speaking=speaking,
                    action=body if body is not None else action,
                    phase=cycle,
                    on_stage=on_stage,
                    hand=hand,
                    downstage=downstage,
                )
            )
        return states

    def _body(
        self, actor: _Actor, t: float, move: Move | None, direction: int, running: bool
    ) -> tuple[Action | None, float]:
        """What the body does at ``t`` and how far through its cycle: walking or running where it
        travels, else the action under way (a jump once through, a wave or a dance over and over)."""
        if direction:
            start = move.start if move is not None else self.head
            gait = Action.run if running else Action.walk_in
            return gait, (t - start) / CYCLE[gait]
        if move is None:
            return None, 0.0
        if move.action in CYCLE:
            return move.action, (t - move.start) / CYCLE[move.action]
        return move.action, move.phase(t)

    def _listener_nod(self, actor: _Actor, line: LinePlan, t: float) -> float | None:
        """How far through a nod ``actor`` is at ``t``, listening to ``line`` (None: not nodding)."""
        start = self._nods.get((line.index, actor.member_id))
        if start is not None and start <= t < start + NOD:
            return (t - start) / NOD
        return None

    def _plan_nods(self) -> dict[tuple[int, str], float]:
        """When listeners nod while another speaks: the one spoken to always, others once in a while."""
        nods = {}
        for line in self.lines:
            if line.speaker == NARRATOR:
                continue
            for actor in self.actors:
                if actor.member_id == line.speaker:
                    continue
                addressed = self._addressee[line.index] == actor.member_id
                if not addressed and stable_unit(self.scene.id, line.index, actor.member_id, "nod") < 0.85:
                    continue
                share = 0.45 + 0.2 * stable_unit(self.scene.id, line.index, actor.member_id)
                nods[(line.index, actor.member_id)] = line.start + line.speech.duration * share
        return nods

    # -- props ----------------------------------------------------------------------------

    def props_at(self, t: float, states: list[ActorState] | None = None) -> list[PropState]:
        """The props that are held or moving (not those standing still all scene) at ``t``."""
        states = states if states is not None else self.actors_at(t)
        return self.props.at(t, {s.member_id: s for s in states})

    # -- camera ---------------------------------------------------------------------------

    def zoom_range(self) -> tuple[float, float]:
        base = SHOT_ZOOM[self.scene.shot]
        if self.scene.camera is CameraMove.zoom_in:
            return base, base * MOVE_ZOOM
        if self.scene.camera is CameraMove.zoom_out:
            return base * MOVE_ZOOM, base
        return base, base

    def actor_box(self, state: ActorState, extent: Extent | None = None) -> Box:
        """The stage box a cast member's drawing fills at one instant."""
        left, top, right = extent or self._by_id[state.member_id].extent
        side = max(left, right)
        h = state.height
        return Box(state.x - side * h, state.y - top * h, state.x + side * h, state.y)

    def _frame_lines(self) -> list[tuple[float, Framing, Box]]:
        """For a medium or close shot: from which time each framing holds (it cuts at the
        start of each line to its speaker; before the first, on the first speaker)."""
        if self.scene.shot is Shot.wide or not self.actors:
            return []
        out: list[tuple[float, Framing, Box]] = []
        spoken = [line for line in self.lines if line.speaker in self._by_id]
        if not spoken:
            focus = self.actors[len(self.actors) // 2].member_id
            out.append((0.0, *self._frame(focus, 0.0, max(0.1, self.duration - 0.01))))
            return out
        for position, line in enumerate(spoken):
            start = 0.0 if position == 0 else line.start
            until = spoken[position + 1].start if position + 1 < len(spoken) else self.duration
            out.append((start, *self._frame(line.speaker, line.start, min(until, line.end + GAP))))
        return out

    def _frame(self, focus: str, start: float, end: float) -> tuple[Framing, Box]:
        samples = [start + (end - start) * k / 6 for k in range(7)]
        box: Box | None = None
        others: dict[str, Box] = {}
        for t in samples:
            for state in self.actors_at(t):
                if not state.on_stage or not (0 <= state.x <= self.stage_width):
                    continue
                b = self.actor_box(state)
                if state.member_id == focus:
                    box = b if box is None else box.union(b)
                else:
                    others[state.member_id] = b if state.member_id not in others else others[state.member_id].union(b)
        if box is None:  # the speaker is never on stage during the line: hold a wide view
            box = Box(0, 0, self.stage_width, self.stage_height)
        framing = frame_on(
            box,
            list(others.values()),
            zoom=SHOT_ZOOM[self.scene.shot],
            width=self.width,
            height=self.height,
            stage_w=self.stage_width,
            stage_h=self.stage_height,
        )
        return framing, box

    def camera_at(self, t: float) -> CameraState:
        progress = smoothstep(t / self.duration) if self.duration else 0.0
        move = self.scene.camera
        pans = move in (CameraMove.pan_left, CameraMove.pan_right)
        direction = 1 if move is CameraMove.pan_right else -1
        if not self._framings:  # a wide shot: the whole stage
            z0, z1 = self.zoom_range()
            zoom = z0 + (z1 - z0) * progress
            focus_x, focus_y = self.stage_width / 2, self.stage_height / 2
            if pans:
                travel = (self.stage_width - self.width / zoom) * 0.9
                focus_x += direction * travel * (progress - 0.5)
            half_w, half_h = self.width / (2 * zoom), self.height / (2 * zoom)
            cx = min(max(focus_x, half_w), self.stage_width - half_w)
            cy = min(max(focus_y, half_h), self.stage_height - half_h)
            return CameraState(zoom=zoom, cx=cx, cy=cy)
        _, framing, box = next((f for f in reversed(self._framings) if f[0] <= t), self._framings[0])
        factor = {
            CameraMove.zoom_in: 1 + (MOVE_ZOOM - 1) * progress,
            CameraMove.zoom_out: MOVE_ZOOM - (MOVE_ZOOM - 1) * progress,
        }
        zoom = max(1.0, min(framing.zoom * factor.get(move, 1.0), framing.fit))
        cx, cy = framing.cx, framing.cy
        if pans:
            cx += direction * (self.stage_width - self.width / zoom) * 0.9 * (progress - 0.5)
        cx, cy = keep_inside(box, zoom, cx, cy, self.width, self.height, self.stage_width, self.stage_height)
        return CameraState(zoom=zoom, cx=cx, cy=cy)

    def to_screen(self, camera: CameraState, x: float, y: float) -> tuple[float, float]:
        return (x - camera.cx) * camera.zoom + self.width / 2, (y - camera.cy) * camera.zoom + self.height / 2
