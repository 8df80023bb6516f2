package io.lumasync.mcp;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the client cancelled one call ({@code notifications/cancelled}). On cancel the engine is asked to stop
 * its current run after the images in progress, as the app's Cancel button does.
 */
final class Cancellation {
    static final Cancellation NEVER = new Cancellation(() -> { });

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Runnable onCancel;

    Cancellation(Runnable onCancel) {
        this.onCancel = onCancel;
    }

    boolean cancelled() {
        return cancelled.get();
    }

    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.run();
        }
    }
}
