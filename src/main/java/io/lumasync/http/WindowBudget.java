package io.lumasync.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * At most {@code requests} requests in any {@code window} (HubSpot: 100 per 10 s, Webflow: 60 per minute), counted
 * here as they are sent; a server's own count wins when it says less is left ({@code remainingHeader}, with the
 * window's rest in {@code resetHeader} seconds or milliseconds), and a 429's {@code Retry-After} (or the reset
 * header) closes the window until then.
 */
public final class WindowBudget implements RateBudget {

    /** Waits; {@link Thread#sleep} in the product, a fake clock in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** A hostile or broken header must not close the budget for a day: one hour at most. */
    private static final long MAX_CLOSE = Duration.ofHours(1).toNanos();

    private final int requests;
    private final long windowNanos;
    private final String remainingHeader;
    private final String resetHeader;
    private final boolean resetInMillis;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();
    private long closedUntil;

    /**
     * @param remainingHeader the header with the requests left in the window, or null
     * @param resetHeader     the header with the time until the window resets, or null
     * @param resetInMillis   whether {@code resetHeader} counts milliseconds (else seconds)
     */
    public WindowBudget(int requests, Duration window, String remainingHeader, String resetHeader,
                        boolean resetInMillis) {
        this(requests, window, remainingHeader, resetHeader, resetInMillis, System::nanoTime,
                nanos -> Thread.sleep(Duration.ofNanos(nanos)));
    }

    public WindowBudget(int requests, Duration window, String remainingHeader, String resetHeader,
                        boolean resetInMillis, LongSupplier clock, Sleeper sleeper) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a window budget needs at least one request in a positive window");
        }
        this.requests = requests;
        this.windowNanos = window.toNanos();
        this.remainingHeader = remainingHeader;
        this.resetHeader = resetHeader;
        this.resetInMillis = resetInMillis;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void acquire(double cost) throws InterruptedException {
        int units = Math.max(1, (int) Math.ceil(cost));
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.getAsLong();
                while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
                    sent.pollFirst();
                }
                wait = Math.max(0, closedUntil - now);
                if (wait == 0 && sent.size() + units <= Math.max(requests, units)) {
                    for (int i = 0; i < units; i++) {
                        sent.addLast(now);
                    }
                    return;
                }
                if (wait == 0) {
                    wait = Math.max(1, sent.peekFirst() + windowNanos - now);
                }
            }
            sleeper.sleep(wait);
        }
    }

    @Override
    public void observe(int status, HttpHeaders headers) {
        Optional<Long> reset = resetHeader == null ? Optional.empty() : number(headers, resetHeader)
                .map(v -> resetInMillis ? v * 1_000_000L : v * 1_000_000_000L);
        Optional<Long> remaining = remainingHeader == null ? Optional.empty() : number(headers, remainingHeader);
        Optional<Long> retryAfter = status == 429 ? number(headers, "Retry-After").map(s -> s * 1_000_000_000L)
                : Optional.empty();
        synchronized (this) {
            long now = clock.getAsLong();
            if (status == 429) {
                long until = now + Math.min(MAX_CLOSE, retryAfter.or(() -> reset).orElse(windowNanos));
                closedUntil = Math.max(closedUntil, until);
            } else if (remaining.isPresent() && remaining.get() <= 0) {
                closedUntil = Math.max(closedUntil, now + Math.min(MAX_CLOSE, reset.orElse(windowNanos)));
            }
        }
    }

    private static Optional<Long> number(HttpHeaders headers, String name) {
        return headers.firstValue(name).flatMap(v -> {
            try {
                long n = Long.parseLong(v.strip());
                return n < 0 || n > 100_000_000L ? Optional.empty() : Optional.of(n);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
