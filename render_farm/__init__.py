"""AI Studio's rendering library: the film spec, the engine and the AI providers.

The farm service and the desktop app both build on this package; nothing in
``film``, ``engine`` or ``ai`` imports the service parts or Qt.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("aistudio")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
