package io.lumasync.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One field of an adapter's settings form. The GUI and the CLI build their forms from these; SECRET fields go
 * to the {@code SecretVault}, never to the database.
 */
public record ConfigField(String key, String label, Kind kind, boolean required, String defaultValue, String help,
                          List<String> choices) {

    public enum Kind { TEXT, SECRET, URL, PATH, NUMBER, BOOLEAN, CHOICE }

    public ConfigField {
        choices = List.copyOf(choices);
        defaultValue = defaultValue == null ? "" : defaultValue;
    }

    public static ConfigField text(String key, String label, boolean required, String help) {
        return new ConfigField(key, label, Kind.TEXT, required, "", help, List.of());
    }

    public static ConfigField secret(String key, String label, String help) {
        return new ConfigField(key, label, Kind.SECRET, true, "", help, List.of());
    }

    public static ConfigField url(String key, String label, String help) {
        return new ConfigField(key, label, Kind.URL, true, "", help, List.of());
    }

    public static ConfigField path(String key, String label, String help) {
        return new ConfigField(key, label, Kind.PATH, true, "", help, List.of());
    }

    public static ConfigField bool(String key, String label, boolean dflt, String help) {
        return new ConfigField(key, label, Kind.BOOLEAN, false, Boolean.toString(dflt), help, List.of());
    }

    public static ConfigField choice(String key, String label, String dflt, List<String> choices, String help) {
        return new ConfigField(key, label, Kind.CHOICE, false, dflt, help, choices);
    }

    public boolean isSecret() {
        return kind == Kind.SECRET;
    }

    /**
     * Why {@code value} cannot be saved in this field, in words for the person who typed it; empty when it can.
     * Checks the kind only (an address, a whole number, one of the choices, a single line); an adapter's own rules
     * come on top. Placeholders such as {@code {token}} or {@code {{filename}}} count as filled in.
     */
    public Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        return switch (kind) {
            case URL -> urlProblem(Placeholders.fillAll(v, "x"));
            case NUMBER -> v.matches("\\d{1,9}") ? Optional.empty()
                    : Optional.of("must be a whole number from 0 to 999999999, not '" + v + "'");
            case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? Optional.empty()
                    : Optional.of("must be true or false, not '" + v + "'");
            case CHOICE -> choices.isEmpty() || choices.stream().anyMatch(c -> c.equalsIgnoreCase(v)) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", choices.stream().filter(c -> !c.isEmpty())
                    .toList()) + ", not '" + v + "'");
            case SECRET, PATH -> v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                    ? Optional.of("holds a line break or another control character") : Optional.empty();
            case TEXT -> Optional.empty();
        };
    }

    private static Optional<String> urlProblem(String v) {
        try {
            // A bare host ("example.com") is completed with https:// by the adapters that accept one.
            URI u = new URI(v.contains("://") ? v : "https://" + v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                return Optional.of("must be a web address starting with https://, not '" + v + "'");
            }
            if (u.getHost() == null || u.getHost().isBlank()) {
                return Optional.of("has no server name in '" + v + "'");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a web address ('" + v + "': " + e.getReason() + ")");
        }
    }
}
