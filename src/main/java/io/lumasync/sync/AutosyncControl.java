package io.lumasync.sync;

import io.lumasync.core.LumasyncException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The autosync scheduler as the doors see it (the tray, the Autosync pane, the daemon). Methods return quickly
 * (they only change the schedule); runs happen on the scheduler's own thread and are reported to listeners from
 * that thread.
 */
public interface AutosyncControl {

    boolean enabled();

    void setEnabled(boolean on);

    boolean paused();

    void pause();

    void resume();

    /** Starts a run of every source now (in the background). */
    void runNow();

    /** When a source runs next, if it is scheduled. */
    Optional<Instant> nextRun(String sourceName);

    /** Empty interval = no timed runs; watch = run when the folder changes. */
    void schedule(String sourceName, Optional<Duration> interval, boolean watch) throws LumasyncException;

    /** The last finished run, if any. */
    Optional<RunReport> lastRun();

    /** Called after each run, from a scheduler thread. */
    void addListener(Consumer<RunReport> listener);
}
