"""Render workers: the Celery app, the scene and assembly tasks, and the dispatcher that relays
the outbox and reaps stalled tasks."""
