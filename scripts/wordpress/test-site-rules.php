<?php
/**
 * Plugin Name: Lumasync test site rules
 * Description: Test sites only (copied in by scripts/services.d/wordpress.sh): site settings real sites have, which
 *              the companion plugin must withstand, and faults the tests ask for with a request header.
 */

// Some sites allow odd image types through a plugin or theme: icons as PHP detects them from their bytes,
// Photoshop files, SVG. None of them may let a file choose a name the web server would run or render.
add_filter(
	'upload_mimes',
	function ( $mimes ) {
		$mimes['icon'] = 'image/vnd.microsoft.icon';
		$mimes['psd']  = 'image/psd';
		$mimes['svg']  = 'image/svg+xml';
		return $mimes;
	}
);

function lumasync_test_fault() {
	return isset( $_SERVER['HTTP_X_LUMASYNC_TEST_FAULT'] ) ? (string) $_SERVER['HTTP_X_LUMASYNC_TEST_FAULT'] : '';
}

// A failure after the new file's sub-sizes are written: an exception, or a fatal error as a memory or time limit
// gives one (no catch sees it).
add_filter(
	'wp_generate_attachment_metadata',
	function ( $meta ) {
		if ( 'exception' === lumasync_test_fault() ) {
			throw new RuntimeException( 'injected failure' );
		}
		if ( 'fatal' === lumasync_test_fault() ) {
			trigger_error( 'injected fatal error', E_USER_ERROR );
		}
		return $meta;
	}
);

// A site rule that refuses a file, as upload-limit and malware-scanner plugins do.
add_filter(
	'wp_handle_upload_prefilter',
	function ( $file ) {
		if ( 'prefilter' === lumasync_test_fault() ) {
			$file['error'] = 'Refused by the site\'s upload rules.';
		}
		return $file;
	}
);
