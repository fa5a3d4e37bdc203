"""The settings file is read without loading a single widget: the studio and the provider
choices come from :mod:`aistudio_desktop.settings`, not from the dialog that edits them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

READ_SETTINGS = """
import json, sys
from aistudio_desktop.studio import default_providers
providers = default_providers()
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6.QtWidgets", "aistudio_desktop.widgets")))
print(json.dumps({"writer": type(providers.writer).__name__, "loaded": loaded}))
"""


def test_choosing_the_providers_from_the_settings_loads_no_widgets(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "desktop.ini").write_text("[providers]\nwriter=builtin\n")
    env = {**os.environ, "AISTUDIO_CONFIG_DIR": str(config), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("AISTUDIO_WRITER", None)
    done = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["writer"] == "OfflineStoryWriter"
    assert answer["loaded"] == []
