"""The product's non-code assets, read from one place: icons, the desktop's stylesheet and
palettes, sample premises and stories (the repository's top-level ``resources/`` folder).

Names are paths inside that folder with ``/`` between parts (``"themes/aistudio.qss"``). An
installed package (a wheel, the desktop bundle) carries the folder as ``render_farm/_resources``
(``setup.py`` copies it there); a source checkout reads the checkout's own ``resources/``.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["read_bytes", "read_text", "root"]

PACKAGED = "_resources"  # the folder's name inside the installed package


def root() -> Traversable:
    """The resources folder of this installation."""
    packaged = files("render_farm").joinpath(PACKAGED)
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"AI Studio's resources are missing from this installation (no {packaged}); reinstall it")


def _resource(name: str) -> Traversable:
    item = root().joinpath(*name.split("/"))
    if not item.is_file():
        raise FileNotFoundError(f"AI Studio has no resource {name!r}")
    return item


def read_text(name: str) -> str:
    """The UTF-8 text of resource ``name``."""
    return _resource(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    """The bytes of resource ``name`` (icons, pictures)."""
    return _resource(name).read_bytes()
