package io.lumasync.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One item in the approval queue: the planned job, as it will run once approved.
 *
 * @param state {@code waiting}, {@code approved} or {@code rejected}
 * @param note  the rejection's reason, or the approval run's outcome
 */
public record Approval(long id, String group, Job job, String state, String note, Instant createdAt,
                       Optional<Instant> decidedAt) {
    public static final String WAITING = "waiting";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
}
