package io.lumasync.sync;

import io.lumasync.source.SourceItem;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One source item as Browse shows it: its state at every destination it is published to or meant for (from the
 * sync map, not only the source's configured destinations), the published address where there is one, and its
 * local file (for thumbnails).
 */
public record BrowseItem(String source, SourceItem item, Map<String, AssetStatus> status, Map<String, String> urls,
                         Optional<Path> localFile) {
    public BrowseItem {
        status = Map.copyOf(status);
        urls = Map.copyOf(urls);
    }

    public BrowseItem(String source, SourceItem item, Map<String, AssetStatus> status, Optional<Path> localFile) {
        this(source, item, status, Map.of(), localFile);
    }

    /** The published address at {@code destination}, when the destination gives one. */
    public Optional<String> url(String destination) {
        return Optional.ofNullable(urls.get(destination)).filter(u -> !u.isBlank());
    }
}
