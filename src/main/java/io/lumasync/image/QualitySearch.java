package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.metric.Ssimulacra2;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import java.util.Locale;

/**
 * Picks the encoder quality: the user's fixed number, or the lowest quality whose decoded output still scores at
 * least the target SSIMULACRA2 against the prepared (resized, sRGB) image — a binary search of a few encodes,
 * started at a per-format guess so that it usually needs 3–5 tries.
 */
final class QualitySearch {
    /** Stop when the bracket is this narrow: one or two quality steps change little in size. */
    private static final int RESOLUTION = 2;
    private static final int MAX_TRIES = 6;

    /**
     * The search runs on a centred sample of at most this many pixels square, at full resolution: scoring a whole
     * 2048 px photo a handful of times costs ~10× the encode itself, and a crop keeps the pixel scale (so the
     * artefacts the metric sees are the real ones) where a downscaled proxy would hide them.
     */
    static final int SAMPLE = 768;

    /** The original as the metric sees it, computed once per image and shared by all formats tried. */
    static final class Target {
        private final VipsScope scope;
        private final VipsImage image;
        private Ssimulacra2.Reference reference;
        private boolean unusable;
        private boolean sampled;

        Target(VipsScope scope, VipsImage full) throws VipsException {
            this.scope = scope;
            // The metric needs whole 8-bit frames of at least 8 × 8 pixels; animations keep a fixed quality.
            this.unusable = full.pages() > 1 || full.width() < 8 || full.height() < 8;
            if (!unusable && (full.width() > SAMPLE || full.height() > SAMPLE)) {
                int w = Math.min(SAMPLE, full.width());
                int h = Math.min(SAMPLE, full.height());
                this.image = scope.inMemory(scope.apply("vips_extract_area", full,
                        new Object[]{(full.width() - w) / 2, (full.height() - h) / 2, w, h}));
                this.sampled = true;
            } else {
                this.image = full;
            }
        }

        /** The image the search encodes: the sample, or the whole image when it is small. */
        VipsImage probe() {
            return image;
        }

        boolean usable() {
            return !unusable;
        }

        double score(byte[] encoded) throws VipsException {
            if (reference == null) {
                reference = Ssimulacra2.reference(scope.pixels(image), image.width(), image.height(), image.bands());
            }
            VipsImage decoded = scope.open(encoded, "");
            if (decoded.bands() != image.bands() || decoded.width() != image.width()) {
                unusable = true;   // e.g. an encoder dropped an all-opaque alpha: cannot compare like for like
                return Double.NaN;
            }
            return reference.score(scope.pixels(decoded));
        }
    }

    Candidate encode(VipsScope scope, VipsImage image, ImageFormat format, Quality quality, int keep, Target target)
            throws VipsException {
        if (quality instanceof Quality.Fixed f) {
            byte[] bytes = VipsEncoders.encode(scope, image, format, f.value(), keep);
            return new Candidate(bytes, format, f.value(), "Quality " + f.value() + " (" + FormatPlan.label(format)
                    + ").");
        }
        Quality.Perceptual p = (Quality.Perceptual) quality;
        if (!target.usable()) {
            int q = VipsEncoders.defaultQuality(format);
            return new Candidate(VipsEncoders.encode(scope, image, format, q, keep), format, q,
                    "Quality " + q + " (" + FormatPlan.label(format) + "): fixed, as this image cannot be scored.");
        }
        int lo = minQuality(format);
        int hi = 95;
        int q = Math.clamp(guess(format, p.targetScore()), lo, hi);
        byte[] best = null;
        int bestQ = 0;
        double bestScore = 0;
        int tries = 0;
        // Invariant: the answer lies in [lo, hi]; every quality below lo failed, hi passed once best is set.
        while (tries < MAX_TRIES) {
            byte[] bytes = VipsEncoders.encode(scope, target.probe(), format, q, keep);
            double score = target.score(bytes);
            tries++;
            if (Double.isNaN(score)) {
                return new Candidate(bytes, format, q, "Quality " + q + " (" + FormatPlan.label(format) + ").");
            }
            if (score >= p.targetScore()) {
                best = bytes;
                bestQ = q;
                bestScore = score;
                hi = q;
            } else {
                lo = q + 1;
            }
            if (lo >= hi || (best != null && hi - lo <= RESOLUTION)) {
                break;
            }
            q = (lo + hi) / 2;
        }
        if (best == null) {
            bestScore = target.score(VipsEncoders.encode(scope, target.probe(), format, 95, keep));
            best = VipsEncoders.encode(scope, image, format, 95, keep);
            return new Candidate(best, format, 95, String.format(Locale.ROOT,
                    "Quality 95 (%s): even the highest quality tried scores SSIMULACRA2 %.1f, below the target %.0f.",
                    FormatPlan.label(format), bestScore, p.targetScore()));
        }
        if (target.sampled) {
            best = VipsEncoders.encode(scope, image, format, bestQ, keep);
        }
        return new Candidate(best, format, bestQ, String.format(Locale.ROOT,
                "Quality %d (%s) chosen for SSIMULACRA2 %.1f (target %.0f, %s) after %d tries%s.", bestQ,
                FormatPlan.label(format), bestScore, p.targetScore(), p.preset(), tries,
                target.sampled ? " on a " + SAMPLE + " px centre sample" : ""));
    }

    /** Below these the formats fall apart on photos whatever the metric says about a lucky image. */
    private static int minQuality(ImageFormat format) {
        return format == ImageFormat.AVIF ? 20 : 30;
    }

    /** A first try that usually lands within a few steps of the answer on photos. */
    static int guess(ImageFormat format, double target) {
        return switch (format) {
            case AVIF -> (int) Math.round(target - 18);
            default -> (int) Math.round(target);
        };
    }
}
