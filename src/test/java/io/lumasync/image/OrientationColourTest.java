package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.metric.DeltaE2000;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden tests: EXIF orientations 1–8 and colour profiles, checked on the decoded pixels of the output. */
class OrientationColourTest extends PipelineTestBase {

    /** The stored (camera) pixels for each orientation: the inverse of what the tag tells a viewer to do. */
    private static String[] storedTransform(int orientation) {
        return switch (orientation) {
            case 1 -> new String[]{};
            case 2 -> new String[]{"-flop"};
            case 3 -> new String[]{"-rotate", "180"};
            case 4 -> new String[]{"-flip"};
            case 5 -> new String[]{"-transpose"};
            case 6 -> new String[]{"-rotate", "270"};
            case 7 -> new String[]{"-transverse"};
            case 8 -> new String[]{"-rotate", "90"};
            default -> throw new IllegalArgumentException();
        };
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void appliesEveryExifOrientationThenResetsIt(int orientation) throws Exception {
        Path upright = Fixtures.quadrants(dir, 80, 48);
        Path stored = dir.resolve("o" + orientation + ".jpg");
        String[] t = storedTransform(orientation);
        String[] cmd = new String[3 + t.length + 2];
        cmd[0] = ImageTools.magick();
        cmd[1] = upright.toString();
        System.arraycopy(t, 0, cmd, 2, t.length);
        cmd[2 + t.length] = "-quality";
        cmd[3 + t.length] = "95";
        cmd[4 + t.length] = stored.toString();
        ImageTools.run(cmd);
        ImageTools.run(ImageTools.exiftool(), "-q", "-overwrite_original", "-Orientation=" + orientation, "-n",
                stored.toString());

        for (OutputFormat f : new OutputFormat[]{OutputFormat.JPEG, OutputFormat.WEBP}) {
            EncodedImage out = pipeline.encode(stored, "o.jpg", EncodeSettings.defaults().withFormat(f)
                    .withQuality(new Quality.Fixed(95)).withMetadata(MetadataPolicy.KEEP_ALL), Set.of());
            Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
            assertThat(d.width()).as("width, orientation %d, %s", orientation, f).isEqualTo(80);
            assertThat(d.height()).isEqualTo(48);
            assertClose(d.rgb(10, 10), 255, 0, 0);       // red top-left
            assertClose(d.rgb(70, 10), 0, 255, 0);       // green top-right
            assertClose(d.rgb(10, 38), 0, 0, 255);       // blue bottom-left
            assertClose(d.rgb(70, 38), 255, 255, 255);   // white bottom-right
            Path written = dir.resolve("out-" + orientation + "." + out.format().extension());
            Files.write(written, out.bytes());
            String tags = ImageTools.tags(written);
            assertThat(tags).as("orientation tag after %d, %s", orientation, f)
                    .satisfiesAnyOf(s -> assertThat(s).doesNotContain("Orientation"),
                            s -> assertThat(s).containsPattern("Orientation\\s*: 1\\b"));
        }
    }

    private static void assertClose(int[] rgb, int r, int g, int b) {
        assertThat(Math.abs(rgb[0] - r) + Math.abs(rgb[1] - g) + Math.abs(rgb[2] - b))
                .as("pixel %d,%d,%d vs expected %d,%d,%d", rgb[0], rgb[1], rgb[2], r, g, b).isLessThan(40);
    }

    @Test
    void untaggedInputIsNotTransformed() throws Exception {
        assertMeanDeltaE(Fixtures.patches(dir), 0.5);
    }

    @Test
    void srgbTaggedInputKeepsItsColours() throws Exception {
        Path in = dir.resolve("srgb.png");
        ImageTools.run(ImageTools.magick(), Fixtures.patches(dir).toString(), "-profile",
                "/usr/share/color/icc/sRGB.icc", in.toString());
        assertThat(ImageTools.tags(in)).containsPattern("ProfileDescription\\s*: .*sRGB");
        assertMeanDeltaE(in, 0.5);
    }

    @Test
    void adobeRgbIsConvertedToSrgb() throws Exception {
        Path in = dir.resolve("adobe.png");
        ImageTools.run(ImageTools.magick(), Fixtures.patches(dir).toString(), "-profile", "/usr/share/color/icc/sRGB.icc",
                "-intent", "relative", "-black-point-compensation", "-profile",
                "/usr/share/color/icc/compatibleWithAdobeRGB1998.icc", in.toString());
        assertThat(ImageTools.tags(in)).containsPattern("ProfileDescription\\s*: .*RGB");
        assertMeanDeltaE(in, 1.0);
    }

    @Test
    void displayP3IsConvertedToSrgb() throws Exception {
        Path p3 = dir.resolve("p3.icc");
        Files.write(p3, vips.profile("p3"));
        Path in = dir.resolve("p3.png");
        ImageTools.run(ImageTools.magick(), Fixtures.patches(dir).toString(), "-profile", "/usr/share/color/icc/sRGB.icc",
                "-intent", "relative", "-profile", p3.toString(), in.toString());
        assertMeanDeltaE(in, 1.0);
    }

    @Test
    void cmykWithAndWithoutProfileIsConvertedToSrgb() throws Exception {
        Path cmyk = dir.resolve("cmyk.icc");
        Files.write(cmyk, vips.profile("cmyk"));
        Path tagged = dir.resolve("cmyk-tagged.jpg");
        ImageTools.run(ImageTools.magick(), Fixtures.patches(dir).toString(), "-profile", "/usr/share/color/icc/sRGB.icc",
                "-intent", "relative", "-black-point-compensation", "-profile", cmyk.toString(), "-quality", "100",
                tagged.toString());
        Path untagged = dir.resolve("cmyk-untagged.jpg");
        ImageTools.run(ImageTools.magick(), tagged.toString(), "+profile", "icc", untagged.toString());
        assertThat(ImageTools.tags(tagged)).containsPattern("ColorSpaceData\\s*: CMYK")
                .containsPattern("ColorTransform\\s*: 2\\b");                  // ImageMagick writes YCCK
        // A press CMYK round trip is not lossless, so the reference is littleCMS's own conversion of the CMYK
        // file (through ImageMagick) with the same intent, not the original patches.
        Path refTagged = dir.resolve("ref-tagged.png");
        ImageTools.run(ImageTools.magick(), tagged.toString(), "-intent", "relative", "-black-point-compensation",
                "-profile", "/usr/share/color/icc/sRGB.icc", "-strip", refTagged.toString());
        Path refUntagged = dir.resolve("ref-untagged.png");
        ImageTools.run(ImageTools.magick(), untagged.toString(), "-profile", cmyk.toString(), "-intent", "relative",
                "-black-point-compensation", "-profile", "/usr/share/color/icc/sRGB.icc", "-strip",
                refUntagged.toString());
        assertMeanDeltaE(tagged, refTagged, 1.0);
        assertMeanDeltaE(untagged, refUntagged, 1.0);
    }

    @Test
    void keepWideGamutKeepsTheProfileAndThePixels() throws Exception {
        Path in = dir.resolve("adobe-wide.png");
        ImageTools.run(ImageTools.magick(), Fixtures.patches(dir).toString(), "-profile", "/usr/share/color/icc/sRGB.icc",
                "-intent", "relative", "-profile", "/usr/share/color/icc/compatibleWithAdobeRGB1998.icc", in.toString());
        EncodeSettings wide = new EncodeSettings(OutputFormat.WEBP, new Quality.Fixed(90), 2048,
                MetadataPolicy.STRIP_ALL, true, false);
        EncodedImage out = pipeline.encode(in, "wide.png", wide, Set.of());
        Path written = dir.resolve("wide.webp");
        Files.write(written, out.bytes());
        assertThat(ImageTools.tags(written)).containsPattern("ProfileDescription\\s*: .*(Adobe|Compatible)");
        // Not converted: the stored numbers stay the Adobe RGB ones (compared as numbers, not as colours).
        byte[] stored = Fixtures.decode(vips, Files.readAllBytes(in)).pixels();
        double kept = DeltaE2000.mean(Fixtures.decode(vips, out.bytes()).pixels(), stored, 3);
        EncodedImage converted = pipeline.encode(in, "wide.png", new EncodeSettings(OutputFormat.WEBP,
                new Quality.Fixed(90), 2048, MetadataPolicy.STRIP_ALL, false, false), Set.of());
        double changed = DeltaE2000.mean(Fixtures.decode(vips, converted.bytes()).pixels(), stored, 3);
        assertThat(kept).isLessThan(2.5).isLessThan(changed);
    }

    @Test
    void gammaCorrectResizeKeepsThinBrightLinesBrighter() throws Exception {
        // One-pixel white lines on black: averaging in linear light keeps them brighter than in sRGB values.
        Path in = dir.resolve("lines.png");
        ImageTools.run(ImageTools.magick(), "-size", "400x400", "pattern:horizontal2", "-negate", in.toString());
        EncodeSettings plain = EncodeSettings.defaults().withFormat(OutputFormat.JPEG)
                .withQuality(new Quality.Fixed(95)).withMaxSize(100);
        EncodeSettings linear = new EncodeSettings(OutputFormat.JPEG, new Quality.Fixed(95), 100,
                MetadataPolicy.WEB_SAFE, false, true);
        int sRgbMean = Fixtures.decode(vips, pipeline.encode(in, "l.png", plain, Set.of()).bytes()).rgb(50, 50)[1];
        int linearMean = Fixtures.decode(vips, pipeline.encode(in, "l.png", linear, Set.of()).bytes()).rgb(50, 50)[1];
        assertThat(linearMean).isGreaterThan(sRgbMean + 30);
    }

    @Test
    void sixteenBitInputComesOutAsEightBitWithTheSameColours() throws Exception {
        Path in = dir.resolve("sixteen.png");
        ImageTools.run(ImageTools.magick(), Fixtures.patches(dir).toString(), "-depth", "16", "PNG48:" + in);
        assertThat(ImageTools.tags(in)).containsPattern("BitDepth\\s*: 16");
        assertMeanDeltaE(in, 0.5);
    }

    /** Encodes at near-lossless JPEG and compares with the original sRGB patches or a littleCMS reference. */
    private void assertMeanDeltaE(Path input, double limit) throws Exception {
        assertMeanDeltaE(input, Fixtures.patches(dir), limit);
    }

    private void assertMeanDeltaE(Path input, Path reference, double limit) throws Exception {
        EncodedImage out = pipeline.encode(input, input.getFileName().toString(), EncodeSettings.defaults()
                .withFormat(OutputFormat.JPEG).withQuality(new Quality.Fixed(100)), Set.of(ImageFormat.JPEG));
        Fixtures.Decoded got = Fixtures.decode(vips, out.bytes());
        Fixtures.Decoded want = Fixtures.decode(vips, Files.readAllBytes(reference));
        assertThat(got.bands()).isEqualTo(3);
        double de = DeltaE2000.mean(got.pixels(), want.pixels(), 3);
        assertThat(de).as("mean ΔE2000 of %s", input.getFileName()).isLessThanOrEqualTo(limit);
    }
}
