package io.lumasync.destination.folder;

import io.lumasync.core.ImageFormat;
import io.lumasync.destination.Destination;
import io.lumasync.destination.DestinationContract;
import io.lumasync.destination.ReplaceStrategy;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The destination contract for a local folder: no HTTP, so the fault cases are skipped. */
class FolderDestinationContractTest extends DestinationContract {
    @TempDir
    Path dir;

    @Override
    protected Destination newDestination() {
        return new FolderDestination(dir);
    }

    @Override
    protected Promises promises() {
        return Promises.of(ReplaceStrategy.SAME_ID_SAME_URL).listing().rejecting(ImageFormat.TIFF);
    }
}
