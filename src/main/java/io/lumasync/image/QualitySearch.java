package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Picks the format and encoder quality. Fixed quality: every candidate format at the user's number, smallest wins.
 * Fast: the first format at its standard quality, one encode. Perceptual: per format, the lowest quality whose
 * decoded output still scores the target SSIMULACRA2 against the prepared (resized, sRGB) image, searched on a
 * {@link QualitySample} from a remembered or predicted start, at a fast encoder effort; a format whose sample at
 * its predicted quality shows it cannot beat the best so far is dropped after that one encode. Only the
 * winner is encoded whole, at the final effort, and checked on the whole image ({@link WholeCheck}).
 */
final class QualitySearch {
    /** Formats whose sample sizes are this close to the winner's are encoded whole too: samples are estimates. */
    private static final double CLOSE = 1.04;
    /**
     * How far above the target a sample searched at the fast effort aims: over the benchmark corpus the whole image at
     * the final effort scored between 1.5 below and 0.9 above such a sample at the same quality, so aiming a point
     * higher lets most photos pass their whole-image check first time.
     */
    static final double QUICK_AIM = 1.0;
    /**
     * An AVIF sample encoded at the search's fast effort is larger than it will be at the final effort: on the
     * benchmark photos the final effort's file was 0.68–0.90 of it. Formats are compared on the final effort's
     * likely size, taking the least favourable ratio.
     */
    static final double QUICK_BYTES = 0.9;
    /**
     * Bytes a format gains per SSIMULACRA2 point near the targets (log scale), taken low for the gap to the target
     * (WebP gained 0.03–0.05 per point on the benchmark photos, mozjpeg 0.055, AVIF ~0.1) and high for a spare above
     * it, so that a format is only dropped when even a generous estimate of its size at the target cannot win.
     */
    static final double WEBP_GROWTH_PER_POINT = 0.03;
    static final double JPEG_GROWTH_PER_POINT = 0.05;
    static final double SHRINK_PER_POINT = 0.1;
    /**
     * The same for the best format's own spare above the target, taken low (AVIF saved ~0.1 per point on the
     * benchmark photos), so that its size at the target is overestimated rather than under.
     */
    static final double BEST_SHRINK_PER_POINT = 0.05;

    /** Shared by every pipeline of the process: the sync service, the optimizer and the CLI each make their own. */
    private static final QualityMemory MEMORY = new QualityMemory();

    Candidate best(VipsScope scope, VipsImage image, List<ImageFormat> formats, Quality quality, int keep,
                   QualitySample sample) throws VipsException {
        if (quality instanceof Quality.Fixed f) {
            return smallest(scope, image, formats, keep, any -> f.value(),
                    any -> "Quality " + f.value() + " (" + FormatPlan.label(any) + ").");
        }
        if (quality instanceof Quality.Fast) {
            ImageFormat first = formats.getFirst();
            int q = VipsEncoders.defaultQuality(first);
            return new Candidate(VipsEncoders.encode(scope, image, first, q, keep), first, q, "Quality " + q + " ("
                    + FormatPlan.label(first) + "), fast: no perceptual search.");
        }
        Quality.Perceptual p = (Quality.Perceptual) quality;
        if (!sample.usable()) {
            return unscored(scope, image, formats, keep);
        }
        String camera = camera(scope, image);
        boolean quick = sample.partial();
        List<SampleSearch.Found> found = new ArrayList<>();
        List<String> ruledOut = new ArrayList<>();
        double bestBytes = Double.MAX_VALUE;
        for (ImageFormat format : formats) {
            int start = MEMORY.start(camera, format, p.targetScore());
            if (bestBytes != Double.MAX_VALUE
                    && cannotWin(scope, format, start, p.targetScore(), keep, sample, quick, bestBytes)) {
                ruledOut.add(FormatPlan.label(format));
                continue;
            }
            double aim = p.targetScore() + (quick && format == ImageFormat.AVIF ? QUICK_AIM : 0);
            SampleSearch.Found f = SampleSearch.search(scope, format, aim, keep, sample, start, quick);
            found.add(f);
            if (f.reached()) {
                // Its likely size at the target itself, as the estimates of the formats it is compared with are.
                double spare = Math.max(0, f.sampleScore() - p.targetScore());
                bestBytes = Math.min(bestBytes, likelyBytes(format, quick, f.sampleBytes())
                        * Math.exp(-BEST_SHRINK_PER_POINT * spare));
            }
            if (!sample.usable()) {   // an encoder changed the image's layout (e.g. dropped an opaque alpha)
                return unscored(scope, image, formats, keep);
            }
        }
        sample.endSearch();
        List<SampleSearch.Found> reached = found.stream().filter(SampleSearch.Found::reached).toList();
        if (reached.isEmpty()) {
            SampleSearch.Found first = found.getFirst();
            return new Candidate(VipsEncoders.encode(scope, image, first.format(), 95, keep), first.format(), 95,
                    String.format(Locale.ROOT, "Quality 95 (%s): even the highest quality tried scores "
                                    + "SSIMULACRA2 %.1f, below the target %.0f.", FormatPlan.label(first.format()),
                            first.sampleScore(), p.targetScore()));
        }
        ToDoubleFunction<SampleSearch.Found> likely = f -> likelyBytes(f.format(), quick, f.sampleBytes());
        double winner = reached.stream().mapToDouble(likely).min().orElseThrow();
        Candidate best = null;
        for (SampleSearch.Found f : reached.stream().sorted(Comparator.comparingDouble(likely)).toList()) {
            if (likely.applyAsDouble(f) > winner * CLOSE) {
                break;
            }
            Candidate c = WholeCheck.encode(scope, image, f, p, keep, sample);
            if (best == null || c.bytes().length < best.bytes().length) {
                best = c;
            }
        }
        MEMORY.remember(camera, best.format(), p.targetScore(), best.quality());
        if (ruledOut.isEmpty()) {
            return best;
        }
        return new Candidate(best.bytes(), best.format(), best.quality(), best.note() + " " + String.join(" and ",
                ruledOut) + " ruled out on the sample: larger at the quality the target needs.");
    }

    /**
     * True when {@code format} cannot beat {@code beat} (the best format's likely bytes), judged from one encode of its
     * sample at its predicted quality and that encode's score: its size at the target, estimated from the score gap
     * with the least favourable growth per point, is still no smaller. No full-size encode, and no search, is made of
     * a format that was never going to win.
     */
    private static boolean cannotWin(VipsScope scope, ImageFormat format, int start, double target, int keep,
                                     QualitySample sample, boolean quick, double beat) throws VipsException {
        byte[] bytes = VipsEncoders.encode(scope, sample.image(), format, start, keep, quick);
        double score = sample.score(bytes);
        if (Double.isNaN(score)) {
            return false;
        }
        double gap = target - score;
        double growth = format == ImageFormat.JPEG ? JPEG_GROWTH_PER_POINT : WEBP_GROWTH_PER_POINT;
        double estimate = bytes.length * Math.exp(gap > 0 ? growth * gap : SHRINK_PER_POINT * gap);
        return estimate >= beat;
    }

    /** The final effort's likely size for a sample of {@code bytes} encoded at the search's effort. */
    private static double likelyBytes(ImageFormat format, boolean quick, long bytes) {
        return quick && format == ImageFormat.AVIF ? bytes * QUICK_BYTES : bytes;
    }

    /** The camera's make and model, for {@link QualityMemory}; empty when the file does not say. */
    private static String camera(VipsScope scope, VipsImage image) {
        return scope.string(image, "exif-ifd0-Make").orElse("") + "|" + scope.string(image, "exif-ifd0-Model")
                .orElse("");
    }

    private static Candidate unscored(VipsScope scope, VipsImage image, List<ImageFormat> formats, int keep)
            throws VipsException {
        return smallest(scope, image, formats, keep, VipsEncoders::defaultQuality, f -> "Quality "
                + VipsEncoders.defaultQuality(f) + " (" + FormatPlan.label(f) + "): fixed, as this image cannot be "
                + "scored.");
    }

    private static Candidate smallest(VipsScope scope, VipsImage image, List<ImageFormat> formats, int keep,
                                      ToIntFunction<ImageFormat> quality, Function<ImageFormat, String> note)
            throws VipsException {
        Candidate best = null;
        for (ImageFormat format : formats) {
            int q = quality.applyAsInt(format);
            Candidate c = new Candidate(VipsEncoders.encode(scope, image, format, q, keep), format, q,
                    note.apply(format));
            if (best == null || c.bytes().length < best.bytes().length) {
                best = c;
            }
        }
        return best;
    }
}
