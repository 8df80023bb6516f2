<?php
// Router for `php -S`: existing files (static assets, wp-admin/*.php) are served as they are; every other path
// goes to WordPress's front controller, as Apache's rewrite rules would do it (needed for /wp-json/...).
$path = urldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
// The same site under /as-production/ behaves as a production site (see wp-config.php).
if ( $path === '/as-production' || strpos( $path, '/as-production/' ) === 0 ) {
	define( 'LUMASYNC_AS_PRODUCTION', true );
	$file = '';
}
if ( $file !== '' && $path !== '/' && file_exists( $file ) ) {
	if ( is_dir( $file ) && ! file_exists( rtrim( $file, '/' ) . '/index.php' ) ) {
		http_response_code( 403 );
		return true;
	}
	return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir( $_SERVER['DOCUMENT_ROOT'] );
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
