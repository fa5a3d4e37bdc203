"""Staging as a viewer sees it: the camera on whoever speaks, the speaker whole in the frame,
speakers turned to whom they speak, listeners quiet, actions played, props passed hand to hand."""

from __future__ import annotations

import numpy as np
import pytest
from engine_helpers import TINY_FILM

from render_farm.ai.offline.designer import OfflineDesigner
from render_farm.ai.offline.espeak import EspeakVoice
from render_farm.engine import scene as scene_module
from render_farm.engine.layout import ActorState, SceneLayout
from render_farm.engine.scene import SceneCanvas, SceneRenderer
from render_farm.engine.visemes import Viseme
from render_farm.film import (
    NARRATOR,
    Action,
    Age,
    CastMember,
    DialogueLine,
    Film,
    Kind,
    OutputSettings,
    Place,
    Prop,
    Scene,
    SceneProp,
    Setting,
    Shot,
    StageAction,
    TimeOfDay,
    Weather,
)

CAST = ["gruff", "dot", "bea", "tall"]
LINES = [
    ("gruff", "The windmill lost its sails in the storm.", "tall"),
    ("dot", "Then we shall build new ones!", None),
    ("bea", "Here, take this cake for the road.", "dot"),
    (NARRATOR, "And off they went.", None),
    ("tall", "I can reach the top of the mill.", "gruff"),
    ("gruff", "Good. Hold the ladder, Dot.", "dot"),
]


def make_film(shot: Shot, **changes: object) -> Film:
    """Four of every size on a farm; ``changes`` replace the scene's fields."""
    scene: dict[str, object] = {
        "id": "s1",
        "number": 1,
        "duration": 20.0,
        "cast": CAST,
        "shot": shot,
        "setting": Setting(place=Place.farm),
        "props": [SceneProp(prop=Prop.cake, holder="bea"), SceneProp(prop=Prop.basket)],
        "actions": [StageAction(who="bea", action=Action.give, target="dot", prop=Prop.cake, line=2)],
        "dialogue": [DialogueLine(speaker=s, text=t, to=to) for s, t, to in LINES],
    }
    film = Film(
        title="Staging",
        seed=5,
        output=OutputSettings(music=False),
        cast=[
            CastMember(id="gruff", name="Gruff", kind=Kind.goat, age=Age.elder),
            CastMember(id="dot", name="Dot", kind=Kind.duck, age=Age.child),
            CastMember(id="bea", name="Bea", kind=Kind.human),
            CastMember(id="tall", name="Tall", kind=Kind.giraffe),
        ],
        scenes=[Scene(**{**scene, **changes})],  # type: ignore[arg-type]
    )
    return OfflineDesigner().design(film)


def drawn_box(renderer: SceneRenderer, layout: SceneLayout, state: ActorState, t: float) -> tuple[int, int, int, int]:
    """Where a cast member's sprite lands on the frame at ``t``, as the frame is drawn."""
    camera = layout.camera_at(t)
    height = max(8, round(state.height * camera.zoom))
    sprite, (ax, ay) = renderer._sprite(state.member_id, height, state.pose)
    sx, sy = layout.to_screen(camera, state.x, state.y)
    left, top = round(sx - ax) + sprite.offset[0], round(sy - ay) + sprite.offset[1]
    return left, top, left + sprite.width, top + sprite.height


def inside(box: tuple[int, int, int, int], width: int, height: int) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height


@pytest.fixture(scope="module")
def renderers(voice: EspeakVoice) -> dict[Shot, SceneRenderer]:
    return {shot: SceneRenderer(make_film(shot), TINY_FILM, voice) for shot in Shot}


@pytest.mark.parametrize("shot", [Shot.close, Shot.medium])
def test_the_speaker_is_wholly_in_the_frame_and_near_its_middle_for_every_line(
    renderers: dict[Shot, SceneRenderer], shot: Shot
) -> None:
    renderer = renderers[shot]
    layout = renderer.layout(0)
    width, height = layout.width, layout.height
    for line in layout.lines:
        if line.speaker == NARRATOR:
            continue
        for t in np.linspace(line.start + 0.02, line.end - 0.02, 5):
            state = next(s for s in layout.actors_at(float(t)) if s.member_id == line.speaker)
            box = drawn_box(renderer, layout, state, float(t))
            assert inside(box, width, height), f"{line.speaker} cut by the frame at {t:.2f} s: {box}"
            if any(m.active(float(t)) for m in layout.moves.get(line.speaker, ())):
                continue  # walking across to give: the shot holds them, wherever they are in it
            middle = (box[0] + box[2]) / 2
            assert abs(middle - width / 2) < width * 0.2, f"{line.speaker} off to the side at {t:.2f} s"


def test_a_close_shot_cuts_to_each_speaker(renderers: dict[Shot, SceneRenderer]) -> None:
    layout = renderers[Shot.close].layout(0)
    framings = {layout.camera_at(line.start + 0.1) for line in layout.lines if line.speaker != NARRATOR}
    assert len(framings) >= 3, "the camera moves from one speaker to the next"
    narration = next(line for line in layout.lines if line.speaker == NARRATOR)
    assert layout.camera_at(narration.start + 0.1) == layout.camera_at(narration.start - 0.1), (
        "narration keeps the shot"
    )


def test_a_wide_shot_shows_everyone_whole(renderers: dict[Shot, SceneRenderer]) -> None:
    renderer = renderers[Shot.wide]
    layout = renderer.layout(0)
    for t in (3.0, 8.0, 14.0):  # after walking in
        for state in layout.actors_at(t):
            box = drawn_box(renderer, layout, state, t)
            assert inside(box, layout.width, layout.height), f"{state.member_id} cut at {t} s: {box}"


def facing_at(layout: SceneLayout, member_id: str, t: float) -> tuple[int, float]:
    state = next(s for s in layout.actors_at(t) if s.member_id == member_id)
    return state.pose.facing, state.x


def test_a_line_spoken_to_someone_turns_the_speaker_towards_them(renderers: dict[Shot, SceneRenderer]) -> None:
    layout = renderers[Shot.wide].layout(0)
    for line in layout.lines:
        if line.to is None or line.speaker == NARRATOR:
            continue
        t = line.start + 0.3
        if any(m.active(t) for m in layout.moves.get(line.speaker, ())):
            continue  # walking to give: facing the way they walk
        facing, x = facing_at(layout, line.speaker, t)
        _, target_x = facing_at(layout, line.to, t)
        assert facing == (1 if target_x > x else -1), f"line {line.index}: {line.speaker} faces away from {line.to}"


def test_the_one_spoken_to_is_not_always_the_nearest(voice: EspeakVoice) -> None:
    """Gruff, second from the left, speaks to Tall on the far right past Dot and Bea, then to Dot."""
    layout = SceneRenderer(make_film(Shot.wide), TINY_FILM, voice).layout(0)
    first = layout.lines[0]
    facing, _ = facing_at(layout, "gruff", first.start + 0.3)
    assert facing == 1
    homes = {a.member_id: a.home_x for a in layout.actors}
    assert homes["gruff"] < homes["dot"] < homes["tall"]


def test_a_line_without_to_is_spoken_to_the_one_who_spoke_before(renderers: dict[Shot, SceneRenderer]) -> None:
    layout = renderers[Shot.wide].layout(0)
    second = layout.lines[1]  # Dot answers Gruff
    facing, x = facing_at(layout, "dot", second.start + 0.3)
    _, gruff_x = facing_at(layout, "gruff", second.start + 0.3)
    assert facing == (1 if gruff_x > x else -1)


def test_listeners_keep_their_mouths_shut_and_blink_and_nod(renderers: dict[Shot, SceneRenderer]) -> None:
    layout = renderers[Shot.medium].layout(0)
    nods = 0
    for i in range(layout.n_frames):
        t = i / layout.fps
        line = layout.line_at(t)
        for state in layout.actors_at(t):
            if line is None or state.member_id != line.speaker:
                assert state.pose.mouth is Viseme.rest, (state.member_id, t)
            nods += state.action is Action.nod
    assert nods > 0, "listeners nod now and then"


def prop_place(layout: SceneLayout, prop: Prop, t: float) -> tuple[float, float, str | None]:
    state = next(p for p in layout.props_at(t) if p.prop is prop)
    return state.x, state.y, state.holder


def hand_of(layout: SceneLayout, member_id: str, t: float) -> tuple[float, float]:
    return next(s.hand for s in layout.actors_at(t) if s.member_id == member_id)


def test_a_give_moves_the_prop_from_the_givers_hand_to_the_receivers(renderers: dict[Shot, SceneRenderer]) -> None:
    layout = renderers[Shot.wide].layout(0)
    give = layout.lines[2].start
    before = prop_place(layout, Prop.cake, give - 0.5)
    assert before[2] == "bea" and np.allclose(before[:2], hand_of(layout, "bea", give - 0.5))
    during = prop_place(layout, Prop.cake, give + 1.0)
    assert during[2] is None, "in the air between two hands"
    after = prop_place(layout, Prop.cake, give + 3.0)
    assert after[2] == "dot" and np.allclose(after[:2], hand_of(layout, "dot", give + 3.0))
    assert abs(after[0] - before[0]) > layout.width * 0.05, "it travelled"


def test_a_held_prop_is_drawn_in_front_of_its_holder(renderers: dict[Shot, SceneRenderer]) -> None:
    renderer = renderers[Shot.wide]
    layout = renderer.layout(0)
    t = 4.0
    drawing = renderer._drawing(layout, t, layout.camera_at(t))
    cake = next(p for p in layout.props_at(t) if p.prop is Prop.cake)
    sprite, _, _ = renderer._pictures.prop(cake, layout.camera_at(t).zoom, False)
    bea = next(s for s in layout.actors_at(t) if s.member_id == "bea")
    body, _ = renderer._sprite("bea", max(8, round(bea.height)), bea.pose)
    order = [entry[0] for entry in drawing]
    assert order.index(sprite) > order.index(body)


def test_a_held_prop_is_drawn_at_the_hand_of_its_holder(renderers: dict[Shot, SceneRenderer]) -> None:
    renderer = renderers[Shot.medium]
    layout = renderer.layout(0)
    for t in (1.0, layout.lines[2].start + 3.0):  # in Bea's hand, then in Dot's
        camera = layout.camera_at(t)
        cake = next(p for p in layout.props_at(t) if p.prop is Prop.cake)
        holder = next(s for s in layout.actors_at(t) if s.member_id == cake.holder)
        height = max(8, round(holder.height * camera.zoom))
        _, (ax, ay) = renderer._sprite(holder.member_id, height, holder.pose)
        hand = renderer._hand(holder.member_id, height, holder.pose)
        assert hand is not None
        sx, sy = layout.to_screen(camera, holder.x, holder.y)
        expected = (round(sx - ax) + hand[0], round(sy - ay) + hand[1])
        picture, _, grip = renderer._pictures.prop(cake, camera.zoom, False)
        drawn = [(x, y) for entry, x, y in renderer._drawing(layout, t, camera) if entry is picture]
        assert drawn == [(round(expected[0] - grip[0]), round(expected[1] - grip[1]))]


def test_a_prop_set_on_the_floor_is_part_of_the_stage_picture(renderers: dict[Shot, SceneRenderer]) -> None:
    renderer = renderers[Shot.wide]
    layout = renderer.layout(0)
    assert [p.prop for p in layout.set_props] == [Prop.basket]
    assert all(p.prop is not Prop.basket for p in layout.props_at(5.0)), "not a sprite of every frame"
    stage, _ = renderer._backdrop(layout)
    plain = scene_module.render_background(
        layout.scene.setting, layout.film.style, stage.shape[1], stage.shape[0], seed=5
    )
    basket = layout.set_props[0]
    x, y = round(basket.x), round(basket.y)
    size = round(basket.size * 0.1)
    spot = (slice(max(0, y - size), y), slice(x - size, x + size))
    assert np.abs(stage[spot].astype(int) - plain.pixels[spot].astype(int)).mean() > 10


def test_the_background_is_drawn_once_for_a_scene_that_cuts_between_speakers(
    voice: EspeakVoice, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    draw = scene_module.render_background
    monkeypatch.setattr(scene_module, "render_background", lambda *a, **k: calls.append(a) or draw(*a, **k))
    renderer = SceneRenderer(make_film(Shot.close, duration=12.0), TINY_FILM, voice)
    layout = renderer.layout(0)
    canvas = SceneCanvas(renderer, layout)
    cameras = set()
    for i in range(layout.n_frames):
        canvas.draw(i / layout.fps)
        cameras.add(layout.camera_at(i / layout.fps))
    assert len(cameras) >= 3 and len(calls) == 1


def test_walk_in_and_walk_out_come_from_and_go_to_the_edge(voice: EspeakVoice) -> None:
    film = make_film(
        Shot.wide,
        actions=[
            StageAction(who="tall", action=Action.walk_in, line=3),
            StageAction(who="dot", action=Action.walk_out, line=4),
        ],
    )
    layout = SceneRenderer(film, TINY_FILM, voice).layout(0)
    enter, leave = layout.lines[3].start, layout.lines[4].start
    tall = lambda t: next(s for s in layout.actors_at(t) if s.member_id == "tall")  # noqa: E731
    dot = lambda t: next(s for s in layout.actors_at(t) if s.member_id == "dot")  # noqa: E731
    assert not tall(enter - 0.5).on_stage, "not there before walking in"
    halfway = tall(enter + 0.7)
    assert halfway.on_stage and halfway.x > tall(enter + 3).x, "walking in from the right edge"
    assert halfway.pose.facing == -1
    assert dot(leave - 0.1).on_stage and not dot(leave + 3).on_stage, "gone after walking out"
    assert dot(leave + 0.7).x < dot(leave - 0.1).x, "out by the nearer, left edge"


@pytest.mark.parametrize(
    ("action", "lifted"), [(Action.jump, True), (Action.cheer, True), (Action.wave, False), (Action.point, False)]
)
def test_actions_play_with_their_line(voice: EspeakVoice, action: Action, lifted: bool) -> None:
    film = make_film(Shot.wide, actions=[StageAction(who="bea", action=action, line=1, target="dot")])
    renderer = SceneRenderer(film, TINY_FILM, voice)
    layout = renderer.layout(0)
    start = layout.lines[1].start
    bea = lambda t: next(s for s in layout.actors_at(t) if s.member_id == "bea")  # noqa: E731
    before = bea(start - 0.2)
    assert before.action is not action
    during = [bea(start + k * 0.1) for k in range(1, 9)]
    assert all(s.action is action and s.pose.action is action for s in during[:5])
    assert len({s.pose for s in during}) >= 2 or action is Action.point, "the pose moves through its cycle"
    tops = [drawn_box(renderer, layout, s, start + (k + 1) * 0.1)[1] for k, s in enumerate(during)]
    if lifted:
        assert min(tops) < drawn_box(renderer, layout, before, start - 0.2)[1] - 2, "off the ground"


def test_a_thinker_has_a_thought_bubble(voice: EspeakVoice) -> None:
    film = make_film(Shot.wide, actions=[StageAction(who="gruff", action=Action.think, line=1)])
    renderer = SceneRenderer(film, TINY_FILM, voice)
    layout = renderer.layout(0)
    t = layout.lines[1].start + 0.5
    before = renderer._drawing(layout, t - 1.0, layout.camera_at(t - 1.0))
    during = renderer._drawing(layout, t, layout.camera_at(t))
    assert len(during) == len(before) + 1


def test_a_hug_brings_two_together_and_back(voice: EspeakVoice) -> None:
    film = make_film(Shot.wide, actions=[StageAction(who="dot", action=Action.hug, target="bea", line=1)])
    layout = SceneRenderer(film, TINY_FILM, voice).layout(0)
    start = layout.lines[1].start
    gap = lambda t: abs(facing_at(layout, "dot", t)[1] - facing_at(layout, "bea", t)[1])  # noqa: E731
    assert gap(start + 1.3) < gap(start - 0.1) * 0.6
    assert gap(start + 3.0) == pytest.approx(gap(start - 0.1))


def test_lightning_flashes_light_the_frame_in_a_storm(voice: EspeakVoice) -> None:
    film = make_film(Shot.wide, setting=Setting(place=Place.farm, weather=Weather.storm, time_of_day=TimeOfDay.dusk))
    renderer = SceneRenderer(film, TINY_FILM, voice)
    layout = renderer.layout(0)
    assert layout.flashes
    t = layout.flashes[0] + 0.05
    flash = renderer.compose(layout, t).astype(float).mean()
    calm = renderer.compose(layout, t + 0.6).astype(float).mean()
    assert flash > calm + 10
