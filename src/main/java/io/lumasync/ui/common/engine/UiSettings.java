package io.lumasync.ui.common.engine;

import io.lumasync.core.EncodeSettings;

import java.nio.file.Path;

/**
 * The user's preferences the desktop app edits.
 *
 * @param defaults     encode settings used when a pane has no other choice
 * @param theme        "system", "light" or "dark"
 * @param altTextMode  "filename" (alt text from the file name), "empty" or "ask"
 * @param keepInTray   closing the window keeps Lumasync running
 * @param startAtLogin start with the desktop session
 * @param dataDir      where the database, thumbnails and backups live (shown; changed by the launcher)
 */
public record UiSettings(EncodeSettings defaults, String theme, String altTextMode, boolean keepInTray,
                         boolean startAtLogin, Path dataDir) {
}
