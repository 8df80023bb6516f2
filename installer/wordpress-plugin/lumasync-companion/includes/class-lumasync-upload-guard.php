<?php
/**
 * Decides whether a file sent to replace an attachment may be written into the uploads folder, and under which
 * name. The sender is any account that may upload files, so the body and every header are hostile: the format is
 * read from the bytes, the name's extension comes from that format alone, and the site's own upload rules apply
 * as they do to core uploads.
 *
 * @package LumasyncCompanion
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

class Lumasync_Upload_Guard {

	/**
	 * The formats the app makes, each with the extensions a file of it may carry (the first one names new files).
	 * A fixed list, not the site's upload_mimes: a site filter that allows an odd image type (an icon, a PSD)
	 * must not let bytes detected as that type choose their own name.
	 */
	const FORMATS = array(
		'image/jpeg' => array( 'jpg', 'jpeg', 'jpe' ),
		'image/png'  => array( 'png' ),
		'image/gif'  => array( 'gif' ),
		'image/webp' => array( 'webp' ),
		'image/avif' => array( 'avif' ),
	);

	/**
	 * The format of the staged file, read from its bytes.
	 *
	 * @return string|WP_Error
	 */
	public static function detect( $staged ) {
		$mime = wp_get_image_mime( $staged );
		if ( ! $mime || ! isset( self::FORMATS[ $mime ] ) || ! in_array( $mime, get_allowed_mime_types(), true ) ) {
			return new WP_Error(
				'lumasync_not_an_image',
				__( 'The file sent is not an image type this site accepts; the attachment was left as it was.', 'lumasync-companion' ),
				array( 'status' => 415 )
			);
		}
		return $mime;
	}

	public static function default_extension( $mime ) {
		return self::FORMATS[ $mime ][0];
	}

	/** True when the name ends with an extension of the format. */
	public static function fits( $mime, $name ) {
		$extension = strtolower( pathinfo( $name, PATHINFO_EXTENSION ) );
		return isset( self::FORMATS[ $mime ] ) && in_array( $extension, self::FORMATS[ $mime ], true );
	}

	/**
	 * The checks core makes before it keeps an upload: WordPress must agree on the name and the bytes, the file
	 * must fit the site's limits, and plugins hooked to the upload prefilter (size limits, scanners) may refuse.
	 *
	 * @return true|WP_Error
	 */
	public static function check( $staged, $name, $mime ) {
		$check = wp_check_filetype_and_ext( $staged, $name );
		if ( ! self::fits( $mime, $name ) || $check['type'] !== $mime || ! $check['ext'] || $check['proper_filename'] ) {
			return self::refused( __( 'WordPress does not accept this image under its file name.', 'lumasync-companion' ) );
		}
		$size  = (int) filesize( $staged );
		$quota = self::check_upload_size( $size );
		if ( is_wp_error( $quota ) ) {
			return $quota;
		}
		$file = apply_filters(
			'wp_handle_upload_prefilter',
			array(
				'name'     => $name,
				'type'     => $mime,
				'tmp_name' => $staged,
				'error'    => 0,
				'size'     => $size,
			)
		);
		if ( is_array( $file ) && ! empty( $file['error'] ) ) {
			$why = is_string( $file['error'] ) ? wp_strip_all_tags( $file['error'] ) : __( 'A plugin on this site refused the file.', 'lumasync-companion' );
			return self::refused( $why );
		}
		// A prefilter may rewrite the file where it lies (optimisers do): what is kept must still be what was checked.
		if ( wp_get_image_mime( $staged ) !== $mime ) {
			return self::refused( __( 'A plugin on this site changed the file into another format.', 'lumasync-companion' ) );
		}
		return true;
	}

	/** What core's REST controller checks on every upload, plus the site's own upload limit. */
	private static function check_upload_size( $size ) {
		if ( $size > wp_max_upload_size() ) {
			return self::refused( __( 'The file is larger than this site takes.', 'lumasync-companion' ) );
		}
		if ( ! is_multisite() || get_site_option( 'upload_space_check_disabled' ) ) {
			return true;
		}
		require_once ABSPATH . 'wp-admin/includes/ms.php';
		if ( get_upload_space_available() < $size ) {
			return self::refused( __( 'Not enough space left in this site\'s upload quota.', 'lumasync-companion' ) );
		}
		if ( $size > KB_IN_BYTES * get_site_option( 'fileupload_maxk', 1500 ) ) {
			return self::refused( __( 'The file is larger than this network allows.', 'lumasync-companion' ) );
		}
		if ( upload_is_user_over_quota( false ) ) {
			return self::refused( __( 'This site has used up its upload quota.', 'lumasync-companion' ) );
		}
		return true;
	}

	private static function refused( $why ) {
		return new WP_Error(
			'lumasync_upload_refused',
			/* translators: %s: why the site refused the file */
			sprintf( __( '%s The attachment was left as it was.', 'lumasync-companion' ), $why ),
			array( 'status' => 400 )
		);
	}
}
