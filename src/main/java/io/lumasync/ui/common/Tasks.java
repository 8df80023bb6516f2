package io.lumasync.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way views run slow work: {@code work} runs off the FX thread, then exactly one of the callbacks runs on
 * the FX thread. {@link #onFx} is where progress coming from worker threads is delivered.
 */
public interface Tasks {

    <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError);

    /** Runs a small UI update on the FX thread (now if already there). */
    void onFx(Runnable update);

    /** Runs work with no result; errors go to {@code onError}. */
    default void runVoid(String name, ThrowingRunnable work, Runnable onSuccess, Consumer<Throwable> onError) {
        run(name, () -> {
            work.run();
            return Boolean.TRUE;
        }, ok -> onSuccess.run(), onError);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
