package io.lumasync.ui.common;

import io.lumasync.ui.common.engine.AppServices;

/** What every pane gets: the engine, the task helper, the window opener, the theme and the thumbnail cache. */
public record AppContext(AppServices services, Tasks tasks, Windows windows, ThemeManager theme,
                         Thumbnails thumbnails) {
}
