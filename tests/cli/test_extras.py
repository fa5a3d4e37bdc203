"""The commands that start the desktop app or the farm, with their extras installed (the test
environment has every extra; tests/wheel runs them in one that has none)."""

from __future__ import annotations

import pytest

from render_farm.extras import extra_problem, farm_main, missing


@pytest.mark.parametrize("extra", ["desktop", "farm"])
def test_an_installed_extra_is_found_whole(extra: str) -> None:
    assert missing(extra) == []
    assert extra_problem(extra, "aistudio") == ""


def test_aistudio_farm_hands_over_to_the_farm_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        farm_main(["--help"])
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    assert all(command in shown for command in ("up", "migrate", "api", "worker"))
