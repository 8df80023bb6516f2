package io.lumasync.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WindowBudgetTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> waits = new ArrayList<>();

    private WindowBudget budget(int requests, Duration window) {
        return new WindowBudget(requests, window, "X-Remaining", "X-Reset", true, now::get, nanos -> {
            waits.add(nanos);
            now.addAndGet(nanos);
        });
    }

    private static HttpHeaders headers(Map<String, String> h) {
        return HttpHeaders.of(h.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void theRequestAfterTheLastOneOfAWindowWaitsForTheOldestToLeaveIt() throws Exception {
        var b = budget(3, Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            b.acquire(1);
            now.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        assertEquals(List.of(), waits);
        b.acquire(1);
        assertEquals(List.of(Duration.ofSeconds(7).toNanos()), waits);
    }

    @Test
    void aServerSayingNothingIsLeftClosesTheWindowUntilItsReset() throws Exception {
        var b = budget(100, Duration.ofSeconds(10));
        b.acquire(1);
        b.observe(200, headers(Map.of("X-Remaining", "0", "X-Reset", "2500")));
        b.acquire(1);
        assertEquals(List.of(Duration.ofMillis(2500).toNanos()), waits);
    }

    @Test
    void a429WaitsItsRetryAfterEvenWithRequestsLeftAndAHugeValueIsCappedAtAnHour() throws Exception {
        var b = budget(100, Duration.ofSeconds(10));
        b.observe(429, headers(Map.of("Retry-After", "3")));
        b.acquire(1);
        assertEquals(List.of(Duration.ofSeconds(3).toNanos()), waits);
        waits.clear();
        b.observe(429, headers(Map.of("Retry-After", "99999999")));
        b.acquire(1);
        assertEquals(List.of(Duration.ofHours(1).toNanos()), waits);
    }

    @Test
    void garbageHeadersAreIgnored() throws Exception {
        var b = budget(5, Duration.ofSeconds(1));
        b.observe(200, headers(Map.of("X-Remaining", "lots", "X-Reset", "-4")));
        b.acquire(1);
        assertEquals(List.of(), waits);
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> budget(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> budget(1, Duration.ZERO));
    }

    @Test
    void sharedBudgetsAreOnePerKey() {
        var a = RateBudgets.shared("test:window-a", WindowBudget.class, () -> budget(1, Duration.ofSeconds(1)));
        var again = RateBudgets.shared("test:window-a", WindowBudget.class, () -> budget(2, Duration.ofSeconds(1)));
        assertEquals(a, again);
    }
}
