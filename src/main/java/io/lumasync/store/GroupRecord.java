package io.lumasync.store;

import java.time.Instant;
import java.util.List;

/** A destination group: a name for several destinations and the rules items sent to them must meet. */
public record GroupRecord(String name, List<String> destinations, GroupRules rules, Instant createdAt) {
    public GroupRecord {
        destinations = List.copyOf(destinations);
    }
}
