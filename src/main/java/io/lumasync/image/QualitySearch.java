package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

/** Picks the encoder quality: the user's fixed number, or a search for the smallest file meeting a visual target. */
final class QualitySearch {

    Candidate encode(VipsScope scope, VipsImage image, ImageFormat format, Quality quality, int keep)
            throws VipsException {
        int q = switch (quality) {
            case Quality.Fixed f -> f.value();
            case Quality.Perceptual p -> VipsEncoders.defaultQuality(format);
        };
        byte[] bytes = VipsEncoders.encode(scope, image, format, q, keep);
        return new Candidate(bytes, format, q, "Quality " + q + " (" + FormatPlan.label(format) + ").");
    }
}
