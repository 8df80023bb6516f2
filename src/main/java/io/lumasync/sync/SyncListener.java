package io.lumasync.sync;

/**
 * Progress of a run. Called from worker threads; GUI listeners must hop to the FX thread themselves (and
 * throttle). Implementations must be quick and must not throw.
 */
public interface SyncListener {
    SyncListener NONE = new SyncListener() {
        @Override
        public void onItem(ItemProgress p) {
        }

        @Override
        public void onBatch(BatchProgress p) {
        }
    };

    void onItem(ItemProgress progress);

    void onBatch(BatchProgress progress);
}
