package io.lumasync.auth;

import java.nio.file.Path;

/** The vaults of machines unlike the one running the tests, for tests outside this package. */
public final class TestVaults {
    private TestVaults() {
    }

    /**
     * What {@link SecretVaults#open} gives on a machine without a usable keychain: memory only until a passphrase
     * is given, then the encrypted file in {@code dataDir}.
     */
    public static PassphraseVault withoutKeychain(Path dataDir) {
        return new MemoryUntilPassphrase(InMemorySecretVault.forgetful(), dataDir.resolve(EncryptedFileVault.FILE_NAME));
    }
}
