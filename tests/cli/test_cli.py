"""The ``aistudio`` command as a user runs it: one-line errors, and a whole film made offline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import av
import pytest

from render_farm.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "render_farm.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if line.startswith("aistudio")]
    assert lines and needle in lines[-1], result.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["make", "   "], "prompt is empty"),
        (["make", "a robot", "--style", "vaporwave"], "unknown style 'vaporwave'"),
        (["make", "a robot", "--length", "0"], "outside the lengths"),
        (["make", "a robot", "--length", "10800"], "outside the lengths"),
        (["make", "a robot", "-o", "/nonexistent-folder/film.mp4"], "does not exist"),
    ],
)
def test_bad_input_gets_one_line_and_nonzero_exit(args: list[str], needle: str) -> None:
    assert_one_line_error(run(*args), needle)


def test_broken_spec_json_names_the_problem(tmp_path: Path) -> None:
    spec = tmp_path / "broken.json"
    spec.write_text('{"schema_version": 2, "title": "x", "scenes": [')
    assert_one_line_error(run("render", str(spec)), "not valid JSON")


def test_invalid_spec_names_the_field(tmp_path: Path) -> None:
    spec = tmp_path / "bad.json"
    spec.write_text(
        json.dumps({"schema_version": 2, "title": "x", "scenes": [{"id": "a", "number": 1, "duration": -3}]})
    )
    assert_one_line_error(
        run("frame", str(spec), "--scene", "1", "--at", "0", "-o", str(tmp_path / "f.png")), "scenes[0].duration"
    )


def test_an_output_inside_a_file_is_refused_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    for command in (["breakdown", "a fox finds a key"], ["make", "a fox finds a key", "--length", "15"]):
        result = run(*command, "-o", str(tmp_path / "notes.txt" / "film.out"))
        assert_one_line_error(result, "cannot write")
    assert list(tmp_path.iterdir()) == [tmp_path / "notes.txt"]


def test_unwritable_output_is_refused_before_any_work(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run("breakdown", "a fox finds a key", "-o", str(locked / "film.json"))
        if result.returncode == 0:  # root ignores folder permissions
            pytest.skip("running as root: permissions are not enforced")
        assert_one_line_error(result, "cannot write")
    finally:
        locked.chmod(0o700)


def test_steps_one_by_one_with_a_hand_edit_between(tmp_path: Path) -> None:
    spec = tmp_path / "film.json"
    assert main(["breakdown", "a brave little mouse sails to the moon", "--length", "30", "-o", str(spec)]) == 0
    doc = json.loads(spec.read_text())
    doc["scenes"][0]["title"] = "Edited by hand"
    spec.write_text(json.dumps(doc))
    assert main(["cast", str(spec)]) == 0
    assert all(member["design"] for member in json.loads(spec.read_text())["cast"])
    assert (tmp_path / "film-cast.png").stat().st_size > 10_000
    frame = tmp_path / "frame.png"
    assert main(["frame", str(spec), "--scene", "1", "--at", "2.5", "-o", str(frame), "--preset", "preview"]) == 0
    assert frame.stat().st_size > 10_000


@pytest.mark.slow
def test_make_produces_a_film_with_picture_and_sound(tmp_path: Path) -> None:
    out = tmp_path / "film.mp4"
    result = run(
        "make",
        "a shy robot learns to dance at the harvest festival",
        "--length",
        "20",
        "--preset",
        "preview",
        "-o",
        str(out),
        "--cache-dir",
        str(tmp_path / "cache"),
    )
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and "film.json" in result.stdout and "film-cast.png" in result.stdout
    with av.open(str(out)) as container:
        assert container.streams.video and container.streams.audio
        frames = sum(1 for _ in container.decode(video=0))
    assert frames > 15 * 12
