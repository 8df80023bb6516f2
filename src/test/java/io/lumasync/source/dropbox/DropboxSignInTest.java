package io.lumasync.source.dropbox;

import io.lumasync.auth.InMemorySecretVault;
import io.lumasync.auth.OAuthApps;
import io.lumasync.auth.OAuthLogin;
import io.lumasync.auth.OAuthProvider;
import io.lumasync.auth.TokenStore;
import io.lumasync.auth.VaultSecrets;
import io.lumasync.core.AdapterConfig;
import io.lumasync.core.AdapterContext;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.Http;
import io.lumasync.source.CliLogin;
import io.lumasync.source.OAuthApiFake;
import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in as {@code lumasync login} does it (the source type's provider, then {@link OAuthLogin}) against a
 * Dropbox whose authorize page accepts only the redirect URIs registered for the app, with nothing but what an
 * App Console registration gives: the app key and the redirect URI.
 */
class DropboxSignInTest {
    @TempDir
    Path work;
    private final FakeDropbox fake = new FakeDropbox("/Photos", 10);
    private final VaultSecrets secrets = VaultSecrets.forSource(new InMemorySecretVault(), "photos");
    private final AtomicReference<HttpResponse<String>> page = new AtomicReference<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private AdapterConfig config(Map<String, String> more) {
        String base = fake.baseUri().toString();
        Map<String, String> s = new HashMap<>(Map.of("folder", "/Photos", "api_url", base, "content_url", base,
                "notify_url", base, "authorize_url", base + OAuthApiFake.AUTHORIZE_PATH,
                "token_url", base + OAuthApiFake.TOKEN_PATH));
        s.putAll(more);
        return new AdapterConfig("photos", DropboxSourceType.ID, s);
    }

    private void signIn(OAuthProvider provider, Duration wait) throws LumasyncException {
        new OAuthLogin(Http.newClient(), 0, wait).run(provider, secrets, url -> page.set(OAuthApiFake.visit(url)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void signsInOnTheRegisteredRedirectAndTheSourceThenWorks() throws Exception {
        int port = freePort();
        fake.registerRedirect("http://127.0.0.1:" + port + "/callback");
        AdapterConfig cfg = config(Map.of("client_id", FakeDropbox.APP_KEY, "redirect_port", Integer.toString(port)));
        signIn(new DropboxSourceType().oauthProvider(cfg, secrets).orElseThrow(), Duration.ofSeconds(20));

        assertThat(page.get().statusCode()).isEqualTo(200);
        assertThat(page.get().body()).contains("Signed in");
        assertThat(fake.oauth().codeExchanges()).isEqualTo(1);
        assertThat(new TokenStore(secrets).load()).isPresent();
        fake.put("a.jpg", TestImages.jpeg(1));
        var source = new DropboxSourceType().create(new AdapterContext(cfg, secrets, Http.newClient(), work));
        assertThat(source.list(Optional.empty()).items()).hasSize(1);
    }

    @Test
    @Timeout(120)
    void theLoginCommandCompletesWithOnlyTheAppKey() throws Exception {
        int port = freePort();
        fake.registerRedirect("http://127.0.0.1:" + port + "/callback");
        InMemorySecretVault vault = new InMemorySecretVault();
        Map<String, String> settings = new HashMap<>(config(Map.of("client_id", FakeDropbox.APP_KEY,
                "redirect_port", Integer.toString(port))).settings());
        CliLogin.Result r = CliLogin.run(work.resolve("data"), vault, "photos", DropboxSourceType.ID, settings);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Signed in: 'photos' is connected");
        assertThat(new TokenStore(VaultSecrets.forSource(vault, "photos")).load()).isPresent();
        assertThat(fake.oauth().codeExchanges()).isEqualTo(1);
    }

    @Test
    void aRedirectOnAnyOtherPortIsRefusedByDropboxsAuthorizePage() throws Exception {
        int registered = freePort();
        fake.registerRedirect("http://127.0.0.1:" + registered + "/callback");
        // A system-chosen port, as sign-in used before: its redirect cannot have been registered.
        OAuthProvider anyPort = DropboxSourceType.provider(config(Map.of("client_id", FakeDropbox.APP_KEY)))
                .withLoopbackPort(0);
        assertThatThrownBy(() -> signIn(anyPort, Duration.ofSeconds(2)))
                .isInstanceOf(LumasyncException.class).hasMessageContaining("timed out");
        assertThat(page.get().statusCode()).isEqualTo(400);
        assertThat(page.get().body()).contains("Invalid redirect_uri");
        assertThat(new TokenStore(secrets).load()).isEmpty();
    }

    @Test
    void theDefaultRedirectIsTheFixedPortTheRegistrationLists() throws Exception {
        OAuthProvider p = DropboxSourceType.provider(config(Map.of("client_id", FakeDropbox.APP_KEY)));
        assertThat(p.loopbackPort()).isEqualTo(OAuthProvider.DROPBOX_LOOPBACK_PORT);
        assertThat(p.clientSecret()).isEmpty();
    }

    @Test
    void withoutItsOwnAppKeyASourceUsesTheBuildsOne() throws Exception {
        Properties embedded = new Properties();
        embedded.setProperty("dropbox.app_key", "build-app-key");
        OAuthProvider p = DropboxSourceType.provider(config(Map.of()), new OAuthApps(Map.of(), embedded));
        assertThat(p.clientId()).isEqualTo("build-app-key");
        OAuthProvider fromEnv = DropboxSourceType.provider(config(Map.of()),
                new OAuthApps(Map.of(OAuthApps.DROPBOX_APP_KEY_ENV, "env-app-key"), embedded));
        assertThat(fromEnv.clientId()).isEqualTo("env-app-key");
        assertThatThrownBy(() -> DropboxSourceType.provider(config(Map.of()), new OAuthApps(Map.of(), new Properties())))
                .hasMessageContaining("has no Dropbox app key");
    }
}
