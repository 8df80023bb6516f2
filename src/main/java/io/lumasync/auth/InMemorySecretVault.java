package io.lumasync.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps secrets in memory only: for tests and for runs that must not persist anything. */
public final class InMemorySecretVault implements SecretVault {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public void delete(String key) {
        values.remove(key);
    }

    @Override
    public void deletePrefix(String prefix) {
        values.keySet().removeIf(k -> k.startsWith(prefix));
    }

    @Override
    public String backendName() {
        return "memory (not saved)";
    }
}
