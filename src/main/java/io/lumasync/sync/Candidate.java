package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.source.SourceItem;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An item offered to the planner, with its local file when there is one (pushed files, folder sources).
 *
 * @param described the source's own text for the item (a stock description, a frame or design name); empty when the
 *                  source describes nothing
 */
public record Candidate(SourceItem item, Optional<Path> localPath, AssetMetadata described) {
    public Candidate {
        described = described == null ? AssetMetadata.EMPTY : described;
    }

    /** An item its source does not describe. */
    public Candidate(SourceItem item, Optional<Path> localPath) {
        this(item, localPath, AssetMetadata.EMPTY);
    }

    /**
     * The run's text with the source's title, caption and description where the run gave none. The source's alt text
     * is not copied: whether it becomes the alt text is the destination's alt-text mode's choice ("embedded").
     */
    AssetMetadata withSourceText(AssetMetadata given) {
        return new AssetMetadata(given.altText(), or(given.title(), described.title()),
                or(given.caption(), described.caption()), or(given.description(), described.description()));
    }

    private static String or(String first, String second) {
        return first.isEmpty() ? second : first;
    }
}
