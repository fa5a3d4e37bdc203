"""Build the AI Studio desktop bundle for the platform this runs on, and package it.

    python installer/build.py                 # bundle + the platform's installer, into dist/
    python installer/build.py --no-package    # the bundle alone

The bundle is PyInstaller's one-folder build of ``installer/aistudio.spec``: ``dist/aistudio/``
on Linux and Windows, ``dist/AI Studio.app`` on macOS. The build prints the bundle's size (the
README keeps it as a benchmark figure) and fails when farm server code or tests found their way in.
Then it packages the bundle:

- Linux: ``dist/aistudio-VERSION-linux-ARCH.tar.gz`` (bundle, ``.desktop`` file, icon, install
  script), and an AppImage too when ``appimagetool`` is on the PATH or named by ``APPIMAGETOOL``;
- Windows: ``dist/aistudio-VERSION-windows-setup.exe`` with Inno Setup's ``iscc``;
- macOS: ``dist/aistudio-VERSION-macos.dmg`` with ``installer/macos/make_dmg.sh`` (signed and
  notarised when the ``APPLE_*`` variables are set).

It needs the app and PyInstaller installed: ``pip install ".[desktop,build]"``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
APP_ICON = ROOT / "resources" / "icons" / "aistudio.png"  # the one the app shows; .ico and .icns are in assets/
SPEC = INSTALLER / "aistudio.spec"
MB = 1_000_000

# Packages of the farm service and of the tests: none may be in the bundle.
FORBIDDEN_MODULES = ("render_farm.server", "render_farm.cli", "tests", "pytest", "fastapi", "celery", "boto3")


class BuildError(Exception):
    """A build step failed; the message says which and what to do."""


def app_version() -> str:
    try:
        return version("aistudio")
    except PackageNotFoundError:
        raise BuildError('AI Studio is not installed in this Python; run: pip install ".[desktop,build]"') from None


def bundle_path(dist: Path) -> Path:
    """Where PyInstaller puts the bundle for this platform."""
    return dist / "AI Studio.app" if sys.platform == "darwin" else dist / "aistudio"


def executable_path(bundle: Path) -> Path:
    """The app's executable inside ``bundle``."""
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / "aistudio"
    return bundle / ("aistudio.exe" if sys.platform == "win32" else "aistudio")


def bundle_size(bundle: Path) -> int:
    """Bytes of all the files in ``bundle``, each counted once (symbolic links count nothing)."""
    total = 0
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def bundled_modules(bundle: Path) -> list[str]:
    """Names of the Python modules frozen into the bundle's executable archive."""
    from PyInstaller.archive.readers import pkg_archive_contents

    return pkg_archive_contents(str(executable_path(bundle)), recursive=True)


def forbidden_content(bundle: Path) -> list[str]:
    """Farm server code and tests found in ``bundle``, as module names and file paths."""
    found = [
        name
        for name in bundled_modules(bundle)
        if any(name == forbidden or name.startswith(forbidden + ".") for forbidden in FORBIDDEN_MODULES)
    ]
    for path in bundle.rglob("*"):
        parts = path.relative_to(bundle).parts
        if "tests" in parts or ("render_farm" in parts and "server" in parts):
            found.append(path.relative_to(bundle).as_posix())
    return sorted(set(found))


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """Build the bundle into ``dist`` (PyInstaller's intermediate files go to ``work``)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError('PyInstaller is not installed; run: pip install ".[desktop,build]"') from None
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]  # fmt: skip
    print(f"build: PyInstaller {SPEC.relative_to(ROOT)} -> {dist}", flush=True)
    # Run from the work folder: from the repository root, a stale ``aistudio.egg-info`` left by an
    # editable install could stand in for the installed package's metadata.
    work.mkdir(parents=True, exist_ok=True)
    if subprocess.run(command, cwd=work, check=False).returncode != 0:
        raise BuildError("PyInstaller failed (its messages are above)")
    bundle = bundle_path(dist)
    if not executable_path(bundle).is_file():
        raise BuildError(f"PyInstaller finished but {executable_path(bundle)} is missing")
    return bundle


def check_bundle(bundle: Path) -> int:
    """Print the bundle's size; raise when it carries what it must not."""
    size = bundle_size(bundle)
    print(f"build: bundle {bundle} is {size / MB:.1f} MB", flush=True)
    found = forbidden_content(bundle)
    if found:
        raise BuildError("the bundle carries farm server code or tests: " + ", ".join(found[:10]))
    return size


# -- packaging ------------------------------------------------------------------------------------


def _machine() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine) if sys.platform != "darwin" else machine


def linux_package_files(bundle: Path) -> list[tuple[Path, str]]:
    """What the Linux tarball holds, as (source, name in the tarball's top folder)."""
    linux = INSTALLER / "linux"
    return [
        (bundle, "aistudio"),
        (linux / "aistudio.desktop", "aistudio.desktop"),
        (APP_ICON, "aistudio.png"),
        (linux / "install.sh", "install.sh"),
        (linux / "uninstall.sh", "uninstall.sh"),
    ]


def package_linux(bundle: Path, dist: Path, app_version: str) -> list[Path]:
    """A tarball with the bundle, the .desktop file, the icon and install/uninstall scripts; and an
    AppImage when appimagetool is available."""
    linux = INSTALLER / "linux"
    top = f"aistudio-{app_version}"
    tarball = dist / f"{top}-linux-{_machine()}.tar.gz"
    print(f"build: packing {tarball.name}", flush=True)
    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        for source, name in linux_package_files(bundle):
            archive.add(source, arcname=f"{top}/{name}")
    made = [tarball]

    tool = os.environ.get("APPIMAGETOOL") or shutil.which("appimagetool")
    if not tool:
        print("build: no appimagetool (set APPIMAGETOOL or put it on the PATH): AppImage skipped", flush=True)
        return made
    appdir = dist / "AIStudio.AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(bundle, appdir / "usr" / "lib" / "aistudio", symlinks=True)
    shutil.copy2(linux / "AppRun", appdir / "AppRun")
    (appdir / "AppRun").chmod(0o755)
    shutil.copy2(linux / "aistudio.desktop", appdir / "aistudio.desktop")
    shutil.copy2(APP_ICON, appdir / "aistudio.png")
    image = dist / f"aistudio-{app_version}-linux-{_machine()}.AppImage"
    environment = dict(os.environ, ARCH=_machine(), VERSION=app_version)
    # --appimage-extract-and-run: no FUSE needed on build machines
    command = [tool, "--appimage-extract-and-run", "--no-appstream", str(appdir), str(image)]
    if subprocess.run(command, env=environment, check=False).returncode != 0:
        raise BuildError("appimagetool failed (its messages are above)")
    shutil.rmtree(appdir)
    made.append(image)
    return made


def package_windows(bundle: Path, dist: Path, app_version: str) -> list[Path]:
    """The Inno Setup installer: Start-menu entry, optional desktop icon, uninstaller."""
    iscc = shutil.which("iscc") or next(
        (
            str(path)
            for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES"))
            if base and (path := Path(base) / "Inno Setup 6" / "ISCC.exe").is_file()
        ),
        None,
    )
    if not iscc:
        print("build: Inno Setup (iscc) not found: installer skipped; get it from https://jrsoftware.org", flush=True)
        return []
    command = [
        iscc, "/Q", f"/DAppVersion={app_version}", f"/DBundleDir={bundle}", f"/DOutputDir={dist}",
        f"/DIconFile={INSTALLER / 'assets' / 'aistudio.ico'}", str(INSTALLER / "windows" / "aistudio.iss"),
    ]  # fmt: skip
    if subprocess.run(command, check=False).returncode != 0:
        raise BuildError("Inno Setup failed (its messages are above)")
    return [dist / f"aistudio-{app_version}-windows-setup.exe"]


def package_macos(bundle: Path, dist: Path, app_version: str) -> list[Path]:
    """The disk image, signed and notarised when the APPLE_* variables are set."""
    image = dist / f"aistudio-{app_version}-macos.dmg"
    command = ["bash", str(INSTALLER / "macos" / "make_dmg.sh"), str(bundle), str(image)]
    if subprocess.run(command, check=False).returncode != 0:
        raise BuildError("make_dmg.sh failed (its messages are above)")
    return [image]


def package(bundle: Path, dist: Path, app_version: str) -> list[Path]:
    if sys.platform == "win32":
        return package_windows(bundle, dist, app_version)
    if sys.platform == "darwin":
        return package_macos(bundle, dist, app_version)
    return package_linux(bundle, dist, app_version)


def build(dist: Path, work: Path, *, packages: bool = True) -> Path:
    """Build, check and (unless ``packages`` is false) package; returns the bundle's path."""
    app = app_version()
    started = time.perf_counter()
    bundle = run_pyinstaller(dist, work)
    print(f"build: AI Studio {app} bundled in {time.perf_counter() - started:.0f} s", flush=True)
    check_bundle(bundle)
    if packages:
        for made in package(bundle, dist, app):
            print(f"build: {made} ({made.stat().st_size / MB:.1f} MB)", flush=True)
    print(f"build: done in {time.perf_counter() - started:.0f} s", flush=True)
    return bundle


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Build the AI Studio desktop bundle and installer for this platform.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--no-package", action="store_true", help="build and check the bundle, make no installer")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        build(args.dist.resolve(), args.work.resolve(), packages=not args.no_package)
    except BuildError as error:
        print(f"build: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
