package io.lumasync.image;

import io.lumasync.core.ImageFormat;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a quality search starts. Photos from one camera, synced in one batch, usually need about the same encoder
 * quality for a given target: the quality the last such photo ended with is the best first guess, and a good first
 * guess is what lets the search stop after two or three encodes. Before any photo of that camera has been done, a
 * per-format curve fitted on the benchmark corpus gives the start. Kept in memory for the life of the process;
 * thread-safe.
 */
final class QualityMemory {
    /** Different cameras remembered at most; a run over more starts afresh rather than growing without bound. */
    static final int MAX_ENTRIES = 1000;

    private final Map<String, Integer> won = new ConcurrentHashMap<>();

    /** The quality to try first for a photo from {@code camera} (empty when unknown). */
    int start(String camera, ImageFormat format, double target) {
        Integer q = won.get(key(camera, format, target));
        return q != null ? q : curve(format, target);
    }

    /** The quality a photo from {@code camera} ended with after its whole-image check. */
    void remember(String camera, ImageFormat format, double target, int quality) {
        if (won.size() >= MAX_ENTRIES) {
            won.clear();
        }
        won.put(key(camera, format, target), quality);
    }

    int size() {
        return won.size();
    }

    /**
     * The encoder quality a typical photo needs for a SSIMULACRA2 target, fitted on the benchmark corpus (2048 px
     * photographs): AVIF ~72 for 80 and ~52 for 70 (two quality steps per score point there); WebP q80 scores ~72 and
     * mozjpeg JPEG q80 ~76, each gaining about a point per step and a quarter near the top.
     */
    static int curve(ImageFormat format, double target) {
        return switch (format) {
            case AVIF -> (int) Math.round(72 + 2 * (target - 80));
            case WEBP -> (int) Math.round(80 + 1.25 * (target - 72));
            default -> (int) Math.round(80 + 1.25 * (target - 76));
        };
    }

    private static String key(String camera, ImageFormat format, double target) {
        return String.format(Locale.ROOT, "%s|%s|%.1f", camera, format, target);
    }
}
