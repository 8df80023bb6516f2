package io.lumasync.sync;

/**
 * An optional pause before each upload, set with the environment variable {@code LUMASYNC_UPLOAD_DELAY_MS}:
 * spreads uploads out for rate-limited destinations, and lets the crash tests stop a run at a chosen point.
 */
final class Throttle {
    private static final long DELAY_MS = parse(System.getenv("LUMASYNC_UPLOAD_DELAY_MS"));

    private Throttle() {
    }

    static void pause() {
        if (DELAY_MS > 0) {
            try {
                Thread.sleep(DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long parse(String v) {
        try {
            return v == null ? 0 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
