package io.lumasync.destination.s3;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.Upload;
import io.lumasync.sync.RenameBench;
import io.lumasync.sync.RenameReport;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;

import static io.lumasync.destination.TestUploads.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deliberate rename on the real S3-compatible server (S3Proxy): CopyObject to the new key inside the bucket
 * (AWS S3 API Reference, "CopyObject": x-amz-copy-source, x-amz-metadata-directive COPY keeps user metadata), the
 * sync map pointed at the copy, then DeleteObject of the old key.
 */
class S3RenameTest {
    private static final AssetMetadata TEXT = new AssetMetadata("Héron à l'aube", "Héron", "Sur la rivière", "");
    private S3Settings settings;
    private S3Destination s3;
    private S3Client raw;

    @BeforeEach
    void server() {
        URI endpoint = S3TestServer.endpoint();
        S3TestServer.ensureBucket(endpoint);
        settings = S3TestServer.settings(endpoint, S3TestServer.BUCKET);
        s3 = new S3Destination(S3DestinationType.client(settings, S3TestServer.secretKey()), settings);
        raw = S3DestinationType.client(settings, S3TestServer.secretKey());
    }

    private static Upload upload(String base, byte[] bytes, String syncId) {
        return new Upload(TestImages.encoded(base, ImageFormat.JPEG, bytes), TEXT, syncId, RenameBench.SOURCE,
                base + ".jpg", "2024/birds");
    }

    private boolean exists(String key) {
        try {
            raw.headObject(b -> b.bucket(settings.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Test
    void theObjectIsCopiedOnTheServerToItsNewKeyInTheSameFolderThenTheOldKeyIsDeleted() throws Exception {
        assertThat(s3.renaming().route()).isEqualTo(Renaming.Route.SERVER_COPY);
        byte[] jpeg = TestImages.jpeg(7);
        try (RenameBench bench = new RenameBench(s3, "{source}-{original}.{ext}")) {
            RemoteRef old = bench.publish(s3, upload("IMG_2034", jpeg, "sync-a")).remote();
            assertThat(old.id()).endsWith("/2024/birds/IMG_2034.jpg");

            RenameReport r = bench.rename("IMG_2034.jpg");

            RemoteRef now = bench.recorded("IMG_2034.jpg");
            assertThat(now.id()).isEqualTo(old.id().replace("IMG_2034.jpg", "shoot-img-2034.jpg"));
            assertThat(r.oldUrl()).isEqualTo(old.url());
            assertThat(r.newUrl()).isEqualTo(now.url()).endsWith("/2024/birds/shoot-img-2034.jpg");
            assertThat(r.leftover()).isEmpty();
            assertThat(exists(old.id())).as("old key deleted").isFalse();
            assertThat(read(s3.download(now))).isEqualTo(jpeg);
            assertThat(s3.metadata(now)).as("the object's text travels with the copy").hasValue(TEXT);
            assertThat(raw.headObject(b -> b.bucket(settings.bucket()).key(now.id())).contentType())
                    .isEqualTo("image/jpeg");
            assertThat(bench.rename("IMG_2034.jpg").changed()).as("already named by the template").isFalse();
        }
    }

    @Test
    void anotherFileHoldingTheNewKeyIsNeverOverwritten() throws Exception {
        try (RenameBench bench = new RenameBench(s3, "{source}-{original}.{ext}")) {
            RemoteRef other = s3.put(upload("shoot-img-0001", TestImages.jpeg(1), "someone-else"));
            RemoteRef old = bench.publish(s3, upload("IMG_0001", TestImages.jpeg(2), "sync-b")).remote();

            bench.rename("IMG_0001.jpg");

            RemoteRef now = bench.recorded("IMG_0001.jpg");
            assertThat(now.id()).endsWith("/2024/birds/shoot-img-0001-2.jpg");
            assertThat(read(s3.download(other))).isEqualTo(TestImages.jpeg(1));
            assertThat(read(s3.download(now))).isEqualTo(TestImages.jpeg(2));
            assertThat(exists(old.id())).isFalse();
            RenameReport again = bench.rename("IMG_0001.jpg");
            assertThat(again.changed()).as("its numbered name is the template's name here").isFalse();
            assertThat(bench.recorded("IMG_0001.jpg")).isEqualTo(now);
            assertThat(read(s3.download(now))).isEqualTo(TestImages.jpeg(2));
        }
    }

    @Test
    void aCopyLeftByAnAttemptCutShortIsTakenAgainAndAGoneObjectIsSaidPlainly() throws Exception {
        RemoteRef old = s3.put(upload("IMG_0003", TestImages.jpeg(3), "sync-c"));
        RemoteRef first = s3.copyAs(old, "renamed.jpg");
        RemoteRef again = s3.copyAs(old, "renamed.jpg");
        assertThat(again).as("no renamed-2.jpg next to an earlier copy of the same image").isEqualTo(first);
        assertThat(exists(old.id())).as("the old key stays until the engine removes it").isTrue();

        s3.remove(old);
        assertThatThrownBy(() -> s3.copyAs(old, "other.jpg")).hasMessageContaining("no longer there");
    }
}
