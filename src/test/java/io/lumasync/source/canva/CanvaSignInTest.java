package io.lumasync.source.canva;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.OAuthLogin;
import io.lumasync.auth.TokenStore;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.source.CliLogin;
import io.lumasync.source.Listing;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole browser sign-in as {@code lumasync login} runs it against Canva's authorization server as Canva's
 * Connect API "Authentication" guide and "Generate an access token" reference describe it: the authorize page takes
 * the integration's client id, the exact registered redirect URL, {@code code_challenge_method=s256} and a state;
 * the token endpoint checks the code, the redirect, the PKCE verifier and the client secret. The issued token then
 * lists designs ("List designs").
 */
class CanvaSignInTest {
    @TempDir
    Path work;
    private final int port = freePort();
    private final FakeCanva fake = new FakeCanva(2, port);
    private final VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "canva");
    private final AtomicReference<HttpResponse<String>> page = new AtomicReference<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> settings() {
        String base = fake.baseUri().toString();
        return new HashMap<>(Map.of("client_id", FakeCanva.CLIENT_ID, "api_url", base,
                "authorize_url", base + OAuthApiFake.AUTHORIZE_PATH, "token_url", base + OAuthApiFake.TOKEN_PATH,
                "redirect_port", Integer.toString(port)));
    }

    private AdapterConfig config() {
        return new AdapterConfig("canva", CanvaSourceType.ID, settings());
    }

    private List<Map<String, String>> tokenRequests() {
        return fake.wireMock().findAll(postRequestedFor(urlPathEqualTo(OAuthApiFake.TOKEN_PATH))).stream()
                .map(LoggedRequest::getBodyAsString).map(OAuthApiFake::form).toList();
    }

    private Map<String, String> authorizeQuery() {
        LoggedRequest authorize = fake.wireMock().findAll(getRequestedFor(urlPathEqualTo(OAuthApiFake.AUTHORIZE_PATH)))
                .getFirst();
        return OAuthApiFake.form(URI.create(authorize.getUrl()).getRawQuery());
    }

    private static String s256(String verifier) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    }

    @Test
    void signsInThroughTheBrowserAndTheIssuedTokenListsTheDesigns() throws Exception {
        secrets.put(CanvaSourceType.CLIENT_SECRET_KEY, FakeCanva.CLIENT_SECRET);
        OAuthLogin login = new OAuthLogin(Http.newClient(), 0, Duration.ofSeconds(20));
        login.run(new CanvaSourceType().oauthProvider(config(), secrets).orElseThrow(), secrets,
                url -> page.set(OAuthApiFake.visit(url)));

        assertThat(page.get().statusCode()).isEqualTo(200);
        assertThat(page.get().body()).contains("Signed in");
        assertThat(login.trace().redirectUri()).hasToString("http://127.0.0.1:" + port + "/callback");
        Map<String, String> q = authorizeQuery();
        assertThat(q).containsEntry("code_challenge_method", "s256").containsEntry("client_id", FakeCanva.CLIENT_ID)
                .containsEntry("redirect_uri", "http://127.0.0.1:" + port + "/callback");
        assertThat(q.get("state")).hasSizeGreaterThanOrEqualTo(16);
        Map<String, String> exchange = tokenRequests().getFirst();
        assertThat(exchange).containsEntry("grant_type", "authorization_code")
                .containsEntry("client_secret", FakeCanva.CLIENT_SECRET);
        assertThat(s256(exchange.get("code_verifier"))).isEqualTo(q.get("code_challenge"));
        assertThat(fake.oauth().codeExchanges()).isEqualTo(1);

        fake.setPage("Poster", 1, TestImages.png(1));
        fake.setPage("Poster", 2, TestImages.png(2));
        fake.setPage("Menu", 1, TestImages.png(3));
        var source = new CanvaSourceType().create(new AdapterContext(config(), secrets, Http.newClient(), work));
        Listing l = source.list(Optional.empty());
        assertThat(l.items()).hasSize(3);
        // the listing ran on the token the sign-in stored, not on a refreshed one
        assertThat(fake.refreshes()).isZero();
        String issued = new TokenStore(secrets).load().orElseThrow().accessToken();
        assertThat(fake.wireMock().findAll(getRequestedFor(urlPathEqualTo("/rest/v1/designs"))))
                .isNotEmpty().allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + issued));
    }

    @Test
    @Timeout(120)
    void theLoginCommandConnectsTheSourceWithTheSecretFromTheKeychain() throws Exception {
        InMemorySecretVault vault = new InMemorySecretVault();
        VaultSecrets.forSource(vault, "canva").put(CanvaSourceType.CLIENT_SECRET_KEY, FakeCanva.CLIENT_SECRET);
        CliLogin.Result r = CliLogin.run(work.resolve("data"), vault, "canva", CanvaSourceType.ID, settings());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Signed in: 'canva' is connected");
        assertThat(new TokenStore(VaultSecrets.forSource(vault, "canva")).load()).isPresent();
        assertThat(fake.oauth().codeExchanges()).isEqualTo(1);
    }

    @Test
    void aWrongSecretIsRefusedAndNothingIsStored() throws Exception {
        secrets.put(CanvaSourceType.CLIENT_SECRET_KEY, "not-the-secret");
        OAuthLogin login = new OAuthLogin(Http.newClient(), 0, Duration.ofSeconds(20));
        assertThatThrownBy(() -> login.run(new CanvaSourceType().oauthProvider(config(), secrets).orElseThrow(),
                secrets, url -> page.set(OAuthApiFake.visit(url)))).isInstanceOf(LumasyncException.class);
        assertThat(tokenRequests()).singleElement().satisfies(f -> assertThat(f).containsKey("code_verifier"));
        assertThat(fake.oauth().codeExchanges()).isZero();
        assertThat(new TokenStore(secrets).load()).isEmpty();
    }

    @Test
    void anAnswerWithAnotherStateIsRefused() throws Exception {
        secrets.put(CanvaSourceType.CLIENT_SECRET_KEY, FakeCanva.CLIENT_SECRET);
        OAuthLogin login = new OAuthLogin(Http.newClient(), 0, Duration.ofSeconds(20));
        // a page that is not Canva's sends the browser to the receiver with a code and a state it made up
        assertThatThrownBy(() -> login.run(new CanvaSourceType().oauthProvider(config(), secrets).orElseThrow(),
                secrets, url -> page.set(OAuthApiFake.visit(URI.create(
                        "http://127.0.0.1:" + port + "/callback?code=forged&state=someone-elses")))))
                .isInstanceOf(LumasyncException.class).hasMessageContaining("state check failed");
        assertThat(tokenRequests()).isEmpty();
        assertThat(new TokenStore(secrets).load()).isEmpty();
    }
}
