"""Pure edits of a film spec: ``Film -> Film`` functions the undo commands are built from.

No Qt here. Every function returns a new, fully validated :class:`Film` and never mutates its
input, so an undo command can keep the film before and after an edit as snapshots. Unchanged
scenes and cast members are shared between snapshots (``rebuild`` copies shallowly), which keeps
a long undo history cheap. Invalid edits raise :class:`FilmSpecError` with a message naming the
field, and the film stays as it was.

Two rules hold across every edit. A scene is never shorter than its lines (:mod:`.timing`): an
edit of its dialogue, its speakers' voices or its transition lengthens it to fit, and shortening
it further is refused. And its staging follows its lines (:mod:`.staging`): a stage action stays
on its line when lines move, split or merge, and goes with it when it is removed; a character who
leaves a scene leaves its actions, props and addressed lines too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from aistudio_desktop.project import staging
from aistudio_desktop.project.timing import lines_phrase, shortest_duration
from render_farm.film import (
    NARRATOR,
    CastMember,
    Design,
    DialogueLine,
    Film,
    FilmSpecError,
    Scene,
    StageAction,
    Transition,
    TransitionKind,
)
from render_farm.film.io import describe_validation_error

M = TypeVar("M", bound=BaseModel)

SCENE_FIELDS = frozenset({"title", "setting", "beats", "duration", "shot", "camera", "transition_in", "cast"})
CAST_FIELDS = frozenset({"name", "role", "kind", "description", "personality", "voice"})
DEFAULT_TRANSITION = 0.5  # seconds given to a transition switched on from a cut
MAX_SCENE = 600.0  # the film spec's longest scene


def rebuild(model: M, **changes: Any) -> M:
    """A validated copy of ``model`` with ``changes``; nested models are shared, not copied."""
    values = {name: getattr(model, name) for name in type(model).model_fields}
    values.update(changes)
    try:
        return type(model)(**values)
    except ValidationError as error:
        raise FilmSpecError(describe_validation_error(error)) from None


def _with_scenes(film: Film, scenes: Sequence[Scene]) -> Film:
    numbered = [s if s.number == i + 1 else rebuild(s, number=i + 1) for i, s in enumerate(scenes)]
    return rebuild(film, scenes=numbered)


def scene_index(film: Film, scene_id: str) -> int:
    for index, scene in enumerate(film.scenes):
        if scene.id == scene_id:
            return index
    raise FilmSpecError(f"scenes: no scene with id '{scene_id}'")


def _replace_scene(film: Film, scene: Scene) -> Film:
    scenes = list(film.scenes)
    scenes[scene_index(film, scene.id)] = scene
    return rebuild(film, scenes=scenes)


def clamp_transition(transition: Transition, duration: float) -> Transition:
    """A transition that fits a scene of ``duration`` seconds (at most half of it)."""
    if transition.kind is TransitionKind.cut:
        return transition if transition.duration == 0 else Transition()
    length = transition.duration or DEFAULT_TRANSITION
    length = round(min(max(length, 0.1), 3.0, duration / 2), 2)
    return transition if length == transition.duration else Transition(kind=transition.kind, duration=length)


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base`` made into a valid id not in ``taken`` (``base-2``, ``base-3``...)."""
    used = set(taken)
    slug = re.sub(r"[^a-z0-9_-]+", "-", base.lower()).strip("-_")[:56] or "item"
    if not slug[0].isalnum():
        slug = "x" + slug
    if slug not in used:
        return slug
    n = 2
    while f"{slug}-{n}" in used:
        n += 1
    return f"{slug}-{n}"


# -- scene fields ------------------------------------------------------------------------------


def edit_scene(film: Film, scene_id: str, **changes: Any) -> Film:
    """Change fields of one scene; the transition is kept within the scene's duration.

    A scene taken off someone (``cast``) drops what its staging said about them. A longer
    transition in lengthens the scene when its lines would not fit after it; a shorter duration
    than its lines need is refused.
    """
    unknown = set(changes) - SCENE_FIELDS
    if unknown:
        raise FilmSpecError(f"scene fields {sorted(unknown)} cannot be edited here")
    index = scene_index(film, scene_id)
    scene = film.scenes[index]
    edited = rebuild(scene, **changes)
    for gone in set(scene.cast) - set(edited.cast):
        edited = rebuild(edited, **staging.without_member(edited, gone))
    fitted = clamp_transition(edited.transition_in, edited.duration)
    if fitted != edited.transition_in:
        edited = rebuild(edited, transition_in=fitted)
    need = shortest_duration(film, edited)
    if edited.duration < need:
        if "duration" in changes and edited.duration < scene.duration:
            raise FilmSpecError(
                f"scenes[{index}].duration: scene {scene.number} cannot be shorter than {need:g} s: "
                f"its {lines_phrase(len(edited.dialogue))} need that long (shorten or remove a line first)"
            )
        if "transition_in" in changes:
            edited = _fitted(film, edited, index)
    return _replace_scene(film, edited)


def _fitted(film: Film, scene: Scene, index: int) -> Scene:
    """``scene`` lengthened to hold its lines, if it is shorter."""
    need = shortest_duration(film, scene)
    if scene.duration >= need:
        return scene
    if need > MAX_SCENE:
        raise FilmSpecError(
            f"scenes[{index}].dialogue: its lines need {need:.0f} s, more than the {MAX_SCENE:.0f} s a scene may last; "
            "split the scene first"
        )
    return rebuild(scene, duration=need)


def set_dialogue(
    film: Film, scene_id: str, lines: Sequence[DialogueLine], actions: Sequence[StageAction] | None = None
) -> Film:
    """New lines for a scene (and its actions, re-indexed to them); the scene grows to fit them."""
    index = scene_index(film, scene_id)
    scene = film.scenes[index]
    changes: dict[str, Any] = {"dialogue": list(lines)}
    if actions is not None:
        changes["actions"] = list(actions)
    return _replace_scene(film, _fitted(film, rebuild(scene, **changes), index))


def _lines(film: Film, scene_id: str) -> tuple[list[DialogueLine], list[StageAction]]:
    scene = film.scenes[scene_index(film, scene_id)]
    return list(scene.dialogue), list(scene.actions)


def add_line(film: Film, scene_id: str, line: DialogueLine, at: int | None = None) -> Film:
    lines, actions = _lines(film, scene_id)
    at = len(lines) if at is None else max(0, min(at, len(lines)))
    lines.insert(at, line)
    return set_dialogue(film, scene_id, lines, staging.line_inserted(actions, at))


def remove_line(film: Film, scene_id: str, row: int) -> Film:
    """Remove one line and the stage actions that go with it."""
    lines, actions = _lines(film, scene_id)
    if not 0 <= row < len(lines):
        raise FilmSpecError(f"dialogue[{row}]: no such line")
    del lines[row]
    return set_dialogue(film, scene_id, lines, staging.line_removed(actions, row))


def edit_line(film: Film, scene_id: str, row: int, **changes: Any) -> Film:
    lines, _actions = _lines(film, scene_id)
    if not 0 <= row < len(lines):
        raise FilmSpecError(f"dialogue[{row}]: no such line")
    lines[row] = rebuild(lines[row], **changes)
    return set_dialogue(film, scene_id, lines)


def move_line(film: Film, scene_id: str, row: int, to: int) -> Film:
    """Move a line within its scene; its stage actions move with it."""
    lines, actions = _lines(film, scene_id)
    if not (0 <= row < len(lines) and 0 <= to < len(lines)):
        raise FilmSpecError(f"dialogue[{row}]: cannot move it to {to}")
    lines.insert(to, lines.pop(row))
    return set_dialogue(film, scene_id, lines, staging.line_moved(actions, row, to, len(lines)))


# -- scene list --------------------------------------------------------------------------------


def move_scenes(film: Film, scene_ids: Sequence[str], dest_row: int) -> Film:
    """Move scenes (kept in their current order) to sit before the scene now at ``dest_row``."""
    moving = set(scene_ids)
    picked = [s for s in film.scenes if s.id in moving]
    if len(picked) != len(moving):
        raise FilmSpecError("scenes: a moved scene is not in the film")
    dest_row = max(0, min(dest_row, len(film.scenes)))
    before = sum(1 for s in film.scenes[:dest_row] if s.id not in moving)
    rest = [s for s in film.scenes if s.id not in moving]
    return _with_scenes(film, rest[:before] + picked + rest[before:])


def add_scene(film: Film, at: int | None = None, *, title: str = "New scene", duration: float = 5.0) -> Film:
    at = len(film.scenes) if at is None else max(0, min(at, len(film.scenes)))
    neighbour = film.scenes[at - 1] if at > 0 else film.scenes[0]
    scene = Scene(
        id=unique_id("scene", (s.id for s in film.scenes)),
        number=at + 1,
        title=title,
        setting=neighbour.setting,
        duration=duration,
        shot=neighbour.shot,
    )
    scenes = list(film.scenes)
    scenes.insert(at, scene)
    return _with_scenes(film, scenes)


def duplicate_scenes(film: Film, scene_ids: Sequence[str]) -> tuple[Film, list[str]]:
    """Each scene copied right after itself under a new id; returns the film and the new ids."""
    wanted = set(scene_ids)
    taken = {s.id for s in film.scenes}
    scenes: list[Scene] = []
    new_ids: list[str] = []
    for scene in film.scenes:
        scenes.append(scene)
        if scene.id in wanted:
            new_id = unique_id(f"{scene.id}-copy", taken)
            taken.add(new_id)
            new_ids.append(new_id)
            scenes.append(rebuild(scene, id=new_id))
    return _with_scenes(film, scenes), new_ids


def delete_scenes(film: Film, scene_ids: Sequence[str]) -> Film:
    gone = set(scene_ids)
    scenes = [s for s in film.scenes if s.id not in gone]
    if not scenes:
        raise FilmSpecError("scenes: a film needs at least one scene; keep one")
    return _with_scenes(film, scenes)


def split_scene(film: Film, scene_id: str, line: int | None = None) -> tuple[Film, str]:
    """Split a scene before dialogue line ``line`` (the middle by default).

    Dialogue, beats and stage actions are divided at that point, the props are in both halves.
    The duration is divided in proportion to the number of words on each side (halves when
    there is no dialogue), so the total stays the same, as long as each half keeps room for its
    lines; where the scene was too short for that, the halves are lengthened to fit.
    """
    index = scene_index(film, scene_id)
    scene = film.scenes[index]
    if scene.duration < 2.0:
        raise FilmSpecError(f"scenes[{index}].duration: a {scene.duration:g} s scene is too short to split")
    lines = scene.dialogue
    cut = len(lines) // 2 if line is None else max(0, min(line, len(lines)))
    words = [max(1, len(item.text.split())) for item in lines]
    share = sum(words[:cut]) / sum(words) if words and 0 < cut < len(lines) else 0.5
    head_staging, tail_staging = staging.split_staging(scene, cut)
    new_id = unique_id(f"{scene.id}-b", (s.id for s in film.scenes))
    tail_title = f"{scene.title} (continued)" if scene.title else ""
    tail = rebuild(
        scene,
        id=new_id,
        title=tail_title[:200],
        dialogue=list(lines[cut:]),
        transition_in=Transition(),
        **tail_staging,
    )
    head = rebuild(scene, dialogue=list(lines[:cut]), **head_staging)
    need_tail = shortest_duration(film, tail)
    first = round(min(max(scene.duration * share, 1.0), scene.duration - 1.0), 2)
    first = max(min(first, scene.duration - need_tail), 1.0)
    head = rebuild(head, duration=first, transition_in=clamp_transition(head.transition_in, first))
    head = _fitted(film, head, index)
    second = max(round(scene.duration - head.duration, 6), need_tail, 1.0)
    beat_cut = round(len(scene.beats) * (head.duration / (head.duration + second)))
    head = rebuild(head, beats=list(scene.beats[:beat_cut]))
    tail = rebuild(tail, beats=list(scene.beats[beat_cut:]), duration=second)
    scenes = list(film.scenes)
    scenes[index : index + 1] = [head, tail]
    return _with_scenes(film, scenes), new_id


def merge_scenes(film: Film, first_id: str, second_id: str) -> Film:
    """Join two adjacent scenes into the first: dialogue, beats, cast and staging combined, durations added."""
    i, j = scene_index(film, first_id), scene_index(film, second_id)
    if j != i + 1:
        raise FilmSpecError("scenes: only two neighbouring scenes can be merged")
    a, b = film.scenes[i], film.scenes[j]
    cast = list(dict.fromkeys([*a.cast, *b.cast]))
    if len(cast) > 6:
        raise FilmSpecError("cast: the merged scene would have more than 6 characters on screen")
    merged = rebuild(
        a,
        dialogue=[*a.dialogue, *b.dialogue],
        beats=[*a.beats, *b.beats][:50],
        duration=round(a.duration + b.duration, 6),
        cast=cast,
        **staging.merged_staging(a, b),
    )
    scenes = list(film.scenes)
    scenes[i : j + 1] = [_fitted(film, merged, i)]
    return _with_scenes(film, scenes)


# -- cast --------------------------------------------------------------------------------------


def _replace_member(film: Film, member: CastMember) -> Film:
    cast = [member if m.id == member.id else m for m in film.cast]
    return rebuild(film, cast=cast)


def edit_member(film: Film, member_id: str, **changes: Any) -> Film:
    """Change fields of a member; a slower voice lengthens the scenes whose lines no longer fit."""
    unknown = set(changes) - CAST_FIELDS
    if unknown:
        raise FilmSpecError(f"cast fields {sorted(unknown)} cannot be edited here")
    try:
        member = film.member(member_id)
    except KeyError:
        raise FilmSpecError(f"cast: no member with id '{member_id}'") from None
    changed = rebuild(member, **changes)
    edited = _replace_member(film, changed)
    return _fit_speakers(edited, {member_id}) if changed.voice.rate != member.voice.rate else edited


def _fit_speakers(film: Film, speakers: set[str]) -> Film:
    """The film with every scene where ``speakers`` talk lengthened to hold its lines."""
    scenes = [
        _fitted(film, scene, i) if any(line.speaker in speakers for line in scene.dialogue) else scene
        for i, scene in enumerate(film.scenes)
    ]
    return film if all(a is b for a, b in zip(scenes, film.scenes, strict=True)) else rebuild(film, scenes=scenes)


def set_design(film: Film, member_id: str, design: Design) -> Film:
    """A new look for a member. Art generated for the old look is let go (it would hide the new one);
    the file stays in the project, and undo brings it back."""
    try:
        member = film.member(member_id)
    except KeyError:
        raise FilmSpecError(f"cast: no member with id '{member_id}'") from None
    return _replace_member(film, rebuild(member, design=design, art=None))


def add_member(film: Film, name: str, **fields: Any) -> tuple[Film, str]:
    member_id = unique_id(name, [m.id for m in film.cast] + [NARRATOR])
    try:
        member = CastMember(id=member_id, name=name, **fields)
    except ValidationError as error:
        raise FilmSpecError(describe_validation_error(error)) from None
    return rebuild(film, cast=[*film.cast, member]), member_id


def remove_member(film: Film, member_id: str) -> Film:
    """Remove a cast member: gone from every scene's cast and staging, their lines spoken by the narrator."""
    if all(m.id != member_id for m in film.cast):
        raise FilmSpecError(f"cast: no member with id '{member_id}'")
    scenes = []
    for index, scene in enumerate(film.scenes):
        speaks = any(line.speaker == member_id for line in scene.dialogue)
        if member_id in scene.cast or speaks or staging.names_member(scene, member_id):
            scene = rebuild(scene, **staging.without_member(scene, member_id))
            lines = [rebuild(ln, speaker=NARRATOR) if ln.speaker == member_id else ln for ln in scene.dialogue]
            scene = rebuild(scene, cast=[c for c in scene.cast if c != member_id], dialogue=lines)
            if speaks:  # the narrator's voice says their lines now, maybe more slowly
                scene = _fitted(film, scene, index)
        scenes.append(scene)
    return rebuild(film, cast=[m for m in film.cast if m.id != member_id], scenes=scenes)


def regenerated_design(film: Film, member_id: str) -> Design:
    """A new look for one member from the built-in designer (its design seed moves on)."""
    from render_farm.ai.offline.designer import OfflineDesigner

    redesigned = OfflineDesigner().design(film, only={member_id})
    design = redesigned.member(member_id).design
    assert design is not None
    return design
