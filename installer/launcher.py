"""What the bundled ``aistudio`` executable runs: the desktop app's entry point."""

import sys

from aistudio_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
