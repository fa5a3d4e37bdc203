"""The ids the built-in story writers give cast members and scenes, made from their names."""

from __future__ import annotations

import re


def slug(text: str) -> str:
    """A lower-case id of at most 40 characters (a-z, 0-9 and -) for ``text``; "x" when none is left."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return value[:40].strip("-") or "x"
