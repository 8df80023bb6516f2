<?php
/**
 * Plugin Name:       Lumasync Companion
 * Description:       Lets the Lumasync desktop app replace an image in the Media Library in place: same attachment, same address, fresh thumbnails, alt text kept.
 * Version:           1.1.0
 * Requires at least: 5.8
 * Requires PHP:      7.4
 * License:           Apache-2.0
 * Text Domain:       lumasync-companion
 *
 * @package LumasyncCompanion
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'LUMASYNC_COMPANION_VERSION', '1.1.0' );

require_once __DIR__ . '/includes/class-lumasync-upload-guard.php';
require_once __DIR__ . '/includes/class-lumasync-attachment-files.php';
require_once __DIR__ . '/includes/class-lumasync-replacer.php';
require_once __DIR__ . '/includes/class-lumasync-rest.php';

add_action( 'init', array( 'Lumasync_Rest', 'register_meta' ) );
add_action( 'rest_api_init', array( 'Lumasync_Rest', 'register_routes' ) );
