package io.lumasync.image;

import io.lumasync.core.LumasyncException;

import java.time.Duration;

/**
 * Safety limits of the pipeline.
 *
 * @param maxPixels the most pixels (width × height × frames) an input may have; larger files are refused from
 *                  their header, before any pixel memory is allocated (decompression bombs)
 * @param deadline  the most wall-clock time one image may take; its conversion is then stopped inside libvips
 *                  and the image fails alone
 */
public record ImageLimits(long maxPixels, Duration deadline) {
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;
    /** Generous: a 200-megapixel photo converts in well under a minute on a slow laptop. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);

    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_PIXELS, DEFAULT_DEADLINE);
    }

    public ImageLimits(long maxPixels) {
        this(maxPixels, DEFAULT_DEADLINE);
    }

    public ImageLimits {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive");
        }
    }

    /** The same limits with another per-image deadline. */
    public ImageLimits withDeadline(Duration d) {
        return new ImageLimits(maxPixels, d);
    }

    /**
     * Refuses an input whose header announces more pixels than the limit, in words that say why and what to do.
     *
     * @param frames pages or animation frames (1 for a still image)
     */
    public void check(String name, long width, long height, int frames) throws LumasyncException {
        long pixels = width * height * Math.max(1, frames);
        if (pixels > maxPixels) {
            throw LumasyncException.giveUp(String.format(
                    "%s: refused: %d × %d%s is %.0f megapixels, more than the limit of %.0f megapixels. Such "
                            + "files are usually damaged or built to exhaust memory; raise the limit in "
                            + "settings only if you trust this file.", name, width, height,
                    frames > 1 ? " × " + frames + " frames" : "", pixels / 1e6, maxPixels / 1e6));
        }
    }

    /** Why one image's work was stopped, as a sentence naming the file. */
    String stopped(String name, boolean cancelled) {
        if (cancelled) {
            return name + ": cancelled; it was not converted.";
        }
        long seconds = deadline.toSeconds();
        String limit = seconds >= 120 && seconds % 60 == 0 ? seconds / 60 + " minutes"
                : seconds >= 1 ? seconds + " seconds" : deadline.toMillis() + " ms";
        return name + ": stopped after " + limit + ", the time limit for one image. Unusually large or "
                + "complex files can take this long, and so can files built to make image software hang; raise "
                + "the limit in settings only if you trust this file.";
    }
}
