package io.lumasync.core;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry layer for source and destination calls alike: runs a call again while it fails with
 * {@link ErrorKind#RETRY}, waiting as the {@link RetryPolicy} says (a server's Retry-After first). Adapters only
 * classify their failures; every other kind goes straight to the caller, so a refused password is never
 * hammered. Thread-safe; it blocks the calling thread while waiting, which is meant for virtual threads.
 */
public final class Retrier {

    /** One attempt. {@code X} lets an adapter pass its own checked "handle it yourself" error through. */
    @FunctionalInterface
    public interface Call<T, X extends Exception> {
        T run() throws LumasyncException, X;
    }

    /** Waits between attempts: {@link Thread#sleep} in the product, a recorder in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    /** Told before each wait, e.g. to show "retrying in 2 s" beside an item. */
    @FunctionalInterface
    public interface Listener {
        void retrying(int attempt, Duration wait, LumasyncException cause);
    }

    public static final Retrier DEFAULT = new Retrier(RetryPolicy.DEFAULT, Thread::sleep);

    private static final Listener QUIET = (attempt, wait, cause) -> {
    };

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public Retrier(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    public RetryPolicy policy() {
        return policy;
    }

    public <T, X extends Exception> T call(Call<T, X> call) throws LumasyncException, X {
        return call(call, QUIET);
    }

    /**
     * Runs {@code call} until it succeeds, fails with another kind than RETRY, or the policy has no attempt left;
     * then the last failure is thrown as RETRY (with the server's wait, if any) saying that Lumasync gave up for
     * now. An interrupt while waiting ends the retries with the last failure.
     */
    public <T, X extends Exception> T call(Call<T, X> call, Listener listener) throws LumasyncException, X {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (LumasyncException e) {
                if (e.kind() != ErrorKind.RETRY) {
                    throw e;
                }
                Optional<Duration> wait = policy.delayAfter(attempt, e.retryAfter(), ThreadLocalRandom.current());
                if (wait.isEmpty()) {
                    throw gaveUp(e, attempt);
                }
                listener.retrying(attempt, wait.get(), e);
                try {
                    sleeper.sleep(wait.get());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private LumasyncException gaveUp(LumasyncException last, int attempts) {
        boolean askedTooLong = attempts < policy.maxAttempts() && last.retryAfter().isPresent();
        String why = askedTooLong
                ? " The service asked Lumasync to wait " + minutes(last.retryAfter().get()) + "; the next sync tries again."
                : " Gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + "; the next sync tries again.";
        return new LumasyncException(ErrorKind.RETRY, last.getMessage() + why, last.retryAfter().orElse(null), last);
    }

    private static String minutes(Duration d) {
        long m = Math.max(1, (d.toSeconds() + 59) / 60);
        return m == 1 ? "a minute" : m + " minutes";
    }
}
