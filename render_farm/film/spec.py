"""The film spec: the one document that travels from the desktop to the farm to a worker.

A :class:`Film` holds everything needed to render a film deterministically: the project
settings, the cast (what each one is, design parameters and voices) and the scenes (setting,
props, stage actions, beats, dialogue, timing, camera and transitions); the words they may use
come from :mod:`.vocabulary`. Models are strict: unknown fields are rejected so a
typo in a hand-edited spec is reported instead of silently ignored.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# the vocabulary's names stay importable from here, as places, times and weather always were
from .vocabulary import HANDHELD, Action, Age, Costume, Gender, Kind, Place, Prop, Season, TimeOfDay, Weather

SCHEMA_VERSION = 3

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


Accessory = Literal[
    "hat", "scarf", "glasses", "bow", "crown", "backpack", "cape", "antenna", "flower", "beard", "moustache"
]


class Design(_Model):
    """Design parameters of a character: how the sprite rig draws them (what they are is the member's)."""

    body_color: Color = "#f2c9a0"
    accent_color: Color = "#6b4f3a"
    eye_color: Color = "#3a2a1a"
    outfit: Literal["none", "shirt", "dress", "overalls", "tunic", "coat", "armor", "robe"] = "shirt"
    outfit_color: Color = "#4f7cc9"
    accessory_color: Color | None = Field(
        default=None, description="colour of hats, scarves, bows...; None = derived from the outfit"
    )
    accessories: list[Accessory] = Field(default_factory=list, max_length=4)
    height: float = Field(default=1.0, ge=0.3, le=1.5, description="relative to an average adult")
    build: float = Field(default=1.0, ge=0.7, le=1.4, description="relative width")
    seed: int = Field(default=0, ge=0)


class CastMember(_Model):
    """One character: who they are (decided by the writer), how they look and sound."""

    id: Identifier
    name: str = Field(min_length=1, max_length=80)
    role: str = Field(default="supporting", max_length=40)
    kind: Kind = Kind.human
    age: Age = Age.adult
    gender: Gender = Gender.unspecified
    costume: Costume = Costume.none
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
    season: Season | None = Field(default=None, description="None: the story does not say")
    description: str = Field(default="", max_length=1000)


class DialogueLine(_Model):
    speaker: str = Field(min_length=1, max_length=64, description="a cast id or 'narrator'")
    text: str = Field(min_length=1, max_length=1000)
    emotion: Emotion = Emotion.neutral
    to: str | None = Field(
        default=None, max_length=64, description="the cast id the line is spoken to; None = everyone, the audience"
    )

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


class SceneProp(_Model):
    """A thing in a scene: set there, or held by a cast member when the scene starts."""

    prop: Prop
    holder: str | None = Field(default=None, max_length=64, description="a cast id in the scene; None = set in it")
    note: str = Field(default="", max_length=120, description='free words, e.g. "the seed, now a sprout"')


class StageAction(_Model):
    """Something a cast member does on stage, at the scene's start or with one of its lines."""

    who: str = Field(min_length=1, max_length=64, description="a cast id in the scene's cast")
    action: Action
    line: int | None = Field(
        default=None, ge=0, description="index of the dialogue line it goes with; None = the scene's start"
    )
    target: str | None = Field(default=None, max_length=64, description="a cast id it is aimed at")
    prop: Prop | None = Field(default=None, description="what is given or held")


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
    props: list[SceneProp] = Field(default_factory=list, max_length=8)
    actions: list[StageAction] = Field(default_factory=list, max_length=40)


class OutputSettings(_Model):
    subtitles: bool = True
    music: bool = True


class Film(_Model):
    """A whole film project."""

    schema_version: Literal[3] = 3  # SCHEMA_VERSION
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
                _on_stage(scene, line.to, f"{where}.dialogue[{d_index}].to")
            _staging_resolves(scene, where)
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


def _on_stage(scene: Scene, member_id: str | None, field: str) -> None:
    """``member_id`` (when given) must be one of the scene's cast."""
    if member_id is None or member_id in scene.cast:
        return
    if member_id == NARRATOR:
        raise ValueError(f"{field}: the narrator is never on stage; name a cast member of this scene")
    raise ValueError(f"{field}: '{member_id}' is not in this scene's cast")


def _staging_resolves(scene: Scene, where: str) -> None:
    """Props and actions name only what the scene has: its cast, its props and its lines."""
    for p_index, item in enumerate(scene.props):
        _on_stage(scene, item.holder, f"{where}.props[{p_index}].holder")
        if item.holder is not None and item.prop not in HANDHELD:
            raise ValueError(f"{where}.props[{p_index}].prop: a {item.prop.value} cannot be held; leave holder empty")
    props = {item.prop for item in scene.props}
    for a_index, action in enumerate(scene.actions):
        at = f"{where}.actions[{a_index}]"
        _on_stage(scene, action.who, f"{at}.who")
        _on_stage(scene, action.target, f"{at}.target")
        if action.line is not None and action.line >= len(scene.dialogue):
            lines = f"lines 0 to {len(scene.dialogue) - 1}" if scene.dialogue else "no lines"
            raise ValueError(f"{at}.line: {action.line} is not a line of this scene (it has {lines})")
        if action.action in (Action.give, Action.hold):
            verb = action.action.value
            if action.prop is None:
                raise ValueError(f"{at}.prop: {verb} needs a prop of this scene")
            if action.prop not in HANDHELD:
                raise ValueError(f"{at}.prop: a {action.prop.value} cannot be held or handed over")
            if action.prop not in props:
                raise ValueError(f"{at}.prop: '{action.prop.value}' is not one of this scene's props")
