package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.RemoteRef;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;

import java.util.ArrayList;
import java.util.List;

/** Puts one kept original back where Optimize replaced it; the backup is forgotten only once it is back. */
final class OptimizeRollback {
    private final OptimizeBackups backups;
    private final OptimizeSteps steps;

    OptimizeRollback(OptimizeBackups backups, OptimizeSteps steps) {
        this.backups = backups;
        this.steps = steps;
    }

    OptimizeResult restore(Destination d, Capabilities caps, String destination, OptimizeBackups.Backup b,
                           OptimizeItemRun.Moves moves) {
        String format = ImageFormat.fromMimeType(b.mimeType()).or(() -> ImageFormat.fromExtension(b.fileName()))
                .map(Enum::name).orElse("");
        try {
            byte[] bytes = backups.original(b);
            EncodedImage img = new EncodedImage(bytes, ImageFormat.fromMimeType(b.mimeType())
                    .or(() -> ImageFormat.fromExtension(b.fileName())).orElse(ImageFormat.JPEG), b.fileName(), 0, 0,
                    bytes.length, List.of("restored original"));
            Upload upload = new Upload(img, AssetMetadata.EMPTY, Hashing.syncId("rollback", b.id(), destination),
                    Optimizer.SOURCE, b.id(), "");
            RemoteRef ref = b.current();
            List<String> notes = new ArrayList<>();
            boolean replacedElsewhere = !b.current().id().equals(b.id());
            if (caps.replace() == ReplaceStrategy.PUT_THEN_REMOVE && replacedElsewhere) {
                ref = steps.withRetries(() -> d.put(upload));
                steps.removeQuietly(d, b.current(), notes);
            } else if (caps.replace() != ReplaceStrategy.PUT_THEN_REMOVE) {
                ref = steps.withRetries(() -> d.replace(b.current(), upload));
            }
            if (!ref.equals(b.current())) {
                moves.moved(b.current(), ref);
            }
            backups.forget(b);
            String previous = ref.url().equals(b.current().url()) ? "" : b.current().url();
            return new OptimizeResult(destination, b.id(), b.fileName(), OptimizeResult.Outcome.RESTORED, bytes.length,
                    bytes.length, format, format, "", "original restored" + (notes.isEmpty() ? "" : "; "
                    + String.join("; ", notes)), ref.url(), previous);
        } catch (LumasyncException e) {
            return new OptimizeResult(destination, b.id(), b.fileName(), OptimizeResult.Outcome.FAILED, 0, 0, format,
                    "", "", b.fileName() + ": the original could not be put back (" + e.getMessage()
                    + "); its backup is kept.", b.current().url(), "");
        }
    }
}
