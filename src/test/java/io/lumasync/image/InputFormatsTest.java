package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.metric.DeltaE2000;
import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.VipsEnums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden tests, one per kind of input a photographer brings: each runs the real pipeline and checks the output's
 * size, its colours against a reference (mean ΔE2000 ≤ 1), its alpha and its frames.
 */
class InputFormatsTest extends PipelineTestBase {
    private static final int TIFF_DEFLATE = 2;      // VipsForeignTiffCompression
    private static final int TIFF_LZW = 5;

    private EncodedImage encode(Path in, OutputFormat format) throws LumasyncException {
        return pipeline.encode(in, in.getFileName().toString(), EncodeSettings.defaults().withFormat(format)
                .withQuality(new Quality.Fixed(100)), Set.of());
    }

    /** Encodes to near-lossless JPEG and checks size and colours against {@code reference}. */
    private void assertSameColours(Path in, Path reference) throws Exception {
        Fixtures.Decoded got = Fixtures.decode(vips, encode(in, OutputFormat.JPEG).bytes());
        Fixtures.Decoded want = Fixtures.decode(vips, Files.readAllBytes(reference));
        assertThat(got.width()).isEqualTo(want.width());
        assertThat(got.height()).isEqualTo(want.height());
        assertThat(got.bands()).isEqualTo(3);
        assertThat(DeltaE2000.mean(got.pixels(), want.pixels(), 3)).as("mean ΔE2000 of %s", in.getFileName())
                .isLessThanOrEqualTo(1.0);
    }

    @ParameterizedTest(name = "16-bit TIFF, compression {0}")
    @CsvSource({"LZW, 5, 5", "ZIP, 2, 8"})
    void sixteenBitTiff(String name, int compression, int tiffTag) throws Exception {
        Path in = InputFixtures.save(vips, Fixtures.patches(dir), dir.resolve("rgb16-" + name + ".tif"),
                (scope, img) -> scope.apply("vips_colourspace", img,
                        new Object[]{VipsEnums.INTERPRETATION_RGB16}),
                "vips_tiffsave_buffer", Opt.of("compression", compression));
        String tags = ImageTools.tags(in);
        assertThat(tags).containsPattern("BitsPerSample\\s*: 16 16 16").containsPattern("Compression\\s*: " + tiffTag);
        assertSameColours(in, Fixtures.patches(dir));
    }

    @Test
    void eightBitTiff() throws Exception {
        Path in = InputFixtures.save(vips, Fixtures.patches(dir), dir.resolve("rgb8.tif"), "vips_tiffsave_buffer",
                Opt.of("compression", TIFF_LZW));
        assertThat(ImageTools.tags(in)).containsPattern("BitsPerSample\\s*: 8 8 8");
        assertSameColours(in, Fixtures.patches(dir));
    }

    @Test
    void sixteenBitPngWithAlphaKeepsItsAlpha() throws Exception {
        Path in = InputFixtures.sixteenBitPngWithAlpha(dir);
        assertThat(ImageTools.tags(in)).containsPattern("BitDepth\\s*: 16").containsPattern("ColorType\\s*: 6");
        assertAlphaAndColours(in, OutputFormat.WEBP);
        assertAlphaAndColours(in, OutputFormat.AVIF);
    }

    @Test
    void palettePngWithTransparencyKeepsItsAlpha() throws Exception {
        Path in = InputFixtures.palettePngWithTransparency(dir);
        assertThat(ImageTools.tags(in)).containsPattern("ColorType\\s*: 3").contains("Transparency");
        assertAlphaAndColours(in, OutputFormat.WEBP);
    }

    @Test
    void losslessWebpWithAlphaKeepsItsAlpha() throws Exception {
        Path in = InputFixtures.save(vips, InputFixtures.patchesWithAlpha(dir), dir.resolve("lossless.webp"),
                "vips_webpsave_buffer", Opt.of("lossless", true));
        assertThat(Fixtures.decode(vips, Files.readAllBytes(in)).bands()).isEqualTo(4);
        assertAlphaAndColours(in, OutputFormat.WEBP);       // may be the input itself: "already optimal"
        assertAlphaAndColours(in, OutputFormat.AVIF);
    }

    @Test
    void avifWithAlphaKeepsItsAlpha() throws Exception {
        Path in = InputFixtures.save(vips, InputFixtures.patchesWithAlpha(dir), dir.resolve("alpha.avif"),
                "vips_heifsave_buffer", Opt.of("compression", VipsEnums.HEIF_COMPRESSION_AV1),
                Opt.of("lossless", true));
        assertThat(FormatSniffer.sniff(Files.readAllBytes(in))).contains(ImageFormat.AVIF);
        assertAlphaAndColours(in, OutputFormat.WEBP);
    }

    /**
     * Alpha of every pixel within 3 levels, and the colours of the opaque patches within mean ΔE2000 1. Colours
     * are compared inside the patches, 2 px from their edges: lossy WebP always halves the colour resolution
     * (4:2:0), which blurs colour across a hard edge but does not shift it.
     */
    private void assertAlphaAndColours(Path in, OutputFormat format) throws Exception {
        EncodedImage out = encode(in, format);
        assertThat(out.format()).isEqualTo(format.imageFormat().orElseThrow());
        Fixtures.Decoded got = Fixtures.decode(vips, out.bytes());
        assertThat(got.width()).isEqualTo(64);
        assertThat(got.height()).isEqualTo(64);
        assertThat(got.bands()).as("bands of %s from %s", format, in.getFileName()).isEqualTo(4);
        double sum = 0;
        int n = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int i = (y / 16) * 4 + x / 16;
                int o = (y * 64 + x) * 4;
                int alpha = got.pixels()[o + 3] & 0xff;
                assertThat(alpha).as("alpha at %d,%d (%s from %s)", x, y, format, in.getFileName())
                        .isCloseTo(InputFixtures.PATCH_ALPHA[i], org.assertj.core.data.Offset.offset(3));
                boolean interior = x % 16 >= 2 && x % 16 < 14 && y % 16 >= 2 && y % 16 < 14;
                if (InputFixtures.PATCH_ALPHA[i] == 255 && interior) {
                    java.awt.Color c = Fixtures.PATCHES[i];
                    sum += DeltaE2000.delta(DeltaE2000.lab(got.pixels()[o] & 0xff, got.pixels()[o + 1] & 0xff,
                            got.pixels()[o + 2] & 0xff), DeltaE2000.lab(c.getRed(), c.getGreen(), c.getBlue()));
                    n++;
                }
            }
        }
        assertThat(sum / n).as("mean ΔE2000 of the opaque patches, %s from %s", format, in.getFileName())
                .isLessThanOrEqualTo(1.0);
    }

    @Test
    void progressiveJpeg() throws Exception {
        Path in = InputFixtures.save(vips, Fixtures.patches(dir), dir.resolve("progressive.jpg"),
                "vips_jpegsave_buffer", Opt.of("Q", 95), Opt.of("interlace", true));
        assertThat(ImageTools.tags(in)).containsPattern("EncodingProcess\\s*: 2\\b");   // progressive DCT
        assertSameColours(in, in);
    }

    @Test
    void plainCmykJpegWithoutTheYcckTransform() throws Exception {
        // ImageMagick writes CMYK JPEGs as YCCK (OrientationColourTest covers those); libvips writes plain CMYK.
        Path in = InputFixtures.save(vips, Fixtures.patches(dir), dir.resolve("plain-cmyk.jpg"),
                (scope, img) -> scope.apply("vips_icc_transform", img, new Object[]{"cmyk"},
                        Opt.of("intent", VipsEnums.INTENT_RELATIVE), Opt.of("black_point_compensation", true)),
                "vips_jpegsave_buffer", Opt.of("Q", 100));
        String tags = ImageTools.tags(in);
        assertThat(tags).containsPattern("ColorTransform\\s*: 0\\b").containsPattern("ColorSpaceData\\s*: CMYK");
        Path reference = dir.resolve("plain-cmyk-ref.png");
        ImageTools.run(ImageTools.magick(), in.toString(), "-intent", "relative", "-black-point-compensation",
                "-profile", "/usr/share/color/icc/sRGB.icc", "-strip", reference.toString());
        assertSameColours(in, reference);
    }

    @Test
    void lossyWebp() throws Exception {
        Path in = InputFixtures.save(vips, Fixtures.photo(dir, 300, 200, 21), dir.resolve("lossy.webp"),
                "vips_webpsave_buffer", Opt.of("Q", 90));
        assertSameColours(in, in);
    }

    @Test
    void avif() throws Exception {
        Path in = InputFixtures.save(vips, Fixtures.photo(dir, 300, 200, 22), dir.resolve("photo.avif"),
                "vips_heifsave_buffer", Opt.of("compression", VipsEnums.HEIF_COMPRESSION_AV1), Opt.of("Q", 80));
        assertThat(FormatSniffer.sniff(Files.readAllBytes(in))).contains(ImageFormat.AVIF);
        assertSameColours(in, in);
    }

    @Test
    void animatedWebpStaysAnimatedWithItsFramesAndDelays() throws Exception {
        Path gif = dir.resolve("anim.gif");
        ImageTools.run(ImageTools.magick(), "-size", "60x40", "-delay", "20", "xc:red", "-delay", "50", "xc:green",
                "-delay", "30", "xc:blue", "-loop", "0", gif.toString());
        Path in = dir.resolve("anim.webp");
        try (var scope = vips.scope()) {
            Files.write(in, scope.save("vips_webpsave_buffer", scope.open(gif, Opt.of("n", -1)),
                    Opt.of("lossless", true)));
        }
        assertThat(InputFixtures.webpFrameDurations(Files.readAllBytes(in))).containsExactly(200, 500, 300);

        EncodedImage out = pipeline.encode(in, "anim.webp", EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
                .withQuality(new Quality.Fixed(90)), Set.of(ImageFormat.WEBP));
        assertThat(out.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(InputFixtures.webpFrameDurations(out.bytes())).containsExactly(200, 500, 300);
        Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
        assertThat(d.pages()).isEqualTo(3);
        assertThat(d.width()).isEqualTo(60);
        assertThat(out.height()).isEqualTo(40);
        assertThat(d.rgb(30, 20)[0]).as("first frame red").isGreaterThan(200);
    }

    @Test
    void multiPageTiffPublishesTheFirstPage() throws Exception {
        Path first = Fixtures.quadrants(dir, 80, 48);
        Path tiff = dir.resolve("scan.tif");
        ImageTools.run(ImageTools.magick(), first.toString(), "-size", "40x40", "xc:blue", tiff.toString());
        try (var scope = vips.scope()) {
            assertThat(scope.open(tiff).pages()).as("pages written").isEqualTo(2);
        }
        EncodedImage out = encode(tiff, OutputFormat.JPEG);
        Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
        assertThat(d.width()).isEqualTo(80);
        assertThat(d.height()).isEqualTo(48);
        assertThat(d.pages()).isEqualTo(1);
        assertThat(d.rgb(10, 10)[0]).as("red top-left of the first page").isGreaterThan(200);
        assertThat(java.util.stream.IntStream.of(d.rgb(70, 38)).min().orElseThrow()).as("white bottom-right")
                .isGreaterThan(200);
        // The pixel limit counts the page that is decoded, not the whole document (a 300-page scan is no bomb);
        // an animation's frames all count.
        VipsPipeline strict = new VipsPipeline(vips, new ImageLimits(5000));   // one page: 3840 px; both: 7680
        assertThat(strict.encode(tiff, "scan.tif", EncodeSettings.defaults().withFormat(OutputFormat.JPEG),
                Set.of()).width()).isEqualTo(80);
        Path gif = dir.resolve("anim.gif");
        ImageTools.run(ImageTools.magick(), "-size", "60x40", "xc:red", "xc:green", "xc:blue", gif.toString());
        assertThatThrownBy(() -> strict.encode(gif, "anim.gif", EncodeSettings.defaults(), Set.of()))
                .hasMessageStartingWith("anim.gif: refused: 60 × 40 × 3 frames");
    }

    @Test
    void twelveBitJpegIsRefusedInPlainWords() throws Exception {
        Path in = dir.resolve("scan12.jpg");
        Files.write(in, InputFixtures.twelveBitJpeg(64, 32));
        assertThat(ImageTools.tags(in)).containsPattern("BitsPerSample\\s*: 12");
        // The bundled libvips (mozjpeg, 8-bit only) cannot decode it; the photographer is told what to do.
        assertThatThrownBy(() -> encode(in, OutputFormat.WEBP)).isInstanceOf(LumasyncException.class)
                .hasMessage("scan12.jpg: 12-bit JPEG is not supported; export an 8-bit JPEG or a 16-bit TIFF.");
    }
}
