package io.lumasync.auth;

import io.lumasync.testing.LiveServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OS keychain for real: scripts/services.d/keyring.sh starts gnome-keyring on the test session bus and sets
 * LUMASYNC_TEST_KEYRING=1. Without it the test says why and skips, or fails under CI.
 */
class KeychainSecretVaultTest {
    private KeychainSecretVault vault;

    @BeforeEach
    void openRealKeychain() {
        LiveServers.requireKeyring();
        KeychainSecretVault.Availability a = KeychainSecretVault.open();
        assertThat(a.vault()).as("keychain should be usable: %s", a.reason()).isPresent();
        vault = a.vault().get();
    }

    @AfterEach
    void close() {
        if (vault != null) {
            vault.deletePrefix("test/");
            vault.close();
        }
    }

    @Test
    void storesReadsAndDeletesInTheSecretService() throws Exception {
        vault.put("test/dropbox/refresh_token", "r-123");
        assertThat(vault.get("test/dropbox/refresh_token")).contains("r-123");
        assertThat(vault.backendName()).isEqualTo("OS keychain: Secret Service (GNOME Keyring / KWallet) over D-Bus");
        // Another client of the same Secret Service sees it: it really is in the keyring, not in our process.
        assertThat(secretToolLookup("test/dropbox/refresh_token")).isEqualTo("r-123");
        vault.put("test/dropbox/refresh_token", "r-456");
        assertThat(vault.get("test/dropbox/refresh_token")).contains("r-456");
        vault.delete("test/dropbox/refresh_token");
        assertThat(vault.get("test/dropbox/refresh_token")).isEmpty();
        assertThat(vault.get("test/never-written")).isEmpty();
    }

    @Test
    void removingAnAccountRemovesAllItsSecretsEvenAfterReopening() {
        vault.put("test/acct/access_token", "a");
        vault.put("test/acct/refresh_token", "r");
        vault.put("test/other/password", "p");
        vault.close();
        vault = KeychainSecretVault.open().vault().orElseThrow();
        vault.deletePrefix("test/acct/");
        assertThat(vault.get("test/acct/access_token")).isEmpty();
        assertThat(vault.get("test/acct/refresh_token")).isEmpty();
        assertThat(vault.get("test/other/password")).contains("p");
    }

    private static String secretToolLookup(String key) throws Exception {
        Process p = new ProcessBuilder("secret-tool", "lookup", "service", KeychainSecretVault.SERVICE, "account", key)
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
