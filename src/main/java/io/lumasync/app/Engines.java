package io.lumasync.app;

import io.lumasync.cli.Durations;
import io.lumasync.core.ConfigurationException;
import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.image.ImagePipeline;
import io.lumasync.image.ImageLimits;
import io.lumasync.image.ImagePipelines;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The image engine: the bundled libvips when it loads, else publishing originals unchanged, said once on
 * standard error. Loaded on first use so commands that encode nothing start fast.
 */
final class Engines implements ImagePipeline {
    /** How long one image may take before it fails alone, e.g. "5m" (default 2 minutes). */
    static final String TIME_LIMIT = "LUMASYNC_IMAGE_TIME_LIMIT";
    private final ImageLimits limits;
    private volatile ImagePipeline delegate;

    private Engines(ImageLimits limits) {
        this.limits = limits;
    }

    static ImagePipeline best() {
        return new Engines(limits(System.getenv()));
    }

    /** The limits, with the per-image time limit from the environment when it is set and sensible. */
    static ImageLimits limits(Map<String, String> env) {
        String text = env.get(TIME_LIMIT);
        if (text == null || text.isBlank()) {
            return ImageLimits.defaults();
        }
        try {
            Duration d = Durations.parse(text);
            if (!d.isZero()) {
                return ImageLimits.defaults().withDeadline(d);
            }
        } catch (ConfigurationException e) {
            // said below
        }
        System.err.println("lumasync: " + TIME_LIMIT + "='" + text + "' is not a time limit (use e.g. 90s or 5m); "
                + "each image may take " + ImageLimits.DEFAULT_DEADLINE.toMinutes() + " minutes.");
        return ImageLimits.defaults();
    }

    private ImagePipeline delegate() {
        ImagePipeline d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = ImagePipelines.best(limits);
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
