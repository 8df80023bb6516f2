package io.lumasync.destination.contentful;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Renaming;
import io.lumasync.destination.Upload;
import io.lumasync.http.Http;
import io.lumasync.http.RateBudget;
import io.lumasync.sync.RenameBench;
import io.lumasync.sync.RenameReport;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deliberate rename at Contentful: the asset keeps its id, so entries linking it stay linked; its file is
 * uploaded again under the new {@code fileName}, processed and published (Content Management API, "Assets":
 * update an asset, process, publish), and its address changes.
 */
class ContentfulRenameTest {
    private final FakeContentful fake = start();

    private static FakeContentful start() {
        try {
            return new FakeContentful("tok");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theAssetStaysItsFileTakesTheNewNameAndItsTextIsKept() throws Exception {
        ContentfulDestination d = new ContentfulDestination(new ContentfulApi(Http.newClient(), fake.uri(), fake.uri(),
                FakeContentful.SPACE, FakeContentful.ENV, "tok", RateBudget.UNLIMITED, false), "en-US", x -> { },
                Duration.ofSeconds(5));
        assertThat(d.renaming().route()).isEqualTo(Renaming.Route.REPLACE);
        AssetMetadata text = new AssetMetadata("A heron", "Heron", "", "");
        try (RenameBench bench = new RenameBench(d, "{source}-{original}.{ext}")) {
            RemoteRef old = bench.publish(d, new Upload(TestImages.encoded("heron", ImageFormat.PNG, TestImages.png(1)),
                    text, "sync-heron", RenameBench.SOURCE, "heron.png", "")).remote();

            RenameReport r = bench.rename("heron.png");

            RemoteRef now = bench.recorded("heron.png");
            assertThat(now.id()).isEqualTo(old.id());
            assertThat(r.oldUrl()).endsWith("/heron.png");
            assertThat(r.newUrl()).isEqualTo(now.url()).endsWith("/shoot-heron.png");
            assertThat(fake.assetCount()).isEqualTo(1);
            assertThat(d.metadata(now)).hasValue(text);
            assertThat(d.download(now).readAllBytes()).isEqualTo(TestImages.png(1));
            var sys = fake.assets().get(now.id()).path("sys");
            assertThat(sys.path("publishedVersion").asLong() + 1).as("published again, unchanged since")
                    .isEqualTo(sys.path("version").asLong());
        }
    }
}
