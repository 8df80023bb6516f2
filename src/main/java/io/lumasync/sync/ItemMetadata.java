package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;

/**
 * The descriptive text one item gets at one destination: the run's own text, or what the destination's alt-text
 * mode makes of the item (its file name, its embedded caption, a vision model's description). Called while planning;
 * never throws (an item whose text cannot be made is published with what the run gave).
 */
@FunctionalInterface
public interface ItemMetadata {
    /** Every item gets the run's text. */
    ItemMetadata GIVEN = (destination, item, given) -> given;

    AssetMetadata forItem(String destination, Candidate item, AssetMetadata given);
}
