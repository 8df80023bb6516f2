package io.lumasync.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptedFileVaultTest {
    private static final int FAST = 1_000; // the real default (600,000) is for users, not for a shared CI core
    private static final String TOKEN = "sl.u.SECRET-refresh-token-42";

    @TempDir
    Path dir;

    @Test
    void keepsSecretsAcrossReopeningWithTheSamePassphrase() {
        Path file = dir.resolve("secrets.vault");
        EncryptedFileVault v = EncryptedFileVault.open(file, "correct horse".toCharArray(), FAST);
        v.put("source/dropbox/refresh_token", TOKEN);
        v.put("source/dropbox/access_token", "a1");
        v.put("destination/blog/password", "pw");

        EncryptedFileVault again = EncryptedFileVault.open(file, "correct horse".toCharArray(), FAST);
        assertThat(again.get("source/dropbox/refresh_token")).contains(TOKEN);
        again.deletePrefix("source/dropbox/");
        assertThat(EncryptedFileVault.open(file, "correct horse".toCharArray()).get("source/dropbox/access_token")).isEmpty();
        assertThat(EncryptedFileVault.open(file, "correct horse".toCharArray()).get("destination/blog/password")).contains("pw");
    }

    @Test
    void theFileHoldsNoPlainSecretAndIsOwnerOnly() throws Exception {
        Path file = dir.resolve("secrets.vault");
        EncryptedFileVault.open(file, "pass phrase".toCharArray(), FAST).put("k", TOKEN);
        String raw = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(TOKEN).doesNotContain("pass phrase").contains("lumasync-vault-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aWrongPassphraseIsAPlainErrorNamingTheFile() {
        Path file = dir.resolve("secrets.vault");
        EncryptedFileVault.open(file, "right one".toCharArray(), FAST).put("k", TOKEN);
        assertThatThrownBy(() -> EncryptedFileVault.open(file, "wrong one".toCharArray()))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("passphrase does not open")
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aTamperedHeaderIsRefused() throws Exception {
        Path file = dir.resolve("secrets.vault");
        EncryptedFileVault.open(file, "right one".toCharArray(), FAST).put("k", TOKEN);
        // Lowering the iteration count would weaken the key: the header is authenticated, so this must fail.
        Files.writeString(file, Files.readString(file).replace("\"iterations\":1000", "\"iterations\":999"));
        assertThatThrownBy(() -> EncryptedFileVault.open(file, "right one".toCharArray()))
                .isInstanceOf(VaultException.class);
    }

    @Test
    void anEmptyPassphraseIsRefused() {
        assertThatThrownBy(() -> EncryptedFileVault.open(dir.resolve("v"), new char[0]))
                .hasMessageContaining("empty");
    }

    @Test
    void twoVaultsOnOneFileKeepEachOthersChanges() throws Exception {
        Path file = dir.resolve("secrets.vault");
        EncryptedFileVault app = EncryptedFileVault.open(file, "shared".toCharArray(), FAST);
        EncryptedFileVault daemon = EncryptedFileVault.open(file, "shared".toCharArray(), FAST);
        app.put("source/dropbox/refresh_token", TOKEN);
        daemon.put("destination/s3/secret_key", "new-s3-secret");
        app.delete("source/dropbox/refresh_token"); // logged out in the app
        daemon.put("destination/blog/password", "pw");

        EncryptedFileVault fresh = EncryptedFileVault.open(file, "shared".toCharArray(), FAST);
        assertThat(fresh.get("destination/s3/secret_key")).contains("new-s3-secret");
        assertThat(fresh.get("destination/blog/password")).contains("pw");
        assertThat(fresh.get("source/dropbox/refresh_token")).as("a logged-out token stays gone").isEmpty();
        assertThat(app.get("destination/blog/password")).as("a read sees the other's write").contains("pw");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void concurrentWritersFromManyThreadsLoseNothing() throws Exception {
        Path file = dir.resolve("secrets.vault");
        EncryptedFileVault.open(file, "shared".toCharArray(), FAST);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int n = t;
            EncryptedFileVault own = EncryptedFileVault.open(file, "shared".toCharArray(), FAST);
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10; i++) {
                    own.put("k" + n + "-" + i, "v" + i);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        EncryptedFileVault all = EncryptedFileVault.open(file, "shared".toCharArray(), FAST);
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 10; i++) {
                assertThat(all.get("k" + t + "-" + i)).contains("v" + i);
            }
        }
    }

    @Test
    void aFileAskingForAbsurdKeyStrengthIsRefusedAtOnce() throws Exception {
        Path file = dir.resolve("secrets.vault");
        EncryptedFileVault.open(file, "right one".toCharArray(), FAST).put("k", TOKEN);
        Files.writeString(file, Files.readString(file).replace("\"iterations\":1000", "\"iterations\":2000000000"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> EncryptedFileVault.open(file, "right one".toCharArray()))
                .isInstanceOf(VaultException.class).hasMessageContaining("out of range");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
}

