package io.lumasync.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CostBucketBudgetTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final List<Long> waits = new ArrayList<>();

    private CostBucketBudget bucket(double max, double rate) {
        return new CostBucketBudget(max, rate, now::get, nanos -> {
            waits.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void requestsGoAtOnceWhileTheBucketHoldsTheirCostThenWaitForItToRefill() throws Exception {
        var b = bucket(100, 50);
        b.acquire(60);
        b.acquire(40);
        assertThat(waits).isEmpty();
        b.acquire(25);
        // 25 points at 50 a second: half a second
        assertThat(waits).containsExactly(Duration.ofMillis(500).toNanos());
    }

    @Test
    void theServersCountReplacesTheEstimate() throws Exception {
        var b = bucket(1000, 50);
        b.learn(10, 2000, 100);
        assertThat(b.available()).isEqualTo(10);
        assertThat(b.timeUntil(110)).isEqualTo(Duration.ofSeconds(1));
        b.acquire(110);
        assertThat(waits).containsExactly(Duration.ofSeconds(1).toNanos());
        // a larger plan's bucket, learned from the answer, fills beyond the first guess
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(b.available()).isEqualTo(2000);
    }

    @Test
    void nonsenseFromTheServerIsIgnored() {
        var b = bucket(1000, 50);
        b.learn(Double.NaN, -5, 1e12);
        assertThat(b.available()).isEqualTo(1000);
        b.learn(-1, 0, 0);
        assertThat(b.timeUntil(1000)).isZero();
    }

    @Test
    void aQueryDearerThanTheWholeBucketWaitsOnlyForAFullBucket() throws Exception {
        var b = bucket(100, 50);
        b.acquire(100);
        b.acquire(5000);
        assertThat(waits).containsExactly(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void a429ClosesTheBucketForItsRetryAfterAndAHugeValueForAnHourAtMost() throws Exception {
        var b = bucket(100, 50);
        b.observe(429, HttpHeaders.of(Map.of("Retry-After", List.of("4")), (x, y) -> true));
        b.acquire(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(4).toNanos());
        waits.clear();
        b.observe(429, HttpHeaders.of(Map.of("Retry-After", List.of("86400")), (x, y) -> true));
        b.acquire(1);
        assertThat(waits).containsExactly(Duration.ofHours(1).toNanos());
        waits.clear();
        b.observe(200, HttpHeaders.of(Map.of("Retry-After", List.of("9")), (x, y) -> true));
        b.acquire(1);
        assertThat(waits).isEmpty();
    }
}
