package io.lumasync.ui.common;

import javafx.scene.Node;

/** One sidebar pane. Built on first visit (keeps start-up fast); {@link #shown()} runs on every visit. */
public interface PaneView {
    Node view();

    /** Refreshes data that may have changed elsewhere (runs through Tasks, never blocks). */
    default void shown() {
    }
}
