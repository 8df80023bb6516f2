package io.lumasync.app;

import io.lumasync.auth.PassphraseVault;
import io.lumasync.auth.SecretVault;
import io.lumasync.auth.SecretVaults;
import io.lumasync.core.Redaction;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses the vault on first use, so commands that need no secret (list, map, push to a folder) neither probe
 * the keychain (up to a second on a bus without Secret Service) nor warn about it. Every secret it hands out or
 * stores is registered with {@link Redaction}, so the log masks it wherever it turns up.
 */
final class LazyVault implements PassphraseVault {
    private final Path dataDir;
    private volatile SecretVault vault;

    LazyVault(Path dataDir) {
        this.dataDir = dataDir;
    }

    private SecretVault vault() {
        SecretVault v = vault;
        if (v == null) {
            synchronized (this) {
                if (vault == null) {
                    vault = SecretVaults.open(dataDir);
                }
                v = vault;
            }
        }
        return v;
    }

    @Override
    public Optional<String> get(String key) {
        Optional<String> value = vault().get(key);
        value.ifPresent(Redaction::register);
        return value;
    }

    @Override
    public void put(String key, String value) {
        Redaction.register(value);
        vault().put(key, value);
    }

    @Override
    public void delete(String key) {
        vault().delete(key);
    }

    @Override
    public void deletePrefix(String prefix) {
        vault().deletePrefix(prefix);
    }

    @Override
    public java.util.Set<String> keys(String prefix) {
        return vault().keys(prefix);
    }

    @Override
    public String backendName() {
        return vault().backendName();
    }

    @Override
    public boolean durable() {
        return vault().durable();
    }

    @Override
    public boolean needsPassphrase() {
        return vault() instanceof PassphraseVault p && p.needsPassphrase();
    }

    @Override
    public void usePassphrase(char[] passphrase) {
        if (vault() instanceof PassphraseVault p) {
            p.usePassphrase(passphrase);
        }
    }
}
