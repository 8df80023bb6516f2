package io.lumasync.store;

import io.lumasync.core.Fingerprint;
import io.lumasync.core.RemoteRef;

import java.time.Instant;

/** One row of the sync map: a source asset's version published at one destination. */
public record SyncMapEntry(String source, String assetId, String destination, String assetName,
                           Fingerprint fingerprint, String settingsHash, String metadataHash, RemoteRef remote,
                           String format, long bytesIn, long bytesOut, Instant syncedAt) {
}
