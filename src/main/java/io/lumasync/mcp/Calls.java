package io.lumasync.mcp;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool calls in progress, by JSON-RPC request id, so that a {@code notifications/cancelled} from the client
 * reaches the call it names, and the answer to a cancelled call is not sent (as the specification asks).
 */
final class Calls {
    /** At most this many cancelled ids are remembered (a client could cancel ids it never used). */
    private static final int MAX_CANCELLED = 1000;

    private final Runnable stopEngine;
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    /** {@code stopEngine} asks the engine to stop its current run after the images in progress. */
    Calls(Runnable stopEngine) {
        this.stopEngine = stopEngine;
    }

    /** A call starts; it is cancelled already when its cancel overtook it. */
    Cancellation start(String requestId) {
        Cancellation c = new Cancellation(stopEngine);
        running.put(requestId, c);
        if (cancelled.contains(requestId)) {
            c.cancel();
        }
        return c;
    }

    void finish(String requestId) {
        running.remove(requestId);
    }

    /** The client gave up on {@code requestId}. */
    void cancel(String requestId) {
        if (cancelled.size() < MAX_CANCELLED) {
            cancelled.add(requestId);
        }
        Cancellation c = running.get(requestId);
        if (c != null) {
            c.cancel();
        }
    }

    /** True (once) when the answer to {@code requestId} must not be sent because the client cancelled it. */
    boolean dropAnswer(String requestId) {
        return cancelled.remove(requestId);
    }
}
