#!/usr/bin/env bash
# Make the macOS disk image of AI Studio from the bundle PyInstaller built:
#
#   installer/macos/make_dmg.sh "dist/AI Studio.app" dist/aistudio-0.1.0-macos.dmg
#
# (installer/build.py runs this on macOS.) The image holds the app and a link to /Applications,
# so a user installs by dragging. Signing and notarisation run when these are set, and are
# skipped with a message when they are not (an unsigned app opens after a right-click > Open):
#
#   APPLE_SIGNING_IDENTITY  the "Developer ID Application: Name (TEAMID)" certificate, in the keychain
#   APPLE_ID                the Apple ID that notarises
#   APPLE_TEAM_ID           its team
#   APPLE_APP_PASSWORD      an app-specific password of that Apple ID (appleid.apple.com)
#
# The steps, for reference:
#   1. codesign every Mach-O file inside the app, then the app itself, with the hardened runtime
#      (--options runtime) and a secure timestamp, using installer/macos/entitlements.plist
#      (Python and Qt need to map unsigned executable memory and load the bundled libraries);
#   2. build the .dmg with hdiutil and sign it too;
#   3. xcrun notarytool submit --wait with the Apple ID, team and app password;
#   4. xcrun stapler staple, so the image opens offline, and spctl to check it is accepted.
set -euo pipefail

app=${1:?usage: make_dmg.sh PATH/TO/AI\ Studio.app OUTPUT.dmg}
dmg=${2:?usage: make_dmg.sh PATH/TO/AI\ Studio.app OUTPUT.dmg}
here=$(cd "$(dirname "$0")" && pwd)
entitlements="$here/entitlements.plist"

[ -d "$app" ] || { echo "make_dmg: no app bundle at $app" >&2; exit 1; }
command -v hdiutil >/dev/null || { echo "make_dmg: hdiutil not found: run this on macOS" >&2; exit 1; }

if [ -n "${APPLE_SIGNING_IDENTITY:-}" ]; then
    echo "make_dmg: signing with $APPLE_SIGNING_IDENTITY"
    # inside out: libraries and executables first, the app last
    find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
        while IFS= read -r -d '' file; do
            if file -b "$file" | grep -q 'Mach-O'; then
                codesign --force --timestamp --options runtime --entitlements "$entitlements" \
                    --sign "$APPLE_SIGNING_IDENTITY" "$file"
            fi
        done
    codesign --force --timestamp --options runtime --entitlements "$entitlements" \
        --sign "$APPLE_SIGNING_IDENTITY" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
else
    echo "make_dmg: APPLE_SIGNING_IDENTITY is not set: the app and the image are not signed"
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "AI Studio" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${APPLE_SIGNING_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$APPLE_SIGNING_IDENTITY" "$dmg"
fi

if [ -n "${APPLE_SIGNING_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] \
    && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    echo "make_dmg: notarising $dmg (this waits for Apple's answer)"
    xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
else
    echo "make_dmg: APPLE_ID, APPLE_TEAM_ID or APPLE_APP_PASSWORD is not set (or the app is unsigned):" \
        "notarisation skipped"
fi

echo "make_dmg: wrote $dmg"
