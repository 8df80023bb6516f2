package io.lumasync.ui.suggestions;

import io.lumasync.sync.AltReview;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/** A new image held before its first publish, with its drafted alt text as the user edits it. */
final class PendingAlt {
    private final AltReview.Pending held;
    private final StringProperty text;

    PendingAlt(AltReview.Pending held) {
        this.held = held;
        this.text = new SimpleStringProperty(held.draft());
    }

    AltReview.Pending held() {
        return held;
    }

    StringProperty textProperty() {
        return text;
    }

    /** The text to publish when the user changed the draft; empty when the draft stands as it is. */
    Optional<String> edited() {
        String t = text.get() == null ? "" : text.get().strip();
        return t.equals(held.draft()) ? Optional.empty() : Optional.of(t);
    }
}
