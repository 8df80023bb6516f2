package io.lumasync.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One client workspace: a data folder of its own (database, journal, backups, settings, thumbnails), so nothing of
 * one client can show up in another's. The id names the folder and never changes; the display name can.
 *
 * @param id          folder name, lower-case letters, digits and dashes ({@code default} for the first one)
 * @param name        what the user sees, e.g. "Studio Nord"
 * @param accent      colour shown in the window's title area, {@code #rrggbb}
 * @param archived    hidden from the switcher and autosync, recoverable
 * @param mcpReadOnly the MCP door may read this workspace but not change or publish anything in it
 */
public record Workspace(String id, String name, String accent, boolean archived, boolean mcpReadOnly) {
    public static final String DEFAULT_ID = "default";
    public static final String DEFAULT_ACCENT = "#3b82f6";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern ACCENT = Pattern.compile("#[0-9a-fA-F]{6}");
    static final int MAX_NAME = 60;

    public Workspace {
        if (!validId(id)) {
            throw new IllegalArgumentException("not a workspace id: " + id);
        }
        accent = validAccent(accent) ? accent.toLowerCase(Locale.ROOT) : DEFAULT_ACCENT;
    }

    public boolean isDefault() {
        return id.equals(DEFAULT_ID);
    }

    Workspace withName(String newName) {
        return new Workspace(id, newName, accent, archived, mcpReadOnly);
    }

    Workspace withAccent(String newAccent) {
        return new Workspace(id, name, newAccent, archived, mcpReadOnly);
    }

    Workspace withArchived(boolean value) {
        return new Workspace(id, name, accent, value, mcpReadOnly);
    }

    Workspace withMcpReadOnly(boolean value) {
        return new Workspace(id, name, accent, archived, value);
    }

    /** An id can name a folder on every OS and never climbs out of the workspaces folder. */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static boolean validAccent(String accent) {
        return accent != null && ACCENT.matcher(accent).matches();
    }

    /** A folder-safe id made from a display name ("Studio Nord!" → "studio-nord"); "workspace" when nothing is left. */
    static String slug(String name) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > 32) {
            s = s.substring(0, 32).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "workspace" : s;
    }
}
