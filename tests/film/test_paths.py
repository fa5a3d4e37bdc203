"""The one check for names that become paths: whatever the name, the path it gives is inside its
folder or the name is refused with a message that says why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from render_farm.film.paths import UnsafePath, checked_name, contained

ATTACKS = {
    "/etc/passwd": "absolute",
    "//server/share/x": "absolute",
    "../secret": "leaves",
    "art/../../secret": "leaves",
    "art/./fox.png": "leaves",
    "art//fox.png": "leaves",
    "..": "leaves",
    "art\\..\\secret": "absolute or Windows",
    "C:/Windows/win.ini": "absolute or Windows",
    "c:secret": "absolute or Windows",
    "art/fox.png:hidden": "absolute or Windows",
    "%2e%2e/secret": "percent-encoded",
    "art%2f..%2fsecret": "percent-encoded",
    "%2E%2E%5Csecret": "percent-encoded",
    "art/fox\x00.png": "control character",
    "art/\nfox.png": "control character",
    "": "empty",
    "a" * 600: "longer than",
}


@pytest.mark.parametrize(("name", "reason"), ATTACKS.items())
def test_hostile_names_are_refused_with_the_reason(name: str, reason: str, tmp_path: Path) -> None:
    with pytest.raises(UnsafePath, match=reason):
        checked_name(name)
    with pytest.raises(UnsafePath):
        contained(tmp_path, name)


def test_plain_relative_names_are_kept() -> None:
    assert checked_name("art/fox.png") == "art/fox.png"
    assert checked_name("art/") == "art"
    assert checked_name("Ünïcode name 100%.png") == "Ünïcode name 100%.png"  # a lone % is no encoding
    assert checked_name("blobs/ab/abcdef") == "blobs/ab/abcdef"


def test_symbolic_links_leading_out_are_refused_and_those_staying_in_are_followed(tmp_path: Path) -> None:
    folder = tmp_path / "bundle"
    (folder / "art").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("private")
    (folder / "art" / "fox.png").write_bytes(b"png")
    (folder / "leak.png").symlink_to(tmp_path / "secret.txt")
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)
    (folder / "same.png").symlink_to(folder / "art" / "fox.png")
    for name in ["leak.png", "up/secret.txt", "up/bundle/art/fox.png/../../../secret.txt"]:
        with pytest.raises(UnsafePath):
            contained(folder, name)
    assert contained(folder, "same.png") == (folder / "art" / "fox.png").resolve()
    assert contained(folder, "art/new/file.png") == folder.resolve() / "art" / "new" / "file.png"


@settings(max_examples=300, deadline=None)
@given(
    name=st.lists(
        st.one_of(
            st.sampled_from(["..", ".", "", "/", "\\", "%2e", "%2f", "C:", "\x00", "art", "fox.png", "~", " "]),
            st.text(max_size=8),
        ),
        max_size=6,
    ).map("/".join)
)
def test_any_name_is_refused_or_stays_inside_its_folder(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.getbasetemp() / "contained-property"
    folder.mkdir(exist_ok=True)
    try:
        path = contained(folder, name)
    except UnsafePath as error:
        assert str(error)
        return
    assert path.is_relative_to(folder.resolve()) and path != folder.resolve()
    assert ".." not in Path(os.path.relpath(path, folder.resolve())).parts
