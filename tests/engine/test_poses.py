"""Poses: what a character does on stage (wave, point, jump, sit, walk...) and where its hands are."""

from __future__ import annotations

import numpy as np
import pytest

from render_farm.engine.art.cast_sheet import sheet_member
from render_farm.engine.art.figure import Identity
from render_farm.engine.characters import CharacterRig, Pose, Sprite
from render_farm.engine.visemes import Viseme
from render_farm.film import Action, Age, Costume, Emotion, Gender, Kind, Style

HEIGHT = 240
# one kind of every body plan, and a person in a long gown
SUBJECTS = [
    Identity(Kind.human, Age.adult, Gender.female),
    Identity(Kind.human, Age.child, Gender.male),
    Identity(Kind.fox),
    Identity(Kind.duck),
    Identity(Kind.dolphin),
    Identity(Kind.octopus),
    Identity(Kind.crab),
    Identity(Kind.snail),
    Identity(Kind.snake),
    Identity(Kind.caterpillar),
    Identity(Kind.ghost),
    Identity(Kind.robot),
    Identity(Kind.human, costume=Costume.queen),
]
# a phase of each action's cycle that is not its resting frame
MID = {Action.nod: 0.5, Action.jump: 0.4, Action.walk_in: 0.3, Action.walk_out: 0.3, Action.run: 0.3, Action.cheer: 0.0}


def rig(identity: Identity, style: Style = Style.storybook) -> CharacterRig:
    return CharacterRig(sheet_member(identity, 6), style)


def opaque_rows(sprite: Sprite) -> np.ndarray:
    return np.flatnonzero((sprite.pixels[..., 3] > 128).any(axis=1))


@pytest.mark.parametrize("identity", SUBJECTS, ids=lambda i: f"{i.kind.value}-{i.costume.value}")
def test_every_action_draws_a_pose_of_its_own_that_fits_the_canvas(identity: Identity) -> None:
    character = rig(identity)
    standing = character.sprite(HEIGHT, Pose())
    for action in Action:
        sprite = character.sprite(HEIGHT, Pose(action=action, phase=MID.get(action, 0.0)))
        assert sprite.pixels.shape == standing.pixels.shape
        alpha = sprite.pixels[..., 3]
        assert not np.concatenate([alpha[0], alpha[-1], alpha[:, 0], alpha[:, -1]]).any(), f"{action.value}: cut off"
        assert len(sprite.hands) == 2
        if action is not Action.hold or identity.kind not in (Kind.snail,):
            assert not np.array_equal(sprite.pixels, standing.pixels), f"{action.value} looks like standing still"


def hand(sprite: Sprite, which: int = 0) -> tuple[int, int]:
    return sprite.hands[which]


def test_the_leading_hand_waves_above_the_shoulder_points_far_out_and_gives_in_front() -> None:
    character = rig(SUBJECTS[0])
    rest = character.sprite(HEIGHT, Pose())
    wave = character.sprite(HEIGHT, Pose(action=Action.wave))
    point = character.sprite(HEIGHT, Pose(action=Action.point))
    give = character.sprite(HEIGHT, Pose(action=Action.give))
    ax = rest.anchor[0]
    assert hand(wave)[1] < hand(rest)[1] - HEIGHT * 0.3, "a wave raises the hand"
    assert hand(point)[0] - ax > (hand(rest)[0] - ax) + HEIGHT * 0.15, "a pointing hand reaches out"
    assert hand(rest)[1] > hand(give)[1] > hand(wave)[1]
    assert hand(wave, 1) == hand(rest, 1), "the other hand rests"


def test_hands_lie_on_the_drawn_figure_for_every_kind_holding_something() -> None:
    for kind in Kind:
        sprite = rig(Identity(kind)).sprite(HEIGHT, Pose(action=Action.hold))
        x, y = sprite.hands[0]
        near = sprite.pixels[max(0, y - 4) : y + 5, max(0, x - 4) : x + 5, 3]
        assert near.max() > 128, f"{kind.value}: the holding hand is where something is drawn"


def test_facing_left_mirrors_the_hands_too() -> None:
    character = rig(SUBJECTS[2])
    right = character.sprite(HEIGHT, Pose(action=Action.point, facing=1))
    left = character.sprite(HEIGHT, Pose(action=Action.point, facing=-1))
    width = right.pixels.shape[1]
    assert left.hands == tuple((width - 1 - x, y) for x, y in right.hands)
    assert np.array_equal(left.pixels, right.pixels[:, ::-1])


def test_thinking_puts_a_hand_to_the_chin_in_front_of_the_face() -> None:
    character = rig(SUBJECTS[0])
    think = character.sprite(HEIGHT, Pose(action=Action.think))
    rest = character.sprite(HEIGHT, Pose())
    x, y = think.hands[0]
    head_bottom = rest.anchor[1] - HEIGHT * 0.62
    assert abs(y - head_bottom) < HEIGHT * 0.08 and abs(x - rest.anchor[0]) < HEIGHT * 0.12
    assert not np.array_equal(think.pixels[y - 3 : y + 3, x - 3 : x + 3], rest.pixels[y - 3 : y + 3, x - 3 : x + 3])


def test_a_jump_leaves_the_ground_and_lands_again() -> None:
    character = rig(SUBJECTS[2])
    heights = []
    for k in range(8):
        sprite = character.sprite(HEIGHT, Pose(action=Action.jump, phase=k / 8))
        heights.append(sprite.anchor[1] - opaque_rows(sprite).max())
    assert max(heights) > HEIGHT * 0.2, "at the top of the jump the feet are well off the ground"
    assert heights[0] < HEIGHT * 0.05 and heights[-1] < HEIGHT * 0.05, "it starts and ends on the ground"


def test_sitting_lowers_the_head_and_keeps_the_feet_on_the_ground() -> None:
    for identity in (SUBJECTS[0], SUBJECTS[2], SUBJECTS[3]):
        character = rig(identity)
        stand, sit = character.sprite(HEIGHT, Pose()), character.sprite(HEIGHT, Pose(action=Action.sit))
        assert opaque_rows(sit).min() > opaque_rows(stand).min() + HEIGHT * 0.08, identity.kind.value
        assert abs(opaque_rows(sit).max() - sit.anchor[1]) <= HEIGHT * 0.03


def test_a_walk_cycles_through_four_steps_and_repeats() -> None:
    character = rig(SUBJECTS[1])
    frames = [character.sprite(HEIGHT, Pose(action=Action.walk_in, phase=k / 4)) for k in range(4)]
    assert len({f.pixels.tobytes() for f in frames}) == 4
    assert character.sprite(HEIGHT, Pose(action=Action.walk_in, phase=1.0)) is frames[0], "a whole cycle later"
    assert character.sprite(HEIGHT, Pose(action=Action.walk_in, phase=0.1)) is frames[0], "phases share frames"
    assert character.sprite(HEIGHT, Pose(action=Action.walk_in, phase=3.3)) is frames[1]


def test_a_nod_dips_the_head_and_brings_it_back() -> None:
    character = rig(SUBJECTS[0])
    top = [opaque_rows(character.sprite(HEIGHT, Pose(action=Action.nod, phase=k / 4))).min() for k in range(4)]
    assert top[2] > top[0] + 2 and top[1] > top[0] and top[3] > top[0]


def mouth_inside(sprite: Sprite) -> int:
    """Pixels of an open mouth's dark inside, in the lower half of the face."""
    ax, ay = sprite.anchor
    face = sprite.pixels[
        int(ay - HEIGHT * 0.8) : int(ay - HEIGHT * 0.6), int(ax - HEIGHT * 0.15) : int(ax + HEIGHT * 0.2)
    ]
    rgb = face[..., :3].astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return int(((r > 100) & (r < 170) & (g < 90) & (b < 100) & (r > 1.6 * g) & (face[..., 3] > 250)).sum())


@pytest.mark.parametrize("emotion", [Emotion.happy, Emotion.excited, Emotion.surprised])
def test_a_listener_keeps_the_mouth_closed_whatever_the_emotion(emotion: Emotion) -> None:
    for identity in (SUBJECTS[0], SUBJECTS[2]):
        character = rig(identity)
        speaking = character.sprite(HEIGHT, Pose(emotion=emotion))
        listening = character.sprite(HEIGHT, Pose(emotion=emotion, listening=True))
        assert mouth_inside(speaking) > 10 and mouth_inside(listening) == 0, identity.kind.value
        assert mouth_inside(character.sprite(HEIGHT, Pose(mouth=Viseme.ai, listening=True))) > 10, "talking opens it"


def test_a_pose_of_the_old_four_fields_is_drawn_as_before() -> None:
    character = rig(SUBJECTS[0])
    plain = character.sprite(HEIGHT, Pose(mouth=Viseme.o, emotion=Emotion.sad, facing=-1))
    spelled_out = character.sprite(HEIGHT, Pose(Viseme.o, False, -1, Emotion.sad, None, 0.0, False))
    assert plain is spelled_out
    layers = character.layers(HEIGHT)
    assert np.array_equal(layers["body"].pixels, character.layers(HEIGHT)["body"].pixels)
