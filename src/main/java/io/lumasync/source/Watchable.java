package io.lumasync.source;

import java.time.Duration;

/** A source that can tell when it changed (a local folder's file-system events). */
public interface Watchable {
    /**
     * Starts watching; {@code onChange} runs (on a background thread) once changes have settled: every changed
     * file kept the same size and mtime for {@code settle}. Closing the handle stops watching.
     */
    AutoCloseable watch(Duration settle, Runnable onChange) throws java.io.IOException;
}
