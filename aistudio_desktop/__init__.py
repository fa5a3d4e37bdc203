"""The AI Studio desktop app (PySide6)."""
