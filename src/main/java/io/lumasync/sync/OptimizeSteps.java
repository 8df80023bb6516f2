package io.lumasync.sync;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Retrier;
import io.lumasync.core.RemoteRef;
import io.lumasync.core.RetryPolicy;
import io.lumasync.destination.Capabilities;
import io.lumasync.destination.Destination;
import io.lumasync.destination.RemoteAsset;
import io.lumasync.destination.ReplaceStrategy;
import io.lumasync.destination.Upload;
import io.lumasync.image.ImagePipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The network and encoder steps of Optimize, each retried the engine's way; no journal and no state here. */
final class OptimizeSteps {
    /** Larger downloads are refused: no photo on the web needs more, and the whole file is held in memory. */
    static final long MAX_DOWNLOAD = 256L << 20;

    private final ImagePipeline pipeline;
    private final RetryPolicy retry;
    private final Path staging;

    OptimizeSteps(ImagePipeline pipeline, RetryPolicy retry, Path staging) {
        this.pipeline = pipeline;
        this.retry = retry;
        this.staging = staging;
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws LumasyncException;
    }

    /** Runs a destination call through the engine's one retry layer (passing errors waited out, Retry-After honoured). */
    <T> T withRetries(Call<T> call) throws LumasyncException {
        return new Retrier(retry, Thread::sleep).call(call::run);
    }

    byte[] download(Destination d, RemoteAsset a) throws LumasyncException {
        return withRetries(() -> {
            try (InputStream in = d.download(a.ref())) {
                byte[] bytes = in.readNBytes((int) MAX_DOWNLOAD + 1);
                if (bytes.length > MAX_DOWNLOAD) {
                    throw LumasyncException.giveUp(a.fileName() + " is larger than " + Sizes.human(MAX_DOWNLOAD)
                            + "; Optimize leaves it alone.");
                }
                return bytes;
            } catch (IOException e) {
                throw LumasyncException.retry("the download of " + a.fileName() + " broke off (" + e.getMessage()
                        + ").", null);
            }
        });
    }

    /**
     * Recompresses in the image's own format unless another was asked for: only the same type keeps the file's
     * name and address at most destinations.
     */
    EncodedImage encode(Capabilities caps, RemoteAsset a, byte[] bytes, EncodeSettings settings)
            throws LumasyncException {
        Path tmp = null;
        try {
            Files.createDirectories(staging);
            tmp = Files.createTempFile(staging, "stage-optimize-", ".bin");
            Files.write(tmp, bytes);
            Set<ImageFormat> accepted = settings.format().imageFormat().map(Set::of)
                    .orElseGet(() -> formatOf(a).filter(caps.formats()::contains).map(Set::of).orElse(caps.formats()));
            EncodeSettings keep = settings.format().imageFormat().isPresent() ? settings
                    : settings.withFormat(io.lumasync.core.OutputFormat.AUTO);
            return pipeline.encode(tmp, a.fileName(), keep, accepted);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "No room for a temporary file: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // staging leftovers are removed at the next start
                }
            }
        }
    }

    /**
     * Puts the new bytes in place of the old asset. A destination that cannot replace gets a new asset and the
     * old one removed; {@code notes} then says the address changed.
     */
    RemoteRef replace(Destination d, Capabilities caps, RemoteRef old, Upload upload, List<String> notes)
            throws LumasyncException {
        Throttle.pause();
        if (caps.replace() == ReplaceStrategy.PUT_THEN_REMOVE) {
            RemoteRef fresh = withRetries(() -> d.put(upload));
            removeQuietly(d, old, notes);
            return fresh;
        }
        return withRetries(() -> d.replace(old, upload));
    }

    void removeQuietly(Destination d, RemoteRef old, List<String> notes) {
        try {
            withRetries(() -> {
                d.remove(old);
                return old;
            });
        } catch (LumasyncException e) {
            notes.add("the old copy could not be removed: " + e.getMessage());
        }
    }

    static Upload upload(String destination, RemoteAsset a, EncodedImage img) {
        return new Upload(img, AssetMetadata.EMPTY, Hashing.syncId(Optimizer.SOURCE, a.ref().id(), destination),
                Optimizer.SOURCE, a.ref().id(), folderOf(a.ref().id()));
    }

    static Optional<ImageFormat> formatOf(RemoteAsset a) {
        return ImageFormat.fromMimeType(a.mimeType()).or(() -> ImageFormat.fromExtension(a.fileName()));
    }

    static boolean modern(RemoteAsset a) {
        return formatOf(a).filter(f -> f == ImageFormat.WEBP || f == ImageFormat.AVIF).isPresent();
    }

    static List<String> notes(EncodedImage img) {
        return new ArrayList<>(img.notes());
    }

    private static String folderOf(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }
}
