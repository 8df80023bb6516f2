package io.lumasync.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory fallback becomes the encrypted file once a passphrase is given, keeping what it held. */
class MemoryUntilPassphraseTest {
    @TempDir
    Path dir;

    @Test
    void aPassphraseMovesTheSecretsIntoTheEncryptedFile() {
        Path file = dir.resolve(EncryptedFileVault.FILE_NAME);
        MemoryUntilPassphrase v = new MemoryUntilPassphrase(InMemorySecretVault.forgetful(), file);
        v.put("source/drop/access_token", "tok-1");
        assertThat(v.durable()).isFalse();
        assertThat(v.needsPassphrase()).isTrue();

        v.usePassphrase("a long passphrase".toCharArray());
        assertThat(v.durable()).isTrue();
        assertThat(v.needsPassphrase()).isFalse();
        v.put("destination/hook/secret", "whsec_x");
        EncryptedFileVault reopened = EncryptedFileVault.open(file, "a long passphrase".toCharArray());
        assertThat(reopened.get("source/drop/access_token")).contains("tok-1");
        assertThat(reopened.get("destination/hook/secret")).contains("whsec_x");
    }

    @Test
    void aWrongPassphraseForAnExistingFileKeepsMemoryAndSaysSo() {
        Path file = dir.resolve(EncryptedFileVault.FILE_NAME);
        EncryptedFileVault.open(file, "the first passphrase".toCharArray()).put("k", "v");
        MemoryUntilPassphrase v = new MemoryUntilPassphrase(InMemorySecretVault.forgetful(), file);
        assertThatThrownBy(() -> v.usePassphrase("another passphrase".toCharArray())).isInstanceOf(VaultException.class);
        assertThat(v.needsPassphrase()).isTrue();
        v.usePassphrase("the first passphrase".toCharArray());
        assertThat(v.get("k")).contains("v");
    }
}
