package io.lumasync.auth;

import com.sun.net.httpserver.HttpServer;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The token endpoint's answers are untrusted input: their size is bounded and their refusals put in words. */
class OAuthClientTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OAuthProvider providerAnswering(int status, byte[] body) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", x -> {
            try (x) {
                x.getResponseHeaders().set("Content-Type", "application/json");
                x.sendResponseHeaders(status, body.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                } catch (java.io.IOException ignored) {
                    // the client stopped reading: what this test is about
                }
            }
        });
        server.start();
        return OAuthProvider.dropbox("app").withEndpoints(URI.create("http://unused.invalid"),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token"));
    }

    @Test
    void anOversizedTokenAnswerIsNotReadToTheEnd() throws Exception {
        String padding = "x".repeat(8 * 1024 * 1024);
        byte[] body = ("{\"pad\":\"" + padding + "\",\"access_token\":\"a\",\"expires_in\":60}").getBytes(StandardCharsets.UTF_8);
        OAuthProvider p = providerAnswering(200, body);
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> new OAuthClient(HttpClient.newHttpClient(), p).refresh("r"));
        assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
        assertThat(e.getMessage()).contains("no access token");
    }

    @Test
    void aRefusedClientIsNotANeedsReconnect() throws Exception {
        OAuthProvider p = providerAnswering(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
        LumasyncException e = catchThrowableOfType(LumasyncException.class,
                () -> new OAuthClient(HttpClient.newHttpClient(), p).refresh("r"));
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("does not accept the app").contains("signing in again will not help")
                .doesNotContain("needs reconnect");
    }

    @Test
    void aRefreshTokenLifetimeIsKeptUntilANewTokenComesWithoutOne() throws Exception {
        OAuthProvider p = providerAnswering(200, ("{\"access_token\":\"a2\",\"expires_in\":3600,"
                + "\"refresh_token\":\"r2\",\"refresh_token_expires_in\":1209600}").getBytes(StandardCharsets.UTF_8));
        java.time.Instant before = java.time.Instant.now();
        TokenSet t = new OAuthClient(HttpClient.newHttpClient(), p).refresh("r1");
        assertThat(t.refreshExpiresAt()).isBetween(before.plusSeconds(1_209_600),
                java.time.Instant.now().plusSeconds(1_209_600));
        assertThat(t.signInEndsAt()).isEqualTo(t.refreshExpiresAt());

        TokenStore store = new TokenStore(VaultSecrets.forSource(new InMemorySecretVault(), "x"));
        store.save(t);
        assertThat(store.load()).get().extracting(TokenSet::refreshExpiresAt).isEqualTo(t.refreshExpiresAt());
        store.save(new TokenSet("a3", java.util.Optional.of("r2"), java.time.Instant.MAX, ""));
        assertThat(store.load()).get().as("the same refresh token keeps its end")
                .extracting(TokenSet::refreshExpiresAt).isEqualTo(t.refreshExpiresAt());
        store.save(new TokenSet("a4", java.util.Optional.of("r3"), java.time.Instant.MAX, ""));
        assertThat(store.load()).get().as("a new refresh token without a stated end")
                .extracting(TokenSet::refreshExpiresAt).isEqualTo(java.time.Instant.MAX);
    }
}
