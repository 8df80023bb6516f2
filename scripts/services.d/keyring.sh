#!/usr/bin/env bash
# A real Secret Service for the keychain tests: gnome-keyring on the session bus that scripts/run-tests opened
# (dbus-run-session), unlocked with a throwaway password, its keyring files in a temporary folder so the user's own
# keyring is never touched. Usage: keyring.sh start|stop
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/target/test-services/keyring"
PIDFILE="$DIR/pid"

start() {
    if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
        echo "keyring: no D-Bus session bus; run the tests through scripts/run-tests (it opens one)." >&2
        exit 1
    fi
    command -v gnome-keyring-daemon >/dev/null || { echo "keyring: gnome-keyring is not installed (scripts/apt.d/auth.txt)." >&2; exit 1; }
    stop
    rm -rf "$DIR"; mkdir -p "$DIR/data"
    export XDG_DATA_HOME="$DIR/data"
    # --foreground keeps the pid ours to stop; the password on stdin creates and unlocks the "login" keyring.
    printf 'lumasync-test-keyring' | gnome-keyring-daemon --foreground --unlock --components=secrets \
        >"$DIR/out" 2>"$DIR/err" &
    echo $! > "$PIDFILE"
    for _ in $(seq 1 50); do
        grep -q '^GNOME_KEYRING_CONTROL=' "$DIR/out" 2>/dev/null && break
        sleep 0.1
    done
    if ! grep -q '^GNOME_KEYRING_CONTROL=' "$DIR/out"; then
        echo "keyring: gnome-keyring-daemon did not start:" >&2; cat "$DIR/err" >&2; exit 1
    fi
    # Wait until the Secret Service answers on the bus.
    for _ in $(seq 1 50); do
        if printf 'probe' | secret-tool store --label='lumasync probe' service lumasync-probe account probe 2>/dev/null; then
            secret-tool clear service lumasync-probe account probe || true
            break
        fi
        sleep 0.1
    done
    grep '^GNOME_KEYRING_CONTROL=' "$DIR/out" >> "$LUMASYNC_TEST_ENV"
    echo "LUMASYNC_TEST_KEYRING=1" >> "$LUMASYNC_TEST_ENV"
    echo "keyring: gnome-keyring-daemon pid $(cat "$PIDFILE"), Secret Service unlocked"
}

stop() {
    if [ -f "$PIDFILE" ]; then
        kill "$(cat "$PIDFILE")" 2>/dev/null || true
        rm -f "$PIDFILE"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
