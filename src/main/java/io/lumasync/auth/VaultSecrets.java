package io.lumasync.auth;

import io.lumasync.core.Secrets;

import java.util.Optional;

/** One adapter's view of the vault: every key is put under {@code prefix} (e.g. {@code source/photos/}). */
public record VaultSecrets(SecretVault vault, String prefix) implements Secrets {
    public VaultSecrets {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a secrets prefix ends with '/': " + prefix);
        }
    }

    public static VaultSecrets forSource(SecretVault vault, String sourceName) {
        return new VaultSecrets(vault, "source/" + sourceName + "/");
    }

    @Override
    public Optional<String> get(String key) {
        return vault.get(prefix + key);
    }

    @Override
    public void put(String key, String value) {
        vault.put(prefix + key, value);
    }

    @Override
    public void delete(String key) {
        vault.delete(prefix + key);
    }

    /** Forgets the whole account. */
    public void deleteAll() {
        vault.deletePrefix(prefix);
    }
}
