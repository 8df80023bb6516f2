package io.lumasync.source.onedrive;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.OAuthApps;
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

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Sign-in as {@code lumasync login} does it against a Microsoft identity platform that treats Lumasync as a public
 * client ("Microsoft identity platform and OAuth 2.0 authorization code flow"; "Redirect URI (reply URL) best
 * practices and limitations": loopback redirects match on any port): PKCE, no client secret, refresh tokens.
 */
class OneDriveSignInTest {
    @TempDir
    Path work;
    private final FakeGraph fake = new FakeGraph("personal", "Photos", 10);
    private final VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "onedrive");
    private final AtomicReference<HttpResponse<String>> page = new AtomicReference<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private AdapterConfig config(Map<String, String> more) {
        String base = fake.baseUri().toString();
        Map<String, String> s = new HashMap<>(Map.of("folder", "/Photos", "api_url", base,
                "authorize_url", base + OAuthApiFake.AUTHORIZE_PATH, "token_url", base + OAuthApiFake.TOKEN_PATH));
        s.putAll(more);
        return new AdapterConfig("onedrive", OneDriveSourceType.ID, s);
    }

    private List<Map<String, String>> tokenRequests() {
        return fake.wireMock().findAll(postRequestedFor(urlPathEqualTo(OAuthApiFake.TOKEN_PATH))).stream()
                .map(LoggedRequest::getBodyAsString).map(OAuthApiFake::form).toList();
    }

    @Test
    void signsInAsAPublicClientWithPkceAndRefreshesWithoutASecret() throws Exception {
        AdapterConfig cfg = config(Map.of("client_id", FakeGraph.CLIENT_ID));
        new OAuthLogin(Http.newClient(), 0, Duration.ofSeconds(20)).run(
                new OneDriveSourceType().oauthProvider(cfg, secrets).orElseThrow(), secrets,
                url -> page.set(OAuthApiFake.visit(url)));
        assertThat(page.get().body()).contains("Signed in");
        LoggedRequest authorize = fake.wireMock().findAll(getRequestedFor(urlPathEqualTo(OAuthApiFake.AUTHORIZE_PATH)))
                .getFirst();
        Map<String, String> q = OAuthApiFake.form(URI.create(authorize.getUrl()).getRawQuery());
        assertThat(q).containsEntry("scope", "Files.Read.All offline_access").containsEntry("prompt", "select_account")
                .containsEntry("code_challenge_method", "S256");
        assertThat(URI.create(q.get("redirect_uri")).getPath()).isEqualTo("/callback");

        fake.put("a.jpg", TestImages.jpeg(1));
        fake.expireAccessTokens();
        var source = new OneDriveSourceType().create(new AdapterContext(cfg, secrets, Http.newClient(), work));
        assertThat(source.list(Optional.empty()).items()).hasSize(1);
        assertThat(fake.refreshes()).isEqualTo(1);
        assertThat(tokenRequests()).extracting(f -> f.get("grant_type"))
                .containsExactly("authorization_code", "refresh_token");
        assertThat(tokenRequests()).allSatisfy(f -> assertThat(f).doesNotContainKey("client_secret"));
        assertThat(tokenRequests().getFirst()).containsKey("code_verifier");
    }

    @Test
    @Timeout(120)
    void theLoginCommandConnectsTheSource() throws Exception {
        InMemorySecretVault vault = new InMemorySecretVault();
        Map<String, String> settings = new HashMap<>(config(Map.of("client_id", FakeGraph.CLIENT_ID)).settings());
        CliLogin.Result r = CliLogin.run(work.resolve("data"), vault, "onedrive", OneDriveSourceType.ID, settings);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Signed in: 'onedrive' is connected");
        assertThat(new TokenStore(VaultSecrets.forSource(vault, "onedrive")).load()).isPresent();
    }

    @Test
    void theTenantChoosesWhichAccountsMaySignIn() throws Exception {
        OAuthApps none = new OAuthApps(Map.of(), new Properties());
        AdapterConfig work = new AdapterConfig("w", OneDriveSourceType.ID, Map.of("client_id", "id", "tenant", "organizations"));
        OAuthProvider p = OneDriveSourceType.provider(work, none);
        assertThat(p.authorizationUri()).hasToString("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize");
        assertThat(p.tokenUri()).hasToString("https://login.microsoftonline.com/organizations/oauth2/v2.0/token");
        assertThat(p.clientSecret()).isEmpty();
        AdapterConfig any = new AdapterConfig("a", OneDriveSourceType.ID, Map.of());
        OAuthProvider fromBuild = OneDriveSourceType.provider(any,
                new OAuthApps(Map.of(OAuthApps.MICROSOFT_CLIENT_ID_ENV, "env-app-id"), new Properties()));
        assertThat(fromBuild.clientId()).isEqualTo("env-app-id");
        assertThat(fromBuild.authorizationUri().getPath()).startsWith("/common/");
    }

    @Test
    void withoutAnAppRegistrationTheUserIsToldWhatToDo() {
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> OneDriveSourceType.provider(
                new AdapterConfig("od", OneDriveSourceType.ID, Map.of()), new OAuthApps(Map.of(), new Properties())));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("Microsoft Entra").contains("Application (client) ID");
    }

    @Test
    void theAuthorizePageTakesTheChallengeMethodOnlyAsS256() {
        String base = fake.baseUri() + OAuthApiFake.AUTHORIZE_PATH + "?response_type=code&client_id=" + FakeGraph.CLIENT_ID
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcallback&code_challenge=abc&state=s"
                + "&code_challenge_method=";
        HttpResponse<String> lower = OAuthApiFake.visit(URI.create(base + "s256"));
        assertThat(lower.statusCode()).isEqualTo(400);
        assertThat(lower.body()).contains("code_challenge_method must be S256");
    }
}
