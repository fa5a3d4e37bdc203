"""The engine package as the desktop uses it: the film spec, the engine and every provider (they are
chosen by name from the settings at run time), never the farm service or the commands that start it
(``render_farm.cli``, ``render_farm.extras``). Its version comes from the ``aistudio``
distribution's metadata, so that metadata travels too, and so do the product's resources (icons,
stylesheet, palettes, samples), where :mod:`render_farm.resources` finds them in an installed
package."""

from PyInstaller.utils.hooks import collect_submodules, copy_metadata

from render_farm.resources import PACKAGED, root

_COMMANDS = ("render_farm.cli", "render_farm.extras")


def _desktop_side(name: str) -> bool:
    return not (name in _COMMANDS or name.startswith("render_farm.server"))


hiddenimports = collect_submodules("render_farm", filter=_desktop_side)
datas = [*copy_metadata("aistudio"), (str(root()), f"render_farm/{PACKAGED}")]
