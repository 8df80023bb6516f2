package io.lumasync.image.bench;

import io.lumasync.image.metric.Ssimulacra2;
import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SSIMULACRA2 of an output against the original resized to the output's size (lanczos3, colour-managed to sRGB the
 * way the pipeline does it), so that every tool is judged against the same kind of reference.
 */
final class Scorer {
    private final Vips vips;

    Scorer(Vips vips) {
        this.vips = vips;
    }

    double score(Path original, Path output) {
        return score(original, output, ImageBenchmark.MAX);
    }

    /** {@link #score(Path, Path)} for outputs fitted into a {@code box} px square. */
    double score(Path original, Path output, int box) {
        try (VipsScope scope = vips.scope()) {
            VipsImage out = scope.open(Files.readAllBytes(output), "");
            byte[] got = scope.pixels(eightBitSrgb(scope, out));
            // The same fit into the box (2048 px) that every route does; forcing the output's exact size instead
            // stretches by a fraction of a pixel when the aspect ratio does not divide evenly (1622 × 2880 →
            // 1153 × 2048), and the metric punishes that misalignment by a point or more.
            VipsImage ref = scope.thumbnail(original, "", box, Opt.of("height", box),
                    Opt.of("size", VipsEnums.SIZE_DOWN));
            if (ref.width() != out.width() || ref.height() != out.height()) {
                ref = scope.thumbnail(original, "", out.width(), Opt.of("height", out.height()),
                        Opt.of("size", 3));   // VIPS_SIZE_FORCE: a tool that rounded differently
            }
            ref = eightBitSrgb(scope, ref);
            if (ref.bands() != out.bands()) {
                return Double.NaN;
            }
            return Ssimulacra2.score(scope.pixels(ref), got, ref.width(), ref.height(), ref.bands());
        } catch (VipsException | IOException | RuntimeException e) {
            System.err.println("cannot score " + output + ": " + e.getMessage());
            return Double.NaN;
        }
    }

    private static VipsImage eightBitSrgb(VipsScope scope, VipsImage img) throws VipsException {
        VipsImage i = img;
        if (scope.has(i, "icc-profile-data")) {
            i = scope.apply("vips_icc_transform", i, new Object[]{"srgb"}, Opt.of("embedded", true),
                    Opt.of("intent", VipsEnums.INTENT_RELATIVE), Opt.of("black_point_compensation", true),
                    Opt.of("depth", 8));
        }
        if (i.bandFormat() != VipsEnums.FORMAT_UCHAR) {
            i = scope.apply("vips_colourspace", i, new Object[]{VipsEnums.INTERPRETATION_SRGB});
        }
        return i;
    }
}
