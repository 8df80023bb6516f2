package io.lumasync.source.custom;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ready mappings for well-known image APIs, kept as data in {@code presets.json} next to this class: each names
 * the settings the user still fills in (a user name, a base id…) as {placeholders} in its URL.
 */
public final class CustomApiPresets {
    /** One preset: id, display name, a line of help, and the mapping settings it fills in. */
    public record Preset(String id, String name, String help, Map<String, String> values) {
        public Preset {
            values = Map.copyOf(values);
        }
    }

    private static final List<Preset> ALL = load();

    private CustomApiPresets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    public static Optional<Preset> byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static List<Preset> load() {
        try (InputStream in = CustomApiPresets.class.getResourceAsStream("presets.json")) {
            if (in == null) {
                throw new IllegalStateException("presets.json is missing from the build");
            }
            return List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<Preset>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("presets.json cannot be read", e);
        }
    }
}
