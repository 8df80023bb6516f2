package io.lumasync.image;

import io.lumasync.image.metric.Ssimulacra2;
import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import java.util.concurrent.Semaphore;

/**
 * What the quality search encodes and scores. A large photo is represented by a mosaic of full-resolution tiles
 * taken from a 3 × 3 grid across the whole frame: encoding and scoring it costs a fraction of the whole image, its
 * pixels keep their real scale (so the artefacts the metric sees are the real ones), and unlike a centre crop it
 * sees the sky, the edges and the subject. Tiles are 256 px, a multiple of every encoder's block size (JPEG 8/16,
 * WebP 16, AV1 64/128), so each tile is coded much as it would be in place. Small images are used whole: then the
 * search's own prepared original also scores the whole-image check, which only has to measure the fast effort's
 * difference from the final one. The original is prepared for the metric once and shared by all formats and
 * qualities tried.
 */
final class QualitySample {
    static final int TILE = 256;
    static final int GRID = 3;
    /** Images up to this many pixels are searched whole: sampling would save little. */
    static final long WHOLE_LIMIT = 2L * (GRID * TILE) * (GRID * TILE);
    /**
     * The whole-image check scores at most this many pixels (a 2048 px photo of 4:3 or wider): above it (a square
     * 2048 px image, an output kept at 24 or 45 MP), it scores a 6 × 6 grid of tiles (2.4 MP) cut from the real
     * whole-image encode, which bounds the metric's memory ({@link WorkerSizing#METRIC_HEAP}) whatever the output
     * size.
     */
    static final long CHECK_LIMIT = 2048L * 1536;
    static final int CHECK_GRID = 6;
    /**
     * Whole-image scores running at once in this process. Each holds both images' pixels and the streamed metric's
     * rows on the heap (~47 MB at 2048 × 1365) while the encoders' memory is native: one score per two cores bounds
     * the heap the launcher gives the app, and the encodes (a correction's too) still run in parallel.
     */
    private static final Semaphore WHOLE_CHECKS = new Semaphore(Math.max(1, Math.min(
            Runtime.getRuntime().availableProcessors() / 2,
            (int) (Runtime.getRuntime().maxMemory() / 2 / WorkerSizing.METRIC_HEAP))));

    private final VipsScope scope;
    private final VipsImage whole;
    private final VipsImage image;
    private final boolean partial;
    private final boolean checkSampled;
    private Ssimulacra2.Reference reference;
    private byte[] wholePixels;
    private VipsImage checkOriginal;
    private boolean unusable;

    QualitySample(VipsScope scope, VipsImage whole) throws VipsException {
        this.scope = scope;
        this.whole = whole;
        // The metric needs whole 8-bit frames of at least 8 × 8 pixels; animations keep a fixed quality.
        this.unusable = whole.pages() > 1 || whole.width() < 8 || whole.height() < 8;
        long pixels = (long) whole.width() * whole.height();
        this.partial = !unusable && pixels > WHOLE_LIMIT && whole.width() >= GRID * TILE
                && whole.height() >= GRID * TILE;
        this.image = partial ? scope.inMemory(mosaic(scope, whole, GRID)) : whole;
        this.checkSampled = pixels > CHECK_LIMIT && whole.width() >= CHECK_GRID * TILE
                && whole.height() >= CHECK_GRID * TILE;
    }

    /** The tiles at the centres of a grid × grid division of the frame, joined into one image. */
    private static VipsImage mosaic(VipsScope scope, VipsImage img, int grid) throws VipsException {
        VipsImage rows = null;
        for (int gy = 0; gy < grid; gy++) {
            VipsImage row = null;
            for (int gx = 0; gx < grid; gx++) {
                int x = Math.clamp(Math.round((gx + 0.5) * img.width() / grid - TILE / 2.0), 0, img.width() - TILE);
                int y = Math.clamp(Math.round((gy + 0.5) * img.height() / grid - TILE / 2.0), 0,
                        img.height() - TILE);
                VipsImage tile = scope.apply("vips_extract_area", img, new Object[]{x, y, TILE, TILE});
                row = row == null ? tile
                        : scope.combine("vips_join", row, tile, new Object[]{VipsEnums.DIRECTION_HORIZONTAL});
            }
            rows = rows == null ? row
                    : scope.combine("vips_join", rows, row, new Object[]{VipsEnums.DIRECTION_VERTICAL});
        }
        return rows;
    }

    /** The image the search encodes: the mosaic, or the whole image when it is small. */
    VipsImage image() {
        return image;
    }

    /** True when {@link #image()} is a sample, so the answer should be checked on the whole image. */
    boolean partial() {
        return partial;
    }

    boolean usable() {
        return !unusable;
    }

    String describe() {
        return partial ? "a " + GRID * TILE + " px sample of " + GRID * GRID + " tiles" : "the whole image";
    }

    /** What {@link #scoreWhole} scores, for the notes. */
    String describeCheck() {
        return checkSampled ? CHECK_GRID * CHECK_GRID + " tiles across the whole image" : "the whole image";
    }

    /** The score of an encode of {@link #image()}; NaN (and the sample unusable) if it cannot be compared. */
    double score(byte[] encoded) throws VipsException {
        if (reference == null) {
            reference = prepare(image);
        }
        byte[] decoded = decoded(encoded, image, false);
        return decoded == null ? Double.NaN : reference.score(decoded);
    }

    /** The score of an encode of the whole image (of a dense grid of its tiles, for a very large output). */
    double scoreWhole(byte[] encoded) throws VipsException {
        byte[] decoded = decoded(encoded, whole, checkSampled);
        if (decoded == null) {
            return Double.NaN;
        }
        if (!partial && reference != null) {
            return reference.score(decoded);   // searched whole: the search's prepared original is this one
        }
        VipsImage original = checkSampled ? checkOriginal() : whole;
        if (wholePixels == null) {
            wholePixels = scope.pixels(original);
        }
        // Scored in one streamed pass rather than against a prepared original: most photos are checked once, and
        // the streamed score holds a fraction of the planes a prepared original and a candidate do. The planes exist only
        // during the score, so only the score waits for its turn: held through a correction's encode as well, the
        // turn kept the other worker's check waiting for a whole encode.
        WHOLE_CHECKS.acquireUninterruptibly();
        try {
            return Ssimulacra2.scoreOnce(wholePixels, decoded, original.width(), original.height(), original.bands());
        } finally {
            WHOLE_CHECKS.release();
        }
    }

    /**
     * The pixels of an encode of {@code original} decoded in its band layout (as the check's tile grid when
     * {@code tiles}), or null (and the sample unusable) when it cannot be compared. The decoded image and the decoder
     * behind it are let go as soon as the pixels are copied.
     */
    private byte[] decoded(byte[] encoded, VipsImage original, boolean tiles) throws VipsException {
        int mark = scope.mark();
        try {
            VipsImage like = comparable(scope.open(encoded, ""), original);
            if (like == null) {
                return null;
            }
            return scope.pixels(tiles ? mosaic(scope, like, CHECK_GRID) : like);
        } finally {
            scope.release(mark);
        }
    }

    /**
     * Ends the search on the sample: a mosaic's metric planes are not needed for the whole-image check (an image
     * searched whole keeps them: they score its check).
     */
    void endSearch() {
        if (partial) {
            reference = null;
        }
    }

    /** Ends the whole-image checks of this image: lets go of what was kept for them. */
    void releaseWhole() {
        wholePixels = null;
        checkOriginal = null;
        reference = null;
    }

    private VipsImage checkOriginal() throws VipsException {
        if (checkOriginal == null) {
            checkOriginal = scope.inMemory(mosaic(scope, whole, CHECK_GRID));
        }
        return checkOriginal;
    }

    private Ssimulacra2.Reference prepare(VipsImage img) throws VipsException {
        return Ssimulacra2.reference(scope.pixels(img), img.width(), img.height(), img.bands());
    }

    /**
     * The decoded encode in the original's band layout, or null (and the sample unusable) when it still cannot be
     * compared like for like.
     */
    private VipsImage comparable(VipsImage decoded, VipsImage original) throws VipsException {
        VipsImage like = sameLayout(decoded, original);
        if (like.bands() != original.bands() || like.width() != original.width()
                || like.height() != original.height()) {
            unusable = true;
            return null;
        }
        return like;
    }

    /**
     * The decoded output in the original's band layout. Encoders change it without changing what is seen: WebP
     * and AVIF store grey as colour, and drop an alpha channel that is opaque everywhere (or add none).
     */
    private VipsImage sameLayout(VipsImage decoded, VipsImage original) throws VipsException {
        VipsImage img = decoded;
        boolean greyWanted = original.bands() <= 2;
        boolean greyGot = img.bands() <= 2;
        if (greyWanted != greyGot) {
            img = scope.apply("vips_colourspace", img,
                    new Object[]{greyWanted ? VipsEnums.INTERPRETATION_B_W : VipsEnums.INTERPRETATION_SRGB});
        }
        boolean alphaWanted = original.bands() == 2 || original.bands() == 4;
        boolean alphaGot = img.bands() == 2 || img.bands() == 4;
        if (alphaWanted && !alphaGot) {
            img = scope.apply("vips_bandjoin_const1", img, new Object[]{255.0});
        } else if (!alphaWanted && alphaGot) {
            img = scope.apply("vips_extract_band", img, new Object[]{0}, Opt.of("n", img.bands() - 1));
        }
        return img;
    }
}
