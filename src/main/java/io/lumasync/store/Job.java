package io.lumasync.store;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.Fingerprint;
import io.lumasync.core.RemoteRef;

import java.util.Optional;

/**
 * One planned unit of work: one source asset at one destination.
 *
 * @param localPath the file to read for pushed files and local sources; empty for remote sources
 * @param existing  the published asset a replace, metadata update or delete acts on
 */
public record Job(long id, long runId, String source, String assetId, String assetName, String folder,
                  Optional<String> localPath, String destination, JobAction action, JobState state, String syncId,
                  Fingerprint fingerprint, EncodeSettings encode, AssetMetadata metadata, Optional<RemoteRef> existing,
                  int attempts, String reason) {

    public Job withId(long newId, long newRunId) {
        return new Job(newId, newRunId, source, assetId, assetName, folder, localPath, destination, action, state,
                syncId, fingerprint, encode, metadata, existing, attempts, reason);
    }

    /** The same job with other alt text and captions (a text approved before the first publish). */
    public Job withMetadata(AssetMetadata newMetadata) {
        return new Job(id, runId, source, assetId, assetName, folder, localPath, destination, action, state,
                syncId, fingerprint, encode, newMetadata, existing, attempts, reason);
    }
}
