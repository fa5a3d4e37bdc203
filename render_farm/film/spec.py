"""The film spec: the one document that travels from the desktop to the farm to a worker.

A :class:`Film` holds everything needed to render a film deterministically: the project
settings, the cast (with design parameters and voices) and the scenes (setting, beats,
dialogue, timing, camera and transitions). Models are strict: unknown fields are rejected so a
typo in a hand-edited spec is reported instead of silently ignored.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = 2

NARRATOR = "narrator"
"""Speaker id of the narrator: it speaks but is never drawn."""

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_HEX_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


class Style(StrEnum):
    """The visual style of a film; each one differs in palette, outline and shading."""

    storybook = "storybook"
    anime = "anime"
    comic = "comic"
    pastel = "pastel"


class Place(StrEnum):
    """The kinds of place the built-in backgrounds can draw."""

    forest = "forest"
    river = "river"
    village = "village"
    city_street = "city_street"
    room = "room"
    beach = "beach"
    mountains = "mountains"
    space = "space"
    castle = "castle"
    meadow = "meadow"


class TimeOfDay(StrEnum):
    dawn = "dawn"
    day = "day"
    dusk = "dusk"
    night = "night"


class Weather(StrEnum):
    clear = "clear"
    cloudy = "cloudy"
    rain = "rain"
    snow = "snow"
    fog = "fog"


class Emotion(StrEnum):
    neutral = "neutral"
    happy = "happy"
    sad = "sad"
    angry = "angry"
    surprised = "surprised"
    scared = "scared"
    excited = "excited"
    thoughtful = "thoughtful"


class Shot(StrEnum):
    wide = "wide"
    medium = "medium"
    close = "close"


class CameraMove(StrEnum):
    static = "static"
    pan_left = "pan_left"
    pan_right = "pan_right"
    zoom_in = "zoom_in"
    zoom_out = "zoom_out"


class TransitionKind(StrEnum):
    cut = "cut"
    crossfade = "crossfade"
    fade_black = "fade_black"
    wipe = "wipe"


class Species(StrEnum):
    human = "human"
    cat = "cat"
    dog = "dog"
    fox = "fox"
    rabbit = "rabbit"
    bear = "bear"
    mouse = "mouse"
    bird = "bird"
    robot = "robot"
    dragon = "dragon"
    monster = "monster"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


Color = Annotated[str, Field(pattern=_HEX_RE.pattern, description="#rrggbb")]
Identifier = Annotated[str, Field(pattern=_ID_RE.pattern, description="lower-case id: a-z, 0-9, - and _")]


class VoiceStyle(_Model):
    """How a character sounds. ``voice`` names a timbre of the chosen provider."""

    voice: str = Field(default="m3", min_length=1, max_length=64)
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}$")
    accent: str = Field(default="us", max_length=32)
    rate: int = Field(default=165, ge=80, le=400, description="words per minute")
    pitch: int = Field(default=50, ge=0, le=100)


class Design(_Model):
    """Design parameters of a character: what the sprite rig draws."""

    species: Species = Species.human
    body_color: Color = "#f2c9a0"
    accent_color: Color = "#6b4f3a"
    eye_color: Color = "#3a2a1a"
    outfit: Literal["none", "shirt", "dress", "overalls", "tunic", "coat", "armor", "robe"] = "shirt"
    outfit_color: Color = "#4f7cc9"
    accessory_color: Color | None = Field(
        default=None, description="colour of hats, scarves, bows...; None = derived from the outfit"
    )
    accessories: list[Literal["hat", "scarf", "glasses", "bow", "crown", "backpack", "cape", "antenna", "flower"]] = (
        Field(default_factory=list, max_length=4)
    )
    height: float = Field(default=1.0, ge=0.5, le=1.5, description="relative to an average adult")
    build: float = Field(default=1.0, ge=0.7, le=1.4, description="relative width")
    seed: int = Field(default=0, ge=0)


class CastMember(_Model):
    id: Identifier
    name: str = Field(min_length=1, max_length=80)
    role: str = Field(default="supporting", max_length=40)
    description: str = Field(default="", max_length=2000)
    personality: list[str] = Field(default_factory=list, max_length=8)
    design: Design | None = None
    voice: VoiceStyle = Field(default_factory=VoiceStyle)
    art: str | None = Field(default=None, description="optional bundle-relative path of generated art")

    @field_validator("id")
    @classmethod
    def _not_narrator(cls, value: str) -> str:
        if value == NARRATOR:
            raise ValueError(f"'{NARRATOR}' is reserved for the narrator")
        return value


class Setting(_Model):
    place: Place = Place.meadow
    time_of_day: TimeOfDay = TimeOfDay.day
    weather: Weather = Weather.clear
    description: str = Field(default="", max_length=1000)


class DialogueLine(_Model):
    speaker: str = Field(min_length=1, max_length=64, description="a cast id or 'narrator'")
    text: str = Field(min_length=1, max_length=1000)
    emotion: Emotion = Emotion.neutral

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a dialogue line needs some words")
        return value


class Transition(_Model):
    kind: TransitionKind = TransitionKind.cut
    duration: float = Field(default=0.0, ge=0.0, le=3.0, description="seconds; 0 for a cut")

    @model_validator(mode="after")
    def _cut_has_no_length(self) -> Transition:
        if self.kind is TransitionKind.cut and self.duration:
            object.__setattr__(self, "duration", 0.0)
        if self.kind is not TransitionKind.cut and self.duration <= 0:
            raise ValueError(f"a {self.kind.value} transition needs a duration above 0 seconds")
        return self


class Scene(_Model):
    id: Identifier
    number: int = Field(ge=1)
    title: str = Field(default="", max_length=200)
    setting: Setting = Field(default_factory=Setting)
    beats: list[str] = Field(default_factory=list, max_length=50)
    dialogue: list[DialogueLine] = Field(default_factory=list, max_length=200)
    duration: float = Field(ge=1.0, le=600.0, description="seconds")
    cast: list[Identifier] = Field(default_factory=list, max_length=6, description="ids of the cast on screen")
    shot: Shot = Shot.medium
    camera: CameraMove = CameraMove.static
    transition_in: Transition = Field(default_factory=Transition)


class OutputSettings(_Model):
    subtitles: bool = True
    music: bool = True


class Film(_Model):
    """A whole film project."""

    schema_version: Literal[2] = 2  # SCHEMA_VERSION
    title: str = Field(min_length=1, max_length=200)
    premise: str = Field(default="", max_length=20000)
    style: Style = Style.storybook
    target_length: float = Field(default=60.0, ge=15.0, le=600.0, description="seconds")
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}$")
    seed: int = Field(default=0, ge=0)
    narrator: VoiceStyle = Field(default_factory=VoiceStyle)
    output: OutputSettings = Field(default_factory=OutputSettings)
    cast: list[CastMember] = Field(default_factory=list, max_length=12)
    scenes: list[Scene] = Field(min_length=1, max_length=200)

    @model_validator(mode="after")
    def _references_resolve(self) -> Film:
        cast_ids = [member.id for member in self.cast]
        seen: set[str] = set()
        for index, member_id in enumerate(cast_ids):
            if member_id in seen:
                raise ValueError(f"cast[{index}].id: '{member_id}' is used by two cast members")
            seen.add(member_id)
        scene_ids: set[str] = set()
        for s_index, scene in enumerate(self.scenes):
            where = f"scenes[{s_index}]"
            if scene.id in scene_ids:
                raise ValueError(f"{where}.id: '{scene.id}' is used by two scenes")
            scene_ids.add(scene.id)
            if scene.number != s_index + 1:
                raise ValueError(f"{where}.number: expected {s_index + 1}, found {scene.number}")
            for c_index, member_id in enumerate(scene.cast):
                if member_id not in seen:
                    raise ValueError(f"{where}.cast[{c_index}]: unknown cast member '{member_id}'")
            for d_index, line in enumerate(scene.dialogue):
                if line.speaker != NARRATOR and line.speaker not in seen:
                    raise ValueError(f"{where}.dialogue[{d_index}].speaker: unknown cast member '{line.speaker}'")
            if s_index == 0 and scene.transition_in.kind is not TransitionKind.cut:
                pass  # the first scene fades in from black; any kind is accepted
            overlap = scene.transition_in.duration
            if overlap and overlap * 2 > scene.duration:
                raise ValueError(
                    f"{where}.transition_in.duration: {overlap:g} s is too long for a {scene.duration:g} s scene"
                )
        return self

    # -- convenience -------------------------------------------------------------------------

    def member(self, member_id: str) -> CastMember:
        for member in self.cast:
            if member.id == member_id:
                return member
        raise KeyError(member_id)

    def scene(self, number: int) -> Scene:
        if not 1 <= number <= len(self.scenes):
            raise KeyError(number)
        return self.scenes[number - 1]

    @property
    def duration(self) -> float:
        """Running time in seconds: scenes overlap by the length of each transition between them."""
        total = sum(scene.duration for scene in self.scenes)
        total -= sum(scene.transition_in.duration for scene in self.scenes[1:])
        return total

    def renumbered(self) -> Film:
        """A copy whose scene numbers follow their order (after a reorder, insert or delete)."""
        data = self.model_dump(mode="json")
        for index, scene in enumerate(data["scenes"]):
            scene["number"] = index + 1
        return Film.model_validate(data)
