package io.lumasync.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A leaky bucket of cost points, as GraphQL APIs that price each query meter it (Shopify's Admin API: a bucket of
 * {@code maximumAvailable} points that refills {@code restoreRate} points a second; a query takes its requested
 * cost up front and gives back what it did not use). Lumasync keeps its own estimate of the points left and paces
 * a request until the bucket holds its cost; every answer's {@code throttleStatus} ({@link #learn}) replaces the
 * estimate with the server's count, so several runs, or another app on the same shop, are taken into account. A
 * 429's {@code Retry-After} closes the bucket until then.
 */
public final class CostBucketBudget implements RateBudget {
    /** A hostile or broken answer must not stop the budget for a day: one hour at most. */
    private static final long MAX_CLOSE = Duration.ofHours(1).toNanos();

    private final LongSupplier clock;
    private final WindowBudget.Sleeper sleeper;
    private double maximum;
    private double restorePerSecond;
    private double available;
    private long updatedAt;
    private long closedUntil;

    /**
     * @param maximum          the bucket's size in points (Shopify: 1,000 on standard plans until the first answer
     *                         tells the shop's own)
     * @param restorePerSecond the points it regains each second (Shopify: 50 on standard plans)
     */
    public CostBucketBudget(double maximum, double restorePerSecond) {
        this(maximum, restorePerSecond, System::nanoTime, nanos -> Thread.sleep(Duration.ofNanos(nanos)));
    }

    public CostBucketBudget(double maximum, double restorePerSecond, LongSupplier clock, WindowBudget.Sleeper sleeper) {
        if (!(maximum > 0) || !(restorePerSecond > 0)) {
            throw new IllegalArgumentException("a cost bucket needs a positive size and restore rate");
        }
        this.maximum = maximum;
        this.restorePerSecond = restorePerSecond;
        this.available = maximum;
        this.clock = clock;
        this.sleeper = sleeper;
        this.updatedAt = clock.getAsLong();
    }

    @Override
    public void acquire(double cost) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.getAsLong();
                refill(now);
                // A query dearer than the whole bucket still runs once the bucket is full (the server refuses it).
                double need = Math.min(Math.max(cost, 0), maximum);
                wait = Math.max(0, closedUntil - now);
                if (wait == 0 && available >= need) {
                    available -= need;
                    return;
                }
                if (wait == 0) {
                    wait = Math.max(1, (long) Math.ceil((need - available) / restorePerSecond * 1e9));
                }
            }
            sleeper.sleep(wait);
        }
    }

    @Override
    public void observe(int status, HttpHeaders headers) {
        if (status != 429) {
            return;
        }
        long wait = HttpErrors.retryAfter(headers).map(Duration::toNanos).orElse(1_000_000_000L);
        synchronized (this) {
            closedUntil = Math.max(closedUntil, clock.getAsLong() + Math.min(MAX_CLOSE, wait));
        }
    }

    /**
     * Takes the server's own count from an answer: points left now, the bucket's size and its restore rate. Values
     * that make no sense (negative, not numbers, absurdly large) are ignored.
     */
    public synchronized void learn(double currentlyAvailable, double maximumAvailable, double restoreRate) {
        if (sane(maximumAvailable) && maximumAvailable > 0) {
            maximum = maximumAvailable;
        }
        if (sane(restoreRate) && restoreRate > 0) {
            restorePerSecond = restoreRate;
        }
        if (sane(currentlyAvailable)) {
            available = Math.min(currentlyAvailable, maximum);
            updatedAt = clock.getAsLong();
        }
    }

    /** How long until the bucket holds {@code cost} points, for the Retry-After of a throttled answer. */
    public synchronized Duration timeUntil(double cost) {
        long now = clock.getAsLong();
        refill(now);
        double need = Math.min(Math.max(cost, 0), maximum);
        long nanos = Math.max(0, closedUntil - now);
        if (available < need) {
            nanos = Math.max(nanos, (long) Math.ceil((need - available) / restorePerSecond * 1e9));
        }
        return Duration.ofNanos(nanos);
    }

    /** The points Lumasync believes are left now. */
    public synchronized double available() {
        refill(clock.getAsLong());
        return available;
    }

    /** The points the bucket regains each second, as last learned. */
    public synchronized double restoreRate() {
        return restorePerSecond;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            available = Math.min(maximum, available + (now - updatedAt) / 1e9 * restorePerSecond);
            updatedAt = now;
        }
    }

    private static boolean sane(double v) {
        return Double.isFinite(v) && v >= 0 && v < 1e9;
    }
}
