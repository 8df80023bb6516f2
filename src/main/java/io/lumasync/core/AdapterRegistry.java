package io.lumasync.core;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of one adapter family (sources or destinations) in the order the doors offer them. {@code family} is the
 * word a user reads in messages ("destination", "source").
 */
public record AdapterRegistry<T extends AdapterType<?>>(String family, List<T> all) {

    public AdapterRegistry {
        all = List.copyOf(all);
        var seen = new HashSet<String>();
        for (T t : all) {
            // Ids are stored in every saved configuration: two kinds sharing one would open each other's settings.
            if (!seen.add(t.id())) {
                throw new IllegalArgumentException("Two " + family + " types share the id '" + t.id() + "'.");
            }
        }
    }

    public Optional<T> byId(String id) {
        return all.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The kind called {@code id}, or a refusal that lists the known ones, as a user who mistyped it needs. */
    public T require(String id) throws ConfigurationException {
        return byId(id).orElseThrow(() -> new ConfigurationException("Unknown " + family + " type '" + id
                + "'. Known: " + String.join(", ", ids())));
    }

    public List<String> ids() {
        return all.stream().map(AdapterType::id).toList();
    }
}
