package io.lumasync.source.shutterstock;

import io.lumasync.core.AssetMetadata;
import io.lumasync.source.Listing;
import io.lumasync.source.SourceContract;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Shutterstock's own promises: licensed images only, the licensed file never a preview, text for alt and credit. */
class ShutterstockSourceTest {
    @TempDir
    Path dir;
    private ShutterstockSourceContractTest.ShutterstockFixture fx;
    private FakeShutterstock fake;

    @BeforeEach
    void setUp() {
        fx = new ShutterstockSourceContractTest.ShutterstockFixture(dir);
        fake = fx.fake;
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void onlyLicensedImagesAreListedAndEachDownloadIsTheLicensedFileNotAPreview() throws Exception {
        String licensed = fake.addImage("Lighthouse at dawn", TestImages.jpeg(1), List.of("lighthouse", "dawn"));
        fake.addImage("Unlicensed harbour", TestImages.jpeg(2), List.of("harbour"));
        fake.license(licensed, TestImages.jpeg(1));
        ShutterstockSource s = fx.sourceAt(fake.baseUri(), SourceContract.NO_RETRY);
        Listing l = s.list(Optional.empty());
        assertThat(l.items()).extracting(SourceItem::name)
                .containsExactly("Lighthouse at dawn - shutterstock_" + licensed + ".jpg");
        try (InputStream in = s.open(l.items().getFirst())) {
            assertThat(in.readAllBytes()).isEqualTo(TestImages.jpeg(1)).isNotEqualTo(FakeShutterstock.WATERMARKED);
        }
        assertThat(fake.wireMock().getAllServeEvents()).extracting(e -> e.getRequest().getAbsoluteUrl())
                .as("no watermarked preview was fetched").doesNotContainAnyElementsOf(fake.previewUrls);
        String asked = fake.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/downloads")).findFirst().orElseThrow()
                .getRequest().getBodyAsString();
        assertThat(asked).isEqualTo("{\"size\":\"huge\"}");
    }

    @Test
    void anImageLicensedTwiceIsOneAssetFromItsNewestLicence() throws Exception {
        String id = fake.addImage("Skyline", TestImages.jpeg(3), List.of("city"));
        fake.license(id, TestImages.jpeg(3));
        ShutterstockSource s = fx.sourceAt(fake.baseUri(), SourceContract.NO_RETRY);
        Listing first = s.list(Optional.empty());
        fake.license(id, TestImages.jpeg(4)); // an upgrade to an enhanced licence
        Listing again = s.list(Optional.empty());
        assertThat(again.items()).hasSize(1);
        assertThat(again.items().getFirst().id()).isEqualTo(first.items().getFirst().id());
        assertThat(again.items().getFirst().fingerprint().sameContentAs(first.items().getFirst().fingerprint())).isFalse();
        try (InputStream in = s.open(again.items().getFirst())) {
            assertThat(in.readAllBytes()).isEqualTo(TestImages.jpeg(4));
        }
    }

    @Test
    void descriptionKeywordsAndContributorBecomeAltTextAndCredit() throws Exception {
        String id = fake.addImage("Red kayak on a glacier lake", TestImages.jpeg(5), List.of("kayak", "lake", "glacier"));
        fake.license(id, TestImages.jpeg(5));
        ShutterstockSource s = fx.sourceAt(fake.baseUri(), SourceContract.NO_RETRY);
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        AssetMetadata m = s.metadata(item).orElseThrow();
        assertThat(m.altText()).isEqualTo("Red kayak on a glacier lake");
        assertThat(m.caption()).isEqualTo("Ana Lima / Shutterstock");
        assertThat(m.description()).isEqualTo("kayak, lake, glacier");
    }

    @Test
    void theChosenSizeIsAskedForAndIsPartOfTheFingerprint() throws Exception {
        String id = fake.addImage("Field", TestImages.jpeg(6), List.of());
        fake.license(id, TestImages.jpeg(6));
        Listing huge = fx.sourceAt(fake.baseUri(), SourceContract.NO_RETRY).list(Optional.empty());
        fx.extra.put("size", "medium");
        ShutterstockSource s = fx.sourceAt(fake.baseUri(), SourceContract.NO_RETRY);
        Listing medium = s.list(Optional.empty());
        assertThat(medium.items().getFirst().fingerprint().sameContentAs(huge.items().getFirst().fingerprint())).isFalse();
        try (InputStream in = s.open(medium.items().getFirst())) {
            in.readAllBytes();
        }
        assertThat(fake.wireMock().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().endsWith("/downloads"))
                .map(e -> e.getRequest().getBodyAsString())).containsExactly("{\"size\":\"medium\"}");
    }
}
