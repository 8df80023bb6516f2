package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.metric.DeltaE2000;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static io.lumasync.image.DecodeFixtures.copy;
import static io.lumasync.image.DecodeFixtures.magick;
import static io.lumasync.image.DecodeFixtures.maxDiff;
import static io.lumasync.image.DecodeFixtures.ours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our Photoshop composite decoder against ImageMagick's reading of the same ImageMagick-written files. */
class PsdDecoderTest extends PipelineTestBase {
    private static final EncodeSettings WEBP95 = EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
            .withQuality(new Quality.Fixed(95));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rgb8.psd, rgb, 8",         // RGB, PackBits
            "rgb8-raw.psd, rgb, 8",     // RGB, raw
            "rgb8.psb, rgb, 8",         // the large-document variant
            "rgb16.psd, rgb, 16",       // 16 bits per channel
            "grey.psd, gray, 8",
            "bitmap.psd, gray, 8"})     // 1 bit per pixel, 1 = black     // 1 bit per pixel, 1 = black
    void decodesLikeImageMagick(String name, String map, int depth) throws Exception {
        Path file = copy(dir, name);
        DecodeFixtures.Px px = ours(vips, file);
        assertThat(px.width()).isEqualTo(24);
        assertThat(px.height()).isEqualTo(16);
        assertThat(px.bands()).isEqualTo(map.equals("gray") ? 1 : 3);
        assertThat(maxDiff(px.pixels(), magick(file, map, depth), depth == 16)).as(name).isZero();
    }

    @Test
    void indexedColourIsExpandedThroughItsPalette() throws Exception {
        // ImageMagick 6 cannot read back the indexed PSD it writes, so the reference is its same quantisation of
        // the source written as raw RGB.
        Path file = copy(dir, "indexed.psd");
        DecodeFixtures.Px px = ours(vips, file);
        assertThat(px.bands()).isEqualTo(3);
        Path raw = dir.resolve("indexed.rgb");
        ImageTools.run(ImageTools.magick(), copy(dir, "src.png").toString(), "-colors", "16", "-type", "Palette",
                "-depth", "8", "rgb:" + raw);
        // (its 16-bit palette is rounded to 8 bits once for the file and once for the raw output: ±1)
        assertThat(maxDiff(px.pixels(), Files.readAllBytes(raw), false)).isLessThanOrEqualTo(1);
    }

    @Test
    void cmykIsReadUninvertedLikeTheSameCmykTiffAndConvertedByThePipeline() throws Exception {
        Path psd = copy(dir, "cmyk.psd");
        Path tif = copy(dir, "cmyk.tif");
        try (VipsScope scope = vips.scope()) {
            VipsImage img = SourceFile.open(psd, "cmyk.psd", ImageLimits.defaults()).decode(scope);
            assertThat(img.interpretation()).isEqualTo(VipsEnums.INTERPRETATION_CMYK);
        }
        assertThat(ours(vips, psd).pixels()).isEqualTo(DecodeFixtures.vipsRead(vips, tif).pixels());
        EncodedImage fromPsd = pipeline.encode(psd, "cmyk.psd", WEBP95, Set.of());
        EncodedImage fromTif = pipeline.encode(tif, "cmyk.tif", WEBP95, Set.of());
        assertThat(fromPsd.notes()).anyMatch(n -> n.startsWith("CMYK without a profile"));
        assertThat(DeltaE2000.mean(Fixtures.decode(vips, fromPsd.bytes()).pixels(),
                Fixtures.decode(vips, fromTif.bytes()).pixels(), 3)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void transparencyIsKeptAndTheWhiteMatteRemoved() throws Exception {
        DecodeFixtures.Px px = ours(vips, copy(dir, "rgba.psd"));
        assertThat(px.bands()).isEqualTo(4);
        byte[] given = DecodeFixtures.vipsRead(vips, copy(dir, "src-alpha.png")).pixels();
        // Alpha exactly; colours where there is enough coverage to recover them from 8-bit blended values.
        int compared = 0;
        double sum = 0;
        for (int i = 0; i < given.length; i += 4) {
            assertThat(px.pixels()[i + 3]).isEqualTo(given[i + 3]);
            if ((given[i + 3] & 0xff) >= 96) {
                sum += DeltaE2000.mean(Arrays.copyOfRange(px.pixels(), i, i + 3),
                        Arrays.copyOfRange(given, i, i + 3), 3);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(sum / compared).as("mean ΔE2000 of unmatted colours").isLessThanOrEqualTo(1.0);

        EncodedImage out = pipeline.encode(copy(dir, "rgba.psd"), "Poster.psd",
                EncodeSettings.defaults().withFormat(OutputFormat.WEBP), Set.of());   // perceptual auto-quality
        assertThat(out.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(out.fileName()).isEqualTo("Poster.webp");
        assertThat(Fixtures.decode(vips, out.bytes()).bands()).isEqualTo(4);
        assertThat(out.notes()).contains("Photoshop file: published its flattened composite (layers are not "
                + "re-rendered).");
    }

    @Test
    void theIccProfileOfResource1039IsAttachedAndApplied() throws Exception {
        DecodeFixtures.assertAdobeRgbApplied(vips, pipeline, dir, copy(dir, "adobergb.psd"));
    }

    @Test
    void sixteenBitAndGreyGoThroughThePipeline() throws Exception {
        for (String name : new String[]{"rgb16.psd", "grey.psd"}) {
            EncodedImage out = pipeline.encode(copy(dir, name), name, WEBP95, Set.of());
            Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
            assertThat(d.width()).isEqualTo(24);
            EncodedImage viaPng = pipeline.encode(copy(dir, "src.png"), "src.png", WEBP95, Set.of());
            if (name.startsWith("rgb")) {
                assertThat(DeltaE2000.mean(d.pixels(), Fixtures.decode(vips, viaPng.bytes()).pixels(), d.bands()))
                        .as(name).isLessThanOrEqualTo(1.0);
            }
        }
    }

    @Test
    void aBombHeaderIsRefusedBeforeAnyPixelMemory() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(26 + 12 + 2);   // header, three empty sections, raw compression
        b.put("8BPS".getBytes()).putShort((short) 1).put(new byte[6]).putShort((short) 3)
                .putInt(30_000).putInt(30_000).putShort((short) 8).putShort((short) 3);
        Path bomb = dir.resolve("bomb.psd");
        Files.write(bomb, b.array());
        assertThatThrownBy(() -> pipeline.encode(bomb, "bomb.psd", EncodeSettings.defaults(), Set.of()))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
                    assertThat(e.getMessage()).startsWith("bomb.psd: refused: 30000 × 30000 is 900 megapixels");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rgb8.psd", "rgb8-raw.psd", "rgb16.psd"})
    void aTruncatedPsdIsAPlainError(String name) throws Exception {
        Path cut = DecodeFixtures.truncated(copy(dir, name), 0.85);
        assertThatThrownBy(() -> pipeline.encode(cut, name, EncodeSettings.defaults(), Set.of()))
                .isInstanceOf(LumasyncException.class)
                .hasMessageStartingWith(name + ": the file is truncated or corrupt");
    }

    @Test
    void corruptRowLengthsAreAPlainError() throws Exception {
        Path file = copy(dir, "rgb8.psd");
        byte[] b = Files.readAllBytes(file);
        int table = imageData(b) + 2;
        for (int i = table; i < table + 2 * 3 * 16; i += 2) {   // every row "1 byte long"
            b[i] = 0;
            b[i + 1] = 1;
        }
        Files.write(file, b);
        assertThatThrownBy(() -> pipeline.encode(file, "bad.psd", EncodeSettings.defaults(), Set.of()))
                .hasMessage("bad.psd: the file is corrupt (a compressed row of the picture does not match its "
                        + "recorded length), so it cannot be converted. Copy it again from the original source, or save it "
                        + "again from your editor, and retry.");
    }

    @Test
    void aFileWithoutMaximizeCompatibilityIsRefusedWithAWayOut() throws Exception {
        // Resource 1057 (version info) with hasRealMergedData = 0, as Photoshop writes it then.
        byte[] b = Files.readAllBytes(copy(dir, "rgb8.psd"));
        int resources = 26 + 4 + ByteBuffer.wrap(b, 26, 4).getInt();
        int length = ByteBuffer.wrap(b, resources, 4).getInt();
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.writeBytes("8BIM".getBytes());
        block.writeBytes(new byte[]{0x04, 0x21, 0, 0, 0, 0, 0, 6, 0, 0, 0, 1, 0, 0});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, resources);
        out.writeBytes(ByteBuffer.allocate(4).putInt(length + block.size()).array());
        out.write(b, resources + 4, length);
        out.writeBytes(block.toByteArray());
        out.write(b, resources + 4 + length, b.length - resources - 4 - length);
        Path file = dir.resolve("layers-only.psd");
        Files.write(file, out.toByteArray());
        assertThatThrownBy(() -> pipeline.encode(file, "layers-only.psd", EncodeSettings.defaults(), Set.of()))
                .hasMessageStartingWith("layers-only.psd: this Photoshop file was saved without “Maximize "
                        + "Compatibility”, so it holds no flattened picture")
                .hasMessageContaining("Maximize PSD and PSB File Compatibility");
    }

    @Test
    void aLayeredFileWithABlankWhiteCompositeIsRefused() throws Exception {
        Path white = dir.resolve("white.psd");
        ImageTools.run(ImageTools.magick(), "-size", "24x16", "xc:white", "-depth", "8", "PSD:" + white);
        assertThatThrownBy(() -> pipeline.encode(white, "white.psd", EncodeSettings.defaults(), Set.of()))
                .hasMessageContaining("has layers but a blank white flattened picture");
    }

    /** Offset of the image data section of a PSD. */
    private static int imageData(byte[] b) {
        int p = 26;
        for (int i = 0; i < 3; i++) {
            p += 4 + ByteBuffer.wrap(b, p, 4).getInt();
        }
        return p;
    }
}
