"""espeak-ng for the built-in voice: the one shared library this platform loads, and its voice data.

``espeakng_loader`` finds both next to its own ``__init__``, so they go into an ``espeakng_loader``
folder of the bundle. The wheel's versioned copies of the library (``.so.1``, ``.so.1.52.0``) are
left out: the loader only ever opens the unversioned name.
"""

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, get_module_file_attribute

_package = Path(get_module_file_attribute("espeakng_loader")).parent
_library = next(
    (
        path
        for name in ("espeak-ng.dll", "libespeak-ng.dylib", "libespeak-ng.so")
        if (path := _package / name).is_file()
    ),
    None,
)
if _library is None:
    raise SystemExit(f"espeakng_loader at {_package} has no espeak-ng library for this platform")

binaries = [(str(_library), "espeakng_loader")]
datas = collect_data_files("espeakng_loader", subdir="espeak-ng-data")
