"""The embedded broker: Kombu's ``filesystem://`` transport, with every message written whole.

Kombu's own transport creates a message file under its final name and only then writes it, so a
worker polling the folder can take the file while it is still empty and stop on the JSON. Here a
message is written under a name no consumer looks at and renamed into place once complete (a
rename within a folder is atomic), so consumers only ever see whole messages. Everything else,
including taking a message by renaming it away, is Kombu's.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from time import monotonic
from typing import Any

from kombu.exceptions import ChannelError
from kombu.transport import TRANSPORT_ALIASES, filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps

SCHEME = "farmfs"


class Channel(filesystem.Channel):
    def _put(self, queue: Any, payload: Any, **kwargs: Any) -> Any:  # type: ignore[override]  # (Kombu's own classes disagree on it)
        # The same name Kombu gives (time first: consumers take the oldest message first).
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        partial = os.path.join(self.data_folder_out, f".{name}.part")  # never matches "<queue>.msg"
        try:
            with open(partial, "wb") as file:
                file.write(str_to_bytes(dumps(payload)))
                file.flush()
                os.fsync(file.fileno())
            os.replace(partial, final)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.remove(partial)
            raise ChannelError(f"Cannot add file {final!r} to directory") from error


class Transport(filesystem.Transport):
    Channel = Channel


TRANSPORT_ALIASES.setdefault(SCHEME, f"{__name__}:Transport")


def broker_url(url: str) -> str:
    """The URL Celery connects with: ``filesystem://`` becomes this transport, others stay."""
    return SCHEME + url[len("filesystem") :] if url.startswith("filesystem://") else url
