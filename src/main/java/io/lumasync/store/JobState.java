package io.lumasync.store;

/** The life of one job in the journal. */
public enum JobState {
    PLANNED, ENCODING, UPLOADING, DONE, SKIPPED, FAILED;

    public boolean finished() {
        return this == DONE || this == SKIPPED || this == FAILED;
    }
}
