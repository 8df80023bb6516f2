package io.lumasync.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * The time a run still needs: items left × the rate measured since it started. The desktop app, the tray and the
 * CLI share it so they never disagree. Pure arithmetic on the numbers given; callers pass the elapsed time.
 */
public final class Eta {
    /** Below these an estimate is noise: a run this short ends before anyone reads it. */
    static final int MIN_FINISHED = 2;
    static final Duration MIN_ELAPSED = Duration.ofSeconds(3);

    private Eta() {
    }

    /**
     * @param elapsed  time since the run started
     * @param finished items finished so far (sent, unchanged or failed)
     * @param total    items in the run
     * @return the estimate, or empty while too little is known or when nothing is left
     */
    public static Optional<Duration> remaining(Duration elapsed, int finished, int total) {
        int left = total - finished;
        if (left <= 0 || finished < MIN_FINISHED || elapsed.compareTo(MIN_ELAPSED) < 0) {
            return Optional.empty();
        }
        long perItemMs = elapsed.toMillis() / finished;
        return Optional.of(Duration.ofMillis(Math.multiplyExact(perItemMs, (long) left)));
    }

    /** "about 3 min left", "about 40 s left", "about 2 h 5 min left". */
    public static String words(Duration d) {
        long s = Math.max(1, d.toSeconds());
        if (s < 60) {
            return "about " + (s < 10 ? s : (s + 4) / 5 * 5) + " s left";
        }
        long min = (s + 30) / 60;
        if (min < 60) {
            return "about " + min + " min left";
        }
        return "about " + min / 60 + " h " + min % 60 + " min left";
    }
}
