package io.lumasync.source.lightroom;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.OAuthApps;
import io.lumasync.auth.OAuthLogin;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.source.Listing;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.source.Source;
import io.lumasync.source.SourceContract;
import io.lumasync.source.SourceItem;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What Lightroom has beyond the contract (developer.adobe.com/lightroom/lightroom-api-docs: albums nested in
 * collection sets, asset {@code updated} and develop {@code userUpdated}, XMP, renditions 2048 and generated
 * fullsize; Adobe IMS "OAuth Native App" sign-in), against {@link FakeLightroom}.
 */
class LightroomSourceTest {
    @TempDir
    Path work;
    private LightroomSourceContractTest.LightroomFixture fx;

    @BeforeEach
    void start() {
        fx = new LightroomSourceContractTest.LightroomFixture(work);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static SourceItem named(Listing l, String name) {
        return l.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anEditInLightroomChangesThatPhotoOnly() throws Exception {
        fx.put("Portfolio/a.jpg", TestImages.jpeg(1));
        fx.put("Portfolio/b.jpg", TestImages.jpeg(2));
        Source s = fx.source();
        Listing before = s.list(Optional.empty());
        fx.fake.develop("Portfolio/a.jpg", TestImages.jpeg(3));
        Listing after = s.list(Optional.empty());
        assertThat(named(after, "a.jpg").id()).isEqualTo(named(before, "a.jpg").id());
        assertThat(named(after, "a.jpg").fingerprint().sameContentAs(named(before, "a.jpg").fingerprint())).isFalse();
        assertThat(named(after, "b.jpg").fingerprint().sameContentAs(named(before, "b.jpg").fingerprint())).isTrue();
        assertThat(SourceContract.read(s, named(after, "a.jpg"))).isEqualTo(TestImages.jpeg(3));
        assertThat(fx.fake.wireMock().findAll(getRequestedFor(urlPathMatching(".*/renditions/2048")))).hasSize(1);
    }

    @Test
    void aFolderOfAlbumsIsSyncedWithItsAlbumsAsSubFolders() throws Exception {
        fx.put("Clients/Smith Wedding/a.jpg", TestImages.jpeg(4));
        fx.put("Clients/Jones/b.jpg", TestImages.jpeg(5));
        fx.put("Personal/c.jpg", TestImages.jpeg(6));
        fx.put("loose.jpg", TestImages.jpeg(7));
        fx.extra.put("album", "Clients");
        Listing l = fx.source().list(Optional.empty());
        assertThat(l.items()).extracting(SourceItem::name).containsExactlyInAnyOrder("a.jpg", "b.jpg");
        assertThat(named(l, "a.jpg").folder()).isEqualTo("Smith Wedding");
        fx.extra.put("album", "Clients/Smith Wedding");
        assertThat(fx.source().list(Optional.empty()).items()).singleElement()
                .satisfies(i -> assertThat(i.folder()).isEmpty());
        fx.extra.put("album", "Clients/Nobody");
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> fx.source().list(Optional.empty()));
        assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
        assertThat(e.getMessage()).contains("Clients/Nobody");
    }

    @Test
    void fullSizeIsGeneratedWhereAllowedAndOtherwiseTheListingSaysThe2048IsUsed() throws Exception {
        fx.put("Portfolio/a.jpg", TestImages.jpeg(8));
        fx.extra.put("rendition", "fullsize");
        Source s = fx.source();
        SourceItem item = s.list(Optional.empty()).items().getFirst();
        assertThat(SourceContract.read(s, item)).isEqualTo(TestImages.jpeg(8));
        List<LoggedRequest> asked = fx.fake.wireMock().findAll(postRequestedFor(urlPathMatching(".*/renditions")));
        assertThat(asked).singleElement().satisfies(r -> assertThat(r.getHeader("X-Generate-Renditions")).isEqualTo("fullsize"));
        assertThat(s.list(Optional.empty()).problems()).isEmpty();

        fx.fake.fullsizeAllowed = false;
        fx.fake.develop("Portfolio/a.jpg", TestImages.jpeg(9)); // the generated full size is outdated
        SourceItem edited = s.list(Optional.empty()).items().getFirst();
        assertThat(SourceContract.read(s, edited)).isEqualTo(TestImages.jpeg(9));
        assertThat(s.list(Optional.empty()).problems()).singleElement().asString()
                .contains("2048-pixel rendition is used").contains("full-size");
    }

    @Test
    void titleCaptionAndKeywordsComeFromTheXmp() throws Exception {
        fx.put("Portfolio/a.jpg", TestImages.jpeg(10));
        fx.fake.describe("Portfolio/a.jpg", "Harbour at dawn", "Fishing boats leaving Sète at first light",
                List.of("Places|France|Sète", "boats"));
        LightroomSource s = (LightroomSource) fx.source();
        AssetMetadata md = s.metadata(s.list(Optional.empty()).items().getFirst()).orElseThrow();
        assertThat(md.title()).isEqualTo("Harbour at dawn");
        assertThat(md.caption()).isEqualTo("Fishing boats leaving Sète at first light");
        assertThat(md.altText()).isEqualTo(md.caption());
        assertThat(md.description()).isEqualTo("Places France Sète, boats");
        assertThat(fx.fake.wireMock().findAll(anyRequestedFor(urlPathMatching("/v2/.*"))))
                .allSatisfy(r -> assertThat(r.getHeader("X-API-Key")).isEqualTo(FakeLightroom.CLIENT_ID));
    }

    @Test
    void signsInWithAdobeImsAsANativeAppWithPkce() throws Exception {
        VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "lr");
        String base = fx.fake.baseUri().toString();
        AdapterConfig cfg = new AdapterConfig("lr", LightroomSourceType.ID, Map.of("client_id", FakeLightroom.CLIENT_ID,
                "authorize_url", base + OAuthApiFake.AUTHORIZE_PATH, "token_url", base + OAuthApiFake.TOKEN_PATH,
                "redirect_port", "0"));
        var page = new java.util.concurrent.atomic.AtomicReference<java.net.http.HttpResponse<String>>();
        new OAuthLogin(Http.newClient(), 0, Duration.ofSeconds(20)).run(LightroomSourceType.provider(cfg), secrets,
                url -> page.set(OAuthApiFake.visit(url)));
        assertThat(page.get().body()).contains("Signed in");
        LoggedRequest authorize = fx.fake.wireMock().findAll(getRequestedFor(urlPathEqualTo(OAuthApiFake.AUTHORIZE_PATH)))
                .getFirst();
        Map<String, String> q = OAuthApiFake.form(URI.create(authorize.getUrl()).getRawQuery());
        assertThat(q).containsEntry("scope", "openid,AdobeID,lr_partner_apis,lr_partner_rendition_apis,offline_access")
                .containsEntry("code_challenge_method", "S256");
        assertThat(fx.fake.wireMock().findAll(postRequestedFor(urlPathEqualTo(OAuthApiFake.TOKEN_PATH))))
                .singleElement().satisfies(r -> assertThat(OAuthApiFake.form(r.getBodyAsString()))
                        .containsKey("code_verifier").doesNotContainKey("client_secret"));

        LumasyncException none = catchThrowableOfType(LumasyncException.class, () -> LightroomSourceType.provider(
                new AdapterConfig("lr", LightroomSourceType.ID, Map.of()), new OAuthApps(Map.of(), new Properties())));
        assertThat(none.getMessage()).contains("OAuth Native App").contains("Adobe Developer Console");
        assertThat(LightroomSourceType.provider(new AdapterConfig("lr", LightroomSourceType.ID, Map.of()),
                new OAuthApps(Map.of(OAuthApps.ADOBE_CLIENT_ID_ENV, "env-key"), new Properties())).clientId())
                .isEqualTo("env-key");
    }
}
