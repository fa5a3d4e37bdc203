"""``aistudio sheet``: every entry of a vocabulary in a style on one labelled contact sheet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from render_farm.cli import SHEETS, main
from render_farm.film import Kind


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "render_farm.cli", *args], capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("name", sorted(SHEETS))
def test_each_sheet_is_written_as_a_picture_in_the_style_asked(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{name}.png"
    assert main(["sheet", name, "--style", "pastel", "--width", "800", "-o", str(out)]) == 0
    picture = cv2.imread(str(out))
    assert picture is not None and picture.shape[1] == 800 and picture.shape[0] > 300
    assert picture.std() > 20, "there is something drawn on it"
    assert str(out) in capsys.readouterr().out


def test_the_kinds_sheet_has_a_labelled_cell_for_every_kind(tmp_path: Path) -> None:
    out = tmp_path / "kinds.png"
    assert main(["sheet", "kinds", "-o", str(out)]) == 0
    picture = cv2.cvtColor(cv2.imread(str(out)), cv2.COLOR_BGR2GRAY)
    columns, cell = 10, 160
    rows = -(-len(Kind) // columns)
    label_h = cell // 7
    title_h = 2 * label_h
    cell_h = int(cell * 1.12) + label_h
    assert picture.shape == (title_h + rows * cell_h + 6, columns * cell)
    for index in range(len(Kind)):
        r, c = divmod(index, columns)
        x0, y0 = c * cell, title_h + r * cell_h
        figure = picture[y0 : y0 + int(cell * 1.0), x0 : x0 + cell]
        label = picture[y0 + int(cell * 1.06) : y0 + cell_h, x0 : x0 + cell]
        assert (np.abs(figure.astype(int) - int(np.median(figure))) > 60).sum() > 300, f"cell {index}: a figure"
        assert (label < 110).sum() > 20, f"cell {index}: a label"


def test_an_unknown_sheet_or_a_bad_width_is_refused_in_one_line(tmp_path: Path) -> None:
    for args, needle in ((["sheet", "dogs"], "invalid choice"), (["sheet", "kinds", "--width", "12"], "400 to 6000")):
        result = run(*args)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert needle in result.stderr.strip().splitlines()[-1]
    result = run("sheet", "ages", "-o", str(tmp_path / "missing" / "ages.png"))
    assert result.returncode == 2 and "does not exist" in result.stderr and "Traceback" not in result.stderr
