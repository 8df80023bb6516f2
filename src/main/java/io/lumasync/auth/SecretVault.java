package io.lumasync.auth;

import java.util.Optional;

/**
 * Stores secrets (passwords, tokens, keys) outside the database. Keys are namespaced by the caller, e.g.
 * {@code destination/blog/password}. Calls may block (an OS keychain may prompt): never call from the FX thread.
 * Implementations never log values.
 */
public interface SecretVault {

    Optional<String> get(String key);

    void put(String key, String value);

    void delete(String key);

    /** Deletes every key under a prefix (removing an account removes its secrets). */
    void deletePrefix(String prefix);

    /** The keys held under a prefix (moving an account between workspaces); never the values. */
    java.util.Set<String> keys(String prefix);

    /** A plain description of where secrets are kept, shown in Settings and {@code lumasync doctor}. */
    String backendName();

    /**
     * False when what is put here is forgotten when Lumasync exits (the memory fallback on a machine with no usable
     * keychain and no vault passphrase): callers refuse to save a secret there rather than lose it silently.
     */
    default boolean durable() {
        return true;
    }
}
