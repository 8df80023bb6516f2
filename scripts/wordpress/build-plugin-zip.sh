#!/usr/bin/env bash
# Packs the companion plugin as the zip a user uploads in wp-admin (Plugins → Add New → Upload Plugin).
# Usage: build-plugin-zip.sh [OUT.zip]   (default: target/lumasync-companion.zip). Maven packs the same zip into
# the app's classpath, from which the app saves it for the user.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/target/lumasync-companion.zip}")"
mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
cd "$ROOT/installer/wordpress-plugin"
zip -qr -X "$OUT" lumasync-companion
echo "$OUT"
