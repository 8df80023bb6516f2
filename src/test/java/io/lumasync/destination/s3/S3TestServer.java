package io.lumasync.destination.s3;

import io.lumasync.testing.LiveServers;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * The real S3-compatible server the tests use: S3Proxy started by {@code scripts/services.d/s3.sh}, which writes
 * its address and keys to the environment. Without them the S3 tests are skipped with the reason, or fail under CI.
 */
final class S3TestServer {
    static final String BUCKET = "lumasync-tests";

    private S3TestServer() {
    }

    static URI endpoint() {
        String e = System.getenv("LUMASYNC_S3_ENDPOINT");
        LiveServers.require(e != null && !e.isBlank(), "no S3 server (LUMASYNC_S3_ENDPOINT is not set)",
                "Run `bash scripts/services.d/s3.sh start` and export LUMASYNC_S3_ENDPOINT/ACCESS_KEY/SECRET_KEY "
                        + "(scripts/run-tests does both).");
        return URI.create(e);
    }

    static String accessKey() {
        return System.getenv("LUMASYNC_S3_ACCESS_KEY");
    }

    static String secretKey() {
        return System.getenv("LUMASYNC_S3_SECRET_KEY");
    }

    /** The size above which the server refuses a single PUT (s3proxy.max-single-part-object-size). */
    static long maxPut() {
        return Long.parseLong(Optional.ofNullable(System.getenv("LUMASYNC_S3_MAX_PUT")).orElse("0"));
    }

    /** Settings for a fresh, isolated destination: its own prefix in the shared test bucket. */
    static S3Settings settings(URI endpoint, String bucket) {
        String prefix = "t-" + UUID.randomUUID().toString().substring(0, 8);
        return new S3Settings("test-s3", Optional.of(endpoint), "us-east-1", bucket, true, accessKey(),
                prefix + "/{folder}/{filename}", "", "public, max-age=60", "");
    }

    static void ensureBucket(URI endpoint) {
        try (S3Client admin = S3DestinationType.client(settings(endpoint, BUCKET), secretKey())) {
            admin.createBucket(b -> b.bucket(BUCKET));
        } catch (S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
    }
}
