package io.lumasync.core;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter, capped, honouring a server's Retry-After when it asks for longer.
 *
 * @param maxAttempts   attempts in one run, including the first
 * @param base          the first back-off ceiling
 * @param cap           the largest back-off ceiling
 * @param maxRetryAfter the longest Retry-After honoured inside a run; longer ones end the run for this item and
 *                      schedule it for a later run instead of blocking a worker
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1), or empty when no attempt is left. */
    public Optional<Duration> delayAfter(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(asked);
        }
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Optional.of(Duration.ofMillis(random.nextLong(ceiling / 2, ceiling + 1)));
    }
}
