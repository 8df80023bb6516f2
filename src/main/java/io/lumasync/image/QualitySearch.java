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
import java.util.function.ToIntFunction;

/**
 * Picks the format and encoder quality. Fixed quality: every candidate format at the user's number, smallest wins.
 * Perceptual: per format, the lowest quality whose decoded output still scores the target SSIMULACRA2 against the
 * prepared (resized, sRGB) image, found by a binary search on a {@link QualitySample}; the formats are compared by
 * their sample sizes, and only the winner is encoded whole and checked on the whole image (raised a few steps when
 * the whole photo scores under the target, which a sample can miss).
 */
final class QualitySearch {
    /** Stop when the bracket is this narrow: one or two quality steps change little in size. */
    private static final int RESOLUTION = 2;
    private static final int MAX_TRIES = 7;
    /** Formats whose sample sizes are this close to the winner's are encoded whole too: samples are estimates. */
    private static final double CLOSE = 1.04;
    /** Corrections allowed on the whole image after the sample's answer. */
    private static final int MAX_CORRECTIONS = 3;
    /** Further tries, halving the way to 95, when the corrections still fail. */
    private static final int MAX_BISECTIONS = 3;
    /** A whole-image score this far above the target is close enough; larger margins are worth another try. */
    private static final double SPARE = 1.0;
    /** Corrections aim this far above the target. */
    private static final double AIM = 0.3;
    /** Score points per quality step when the sample gave no bracket to measure it (typical for photos). */
    private static final double DEFAULT_SLOPE = 0.5;

    /** One format's search result on the sample: the quality, its sample bytes and score, and the work done. */
    private record Found(ImageFormat format, int quality, long sampleBytes, double sampleScore, int tries,
                         boolean reached, double slope) {
    }

    Candidate best(VipsScope scope, VipsImage image, List<ImageFormat> formats, Quality quality, int keep,
                   QualitySample sample) throws VipsException {
        if (quality instanceof Quality.Fixed f) {
            return smallest(scope, image, formats, keep, any -> f.value(),
                    any -> "Quality " + f.value() + " (" + FormatPlan.label(any) + ").");
        }
        Quality.Perceptual p = (Quality.Perceptual) quality;
        if (!sample.usable()) {
            return unscored(scope, image, formats, keep);
        }
        List<Found> found = new ArrayList<>();
        long bestBytes = Long.MAX_VALUE;
        for (ImageFormat format : formats) {
            Found f = search(scope, format, p.targetScore(), keep, sample, bestBytes);
            if (f == null) {
                continue;   // cannot beat a format already found: every quality that is small enough fails
            }
            found.add(f);
            if (f.reached()) {
                bestBytes = Math.min(bestBytes, f.sampleBytes());
            }
            if (!sample.usable()) {   // an encoder changed the image's layout (e.g. dropped an opaque alpha)
                return unscored(scope, image, formats, keep);
            }
        }
        sample.endSearch();
        List<Found> reached = found.stream().filter(Found::reached).toList();
        if (reached.isEmpty()) {
            Found first = found.getFirst();
            return new Candidate(VipsEncoders.encode(scope, image, first.format(), 95, keep), first.format(), 95,
                    String.format(Locale.ROOT, "Quality 95 (%s): even the highest quality tried scores "
                                    + "SSIMULACRA2 %.1f, below the target %.0f.", FormatPlan.label(first.format()),
                            first.sampleScore(), p.targetScore()));
        }
        long winner = reached.stream().mapToLong(Found::sampleBytes).min().orElseThrow();
        Candidate best = null;
        for (Found f : reached.stream().sorted(Comparator.comparingLong(Found::sampleBytes)).toList()) {
            if (f.sampleBytes() > winner * CLOSE) {
                break;
            }
            Candidate c = whole(scope, image, f, p, keep, sample);
            if (best == null || c.bytes().length < best.bytes().length) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Binary search of one format's quality on the sample. A quality whose sample is already no smaller than
     * {@code beat} (another format's answer) cannot win, so it counts as "too high" without being scored.
     *
     * @return null when this format cannot beat {@code beat} at the target
     */
    private static Found search(VipsScope scope, ImageFormat format, double targetScore, int keep,
                                QualitySample sample, long beat) throws VipsException {
        int lo = minQuality(format);
        int hi = 95;
        int q = Math.clamp(guess(format, targetScore), lo, hi);
        int bestQ = -1;
        long bestBytes = 0;
        double bestScore = 0;
        double lastScore = 0;
        Slope slope = new Slope();
        int tries = 0;
        if (beat != Long.MAX_VALUE) {
            // Another format already has an answer: first find, by size alone (encodes are cheap, scores are not),
            // the highest quality still smaller than it; if that one misses the target, this format cannot win.
            int small = lo - 1;
            int big = hi + 1;
            byte[] smallEncode = null;
            while (big - small > 1 && tries < MAX_TRIES) {
                int mid = (small + big) / 2;
                byte[] encoded = VipsEncoders.encode(scope, sample.image(), format, mid, keep);
                tries++;
                if (encoded.length < beat) {
                    small = mid;
                    smallEncode = encoded;
                } else {
                    big = mid;
                }
            }
            if (smallEncode == null) {
                return null;
            }
            double score = sample.score(smallEncode);
            if (Double.isNaN(score) || score < targetScore) {
                return null;
            }
            slope.add(small, score, targetScore);
            bestQ = small;
            bestBytes = smallEncode.length;
            bestScore = score;
            hi = small;
            q = (lo + hi) / 2;
        }
        // Invariant: the answer lies in [lo, hi]; every quality below lo fails, every one above hi is too big.
        int budget = tries + MAX_TRIES;
        while (tries < budget && lo <= hi && !(bestQ >= 0 && hi - lo <= RESOLUTION)) {
            byte[] bytes = VipsEncoders.encode(scope, sample.image(), format, q, keep);
            tries++;
            if (bytes.length >= beat) {
                hi = q - 1;
            } else {
                double score = sample.score(bytes);
                if (Double.isNaN(score)) {
                    return new Found(format, q, bytes.length, score, tries, false, 0);
                }
                lastScore = score;
                slope.add(q, score, targetScore);
                if (score >= targetScore) {
                    bestQ = q;
                    bestBytes = bytes.length;
                    bestScore = score;
                    hi = q;
                } else {
                    lo = q + 1;
                }
            }
            q = (lo + hi) / 2;
        }
        if (bestQ >= 0) {
            return new Found(format, bestQ, bestBytes, bestScore, tries, true, slope.value());
        }
        if (beat != Long.MAX_VALUE) {
            return null;
        }
        return new Found(format, 95, 0, lastScore, tries, false, slope.value());
    }

    /**
     * Score points per quality step near the target, from the tries closest to it on either side: how far to move
     * the quality when the whole image scores differently from the sample.
     */
    private static final class Slope {
        private int belowQ = -1;
        private double belowScore;
        private int aboveQ = -1;
        private double aboveScore;

        void add(int q, double score, double target) {
            if (score >= target && (aboveQ < 0 || q < aboveQ)) {
                aboveQ = q;
                aboveScore = score;
            } else if (score < target && (belowQ < 0 || q > belowQ)) {
                belowQ = q;
                belowScore = score;
            }
        }

        double value() {
            if (aboveQ < 0 || belowQ < 0 || aboveQ == belowQ) {
                return DEFAULT_SLOPE;
            }
            return Math.clamp((aboveScore - belowScore) / (aboveQ - belowQ), 0.1, 3.0);
        }
    }

    /**
     * Encodes the whole image at the quality the sample found, then corrects it on the whole image: a sample can
     * misjudge a photo either way, so while the whole image misses the target (or passes with more than a point to
     * spare) the quality moves by the score gap over the sample's slope, within what earlier tries ruled out. The
     * lowest passing quality wins; 95 when none passes.
     */
    private static Candidate whole(VipsScope scope, VipsImage image, Found f, Quality.Perceptual p, int keep,
                                   QualitySample sample) throws VipsException {
        try {
            return checkedWhole(scope, image, f, p, keep, sample);
        } finally {
            sample.releaseWhole();
        }
    }

    private static Candidate checkedWhole(VipsScope scope, VipsImage image, Found f, Quality.Perceptual p, int keep,
                                          QualitySample sample) throws VipsException {
        String label = FormatPlan.label(f.format());
        double target = p.targetScore();
        int q = f.quality();
        byte[] bytes = VipsEncoders.encode(scope, image, f.format(), q, keep);
        double score = sample.partial() ? sample.scoreWhole(bytes) : Double.NaN;
        if (Double.isNaN(score)) {   // searched whole, or the whole encode cannot be compared like for like
            return new Candidate(bytes, f.format(), q, String.format(Locale.ROOT,
                    "Quality %d (%s) chosen for SSIMULACRA2 %.1f (target %.0f, %s) after %d tries on %s.", q, label,
                    f.sampleScore(), target, p.preset(), f.tries(), sample.describe()));
        }
        int passQ = score >= target ? q : -1;
        byte[] passBytes = score >= target ? bytes : null;
        double passScore = score;
        int failQ = score >= target ? minQuality(f.format()) - 1 : q;
        int steps = 0;
        // libheif maps AVIF quality onto aom's 64 quantizers, so neighbouring qualities can give the same file.
        int minRaise = f.format() == ImageFormat.AVIF ? 2 : 1;
        while (true) {
            if (passQ >= 0 && (passScore - target < SPARE || passQ - failQ <= 1)) {
                break;
            }
            int low = failQ + 1;
            int high = passQ >= 0 ? passQ - 1 : 95;
            if (low > high) {
                break;   // nothing left to try between what failed and what passed (or 95 failed)
            }
            int next;
            if (steps < MAX_CORRECTIONS) {
                // Aim a little above the target so that a near miss does not cost another try.
                int move = (int) Math.ceil((target + AIM - score) / f.slope());
                next = q + (score < target ? Math.max(move, minRaise) : move);
            } else if (passQ < 0 && steps < MAX_CORRECTIONS + MAX_BISECTIONS) {
                next = (failQ + 96) / 2;   // still failing: halve the way to 95 rather than jump there
            } else {
                break;
            }
            // q itself passed or failed, so it lies outside [low, high]: every correction tries a new quality.
            q = Math.clamp(next, low, high);
            bytes = VipsEncoders.encode(scope, image, f.format(), q, keep);
            score = sample.scoreWhole(bytes);
            steps++;
            if (score >= target) {
                passQ = q;
                passBytes = bytes;
                passScore = score;
            } else {
                failQ = q;
            }
        }
        if (passQ < 0) {
            if (q != 95) {
                q = 95;
                bytes = VipsEncoders.encode(scope, image, f.format(), q, keep);
                score = sample.scoreWhole(bytes);
                steps++;
            }
            if (score < target) {
                return new Candidate(bytes, f.format(), q, String.format(Locale.ROOT, "Quality 95 (%s): even the "
                        + "highest quality scores SSIMULACRA2 %.1f on %s, below the target %.0f.", label, score,
                        sample.describeCheck(), target));
            }
            passQ = q;
            passBytes = bytes;
            passScore = score;
        }
        return new Candidate(passBytes, f.format(), passQ, String.format(Locale.ROOT,
                "Quality %d (%s) chosen for SSIMULACRA2 %.1f on %s (target %.0f, %s) after %d tries on %s%s.",
                passQ, label, passScore, sample.describeCheck(), target, p.preset(), f.tries(), sample.describe(),
                steps == 0 ? "" : " and " + steps + " on the whole image"));
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
