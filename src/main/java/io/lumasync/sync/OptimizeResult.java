package io.lumasync.sync;

import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;

/**
 * What Optimize did with one image, for the GUI's rows and the CLI's JSON.
 *
 * @param outcome       why the image ended as it did (a code to test and to translate; {@code message} says it
 *                      in words)
 * @param formatBefore  the format it had at the destination (JPEG, PNG, …)
 * @param formatAfter   the format it has now (or would have, in a dry run); empty when it was not encoded
 * @param quality       the quality asked for ("60", "balanced")
 * @param previousUrl   the address it had, when the destination gave it a new one; else empty
 */
public record OptimizeResult(String destination, String assetId, String fileName, Outcome outcome, long bytesBefore,
                             long bytesAfter, String formatBefore, String formatAfter, String quality, String message,
                             String url, String previousUrl) {

    /** Why an image ended as it did. */
    public enum Outcome {
        /** Recompressed and replaced; the original is in the backups. */
        OPTIMIZED(JobState.DONE),
        /** A dry run: it would be recompressed to the size given. */
        WOULD_OPTIMIZE(JobState.SKIPPED),
        /** A run was interrupted after the destination took the new bytes; checked, not sent again. */
        REPLACED_BEFORE_INTERRUPTION(JobState.DONE),
        /** WebP or AVIF: recompressing them rarely pays and loses quality. */
        MODERN_FORMAT(JobState.SKIPPED),
        /** The recompressed file would not be smaller. */
        NOT_SMALLER(JobState.SKIPPED),
        /** Optimized before with the same settings. */
        ALREADY_OPTIMIZED(JobState.SKIPPED),
        /** Rollback put the original back. */
        RESTORED(JobState.DONE),
        FAILED(JobState.FAILED);

        private final JobState state;

        Outcome(JobState state) {
            this.state = state;
        }

        public JobState state() {
            return state;
        }
    }

    public boolean urlChanged() {
        return !previousUrl.isEmpty();
    }

    /** The same as a run's item line (the activity, progress and summary code speak this). */
    public ItemProgress progress() {
        return new ItemProgress(Optimizer.SOURCE, assetId, fileName, destination, JobAction.REPLACE, outcome.state(),
                bytesBefore, bytesAfter, message, url);
    }
}
