package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsScope;

/**
 * One format's quality search on a {@link QualitySample}: from a predicted start, each next try is placed where the
 * scores seen so far say the target lies (by the measured score-per-step, or between a failing and a passing try),
 * rather than halving a bracket blindly. With a good start that is two or three encodes instead of five to seven.
 */
final class SampleSearch {
    /** Stop when the answer is bracketed this narrowly: one or two quality steps change little in size. */
    static final int RESOLUTION = 2;
    static final int MAX_TRIES = 6;
    /** A passing score this close above the aim is close enough; more spare is worth another try. */
    static final double SPARE = 1.0;
    /** Score points per quality step when no bracket measured it (typical for photos near the targets). */
    static final double DEFAULT_SLOPE = 0.5;

    /**
     * One format's result on the sample: the quality, its sample bytes and score, the work done, and whether it was
     * searched at the fast effort ({@code quick}).
     */
    record Found(ImageFormat format, int quality, long sampleBytes, double sampleScore, int tries, boolean reached,
                 double slope, boolean quick) {
    }

    /** One encode of the sample and its score (NaN when the encode cannot be compared with the sample). */
    record Tried(long bytes, double score) {
    }

    /** Encodes the sample in a format at a quality, at the fast effort when {@code quick}, and scores it. */
    @FunctionalInterface
    interface Trial {
        Tried run(ImageFormat format, int quality, boolean quick) throws VipsException;

        static Trial of(VipsScope scope, QualitySample sample, int keep) {
            return (format, quality, quick) -> {
                byte[] bytes = VipsEncoders.encode(scope, sample.image(), format, quality, keep, quick);
                return new Tried(bytes.length, sample.score(bytes));
            };
        }
    }

    private SampleSearch() {
    }

    /**
     * Searches the lowest quality whose sample scores at least {@code aim}. {@code quick}: encode at the search's
     * faster effort (the answer is then encoded whole at the final effort and checked there).
     */
    static Found search(VipsScope scope, ImageFormat format, double aim, int keep, QualitySample sample, int start,
                        boolean quick) throws VipsException {
        return search(format, aim, start, quick, Trial.of(scope, sample, keep));
    }

    /** {@link #search}, encoding and scoring through {@code trial}. */
    static Found search(ImageFormat format, double aim, int start, boolean quick, Trial trial) throws VipsException {
        int lo = minQuality(format);
        int hi = 95;
        int q = Math.clamp(start, lo, hi);
        int passQ = -1;
        long passBytes = 0;
        double passScore = 0;
        double lastScore = Double.NaN;
        Slope slope = new Slope();
        int tries = 0;
        // Invariant: every quality below lo failed; every one above hi is at least passQ, which passed.
        while (tries < MAX_TRIES) {
            Tried tried = trial.run(format, q, quick);
            tries++;
            double score = tried.score();
            if (Double.isNaN(score)) {
                return new Found(format, q, tried.bytes(), score, tries, false, 0, quick);
            }
            lastScore = score;
            slope.add(q, score, aim);
            if (score >= aim) {
                passQ = q;
                passBytes = tried.bytes();
                passScore = score;
                hi = q - 1;
            } else {
                lo = q + 1;
            }
            if (lo > hi || passQ >= 0 && (passScore - aim < SPARE || passQ - lo <= RESOLUTION)) {
                break;
            }
            q = Math.clamp(slope.next(q, score, aim), lo, hi);
        }
        if (passQ >= 0) {
            return new Found(format, passQ, passBytes, passScore, tries, true, slope.value(), quick);
        }
        return new Found(format, 95, 0, lastScore, tries, false, slope.value(), quick);
    }

    /** Below these the formats fall apart on photos whatever the metric says about a lucky image. */
    static int minQuality(ImageFormat format) {
        return format == ImageFormat.AVIF ? 20 : 30;
    }

    /**
     * Score per quality step near the target, from the tries closest to it on either side: where to try next, and
     * how far to move the quality when the whole image scores differently from the sample.
     */
    static final class Slope {
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

        /** The quality where the score should reach {@code aim}, seen from a try at q that scored {@code score}. */
        int next(int q, double score, double aim) {
            double steps = (aim - score) / value();
            // Up by at least one step when failing; down conservatively (a miss costs a try, a spare costs bytes).
            return score < aim ? q + Math.max(1, (int) Math.ceil(steps)) : q + Math.min(-1, (int) Math.ceil(steps));
        }
    }
}
