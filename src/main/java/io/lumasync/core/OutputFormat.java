package io.lumasync.core;

/** What the user asked the pipeline to produce. */
public enum OutputFormat {
    /** Encode every format the destination accepts and keep the smallest at the target quality. */
    AUTO,
    AVIF,
    WEBP,
    JPEG,
    /** Send the source bytes unchanged. */
    ORIGINAL;

    public static OutputFormat parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> AUTO;
            case "avif" -> AVIF;
            case "webp" -> WEBP;
            case "jpeg", "jpg" -> JPEG;
            case "original", "none" -> ORIGINAL;
            default -> throw new IllegalArgumentException(
                    "Unknown format '" + text + "': use auto, avif, webp, jpeg or original");
        };
    }

    /** The concrete image format, for the fixed choices. */
    public java.util.Optional<ImageFormat> imageFormat() {
        return switch (this) {
            case AVIF -> java.util.Optional.of(ImageFormat.AVIF);
            case WEBP -> java.util.Optional.of(ImageFormat.WEBP);
            case JPEG -> java.util.Optional.of(ImageFormat.JPEG);
            case AUTO, ORIGINAL -> java.util.Optional.empty();
        };
    }
}
