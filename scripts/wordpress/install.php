<?php
// Installs WordPress in the site folder given as first argument (php install.php SITE_DIR ADMIN_PASSWORD
// PLUGINS), mints application passwords and prints them as KEY=VALUE lines. There is no WP-CLI in Debian 12, so
// this does what `wp core install` would.
[ , $site, $admin_password, $plugins ] = $argv;

// No mail server here: wp_install() would try to mail the admin.
$GLOBALS['wp_filter'] = array(
	'pre_wp_mail' => array( 10 => array( array( 'function' => '__return_false', 'accepted_args' => 1 ) ) ),
);
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$result = wp_install( 'Lumasync test site', 'admin', 'admin@example.invalid', false, '', wp_slash( $admin_password ) );
if ( is_wp_error( $result ) ) {
	fwrite( STDERR, 'wp_install failed: ' . $result->get_error_message() . "\n" );
	exit( 1 );
}

// Pretty permalinks: without them /wp-json/ is not routed.
update_option( 'permalink_structure', '/%postname%/' );
$GLOBALS['wp_rewrite']->init();
flush_rewrite_rules( false );

// Media in year/month folders off: keeps test URLs short and stable.
update_option( 'uploads_use_yearmonth_folders', 0 );

$active = array_values( array_filter( explode( ',', $plugins ) ) );
update_option( 'active_plugins', $active );

$admin = get_user_by( 'login', 'admin' );
[ $admin_app_password ] = WP_Application_Passwords::create_new_application_password( $admin->ID, array( 'name' => 'lumasync-tests' ) );

// A subscriber may not upload: for the "refused access" tests.
$reader_password = wp_generate_password( 24 );
$reader_id = wp_insert_user( array( 'user_login' => 'reader', 'user_pass' => $reader_password, 'user_email' => 'reader@example.invalid', 'role' => 'subscriber' ) );
[ $reader_app_password ] = WP_Application_Passwords::create_new_application_password( $reader_id, array( 'name' => 'lumasync-tests' ) );

echo 'WP_USER=admin', "\n";
echo 'WP_PASSWORD=', $admin_app_password, "\n";
echo 'WP_ADMIN_PASSWORD=', $admin_password, "\n";
echo 'WP_READER_USER=reader', "\n";
echo 'WP_READER_PASSWORD=', $reader_app_password, "\n";
