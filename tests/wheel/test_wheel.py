"""The base package as a newcomer gets it: the wheel built from this checkout, installed with pip
into a fresh virtual environment with none of its extras. It reads the product's resources from
the installed package (not from the checkout), and the commands that start the desktop app or the
farm name the extra to install in one line instead of failing on an import.

The wheel is built and installed once for the module (about 25 s, most of it pip installing the
base dependencies).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class BaseInstall:
    venv: Path
    env: dict[str, str]

    def bin(self, name: str) -> Path:
        return self.venv / ("Scripts" if sys.platform == "win32" else "bin") / name

    def run(self, *argv: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(part) for part in argv],
            cwd=self.venv.parent,  # away from the checkout, so nothing is imported from it
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def _step(argv: list[str | Path], what: str, timeout: float) -> None:
    result = subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=timeout, check=False)
    assert result.returncode == 0, f"{what} failed:\n{(result.stdout + result.stderr)[-4000:]}"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> BaseInstall:
    work = tmp_path_factory.mktemp("base-install")
    wheels = work / "wheels"
    _step([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT], "building the wheel", 300)
    (wheel,) = wheels.glob("aistudio-*.whl")
    venv = work / "venv"
    _step([sys.executable, "-m", "venv", venv], "making a virtual environment", 120)
    python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    _step([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel], "pip install aistudio", 600)
    ours = ("PYTHON", "AISTUDIO_", "VIRTUAL_ENV")  # nothing of the test's own Python leaks in
    env = {key: value for key, value in os.environ.items() if not key.startswith(ours)}
    env.update(HOME=str(work / "home"), QT_QPA_PLATFORM="offscreen")
    return BaseInstall(venv=venv, env=env)


def test_the_installed_package_carries_every_resource_and_reads_it_from_itself(base: BaseInstall) -> None:
    names = sorted(p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file())
    script = (
        "import hashlib, json, sys, render_farm\n"
        "from render_farm import resources\n"
        "names = json.loads(sys.argv[1])\n"
        "print(json.dumps({'package': render_farm.__file__, 'root': str(resources.root()),\n"
        "    'digests': {n: hashlib.sha256(resources.read_bytes(n)).hexdigest() for n in names}}))\n"
    )
    result = base.run(base.bin("python"), "-c", script, json.dumps(names))
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert Path(found["package"]).is_relative_to(base.venv), "render_farm came from somewhere else than the wheel"
    assert Path(found["root"]).is_relative_to(base.venv) and Path(found["root"]).name == "_resources"
    assert found["digests"] == {n: hashlib.sha256((ROOT / "resources" / n).read_bytes()).hexdigest() for n in names}
    assert "themes/aistudio.qss" in names and "icons/aistudio.png" in names


def test_the_installed_package_reads_a_sample_premise_as_text(base: BaseInstall) -> None:
    script = "from render_farm import resources; print(resources.read_text('samples/premises.txt'))"
    result = base.run(base.bin("python"), "-c", script)
    assert result.returncode == 0, result.stderr
    assert "a shy robot learns to dance at the harvest festival" in result.stdout.splitlines()


@pytest.mark.parametrize(
    ("command", "extra"),
    [(["aistudio"], "desktop"), (["aistudio-desktop"], "desktop"), (["aistudio-farm", "up"], "farm")],
    ids=["aistudio", "aistudio-desktop", "aistudio-farm"],
)
def test_a_command_whose_extra_is_missing_names_it_in_one_line(
    base: BaseInstall, command: list[str], extra: str
) -> None:
    result = base.run(base.bin(command[0]), *command[1:])
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{command[0]}: ") and f'pip install "aistudio[{extra}]"' in lines[0]


def test_the_command_line_works_without_any_extra(base: BaseInstall, tmp_path: Path) -> None:
    out = tmp_path / "film.json"
    result = base.run(base.bin("aistudio"), "breakdown", "a tiny fox who is afraid of the dark", "-o", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["scenes"]
