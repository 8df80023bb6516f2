<?php
/**
 * Replaces the file of an existing attachment: the attachment keeps its ID, title, alt text and caption; the
 * address stays the same when the format does not change (a JPEG replaced by a JPEG), and the sub-sizes are made
 * again from the new file.
 *
 * The swap is undone when anything fails after the new file is in place, even a fatal PHP error (memory, time
 * limit): the old files are copied aside first and only deleted once the new attachment is complete, so a visitor
 * never meets a half-replaced image.
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
	public static function replace( $id, $bytes, $content_md5 ) {
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
		$staged = self::aside_name( $dir, $id );
		if ( false === @file_put_contents( $staged, $bytes ) ) {
			@unlink( $staged );
			return new WP_Error( 'rest_upload_file_error', __( 'Could not write the new file into the uploads folder.', 'lumasync-companion' ), array( 'status' => 500 ) );
		}
		$mime = Lumasync_Upload_Guard::detect( $staged );
		$name = is_wp_error( $mime ) ? '' : self::target_name( $id, $dir, $mime );
		$ok   = is_wp_error( $mime ) ? $mime : Lumasync_Upload_Guard::check( $staged, $name, $mime );
		if ( is_wp_error( $ok ) ) {
			@unlink( $staged );
			return $ok;
		}
		return self::swap( $id, $staged, $dir . '/' . $name, $mime );
	}

	/**
	 * The name to keep: the original upload's name (before any "-scaled" copy WordPress made of a big image) when
	 * the format stays, else that name with the extension of the detected format, never one the sender chose.
	 */
	private static function target_name( $id, $dir, $mime ) {
		$original = wp_get_original_image_path( $id );
		$original = $original ? $original : get_attached_file( $id );
		$keep     = wp_basename( $original );
		if ( get_post_mime_type( $id ) === $mime && Lumasync_Upload_Guard::fits( $mime, $keep ) ) {
			return $keep;
		}
		$base = sanitize_file_name( pathinfo( $keep, PATHINFO_FILENAME ) );
		return wp_unique_filename( $dir, ( '' === $base ? 'image' : $base ) . '.' . Lumasync_Upload_Guard::default_extension( $mime ) );
	}

	/** Puts the staged file in place, makes the attachment's data again, and only then drops the old files. */
	private static function swap( $id, $staged, $target, $mime ) {
		$before = array(
			'file'    => get_post_meta( $id, '_wp_attached_file', true ),
			'mime'    => get_post_mime_type( $id ),
			'meta'    => get_post_meta( $id, '_wp_attachment_metadata', true ),
			'backups' => get_post_meta( $id, '_wp_attachment_backup_sizes', true ),
		);
		$old_files = Lumasync_Attachment_Files::of( $id );
		$saved     = array();
		foreach ( $old_files as $path ) {
			$copy = self::aside_name( dirname( $path ), $id );
			if ( ! @copy( $path, $copy ) ) {
				self::drop( array_merge( array_values( $saved ), array( $staged, $copy ) ) );
				return new WP_Error( 'rest_upload_file_error', __( 'Could not make room for the new file in the uploads folder.', 'lumasync-companion' ), array( 'status' => 500 ) );
			}
			$saved[ $path ] = $copy;
		}

		$state = array( 'done' => false );
		$undo  = function () use ( $id, $before, $saved, $target, &$state ) {
			if ( $state['done'] ) {
				return;
			}
			$state['done'] = true;
			self::undo( $id, $before, $saved, $target );
		};
		// A fatal error (memory, time limit) skips every catch; WordPress's own fatal handler lets later shutdown
		// functions run, so this one still puts the old attachment back.
		register_shutdown_function( $undo );

		try {
			if ( ! @rename( $staged, $target ) ) {
				@unlink( $staged );
				throw new RuntimeException( 'move' );
			}
			$stat = stat( dirname( $target ) );
			@chmod( $target, $stat['mode'] & 0000666 );
			update_attached_file( $id, $target );
			wp_update_post(
				array(
					'ID'             => $id,
					'post_mime_type' => $mime,
				)
			);
			delete_post_meta( $id, '_wp_attachment_backup_sizes' );
			$meta = wp_generate_attachment_metadata( $id, $target );
			if ( ! is_array( $meta ) || empty( $meta['width'] ) || empty( $meta['height'] ) ) {
				throw new RuntimeException( 'metadata' );
			}
			wp_update_attachment_metadata( $id, $meta );
		} catch ( Throwable $e ) {
			$undo();
			return new WP_Error(
				'lumasync_replace_failed',
				__( 'WordPress could not process the new file; the attachment was left as it was.', 'lumasync-companion' ),
				array( 'status' => 500 )
			);
		}
		$state['done'] = true;

		$kept = Lumasync_Attachment_Files::of( $id );
		self::drop( array_diff( $old_files, $kept ) );
		self::drop( array_values( $saved ) );
		update_post_meta( $id, Lumasync_Rest::VERSION_META, (int) get_post_meta( $id, Lumasync_Rest::VERSION_META, true ) + 1 );
		clean_post_cache( $id );
		return true;
	}

	/** Drops what the failed swap made and puts the old files and data back. */
	private static function undo( $id, $before, $saved, $target ) {
		global $wpdb;
		$made   = Lumasync_Attachment_Files::of( $id );
		$made[] = $target;
		self::drop( array_diff( array_unique( $made ), array_keys( $saved ) ) );
		foreach ( $saved as $path => $copy ) {
			@rename( $copy, $path );
		}
		update_post_meta( $id, '_wp_attached_file', $before['file'] );
		update_post_meta( $id, '_wp_attachment_metadata', $before['meta'] );
		if ( $before['backups'] ) {
			update_post_meta( $id, '_wp_attachment_backup_sizes', $before['backups'] );
		}
		// Straight to the table: the post API runs hooks, and this may run while PHP is shutting down.
		$wpdb->update( $wpdb->posts, array( 'post_mime_type' => $before['mime'] ), array( 'ID' => $id ) );
		clean_post_cache( $id );
	}

	private static function drop( $paths ) {
		$uploads = wp_get_upload_dir();
		foreach ( $paths as $path ) {
			wp_delete_file_from_directory( $path, $uploads['basedir'] );
		}
	}

	/** A hidden name in the folder that the web server never lists and WordPress never picks for an upload. */
	private static function aside_name( $dir, $id ) {
		return $dir . '/.lumasync-' . $id . '-' . wp_generate_password( 12, false ) . '.tmp';
	}
}
