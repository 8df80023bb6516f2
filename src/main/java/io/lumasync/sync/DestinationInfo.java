package io.lumasync.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A configured destination for screens and {@code destinations list}: settings without secrets, and status. */
public record DestinationInfo(String name, String typeId, Map<String, String> settings, Optional<Instant> lastOkAt,
                              Optional<String> lastError, long assets) implements ConfiguredAdapter {
    public String status() {
        return lastError.map(e -> "error").orElse(lastOkAt.isPresent() ? "ok" : "not used yet");
    }
}
