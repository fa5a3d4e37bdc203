"""The farm client is plain Python: using it (and the tokens and records it returns) loads no Qt,
so the command line or a script can talk to a farm the way the app does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

USE_THE_CLIENT = """
import json, sys
from aistudio_desktop.farm.client import FarmClient, FarmUnreachable
from aistudio_desktop.farm.tokens import SessionTokens
client = FarmClient("http://127.0.0.1:9", SessionTokens())  # nothing listens on the discard port
try:
    client.sign_in("maker@example.com", "a password")
    said = ""
except FarmUnreachable as error:
    said = str(error)
qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
print(json.dumps({"signed_in": client.tokens is not None, "said": said, "qt": qt}))
"""


def test_the_farm_client_loads_no_qt() -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    done = subprocess.run(
        [sys.executable, "-c", USE_THE_CLIENT], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["said"].startswith("Cannot reach the farm at http://127.0.0.1:9: nothing answers at that address")
    assert "Error" not in answer["said"] and not answer["signed_in"]
    assert answer["qt"] == []
