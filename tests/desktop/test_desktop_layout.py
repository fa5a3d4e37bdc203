"""The desktop's house rules that a file listing can check: packages, not prefixes, and one way
of importing the desktop's own modules."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import aistudio_desktop

DESKTOP = Path(aistudio_desktop.__file__).parent


def _words(name: str) -> set[str]:
    """The words of a package's name, each also without a plural s (``widgets`` -> ``widget``)."""
    words = set(name.split("_"))
    return words | {word.removesuffix("s") for word in words}


def _packages() -> list[Path]:
    return sorted(path.parent for path in DESKTOP.rglob("__init__.py"))


def _modules(package: Path) -> list[str]:
    return sorted(path.stem for path in package.glob("*.py") if path.name != "__init__.py")


def prefix_offenders(package: Path) -> list[str]:
    """Modules whose first word is the name of their own package or of a package beside them."""
    names = {package.name} | {sub.name for sub in package.iterdir() if (sub / "__init__.py").is_file()}
    taken = set().union(*(_words(name) for name in names))
    return [module for module in _modules(package) if _words(module.split("_")[0]) & taken]


def test_no_module_carries_its_package_name_or_a_neighbouring_package_name() -> None:
    offenders = {
        str(package.relative_to(DESKTOP.parent)): found
        for package in _packages()
        if (found := prefix_offenders(package))
    }
    assert offenders == {}, "name these modules without the prefix (farm/client.py, not farm/farm_client.py)"


def test_the_rule_catches_a_prefixed_module(tmp_path: Path) -> None:
    farm = tmp_path / "desktop" / "farm"
    farm.mkdir(parents=True)
    for path in (farm.parent / "__init__.py", farm / "__init__.py", farm / "client.py", farm / "farm_panel.py"):
        path.touch()
    (farm.parent / "farm_menu.py").touch()
    (farm.parent / "desktop_tools.py").touch()
    (farm.parent / "farmhouse.py").touch()  # one word that only begins like the package: fine
    assert prefix_offenders(farm) == ["farm_panel"]
    assert prefix_offenders(farm.parent) == ["desktop_tools", "farm_menu"]


def test_no_three_modules_of_a_package_share_a_prefix() -> None:
    shared = {
        f"{package.relative_to(DESKTOP.parent)}/{prefix}_*": count
        for package in _packages()
        for prefix, count in Counter(m.split("_")[0] for m in _modules(package) if "_" in m).items()
        if count >= 3
    }
    assert shared == {}, "modules that share a prefix want to be a package"


def test_the_desktop_imports_its_own_modules_absolutely() -> None:
    relative = [
        f"{path.relative_to(DESKTOP.parent)}:{node.lineno}"
        for path in sorted(DESKTOP.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(), str(path)))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert relative == []
