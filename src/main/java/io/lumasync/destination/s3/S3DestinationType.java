package io.lumasync.destination.s3;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.AuthKind;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationType;
import io.lumasync.http.HeaderValues;
import io.lumasync.http.PlainHttp;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** S3-compatible storage: AWS S3, Cloudflare R2, Backblaze B2, DigitalOcean Spaces, Wasabi, MinIO. */
public final class S3DestinationType implements DestinationType {
    public static final String ID = "s3";
    public static final String SECRET_KEY = "secret_key";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "S3-compatible storage";
    }

    @Override
    public String description() {
        return "Uploads to a bucket on AWS S3, Cloudflare R2, Backblaze B2, DigitalOcean Spaces, Wasabi or MinIO.";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                new ConfigField("endpoint", "Endpoint", ConfigField.Kind.URL, false, "",
                        "The storage's S3 address, e.g. https://<account>.r2.cloudflarestorage.com or "
                                + "https://nyc3.digitaloceanspaces.com. Leave empty for AWS S3.", List.of()),
                ConfigField.text("region", "Region", false,
                        "The bucket's region, e.g. eu-west-1; 'auto' for Cloudflare R2. Default: us-east-1."),
                ConfigField.text("bucket", "Bucket", true, "The bucket the images go into."),
                ConfigField.bool("path_style", "Path-style addresses", false,
                        "Address the bucket as endpoint/bucket (MinIO and most self-hosted servers need this)."),
                ConfigField.text("access_key", "Access key ID", true, "The access key of a key allowed to write."),
                ConfigField.secret(SECRET_KEY, "Secret access key", "Kept in the system keychain, never in the database."),
                new ConfigField("key_template", "Object name", ConfigField.Kind.TEXT, false,
                        S3Settings.DEFAULT_KEY_TEMPLATE, "How files are named in the bucket. Placeholders: {folder} "
                        + "{filename} {name} {ext} {source} {sync_id}. Text before the first placeholder is a fixed "
                        + "prefix, e.g. blog/{folder}/{filename}.", List.of()),
                new ConfigField("public_url", "Public URL base", ConfigField.Kind.URL, false, "",
                        "The address your site serves the bucket from (CDN or custom domain), e.g. "
                                + "https://images.example.com. Empty: the storage's own address.", List.of()),
                ConfigField.text("cache_control", "Cache-Control", false,
                        "Stored with each file, e.g. 'public, max-age=86400'. Updated photos keep their URL, so "
                                + "very long caching delays when visitors see the new version."),
                ConfigField.choice("acl", "Access (ACL)", "", List.of("", "private", "public-read"),
                        "A canned ACL for each file. Leave empty for Cloudflare R2 and for buckets with ACLs off."),
                PlainHttp.field());
    }

    /** Bucket names as S3 and its look-alikes accept them: 3 to 63 lower-case letters, digits, dots and dashes. */
    @Override
    public void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException {
        S3Settings s = S3Settings.from(config);
        if (!BUCKET.matcher(s.bucket()).matches() || s.bucket().contains("..")) {
            throw new ConfigurationException("'" + config.name() + "': '" + s.bucket() + "' is not a bucket name. "
                    + "Use 3 to 63 lower-case letters, digits, dots and dashes, starting and ending with a letter or digit.");
        }
        if (!REGION.matcher(s.region()).matches()) {
            throw new ConfigurationException("'" + config.name() + "': '" + s.region() + "' is not a region, e.g. "
                    + "eu-west-1 or auto.");
        }
        if (!HeaderValues.clean(s.cacheControl()).equals(s.cacheControl().strip())) {
            throw new ConfigurationException("'" + config.name() + "': Cache-Control holds a line break or another "
                    + "control character.");
        }
    }

    @Override
    public AuthKind authKind() {
        return AuthKind.CREDENTIALS;
    }

    @Override
    public Destination create(AdapterContext context) throws LumasyncException {
        S3Settings settings = S3Settings.from(context.config());
        String secret = context.secrets().require(SECRET_KEY, settings.name());
        return new S3Destination(client(settings, secret), settings);
    }

    /** An SDK client that never retries on its own (the engine does) and sends no checksums other servers reject. */
    public static S3Client client(S3Settings settings, String secretKey) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), secretKey)))
                .forcePathStyle(settings.pathStyle())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(15)).socketTimeout(Duration.ofSeconds(120)).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                // Since SDK 2.30 checksums are sent by default in a form many S3-compatible servers refuse.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // Plain bodies with Content-MD5 rather than aws-chunked streaming, which not every server speaks.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        settings.endpoint().ifPresent(b::endpointOverride);
        return b.build();
    }
}
