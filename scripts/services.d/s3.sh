#!/usr/bin/env bash
# A real S3-compatible server for the S3 destination tests: S3Proxy (Maven Central, org.gaul:s3proxy) with a
# filesystem blob store, on 127.0.0.1, with SigV2/V4 authentication on. Run as its own process because its
# dependencies (Jetty 11, jclouds, a newer Guava) clash with the application's class path.
# Usage: s3.sh start|stop   (start appends LUMASYNC_S3_* lines to "$LUMASYNC_TEST_ENV" when it is set)
source "$(dirname "$0")/../lib.sh"
VERSION=2.6.0
DIR="$ROOT/target/test-services/s3"
PIDFILE="$DIR/pid"
ACCESS_KEY=lumasync-test
SECRET_KEY=lumasync-test-secret-0123456789
# Uploads above this are refused with EntityTooLarge, so the too-large case meets a real server refusal.
MAX_PUT=1048576

stop() {
    if [ -f "$PIDFILE" ]; then
        local pid; pid=$(cat "$PIDFILE")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        rm -f "$PIDFILE"
    fi
}

start() {
    select_jdk
    stop
    mkdir -p "$DIR"
    local jar="$DIR/s3proxy-$VERSION-jar-with-dependencies.jar"
    if [ ! -f "$jar" ]; then
        $(mvn_cmd) -B -q -ntp dependency:copy -Dartifact="org.gaul:s3proxy:$VERSION:jar:jar-with-dependencies" \
            -DoutputDirectory="$DIR" -Dmdep.overWriteIfNewer=true
    fi
    rm -rf "$DIR/data"; mkdir -p "$DIR/data"
    # The first free port from 18081 up (another checkout may run its own S3Proxy).
    local PORT="${LUMASYNC_S3_PORT:-18081}"
    while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
    cat > "$DIR/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ACCESS_KEY
s3proxy.credential=$SECRET_KEY
s3proxy.max-single-part-object-size=$MAX_PUT
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DIR/data
CONF
    setsid "$JAVA_HOME/bin/java" -jar "$jar" --properties "$DIR/s3proxy.conf" > "$DIR/log" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
    for _ in $(seq 1 120); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
            if [ -n "${LUMASYNC_TEST_ENV:-}" ]; then
                {
                    echo "LUMASYNC_S3_ENDPOINT=http://127.0.0.1:$PORT"
                    echo "LUMASYNC_S3_ACCESS_KEY=$ACCESS_KEY"
                    echo "LUMASYNC_S3_SECRET_KEY=$SECRET_KEY"
                    echo "LUMASYNC_S3_MAX_PUT=$MAX_PUT"
                } >> "$LUMASYNC_TEST_ENV"
            fi
            echo "S3Proxy $VERSION on http://127.0.0.1:$PORT"
            return 0
        fi
        if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then break; fi
        sleep 0.5
    done
    echo "S3Proxy did not start; its log:" >&2
    cat "$DIR/log" >&2
    stop
    return 1
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
