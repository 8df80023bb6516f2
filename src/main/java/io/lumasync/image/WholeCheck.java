package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import java.util.Locale;

/**
 * Encodes the whole image, once, at the final effort and at the quality the sample found, and checks it: a sample can
 * misjudge a photo either way, so while the whole image misses the target (or passes with a lot to spare) the
 * quality moves by the score gap over the score per step (the sample's, then the whole image's own), within what
 * earlier tries ruled out. The lowest passing quality wins; 95 when none passes. A small image searched whole at the
 * fast effort is checked the same way: only the effort differs from what was searched.
 */
final class WholeCheck {
    /** Corrections allowed on the whole image after the sample's answer. */
    private static final int MAX_CORRECTIONS = 3;
    /** Further tries, halving the way to 95, when the corrections still fail. */
    private static final int MAX_BISECTIONS = 3;
    /**
     * A whole-image score this far above the target is kept: a downward correction costs a full encode and a check
     * (about as much as the rest of the search) to save a few percent of bytes.
     */
    static final double SPARE = 2.5;
    /** Corrections aim this far above the target. */
    private static final double AIM = 0.3;

    private WholeCheck() {
    }

    /** The checked whole-image candidate for a sample's answer {@code f}. */
    static Candidate encode(VipsScope scope, VipsImage image, SampleSearch.Found f, Quality.Perceptual p, int keep,
                            QualitySample sample) throws VipsException {
        try {
            return checked(scope, image, f, p, keep, sample);
        } finally {
            sample.releaseWhole();
        }
    }

    private static Candidate checked(VipsScope scope, VipsImage image, SampleSearch.Found f, Quality.Perceptual p,
                                     int keep, QualitySample sample) throws VipsException {
        String label = FormatPlan.label(f.format());
        double target = p.targetScore();
        int q = f.quality();
        byte[] bytes = VipsEncoders.encode(scope, image, f.format(), q, keep);
        // Searched on a sample, or on the whole image at the fast effort: the final encode is measured. Searched whole
        // at the final effort, it is what the search scored.
        boolean check = sample.partial() || f.quick() && f.format() == ImageFormat.AVIF;
        double score = check ? sample.scoreWhole(bytes) : Double.NaN;
        if (Double.isNaN(score)) {   // searched whole as encoded, or the whole encode cannot be compared
            return new Candidate(bytes, f.format(), q, String.format(Locale.ROOT,
                    "Quality %d (%s) chosen for SSIMULACRA2 %.1f (target %.0f, %s) after %d tries on %s.", q, label,
                    f.sampleScore(), target, p.preset(), f.tries(), sample.describe()));
        }
        int passQ = score >= target ? q : -1;
        byte[] passBytes = score >= target ? bytes : null;
        double passScore = score;
        int failQ = score >= target ? SampleSearch.minQuality(f.format()) - 1 : q;
        int steps = 0;
        // libheif maps AVIF quality onto aom's 64 quantizers, so neighbouring qualities can give the same file.
        int minRaise = f.format() == ImageFormat.AVIF ? 2 : 1;
        // Score per quality step: the sample's at first, then the whole image's own, from its last two tries (on a
        // smooth gradient the whole image's score moved per step quite unlike its sample's, and the sample's slope
        // took three corrections to get down to the target).
        double slope = f.slope();
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
                int move = (int) Math.ceil((target + AIM - score) / slope);
                next = q + (score < target ? Math.max(move, minRaise) : move);
            } else if (passQ < 0 && steps < MAX_CORRECTIONS + MAX_BISECTIONS) {
                next = (failQ + 96) / 2;   // still failing: halve the way to 95 rather than jump there
            } else {
                break;
            }
            // q itself passed or failed, so it lies outside [low, high]: every correction tries a new quality.
            int lastQ = q;
            double lastScore = score;
            q = Math.clamp(next, low, high);
            bytes = VipsEncoders.encode(scope, image, f.format(), q, keep);
            score = sample.scoreWhole(bytes);
            steps++;
            slope = Math.clamp((score - lastScore) / (q - lastQ), 0.1, 3.0);
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
                passQ, label, passScore, sample.describeCheck(), target, p.preset(), f.tries(),
                sample.partial() ? sample.describe() : sample.describe() + " at the fast effort",
                steps == 0 ? "" : " and " + steps + (sample.partial() ? " on the whole image" : " at the final effort")));
    }
}
