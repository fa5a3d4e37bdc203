"""Every module of the desktop app and of its packages (project, preview, widgets, farm), including
those it imports lazily (dialogs, optional playback)."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("aistudio_desktop")
