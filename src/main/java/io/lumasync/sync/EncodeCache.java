package io.lumasync.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Shares one encode between the destinations of a run that want the same output, and forgets it as soon as the
 * last of them has it (so a large run never holds more than the images in flight).
 */
final class EncodeCache {
    private final Map<String, CompletableFuture<Encoded>> entries = new HashMap<>();
    private final Map<String, Integer> expected = new HashMap<>();

    /** Announces that one more job will ask for {@code key}. */
    synchronized void expect(String key) {
        expected.merge(key, 1, Integer::sum);
    }

    synchronized CompletableFuture<Encoded> get(String key, Supplier<CompletableFuture<Encoded>> encode) {
        return entries.computeIfAbsent(key, k -> encode.get());
    }

    /** A job is done with {@code key}. */
    synchronized void release(String key) {
        Integer left = expected.merge(key, -1, Integer::sum);
        if (left != null && left <= 0) {
            expected.remove(key);
            entries.remove(key);
        }
    }
}
