package io.lumasync.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps secrets in memory only. Made with {@code new}, it stands in for a real store (tests); made with
 * {@link #forgetful()}, it is the fallback of a machine with no usable store and says so ({@link #durable()}).
 */
public final class InMemorySecretVault implements SecretVault {
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final boolean durable;

    public InMemorySecretVault() {
        this(true);
    }

    private InMemorySecretVault(boolean durable) {
        this.durable = durable;
    }

    /** The last resort when no keychain and no vault passphrase are available: forgotten at exit. */
    public static InMemorySecretVault forgetful() {
        return new InMemorySecretVault(false);
    }

    @Override
    public boolean durable() {
        return durable;
    }

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
    public java.util.Set<String> keys(String prefix) {
        return values.keySet().stream().filter(k -> k.startsWith(prefix))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Moves every secret held here into {@code target} (a passphrase was given: they can be kept now). */
    void moveTo(SecretVault target) {
        values.forEach(target::put);
        values.clear();
    }

    @Override
    public String backendName() {
        return "memory (not saved)";
    }
}
