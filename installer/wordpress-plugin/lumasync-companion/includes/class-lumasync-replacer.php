<?php
/**
 * Replaces the file of an existing attachment: the attachment keeps its ID, title, alt text and caption; the
 * address stays the same when the format does not change (a JPEG replaced by a JPEG), and the sub-sizes are made
 * again from the new file.
 *
 * @package LumasyncCompanion
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

class Lumasync_Replacer {

	/**
	 * @return true|WP_Error
	 */
	public static function replace( $id, $bytes, $file_name, $content_md5 ) {
		if ( '' === (string) $bytes ) {
			return new WP_Error( 'rest_upload_no_data', __( 'No data supplied.', 'lumasync-companion' ), array( 'status' => 400 ) );
		}
		if ( $content_md5 && trim( $content_md5 ) !== md5( $bytes ) ) {
			return new WP_Error( 'rest_upload_hash_mismatch', __( 'Content hash did not match expected.', 'lumasync-companion' ), array( 'status' => 412 ) );
		}
		require_once ABSPATH . 'wp-admin/includes/file.php';
		require_once ABSPATH . 'wp-admin/includes/image.php';
		require_once ABSPATH . 'wp-admin/includes/media.php';

		$old_file = get_attached_file( $id );
		if ( ! $old_file ) {
			return new WP_Error( 'lumasync_no_file', __( 'This attachment has no file to replace.', 'lumasync-companion' ), array( 'status' => 409 ) );
		}
		$dir = dirname( $old_file );

		// The new bytes go next to the old file first: a full disk or a read-only folder fails here, before
		// anything of the old attachment is touched.
		$staged = $dir . '/.lumasync-' . $id . '-' . wp_generate_password( 8, false ) . '.tmp';
		if ( false === @file_put_contents( $staged, $bytes ) ) {
			return new WP_Error( 'rest_upload_file_error', __( 'Could not write the new file into the uploads folder.', 'lumasync-companion' ), array( 'status' => 500 ) );
		}

		$mime = wp_get_image_mime( $staged );
		if ( ! $mime || ! in_array( $mime, get_allowed_mime_types(), true ) ) {
			@unlink( $staged );
			return new WP_Error(
				'lumasync_not_an_image',
				__( 'The file sent is not an image type this site accepts; the attachment was left as it was.', 'lumasync-companion' ),
				array( 'status' => 415 )
			);
		}

		// The name to keep: the original upload's name (before any "-scaled" copy WordPress made of a big image).
		$original   = wp_get_original_image_path( $id );
		$original   = $original ? $original : $old_file;
		$same_type  = get_post_mime_type( $id ) === $mime;
		$base       = pathinfo( $original, PATHINFO_FILENAME );
		$extension  = wp_get_default_extension_for_mime_type( $mime );
		if ( ! $extension && $file_name ) {
			$extension = strtolower( pathinfo( $file_name, PATHINFO_EXTENSION ) );
		}

		$old_meta     = wp_get_attachment_metadata( $id );
		$backup_sizes = get_post_meta( $id, '_wp_attachment_backup_sizes', true );
		wp_delete_attachment_files( $id, is_array( $old_meta ) ? $old_meta : array(), is_array( $backup_sizes ) ? $backup_sizes : array(), $old_file );

		$target = $same_type
			? $dir . '/' . wp_basename( $original )
			: $dir . '/' . wp_unique_filename( $dir, $base . '.' . $extension );
		if ( ! @rename( $staged, $target ) ) {
			@unlink( $staged );
			return new WP_Error( 'rest_upload_file_error', __( 'Could not move the new file into place.', 'lumasync-companion' ), array( 'status' => 500 ) );
		}
		$stat = stat( $dir );
		@chmod( $target, $stat['mode'] & 0000666 );

		update_attached_file( $id, $target );
		wp_update_post(
			array(
				'ID'             => $id,
				'post_mime_type' => $mime,
			)
		);
		delete_post_meta( $id, '_wp_attachment_backup_sizes' );
		wp_update_attachment_metadata( $id, wp_generate_attachment_metadata( $id, $target ) );
		update_post_meta( $id, Lumasync_Rest::VERSION_META, (int) get_post_meta( $id, Lumasync_Rest::VERSION_META, true ) + 1 );
		clean_post_cache( $id );
		return true;
	}
}
