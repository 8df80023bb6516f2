package io.lumasync.destination.contentful;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Upload;
import io.lumasync.http.Http;
import io.lumasync.http.RateBudget;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Contentful's own rules beyond the contract: versions, processing, rate limit resets, limits, settings. */
class ContentfulDestinationTest {
    private FakeContentful fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeContentful("tok");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private ContentfulDestination dest(String space, String locale) {
        return new ContentfulDestination(new ContentfulApi(Http.newClient(), fake.uri(), fake.uri(), space,
                FakeContentful.ENV, "tok", RateBudget.UNLIMITED, false), locale, d -> { }, Duration.ofSeconds(5));
    }

    private static Upload upload(String name, byte[] bytes) {
        return new Upload(TestImages.encoded(name, ImageFormat.PNG, bytes), new AssetMetadata("A heron", "Heron", "", ""),
                "sync-" + name, "src", name, "");
    }

    @Test
    void putUploadsProcessesAndPublishesInThatOrder() throws Exception {
        RemoteRef ref = dest(FakeContentful.SPACE, "en-US").put(upload("heron", TestImages.png(1)));
        String id = ContentfulDestination.assetId("sync-heron");
        assertThat(ref.id()).isEqualTo(id);
        assertThat(ref.url()).startsWith("http://127.0.0.1:").endsWith("/heron.png");
        assertThat(fake.writes()).containsExactly("POST /uploads", "PUT /assets/" + id,
                "PUT /assets/" + id + "/files/en-US/process", "PUT /assets/" + id + "/published");
        var sys = fake.assets().get(id).path("sys");
        assertThat(sys.path("publishedVersion").asLong() + 1).as("published and unchanged since")
                .isEqualTo(sys.path("version").asLong());
    }

    @Test
    void aVersionConflictOnReplaceRereadsAndRetriesOnce() throws Exception {
        ContentfulDestination d = dest(FakeContentful.SPACE, "en-US");
        RemoteRef first = d.put(upload("egret", TestImages.png(2)));
        fake.conflictNext(1);
        RemoteRef second = d.replace(first, upload("egret", TestImages.png(3)));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.url()).as("Contentful gives a new file a new address").isNotEqualTo(first.url());
        assertThat(d.download(second).readAllBytes()).isEqualTo(TestImages.png(3));

        fake.conflictNext(2);
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> d.replace(first, upload("egret", TestImages.png(4))));
        assertThat(e.kind()).as("a second conflict is left to the engine's retry").isEqualTo(ErrorKind.RETRY);
        assertThat(e.getMessage()).contains("someone changed the asset");
    }

    @Test
    void aRateLimitWaitsAsLongAsTheResetHeaderSays() throws Exception {
        fake.rateLimitNext(1);
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> dest(FakeContentful.SPACE, "en-US").put(upload("ibis", TestImages.png(5))));
        assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    }

    @Test
    void anImageOverTwentyMegabytesIsRefusedInPlainWordsBeforeSending() {
        byte[] big = Arrays.copyOf(TestImages.png(6), (int) ContentfulDestination.MAX_IMAGE_BYTES + 1);
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> dest(FakeContentful.SPACE, "en-US").put(upload("big", big)));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("too large for Contentful").contains("20 MB");
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void aWrongSpaceOrLocaleIsNamed() {
        LumasyncException space = catchThrowableOfType(LumasyncException.class,
                () -> dest("nosuchspace", "en-US").capabilities());
        assertThat(space.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(space.getMessage()).contains("'nosuchspace'").contains("was not found");
        LumasyncException locale = catchThrowableOfType(LumasyncException.class,
                () -> dest(FakeContentful.SPACE, "fr-FR").capabilities());
        assertThat(locale.getMessage()).contains("no locale 'fr-FR'").contains("en-US, de");
    }

    @Test
    void aRevokedTokenAsksToReconnect() {
        ContentfulDestination d = new ContentfulDestination(new ContentfulApi(Http.newClient(), fake.uri(), fake.uri(),
                FakeContentful.SPACE, FakeContentful.ENV, "old", RateBudget.UNLIMITED, false), "en-US");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, d::capabilities);
        assertThat(e.kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(e.getMessage()).contains("reconnect").doesNotContain("old");
    }
}
