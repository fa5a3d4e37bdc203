"""Errors raised while reading or checking a film spec."""


class FilmSpecError(ValueError):
    """A film spec that cannot be used; the message names the field and says what is wrong."""
