package io.lumasync.store;

import java.time.Instant;

/**
 * One line of the activity log.
 *
 * @param kind   synced, replaced, skipped, failed, retried, deleted, info
 * @param origin the door that started the work: "" (app, CLI, daemon) or "mcp" (an AI assistant)
 */
public record ActivityEvent(long id, Instant time, String kind, String source, String asset, String destination,
                            String message, String url, long bytesIn, long bytesOut, String origin) {
    public ActivityEvent {
        origin = origin == null ? "" : origin;
    }

    /** A line from no door in particular (origin ""). */
    public ActivityEvent(long id, Instant time, String kind, String source, String asset, String destination,
                         String message, String url, long bytesIn, long bytesOut) {
        this(id, time, kind, source, asset, destination, message, url, bytesIn, bytesOut, "");
    }

    /** The same line, recorded as coming from {@code door}. */
    public ActivityEvent from(String door) {
        return new ActivityEvent(id, time, kind, source, asset, destination, message, url, bytesIn, bytesOut, door);
    }
}
