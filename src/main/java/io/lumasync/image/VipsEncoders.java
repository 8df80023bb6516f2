package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

/** The three web encoders with the settings we stand behind. */
final class VipsEncoders {
    /**
     * libheif/aom CPU effort 0–9 (aom speed = 9 − effort). 3 (speed 6) was measured to cost about the same time as
     * WebP's default effort on 2048 px photos while staying within a few % of slower settings' size.
     */
    static final int AVIF_EFFORT = 3;
    /**
     * The effort the quality search encodes its sample at: aom speed 9, ~8× faster than speed 6 at the same
     * quality setting with scores within about a point (docs/benchmarks.md), so the search costs a fraction of
     * the one full encode at {@link #AVIF_EFFORT} that follows it.
     */
    static final int AVIF_SEARCH_EFFORT = 0;
    static final int WEBP_EFFORT = 4;

    private VipsEncoders() {
    }

    static byte[] encode(VipsScope scope, VipsImage image, ImageFormat format, int quality, int keep)
            throws VipsException {
        return encode(scope, image, format, quality, keep, false);
    }

    /** {@link #encode}, at the quality search's faster effort when {@code search} is true. */
    static byte[] encode(VipsScope scope, VipsImage image, ImageFormat format, int quality, int keep, boolean search)
            throws VipsException {
        return switch (format) {
            case AVIF -> scope.save("vips_heifsave_buffer", image,
                    Opt.of("Q", quality),
                    Opt.of("compression", VipsEnums.HEIF_COMPRESSION_AV1),
                    Opt.of("encoder", VipsEnums.HEIF_ENCODER_AOM),
                    Opt.of("effort", search ? AVIF_SEARCH_EFFORT : AVIF_EFFORT),
                    Opt.of("bitdepth", 8),
                    Opt.of("keep", keep));
            case WEBP -> ContainerStrip.bareWebpExif(scope.save("vips_webpsave_buffer", image,
                    Opt.of("Q", quality),
                    Opt.of("effort", WEBP_EFFORT),
                    Opt.of("keep", keep)));
            case JPEG -> scope.save("vips_jpegsave_buffer", image,
                    Opt.of("Q", quality),
                    Opt.of("optimize_coding", true),
                    Opt.of("interlace", true),          // progressive
                    Opt.of("trellis_quant", true),       // mozjpeg's size savers
                    Opt.of("overshoot_deringing", true),
                    Opt.of("optimize_scans", true),
                    Opt.of("quant_table", 3),
                    Opt.of("keep", keep));
            default -> throw new IllegalArgumentException("Not a web output format: " + format);
        };
    }

    /** The fixed quality used for a format when a perceptual target cannot be searched (and as a start). */
    static int defaultQuality(ImageFormat format) {
        return switch (format) {
            case AVIF -> 60;
            case WEBP -> 80;
            default -> 82;
        };
    }
}
