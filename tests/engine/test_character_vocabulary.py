"""Every kind, age and costume of the vocabulary, drawn: what a viewer tells apart at a glance."""

from __future__ import annotations

import colorsys
import itertools
from functools import cache

import cv2
import numpy as np
import pytest

from render_farm.ai.offline.designer import OfflineDesigner, design_from_text
from render_farm.engine.art.cast_sheet import SheetCell, age_cells, costume_cells, kind_cells, sheet_member
from render_farm.engine.art.figure import Identity
from render_farm.engine.art.looks import ELDER_HAIR, default_design
from render_farm.engine.characters import CharacterRig, Pose, Sprite
from render_farm.engine.styles import hex_rgb
from render_farm.film import Age, CastMember, Costume, Design, Emotion, Film, Gender, Kind, Scene, Style

HEIGHT = 140


@cache
def kinds(style: Style) -> tuple[SheetCell, ...]:
    return tuple(kind_cells(style, HEIGHT))


@cache
def ages(style: Style) -> tuple[SheetCell, ...]:
    return tuple(age_cells(style, HEIGHT))


@cache
def costumes(style: Style) -> tuple[SheetCell, ...]:
    return tuple(costume_cells(style, HEIGHT))


def thumbnail(picture: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A small Lab picture of a sprite over white, and where the figure is in it."""
    small = cv2.resize(picture, (36, 48), interpolation=cv2.INTER_AREA).astype(np.float32) / 255
    rgb = small[..., :3] + (1 - small[..., 3:4])
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB), small[..., 3] > 0.25


def distance(a: np.ndarray, b: np.ndarray) -> float:
    """How different two sprites look: the mean colour difference (CIE76) over the figures, in small."""
    (lab_a, mask_a), (lab_b, mask_b) = thumbnail(a), thumbnail(b)
    mask = mask_a | mask_b
    return float(np.sqrt(((lab_a - lab_b) ** 2).sum(-1))[mask].mean())


def assert_drawn_whole(cell: SheetCell) -> None:
    pixels = cell.picture
    alpha = pixels[..., 3]
    assert pixels.dtype == np.uint8 and pixels.flags.c_contiguous
    assert (pixels[..., :3] <= alpha[..., None]).all(), f"{cell.label}: pixels are premultiplied"
    assert (alpha > 0).mean() > 0.08, f"{cell.label}: the figure covers a fair part of its canvas"
    edges = np.concatenate([alpha[0], alpha[-1], alpha[:, 0], alpha[:, -1]])
    assert not edges.any(), f"{cell.label}: nothing is cut off at the sprite's edge"


@pytest.mark.parametrize("style", list(Style))
def test_every_kind_draws_whole_in_every_style_standing_on_its_anchor(style: Style) -> None:
    cells = kinds(style)
    assert [c.label for c in cells] == [k.value.replace("_", " ") for k in Kind]
    for kind, cell in zip(Kind, cells, strict=True):
        assert_drawn_whole(cell)
        assert cell.anchor is not None
        rows = np.flatnonzero((cell.picture[..., 3] > 128).any(axis=1))
        hover = (cell.anchor[1] - rows.max()) / HEIGHT
        floats = kind in (Kind.ghost, Kind.jellyfish)
        assert (0.02 < hover <= 0.12) if floats else abs(hover) <= 0.03, f"{kind.value}: feet on the ground line"
        assert rows.max() - rows.min() >= HEIGHT * 0.8, f"{kind.value}: about as tall as asked"


@pytest.mark.parametrize("style", [Style.storybook, Style.comic])
def test_every_kind_looks_unlike_every_other_and_none_is_a_person(style: Style) -> None:
    cells = kinds(style)
    for a, b in itertools.combinations(cells, 2):
        assert distance(a.picture, b.picture) > 7.0, f"{a.label} and {b.label} look alike"


@pytest.mark.parametrize("style", list(Style))
def test_every_age_and_costume_draws_whole_in_every_style(style: Style) -> None:
    for cell in ages(style) + costumes(style):
        assert_drawn_whole(cell)


def test_the_four_ages_of_each_subject_look_different() -> None:
    cells = ages(Style.storybook)
    for start in range(0, len(cells), 4):
        group = cells[start : start + 4]
        for a, b in itertools.combinations(group, 2):
            assert distance(a.picture, b.picture) > 4.5, f"{a.label} and {b.label} look alike"


def head_share(picture: np.ndarray) -> float:
    """How wide the head is beside the figure's height (a child's head is big, an adult's small)."""
    rows = np.flatnonzero((picture[..., 3] > 128).any(axis=1))
    top, height = rows.min(), rows.max() - rows.min()
    band = picture[top + int(height * 0.12) : top + int(height * 0.3), :, 3] > 128
    return float(band.sum(axis=1).max()) / height


def test_a_child_has_a_big_head_and_a_grown_person_a_small_one() -> None:
    shares = {}
    for age in Age:
        member = sheet_member(Identity(Kind.human, age, Gender.female), seed=3)
        shares[age] = head_share(CharacterRig(member, Style.storybook).sprite(300, Pose()).pixels)
    assert shares[Age.child] > shares[Age.teen] > shares[Age.adult] * 1.05
    assert shares[Age.child] > 1.25 * shares[Age.adult]


def test_every_costume_changes_the_same_person_and_no_two_look_alike() -> None:
    pictures = {}
    for costume in Costume:
        member = CastMember(id="ann", name="Ann", costume=costume, design=Design(seed=8, outfit_color="#3a9a6a"))
        pictures[costume] = CharacterRig(member, Style.storybook).sprite(HEIGHT, Pose()).pixels
    for a, b in itertools.combinations(Costume, 2):
        assert distance(pictures[a], pictures[b]) > 3.0, f"{a.value} and {b.value} look alike"


def white_above_the_head(sprite: Sprite) -> int:
    top = int(sprite.anchor[1] - HEIGHT * 1.0)
    region = sprite.pixels[: top + 2, :]
    return int(((region[..., :3].min(axis=-1) > 215) & (region[..., 3] > 250)).sum())


def test_a_chef_wears_a_tall_white_toque_and_an_animal_can_be_a_chef_too() -> None:
    for kind in (Kind.human, Kind.fox, Kind.duck):
        plain = CharacterRig(sheet_member(Identity(kind), 4), Style.storybook).sprite(HEIGHT, Pose())
        chef = CharacterRig(sheet_member(Identity(kind, costume=Costume.chef), 4), Style.storybook).sprite(
            HEIGHT, Pose()
        )
        assert white_above_the_head(chef) > HEIGHT * 3, kind.value
        assert white_above_the_head(chef) > 4 * (white_above_the_head(plain) + 10), kind.value


def greyish(hex_colour: str) -> bool:
    r, g, b = (c / 255 for c in hex_rgb(hex_colour))
    _, s, v = colorsys.rgb_to_hsv(r, g, b)
    return s < 0.12 and v > 0.55


def test_elders_get_grey_or_white_hair_and_younger_people_do_not() -> None:
    for seed in range(40):
        elder = design_from_text("", seed=seed, kind=Kind.human, age=Age.elder)
        assert elder.accent_color in ELDER_HAIR and greyish(elder.accent_color)
        young = design_from_text("", seed=seed, kind=Kind.human, age=Age.child)
        assert not greyish(young.accent_color)
    assert (
        design_from_text("an old man with red hair", seed=2, kind=Kind.human, age=Age.elder).accent_color == "#d23c3c"
    )


def test_the_designer_fits_the_looks_to_age_gender_and_costume() -> None:
    designs = [default_design(Identity(Kind.human, Age.elder, Gender.male), s) for s in range(60)]
    assert sum("glasses" in d.accessories for d in designs) > 20
    assert sum(bool({"beard", "moustache"} & set(d.accessories)) for d in designs) > 15
    children = [default_design(Identity(Kind.human, Age.child, Gender.female), s) for s in range(60)]
    assert not any({"beard", "moustache"} & set(d.accessories) for d in children)
    nurses = [default_design(Identity(Kind.human, costume=Costume.nurse), s) for s in range(20)]
    assert {d.outfit_color for d in nurses} <= {"#3aa8a8", "#4a7ad0", "#8ac4f0", "#e88aa8"}
    zebras = [default_design(Identity(Kind.zebra), s) for s in range(20)]
    assert all(d.outfit == "none" for d in zebras), "a zebra's stripes stay in sight"
    assert default_design(Identity(Kind.mouse, Age.child), 1).height < default_design(Identity(Kind.mouse), 1).height


@pytest.mark.parametrize(
    ("description", "kind", "age"),
    [
        ("a purple yeti", Kind.monster, Age.adult),
        ("a cheerful girl", Kind.human, Age.child),
        ("a grumpy old goat", Kind.goat, Age.elder),
        ("a shy silver robot", Kind.robot, Age.adult),
        ("a little duck", Kind.duck, Age.child),
    ],
)
def test_new_look_changes_the_character_a_lot_every_time(description: str, kind: Kind, age: Age) -> None:
    member = CastMember(id="star", name="Star", kind=kind, age=age, description=description)
    film = Film(title="t", seed=2, cast=[member], scenes=[Scene(id="s", number=1, duration=5)])
    designer = OfflineDesigner()
    looks = []
    for _ in range(5):
        film = designer.design(film, only={"star"} if looks else None)
        looks.append(film.cast[0])
    pictures = [CharacterRig(m, Style.storybook).sprite(HEIGHT, Pose()).pixels for m in looks]
    for a, b in itertools.pairwise(pictures):
        assert distance(a, b) > 5.0, f"{description}: a new look that looks the same"
    assert len({p.tobytes() for p in pictures}) == 5
    if description == "a purple yeti":
        assert {m.design.body_color for m in looks if m.design} == {"#8a4ac0"}, "what the words say stays"


def test_kinds_ages_and_costumes_draw_the_same_every_time() -> None:
    for identity in (Identity(Kind.octopus), Identity(Kind.human, Age.elder, Gender.male, Costume.wizard)):
        member = sheet_member(identity, 5)
        pose = Pose(emotion=Emotion.happy)
        a = CharacterRig(member, Style.anime).sprite(200, pose)
        b = CharacterRig(member, Style.anime).sprite(200, pose)
        assert a.pixels.tobytes() == b.pixels.tobytes() and a.anchor == b.anchor and a.hands == b.hands


def test_stature_follows_the_design_or_else_the_kind_and_age() -> None:
    from render_farm.engine.characters import stature

    designed = CastMember(id="a", name="A", kind=Kind.mouse, design=Design(height=0.9))
    assert stature(designed) == 0.9
    mouse_child = CastMember(id="b", name="B", kind=Kind.mouse, age=Age.child)
    elephant = CastMember(id="c", name="C", kind=Kind.elephant)
    grandma = CastMember(id="d", name="D", age=Age.elder, gender=Gender.female)
    assert stature(mouse_child) < stature(grandma) < stature(elephant)
