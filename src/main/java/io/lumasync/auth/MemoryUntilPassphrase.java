package io.lumasync.auth;

import java.nio.file.Path;
import java.util.Optional;

/** The memory fallback, until the user gives a passphrase; then the encrypted file, with what memory held. */
final class MemoryUntilPassphrase implements PassphraseVault {
    private final Path file;
    private volatile SecretVault current;

    MemoryUntilPassphrase(InMemorySecretVault memory, Path file) {
        this.current = memory;
        this.file = file;
    }

    @Override
    public boolean needsPassphrase() {
        return !current.durable();
    }

    @Override
    public synchronized void usePassphrase(char[] passphrase) {
        if (!(current instanceof InMemorySecretVault memory) || current.durable()) {
            return;
        }
        EncryptedFileVault v = EncryptedFileVault.open(file, passphrase);
        memory.moveTo(v);
        current = v;
    }

    @Override
    public boolean durable() {
        return current.durable();
    }

    @Override
    public Optional<String> get(String key) {
        return current.get(key);
    }

    @Override
    public void put(String key, String value) {
        current.put(key, value);
    }

    @Override
    public void delete(String key) {
        current.delete(key);
    }

    @Override
    public void deletePrefix(String prefix) {
        current.deletePrefix(prefix);
    }

    @Override
    public java.util.Set<String> keys(String prefix) {
        return current.keys(prefix);
    }

    @Override
    public String backendName() {
        return current.backendName();
    }
}
