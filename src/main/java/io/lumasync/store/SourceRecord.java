package io.lumasync.store;

import io.lumasync.core.AdapterConfig;
import io.lumasync.core.EncodeSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configured source as saved (no secrets).
 *
 * @param destinations     where its images go
 * @param watch            pick up new files as they appear (local folders)
 * @param interval         autosync interval; empty = only when asked
 * @param propagateDeletes remove published assets whose source was deleted
 * @param deleteShare      the largest share of a destination's assets one run may delete without --force
 */
public record SourceRecord(String name, String typeId, Map<String, String> settings, List<String> destinations,
                           EncodeSettings encode, boolean watch, Optional<Duration> interval,
                           boolean propagateDeletes, double deleteShare, Optional<String> cursor,
                           Optional<Instant> lastRunAt, Optional<String> lastError) {
    public static final double DEFAULT_DELETE_SHARE = 0.25;

    public SourceRecord {
        settings = Map.copyOf(settings);
        destinations = List.copyOf(destinations);
    }

    public AdapterConfig config() {
        return new AdapterConfig(name, typeId, settings);
    }
}
