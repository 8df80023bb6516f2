package io.lumasync.core;

import java.util.List;

/**
 * The bytes the pipeline produced for one destination.
 *
 * @param bytes       the encoded file
 * @param format      its format (by content)
 * @param fileName    the name to publish it under: the source's base name with the new extension
 * @param width       pixel width (0 when unknown, e.g. an original passed through)
 * @param height      pixel height
 * @param inputBytes  the size of the source file
 * @param notes       plain-language remarks for the activity log ("AVIF not accepted here: sent WebP",
 *                    "already optimal: kept the original")
 */
public record EncodedImage(byte[] bytes, ImageFormat format, String fileName, int width, int height,
                           long inputBytes, List<String> notes) {
    /** How the note of an original published as it was ("never bigger") begins; progress lines look for it. */
    public static final String KEPT_ORIGINAL = "Already optimal: kept the original";

    public EncodedImage {
        notes = List.copyOf(notes);
    }

    public long size() {
        return bytes.length;
    }

    public String mimeType() {
        return format.mimeType();
    }

    /** Swaps a file name's extension for the given format's. */
    public static String renameFor(String sourceName, ImageFormat format) {
        int dot = sourceName.lastIndexOf('.');
        String base = dot > 0 ? sourceName.substring(0, dot) : sourceName;
        return base + "." + format.extension();
    }
}
