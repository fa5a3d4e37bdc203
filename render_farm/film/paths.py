"""Names that come from outside (a cast member's ``art``, a bundle entry, a storage key, a download
link) and become paths: the one check that keeps each inside its own folder.

:func:`checked_name` looks at the name alone and accepts only a plain relative path written with
``/``: no absolute path, drive letter or ``:``, no ``..``, ``.`` or empty part, no backslash, no
NUL or other control character, and no percent-encoded character (``%2e%2e%2f`` is how ``../``
slips past a check that runs before something decodes it). :func:`contained` then joins the name
to its folder and resolves it, so a symbolic link that leads out of the folder is refused too.
Every refusal is an :class:`UnsafePath` whose message names the name and says what is wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_NAME_CHARS = 512
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_PERCENT_RE = re.compile(r"%[0-9A-Fa-f]{2}")


class UnsafePath(ValueError):
    """A name that would not stay inside its folder; the message says why."""


def checked_name(name: str, *, inside: str = "its folder") -> str:
    """``name`` if it is a plain relative path that stays ``inside`` its folder (a trailing ``/`` is
    dropped); :class:`UnsafePath` otherwise. ``inside`` words the messages ("the bundle")."""
    shown = repr(name[:80])
    if not isinstance(name, str) or not name:
        raise UnsafePath(f"an empty name cannot be a path inside {inside}")
    if len(name) > MAX_NAME_CHARS:
        raise UnsafePath(f"{shown}... is longer than {MAX_NAME_CHARS} characters")
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise UnsafePath(f"{shown} has a NUL or other control character")
    if "\\" in name or name.startswith("/") or _DRIVE_RE.match(name) or ":" in name:
        raise UnsafePath(f"{shown} is an absolute or Windows path; use a relative path inside {inside} with /")
    if _PERCENT_RE.search(name):
        raise UnsafePath(f"{shown} has a percent-encoded character; write the name itself")
    parts = name.removesuffix("/").split("/")
    if any(part in {"", ".", ".."} for part in parts):
        raise UnsafePath(f"{shown} leaves {inside} or has empty parts ('..', '.', '//')")
    return "/".join(parts)


def contained(folder: Path, name: str, *, inside: str = "its folder") -> Path:
    """The path ``name`` gives inside ``folder``, resolved; :class:`UnsafePath` if the name is not
    :func:`checked_name`-clean or a symbolic link on the way leads out of the folder."""
    clean = checked_name(name, inside=inside)
    root = folder.resolve()
    path = (root / clean).resolve()
    if not path.is_relative_to(root) or path == root:
        raise UnsafePath(f"{name[:80]!r} leads out of {inside} through a symbolic link")
    return path
