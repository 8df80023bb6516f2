package io.lumasync.destination.s3;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.PlainHttp;

import java.net.URI;
import java.util.Optional;

/**
 * The non-secret settings of an S3-compatible destination (the secret key lives in the vault, never here).
 *
 * @param name         the user's name for the destination, used in messages
 * @param endpoint     the S3 endpoint (R2, B2, Spaces, Wasabi, MinIO…); empty for AWS itself
 * @param region       the signing region ("auto" works for R2; "us-east-1" is the usual default elsewhere)
 * @param bucket       the bucket
 * @param pathStyle    address the bucket as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key}
 * @param accessKey    the access key id (not secret on its own)
 * @param keyTemplate  how object keys are made, e.g. {@code {folder}/{filename}}
 * @param publicUrl    the base of public URLs (a CDN or custom domain); empty: the endpoint's own URL
 * @param cacheControl the Cache-Control header stored with each object; empty: none
 * @param acl          a canned ACL such as {@code public-read}; empty: none (R2 and buckets with ACLs off need none)
 */
public record S3Settings(String name, Optional<URI> endpoint, String region, String bucket, boolean pathStyle,
                         String accessKey, String keyTemplate, String publicUrl, String cacheControl, String acl) {

    public static final String DEFAULT_KEY_TEMPLATE = "{folder}/{filename}";
    public static final String DEFAULT_REGION = "us-east-1";

    public static S3Settings from(AdapterConfig c) throws LumasyncException {
        Optional<URI> endpoint = Optional.empty();
        if (c.get("endpoint").isPresent()) {
            try {
                URI uri = URI.create(c.get("endpoint").get().strip());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                endpoint = Optional.of(uri);
            } catch (IllegalArgumentException e) {
                throw new LumasyncException(ErrorKind.UNAVAILABLE, "The endpoint of '" + c.name() + "' ("
                        + c.get("endpoint").get() + ") is not a web address. Use a form like https://s3.example.com.");
            }
        }
        if (endpoint.isPresent()) {
            // SigV4 keeps the secret key itself off the wire, but the signed requests and the access key id are not.
            PlainHttp.requireSafe(endpoint.get(), c.flag(PlainHttp.FIELD), "The S3 destination '" + c.name() + "'");
        }
        return new S3Settings(c.name(), endpoint, c.get("region").orElse(DEFAULT_REGION), c.require("bucket"),
                c.flag("path_style"), c.require("access_key"), c.get("key_template").orElse(DEFAULT_KEY_TEMPLATE),
                c.get("public_url").orElse(""), c.get("cache_control").orElse(""), c.get("acl").orElse(""));
    }

    /** "bucket 'photos' at r2.example.com", for messages. */
    public String where() {
        return "bucket '" + bucket + "'" + endpoint.map(u -> " at " + u.getHost()).orElse(" on AWS S3");
    }
}
