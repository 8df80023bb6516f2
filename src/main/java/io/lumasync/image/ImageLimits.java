package io.lumasync.image;

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
}
