package io.lumasync.sync;

import io.lumasync.store.JobAction;
import io.lumasync.store.JobState;

/** The state of one (asset, destination) job. {@code message} is plain words; {@code url} is set when done. */
public record ItemProgress(String source, String assetId, String assetName, String destination, JobAction action,
                           JobState state, long bytesIn, long bytesOut, String message, String url) {
    /** Published as it was, because no re-encode was smaller ("never bigger"). */
    public boolean keptOriginal() {
        return state == JobState.DONE && message != null && message.contains(io.lumasync.core.EncodedImage.KEPT_ORIGINAL);
    }
}
