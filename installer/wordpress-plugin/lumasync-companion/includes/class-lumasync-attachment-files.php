<?php
/**
 * The files of an attachment on disk: the main file, its sub-sizes, the original of a "-scaled" image and the
 * copies kept by the image editor.
 *
 * @package LumasyncCompanion
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

class Lumasync_Attachment_Files {

	/** @return string[] absolute paths of the files that exist */
	public static function of( $id ) {
		$main = get_attached_file( $id, true );
		if ( ! $main ) {
			return array();
		}
		$dir   = dirname( $main );
		$names = array( wp_basename( $main ) );
		$meta  = get_post_meta( $id, '_wp_attachment_metadata', true );
		if ( is_array( $meta ) ) {
			if ( ! empty( $meta['original_image'] ) ) {
				$names[] = $meta['original_image'];
			}
			foreach ( isset( $meta['sizes'] ) && is_array( $meta['sizes'] ) ? $meta['sizes'] : array() as $size ) {
				if ( ! empty( $size['file'] ) ) {
					$names[] = $size['file'];
				}
			}
		}
		$backups = get_post_meta( $id, '_wp_attachment_backup_sizes', true );
		foreach ( is_array( $backups ) ? $backups : array() as $size ) {
			if ( ! empty( $size['file'] ) ) {
				$names[] = $size['file'];
			}
		}
		$paths = array();
		foreach ( array_unique( $names ) as $name ) {
			$path = $dir . '/' . wp_basename( $name );
			if ( is_file( $path ) ) {
				$paths[] = $path;
			}
		}
		return $paths;
	}
}
