package io.lumasync.image.vips;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * When the work of one image must stop: a wall-clock deadline counted from creation, and a cancel signal (the
 * user's Cancel, or the thread that started the work being interrupted). A {@link VipsScope} given a limit has
 * libvips check it between tiles of every computation and kills the computation once it says stop. Thread-safe:
 * libvips asks from its worker threads.
 */
public final class WorkLimit {
    /** Why work stopped. */
    public enum Stop {
        DEADLINE, CANCELLED
    }

    private final Duration timeout;
    private final long deadline;
    private final BooleanSupplier cancelled;
    private final Thread owner;
    private volatile Stop stop;

    /**
     * @param timeout   the most wall-clock time the work may take
     * @param cancelled says true once the work is no longer wanted; asked often, from any thread, so it must be
     *                  cheap and must not throw
     */
    public WorkLimit(Duration timeout, BooleanSupplier cancelled) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeout = timeout;
        this.deadline = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        this.cancelled = cancelled;
        this.owner = Thread.currentThread();
    }

    public Duration timeout() {
        return timeout;
    }

    /** Nanoseconds left before the deadline (at least 0). */
    public long remainingNanos() {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Whether the work must stop now; once it must, it stays stopped. */
    public boolean shouldStop() {
        if (stop == null) {
            if (cancelled.getAsBoolean() || owner.isInterrupted()) {
                stop = Stop.CANCELLED;
            } else if (System.nanoTime() - deadline > 0) {
                stop = Stop.DEADLINE;
            }
        }
        return stop != null;
    }

    /** Why the work stopped, or empty while it may go on. */
    public Optional<Stop> stopped() {
        shouldStop();
        return Optional.ofNullable(stop);
    }

    /** Throws when the work must stop: for the points between libvips calls. */
    public void check() throws VipsException {
        if (shouldStop()) {
            throw new VipsException("stopped: " + (stop == Stop.DEADLINE ? "time limit reached" : "cancelled"));
        }
    }
}
