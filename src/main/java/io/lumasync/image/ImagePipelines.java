package io.lumasync.image;

import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsLoader;
import io.lumasync.image.vips.VipsUnavailableException;

import java.util.Optional;

/** Chooses the image engine for the app: libvips when it loads, else publishing originals unchanged. */
public final class ImagePipelines {
    private ImagePipelines() {
    }

    /**
     * The libvips pipeline with default limits when libvips loads; otherwise a {@link PassThroughPipeline}
     * (originals sent unchanged). Never throws. Call {@link #unavailableReason()} to tell the user why.
     */
    public static ImagePipeline best() {
        return best(ImageLimits.defaults());
    }

    public static ImagePipeline best(ImageLimits limits) {
        try {
            Vips vips = VipsLoader.load();
            return new VipsPipeline(vips, limits);
        } catch (VipsUnavailableException | RuntimeException e) {
            return new PassThroughPipeline();
        }
    }

    /** Why the libvips engine cannot be used ("image engine unavailable: … tried …"), or empty when it can. */
    public static Optional<String> unavailableReason() {
        return VipsLoader.problem();
    }
}
