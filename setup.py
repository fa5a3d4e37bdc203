"""Packaging beyond pyproject.toml: the top-level ``resources/`` folder goes into the package as
``render_farm/_resources``, where :mod:`render_farm.resources` reads it once installed.

(setuptools' own package data only takes files inside a package's folder.)
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's resources/ itself
            return
        for path in sorted(RESOURCES.rglob("*")):
            if path.is_file():
                target = Path(self.build_lib, "render_farm", "_resources", path.relative_to(RESOURCES))
                self.mkpath(str(target.parent))
                self.copy_file(str(path), str(target))


setup(cmdclass={"build_py": BuildWithResources})
