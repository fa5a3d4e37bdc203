"""Errors raised by the engine."""


class RenderError(RuntimeError):
    """A render that could not finish; the message says why and what the user can do."""
