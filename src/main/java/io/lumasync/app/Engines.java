package io.lumasync.app;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.image.ImagePipeline;
import io.lumasync.image.ImagePipelines;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The image engine: the bundled libvips when it loads, else publishing originals unchanged, said once on
 * standard error. Loaded on first use so commands that encode nothing start fast.
 */
final class Engines implements ImagePipeline {
    private volatile ImagePipeline delegate;

    static ImagePipeline best() {
        return new Engines();
    }

    private ImagePipeline delegate() {
        ImagePipeline d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = ImagePipelines.best();
                    ImagePipelines.unavailableReason().ifPresent(r -> System.err.println("lumasync: " + r
                            + " Images are published unchanged until the image engine is available."));
                }
                d = delegate;
            }
        }
        return d;
    }

    @Override
    public EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted)
            throws LumasyncException {
        return delegate().encode(input, sourceName, settings, accepted);
    }

    @Override
    public EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted,
                               BooleanSupplier cancelled) throws LumasyncException {
        return delegate().encode(input, sourceName, settings, accepted, cancelled);
    }

    @Override
    public Optional<byte[]> preview(Path input, int size) throws LumasyncException {
        return delegate().preview(input, size);
    }

    @Override
    public String engineName() {
        return delegate().engineName();
    }
}
