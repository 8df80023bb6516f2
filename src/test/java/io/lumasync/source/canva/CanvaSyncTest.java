package io.lumasync.source.canva;

import io.lumasync.auth.TokenSet;
import io.lumasync.auth.TokenStore;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.SyncOverFake;
import io.lumasync.sync.PlanCounts;
import io.lumasync.sync.alt.AltMode;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine over Canva: every page published, a quiet re-run exports nothing, a new page added alone. */
class CanvaSyncTest {
    @TempDir
    Path dir;

    /** The engine over the fake, signed in, publishing to a folder. */
    private SyncOverFake signedIn(FakeCanva fake) throws Exception {
        String base = fake.baseUri().toString();
        SyncOverFake engine = new SyncOverFake(dir, "designs", CanvaSourceType.ID, Map.of("client_id",
                FakeCanva.CLIENT_ID, "api_url", base, "token_url", base + OAuthApiFake.TOKEN_PATH));
        engine.secrets.put(CanvaSourceType.CLIENT_SECRET_KEY, FakeCanva.CLIENT_SECRET);
        new TokenStore(engine.secrets).save(new TokenSet(fake.issueAccessToken(),
                Optional.of(OAuthApiFake.REFRESH_TOKEN), Instant.now().plusSeconds(3600), ""));
        return engine;
    }

    @Test
    void pagesArePublishedOnceAndANewPageIsAddedAlone() throws Exception {
        try (FakeCanva fake = new FakeCanva()) {
            fake.setPage("Menu", 1, TestImages.png(1));
            fake.setPage("Menu", 2, TestImages.png(2));
            fake.setPage("Flyer", 1, TestImages.png(3));
            try (SyncOverFake engine = signedIn(fake)) {
                assertThat(engine.sync()).isEqualTo(new PlanCounts(3, 0, 0, 0, 0));
                assertThat(engine.published()).isEqualTo(3);

                int exports = fake.exports.get();
                assertThat(engine.sync()).isEqualTo(new PlanCounts(0, 0, 0, 3, 0));
                assertThat(fake.exports.get()).as("nothing exported again").isEqualTo(exports);

                fake.setPage("Menu", 3, TestImages.png(4));
                assertThat(engine.sync()).isEqualTo(new PlanCounts(1, 0, 0, 3, 0));

                fake.removeDesign("Flyer");
                assertThat(engine.sync()).isEqualTo(new PlanCounts(0, 0, 0, 3, 1));
                assertThat(engine.published()).isEqualTo(3);
            }
        }
    }

    @Test
    void designTitlesWithPageNumbersBecomeAltTextInEmbeddedMode() throws Exception {
        try (FakeCanva fake = new FakeCanva()) {
            fake.setPage("Lunch menu", 1, TestImages.png(1));
            fake.setPage("Lunch menu", 2, TestImages.png(2));
            fake.setPage("Flyer", 1, TestImages.png(3));
            try (SyncOverFake engine = signedIn(fake)) {
                engine.altMode(AltMode.EMBEDDED);
                assertThat(engine.sync()).isEqualTo(new PlanCounts(3, 0, 0, 0, 0));
                String menu = fake.designs.get("Lunch menu").id;
                String flyer = fake.designs.get("Flyer").id;
                assertThat(engine.altTexts()).containsOnly(Map.entry(menu + "/p1", "Lunch menu, page 1"),
                        Map.entry(menu + "/p2", "Lunch menu, page 2"), Map.entry(flyer + "/p1", "Flyer"));

                fake.setPage("Lunch menu", 3, TestImages.png(4));
                assertThat(engine.sync()).as("the other pages' text is unchanged").isEqualTo(new PlanCounts(1, 0, 0, 3, 0));
                assertThat(engine.altTexts()).containsEntry(menu + "/p3", "Lunch menu, page 3");
            }
        }
    }
}
