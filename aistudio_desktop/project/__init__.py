"""The open project: the film document, the undo commands and the pure edits they are built from,
the local project store and the autosave writer that keeps it up to date."""
