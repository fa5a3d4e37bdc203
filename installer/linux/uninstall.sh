#!/bin/sh
# Remove what install.sh installed. Projects and renders (in your data and cache folders) stay.
set -eu
data=${XDG_DATA_HOME:-$HOME/.local/share}
rm -rf "$data/aistudio"
rm -f "$HOME/.local/bin/aistudio" "$data/applications/aistudio.desktop" "$data/icons/hicolor/512x512/apps/aistudio.png"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "AI Studio is uninstalled"
