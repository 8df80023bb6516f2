package io.lumasync.core;

/** What happens to EXIF/IPTC/XMP metadata in outputs. */
public enum MetadataPolicy {
    /** Drop GPS, serial numbers, thumbnails, maker notes; keep copyright, creator, title, caption, keywords, credit. */
    WEB_SAFE,
    KEEP_ALL,
    STRIP_ALL;

    public static MetadataPolicy parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "web-safe", "websafe", "safe" -> WEB_SAFE;
            case "keep-all", "keep" -> KEEP_ALL;
            case "strip-all", "strip" -> STRIP_ALL;
            default -> throw new IllegalArgumentException(
                    "Unknown metadata policy '" + text + "': use web-safe, keep-all or strip-all");
        };
    }
}
