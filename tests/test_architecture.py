"""The import rules of DESIGN.md, held by tools: the import-linter contracts in pyproject.toml
(the layers, what the core never imports, no import loops in render_farm) and the one import
convention inside render_farm."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_contracts_in_pyproject_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    assert {c["id"] for c in contracts} >= {
        "layers",
        "pure-core",
        "desktop-without-farm",
        "farm-without-desktop",
        "no-loops",
    }
    exit_code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert exit_code == 0, report
    assert f"Contracts: {len(contracts)} kept, 0 broken." in report, report


def test_render_farm_imports_its_own_package_relatively_and_the_rest_by_full_name() -> None:
    # ruff (TID252) forbids `from ..x`; this holds the other half: a module's own package is `.x`.
    found = []
    for path in sorted((ROOT / "render_farm").rglob("*.py")):
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = [node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0]
        for node in imports:
            if node.module and (node.module == package or node.module.startswith(package + ".")):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} from {node.module}")
    assert found == [], "write these as `from .name import ...`:\n" + "\n".join(found)
