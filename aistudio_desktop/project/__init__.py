"""The open project: the film document, the undo commands and the pure edits they are built from
(with the timing and staging rules every edit keeps), the local project store and the autosave
writer that keeps it up to date."""
