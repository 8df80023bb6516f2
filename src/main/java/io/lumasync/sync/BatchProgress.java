package io.lumasync.sync;

/** How far a run is: {@code finished = done + skipped + failed} of {@code total}. */
public record BatchProgress(int total, int done, int skipped, int failed) {
    public int finished() {
        return done + skipped + failed;
    }

    public double fraction() {
        return total == 0 ? 1.0 : (double) finished() / total;
    }
}
