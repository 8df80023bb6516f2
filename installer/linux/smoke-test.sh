#!/usr/bin/env bash
# CI smoke test of the Linux packaging: builds the app image and the .deb, installs the .deb with apt (so its
# declared dependencies are checked), starts the installed app under Xvfb, waits for its window, takes a
# screenshot, quits it with Ctrl+Q and checks it exited cleanly. Removes the package again unless --keep.
# Needs root (apt), the packages in scripts/apt.d/ui.txt, and target/dist (runs mvn package if missing).
# Output: target/installer/smoke/ (screenshot, app log). Prints the time from launch to first window.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
keep="${1:-}"
cd "$root"
out="$root/target/installer/smoke"
rm -rf "$out" && mkdir -p "$out"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

t0=$(date +%s)
[ -f target/dist/lib/lumasync.jar ] || mvn -B -q -ntp -DskipTests package
# SMOKE_REUSE=1 tests the packages already in target/installer (re-running after a fix to this script).
if [ "${SMOKE_REUSE:-0}" != 1 ] || ! ls target/installer/lumasync_*.deb >/dev/null 2>&1; then
    rm -f target/installer/lumasync_*.deb
    installer/package.sh app-image >/dev/null
    installer/package.sh deb >/dev/null
fi
deb="$root/$(cd "$root" && ls target/installer/lumasync_*.deb)"
t1=$(date +%s)
echo "packaging: $((t1 - t0)) s, $(du -h "$deb" | cut -f1) $deb"

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
# grep without -q below: under pipefail, a grep that stops at the first match can make the writer die of SIGPIPE.
dpkg-query -W -f='${Depends}\n' lumasync | tee "$out/depends.txt" | grep libgtk-3-0 >/dev/null
[ -x /opt/lumasync/bin/Lumasync ] || { echo "not installed at /opt/lumasync" >&2; exit 1; }
[ -f /usr/share/applications/lumasync.desktop ] || { echo "no menu entry" >&2; exit 1; }
grep -q 'complete -F' /usr/share/bash-completion/completions/lumasync || { echo "no shell completion" >&2; exit 1; }
lumasync --version | grep '^Lumasync' >/dev/null || { echo "no lumasync command on PATH" >&2; exit 1; }
zcat /usr/share/man/man1/lumasync.1.gz | grep '^\.TH LUMASYNC 1' >/dev/null || { echo "no manual page" >&2; exit 1; }

cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
    if [ "$keep" != "--keep" ]; then $SUDO dpkg -P lumasync >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
    export DISPLAY=:94
    Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 1
fi

home=$(mktemp -d)
start_ms=$(date +%s%3N)
LUMASYNC_HOME="$home/data" HOME="$home" dbus-run-session -- /opt/lumasync/bin/Lumasync >"$out/app.log" 2>&1 &
app_pid=$!
win=$(timeout 60 xdotool search --sync --onlyvisible --name '^Lumasync( — .+)?$' | head -1) || { echo "no window within 60 s" >&2; cat "$out/app.log" >&2; exit 1; }
shown_ms=$(date +%s%3N)
echo "installed app: first window after $((shown_ms - start_ms)) ms"
sleep 2
import -window root "$out/installed-app.png"
xdotool windowfocus --sync "$win" || true
xdotool key --clearmodifiers ctrl+q
for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then echo "the app did not quit on Ctrl+Q" >&2; exit 1; fi
wait "$app_pid" && rc=0 || rc=$?
app_pid=""
ls "$home"/hs_err_* >/dev/null 2>&1 && { echo "JVM crash log found" >&2; exit 1; }
[ "$rc" -eq 0 ] || { echo "exit code $rc" >&2; cat "$out/app.log" >&2; exit 1; }
echo "smoke test passed in $(( $(date +%s) - t0 )) s (screenshot: $out/installed-app.png)"
