"""Every module of the desktop app, including those it imports lazily (dialogs, optional playback)."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("aistudio_desktop")
