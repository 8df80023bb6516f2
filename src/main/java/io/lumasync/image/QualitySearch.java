package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Picks the format and encoder quality. Fixed quality: every candidate format at the user's number, smallest wins.
 * Fast: the first format at its standard quality, one encode. Perceptual: per format, the lowest quality whose
 * decoded output still scores the target SSIMULACRA2 against the prepared (resized, sRGB) image, searched on a
 * {@link QualitySample} from a remembered or predicted start, at a fast encoder effort; a format whose sample at
 * its predicted quality shows it cannot beat the best so far is dropped after that one encode. Only the
 * winner is encoded whole, at the final effort, and checked on the whole image ({@link WholeCheck}). The fast effort
 * never decides alone against AVIF: one that misses the target at that effort is searched again at the final effort,
 * one that loses only by the fast effort's size is measured at the final effort, and one that would be ruled out is
 * ruled out only at the final effort. A format ruled out on the last photos is not tried at all, but for regular
 * re-checks ({@link QualityMemory#settled}).
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
     * The same for an image searched whole at the fast effort: with no tiles to misjudge it, only the effort differs,
     * and on the benchmark photos (at 1024 px) the final effort scored between 0.0 and 1.6 points above the fast one
     * at the same quality near the targets (up to 3.7 on a gradient). Aiming half a point below the target, the
     * final encode passed its check first time on 16 of 18 (as often as aiming at the target itself), in files 2 %
     * smaller in total.
     */
    static final double WHOLE_QUICK_AIM = -0.5;
    /**
     * An AVIF sample encoded at the search's fast effort is larger than it will be at the final effort: on the
     * benchmark photos the final effort's file was 0.68–0.90 of it. Formats are compared on the final effort's
     * likely size, taking the least favourable ratio.
     */
    static final double QUICK_BYTES = 0.9;
    /** The most favourable of those ratios: an AVIF answer that loses by less is measured at the final effort. */
    static final double QUICK_BYTES_LOW = 0.68;
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
        double target = p.targetScore();
        Searched searched = searchSample(formats, target, true, sample.partial() ? QUICK_AIM : WHOLE_QUICK_AIM,
                MEMORY.hints(camera, target), SampleSearch.Trial.of(scope, sample, keep), sample::usable);
        if (searched == null) {   // an encoder changed the image's layout (e.g. dropped an opaque alpha)
            return unscored(scope, image, formats, keep);
        }
        sample.endSearch();
        List<SampleSearch.Found> found = searched.found();
        if (found.stream().noneMatch(SampleSearch.Found::reached)) {
            SampleSearch.Found first = found.getFirst();
            return new Candidate(VipsEncoders.encode(scope, image, first.format(), 95, keep), first.format(), 95,
                    String.format(Locale.ROOT, "Quality 95 (%s): even the highest quality tried scores "
                                    + "SSIMULACRA2 %.1f, below the target %.0f.", FormatPlan.label(first.format()),
                            first.sampleScore(), target));
        }
        Candidate best = choose(searched, f -> WholeCheck.encode(scope, image, f, p, keep, sample));
        MEMORY.remember(camera, best.format(), target, best.quality());
        if (searched.rescued().contains(best.format())) {
            best = best.noted(FormatPlan.label(best.format()) + " was searched at the final effort: the fast one fell"
                    + " short of the target on the sample.");
        }
        if (!searched.ruledOut().isEmpty()) {
            best = best.noted(String.join(" and ", searched.ruledOut())
                    + " ruled out on the sample: larger at the quality the target needs.");
        }
        if (!searched.leftOut().isEmpty()) {
            best = best.noted(String.join(" and ", searched.leftOut()) + " not tried: "
                    + (searched.leftOut().size() > 1 ? "they were" : "it was")
                    + " ruled out on the last photos like this one.");
        }
        return best;
    }

    /**
     * What the search knows of earlier photos like this one, and learns from this one: where each format's search
     * starts (same camera and target), which formats have kept being ruled out (same target) ({@link QualityMemory}).
     */
    @FunctionalInterface
    interface Hints {
        int start(ImageFormat format);

        /** True when {@code format} need not be tried on this photo. */
        default boolean settled(ImageFormat format) {
            return false;
        }

        /** Whether {@code format}, tried against the best format so far, was ruled out. */
        default void outcome(ImageFormat format, boolean ruledOut) {
        }
    }

    /**
     * What the search on the sample found: every format searched, the labels of those ruled out unsearched, the
     * formats that reached the target only when searched again at the final effort, and the labels of those not
     * tried at all ({@link Hints#settled}).
     */
    record Searched(List<SampleSearch.Found> found, List<String> ruledOut, Set<ImageFormat> rescued,
                    List<String> leftOut) {
        Searched(List<SampleSearch.Found> found, List<String> ruledOut, Set<ImageFormat> rescued) {
            this(found, ruledOut, rescued, List.of());
        }
    }

    /** Encodes a sample's answer whole at the final effort and checks it ({@link WholeCheck}). */
    @FunctionalInterface
    interface Whole {
        Candidate encode(SampleSearch.Found f) throws VipsException;
    }

    /**
     * Searches each format on the sample through {@code trial}, from {@code start}, ruling out those that cannot win.
     * {@code quick}: search at the fast effort. Null when {@code usable} turns false (the sample cannot be scored).
     */
    static Searched searchSample(List<ImageFormat> formats, double target, boolean quick, Hints hints,
                                 SampleSearch.Trial trial, BooleanSupplier usable) throws VipsException {
        return searchSample(formats, target, quick, QUICK_AIM, hints, trial, usable);
    }

    /** {@link #searchSample}, aiming {@code quickAim} above the target with AVIF at the fast effort. */
    static Searched searchSample(List<ImageFormat> formats, double target, boolean quick, double quickAim,
                                 Hints hints, SampleSearch.Trial trial, BooleanSupplier usable)
            throws VipsException {
        List<SampleSearch.Found> found = new ArrayList<>();
        List<String> ruledOut = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        Set<ImageFormat> rescued = EnumSet.noneOf(ImageFormat.class);
        double bestBytes = Double.MAX_VALUE;
        for (ImageFormat format : formats) {
            int from = hints.start(format);
            if (bestBytes != Double.MAX_VALUE) {
                if (hints.settled(format)) {
                    leftOut.add(FormatPlan.label(format));
                    continue;
                }
                boolean lost = behind(trial, format, from, target, quick, bestBytes) >= 1;
                hints.outcome(format, lost);
                if (lost) {
                    ruledOut.add(FormatPlan.label(format));
                    continue;
                }
            }
            double aim = target + (quick && format == ImageFormat.AVIF ? quickAim : 0);
            SampleSearch.Found f = SampleSearch.search(format, aim, from, quick, trial);
            if (quick && format == ImageFormat.AVIF && !f.reached() && !Double.isNaN(f.sampleScore())) {
                // The fast effort can fall short of the target where the final effort reaches it: search again at
                // the final effort, on the target itself, before dropping the format.
                f = SampleSearch.search(format, target, from, false, trial);
                if (f.reached()) {
                    rescued.add(format);
                }
            }
            found.add(f);
            if (f.reached()) {
                // Its likely size at the target itself, as the estimates of the formats it is compared with are.
                double spare = Math.max(0, f.sampleScore() - target);
                bestBytes = Math.min(bestBytes, likelyBytes(f) * Math.exp(-BEST_SHRINK_PER_POINT * spare));
            }
            if (!usable.getAsBoolean()) {
                return null;
            }
        }
        remeasure(found, target, trial);
        return new Searched(found, ruledOut, rescued, leftOut);
    }

    /**
     * An AVIF answer found at the fast effort that loses only by the uncertainty of the fast effort's size is encoded
     * on the sample once more, at its quality and the final effort, and compared by that size when it still meets
     * the target: which format is encoded whole must not turn on the ratio between the two efforts.
     */
    private static void remeasure(List<SampleSearch.Found> found, double target, SampleSearch.Trial trial)
            throws VipsException {
        double winner = found.stream().filter(SampleSearch.Found::reached).mapToDouble(QualitySearch::likelyBytes)
                .min().orElse(Double.MAX_VALUE);
        for (int i = 0; i < found.size(); i++) {
            SampleSearch.Found f = found.get(i);
            if (f.reached() && f.quick() && f.format() == ImageFormat.AVIF && likelyBytes(f) > winner * CLOSE
                    && f.sampleBytes() * QUICK_BYTES_LOW <= winner * CLOSE) {
                SampleSearch.Tried tried = trial.run(f.format(), f.quality(), false);
                if (tried.score() >= target) {
                    found.set(i, new SampleSearch.Found(f.format(), f.quality(), tried.bytes(), tried.score(),
                            f.tries() + 1, true, f.slope(), false));
                }
            }
        }
    }

    /**
     * Encodes whole the formats that reached the target whose likely sizes are within {@link #CLOSE} of the
     * smallest, and keeps the smallest whole-image result. A format rescued from the fast effort is encoded whole
     * whatever its sample's size: samples at two efforts compare less reliably, and the choice must never be larger
     * than a format that only the search's speed would have dropped. When the smallest result needed a higher quality
     * on the whole image than on its sample, the sample misjudged the photo for that format and its ranking is in
     * doubt: the next format left out is encoded whole too.
     */
    static Candidate choose(Searched searched, Whole whole) throws VipsException {
        List<SampleSearch.Found> reached = searched.found().stream().filter(SampleSearch.Found::reached)
                .sorted(Comparator.comparingDouble(QualitySearch::likelyBytes)).toList();
        double winner = likelyBytes(reached.getFirst());
        Candidate best = null;
        int bestSampleQuality = 0;
        SampleSearch.Found leftOut = null;
        for (SampleSearch.Found f : reached) {
            if (likelyBytes(f) > winner * CLOSE && !searched.rescued().contains(f.format())) {
                leftOut = leftOut == null ? f : leftOut;
                continue;
            }
            Candidate c = whole.encode(f);
            if (best == null || c.bytes().length < best.bytes().length) {
                best = c;
                bestSampleQuality = f.quality();
            }
        }
        if (leftOut != null && best.quality() > bestSampleQuality) {
            Candidate c = whole.encode(leftOut);
            if (c.bytes().length < best.bytes().length) {
                best = c;
            }
        }
        return best;
    }

    /**
     * How far {@code format} is behind {@code beat} (the best format's likely bytes), judged from one encode of its
     * sample at its predicted quality and that encode's score: its size at the target, estimated from the score gap
     * with the least favourable growth per point, over {@code beat}. At 1 or more it cannot win: no full-size encode,
     * and no search, is made of a format that was never going to win. 0 when the encode cannot be scored.
     */
    private static double behind(SampleSearch.Trial trial, ImageFormat format, int start, double target,
                                 boolean quick, double beat) throws VipsException {
        SampleSearch.Tried tried = trial.run(format, start, quick);
        double score = tried.score();
        if (Double.isNaN(score)) {
            return 0;
        }
        double gap = target - score;
        double growth = format == ImageFormat.JPEG ? JPEG_GROWTH_PER_POINT : WEBP_GROWTH_PER_POINT;
        double estimate = tried.bytes() * Math.exp(gap > 0 ? growth * gap : SHRINK_PER_POINT * gap);
        if (estimate >= beat && quick && format == ImageFormat.AVIF) {
            // Larger and lower-scoring at the fast effort than it will be: only the final effort may rule it out.
            return behind(trial, format, start, target, false, beat);
        }
        return estimate / beat;
    }

    /** The final effort's likely size for a sample's answer, which may have been encoded at the fast effort. */
    private static double likelyBytes(SampleSearch.Found f) {
        return f.quick() && f.format() == ImageFormat.AVIF ? f.sampleBytes() * QUICK_BYTES : f.sampleBytes();
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
