package io.lumasync.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SecretVaultsTest {
    private static final KeychainSecretVault.Availability NO_KEYCHAIN =
            new KeychainSecretVault.Availability(Optional.empty(), "Secret Service: no session bus");

    @TempDir
    Path dataDir;

    @Test
    void withoutAKeychainThePassphraseSelectsTheEncryptedFile() {
        SecretVaults.Selection s = SecretVaults.select(dataDir,
                Map.of(SecretVaults.PASSPHRASE_ENV, "daemon passphrase"), () -> NO_KEYCHAIN);
        assertThat(s.vault()).isInstanceOf(EncryptedFileVault.class);
        assertThat(s.durable()).isTrue();
        assertThat(s.backendName()).startsWith("encrypted file").contains(dataDir.toString());
        assertThat(s.reasons()).singleElement().asString().contains("no session bus");
    }

    @Test
    void withNeitherItFallsBackToMemoryAndSaysSoLoudly() {
        SecretVaults.Selection s = SecretVaults.select(dataDir, Map.of(), () -> NO_KEYCHAIN);
        assertThat(s.vault()).isInstanceOf(InMemorySecretVault.class);
        assertThat(s.durable()).isFalse();
        assertThat(s.vault().durable()).as("the vault itself tells callers its secrets will not last").isFalse();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SecretVaults.warn(new PrintStream(err, true, StandardCharsets.UTF_8), s);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("WARNING: secrets are kept in memory only")
                .contains("no session bus")
                .contains(SecretVaults.PASSPHRASE_ENV + " is not set");
    }

    @Test
    void forcingTheFileSkipsTheKeychainProbe() {
        SecretVaults.Selection s = SecretVaults.select(dataDir,
                Map.of(SecretVaults.FORCE_ENV, "file", SecretVaults.PASSPHRASE_ENV, "x"), () -> {
                    throw new AssertionError("the keychain must not be probed");
                });
        assertThat(s.vault()).isInstanceOf(EncryptedFileVault.class);
    }

    @Test
    void aWrongPassphraseForAnExistingFileIsReportedNotHidden() {
        EncryptedFileVault.open(dataDir.resolve(EncryptedFileVault.FILE_NAME), "first".toCharArray(), 1000).put("k", "v");
        SecretVaults.Selection s = SecretVaults.select(dataDir, Map.of(SecretVaults.PASSPHRASE_ENV, "second"),
                () -> NO_KEYCHAIN);
        assertThat(s.durable()).isFalse();
        assertThat(String.join("\n", s.reasons())).contains("passphrase does not open");
    }
}
