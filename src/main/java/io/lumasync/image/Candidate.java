package io.lumasync.image;

import io.lumasync.core.ImageFormat;

/** One encode of the prepared image: its bytes, format, encoder quality, and a note for the activity log. */
record Candidate(byte[] bytes, ImageFormat format, int quality, String note) {
    /** The same encode with {@code more} added to its note. */
    Candidate noted(String more) {
        return new Candidate(bytes, format, quality, note + " " + more);
    }
}
