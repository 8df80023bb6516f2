#!/usr/bin/env bash
# Makes every icon file from icons/lumasync.svg: PNGs (16–1024 px), a Windows .ico, a macOS .icns, and the two
# PNGs the app loads at run time (window icon, tray icon). Needs librsvg2-bin, imagemagick and icnsutils
# (scripts/apt.d/ui.txt). Run it after editing the SVG and commit the results.
set -euo pipefail
cd "$(dirname "$0")"
out=generated
mkdir -p "$out"
for s in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert -w "$s" -h "$s" lumasync.svg -o "$out/lumasync-$s.png"
done
# ImageMagick 6 (Debian 12) is /usr/bin/convert; ImageMagick 7 calls it magick.
im=$(command -v magick || echo /usr/bin/convert)
"$im" "$out"/lumasync-{16,24,32,48,64,128,256}.png "$out/lumasync.ico"
png2icns "$out/lumasync.icns" "$out"/lumasync-{16,32,48,128,256,512,1024}.png >/dev/null
res=../src/main/resources/io/lumasync/ui
cp "$out/lumasync-64.png" "$res/icon-64.png"
cp "$out/lumasync-256.png" "$res/icon-256.png"
echo "icons written to icons/$out and $res"
