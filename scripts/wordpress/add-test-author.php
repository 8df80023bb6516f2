<?php
// Adds an Author account to a test site (php add-test-author.php SITE_DIR) and prints its application password as
// KEY=VALUE lines: the tests need a second uploader whose files the first one must never take for its own.
[ , $site ] = $argv;
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $site . '/wp-load.php';

$password = wp_generate_password( 24 );
$id       = wp_insert_user( array( 'user_login' => 'author', 'user_pass' => $password, 'user_email' => 'author@example.invalid', 'role' => 'author' ) );
if ( is_wp_error( $id ) ) {
	fwrite( STDERR, 'Could not add the author: ' . $id->get_error_message() . "\n" );
	exit( 1 );
}
[ $app_password ] = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'lumasync-tests' ) );
echo 'WP_AUTHOR_USER=author', "\n";
echo 'WP_AUTHOR_PASSWORD=', $app_password, "\n";
