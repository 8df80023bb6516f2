package io.lumasync.sync;

import io.lumasync.source.SourceItem;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** One source item as Browse shows it: its badges per destination and its local file (for thumbnails). */
public record BrowseItem(String source, SourceItem item, Map<String, AssetStatus> status, Optional<Path> localFile) {
    public BrowseItem {
        status = Map.copyOf(status);
    }
}
