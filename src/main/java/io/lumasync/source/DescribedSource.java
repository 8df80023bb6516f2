package io.lumasync.source;

import io.lumasync.core.AssetMetadata;

import java.util.Optional;

/**
 * A source whose service describes each asset (a stock agency's description, keywords and contributor), for alt
 * text and credit. The answer comes from the last listing, without another request.
 */
public interface DescribedSource {
    /** The item's text as the service gives it; empty when the last listing did not describe it. */
    Optional<AssetMetadata> metadata(SourceItem item);
}
