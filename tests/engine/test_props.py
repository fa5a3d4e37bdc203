"""Props: every prop in every style, inside its box, unlike the others, changed by its note."""

from __future__ import annotations

import itertools

import cv2
import numpy as np
import pytest

from render_farm.engine.art.props import PROPS, PropLook, prop_look, prop_thumbnail, render_prop
from render_farm.engine.styles import look_for
from render_farm.film import HANDHELD, Prop, Style

PROP_DISTANCE = 4.0  # mean CIELAB difference over where either of two props is drawn: below it they look alike
PERSON = 400.0  # pixels of an adult's height the props are drawn for


def drawn_box(prop: Prop, style: Style, dark: bool = False) -> tuple[float, ...]:
    """Where the prop's pixels lie, in its own units (100 = an adult's height, the ground at 0)."""
    look = PropLook()
    picture = render_prop(prop, style, PERSON, look, dark)
    ys, xs = np.nonzero(picture.pixels[..., 3] > 8)
    scale = PERSON * look.scale / 100
    bx, by = picture.base
    return ((xs.min() - bx) / scale, (ys.min() - by) / scale, (xs.max() + 1 - bx) / scale, (ys.max() + 1 - by) / scale)


def test_every_prop_has_a_drawing() -> None:
    assert set(PROPS) == set(Prop)


@pytest.mark.parametrize("style", list(Style))
@pytest.mark.parametrize("dark", [False, True])
def test_every_prop_renders_in_every_style_and_stays_inside_its_box(style: Style, dark: bool) -> None:
    # a line drawn along an edge spills half its width over it, and antialiasing a little more
    slack = look_for(style).outline_width * 100 * 0.7 / 2 + 0.5
    for prop in Prop:
        box = PROPS[prop].box
        left, top, right, bottom = drawn_box(prop, style, dark=dark)
        assert right - left > 1 and bottom - top > 1, f"{prop.value}: something is drawn"
        where = f"{prop.value}: drawn over {left:.1f}, {top:.1f} to {right:.1f}, {bottom:.1f}, its box {box}"
        assert left >= box[0] - slack and right <= box[2] + slack, where
        assert top >= box[1] - slack and bottom <= box[3] + slack, where


def test_a_props_grip_is_on_the_prop() -> None:
    for prop in HANDHELD:
        left, top, right, bottom = PROPS[prop].box
        gx, gy = PROPS[prop].grip
        assert left <= gx <= right and top <= gy <= bottom, prop.value


def _lab(picture: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(cv2.GaussianBlur(picture, (0, 0), 1.0).astype(np.float32) / 255, cv2.COLOR_RGB2Lab)


@pytest.mark.parametrize("style", list(Style))
def test_every_prop_looks_unlike_every_other(style: Style) -> None:
    thumbs = {prop: prop_thumbnail(prop, style, 64) for prop in Prop}
    paper = thumbs[Prop.apple][0, 0].astype(float)
    labs = {prop: _lab(t) for prop, t in thumbs.items()}
    drawn = {prop: np.abs(t.astype(float) - paper).sum(axis=2) > 12 for prop, t in thumbs.items()}
    alike = []
    for a, b in itertools.combinations(Prop, 2):
        where = drawn[a] | drawn[b]
        distance = float(np.linalg.norm(labs[a] - labs[b], axis=2)[where].mean())
        if distance < PROP_DISTANCE:
            alike.append((a.value, b.value, round(distance, 2)))
    assert not alike, f"props that look alike: {alike}"


def test_a_note_can_recolour_resize_light_open_or_break_a_prop() -> None:
    assert prop_look("") == PropLook()
    assert prop_look("the big red ball").colour is not None and prop_look("the big red ball").scale > 1
    assert prop_look("a tiny seed").scale < 1
    assert prop_look("the lantern, lit at last").lit is True and prop_look("the candle is out").lit is False
    assert prop_look("the chest lies open").open and prop_look("the egg, cracked").broken
    red = render_prop(Prop.ball, Style.anime, 200, prop_look("a red ball")).pixels
    blue = render_prop(Prop.ball, Style.anime, 200, prop_look("a blue ball")).pixels
    opaque = red[..., 3] == 255
    assert red[opaque][:, 0].mean() > blue[opaque][:, 0].mean() + 40, "red is redder"
    assert blue[opaque][:, 2].mean() > red[opaque][:, 2].mean() + 40, "blue is bluer"
    big = render_prop(Prop.ball, Style.anime, 200, prop_look("a big ball")).pixels
    assert big.shape[0] > red.shape[0] * 1.2


@pytest.mark.parametrize("prop", [Prop.chest, Prop.book])
def test_an_open_chest_or_book_differs_from_a_closed_one(prop: Prop) -> None:
    shut = render_prop(prop, Style.storybook, 300).pixels
    opened = render_prop(prop, Style.storybook, 300, prop_look("open")).pixels
    assert shut.shape != opened.shape or np.abs(shut.astype(int) - opened.astype(int)).mean() > 3


def _light(pixels: np.ndarray) -> float:
    """How much light a picture gives: its premultiplied brightness, summed."""
    return float(pixels[..., :3].astype(float).sum())


def test_a_lantern_is_lit_in_the_dark_or_when_its_note_says_so() -> None:
    day = render_prop(Prop.lantern, Style.storybook, 300, PropLook(), False).pixels
    night = render_prop(Prop.lantern, Style.storybook, 300, PropLook(), True).pixels
    assert _light(night) > _light(day) * 1.2
    assert np.array_equal(render_prop(Prop.lantern, Style.storybook, 300, prop_look("lit"), False).pixels, night)
    assert np.array_equal(render_prop(Prop.lantern, Style.storybook, 300, prop_look("dark"), True).pixels, day)


@pytest.mark.parametrize("prop", [Prop.campfire, Prop.candle])
def test_a_fire_burns_until_its_note_puts_it_out(prop: Prop) -> None:
    burning = render_prop(prop, Style.storybook, 300, PropLook(), False).pixels
    out = render_prop(prop, Style.storybook, 300, prop_look("the fire is out"), False).pixels
    assert _light(burning) > _light(out)


@pytest.mark.parametrize("style", list(Style))
def test_prop_thumbnails_are_small_square_pictures(style: Style) -> None:
    for prop in (Prop.windmill, Prop.coin, Prop.kite):
        thumb = prop_thumbnail(prop, style, 96)
        assert thumb.shape == (96, 96, 3) and thumb.dtype == np.uint8
        assert thumb.std() > 8, f"{prop.value} shows"


def test_a_mirrored_prop_is_the_same_prop_turned_round() -> None:
    right = render_prop(Prop.watering_can, Style.comic, 300, facing=1)
    left = render_prop(Prop.watering_can, Style.comic, 300, facing=-1)
    assert np.array_equal(left.pixels, right.pixels[:, ::-1])
    width = right.pixels.shape[1]
    assert left.grip == pytest.approx((width - right.grip[0], right.grip[1]))
