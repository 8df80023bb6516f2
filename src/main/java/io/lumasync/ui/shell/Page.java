package io.lumasync.ui.shell;

import javafx.scene.input.KeyCode;

/** The sidebar entries, in order; Ctrl+1…Ctrl+8 jump to them. */
public enum Page {
    BROWSE("Browse", "See what is in your sources and sync a selection", KeyCode.DIGIT1),
    UPLOAD("Upload", "Drop files or folders to compress and publish them", KeyCode.DIGIT2),
    OPTIMIZE("Optimize", "Recompress images already published at a destination", KeyCode.DIGIT3),
    DESTINATIONS("Destinations", "Where images are published", KeyCode.DIGIT4),
    SOURCES("Sources", "Where images come from", KeyCode.DIGIT5),
    AUTOSYNC("Autosync", "Sync sources in the background on a schedule", KeyCode.DIGIT6),
    ACTIVITY("Activity", "What was synced, skipped or failed, and why", KeyCode.DIGIT7),
    SETTINGS("Settings", "Theme, defaults, tray and start-up", KeyCode.DIGIT8);

    private final String label;
    private final String tooltip;
    private final KeyCode key;

    Page(String label, String tooltip, KeyCode key) {
        this.label = label;
        this.tooltip = tooltip;
        this.key = key;
    }

    public String label() {
        return label;
    }

    public String tooltip() {
        return tooltip;
    }

    public KeyCode key() {
        return key;
    }
}
