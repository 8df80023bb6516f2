package io.lumasync.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RetrierTest {
    private final List<Duration> waits = new ArrayList<>();
    private final Retrier retrier = new Retrier(
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(2)), waits::add);

    /** A call failing with {@code failure} the first {@code times} times, then answering "ok". */
    private static Retrier.Call<String, RuntimeException> failing(int times, LumasyncException failure, AtomicInteger calls) {
        return () -> {
            if (calls.incrementAndGet() <= times) {
                throw failure;
            }
            return "ok";
        };
    }

    @Test
    void aTransientFailureIsRetriedHonouringTheServersWait() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> told = new ArrayList<>();
        String r = retrier.call(failing(2, LumasyncException.retry("slow down", Duration.ofSeconds(7)), calls),
                (attempt, wait, e) -> told.add(attempt));
        assertThat(r).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(told).containsExactly(1, 2);
    }

    @Test
    void withoutRetryAfterTheWaitsGrowWithJitterUpToTheCap() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        retrier.call(failing(3, LumasyncException.retry("server error 503", null), calls));
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void otherKindsAreNeverRetried() {
        for (ErrorKind kind : List.of(ErrorKind.GIVE_UP, ErrorKind.REAUTH, ErrorKind.UNAVAILABLE)) {
            AtomicInteger calls = new AtomicInteger();
            LumasyncException e = catchThrowableOfType(LumasyncException.class,
                    () -> retrier.call(failing(5, new LumasyncException(kind, "no"), calls)));
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(calls).as("calls for " + kind).hasValue(1);
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void givesUpAfterTheBoundSayingSoAndKeepingTheServersWait() {
        AtomicInteger calls = new AtomicInteger();
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> retrier.call(
                failing(100, LumasyncException.retry("Dropbox had a server error 503.", Duration.ofSeconds(1)), calls)));
        assertThat(calls).hasValue(4);
        assertThat(e.kind()).isEqualTo(ErrorKind.RETRY);
        assertThat(e.getMessage()).isEqualTo("Dropbox had a server error 503. Gave up after 4 attempts; the next sync "
                + "tries again.");
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1));
    }

    @Test
    void aWaitLongerThanARunMayBlockEndsAtOnceForTheNextSync() {
        AtomicInteger calls = new AtomicInteger();
        LumasyncException e = catchThrowableOfType(LumasyncException.class, () -> retrier.call(
                failing(100, LumasyncException.retry("Too many requests.", Duration.ofMinutes(30)), calls)));
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
        assertThat(e.getMessage()).isEqualTo("Too many requests. The service asked Lumasync to wait 30 minutes; "
                + "the next sync tries again.");
    }

    @Test
    void anAdaptersOwnCheckedErrorPassesThroughUntouched() {
        class Moved extends Exception {
        }
        AtomicInteger calls = new AtomicInteger();
        Moved e = catchThrowableOfType(Moved.class, () -> retrier.<String, Moved>call(() -> {
            calls.incrementAndGet();
            throw new Moved();
        }));
        assertThat(e).isNotNull();
        assertThat(calls).hasValue(1);
    }
}
