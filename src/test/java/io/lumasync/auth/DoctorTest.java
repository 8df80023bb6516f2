package io.lumasync.auth;

import io.lumasync.core.LumasyncException;
import io.lumasync.testing.LiveServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The doctor's accounts section with the real keychain (when the test keyring runs) and without one. */
class DoctorTest {
    @TempDir
    Path dataDir;

    /** A token endpoint that cannot be reached: health must come from the stored state alone. */
    private static OAuthClient offlineClient() {
        return new OAuthClient(HttpClient.newHttpClient(), OAuthProvider.dropbox("id")
                .withEndpoints(URI.create("http://127.0.0.1:9/authorize"), URI.create("http://127.0.0.1:9/token")));
    }

    private static Map<String, OAuthSession> accounts(SecretVault vault) {
        VaultSecrets good = VaultSecrets.forSource(vault, "doctor-test-photos");
        new TokenStore(good).save(new TokenSet("a-secret-access", Optional.of("r-secret-refresh"),
                Instant.parse("2099-01-01T00:00:00Z"), ""));
        VaultSecrets revoked = VaultSecrets.forSource(vault, "doctor-test-drive");
        new TokenStore(revoked).save(new TokenSet("b-secret-access", Optional.of("b-secret-refresh"), Instant.MAX, ""));
        new TokenStore(revoked).markNeedsReconnect("Google Drive no longer accepts Lumasync's access (Token has been "
                + "expired or revoked.).");
        Map<String, OAuthSession> m = new LinkedHashMap<>();
        m.put("photos (dropbox)", new OAuthSession(offlineClient(), new TokenStore(good), HttpClient.newHttpClient(), "photos"));
        m.put("drive (gdrive)", new OAuthSession(offlineClient(), new TokenStore(revoked), HttpClient.newHttpClient(), "drive"));
        return m;
    }

    @Test
    void withoutAKeychainItNamesTheFallbackAndWhy() {
        SecretVaults.Selection s = SecretVaults.select(dataDir, Map.of(),
                () -> new KeychainSecretVault.Availability(Optional.empty(),
                        "Secret Service (GNOME Keyring / KWallet) over D-Bus: BackendNotSupportedException"));
        String text = Doctor.report(s, accounts(s.vault()));
        System.out.println("[doctor without keyring]\n" + text);
        assertThat(text).contains("Secrets:  memory (not saved)").contains("WARNING: nothing is saved")
                .contains("BackendNotSupportedException")
                .contains("photos (dropbox): ok - connected, access valid until 2099-01-01T00:00:00Z")
                .contains("drive (gdrive): NEEDS RECONNECT")
                .doesNotContain("secret-access").doesNotContain("secret-refresh");
    }

    @Test
    void withTheEncryptedFile() {
        SecretVaults.Selection s = SecretVaults.select(dataDir, Map.of(SecretVaults.PASSPHRASE_ENV, "p"),
                () -> new KeychainSecretVault.Availability(Optional.empty(), "no session bus"));
        String text = Doctor.report(s, Map.of());
        System.out.println("[doctor with encrypted file]\n" + text);
        assertThat(text).contains("Secrets:  encrypted file " + dataDir.resolve("secrets.vault"))
                .contains("Accounts: none connected");
    }

    @Test
    void withTheRealKeychain() throws LumasyncException {
        LiveServers.requireKeyring();
        SecretVaults.Selection s = SecretVaults.select(dataDir, Map.of(), KeychainSecretVault::open);
        try {
            String text = Doctor.report(s, accounts(s.vault()));
            System.out.println("[doctor with real keyring]\n" + text);
            assertThat(text).contains("Secrets:  OS keychain: Secret Service").doesNotContain("WARNING")
                    .contains("drive (gdrive): NEEDS RECONNECT").doesNotContain("secret-refresh");
            // An account that is past expiry and whose refresh cannot be checked is "unknown", not "ok".
            VaultSecrets late = VaultSecrets.forSource(s.vault(), "doctor-test-late");
            new TokenStore(late).save(new TokenSet("x", Optional.of("y"), Instant.now().minusSeconds(60), ""));
            OAuthSession.HealthReport h = new OAuthSession(offlineClient(), new TokenStore(late),
                    HttpClient.newHttpClient(), "late").checkHealth();
            assertThat(h.health()).isEqualTo(OAuthSession.Health.UNKNOWN);
        } finally {
            s.vault().deletePrefix("source/doctor-test-");
            if (s.vault() instanceof KeychainSecretVault k) {
                k.close();
            }
        }
    }
}
