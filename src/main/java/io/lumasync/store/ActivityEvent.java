package io.lumasync.store;

import java.time.Instant;

/**
 * One line of the activity log.
 *
 * @param kind synced, replaced, skipped, failed, retried, deleted, info
 */
public record ActivityEvent(long id, Instant time, String kind, String source, String asset, String destination,
                            String message, String url, long bytesIn, long bytesOut) {
}
