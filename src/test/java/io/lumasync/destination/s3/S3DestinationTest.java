package io.lumasync.destination.s3;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Upload;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** S3 behaviour beyond the contract, against the real S3Proxy server. */
class S3DestinationTest {
    private URI endpoint;

    @BeforeEach
    void server() {
        endpoint = S3TestServer.endpoint();
        S3TestServer.ensureBucket(endpoint);
    }

    private S3Destination destination(S3Settings s) {
        return new S3Destination(S3DestinationType.client(s, S3TestServer.secretKey()), s);
    }

    private static Upload upload(String fileName, ImageFormat f, byte[] bytes, String syncId, String folder) {
        return new Upload(TestImages.encoded(fileName, f, bytes), new AssetMetadata("Héron à l'aube", "Héron", "", ""),
                syncId, "Photos", "id-" + syncId, folder);
    }

    @Test
    void storesTypeCacheControlAndEncodedTextAtTheTemplatedKey() throws Exception {
        S3Settings s = S3TestServer.settings(endpoint, S3TestServer.BUCKET);
        try (S3Destination d = destination(s); S3Client raw = S3DestinationType.client(s, S3TestServer.secretKey())) {
            RemoteRef ref = d.put(upload("heron", ImageFormat.WEBP, TestImages.sample(ImageFormat.WEBP).orElseThrow(),
                    "sync-a", "2024/birds"));
            assertThat(ref.id()).startsWith(KeyTemplate.prefix(s.keyTemplate())).endsWith("/2024/birds/heron.webp");
            assertThat(ref.url()).isEqualTo(endpoint + "/" + S3TestServer.BUCKET + "/" + ref.id());
            HeadObjectResponse head = raw.headObject(b -> b.bucket(s.bucket()).key(ref.id()));
            assertThat(head.contentType()).isEqualTo("image/webp");
            assertThat(head.cacheControl()).isEqualTo("public, max-age=60");
            assertThat(d.metadata(ref)).hasValue(new AssetMetadata("Héron à l'aube", "Héron", "", ""));
            // The object is really there at that URL path (path-style), byte for byte.
            HttpResponse<byte[]> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ref.url())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(get.statusCode()).as("anonymous GET of a private object").isEqualTo(403);
        }
    }

    @Test
    void anotherAssetWithTheSameNameGetsItsOwnKey() throws Exception {
        S3Settings s = S3TestServer.settings(endpoint, S3TestServer.BUCKET);
        try (S3Destination d = destination(s)) {
            RemoteRef a = d.put(upload("same", ImageFormat.PNG, TestImages.png(1), "sync-a", ""));
            RemoteRef b = d.put(upload("same", ImageFormat.PNG, TestImages.png(2), "sync-b", ""));
            assertThat(b.id()).isNotEqualTo(a.id()).endsWith("same-2.png");
            assertThat(d.download(a).readAllBytes()).isEqualTo(TestImages.png(1));
            assertThat(d.reconcile(upload("same", ImageFormat.PNG, TestImages.png(2), "sync-b", ""))).hasValue(b);
        }
    }

    @Test
    void aFormatChangeOnReplaceMovesToTheNewExtensionAndRemovesTheOld() throws Exception {
        S3Settings s = S3TestServer.settings(endpoint, S3TestServer.BUCKET);
        try (S3Destination d = destination(s)) {
            RemoteRef jpeg = d.put(upload("moving", ImageFormat.JPEG, TestImages.jpeg(1), "sync-m", ""));
            byte[] avif = TestImages.sample(ImageFormat.AVIF).orElseThrow();
            RemoteRef moved = d.replace(jpeg, upload("moving", ImageFormat.AVIF, avif, "sync-m", ""));
            assertThat(moved.id()).isEqualTo(jpeg.id().replace(".jpg", ".avif"));
            assertThat(d.download(moved).readAllBytes()).isEqualTo(avif);
            assertThat(d.list(1, 100)).extracting(a -> a.ref().id()).containsExactly(moved.id());
        }
    }

    @Test
    void publicUrlBaseAndCannedAclAreUsed() throws Exception {
        S3Settings base = S3TestServer.settings(endpoint, S3TestServer.BUCKET);
        S3Settings s = new S3Settings(base.name(), base.endpoint(), base.region(), base.bucket(), true, base.accessKey(),
                base.keyTemplate(), "https://cdn.example.com/img/", "", "public-read");
        try (S3Destination d = destination(s)) {
            RemoteRef spaced = d.put(upload("a b", ImageFormat.PNG, TestImages.png(3), "sync-s", ""));
            assertThat(spaced.url()).isEqualTo("https://cdn.example.com/img/" + spaced.id().replace(" ", "%20"));
            RemoteRef ref = d.put(upload("pub", ImageFormat.PNG, TestImages.png(3), "sync-p", ""));
            // (S3Proxy does not find keys with spaces for anonymous readers, so this one has none.)
            URI direct = URI.create(endpoint + "/" + s.bucket() + "/" + ref.id());
            HttpResponse<byte[]> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(direct).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(get.statusCode()).as("anonymous GET of a public-read object").isEqualTo(200);
            assertThat(get.body()).isEqualTo(TestImages.png(3));
        }
    }

    @Test
    void aMissingBucketMakesTheDestinationUnavailable() {
        S3Settings s = S3TestServer.settings(endpoint, "no-such-bucket-lumasync");
        try (S3Destination d = destination(s)) {
            LumasyncException e = catchThrowableOfType(LumasyncException.class, d::capabilities);
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("'no-such-bucket-lumasync'").contains("does not exist");
        }
    }

    @Test
    void refusedKeysAndOversizedFilesSayWhatToDo() throws Exception {
        S3Settings s = S3TestServer.settings(endpoint, S3TestServer.BUCKET);
        try (S3Destination wrong = new S3Destination(S3DestinationType.client(s, "wrong"), s);
             S3Destination d = destination(s)) {
            LumasyncException auth = catchThrowableOfType(LumasyncException.class,
                    () -> wrong.put(upload("x", ImageFormat.PNG, TestImages.png(4), "sync-x", "")));
            assertThat(auth.kind()).isEqualTo(ErrorKind.REAUTH);
            assertThat(auth.getMessage()).contains("x.png").doesNotContain("wrong");
            byte[] big = Arrays.copyOf(TestImages.png(5), (int) S3TestServer.maxPut() + 1);
            LumasyncException large = catchThrowableOfType(LumasyncException.class,
                    () -> d.put(upload("big", ImageFormat.PNG, big, "sync-big", "")));
            assertThat(large.kind()).isEqualTo(ErrorKind.GIVE_UP);
            assertThat(large.getMessage()).contains("big.png").contains("too large").contains("Lower the maximum size");
            assertThat(d.reconcile(upload("big", ImageFormat.PNG, big, "sync-big", ""))).isEqualTo(Optional.empty());
        }
    }
}
