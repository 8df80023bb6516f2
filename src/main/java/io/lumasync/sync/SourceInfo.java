package io.lumasync.sync;

import io.lumasync.core.EncodeSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configured source (settings without secrets).
 *
 * @param interval    autosync every so often; empty = only when asked
 * @param deleteShare the largest share of a destination's assets one run may delete without --force
 */
public record SourceInfo(String name, String typeId, Map<String, String> settings, List<String> destinations,
                         EncodeSettings encode, boolean watch, Optional<Duration> interval, boolean propagateDeletes,
                         double deleteShare, Optional<Instant> lastRunAt, Optional<String> lastError)
        implements ConfiguredAdapter {
    public SourceInfo {
        settings = Map.copyOf(settings);
        destinations = List.copyOf(destinations);
    }

    /** A new source with defaults for everything but its name, type, settings and destinations. */
    public static SourceInfo of(String name, String typeId, Map<String, String> settings, List<String> destinations) {
        return new SourceInfo(name, typeId, settings, destinations, EncodeSettings.defaults(), false, Optional.empty(),
                false, 0.25, Optional.empty(), Optional.empty());
    }
}
