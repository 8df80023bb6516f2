package io.lumasync.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Passes only the latest of many values from worker threads to the FX thread: while an update is queued, newer
 * values replace it instead of queuing more, so a fast engine never floods the FX thread.
 */
public final class Coalescer<T> {
    private final Tasks tasks;
    private final Consumer<T> apply;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();

    public Coalescer(Tasks tasks, Consumer<T> apply) {
        this.tasks = tasks;
        this.apply = apply;
    }

    public void offer(T value) {
        latest.set(value);
        if (queued.compareAndSet(false, true)) {
            tasks.onFx(() -> {
                queued.set(false);
                T v = latest.get();
                if (v != null) {
                    apply.accept(v);
                }
            });
        }
    }
}
