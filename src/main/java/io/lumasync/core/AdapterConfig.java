package io.lumasync.core;

import java.util.Map;
import java.util.Optional;

/**
 * The saved settings of one configured source or destination.
 *
 * @param name     the user's name for it (unique per family), e.g. "blog"
 * @param typeId   the adapter type id, e.g. "folder", "wordpress"
 * @param settings the non-secret fields (stored in SQLite)
 */
public record AdapterConfig(String name, String typeId, Map<String, String> settings) {
    public AdapterConfig {
        settings = Map.copyOf(settings);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
    }

    public String require(String key) throws LumasyncException {
        return get(key).orElseThrow(() -> new LumasyncException(ErrorKind.UNAVAILABLE,
                "'" + name + "' is missing the setting '" + key + "'. Edit it and fill that field in."));
    }

    public boolean flag(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }

    public int intValue(String key, int dflt) {
        return get(key).map(Integer::parseInt).orElse(dflt);
    }
}
