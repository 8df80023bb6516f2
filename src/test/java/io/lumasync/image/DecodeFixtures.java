package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.metric.DeltaE2000;
import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed BMP and Photoshop fixtures (src/test/resources/images, made by ImageMagick with make-fixtures.sh),
 * our decode of them, and ImageMagick's decode of the same files as the independent reference.
 */
final class DecodeFixtures {
    private DecodeFixtures() {
    }

    /** Raw decoded samples: 8-bit, or 16-bit little-endian (both sides are asked for that). */
    record Px(int width, int height, int bands, byte[] pixels) {
    }

    /** Copies a fixture into {@code dir} (tests may cut or patch their copy). */
    static Path copy(Path dir, String name) throws IOException {
        try (InputStream in = DecodeFixtures.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture images/" + name);
            }
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    /** Our decoders' pixels for a file, exactly as they are handed to libvips. */
    static Px ours(Vips vips, Path file) throws Exception {
        SourceFile source = SourceFile.open(file, file.getFileName().toString(), ImageLimits.defaults());
        try (VipsScope scope = vips.scope()) {
            VipsImage img = source.decode(scope);
            return new Px(img.width(), img.height(), img.bands(), scope.pixels(img));
        }
    }

    /** What libvips itself decodes from a file it can read (PNG, TIFF). */
    static Px vipsRead(Vips vips, Path file) throws Exception {
        try (VipsScope scope = vips.scope()) {
            VipsImage img = scope.open(file);
            return new Px(img.width(), img.height(), img.bands(), scope.pixels(img));
        }
    }

    /**
     * ImageMagick's decode of the first image (for PSD: the flattened composite) as raw samples.
     *
     * @param map "rgb", "rgba", "gray"…
     */
    static byte[] magick(Path file, String map, int depth) throws Exception {
        Path out = file.resolveSibling(file.getFileName() + "." + map);
        List<String> cmd = new ArrayList<>(List.of(ImageTools.magick(), file + "[0]", "-depth",
                String.valueOf(depth), "-endian", "LSB", map + ":" + out));
        ImageTools.run(cmd.toArray(String[]::new));
        return Files.readAllBytes(out);
    }

    /** The largest difference between two sample arrays of the same length (16-bit when {@code wide}). */
    static int maxDiff(byte[] a, byte[] b, boolean wide) {
        if (a.length != b.length) {
            throw new AssertionError("sizes differ: " + a.length + " vs " + b.length + " bytes");
        }
        int max = 0;
        int step = wide ? 2 : 1;
        for (int i = 0; i < a.length; i += step) {
            int x = wide ? (a[i] & 0xff) | (a[i + 1] & 0xff) << 8 : a[i] & 0xff;
            int y = wide ? (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 : b[i] & 0xff;
            max = Math.max(max, Math.abs(x - y));
        }
        return max;
    }

    /** A copy of {@code file} cut to {@code fraction} of its length. */
    static Path truncated(Path file, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Path p = file.resolveSibling("cut-" + file.getFileName());
        Files.write(p, Arrays.copyOf(all, (int) (all.length * fraction)));
        return p;
    }

    static final Path ADOBE_RGB = Path.of("/usr/share/color/icc/compatibleWithAdobeRGB1998.icc");

    /**
     * Asserts that a fixture tagged Adobe RGB (made from src.png) carries that profile into libvips, and that the
     * pipeline converts it like the same pixels tagged the same way in a PNG, which libvips reads itself.
     */
    static void assertAdobeRgbApplied(Vips vips, VipsPipeline pipeline, Path dir, Path file) throws Exception {
        try (VipsScope scope = vips.scope()) {
            VipsImage img = SourceFile.open(file, file.getFileName().toString(), ImageLimits.defaults())
                    .decode(scope);
            assertThat(scope.blob(img, "icc-profile-data")).hasValue(Files.readAllBytes(ADOBE_RGB));
        }
        Path png = dir.resolve("adobergb.png");
        ImageTools.run(ImageTools.magick(), copy(dir, "src.png").toString(), "-profile", ADOBE_RGB.toString(),
                png.toString());
        EncodeSettings s = EncodeSettings.defaults().withFormat(OutputFormat.WEBP).withQuality(new Quality.Fixed(95));
        byte[] ours = Fixtures.decode(vips, pipeline.encode(file, "a", s, Set.of()).bytes()).pixels();
        byte[] fromPng = Fixtures.decode(vips, pipeline.encode(png, "a.png", s, Set.of()).bytes()).pixels();
        byte[] untagged = Fixtures.decode(vips, pipeline.encode(copy(dir, "src.png"), "u.png", s, Set.of())
                .bytes()).pixels();
        assertThat(DeltaE2000.mean(ours, fromPng, 3)).isLessThanOrEqualTo(1.0);
        assertThat(DeltaE2000.mean(ours, untagged, 3)).as("the profile changed the colours").isGreaterThan(2.0);
    }
}
