package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Turns one source file into the bytes to publish. Thread-safe; called from the engine's bounded encode pool.
 * Failures are GIVE_UP {@link LumasyncException}s naming the problem in plain words (truncated file, not an
 * image, too many pixels), never a crash of the JVM.
 */
public interface ImagePipeline {

    /**
     * @param input      the source file (a staged copy for remote sources)
     * @param sourceName the source's file name (used for the output name; the format is read from the content)
     * @param settings   the wanted format, quality, size and metadata policy
     * @param accepted   the formats the destination accepts; the pipeline falls back AVIF → WebP → JPEG
     */
    EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted)
            throws LumasyncException;

    /**
     * As {@link #encode(Path, String, EncodeSettings, Set)}, stopping the work soon after {@code cancelled} says
     * true (the item then fails with a "cancelled" message). Interrupting the calling thread cancels as well.
     *
     * @param cancelled asked often and from other threads while the image is converted: cheap, never throwing
     */
    default EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted,
                                BooleanSupplier cancelled) throws LumasyncException {
        return encode(input, sourceName, settings, accepted);
    }

    /**
     * A small preview of a local file for display: PNG bytes, upright, sRGB, the longer side at most {@code size}
     * pixels, made under the same pixel and time limits as a conversion. Empty when this engine makes none.
     *
     * @throws LumasyncException when the file is not a readable image or breaks a limit, as for encode
     */
    default Optional<byte[]> preview(Path input, int size) throws LumasyncException {
        return Optional.empty();
    }

    /** A short name of the engine in use, e.g. "libvips 8.18.7 (bundled)". */
    String engineName();
}
