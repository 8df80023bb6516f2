package io.lumasync.source.canva;

import io.lumasync.auth.OAuthApps;
import io.lumasync.auth.OAuthClient;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.auth.Pkce;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.source.Listing;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Canva's own promises: every page its own asset, per-page change detection, bounded export polling, sign-in. */
class CanvaSourceTest {
    @TempDir
    Path dir;
    private CanvaSourceContractTest.CanvaFixture fx;
    private FakeCanva fake;

    @BeforeEach
    void setUp() {
        fx = new CanvaSourceContractTest.CanvaFixture(dir);
        fake = fx.fake;
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private static SourceItem named(Listing l, String name) {
        return l.items().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + l.items()));
    }

    private static byte[] read(Source s, SourceItem item) throws Exception {
        try (InputStream in = s.open(item)) {
            return in.readAllBytes();
        }
    }

    @Test
    void eachPageOfAMultiPageDesignIsItsOwnAssetWithItsOwnBytes() throws Exception {
        fake.setPage("Menu", 1, TestImages.png(1));
        fake.setPage("Menu", 2, TestImages.png(2));
        fake.setPage("Menu", 3, TestImages.png(3));
        Source s = fx.source();
        Listing l = s.list(Optional.empty());
        assertThat(l.items()).extracting(SourceItem::name)
                .containsExactly("Menu - page 1.png", "Menu - page 2.png", "Menu - page 3.png");
        assertThat(read(s, named(l, "Menu - page 2.png"))).isEqualTo(TestImages.png(2));
        assertThat(fx.polls).as("the export job was polled until it finished").isEqualTo(2);
    }

    @Test
    void aNewPageOrAnEditedPageMovesOnlyItsOwnFingerprint() throws Exception {
        fake.setPage("Menu", 1, TestImages.png(4));
        fake.setPage("Menu", 2, TestImages.png(5));
        Listing before = fx.source().list(Optional.empty());
        fake.setPage("Menu", 3, TestImages.png(6));
        fake.setPage("Menu", 2, TestImages.png(7));
        Listing after = fx.source().list(Optional.empty());
        assertThat(named(after, "Menu - page 1.png").fingerprint()
                .sameContentAs(named(before, "Menu - page 1.png").fingerprint())).isTrue();
        assertThat(named(after, "Menu - page 2.png").fingerprint()
                .sameContentAs(named(before, "Menu - page 2.png").fingerprint())).isFalse();
        assertThat(after.items()).hasSize(3);
    }

    @Test
    void anUnchangedDesignCostsNoPageRequests() throws Exception {
        fake.setPage("Menu", 1, TestImages.png(8));
        Source s = fx.source();
        s.list(Optional.empty());
        int pageCalls = fake.pageListings.get();
        s.list(Optional.empty());
        assertThat(fake.pageListings.get()).isEqualTo(pageCalls);
    }

    @Test
    void withoutThePagesEndpointAnEditedDesignSendsEveryPageAgain() throws Exception {
        fake.withoutPagesEndpoint();
        fake.setPage("Menu", 1, TestImages.png(9));
        fake.setPage("Menu", 2, TestImages.png(10));
        Listing before = fx.source().list(Optional.empty());
        assertThat(fx.source().list(Optional.empty()).items().getFirst().fingerprint())
                .isEqualTo(before.items().getFirst().fingerprint());
        fake.setPage("Menu", 2, TestImages.png(11));
        Listing after = fx.source().list(Optional.empty());
        assertThat(named(after, "Menu - page 1.png").fingerprint()
                .sameContentAs(named(before, "Menu - page 1.png").fingerprint())).isFalse();
        assertThat(fx.source().thumbnail(named(after, "Menu - page 2.png"), 128))
                .as("the design's own thumbnail stands in").hasValue(TestImages.png(9));
    }

    @Test
    void chosenPagesOnlyAndJpgWithItsQuality() throws Exception {
        fake.setPage("Deck", 1, TestImages.jpeg(12));
        fake.setPage("Deck", 2, TestImages.jpeg(13));
        fake.setPage("Deck", 3, TestImages.jpeg(14));
        fx.extra.putAll(Map.of("pages", "2-3", "format", "jpg", "quality", "85"));
        Source s = fx.source();
        Listing l = s.list(Optional.empty());
        assertThat(l.items()).extracting(SourceItem::name).containsExactly("Deck - page 2.jpg", "Deck - page 3.jpg");
        assertThat(read(s, named(l, "Deck - page 3.jpg"))).isEqualTo(TestImages.jpeg(14));
        String sent = fake.wireMock().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/rest/v1/exports"))
                .findFirst().orElseThrow().getRequest().getBodyAsString();
        assertThat(sent).contains("\"type\":\"jpg\"").contains("\"quality\":85").contains("\"pages\":[3]");
    }

    @Test
    void aFolderIsListedThroughItsItems() throws Exception {
        fake.setPage("Poster", 1, TestImages.png(15));
        fx.extra.put("folder_id", FakeCanva.FOLDER);
        assertThat(fx.source().list(Optional.empty()).items()).extracting(SourceItem::name).containsExactly("Poster.png");
        fx.extra.put("folder_id", "FAFnoSuchFolder");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> fx.source().list(Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("FAFnoSuchFolder").contains("not found");
    }

    @Test
    void anUnlicensedDesignFailsAloneInPlainWords() throws Exception {
        fake.setPage("Premium", 1, TestImages.png(16));
        fake.setPage("Plain", 1, TestImages.png(17));
        fake.needsLicence.add("Premium");
        Source s = fx.source();
        Listing l = s.list(Optional.empty());
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> read(s, named(l, "Premium.png")));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("Premium").contains("premium elements");
        assertThat(read(s, named(l, "Plain.png"))).isEqualTo(TestImages.png(17));
    }

    @Test
    void anExportThatNeverFinishesIsGivenUpForNowAfterABoundedNumberOfChecks() throws Exception {
        fake.setPage("Video", 1, TestImages.png(19));
        fake.exportsHang = true;
        Source s = fx.source();
        Listing l = s.list(Optional.empty());
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> read(s, l.items().getFirst()));
        assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
        assertThat(e.getMessage()).contains("Video").contains("still exporting");
        assertThat(fx.polls).isEqualTo(40);
    }

    @Test
    void anExpiredAccessTokenIsRenewedOnceWithTheClientSecret() throws Exception {
        fake.setPage("Menu", 1, TestImages.png(18));
        Source s = fx.source();
        fake.expireAccessTokens();
        assertThat(s.list(Optional.empty()).items()).hasSize(1);
        assertThat(fake.refreshes()).isEqualTo(1);
    }

    @Test
    void signInAsksForPkceWithCanvasOwnWordsOnTheRegisteredPort() throws Exception {
        AdapterConfig cfg = new AdapterConfig("canva", CanvaSourceType.ID, Map.of("client_id", FakeCanva.CLIENT_ID));
        OAuthProvider p = CanvaSourceType.provider(cfg, fx.secrets, new OAuthApps(Map.of(), new Properties()));
        URI url = new OAuthClient(Http.newClient(), p).authorizationUrl(
                URI.create("http://127.0.0.1:" + p.loopbackPort() + "/callback"), "st", Pkce.generate());
        Map<String, String> q = OAuthApiFake.form(url.getRawQuery());
        assertThat(url.toString()).startsWith("https://www.canva.com/api/oauth/authorize?");
        assertThat(q).containsEntry("code_challenge_method", "s256").containsEntry("response_type", "code")
                .containsEntry("redirect_uri", "http://127.0.0.1:53689/callback").containsKey("code_challenge");
        assertThat(q.get("scope").split(" ")).containsExactlyInAnyOrder("design:meta:read", "design:content:read",
                "folder:read");
        AdapterConfig noSecret = new AdapterConfig("c", CanvaSourceType.ID, Map.of("client_id", "OC-other"));
        assertThatThrownBy(() -> CanvaSourceType.provider(noSecret, io.lumasync.auth.VaultSecrets.forSource(
                new io.lumasync.auth.InMemorySecretVault(), "c"), new OAuthApps(Map.of(), new Properties())))
                .hasMessageContaining("no client secret");
        assertThatThrownBy(() -> new CanvaSourceType().validate(new AdapterConfig("c", CanvaSourceType.ID,
                Map.of("pages", "3-1")), Map.of())).isInstanceOf(ConfigurationException.class);
    }
}
