"""The settings file: the AI providers chosen in it (built-in by default, a hand-edited value that
makes no sense skipped), read without loading a single widget."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from memory_keyring import MemoryKeyring
from PySide6.QtCore import QSettings

from aistudio_desktop.settings import load_provider_settings
from aistudio_desktop.studio import default_providers
from render_farm.ai.offline.story import OfflineStoryWriter

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
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "AISTUDIO_CONFIG_DIR": str(config), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    env.pop("AISTUDIO_WRITER", None)
    done = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["writer"] == "OfflineStoryWriter"
    assert answer["loaded"] == []


def test_the_built_in_providers_are_the_default(os_keyring: MemoryKeyring, settings: QSettings) -> None:
    chosen = load_provider_settings(settings)
    assert (chosen.writer, chosen.designer, chosen.voice) == ("builtin", "builtin", "builtin")
    assert isinstance(default_providers().writer, OfflineStoryWriter)


def test_a_hand_edited_setting_that_makes_no_sense_is_skipped(os_keyring: MemoryKeyring, settings: QSettings) -> None:
    settings.setValue("providers/writer", "telepathy")
    settings.setValue("providers/chat_model", "mistral")
    settings.sync()
    chosen = load_provider_settings(settings)
    assert chosen.writer == "builtin" and chosen.chat_model == "mistral"
