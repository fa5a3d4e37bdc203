#!/bin/sh
# Install AI Studio for this user from the unpacked tarball: the program goes to
# ~/.local/share/aistudio, the command to ~/.local/bin/aistudio, and the menu entry and icon
# where desktops look for them. Run it again to upgrade; uninstall.sh removes it all.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin

rm -rf "$data/aistudio"
mkdir -p "$data/aistudio" "$bin" "$data/applications" "$data/icons/hicolor/512x512/apps"
cp -R "$here/aistudio/." "$data/aistudio/"
ln -sf "$data/aistudio/aistudio" "$bin/aistudio"
sed "s|^Exec=aistudio|Exec=\"$data/aistudio/aistudio\"|" "$here/aistudio.desktop" > "$data/applications/aistudio.desktop"
cp "$here/aistudio.png" "$data/icons/hicolor/512x512/apps/aistudio.png"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$data/icons/hicolor" 2>/dev/null || true
echo "AI Studio is installed: find it in your applications menu, or run $bin/aistudio"
