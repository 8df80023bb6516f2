package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;

import java.util.List;

/**
 * What to plan for one source.
 *
 * @param complete         the items are everything at the source (so rows of absent items are deletions)
 * @param removed          ids an incremental listing reported deleted
 * @param propagateDeletes delete published assets whose source item is gone
 * @param deleteShare      largest share of a destination's assets deleted in one run without {@code force}
 * @param itemMetadata     what each item's text is at each destination (alt-text modes), starting from {@code metadata}
 */
public record PlanInput(String source, List<Candidate> items, boolean complete, List<String> removed,
                        List<String> destinations,
                        EncodeSettings encode, AssetMetadata metadata, boolean propagateDeletes, double deleteShare,
                        boolean force, ItemMetadata itemMetadata) {
    public PlanInput {
        items = List.copyOf(items);
        removed = List.copyOf(removed);
        destinations = List.copyOf(destinations);
    }

    /** Every item with the same text. */
    public PlanInput(String source, List<Candidate> items, boolean complete, List<String> removed,
                     List<String> destinations, EncodeSettings encode, AssetMetadata metadata, boolean propagateDeletes,
                     double deleteShare, boolean force) {
        this(source, items, complete, removed, destinations, encode, metadata, propagateDeletes, deleteShare, force,
                ItemMetadata.GIVEN);
    }
}
