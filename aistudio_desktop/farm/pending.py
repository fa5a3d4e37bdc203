"""Render submissions still waiting for the farm's answer, kept in the app's settings.

Each is saved (and synced to disk) before its request goes out, with its idempotency key, and
removed once the farm has answered for certain: a crash or a lost answer in between leaves it
here, and sending it again with the same key gives the same render, charged once.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from PySide6.QtCore import QSettings

from aistudio_desktop.farm.records import Submission


class PendingSubmissions:
    """The waiting submissions for one farm, one per local project."""

    def __init__(self, settings: QSettings, farm_url: str) -> None:
        self.settings = settings
        self.group = f"farm/pending/{hashlib.sha256(farm_url.encode()).hexdigest()[:16]}"

    def get(self, local_project_id: str) -> tuple[Submission, str] | None:
        """The waiting submission of this project and its film's title."""
        text = str(self.settings.value(f"{self.group}/{local_project_id}", "") or "")
        try:
            data = json.loads(text) if text else None
            if not isinstance(data, dict):
                return None
            title = str(data.pop("film_title", ""))
            return Submission(**data), title
        except (ValueError, TypeError):
            return None  # unreadable: as if none were waiting

    def keep(self, local_project_id: str, submission: Submission, title: str) -> None:
        self.settings.setValue(
            f"{self.group}/{local_project_id}", json.dumps({**asdict(submission), "film_title": title})
        )
        self.settings.sync()  # on disk before the request goes out

    def drop(self, local_project_id: str, submission: Submission) -> None:
        kept = self.get(local_project_id)
        if kept is not None and kept[0].key == submission.key:
            self.settings.remove(f"{self.group}/{local_project_id}")
            self.settings.sync()

    def projects(self) -> list[str]:
        self.settings.beginGroup(self.group)
        try:
            return list(self.settings.childKeys())
        finally:
            self.settings.endGroup()
