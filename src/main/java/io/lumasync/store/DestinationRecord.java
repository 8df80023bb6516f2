package io.lumasync.store;

import io.lumasync.core.AdapterConfig;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A configured destination as saved (no secrets). */
public record DestinationRecord(String name, String typeId, Map<String, String> settings, Instant createdAt,
                                Optional<Instant> lastOkAt, Optional<String> lastError) {
    public DestinationRecord {
        settings = Map.copyOf(settings);
    }

    public AdapterConfig config() {
        return new AdapterConfig(name, typeId, settings);
    }
}
