package io.lumasync.source.figma;

import io.lumasync.core.AssetMetadata;
import io.lumasync.source.SyncOverFake;
import io.lumasync.sync.PlanCounts;
import io.lumasync.sync.alt.AltMode;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine over Figma: every frame published, a quiet re-run renders nothing, one edited frame replaced alone. */
class FigmaSyncTest {
    private static final String FILE = FigmaSourceContractTest.FILE;

    @TempDir
    Path dir;

    @Test
    void framesArePublishedOnceAndAnEditedFrameIsReplacedAlone() throws Exception {
        try (FakeFigma fake = new FakeFigma()) {
            fake.put(FILE, "Web", "Hero", TestImages.png(1));
            fake.put(FILE, "Web", "Footer", TestImages.png(2));
            fake.put(FILE, "Print", "Poster", TestImages.png(3));
            try (SyncOverFake engine = new SyncOverFake(dir, "brand", FigmaSourceType.ID,
                    Map.of("files", FILE, "api_url", fake.baseUri().toString()))) {
                engine.secrets.put("token", FakeFigma.TOKEN);
                assertThat(engine.sync()).isEqualTo(new PlanCounts(3, 0, 0, 0, 0));
                assertThat(engine.published()).isEqualTo(3);

                int renders = fake.imageCalls.get();
                assertThat(engine.sync()).isEqualTo(new PlanCounts(0, 0, 0, 3, 0));
                assertThat(fake.imageCalls.get()).as("nothing rendered again").isEqualTo(renders);

                fake.put(FILE, "Web", "Hero", TestImages.png(4));
                assertThat(engine.sync()).isEqualTo(new PlanCounts(0, 1, 0, 2, 0));

                fake.put(FILE, "Web", "Banner", TestImages.png(5));
                fake.remove(FILE, "Footer");
                assertThat(engine.sync()).isEqualTo(new PlanCounts(1, 0, 0, 2, 1));
                assertThat(engine.published()).isEqualTo(3);
            }
        }
    }

    @Test
    void frameNamesBecomeAltTextInEmbeddedModeAndARenamedFrameIsUpdated() throws Exception {
        try (FakeFigma fake = new FakeFigma()) {
            String hero = fake.put(FILE, "Web", "Spring sale hero", TestImages.png(1));
            String poster = fake.put(FILE, "Print", "Poster", TestImages.png(2));
            try (SyncOverFake engine = new SyncOverFake(dir, "brand", FigmaSourceType.ID,
                    Map.of("files", FILE, "api_url", fake.baseUri().toString()))) {
                engine.secrets.put("token", FakeFigma.TOKEN);
                engine.altMode(AltMode.EMBEDDED);
                assertThat(engine.sync()).isEqualTo(new PlanCounts(2, 0, 0, 0, 0));
                assertThat(engine.altTexts()).containsOnly(Map.entry(FILE + "/" + hero, "Spring sale hero"),
                        Map.entry(FILE + "/" + poster, "Poster"));
                assertThat(engine.sync()).isEqualTo(new PlanCounts(0, 0, 0, 2, 0));
            }
        }
    }

    @Test
    void framesAreDescribedByNameFileAndPageButFigmasDefaultNamesSayNothing() {
        assertThat(FigmaSource.describe(" Spring  sale hero ", "Brand kit", "Web"))
                .isEqualTo(new AssetMetadata("Spring sale hero", "Spring sale hero", "",
                        "Figma file \u201cBrand kit\u201d, page \u201cWeb\u201d"));
        assertThat(FigmaSource.describe("Frame 12", "Brand kit", "").altText()).isEmpty();
        assertThat(FigmaSource.describe("Component 3", "Brand kit", null).description())
                .isEqualTo("Figma file \u201cBrand kit\u201d");
    }

    private static Map<String, String> settings(FakeFigma fake) {
        return Map.of("files", FILE, "api_url", fake.baseUri().toString());
    }

    @Test
    void healthSaysWhetherTheTokenIsThereAndAccepted() throws Exception {
        try (FakeFigma fake = new FakeFigma()) {
            fake.put(FILE, "Web", "Hero", TestImages.png(1));
            try (SyncOverFake engine = new SyncOverFake(dir, "src", FigmaSourceType.ID, settings(fake))) {
                assertThat(engine.health()).as("no token in the vault").hasValueSatisfying(m -> assertThat(m)
                        .containsIgnoringCase("token"));
                engine.secrets.put("token", "revoked-" + FakeFigma.TOKEN);
                assertThat(engine.health()).as("a refused token").hasValueSatisfying(m -> assertThat(m)
                        .containsIgnoringCase("personal access token").doesNotContain(FakeFigma.TOKEN));
                assertThat(engine.suggestions()).as("a refused token is a sign-in to renew")
                        .filteredOn(x -> x.kind() == io.lumasync.sync.Suggestion.Kind.SIGN_IN_EXPIRING)
                        .singleElement().satisfies(x -> {
                            assertThat(x.title()).isEqualTo("The token of 'src' no longer works");
                            assertThat(x.action()).contains("new token");
                            assertThat(x.evidence() + x.title() + x.action()).doesNotContain(FakeFigma.TOKEN);
                        });
            }
            try (SyncOverFake engine = new SyncOverFake(dir.resolve("2"), "src", FigmaSourceType.ID, settings(fake))) {
                engine.secrets.put("token", FakeFigma.TOKEN);
                assertThat(engine.health()).as("connected").isEmpty();
                assertThat(engine.suggestions()).noneMatch(x -> x.kind()
                        == io.lumasync.sync.Suggestion.Kind.SIGN_IN_EXPIRING);
            }
        }
    }
}
