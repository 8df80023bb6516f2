package io.lumasync.ui.shell;

import io.lumasync.ui.common.Messages;
import javafx.scene.input.KeyCode;

/** The sidebar entries, in order; Ctrl+1…Ctrl+8 jump to them. */
public enum Page {
    BROWSE("shell.nav.browse", "shell.nav.browse.tooltip", KeyCode.DIGIT1),
    UPLOAD("shell.nav.upload", "shell.nav.upload.tooltip", KeyCode.DIGIT2),
    OPTIMIZE("shell.nav.optimize", "shell.nav.optimize.tooltip", KeyCode.DIGIT3),
    DESTINATIONS("shell.nav.destinations", "shell.nav.destinations.tooltip", KeyCode.DIGIT4),
    SOURCES("shell.nav.sources", "shell.nav.sources.tooltip", KeyCode.DIGIT5),
    AUTOSYNC("shell.nav.autosync", "shell.nav.autosync.tooltip", KeyCode.DIGIT6),
    ACTIVITY("shell.nav.activity", "shell.nav.activity.tooltip", KeyCode.DIGIT7),
    SETTINGS("shell.nav.settings", "shell.nav.settings.tooltip", KeyCode.DIGIT8),
    GROUPS("shell.nav.groups", "shell.nav.groups.tooltip", KeyCode.DIGIT9),
    APPROVALS("shell.nav.approvals", "shell.nav.approvals.tooltip", null),
    HOOKS("shell.nav.hooks", "shell.nav.hooks.tooltip", null),
    SUGGESTIONS("shell.nav.suggestions", "shell.nav.suggestions.tooltip", null),
    GENERATE("shell.nav.generate", "shell.nav.generate.tooltip", null);

    private final String label;
    private final String tooltip;
    private final KeyCode key;

    Page(String label, String tooltip, KeyCode key) {
        this.label = label;
        this.tooltip = tooltip;
        this.key = key;
    }

    public String label() {
        return Messages.get(label);
    }

    public String tooltip() {
        return Messages.get(tooltip);
    }

    /** The digit of its Ctrl shortcut; null for pages without one. */
    public KeyCode key() {
        return key;
    }
}
