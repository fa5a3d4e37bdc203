"""Character rigs and the cast sheet: what a creator sees of their cast."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from render_farm.engine.characters import CharacterRig, Pose, Sprite, cast_sheet, composite_sprite
from render_farm.engine.styles import darker, hex_rgb
from render_farm.engine.visemes import Viseme
from render_farm.film.spec import Age, CastMember, Design, Emotion, Film, Kind, Scene, Style

HEIGHT = 200


def member(kind: Kind = Kind.human, member_id: str = "hero", age: Age = Age.adult, **design: Any) -> CastMember:
    return CastMember(id=member_id, name=member_id.title(), kind=kind, age=age, design=Design(**design))


def face_box(sprite: Sprite, height: int = HEIGHT) -> tuple[slice, slice]:
    """The rows and columns of the face (unit space: 100 units = the character's height)."""
    ax, ay = sprite.anchor
    s = height / 100
    return slice(int(ay - 100 * s), int(ay - 50 * s)), slice(int(ax - 30 * s), int(ax + 30 * s))


def changed_pixels(a: np.ndarray, b: np.ndarray) -> int:
    return int((np.abs(a.astype(int) - b.astype(int)).max(axis=-1) > 40).sum())


def test_a_character_looks_identical_every_time_and_from_a_fresh_rig() -> None:
    cast = member(Kind.fox, outfit="coat", accessories=["hat", "scarf"])
    rig = CharacterRig(cast, Style.anime)
    pose = Pose(mouth=Viseme.o, emotion=Emotion.happy)
    first = rig.sprite(300, pose)
    assert rig.sprite(300, pose) is first, "a repeated pose comes from the cache"
    again = CharacterRig(cast, Style.anime).sprite(300, pose)
    assert first.pixels.tobytes() == again.pixels.tobytes()
    assert first.anchor == again.anchor


def test_every_mouth_shape_is_different_from_every_other() -> None:
    for kind in (Kind.human, Kind.cat, Kind.robot, Kind.bird):
        rig = CharacterRig(member(kind), Style.storybook)
        sprites = {v: rig.sprite(HEIGHT, Pose(mouth=v)) for v in Viseme}
        rows, cols = face_box(sprites[Viseme.rest])
        for a, b in itertools.combinations(Viseme, 2):
            diff = changed_pixels(sprites[a].pixels[rows, cols], sprites[b].pixels[rows, cols])
            assert diff > 12, f"{kind.value}: mouths {a.value} and {b.value} look the same"


def test_closed_eyes_differ_from_open_eyes() -> None:
    rig = CharacterRig(member(Kind.rabbit), Style.pastel)
    open_ = rig.sprite(HEIGHT, Pose())
    closed = rig.sprite(HEIGHT, Pose(eyes_closed=True))
    rows, cols = face_box(open_)
    assert changed_pixels(open_.pixels[rows, cols], closed.pixels[rows, cols]) > 60


def test_emotions_change_the_face() -> None:
    rig = CharacterRig(member(Kind.human), Style.comic)
    neutral = rig.sprite(HEIGHT, Pose())
    for emotion in Emotion:
        if emotion is Emotion.neutral:
            continue
        other = rig.sprite(HEIGHT, Pose(emotion=emotion))
        assert changed_pixels(neutral.pixels, other.pixels) > 10, emotion.value


def test_facing_left_is_the_mirror_image_of_facing_right() -> None:
    rig = CharacterRig(member(Kind.dog, accessories=["backpack"]), Style.storybook)
    right = rig.sprite(HEIGHT, Pose(mouth=Viseme.ai, facing=1))
    left = rig.sprite(HEIGHT, Pose(mouth=Viseme.ai, facing=-1))
    assert np.array_equal(left.pixels, right.pixels[:, ::-1])
    assert left.anchor == (right.pixels.shape[1] - 1 - right.anchor[0], right.anchor[1])
    assert not np.array_equal(left.pixels, right.pixels), "the character is not symmetric: it looks one way"


def test_the_four_styles_look_clearly_different() -> None:
    cast = member(Kind.cat, outfit="shirt", outfit_color="#3a78d0", body_color="#e89a4a")
    sprites = {style: CharacterRig(cast, style).sprite(HEIGHT, Pose()) for style in Style}

    def mean_colour(sprite: Sprite) -> np.ndarray:
        px = sprite.pixels[sprite.pixels[..., 3] == 255]
        return px[:, :3].astype(float).mean(axis=0)

    def dark_fraction(sprite: Sprite) -> float:
        px = sprite.pixels[sprite.pixels[..., 3] == 255][:, :3].astype(int)
        return float((px.max(axis=1) < 50).mean())

    for a, b in itertools.combinations(Style, 2):
        same_shape = sprites[a].pixels.shape == sprites[b].pixels.shape
        distance = np.abs(mean_colour(sprites[a]) - mean_colour(sprites[b])).sum()
        assert same_shape and (distance > 8 or abs(dark_fraction(sprites[a]) - dark_fraction(sprites[b])) > 0.03), (
            f"{a.value} and {b.value} look alike"
        )
    assert dark_fraction(sprites[Style.comic]) > 2 * dark_fraction(sprites[Style.storybook]), "comic has bold outlines"
    assert mean_colour(sprites[Style.pastel]).mean() > mean_colour(sprites[Style.comic]).mean() + 15, (
        "pastel is lighter"
    )


def reddish(pixels: np.ndarray) -> np.ndarray:
    rgb = pixels[..., :3].astype(int)
    return (pixels[..., 3] > 200) & (rgb[..., 0] > 150) & (rgb[..., 1] < 110) & (rgb[..., 2] < 110)


def test_a_red_outfit_makes_the_outfit_red() -> None:
    red = CharacterRig(member(outfit="dress", outfit_color="#d23c3c"), Style.storybook).sprite(HEIGHT, Pose())
    blue = CharacterRig(member(outfit="dress", outfit_color="#3a78d0"), Style.storybook).sprite(HEIGHT, Pose())
    ax, ay = red.anchor
    s = HEIGHT / 100
    torso = (slice(int(ay - 48 * s), int(ay - 15 * s)), slice(int(ax - 12 * s), int(ax + 12 * s)))
    assert reddish(red.pixels[torso]).mean() > 0.5
    assert reddish(blue.pixels[torso]).mean() < 0.02


def test_a_red_scarf_on_a_silver_robot_shows_red() -> None:
    robot = member(Kind.robot, body_color="#c4cad4", accent_color="#d23c3c", accessories=["scarf"], outfit="none")
    plain = member(Kind.robot, body_color="#c4cad4", accent_color="#c4cad4", outfit="none")
    with_scarf = CharacterRig(robot, Style.storybook).sprite(HEIGHT, Pose())
    without = CharacterRig(plain, Style.storybook).sprite(HEIGHT, Pose())
    assert reddish(with_scarf.pixels).sum() > reddish(without.pixels).sum() + 200


def test_layers_share_one_canvas_and_composite_to_the_sprite() -> None:
    rig = CharacterRig(member(Kind.bear, accessories=["glasses"]), Style.anime)
    layers = rig.layers(HEIGHT)
    expected = {"body", "head", "eyes_open", "eyes_closed"} | {f"mouth_{v.value}" for v in Viseme}
    assert expected <= set(layers)
    sprite = rig.sprite(HEIGHT, Pose(mouth=Viseme.e))
    for layer in layers.values():
        assert layer.pixels.shape == sprite.pixels.shape and layer.anchor == sprite.anchor
    canvas = np.zeros(sprite.pixels.shape, np.uint16)
    for name in ("body", "head", "eyes_open", "brows_neutral", "mouth_e", "front"):
        src = layers[name].pixels.astype(np.uint16)
        canvas = src + (canvas * (255 - src[..., 3:4]) + 127) // 255
    assert np.array_equal(canvas.astype(np.uint8), sprite.pixels)


def test_a_member_without_a_design_gets_a_stable_default_look() -> None:
    bare = CastMember(id="nobody", name="Nobody")
    a = CharacterRig(bare, Style.storybook).sprite(HEIGHT, Pose())
    b = CharacterRig(CastMember(id="nobody", name="Nobody"), Style.storybook).sprite(HEIGHT, Pose())
    assert a.pixels.tobytes() == b.pixels.tobytes()
    assert (a.pixels[..., 3] > 0).mean() > 0.1


def test_generated_art_is_used_with_the_rigs_own_face_on_top() -> None:
    art = np.zeros((300, 200, 4), np.uint8)
    art[20:300, 30:170] = (40, 200, 60, 255)  # a green blob standing on the bottom edge
    rig = CharacterRig(member(), Style.storybook, art=art)
    rest = rig.sprite(HEIGHT, Pose())
    talking = rig.sprite(HEIGHT, Pose(mouth=Viseme.ai))
    rgb = rest.pixels[..., :3].astype(int)
    green = (rgb[..., 1] > 150) & (rgb[..., 0] < 100)
    assert green.mean() > 0.2
    assert changed_pixels(rest.pixels, talking.pixels) > 20, "the mouth still moves over generated art"


def test_composite_sprite_clips_at_the_frame_edges() -> None:
    sprite = CharacterRig(member(), Style.comic).sprite(120, Pose())
    frame = np.full((100, 100, 3), 255, np.uint8)
    composite_sprite(frame, sprite, (5, 150))  # mostly off the frame
    composite_sprite(frame, sprite, (-500, -500))  # wholly off the frame
    assert frame.shape == (100, 100, 3) and (frame < 255).any()


def small_film(style: Style, count: int) -> Film:
    kinds = [Kind.human, Kind.robot, Kind.cat, Kind.dragon, Kind.bird]
    cast = [member(kinds[i % len(kinds)], member_id=f"m{i}") for i in range(count)]
    return Film(title="Sheet", style=style, cast=cast, scenes=[Scene(id="s1", number=1, duration=5)])


@pytest.mark.parametrize("count", [1, 3, 5])
def test_the_cast_sheet_shows_one_figure_per_member(count: int) -> None:
    sheet = cast_sheet(small_film(Style.storybook, count), width=1600)
    assert sheet.dtype == np.uint8 and sheet.ndim == 3 and sheet.shape[1] == 1600 and sheet.shape[2] == 3
    # figures sit above the labels: find columns that differ from the plain backdrop there
    band = sheet[: int(sheet.shape[0] * 0.7)].astype(int)
    backdrop = np.median(band, axis=1, keepdims=True)
    occupied = (np.abs(band - backdrop).max(axis=2) > 60).any(axis=0)
    runs = int(occupied[0]) + int(np.count_nonzero(occupied[1:] & ~occupied[:-1]))
    assert runs == count


def test_the_cast_sheet_writes_names_under_the_figures() -> None:
    with_names = cast_sheet(small_film(Style.anime, 2), width=800)
    label_rows = with_names[int(with_names.shape[0] * 0.8) :].astype(int)
    assert (label_rows.max(axis=2) < 140).sum() > 100, "dark text is written under the figures"


def scarf_band(sprite: Sprite, height: int = HEIGHT) -> np.ndarray:
    """The pixels round the neck, under the chin, where a scarf is worn (unit space, as ``face_box``)."""
    ax, ay = sprite.anchor
    s = height / 100
    return sprite.pixels[int(ay - 50 * s) : int(ay - 40 * s), int(ax - 15 * s) : int(ax + 15 * s)]


def blue_pixels(pixels: np.ndarray) -> int:
    r, g, b = (pixels[..., i].astype(int) for i in range(3))
    return int(((b > r + 60) & (b > g + 30) & (pixels[..., 3] > 200)).sum())


def test_an_accessory_colour_paints_the_scarf_and_not_the_hair_or_the_outfit() -> None:
    # red hair and a green shirt: without an accessory colour the scarf is a shade of the shirt (a child,
    # whose neck is where scarf_band looks)
    plain = member(age=Age.child, accent_color="#d23c3c", outfit_color="#4caa50", accessories=["scarf"], seed=4)
    blue = member(
        age=Age.child,
        accent_color="#d23c3c",
        outfit_color="#4caa50",
        accessories=["scarf"],
        accessory_color="#3a78d0",
        seed=4,
    )
    before = CharacterRig(plain, Style.storybook).sprite(HEIGHT, Pose())
    after = CharacterRig(blue, Style.storybook).sprite(HEIGHT, Pose())
    assert blue_pixels(scarf_band(before)) == 0
    assert blue_pixels(scarf_band(after)) > 200
    # the hair and the face above the scarf are untouched
    rows, cols = face_box(before)
    assert np.array_equal(before.pixels[rows, cols][: int(HEIGHT * 0.2)], after.pixels[rows, cols][: int(HEIGHT * 0.2)])


@pytest.mark.parametrize(
    ("kind", "derived"),
    [
        (Kind.human, lambda d: darker(hex_rgb(d.outfit_color), 0.18)),
        (Kind.cat, lambda d: hex_rgb(d.accent_color)),
    ],
)
def test_without_an_accessory_colour_accessories_look_as_they_always_did(kind: Kind, derived: Any) -> None:
    old = member(kind, accessories=["scarf", "hat", "bow", "backpack"], seed=2)
    assert old.design is not None and old.design.accessory_color is None
    explicit = member(
        kind,
        accessories=["scarf", "hat", "bow", "backpack"],
        seed=2,
        accessory_color="#{:02x}{:02x}{:02x}".format(*derived(old.design)),
    )
    for style in Style:
        a = CharacterRig(old, style).sprite(HEIGHT, Pose())
        b = CharacterRig(explicit, style).sprite(HEIGHT, Pose())
        assert np.array_equal(a.pixels, b.pixels), style
