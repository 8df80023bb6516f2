package io.lumasync.sync;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.ConfigField;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.LumasyncException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a destination's or source's settings when they are saved, before anything is stored: first each field for
 * its kind, then the adapter's own rules. A value that can never work is refused now, with its reason, instead of
 * being accepted and then refused by every run.
 */
final class SettingsValidation {
    /** The adapter's own check ({@code DestinationType::validate}, {@code SourceType::validate}). */
    @FunctionalInterface
    interface AdapterCheck {
        void validate(AdapterConfig config, Map<String, String> secrets) throws LumasyncException;
    }

    private SettingsValidation() {
    }

    static void check(String owner, String typeId, List<ConfigField> fields, Map<String, String> values,
                      AdapterCheck adapter) throws LumasyncException {
        Map<String, String> settings = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        for (ConfigField f : fields) {
            String v = values.get(f.key());
            Optional<String> problem = f.problem(v);
            if (problem.isPresent()) {
                throw new ConfigurationException("'" + owner + "': " + f.label() + " " + problem.get() + ".");
            }
            if (v != null && !v.isBlank()) {
                (f.isSecret() ? secrets : settings).put(f.key(), v);
            }
        }
        adapter.validate(new AdapterConfig(owner, typeId, settings), secrets);
    }
}
