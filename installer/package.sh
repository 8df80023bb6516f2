#!/usr/bin/env bash
# Builds the native app with jpackage: installer/package.sh <app-image|deb|rpm|dmg|msi>
# Needs target/dist (mvn -DskipTests package) and JDK 25's jpackage; deb needs fakeroot + dpkg-deb, rpm rpmbuild,
# dmg a Mac, msi Windows with WiX. Output: target/installer/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
type="${1:-app-image}"
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
dist="$root/target/dist"
work="$root/target/installer"
[ -f "$dist/lib/lumasync.jar" ] || { echo "No build in target/dist: run mvn -DskipTests package first." >&2; exit 2; }

# jpackage copies --input into the app: every class-path jar (not JavaFX: it is linked into the runtime as
# modules), the bundled libvips under native/, and the .desktop file for the Linux menu.
rm -rf "$work/input" && mkdir -p "$work/input"
find "$dist/lib" -maxdepth 1 -name '*.jar' -exec cp {} "$work/input/" \;
[ -d "$dist/lib/native" ] && cp -r "$dist/lib/native" "$work/input/native"
cp "$here/linux/lumasync.desktop" "$work/input/"
# Shell completion and the manual page, made by the built CLI from its own command tree.
JAVA_HOME="$jdk" "$dist/bin/lumasync" completion > "$work/input/lumasync.bash"
JAVA_HOME="$jdk" "$dist/bin/lumasync" manpage > "$work/input/lumasync.1"

case "$(uname -s)" in
  Linux) icon="$root/icons/generated/lumasync-256.png" ;;
  Darwin) icon="$root/icons/generated/lumasync.icns" ;;
  *) icon="$root/icons/generated/lumasync.ico" ;;
esac
common=(@"$here/common.args" --input "$work/input" --icon "$icon" --dest "$work")

if [ "$type" = app-image ]; then
    rm -rf "$work/Lumasync"
    "$jdk/bin/jpackage" --type app-image "${common[@]}" --module-path "$dist/lib/javafx"
    echo "$work/Lumasync"
    exit 0
fi

# Packages are made from the app image, so what CI smoke-tests is exactly what gets installed.
[ -d "$work/Lumasync" ] || "$0" app-image
case "$type" in
  deb) extra=(@"$here/linux/deb.args" --resource-dir "$here/linux/resources") ;;
  rpm) extra=(@"$here/linux/rpm.args") ;;
  dmg) extra=(@"$here/macos/dmg.args") ;;
  msi) extra=(@"$here/windows/msi.args") ;;
  *) echo "Unknown package type '$type': use app-image, deb, rpm, dmg or msi." >&2; exit 2 ;;
esac
"$jdk/bin/jpackage" --type "$type" --app-image "$work/Lumasync" --name Lumasync --app-version 0.1.0 \
    --vendor Lumasync --description "Compress images locally and keep them in sync with the places they are published." \
    --dest "$work" "${extra[@]}"
ls "$work"/*."$type"
