"""The AI Studio desktop app (PySide6).

``app`` starts it; ``main_window`` and ``studio`` tie together the packages: ``project`` (the
film document, undo commands, edits, store, autosave), ``preview`` (what renders and plays on this
machine), ``widgets`` (views and dialogs) and ``farm`` (the render farm client and its windows).
``settings`` reads the settings file without loading any widget.
"""
