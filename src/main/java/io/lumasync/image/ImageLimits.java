package io.lumasync.image;

import io.lumasync.core.LumasyncException;

/**
 * Safety limits of the pipeline.
 *
 * @param maxPixels the most pixels (width × height × frames) an input may have; larger files are refused from
 *                  their header, before any pixel memory is allocated (decompression bombs)
 */
public record ImageLimits(long maxPixels) {
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;

    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_PIXELS);
    }

    public ImageLimits {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
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
}
