<?php
/**
 * REST routes under /wp-json/lumasync/v1 used by the Lumasync app.
 *
 * @package LumasyncCompanion
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

class Lumasync_Rest {
	const NAMESPACE_V1 = 'lumasync/v1';
	const SYNC_ID_META = 'lumasync_sync_id';
	const VERSION_META = '_lumasync_version';

	/** How many attachments of one sync id a lookup reads before it gives up (each costs an MD5 of a file). */
	const LOOKUP_LIMIT = 20;

	/**
	 * The app's idempotency key, set with the upload, lets it find an upload whose answer was lost. It is shown in
	 * the edit context only: the public media list must not tell visitors which files came from which app.
	 */
	public static function register_meta() {
		register_post_meta(
			'attachment',
			self::SYNC_ID_META,
			array(
				'type'          => 'string',
				'single'        => true,
				'show_in_rest'  => array(
					'schema' => array(
						'type'    => 'string',
						'context' => array( 'edit' ),
					),
				),
				'auth_callback' => function () {
					return current_user_can( 'upload_files' );
				},
			)
		);
	}

	public static function register_routes() {
		register_rest_route(
			self::NAMESPACE_V1,
			'/info',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'info' ),
				'permission_callback' => function () {
					return current_user_can( 'upload_files' );
				},
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/media/(?P<id>\d+)/file',
			array(
				'methods'             => 'POST',
				'callback'            => array( __CLASS__, 'replace_file' ),
				'permission_callback' => array( __CLASS__, 'can_edit_attachment' ),
				'args'                => array(
					'id' => array(
						'type'     => 'integer',
						'required' => true,
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/sync/(?P<sync_id>[A-Za-z0-9._:-]{1,190})',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'find_by_sync_id' ),
				'permission_callback' => function () {
					return current_user_can( 'upload_files' );
				},
				'args'                => array(
					'md5' => array(
						'type'    => 'string',
						'pattern' => '^[0-9a-f]{32}$',
					),
				),
			)
		);
	}

	public static function can_edit_attachment( WP_REST_Request $request ) {
		$id = (int) $request['id'];
		if ( ! current_user_can( 'upload_files' ) ) {
			return new WP_Error( 'rest_cannot_create', __( 'Sorry, you are not allowed to upload files.', 'lumasync-companion' ), array( 'status' => rest_authorization_required_code() ) );
		}
		$post = get_post( $id );
		if ( $post && 'attachment' === $post->post_type && ! current_user_can( 'edit_post', $id ) ) {
			return new WP_Error( 'rest_cannot_edit', __( 'Sorry, you are not allowed to edit this file.', 'lumasync-companion' ), array( 'status' => rest_authorization_required_code() ) );
		}
		return true;
	}

	/** What the app's capability probe asks: versions, upload limit, which image formats the site's editor can write. */
	public static function info() {
		$editor_formats = array();
		foreach ( array( 'image/avif', 'image/webp', 'image/jpeg', 'image/png' ) as $mime ) {
			$editor_formats[ $mime ] = wp_image_editor_supports( array( 'mime_type' => $mime ) );
		}
		return rest_ensure_response(
			array(
				'plugin_version'   => LUMASYNC_COMPANION_VERSION,
				'wp_version'       => get_bloginfo( 'version' ),
				'php_version'      => PHP_VERSION,
				'max_upload_bytes' => (int) wp_max_upload_size(),
				'allowed_mimes'    => array_values( array_filter( get_allowed_mime_types(), function ( $mime ) { return 0 === strpos( $mime, 'image/' ); } ) ),
				'editor_formats'   => $editor_formats,
			)
		);
	}

	public static function replace_file( WP_REST_Request $request ) {
		$id    = (int) $request['id'];
		$post  = get_post( $id );
		if ( ! $post || 'attachment' !== $post->post_type ) {
			return new WP_Error( 'rest_post_invalid_id', __( 'Invalid attachment ID.', 'lumasync-companion' ), array( 'status' => 404 ) );
		}
		// The Content-Disposition name is ignored: the file's name comes from the attachment and the detected format.
		$result = Lumasync_Replacer::replace( $id, $request->get_body(), $request->get_header( 'content_md5' ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return self::media_response( $id );
	}

	/**
	 * The newest attachment of this sync id that the signed-in user uploaded and, when the app gives the MD5 of
	 * the bytes it sent, whose file has those bytes. The sync id alone proves nothing: any author may set it.
	 */
	public static function find_by_sync_id( WP_REST_Request $request ) {
		$ids = get_posts(
			array(
				'post_type'      => 'attachment',
				'post_status'    => 'inherit',
				'author'         => get_current_user_id(),
				'meta_key'       => self::SYNC_ID_META,
				'meta_value'     => (string) $request['sync_id'],
				'fields'         => 'ids',
				'posts_per_page' => self::LOOKUP_LIMIT,
				'orderby'        => 'ID',
				'order'          => 'DESC',
			)
		);
		$md5 = (string) $request['md5'];
		foreach ( $ids as $id ) {
			$file_md5 = self::original_md5( (int) $id );
			if ( '' === $md5 || $file_md5 === $md5 ) {
				return self::media_response( (int) $id, array( 'lumasync_md5' => $file_md5 ) );
			}
		}
		return new WP_Error( 'lumasync_not_found', __( 'No file was uploaded with this sync id.', 'lumasync-companion' ), array( 'status' => 404 ) );
	}

	/** The MD5 of the file as uploaded (a big image's original, not the "-scaled" copy WordPress made of it). */
	private static function original_md5( $id ) {
		$path = wp_get_original_image_path( $id );
		$path = $path ? $path : get_attached_file( $id );
		$md5  = $path && is_file( $path ) ? md5_file( $path ) : false;
		return $md5 ? $md5 : '';
	}

	/** The core media answer (context=edit) plus the cache-busting address the app records. */
	private static function media_response( $id, $extra = array() ) {
		$inner    = new WP_REST_Request( 'GET', '/wp/v2/media/' . $id );
		$inner->set_param( 'context', 'edit' );
		$response = rest_do_request( $inner );
		if ( $response->is_error() ) {
			return $response;
		}
		$data                     = $response->get_data();
		$version                  = (int) get_post_meta( $id, self::VERSION_META, true );
		$data['lumasync_version'] = $version;
		$data['versioned_url']    = $version > 0 ? add_query_arg( 'v', $version, wp_get_attachment_url( $id ) ) : wp_get_attachment_url( $id );
		return rest_ensure_response( array_merge( $data, $extra ) );
	}
}
