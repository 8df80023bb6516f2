package io.lumasync.source.gdrive;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.OAuthApps;
import io.lumasync.auth.OAuthClient;
import io.lumasync.auth.OAuthLogin;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.auth.TokenStore;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.source.CliLogin;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Sign-in as {@code lumasync login} does it against a Google whose token endpoint wants a Desktop app client's
 * secret in the code exchange and every refresh, with only what a Cloud Console registration gives: the client id
 * and its secret.
 */
class DriveSignInTest {
    @TempDir
    Path work;
    private final FakeDrive fake = new FakeDrive(10);
    private final VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "drive");
    private final AtomicReference<HttpResponse<String>> page = new AtomicReference<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private AdapterConfig config(Map<String, String> more) {
        String base = fake.baseUri().toString();
        Map<String, String> s = new HashMap<>(Map.of("folder_id", "root", "api_url", base,
                "authorize_url", base + OAuthApiFake.AUTHORIZE_PATH, "token_url", base + OAuthApiFake.TOKEN_PATH));
        s.putAll(more);
        return new AdapterConfig("drive", DriveSourceType.ID, s);
    }

    private void signIn(OAuthProvider provider) throws LumasyncException {
        new OAuthLogin(Http.newClient(), 0, Duration.ofSeconds(20))
                .run(provider, secrets, url -> page.set(OAuthApiFake.visit(url)));
    }

    /** The authorize page's own answer, its redirect not followed. */
    private static HttpResponse<String> open(URI url) throws Exception {
        try (java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient()) {
            return c.send(java.net.http.HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private List<Map<String, String>> tokenRequests() {
        return fake.wireMock().findAll(postRequestedFor(urlPathEqualTo(OAuthApiFake.TOKEN_PATH))).stream()
                .map(LoggedRequest::getBodyAsString).map(OAuthApiFake::form).toList();
    }

    @Test
    void signsInWithItsOwnDesktopClientAndRefreshesWithTheSecret() throws Exception {
        secrets.put(DriveSourceType.CLIENT_SECRET_KEY, FakeDrive.CLIENT_SECRET);
        AdapterConfig cfg = config(Map.of("client_id", FakeDrive.CLIENT_ID));
        signIn(new DriveSourceType().oauthProvider(cfg, secrets).orElseThrow());
        assertThat(page.get().body()).contains("Signed in");

        fake.put("a.jpg", TestImages.jpeg(1));
        fake.expireAccessTokens(); // the next call is refused, so the session refreshes
        var source = new DriveSourceType().create(new AdapterContext(cfg, secrets, Http.newClient(), work));
        assertThat(source.list(Optional.empty()).items()).hasSize(1);
        assertThat(fake.refreshes()).isEqualTo(1);
        assertThat(tokenRequests()).extracting(f -> f.get("grant_type"))
                .containsExactly("authorization_code", "refresh_token");
        assertThat(tokenRequests()).allSatisfy(f -> assertThat(f).containsEntry("client_secret", FakeDrive.CLIENT_SECRET));
    }

    @Test
    @Timeout(120)
    void theLoginCommandCompletesWithTheClientIdAndItsSecret() throws Exception {
        InMemorySecretVault vault = new InMemorySecretVault();
        VaultSecrets.forSource(vault, "drive").put(DriveSourceType.CLIENT_SECRET_KEY, FakeDrive.CLIENT_SECRET);
        Map<String, String> settings = new HashMap<>(config(Map.of("client_id", FakeDrive.CLIENT_ID)).settings());
        CliLogin.Result r = CliLogin.run(work.resolve("data"), vault, "drive", DriveSourceType.ID, settings);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Signed in: 'drive' is connected");
        assertThat(new TokenStore(VaultSecrets.forSource(vault, "drive")).load()).isPresent();
        assertThat(tokenRequests()).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("grant_type", "authorization_code").containsEntry("client_secret", FakeDrive.CLIENT_SECRET));
    }

    @Test
    void googleTakesAnyLoopbackPortButNoOtherRedirect() throws Exception {
        secrets.put(DriveSourceType.CLIENT_SECRET_KEY, FakeDrive.CLIENT_SECRET);
        OAuthProvider p = DriveSourceType.provider(config(Map.of("client_id", FakeDrive.CLIENT_ID)), secrets,
                new OAuthApps(Map.of(), new Properties()));
        io.lumasync.auth.Pkce pkce = io.lumasync.auth.Pkce.generate();
        OAuthClient client = new OAuthClient(Http.newClient(), p);
        for (String redirect : List.of("http://127.0.0.1:1/callback", "http://127.0.0.1:65000/elsewhere")) {
            HttpResponse<String> r = open(client.authorizationUrl(URI.create(redirect), "s", pkce));
            assertThat(r.statusCode()).as(redirect).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).get().asString().startsWith(redirect + "?code=");
        }
        HttpResponse<String> away = open(client.authorizationUrl(URI.create("https://example.com/cb"), "s", pkce));
        assertThat(away.statusCode()).isEqualTo(400);
        assertThat(away.body()).contains("Invalid redirect_uri");
    }

    @Test
    void theBuildsClientIdComesWithTheBuildsSecret() throws Exception {
        Properties embedded = new Properties();
        embedded.setProperty("google.client_id", FakeDrive.CLIENT_ID);
        embedded.setProperty("google.client_secret", FakeDrive.CLIENT_SECRET);
        signIn(DriveSourceType.provider(config(Map.of()), secrets, new OAuthApps(Map.of(), embedded)));
        assertThat(new TokenStore(secrets).load()).isPresent();
        assertThat(tokenRequests().getFirst()).containsEntry("client_id", FakeDrive.CLIENT_ID)
                .containsEntry("client_secret", FakeDrive.CLIENT_SECRET);
    }

    @Test
    void anEnvironmentsClientIdIsNeverPairedWithTheBuildsSecret() {
        Properties embedded = new Properties();
        embedded.setProperty("google.client_id", "build-id");
        embedded.setProperty("google.client_secret", "build-secret");
        OAuthApps apps = new OAuthApps(Map.of(OAuthApps.GOOGLE_CLIENT_ID_ENV, "env-id"), embedded);
        assertThat(apps.google()).hasValueSatisfying(c -> {
            assertThat(c.id()).isEqualTo("env-id");
            assertThat(c.secret()).isEmpty();
        });
    }

    @Test
    void aClientIdWithoutItsSecretIsToldBeforeTheBrowserOpens() {
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> DriveSourceType.provider(config(Map.of("client_id", FakeDrive.CLIENT_ID)), secrets,
                        new OAuthApps(Map.of(), new Properties())));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("no client secret").contains("Desktop app");
    }

    @Test
    void googlesMissingSecretAnswerIsAPlainMessage() {
        OAuthProvider noSecret = OAuthProvider.google(FakeDrive.CLIENT_ID, Optional.empty())
                .withEndpoints(URI.create("http://unused.invalid"), URI.create(fake.baseUri() + OAuthApiFake.TOKEN_PATH));
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> new OAuthClient(Http.newClient(), noSecret).refresh(OAuthApiFake.REFRESH_TOKEN));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("client_secret is missing").contains("client secret as well as the client ID")
                .doesNotContain("HTTP 400");
    }
}
