package io.lumasync.image;

import io.lumasync.core.ImageFormat;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a quality search starts. Photos from one camera, synced in one batch, usually need about the same encoder
 * quality for a given target: the quality the last such photo ended with is the best first guess, and a good first
 * guess is what lets the search stop after two or three encodes. Before any photo of that camera has been done, a
 * per-format curve fitted on the benchmark corpus gives the start. Likewise a format ruled out on the sample of the
 * last {@link #STREAK} photos converted for a target (whatever their camera: which format wins depends on what is in
 * the picture more than on what took it) is not tried on the next ones (each such try costs an encode and a score of
 * the sample, a third of the search), except on every {@link #RECHECK}th, which keeps a change of subject from being
 * missed for long: what is at stake is a file somewhat larger than it could be, never its quality. Kept in memory for the life of the process; thread-safe.
 */
final class QualityMemory {
    /** Different cameras remembered at most; a run over more starts afresh rather than growing without bound. */
    static final int MAX_ENTRIES = 1000;

    /** Rule-outs in a row after which a format is left out. */
    static final int STREAK = 2;
    /** While left out, every this many photos it is tried again. */
    static final int RECHECK = 4;

    private final Map<String, Integer> won = new ConcurrentHashMap<>();
    /** Per format and target: rule-outs in a row, plus the photos it has been left out of since. */
    private final Map<String, Integer> losing = new ConcurrentHashMap<>();

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

    /**
     * True when {@code format} need not be tried for this photo: it was ruled out on the last {@link #STREAK} photos
     * at this target, and this photo is not one of the regular re-checks. Counts the photo.
     */
    boolean settled(ImageFormat format, double target) {
        String key = key("", format, target);
        Integer n = losing.get(key);
        if (n == null || n < STREAK) {
            return false;
        }
        losing.put(key, n + 1);
        return (n - STREAK + 1) % RECHECK != 0;
    }

    /** Whether {@code format}, tried against the best format so far on a photo, was ruled out. */
    void outcome(ImageFormat format, double target, boolean ruledOut) {
        String key = key("", format, target);
        if (!ruledOut) {
            losing.remove(key);
            return;
        }
        if (losing.size() >= MAX_ENTRIES) {
            losing.clear();
        }
        losing.merge(key, 1, (a, b) -> Math.min(a, STREAK - 1) + b);
    }

    /** What this memory tells a search for a photo from {@code camera} at {@code target}, and learns from it. */
    QualitySearch.Hints hints(String camera, double target) {
        return new QualitySearch.Hints() {
            @Override
            public int start(ImageFormat format) {
                return QualityMemory.this.start(camera, format, target);
            }

            @Override
            public boolean settled(ImageFormat format) {
                return QualityMemory.this.settled(format, target);
            }

            @Override
            public void outcome(ImageFormat format, boolean ruledOut) {
                QualityMemory.this.outcome(format, target, ruledOut);
            }
        };
    }

    int size() {
        return won.size() + losing.size();
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
