#!/usr/bin/env bash
# Builds an installed WordPress test site (SQLite, application passwords minted) into a template folder that
# scripts/services.d/wordpress.sh copies for each run. Usage: build-site.sh 6.5|6.1 TEMPLATE_DIR
#   6.5: WordPress 6.5.5 from the npm package @wp-playground/wordpress-builds (accepts AVIF), with the companion
#        plugin active.
#   6.1: Debian's own `wordpress` package (6.1.x, rejects AVIF), without the companion plugin.
# Nothing is fetched from wordpress.org: WordPress and the SQLite plugin come from npm and apt.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VARIANT="$1"
TEMPLATE="$2"
BUILDS_VERSION=0.9.19
CACHE="${LUMASYNC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lumasync}"
BUILDS="$CACHE/wordpress-builds-$BUILDS_VERSION"

# The npm package once (158 MB), unpacked once: only the parts the sites use.
if [ ! -e "$BUILDS/.complete" ]; then
    mkdir -p "$CACHE"
    tgz="$CACHE/wp-playground-wordpress-builds-$BUILDS_VERSION.tgz"
    if [ ! -s "$tgz" ]; then
        (cd "$CACHE" && npm pack --silent "@wp-playground/wordpress-builds@$BUILDS_VERSION" >/dev/null)
    fi
    rm -rf "$BUILDS"; mkdir -p "$BUILDS"
    tar -xzf "$tgz" -C "$BUILDS" --strip-components=1 \
        package/src/wordpress/wp-6.5.zip \
        package/src/sqlite-database-integration/sqlite-database-integration.zip \
        package/public/wp-6.5
    touch "$BUILDS/.complete"
fi

WORK="$TEMPLATE.partial"
rm -rf "$WORK"; mkdir -p "$WORK"
case "$VARIANT" in
    6.5)
        unzip -q "$BUILDS/src/wordpress/wp-6.5.zip" -d "$WORK"
        # The playground build moved css/js/images out of the zip; wp-admin needs them back.
        cp -rn "$BUILDS/public/wp-6.5/." "$WORK/"
        rm -f "$WORK/wp-content/database/.ht.sqlite" "$WORK/wordpress-remote-asset-paths"
        PLUGINS="sqlite-database-integration/load.php,lumasync-companion/lumasync-companion.php"
        ;;
    6.1)
        [ -d /usr/share/wordpress ] || { echo "Debian's wordpress package is missing (scripts/apt.d/wordpress.txt)." >&2; exit 2; }
        cp -rL /usr/share/wordpress/. "$WORK/"
        rm -f "$WORK/.htaccess"
        PLUGINS="sqlite-database-integration/load.php"
        ;;
    *) echo "usage: $0 6.5|6.1 TEMPLATE_DIR" >&2; exit 2 ;;
esac

rm -f "$WORK/wp-config.php"
cp "$HERE/wp-config.php" "$HERE/router.php" "$WORK/"
php -r 'foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) { echo "<?php define(\"$k\", \"" . bin2hex(random_bytes(32)) . "\");\n"; }' \
    | awk 'NR==1{print; next}{sub(/^<\?php /,""); print}' > "$WORK/wp-salts.php"

# SQLite instead of MySQL: the plugin plus its db.php drop-in.
mkdir -p "$WORK/wp-content/plugins" "$WORK/wp-content/database" "$WORK/wp-content/uploads"
unzip -q "$BUILDS/src/sqlite-database-integration/sqlite-database-integration.zip" -d "$WORK/wp-content/plugins"
mv "$WORK/wp-content/plugins/sqlite-database-integration-main" "$WORK/wp-content/plugins/sqlite-database-integration"
sed -e "s#{SQLITE_IMPLEMENTATION_FOLDER_PATH}#__missing__#" -e "s#{SQLITE_PLUGIN}#sqlite-database-integration/load.php#" \
    "$WORK/wp-content/plugins/sqlite-database-integration/db.copy" > "$WORK/wp-content/db.php"

ADMIN_PASSWORD="$(php -r 'echo bin2hex(random_bytes(12));')"
LUMASYNC_WP_PORT=80 php -d display_errors=stderr "$HERE/install.php" "$WORK" "$ADMIN_PASSWORD" "$PLUGINS" > "$WORK/.lumasync-credentials"
grep -q '^WP_PASSWORD=' "$WORK/.lumasync-credentials" || { echo "WordPress $VARIANT did not install." >&2; exit 1; }

rm -rf "$TEMPLATE"; mv "$WORK" "$TEMPLATE"
