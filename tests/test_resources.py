"""The product's resources, read through render_farm.resources (the installed wheel's copy is
checked in tests/wheel)."""

from __future__ import annotations

import json

import pytest

from render_farm import resources


def test_a_resource_is_read_by_its_path_in_the_resources_folder() -> None:
    assert resources.read_bytes("icons/aistudio.png").startswith(b"\x89PNG\r\n\x1a\n")
    assert "QGroupBox" in resources.read_text("themes/aistudio.qss")
    light, dark = (json.loads(resources.read_text(f"themes/{name}.json")) for name in ("light", "dark"))
    assert light.keys() == dark.keys() and "Window" in light


def test_a_resource_that_is_not_there_is_named_in_the_error() -> None:
    with pytest.raises(FileNotFoundError, match=r"themes/missing\.qss"):
        resources.read_text("themes/missing.qss")
