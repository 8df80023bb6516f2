package io.lumasync.sync;

/** An asset's state at one destination, for Browse badges. */
public enum AssetStatus {
    /** Never published there. */
    NEW,
    /** Published, and the source has not changed since. */
    SYNCED,
    /** Published, but the source changed since. */
    CHANGED,
    /** The last attempt failed. */
    FAILED
}
