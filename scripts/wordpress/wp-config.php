<?php
// wp-config.php of the test sites made by scripts/wordpress/build-site.sh: SQLite (no database server), served
// by `php -S` on 127.0.0.1. The address follows the port the site is served on, so one built template serves
// any port.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', '' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8' );
define( 'DB_COLLATE', '' );
define( 'DB_DIR', __DIR__ . '/wp-content/database/' );
define( 'DB_FILE', '.ht.sqlite' );

require __DIR__ . '/wp-salts.php';
$table_prefix = 'wp_';

// Application passwords over plain http need a 'local' environment; 'development' is not enough. Requests under
// /as-production/ (see router.php) see a production site, where WordPress ignores them over http: the tests check
// what Lumasync says then.
$lumasync_production = defined( 'LUMASYNC_AS_PRODUCTION' );
define( 'WP_ENVIRONMENT_TYPE', $lumasync_production ? 'production' : 'local' );
// Nothing leaves the machine: no cron calls to itself, no update checks.
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'FS_METHOD', 'direct' );
define( 'WP_DEBUG', false );

$lumasync_port = getenv( 'LUMASYNC_WP_PORT' ) ?: ( $_SERVER['SERVER_PORT'] ?? '80' );
define( 'WP_HOME', 'http://127.0.0.1:' . $lumasync_port . ( $lumasync_production ? '/as-production' : '' ) );
define( 'WP_SITEURL', WP_HOME );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
