package io.lumasync.auth;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OAuth 2.0 for native apps end to end against a real OAuth server in this JVM (mock-oauth2-server on 127.0.0.1),
 * with java.net.http.HttpClient playing the system browser. Prints a transcript (ports, parameters) for the notes.
 */
class OAuthLoginTest {
    private MockOAuth2Server oauth;
    private PkceCheckingTokenProxy proxy;
    private OAuthProvider provider;
    private final InMemorySecretVault vault = new InMemorySecretVault();
    private final VaultSecrets secrets = VaultSecrets.forSource(vault, "photos");
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final AtomicReference<HttpResponse<String>> page = new AtomicReference<>();

    @BeforeEach
    void startServer() throws Exception {
        oauth = new MockOAuth2Server();
        oauth.start(InetAddress.getByName("127.0.0.1"), 0);
        proxy = new PkceCheckingTokenProxy(URI.create(oauth.tokenEndpointUrl("dropbox").toString()));
        // Dropbox's own settings (PKCE public client, offline access, read scopes) plus "openid": the test server
        // speaks OpenID Connect and refuses an authorization request without it.
        OAuthProvider dropbox = OAuthProvider.dropbox("lumasync-test-client");
        provider = new OAuthProvider(dropbox.id(), dropbox.displayName(),
                URI.create(oauth.authorizationEndpointUrl("dropbox").toString()), proxy.uri(), dropbox.clientId(),
                dropbox.clientSecret(), java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"),
                dropbox.scopes().stream()).toList(), dropbox.extraAuthorizeParams(), 0);
        System.out.println("[transcript] mock-oauth2-server on " + oauth.baseUrl() + ", PKCE-checking token proxy on "
                + proxy.uri());
    }

    @AfterEach
    void stop() {
        proxy.close();
        oauth.shutdown();
    }

    /** The browser: follows the authorization URL and its redirect back to our receiver. */
    private Consumer<URI> realBrowser() {
        return url -> {
            Map<String, String> q = LoopbackReceiver.query(url);
            proxy.expectedChallenge = q.get("code_challenge");
            page.set(get(url));
        };
    }

    private HttpResponse<String> get(URI url) {
        try {
            return browser.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void signsInWithPkceAndStateThenRefreshes() throws Exception {
        OAuthLogin login = new OAuthLogin(HttpClient.newHttpClient(), 0, Duration.ofSeconds(30));
        TokenSet tokens = login.run(provider, secrets, realBrowser());

        OAuthLogin.Trace t = login.trace();
        Map<String, String> auth = LoopbackReceiver.query(t.authorizationUrl());
        System.out.println("[transcript] receiver bound " + t.boundAddress() + ":" + t.port() + ", redirect_uri "
                + t.redirectUri());
        System.out.println("[transcript] authorization request parameters: " + auth);
        assertThat(InetAddress.getByName(t.boundAddress()).isLoopbackAddress()).isTrue();
        assertThat(t.redirectUri().toString()).isEqualTo("http://127.0.0.1:" + t.port() + "/callback");
        assertThat(auth).containsEntry("response_type", "code")
                .containsEntry("client_id", "lumasync-test-client")
                .containsEntry("redirect_uri", t.redirectUri().toString())
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("token_access_type", "offline");
        assertThat(auth.get("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(auth.get("code_challenge")).hasSize(43);

        // Our own recording of what reached the token endpoint: the verifier is there and matches the challenge.
        Map<String, String> exchange = proxy.tokenRequests.getFirst();
        System.out.println("[transcript] token request parameters: " + redact(exchange));
        assertThat(exchange).containsEntry("grant_type", "authorization_code")
                .containsEntry("redirect_uri", t.redirectUri().toString())
                .containsEntry("client_id", "lumasync-test-client")
                .doesNotContainKey("client_secret");
        assertThat(Pkce.challengeOf(exchange.get("code_verifier"))).isEqualTo(auth.get("code_challenge"));
        assertThat(exchange.get("code")).isNotBlank();

        assertThat(page.get().statusCode()).isEqualTo(200);
        assertThat(page.get().body()).contains("Signed in").contains("close this tab");
        System.out.println("[transcript] browser landed on " + page.get().uri().getScheme() + "://"
                + page.get().uri().getAuthority() + page.get().uri().getPath() + " -> " + page.get().statusCode());

        assertThat(vault.get("source/photos/access_token")).contains(tokens.accessToken());
        assertThat(vault.get("source/photos/refresh_token")).isPresent();
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());

        // Expire the access token: the session refreshes with the stored refresh token, once.
        secrets.put(TokenStore.EXPIRES_AT, Instant.now().minusSeconds(5).toString());
        OAuthSession session = new OAuthSession(new OAuthClient(HttpClient.newHttpClient(), provider),
                new TokenStore(secrets), HttpClient.newHttpClient(), "photos");
        String fresh = session.accessToken();
        assertThat(fresh).isNotEqualTo(tokens.accessToken());
        assertThat(proxy.tokenRequests).hasSize(2);
        assertThat(proxy.tokenRequests.get(1)).containsEntry("grant_type", "refresh_token");
        System.out.println("[transcript] refresh request parameters: " + redact(proxy.tokenRequests.get(1)));
        assertThat(session.checkHealth().health()).isEqualTo(OAuthSession.Health.OK);
    }

    @Test
    void theTokenEndpointRefusesAWrongVerifierSoTheCheckIsReal() throws Exception {
        // Shows the recording proxy verifies PKCE: a code exchanged with another verifier is refused.
        AtomicReference<String> code = new AtomicReference<>();
        Pkce pkce = Pkce.generate();
        proxy.expectedChallenge = pkce.challenge();
        URI redirect = URI.create("http://127.0.0.1:9/callback");
        URI url = new OAuthClient(HttpClient.newHttpClient(), provider).authorizationUrl(redirect, "s", pkce);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        code.set(LoopbackReceiver.query(URI.create(r.headers().firstValue("Location").orElseThrow())).get("code"));
        assertThatThrownBy(() -> new OAuthClient(HttpClient.newHttpClient(), provider)
                .exchangeCode(code.get(), redirect, Pkce.generate()))
                .isInstanceOf(LumasyncException.class)
                .hasMessageContaining("PKCE verification failed");
    }

    @Test
    void aCallbackWithAWrongStateIsRefusedAndNothingIsSaved() {
        OAuthLogin login = new OAuthLogin(HttpClient.newHttpClient(), 0, Duration.ofSeconds(30));
        assertThatThrownBy(() -> login.run(provider, secrets, url -> {
            URI redirect = URI.create(LoopbackReceiver.query(url).get("redirect_uri"));
            page.set(get(URI.create(redirect + "?code=stolen&state=forged")));
        })).isInstanceOf(LumasyncException.class).hasMessageContaining("state check failed");
        assertThat(page.get().statusCode()).isEqualTo(400);
        assertThat(page.get().body()).contains("does not match the sign-in");
        assertThat(vault.get("source/photos/access_token")).isEmpty();
        assertThat(proxy.tokenRequests).isEmpty();
    }

    @Test
    void aBrowserThatNeverReturnsTimesOut() {
        OAuthLogin login = new OAuthLogin(HttpClient.newHttpClient(), 0, Duration.ofMillis(300));
        assertThatThrownBy(() -> login.run(provider, secrets, url -> { }))
                .isInstanceOf(LumasyncException.class).hasMessageContaining("timed out");
        assertThat(vault.get("source/photos/access_token")).isEmpty();
    }

    @Test
    void cancelEndsTheWait() throws Exception {
        OAuthLogin login = new OAuthLogin(HttpClient.newHttpClient(), 0, Duration.ofMinutes(5));
        CompletableFuture<URI> opened = new CompletableFuture<>();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                login.run(provider, secrets, opened::complete);
                return null;
            } catch (LumasyncException e) {
                return e;
            }
        });
        opened.get();
        login.cancel();
        assertThat(outcome.get()).hasMessageContaining("cancelled");
    }

    @Test
    void aPortInUseIsAPlainMessage() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OAuthLogin login = new OAuthLogin(HttpClient.newHttpClient(), busy.getLocalPort(), Duration.ofSeconds(5));
            System.out.println("[transcript] port " + busy.getLocalPort() + " held by another socket");
            assertThatThrownBy(() -> login.run(provider, secrets, url -> { }))
                    .isInstanceOf(LumasyncException.class)
                    .hasMessageContaining("port " + busy.getLocalPort())
                    .hasMessageContaining("another program is using it")
                    .extracting(e -> ((LumasyncException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        }
    }

    @Test
    void deniedConsentIsReportedPlainly() {
        OAuthLogin login = new OAuthLogin(HttpClient.newHttpClient(), 0, Duration.ofSeconds(30));
        assertThatThrownBy(() -> login.run(provider, secrets, url -> {
            Map<String, String> q = LoopbackReceiver.query(url);
            page.set(get(URI.create(q.get("redirect_uri") + "?error=access_denied&state=" + q.get("state"))));
        })).isInstanceOf(LumasyncException.class).hasMessageContaining("access was not granted");
        assertThat(page.get().body()).contains("Sign-in not completed");
    }

    @Test
    void revokedConsentMarksTheAccountNeedsReconnect() throws Exception {
        new OAuthLogin(HttpClient.newHttpClient(), 0, Duration.ofSeconds(30)).run(provider, secrets, realBrowser());
        String refresh = secrets.get(TokenStore.REFRESH).orElseThrow();
        secrets.put(TokenStore.EXPIRES_AT, Instant.now().minusSeconds(5).toString());
        // The user removed the app in the provider's settings: the refresh token is now refused.
        proxy.revoked.add(refresh);
        OAuthSession session = new OAuthSession(new OAuthClient(HttpClient.newHttpClient(), provider),
                new TokenStore(secrets), HttpClient.newHttpClient(), "photos");

        OAuthSession.HealthReport health = session.checkHealth();
        assertThat(health.health()).isEqualTo(OAuthSession.Health.NEEDS_RECONNECT);
        assertThat(health.detail()).contains("needs reconnect").contains("revoked").doesNotContain(refresh);
        assertThatThrownBy(session::accessToken).isInstanceOf(LumasyncException.class)
                .hasMessageContaining("needs reconnect")
                .extracting(e -> ((LumasyncException) e).kind()).isEqualTo(ErrorKind.REAUTH);
        assertThat(new TokenStore(secrets).needsReconnect()).isPresent();

        // One click reconnects: a new sign-in clears the mark.
        new OAuthLogin(HttpClient.newHttpClient(), 0, Duration.ofSeconds(30)).run(provider, secrets, realBrowser());
        assertThat(new TokenStore(secrets).needsReconnect()).isEmpty();
        assertThat(session.checkHealth().health()).isEqualTo(OAuthSession.Health.OK);
    }

    @Test
    void logoutRemovesEveryTokenOfTheAccount() throws Exception {
        OAuthLogin.run(provider, vault, "photos", realBrowser());
        vault.put("source/other/access_token", "keep");
        OAuthLogin.logout(vault, "photos");
        assertThat(vault.get("source/photos/access_token")).isEmpty();
        assertThat(vault.get("source/photos/refresh_token")).isEmpty();
        assertThat(vault.get("source/other/access_token")).contains("keep");
    }

    private static Map<String, String> redact(Map<String, String> form) {
        java.util.TreeMap<String, String> out = new java.util.TreeMap<>(form);
        out.replaceAll((k, v) -> k.equals("code_verifier") || k.equals("refresh_token") || k.equals("code")
                ? v.substring(0, Math.min(6, v.length())) + "…(" + v.length() + " chars)" : v);
        return out;
    }

}
