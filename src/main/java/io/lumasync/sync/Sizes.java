package io.lumasync.sync;

import java.util.Locale;

/** Byte counts in words people read. */
public final class Sizes {
    private Sizes() {
    }

    /** The one byte formatter of the app and the CLI: "512 B", "13.1 KB", "340 KB", "4.2 MB", "1.3 GB". */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return String.format(Locale.ROOT, kb < 100 ? "%.1f KB" : "%.0f KB", kb);
        }
        double mb = kb / 1024;
        if (mb < 1024) {
            return String.format(Locale.ROOT, "%.1f MB", mb);
        }
        return String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Reads a size as people write it: "2MB", "500 KB", "1.5GB" or plain bytes (units of 1,024, as shown). */
    public static long parse(String text) throws io.lumasync.core.ConfigurationException {
        java.util.regex.Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new io.lumasync.core.ConfigurationException("'" + text + "' is not a size: write it like 2MB, 500KB "
                    + "or 1.5GB.");
        }
        double n = Double.parseDouble(m.group(1));
        long factor = switch (m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> 1L << 10;
            case "mb" -> 1L << 20;
            case "gb" -> 1L << 30;
            default -> 1;
        };
        return Math.round(n * factor);
    }

    /** "1.2 MB → 340 KB (−72%)". */
    public static String saving(long before, long after) {
        if (before <= 0) {
            return human(after);
        }
        long pct = Math.round(100.0 * (after - before) / before);
        return human(before) + " → " + human(after) + " (" + (pct <= 0 ? "−" + (-pct) : "+" + pct) + "%)";
    }

    /** What a finished item saved, or that its original was kept because nothing re-encoded was smaller. */
    public static String result(ItemProgress p) {
        return p.keptOriginal() ? "kept the original (already smaller than any re-encode), " + human(p.bytesOut())
                : saving(p.bytesIn(), p.bytesOut());
    }
}
