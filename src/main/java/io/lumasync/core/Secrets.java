package io.lumasync.core;

import java.util.Optional;

/**
 * Read access to the secrets of one configured adapter (its SECRET fields, tokens). Backed by the
 * {@code SecretVault}; adapters see only their own keys. Calls may block briefly (an OS keychain).
 */
public interface Secrets {
    Optional<String> get(String key);

    /** Stores a secret (e.g. a refreshed OAuth token). */
    void put(String key, String value);

    void delete(String key);

    default String require(String key, String adapterName) throws LumasyncException {
        return get(key).orElseThrow(() -> new LumasyncException(ErrorKind.REAUTH,
                "The password or token for '" + adapterName + "' is missing from the keychain. Reconnect it."));
    }
}
