package io.lumasync.cli;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.s3.S3DestinationType;
import io.lumasync.destination.s3.S3Settings;
import io.lumasync.image.PassThroughPipeline;
import io.lumasync.sync.SyncService;
import io.lumasync.testing.LiveServers;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lumasync map rename} against the real S3-compatible test server, from the command line: a dry run shows
 * the new name and what the bucket will do, the rename prints old → new, the bucket holds the object under its new
 * key only; a webhook destination refuses in plain words and changes nothing.
 */
class RenameCliTest {
    private static final String BUCKET = "lumasync-tests";
    @TempDir
    Path dir;
    private final SecretVault vault = new InMemorySecretVault();

    private InProcessCli cli() {
        return new InProcessCli(dir.resolve("data"), vault);
    }

    private SyncService open() throws io.lumasync.core.LumasyncException {
        return SyncService.open(dir.resolve("data"), vault, new PassThroughPipeline(),
                new SyncService.Options(RetryPolicy.DEFAULT, 1, 1, false));
    }

    private String ok(String stdin, String... args) {
        InProcessCli.Run r = cli().runWithInput(stdin, args);
        assertThat(r.exit()).as(String.join(" ", args) + ":\n" + r.out() + r.err()).isZero();
        return r.out();
    }

    @Test
    void renamesAnObjectInTheBucketAndPrintsTheAddressChange() throws Exception {
        String endpoint = System.getenv("LUMASYNC_S3_ENDPOINT");
        LiveServers.require(endpoint != null && !endpoint.isBlank(), "no S3 server (LUMASYNC_S3_ENDPOINT is not set)",
                "Run `bash scripts/services.d/s3.sh start` and export its LUMASYNC_S3_* lines.");
        String access = System.getenv("LUMASYNC_S3_ACCESS_KEY");
        String secret = System.getenv("LUMASYNC_S3_SECRET_KEY");
        String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        S3Settings raw = new S3Settings("check", Optional.of(URI.create(endpoint)), "us-east-1", BUCKET, true, access,
                prefix + "/{filename}", "", "", "");
        try (S3Client s3 = S3DestinationType.client(raw, secret)) {
            try {
                s3.createBucket(b -> b.bucket(BUCKET));
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                // already there
            }
            Path photos = Files.createDirectories(dir.resolve("photos"));
            Files.write(photos.resolve("IMG_0001.png"), TestImages.png(1));
            ok(secret + "\n", "destinations", "add", "s3", "bucket", "--endpoint", endpoint, "--bucket", BUCKET,
                    "--path-style", "true", "--access-key", access, "--secret-key-stdin", "--key-template",
                    prefix + "/{filename}");
            ok("", "sources", "add", "folder", "shoot", "--path", photos.toString(), "--to", "bucket");
            ok("", "sync", "shoot");
            try (SyncService s = open()) {
                s.updateDestination("bucket", Map.of("name_template", "{source}-{original}.{ext}"));
            }

            String dry = ok("", "map", "rename", "shoot:IMG_0001.png", "--to", "bucket", "--dry-run");
            assertThat(dry).contains("Would rename: ").contains("/" + prefix + "/IMG_0001.png -> shoot-img-0001.png")
                    .contains("copied to its new key inside the bucket");
            assertThat(keys(s3, prefix)).as("a dry run changes nothing").containsExactly(prefix + "/IMG_0001.png");

            String out = ok("", "map", "rename", "shoot:IMG_0001.png", "--to", "bucket");

            assertThat(out).containsPattern("Renamed: \\S+/" + prefix + "/IMG_0001\\.png -> \\S+/" + prefix
                    + "/shoot-img-0001\\.png");
            assertThat(keys(s3, prefix)).containsExactly(prefix + "/shoot-img-0001.png");
            assertThat(ok("", "map", "--destination", "bucket")).contains("/" + prefix + "/shoot-img-0001.png");
            assertThat(ok("", "map", "rename", "shoot:IMG_0001.png", "--to", "bucket"))
                    .startsWith("Already named by the template");
        }
    }

    @Test
    void aWebhookRefusesInPlainWordsAndNothingChanges() throws Exception {
        ok("tok-1\n", "destinations", "add", "webhook", "hook", "--url", "http://127.0.0.1:9/in",
                "--name-template", "{source}-{original}.{ext}");

        InProcessCli.Run r = cli().run("map", "rename", "shoot:IMG_0001.png", "--to", "hook");

        assertThat(r.exit()).isNotZero();
        assertThat(r.out() + r.err()).contains("'hook' cannot rename: a webhook hands files to another service")
                .contains("Rename it at that service").contains("Nothing was changed");
    }

    private static java.util.List<String> keys(S3Client s3, String prefix) {
        return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix + "/")).contents().stream().map(S3Object::key)
                .sorted().toList();
    }
}
