package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationContract;
import io.lumasync.destination.ReplaceStrategy;

import java.util.Optional;

/** The destination contract for the engine tests' in-memory destination: no HTTP, so the fault cases are skipped. */
class MemoryDestinationContractTest extends DestinationContract {
    @Override
    protected Destination newDestination() {
        return new MemoryDestination(ReplaceStrategy.SAME_ID_SAME_URL);
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.SAME_ID_SAME_URL).listing().updatingMetadata().rejecting(ImageFormat.TIFF);
    }

    @Override
    protected Optional<AssetMetadata> metadataAt(Destination d, RemoteRef ref) {
        return Optional.ofNullable(((MemoryDestination) d).assets.get(ref.id())).map(MemoryDestination.Stored::metadata);
    }
}
