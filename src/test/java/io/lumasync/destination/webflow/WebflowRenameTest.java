package io.lumasync.destination.webflow;

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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deliberate rename at Webflow, which cannot rename an asset's file (Data API v2 "Update Asset" changes the
 * display name only): a new asset under the new name, the CMS items that showed the old one pointed at it, then
 * the old asset deleted.
 */
class WebflowRenameTest {
    private final FakeWebflow fake = start();

    private static FakeWebflow start() {
        try {
            return new FakeWebflow("tok");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aNewAssetUnderTheNewNameTakesTheOldOnesPlaceInTheCms() throws Exception {
        WebflowDestination d = new WebflowDestination(new WebflowApi(Http.newClient(), fake.api(), FakeWebflow.SITE,
                "tok", RateBudget.UNLIMITED, false), "", false);
        assertThat(d.renaming().route()).isEqualTo(Renaming.Route.REPLACE);
        AssetMetadata text = new AssetMetadata("A heron", "Heron", "", "");
        try (RenameBench bench = new RenameBench(d, "{source}-{original}.{ext}")) {
            RemoteRef old = bench.publish(d, new Upload(TestImages.encoded("heron", ImageFormat.PNG, TestImages.png(1)),
                    text, "sync-heron", RenameBench.SOURCE, "heron.png", "")).remote();
            String posts = fake.addCollection("blog-posts", Map.of("hero", "Image"));
            String post = fake.addItem(posts, "Heron post", "hero", old.id());

            RenameReport r = bench.rename("heron.png");

            RemoteRef now = bench.recorded("heron.png");
            assertThat(now.id()).isNotEqualTo(old.id());
            assertThat(r.newUrl()).isEqualTo(now.url()).endsWith("_shoot-heron.png");
            assertThat(fake.item(posts, post).path("fieldData").path("hero").path("fileId").asText())
                    .isEqualTo(now.id());
            assertThat(fake.assets()).containsOnlyKeys(now.id());
            assertThat(d.metadata(now)).hasValue(text);
            assertThat(d.download(now).readAllBytes()).isEqualTo(TestImages.png(1));
        }
    }
}
