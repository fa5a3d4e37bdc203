"""The installed commands that start an optional part of AI Studio, and the check that it is there.

The base package (``pip install aistudio``) holds the film spec, the engine, the providers and
the ``aistudio`` command line. The desktop app and the render farm run on the libraries of their
extras (``aistudio[desktop]``, ``aistudio[farm]``); started without them, a command says in one
line which extra to install and exits 2, instead of failing on an import.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from importlib import metadata

EXIT_USAGE = 2
PARTS = {"desktop": "the desktop app", "farm": "the render farm"}


def missing(extra: str) -> list[str]:
    """The distributions ``extra`` of the aistudio package needs that are not installed."""
    try:
        requirements = metadata.requires("aistudio") or []
    except metadata.PackageNotFoundError:  # a source tree that was never installed: nothing to check
        return []
    absent = []
    for requirement in requirements:
        spec, _, marker = requirement.partition(";")
        if re.search(rf"""extra\s*==\s*["']{re.escape(extra)}["']""", marker):
            name = re.split(r"[\s\[<>=!~;(]", spec.strip(), maxsplit=1)[0]  # PEP 508: the name comes first
            try:
                metadata.version(name)
            except metadata.PackageNotFoundError:
                absent.append(name)
    return absent


def extra_problem(extra: str, command: str) -> str:
    """'' when ``extra`` is installed, else the one line ``command`` prints about it."""
    absent = missing(extra)
    if not absent:
        return ""
    named = ", ".join(absent[:3]) + (f" and {len(absent) - 3} more" if len(absent) > 3 else "")
    return f'{command}: {PARTS[extra]} is not installed (no {named}): pip install "aistudio[{extra}]"'


def farm_main(argv: Sequence[str] | None = None) -> int:
    """``aistudio-farm``: the render farm's command, once the farm extra is there."""
    problem = extra_problem("farm", "aistudio-farm")
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    from .server.cli import main

    return main(argv)


def desktop_main(command: str = "aistudio-desktop") -> int:
    """The desktop app, once the desktop extra is there (``aistudio-desktop``, ``aistudio`` alone)."""
    problem = extra_problem("desktop", command)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    from aistudio_desktop.app import main

    return int(main())
