"""Reading, writing and migrating film spec documents.

Every document carries ``schema_version``. Older versions are migrated step by step on load,
so a project saved by an earlier release keeps opening. Validation errors are turned into a
:class:`FilmSpecError` whose message names the offending field (``scenes[2].duration``).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import FilmSpecError
from .json_text import JSONTextError, parse_json, whole_numbers
from .spec import SCHEMA_VERSION, Film

Document = dict[str, Any]


def _migrate_1_to_2(doc: Document) -> Document:
    """Version 1 named the cast ``characters``, kept a scene's place as a string in
    ``location`` with ``time`` beside it, and its transition as a bare kind name."""
    doc = dict(doc)
    if "characters" in doc:
        doc["cast"] = doc.pop("characters")
    scenes = []
    for scene in doc.get("scenes", []):
        scene = dict(scene)
        if "location" in scene or "time" in scene:
            setting = {"place": scene.pop("location", "meadow")}
            if "time" in scene:
                setting["time_of_day"] = scene.pop("time")
            scene["setting"] = setting
        if isinstance(scene.get("transition"), str):
            kind = scene.pop("transition")
            scene["transition_in"] = {"kind": kind, "duration": 0.0 if kind == "cut" else 0.5}
        scenes.append(scene)
    doc["scenes"] = scenes
    doc["schema_version"] = 2
    return doc


def _migrate_2_to_3(doc: Document) -> Document:
    """Version 2 kept what a character is as ``design.species``; version 3 keeps it as the member's
    ``kind`` (every species is a kind of the same name). A member without a design keeps the default
    kind (human). Scenes gain empty ``props`` and ``actions``. Nothing else is read into the words:
    parts that are not the expected shape are left for validation to name."""
    doc = dict(doc)
    cast = doc.get("cast")
    if isinstance(cast, list):
        members = []
        for member in cast:
            design = member.get("design") if isinstance(member, dict) else None
            if isinstance(design, dict) and "species" in design:
                member, design = dict(member), dict(design)
                member.setdefault("kind", design.pop("species"))
                member["design"] = design
            members.append(member)
        doc["cast"] = members
    scenes = doc.get("scenes")
    if isinstance(scenes, list):
        doc["scenes"] = [
            {**scene, "props": scene.get("props", []), "actions": scene.get("actions", [])}
            if isinstance(scene, dict)
            else scene
            for scene in scenes
        ]
    doc["schema_version"] = 3
    return doc


MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


def migrate(doc: Document) -> Document:
    """Bring a raw document up to :data:`SCHEMA_VERSION`."""
    version = doc.get("schema_version")
    if version is None:
        raise FilmSpecError("schema_version: missing; a film spec must say which version it is")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FilmSpecError(f"schema_version: expected a whole number, found {version!r}")
    if version > SCHEMA_VERSION:
        raise FilmSpecError(
            f"schema_version: {version} is newer than this release understands ({SCHEMA_VERSION}); update AI Studio"
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise FilmSpecError(f"schema_version: {version} is not a version AI Studio ever wrote")
        doc = step(doc)
        version = doc["schema_version"]
    return doc


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + part
    return path or "(document)"


def describe_validation_error(error: ValidationError) -> str:
    """One readable line per problem, each starting with the field's path."""
    lines = []
    for item in error.errors():
        message = item["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        path = _field_path(tuple(item["loc"]))
        if ":" in message.split(" ")[0] and path == "(document)":
            lines.append(message)  # model-level validators already name the field
        else:
            lines.append(f"{path}: {message}")
    return "; ".join(lines)


def film_from_dict(doc: Any, *, strict: bool = False) -> Film:
    """The film a decoded document describes. ``strict`` takes JSON's types as they are: ``false``
    or ``"5"`` where a number belongs is an error rather than 0 or 5 (the farm reads uploads so);
    ``5.0`` is still the whole number 5, as JSON Schema has it."""
    if not isinstance(doc, dict):
        raise FilmSpecError("(document): a film spec is a JSON object")
    try:
        if strict:
            return Film.model_validate_json(json.dumps(whole_numbers(migrate(doc))), strict=True)
        return Film.model_validate(migrate(doc))
    except ValidationError as error:
        raise FilmSpecError(describe_validation_error(error)) from None


def loads(text: str | bytes, *, strict: bool = False) -> Film:
    """The film in a JSON document; anything but plain JSON (5000-digit numbers, nesting a
    thousand levels deep, ``NaN``, broken characters) is a :class:`FilmSpecError` too."""
    try:
        doc = parse_json(text)
    except JSONTextError as error:
        raise FilmSpecError(f"not valid JSON: {error}") from None
    return film_from_dict(doc, strict=strict)


def dumps(film: Film) -> str:
    return json.dumps(film.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def load(path: str | os.PathLike[str]) -> Film:
    path = Path(path)
    try:
        text = path.read_bytes()
    except FileNotFoundError:
        raise FilmSpecError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FilmSpecError(f"{path}: is a folder, not a film spec") from None
    except OSError as error:
        raise FilmSpecError(f"{path}: cannot read it ({error.strerror})") from None
    return loads(text)


def save(film: Film, path: str | os.PathLike[str]) -> Path:
    """Write atomically: a crash mid-write leaves the previous file intact."""
    path = Path(path)
    data = dumps(film).encode("utf-8")
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def json_schema() -> dict[str, Any]:
    """The JSON schema of the current spec version (published for tools and the farm API)."""
    return Film.model_json_schema()
