"""Alembic migrations of the farm database (``env.py`` plus ``versions/``)."""
