package io.lumasync.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One event on its way to one hook, as the delivery log shows it.
 *
 * @param eventId      the message id sent with it (the same on every attempt, so receivers can drop repeats)
 * @param state        {@code pending}, {@code delivered} or {@code failed} (given up)
 * @param lastStatus   the HTTP status of the last attempt; 0 when no answer came
 * @param lastResponse the start of the last answer, or why none came
 */
public record HookDelivery(long id, String hook, String eventId, String event, String payload, String state,
                           int attempts, Instant nextAt, int lastStatus, String lastResponse, Instant createdAt,
                           Optional<Instant> deliveredAt) {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
}
