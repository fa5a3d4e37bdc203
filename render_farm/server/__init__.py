"""The render farm service: settings, database, auth, services and the versioned REST API.

Layers (see shared/STYLE.md): ``api/`` routers parse and authorise, ``services/`` own the rules
inside one transaction, ``db/`` holds the models and migrations; workers call the same services.
"""
