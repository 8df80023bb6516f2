package io.lumasync.core;

import java.util.List;

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
}
