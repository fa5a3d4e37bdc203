"""Scene layout and animation: timing of lines, who looks where, walking in, blinking, camera."""

from __future__ import annotations

import itertools

import numpy as np

from render_farm.engine.layout import SceneLayout
from render_farm.engine.speech import Speech, VisemeTiming
from render_farm.engine.visemes import Viseme
from render_farm.film import NARRATOR, CameraMove, CastMember, DialogueLine, Film, Scene, Shot


def speech(seconds: float) -> Speech:
    rate = 1000
    shapes = [Viseme.ai, Viseme.mbp, Viseme.o, Viseme.e]
    step = seconds / 8
    visemes = tuple(VisemeTiming(shapes[i % 4], i * step, (i + 1) * step) for i in range(8))
    return Speech(samples=np.zeros(int(seconds * rate), np.float32), sample_rate=rate, visemes=visemes)


def make(shot: Shot = Shot.wide, camera: CameraMove = CameraMove.static, lines=None, cast=("ann", "ben", "cat")):
    lines = lines if lines is not None else [("ann", 1.5), ("ben", 1.0), (NARRATOR, 1.0)]
    scene = Scene(
        id="s1",
        number=1,
        duration=8.0,
        cast=list(cast),
        shot=shot,
        camera=camera,
        dialogue=[DialogueLine(speaker=who, text="Words here.") for who, _ in lines],
    )
    film = Film(title="t", cast=[CastMember(id=c, name=c.title()) for c in ("ann", "ben", "cat")], scenes=[scene])
    return film, scene, [speech(s) for _, s in lines]


def layout(**kwargs) -> SceneLayout:
    film, scene, speeches = make(**{k: v for k, v in kwargs.items() if k in ("shot", "camera", "lines", "cast")})
    rest = {k: v for k, v in kwargs.items() if k not in ("shot", "camera", "lines", "cast")}
    return SceneLayout(film, scene, speeches, width=1280, height=720, fps=24, **rest)


def test_lines_follow_each_other_without_overlap() -> None:
    plan = layout().lines
    assert plan[0].start >= 0.5
    for before, after in itertools.pairwise(plan):
        assert after.start >= before.end + 0.3


def test_listeners_turn_to_the_speaker() -> None:
    scene = layout()
    t = scene.lines[0].start + 0.5  # ann speaks; ann stands left of ben and cat
    states = {s.member_id: s for s in scene.actors_at(t)}
    assert states["ann"].speaking
    assert states["ben"].pose.facing == -1 and states["cat"].pose.facing == -1
    t = scene.lines[1].start + 0.5  # ben, in the middle, speaks
    states = {s.member_id: s for s in scene.actors_at(t)}
    assert states["ann"].pose.facing == 1 and states["cat"].pose.facing == -1


def test_only_the_speaker_moves_their_mouth() -> None:
    scene = layout()
    line = scene.lines[0]
    mouths = {s.member_id: set() for s in scene.actors_at(0)}
    for t in np.linspace(line.start, line.end - 0.01, 30):
        for state in scene.actors_at(float(t)):
            mouths[state.member_id].add(state.pose.mouth)
    assert len(mouths["ann"]) >= 3
    assert mouths["ben"] == {Viseme.rest} and mouths["cat"] == {Viseme.rest}


def test_narrator_is_heard_but_not_drawn() -> None:
    scene = layout()
    narration = scene.lines[2]
    states = scene.actors_at(narration.start + 0.2)
    assert {s.member_id for s in states} == {"ann", "ben", "cat"}
    assert not any(s.speaking for s in states)


def test_newcomers_walk_in_from_the_edge_and_stop_at_their_place() -> None:
    scene = layout(entering=frozenset({"ann"}))
    start = next(s for s in scene.actors_at(0.0) if s.member_id == "ann")
    end = next(s for s in scene.actors_at(3.0) if s.member_id == "ann")
    later = next(s for s in scene.actors_at(4.0) if s.member_id == "ann")
    assert start.x < 0 < end.x
    assert end.x == later.x


def test_everyone_blinks_now_and_then_but_not_constantly() -> None:
    scene = layout()
    closed = {s.member_id: 0 for s in scene.actors_at(0)}
    frames = scene.n_frames
    for i in range(frames):
        for state in scene.actors_at(i / 24):
            closed[state.member_id] += state.pose.eyes_closed
    for count in closed.values():
        assert 1 <= count <= frames * 0.1


def test_closer_shots_zoom_in() -> None:
    zooms = [layout(shot=shot).camera_at(1.0).zoom for shot in (Shot.wide, Shot.medium, Shot.close)]
    assert zooms[0] < zooms[1] < zooms[2]


def test_pan_moves_the_camera_and_zoom_in_zooms() -> None:
    pan = layout(camera=CameraMove.pan_right)
    assert pan.camera_at(7.9).cx > pan.camera_at(0.0).cx + 100
    zoom = layout(camera=CameraMove.zoom_in)
    assert zoom.camera_at(7.9).zoom > zoom.camera_at(0.0).zoom * 1.1


def test_camera_never_shows_past_the_edge_of_the_stage() -> None:
    for shot in Shot:
        for move in CameraMove:
            scene = layout(shot=shot, camera=move)
            for t in (0.0, 4.0, 7.9):
                cam = scene.camera_at(t)
                half_w, half_h = scene.width / (2 * cam.zoom), scene.height / (2 * cam.zoom)
                assert half_w - 1e-6 <= cam.cx <= scene.stage_width - half_w + 1e-6
                assert half_h - 1e-6 <= cam.cy <= scene.stage_height - half_h + 1e-6


def test_subtitle_cues_follow_the_lines() -> None:
    scene = layout()
    for line in scene.lines:
        cue = scene.cue_at(line.start + 0.1)
        assert cue is not None and cue.text == "Words here."
    assert scene.cue_at(0.1) is None
