package io.lumasync.ui.suggestions;

import io.lumasync.sync.AltTextEntry;

import java.util.Optional;

/**
 * One image in the alt-text review: what the destination has, and the text written by hand when the next push or
 * sync has yet to send it.
 *
 * @param own the image's own text set by hand, if any
 */
record AltRow(AltTextEntry entry, Optional<String> own) {

    /** True when a text written by hand differs from what the destination has. */
    boolean pending() {
        return own.isPresent() && !own.get().equals(entry.altText());
    }

    /** The text to show and edit: the one written by hand when it waits to be sent. */
    String text() {
        return pending() ? own.get() : entry.altText();
    }
}
