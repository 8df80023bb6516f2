package io.lumasync.sync.alt;

import java.util.Locale;
import java.util.Optional;

/** Where a destination's alt text comes from. */
public enum AltMode {
    /** No alt text is written (what was set by hand per item still is). */
    OFF,
    /** From the file name, cleaned: "lisbon-tram-at-dusk.jpg" gives "Lisbon tram at dusk", camera names nothing. */
    BASIC,
    /** From the text written into the file (IPTC/XMP caption, headline, title, keywords), else the file name. */
    EMBEDDED,
    /** A vision model describes a small copy of the image; cached by content, within the monthly budget. */
    AI;

    /** The name used in settings and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AltMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (AltMode m : values()) {
            if (m.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
