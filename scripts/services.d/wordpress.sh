#!/usr/bin/env bash
# Real WordPress sites for the destination tests, on 127.0.0.1 only:
#   WordPress 6.5.5 (npm @wp-playground/wordpress-builds, accepts AVIF) with the companion plugin active, and
#   Debian's WordPress 6.1 (rejects AVIF) without it.
# Usage: wordpress.sh start|stop. `start` appends LUMASYNC_WP_* and LUMASYNC_WP61_* lines to "$LUMASYNC_TEST_ENV"
# (or prints them when that is unset). Built sites are cached (~/.cache/lumasync/wordpress), so a warm start
# copies a template and starts PHP's built-in server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="$ROOT/target/test-services/wordpress"
CACHE="${LUMASYNC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lumasync}"

# A template is rebuilt when the scripts that build it change.
template_for() {
    local variant="$1" hash
    hash=$( (echo "$variant"; cat "$ROOT"/scripts/wordpress/build-site.sh "$ROOT"/scripts/wordpress/install.php \
        "$ROOT"/scripts/wordpress/wp-config.php "$ROOT"/scripts/wordpress/router.php) | sha256sum | cut -c1-12)
    echo "$CACHE/wordpress/site-$variant-$hash"
}

free_port() {
    php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

start_site() {
    local variant="$1" prefix="$2" template site port pid
    template="$(template_for "$variant")"
    if [ ! -e "$template/.lumasync-credentials" ]; then
        echo "   building the WordPress $variant site template (once)"
        rm -rf "$CACHE/wordpress/site-$variant-"*
        mkdir -p "$CACHE/wordpress"
        bash "$ROOT/scripts/wordpress/build-site.sh" "$variant" "$template"
    fi
    site="$STATE/$variant"
    rm -rf "$site"; mkdir -p "$STATE"
    # WordPress never writes its own files: hard links make the copy instant. What a run changes (the database,
    # uploads) gets real copies. Another file system cannot hard-link: copy then.
    cp -al "$template" "$site" 2>/dev/null || { rm -rf "$site"; cp -a "$template" "$site"; }
    for d in wp-content/database wp-content/uploads; do
        rm -rf "${site:?}/$d"; cp -a "$template/$d" "$site/$d"
    done
    if [ "$variant" = "6.5" ]; then
        # The plugin zip as users get it, made from the working tree, so plugin changes need no rebuild.
        rm -rf "$site/wp-content/plugins/lumasync-companion"
        unzip -q "$(bash "$ROOT/scripts/wordpress/build-plugin-zip.sh" "$STATE/lumasync-companion.zip")" -d "$site/wp-content/plugins"
        # Test-only additions made per run, so the cached template (shared by every checkout) stays as built.
        mkdir -p "$site/wp-content/mu-plugins"
        cp "$ROOT/scripts/wordpress/test-site-rules.php" "$site/wp-content/mu-plugins/"
        LUMASYNC_WP_PORT=80 php -d display_errors=stderr "$ROOT/scripts/wordpress/add-test-author.php" "$site" >>"$site/.lumasync-extra"
    fi
    port="$(free_port)"
    # setsid: PHP's workers outlive a killed parent; a session of their own lets `stop` end them all.
    PHP_CLI_SERVER_WORKERS=4 setsid php -d upload_max_filesize=8M -d post_max_size=8M -d memory_limit=512M \
        -d display_errors=0 -d log_errors=1 -d error_log="$site/php-errors.log" \
        -S "127.0.0.1:$port" -t "$site" "$site/router.php" >"$site/server.log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$STATE/$variant.pid"
    for _ in $(seq 1 100); do
        if curl -fs -o /dev/null "http://127.0.0.1:$port/wp-json/"; then
            break
        fi
        kill -0 "$pid" 2>/dev/null || { echo "WordPress $variant did not start:" >&2; cat "$site/server.log" >&2; exit 1; }
        sleep 0.2
    done
    curl -fsS -o /dev/null "http://127.0.0.1:$port/wp-json/" || { echo "WordPress $variant does not answer on port $port." >&2; exit 1; }
    # shellcheck disable=SC1091
    . "$site/.lumasync-credentials"
    WP_AUTHOR_USER=""; WP_AUTHOR_PASSWORD=""
    # shellcheck disable=SC1091
    [ -e "$site/.lumasync-extra" ] && . "$site/.lumasync-extra"
    {
        echo "${prefix}_URL=http://127.0.0.1:$port"
        echo "${prefix}_USER=$WP_USER"
        echo "${prefix}_PASSWORD=$WP_PASSWORD"
        echo "${prefix}_ADMIN_PASSWORD=$WP_ADMIN_PASSWORD"
        echo "${prefix}_READER_USER=$WP_READER_USER"
        echo "${prefix}_READER_PASSWORD=$WP_READER_PASSWORD"
        echo "${prefix}_AUTHOR_USER=$WP_AUTHOR_USER"
        echo "${prefix}_AUTHOR_PASSWORD=$WP_AUTHOR_PASSWORD"
        echo "${prefix}_DIR=$site"
    } >>"${LUMASYNC_TEST_ENV:-/dev/stdout}"
    echo "   WordPress $variant on http://127.0.0.1:$port"
}

stop_site() {
    local pidfile="$STATE/$1.pid" pid
    [ -e "$pidfile" ] || return 0
    pid="$(cat "$pidfile")"
    # PHP's built-in server ends on SIGINT (as on Ctrl-C); its workers share the process group.
    kill -INT -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 25); do
        alive "$pid" || break
        sleep 0.2
    done
    alive "$pid" && kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

# True while a process of the group is running (a leader that exited may linger as a zombie of its new parent).
alive() {
    ps -o stat= -g "$1" 2>/dev/null | grep -qv '^Z'
}

case "${1:-}" in
    start)
        command -v php >/dev/null || { echo "PHP is missing: install the packages in scripts/apt.d/wordpress.txt." >&2; exit 2; }
        stop_site 6.5; stop_site 6.1
        start_site 6.5 LUMASYNC_WP
        start_site 6.1 LUMASYNC_WP61
        ;;
    stop)
        stop_site 6.5; stop_site 6.1
        ;;
    *)
        echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
