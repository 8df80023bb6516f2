package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;

import java.nio.file.Path;
import java.util.Set;

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

    /** A short name of the engine in use, e.g. "libvips 8.18.7 (bundled)". */
    String engineName();
}
