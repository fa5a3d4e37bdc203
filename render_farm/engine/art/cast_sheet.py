"""The cast sheet: every cast member of a film side by side, with name and role.

A picture for the desktop's cast panel and the CLI: each figure drawn by its
:class:`~render_farm.engine.art.rig.CharacterRig`, standing on a soft shadow over a plain
backdrop tinted by the film's style, its name and role written underneath.
"""

from __future__ import annotations

import numpy as np
import skia

from render_farm.engine.fonts import load_font
from render_farm.engine.styles import argb, darker, lighter, look_for, mix, rgba_surface
from render_farm.film import Age, CastMember, Costume, Emotion, Film, Gender, Kind, Style

from .contact_sheet import SheetCell, contact_sheet
from .figure import Identity
from .looks import AGE_SIZE, default_design
from .rig import CharacterRig, Pose, Sprite, composite_sprite
from .seeds import stable_seed

__all__ = ["age_cells", "ages_sheet", "cast_sheet", "costume_cells", "costumes_sheet", "kind_cells", "kinds_sheet"]


def cast_sheet(film: Film, width: int = 1600) -> np.ndarray:
    """Every cast member in the film's style, side by side, with name and role: (h, w, 3) uint8 RGB."""
    from PIL import Image, ImageDraw

    members = list(film.cast)
    count = max(1, len(members))
    cell = width / count
    figure = int(min(cell * 0.95, width * 0.3, 440))
    label_h = max(40, int(figure * 0.28))
    top = int(figure * 0.32)
    height = top + figure + label_h + 10
    floor = top + figure
    look = look_for(film.style)
    back = lighter(look.treat((236, 226, 210)), 0.2)
    ramp = np.linspace(0.0, 1.0, height)[:, None, None]
    lo = np.array(darker(back, 0.08), dtype=float)
    hi = np.array(back, dtype=float)
    sheet = (hi + (lo - hi) * ramp**1.5).repeat(width, axis=1).astype(np.uint8)
    sheet = np.ascontiguousarray(sheet)
    name_font = load_font(max(12, int(label_h * 0.36)), weight=700)
    role_font = load_font(max(10, int(label_h * 0.26)), weight=400)
    placements: list[tuple[int, str, str]] = []
    for index, member in enumerate(members):
        rig = CharacterRig(member, film.style)
        design = rig.design
        cx = int(cell * (index + 0.5))
        h = int(figure * 0.78 * design.height)
        sprite = rig.sprite(h, Pose(emotion=Emotion.happy))
        shadow = np.zeros((max(2, h // 10), max(4, h // 2), 4), np.uint8)
        sh_surface = rgba_surface(shadow)
        sh_canvas = sh_surface.getCanvas()
        sh_canvas.drawOval(
            skia.Rect.MakeWH(shadow.shape[1], shadow.shape[0]),
            skia.Paint(AntiAlias=True, Color=argb((0, 0, 0), 0.18)),
        )
        del sh_canvas, sh_surface
        composite_sprite(sheet, Sprite(shadow, (shadow.shape[1] // 2, shadow.shape[0] // 2)), (cx, floor))
        composite_sprite(sheet, sprite, (cx, floor))
        placements.append((cx, member.name, member.role))
    image = Image.fromarray(sheet)
    draw = ImageDraw.Draw(image)
    ink = darker(look.treat((80, 60, 50)), 0.2)
    for cx, name, role in placements:
        draw.text(
            (cx, floor + label_h * 0.1), _fit(draw, name, name_font, cell * 0.92), font=name_font, fill=ink, anchor="ma"
        )
        draw.text(
            (cx, floor + label_h * 0.58),
            _fit(draw, role, role_font, cell * 0.92),
            font=role_font,
            fill=mix(ink, back, 0.4),
            anchor="ma",
        )
    if not members:
        draw.text((width // 2, height // 2), "No cast yet", font=name_font, fill=ink, anchor="mm")
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


def _fit(draw: object, text: str, font: object, max_width: float) -> str:
    """``text`` shortened with an ellipsis until it fits ``max_width`` pixels."""
    measure = draw.textlength  # type: ignore[attr-defined]
    if measure(text, font=font) <= max_width:
        return text
    while text and measure(text + "…", font=font) > max_width:
        text = text[:-1]
    return text + "…"


# -- vocabulary sheets: every kind, age and costume ------------------------------------------------

_AGE_SUBJECTS = (
    (Kind.human, Gender.female),
    (Kind.human, Gender.male),
    (Kind.human, Gender.unspecified),
    (Kind.fox, Gender.unspecified),
    (Kind.goat, Gender.male),
    (Kind.duck, Gender.female),
    (Kind.bear, Gender.unspecified),
    (Kind.elephant, Gender.female),
    (Kind.owl, Gender.unspecified),
    (Kind.lion, Gender.male),
)
_COSTUMED_ANIMALS = (
    (Kind.fox, Costume.chef),
    (Kind.goat, Costume.farmer),
    (Kind.duck, Costume.sailor),
    (Kind.bear, Costume.king),
    (Kind.cat, Costume.witch),
    (Kind.dog, Costume.firefighter),
    (Kind.rabbit, Costume.astronaut),
    (Kind.penguin, Costume.detective),
)


def sheet_member(identity: Identity, seed: int, name: str = "entry") -> CastMember:
    """A cast member of ``identity`` with the look :func:`default_design` picks from ``seed``."""
    return CastMember(
        id="entry",
        name=name,
        kind=identity.kind,
        age=identity.age,
        gender=identity.gender,
        costume=identity.costume,
        design=default_design(identity, seed),
    )


def _cell(member: CastMember, style: Style, height: int, label: str) -> SheetCell:
    sprite = CharacterRig(member, style).sprite(height, Pose(emotion=Emotion.happy))
    return SheetCell(label, sprite.pixels, sprite.anchor)


def kind_cells(style: Style, height: int = 140) -> list[SheetCell]:
    """Every kind, as a grown-up in everyday clothes."""
    return [
        _cell(
            sheet_member(Identity(kind=kind), stable_seed("sheet", kind.value)),
            style,
            height,
            kind.value.replace("_", " "),
        )
        for kind in Kind
    ]


def age_cells(style: Style, height: int = 140) -> list[SheetCell]:
    """Child, teen, adult and elder of people and some animals, at their relative heights."""
    cells = []
    for kind, gender in _AGE_SUBJECTS:
        for age in Age:
            member = sheet_member(
                Identity(kind=kind, age=age, gender=gender), stable_seed("sheet", kind.value, gender.value)
            )
            who = (
                kind.value if kind is not Kind.human else {"female": "woman", "male": "man"}.get(gender.value, "person")
            )
            cells.append(_cell(member, style, round(height * AGE_SIZE[age]), f"{who} {age.value}"))
    return cells


def costume_cells(style: Style, height: int = 140) -> list[SheetCell]:
    """Every costume on a person (genders and ages taking turns), then animals in costume."""
    cells = []
    people = [
        (Age.adult, Gender.female),
        (Age.adult, Gender.male),
        (Age.teen, Gender.unspecified),
        (Age.elder, Gender.male),
        (Age.adult, Gender.unspecified),
        (Age.elder, Gender.female),
    ]
    for index, costume in enumerate(c for c in Costume if c is not Costume.none):
        age, gender = people[index % len(people)]
        if costume in (Costume.queen, Costume.princess, Costume.bride, Costume.mermaid, Costume.fairy, Costume.nurse):
            gender = Gender.female
        if costume in (Costume.king, Costume.prince, Costume.groom):
            gender = Gender.male
        member = sheet_member(Identity(age=age, gender=gender, costume=costume), stable_seed("sheet", costume.value))
        cells.append(_cell(member, style, round(height * AGE_SIZE[age]), costume.value.replace("_", " ")))
    for kind, role in _COSTUMED_ANIMALS:
        member = sheet_member(Identity(kind=kind, costume=role), stable_seed("sheet", kind.value, role.value))
        cells.append(_cell(member, style, height, f"{kind.value} {role.value.replace('_', ' ')}"))
    return cells


def _sheet(cells: list[SheetCell], style: Style, columns: int, cell: int, title: str) -> np.ndarray:
    return contact_sheet(cells, style, columns=columns, cell=cell, title=f"{title} ({Style(style).value})")


def kinds_sheet(style: Style, width: int = 1600) -> np.ndarray:
    """Every kind on one labelled sheet ``width`` pixels wide: (h, w, 3) uint8 RGB."""
    cell = width // 10
    return _sheet(kind_cells(style, round(cell * 0.8)), style, 10, cell, "Kinds")


def ages_sheet(style: Style, width: int = 1600) -> np.ndarray:
    """Child, teen, adult and elder of people and some animals on one labelled sheet."""
    cell = width // 8
    return _sheet(age_cells(style, round(cell * 0.8)), style, 8, cell, "Ages")


def costumes_sheet(style: Style, width: int = 1600) -> np.ndarray:
    """Every costume, on people and on animals, on one labelled sheet."""
    cell = width // 10
    return _sheet(costume_cells(style, round(cell * 0.8)), style, 10, cell, "Costumes")
