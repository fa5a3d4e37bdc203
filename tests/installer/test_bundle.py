"""The Linux desktop bundle, built the way a release is (``python installer/build.py``), run as a user
would run it: its self-test makes a film offscreen and plays a sound, it carries QtMultimedia and the
product's resources but no other Qt module it does not use, no farm server code and no tests, and the
Linux package installs a menu entry and a working ``aistudio`` command.

Building takes a few minutes, so these tests are marked ``installer``: ``-m "not installer"`` skips
them locally; plain ``python -m pytest`` (CI) runs them.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import pkgutil
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import Distribution, version
from pathlib import Path
from types import ModuleType

import pytest

import aistudio_desktop

pytestmark = [
    pytest.mark.installer,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the tests build the Linux bundle"),
]

ROOT = Path(__file__).resolve().parents[2]


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("aistudio_installer_build", ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Build:
    dist: Path
    bundle: Path
    output: str


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One Linux bundle, built as a release is, shared by the tests of this module."""
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("pyinstaller-work")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "installer" / "build.py"),
            "--no-package",
            "--dist",
            str(dist),
            "--work",
            str(work),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"installer/build.py failed:\n{output[-6000:]}"
    return Build(dist=dist, bundle=dist / "aistudio", output=output)


def _user_env(home: Path) -> dict[str, str]:
    """The environment of a user whose home is ``home``, with no display (Qt runs offscreen)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("AISTUDIO_", "XDG_", "PYTHON"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def test_bundled_app_self_test_makes_a_film_that_decodes(build: Build, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(build.bundle / "aistudio"), "--self-test"],
        env=_user_env(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"the bundled self-test failed:\n{output[-4000:]}"
    assert re.search(r"\bfilm\b.*\bdecod|\bdecod\w*\b.*\bfilm\b", output, re.IGNORECASE | re.DOTALL), (
        f"the self-test did not say that its film decoded:\n{output[-4000:]}"
    )
    # this machine has an audio stack (libpulse0): the bundled QtMultimedia and its FFmpeg plugin play
    assert "sound playback)" in output and "no sound playback" not in output, output[-4000:]


def test_bundle_carries_qt_multimedia_and_no_unused_addons(build: Build) -> None:
    qt = build.bundle / "_internal" / "PySide6"
    assert list(qt.glob("QtMultimedia.*")), "QtMultimedia is not in the bundle"
    assert (qt / "Qt" / "plugins" / "multimedia" / "libffmpegmediaplugin.so").is_file()
    assert list((qt / "Qt" / "lib").glob("libavcodec.so.*")), "the FFmpeg plugin's libraries are missing"
    # (QtQuick and QtQml stay: the FFmpeg plugin links them)
    unused = ("WebEngine", "3D", "Charts", "DataVisualization", "Graphs", "Pdf", "MultimediaWidgets", "Designer",
              "Location", "Positioning", "Bluetooth", "Nfc", "RemoteObjects", "Scxml", "Sensors", "SerialPort",
              "SpatialAudio", "TextToSpeech", "VirtualKeyboard", "WebSockets", "WebChannel", "WebView")  # fmt: skip
    found = sorted(
        path.relative_to(build.bundle).as_posix()
        for path in qt.rglob("*")
        if path.is_file() and any(f"Qt{name}" in path.name or f"Qt6{name}" in path.name for name in unused)
    )
    assert found == [], f"Qt modules the app does not use are in the bundle: {found[:10]}"


def test_bundle_holds_the_engine_voices_and_fonts_but_no_farm_server_or_tests(build: Build) -> None:
    modules = set(_build_module().bundled_modules(build.bundle))
    assert {"aistudio_desktop.app", "render_farm.engine.scene", "render_farm.ai.offline.espeak"} <= modules
    desktop = {module.name for module in pkgutil.walk_packages(aistudio_desktop.__path__, "aistudio_desktop.")}
    assert sorted(desktop - modules) == [], "desktop modules missing from the bundle (the app imports some lazily)"
    server = sorted(name for name in modules if name == "render_farm.server" or name.startswith("render_farm.server."))
    tests = sorted(name for name in modules if name.split(".")[0] in {"tests", "pytest", "_pytest"})
    assert server == [], f"farm server modules in the bundle: {server[:5]}"
    assert tests == [], f"test modules in the bundle: {tests[:5]}"

    files = [path.relative_to(build.bundle).as_posix() for path in build.bundle.rglob("*")]
    assert not [path for path in files if "render_farm/server" in path]
    assert not [path for path in files if "/tests/" in f"/{path}/"]
    internal = build.bundle / "_internal"
    assert (internal / "espeakng_loader" / "libespeak-ng.so").is_file()
    assert (internal / "espeakng_loader" / "espeak-ng-data" / "phontab").is_file()
    assert (internal / "espeakng_loader" / "espeak-ng-data" / "en_dict").is_file()
    assert list((internal / "fontpkg_noto_sans" / "files").glob("NotoSans*.ttf"))
    assert (internal / "render_farm" / "_resources" / "themes" / "aistudio.qss").is_file()


def test_the_build_prints_the_bundle_size(build: Build) -> None:
    # A figure for the README, not a limit: wheels grow upstream, and what must stay out is checked above.
    installer = _build_module()
    printed = re.search(r"bundle .* is ([\d.]+) MB", build.output)
    assert printed, f"the build did not print the bundle's size:\n{build.output[-3000:]}"
    assert float(printed.group(1)) == pytest.approx(installer.bundle_size(build.bundle) / installer.MB, abs=0.1)


def test_bundle_carries_the_version_of_the_package_metadata(build: Build) -> None:
    # The About box asks importlib.metadata for the version; in the bundle it reads this copy.
    internal = build.bundle / "_internal"
    found = [*internal.glob("aistudio-*.dist-info/METADATA"), *internal.glob("aistudio.egg-info/PKG-INFO")]
    assert len(found) == 1, f"expected the aistudio metadata once in the bundle, found {found}"
    bundled = Distribution.at(found[0].parent)
    assert bundled.metadata["Name"] == "aistudio"
    assert bundled.version == version("aistudio")


def test_linux_package_installs_a_menu_entry_and_a_command_that_runs(build: Build, tmp_path: Path) -> None:
    # The tarball's folder, laid out from the very list the tarball is packed from (packing it
    # would only add a minute of compression to the test).
    unpacked = tmp_path / "aistudio-unpacked"
    unpacked.mkdir()
    for source, name in _build_module().linux_package_files(build.bundle):
        if source.is_dir():
            (unpacked / name).symlink_to(source, target_is_directory=True)
        else:
            shutil.copy2(source, unpacked / name)

    home = tmp_path / "home"
    home.mkdir()
    env = _user_env(home)
    subprocess.run(["sh", str(unpacked / "install.sh")], env=env, check=True, capture_output=True, timeout=120)

    data = home / ".local" / "share"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(data / "applications" / "aistudio.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "AI Studio"
    assert desktop["Type"] == "Application"
    program = Path(shlex.split(desktop["Exec"])[0])
    assert program == data / "aistudio" / "aistudio"
    assert not program.is_symlink() and (program.parent / "_internal").is_dir()
    assert (data / "icons" / "hicolor" / "512x512" / "apps" / f"{desktop['Icon']}.png").is_file()

    command = home / ".local" / "bin" / "aistudio"
    help_text = subprocess.run(
        [str(command), "--help"], env=env, capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert "--self-test" in help_text

    subprocess.run(["sh", str(unpacked / "uninstall.sh")], env=env, check=True, capture_output=True, timeout=120)
    assert not (data / "aistudio").exists()
    assert not command.exists() and not command.is_symlink()
    assert not (data / "applications" / "aistudio.desktop").exists()
