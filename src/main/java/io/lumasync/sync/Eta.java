package io.lumasync.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The time left in a run, as the images left times the time per image measured so far in this run. No guess is
 * offered before a few images have finished and a few seconds have passed: the first images of a run include its
 * start-up, and an estimate from one image would jump about. Skipped images (unchanged since the last sync) take no
 * time and would make the rate look better than it is, so they are counted out of the rate and of the images left
 * alike. Thread-safe.
 */
public final class Eta {
    /** Images that must have been converted before the rate is trusted. */
    static final int MIN_DONE = 3;
    static final long MIN_ELAPSED_NANOS = 5_000_000_000L;

    private final LongSupplier nanoClock;
    private final long start;

    public Eta() {
        this(System::nanoTime);
    }

    /** With a chosen clock (nanoseconds, like {@link System#nanoTime}), for tests. */
    public Eta(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** The time left at {@code p}, or empty while too little has been measured (or nothing is left). */
    public Optional<Duration> left(BatchProgress p) {
        long elapsed = nanoClock.getAsLong() - start;
        int worked = p.done() + p.failed();
        int left = p.total() - p.finished();
        if (left <= 0 || worked < MIN_DONE || elapsed < MIN_ELAPSED_NANOS) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) ((double) elapsed / worked * left)));
    }

    /** "about 40 s left", "about 12 min left", "about 2 h 5 min left"; empty when there is no estimate yet. */
    public String text(BatchProgress p) {
        return left(p).map(Eta::words).orElse("");
    }

    static String words(Duration d) {
        long s = Math.max(1, d.toSeconds());
        if (s < 60) {
            return "about " + ((s + 4) / 5 * 5) + " s left";
        }
        long min = (s + 30) / 60;
        if (min < 60) {
            return "about " + min + " min left";
        }
        return "about " + min / 60 + " h " + min % 60 + " min left";
    }
}
