package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.metric.DeltaE2000;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.lumasync.image.DecodeFixtures.copy;
import static io.lumasync.image.DecodeFixtures.magick;
import static io.lumasync.image.DecodeFixtures.maxDiff;
import static io.lumasync.image.DecodeFixtures.ours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our BMP decoder against ImageMagick's reading of the same ImageMagick-written files. */
class BmpDecoderTest extends PipelineTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rgb24.bmp, rgb",           // 24-bit, bottom-up
            "rgb24-topdown.bmp, rgb",   // negative height: rows top-down
            "pal8.bmp, rgb",            // 8-bit palette
            "rle8.bmp, rgb",            // 8-bit palette, RLE8
            "rgb565.bmp, rgb",          // 16-bit 5-6-5 bit fields (V5 header)
            "mono.bmp, rgb",            // 1-bit palette
            "rgba32.bmp, rgba"})        // 32-bit with a V5 alpha mask
    void decodesLikeImageMagick(String name, String map) throws Exception {
        Path file = copy(dir, name);
        DecodeFixtures.Px px = ours(vips, file);
        assertThat(px.width()).isEqualTo(24);
        assertThat(px.height()).isEqualTo(16);
        assertThat(px.bands()).as("bands of %s", name).isEqualTo(map.length());
        byte[] reference = magick(file, map, 8);
        assertThat(maxDiff(px.pixels(), reference, false)).as("largest sample difference, %s", name)
                .isLessThanOrEqualTo(1);
        assertThat(DeltaE2000.mean(px.pixels(), reference, px.bands())).isLessThan(0.3);
    }

    @Test
    void bottomUpAndTopDownRowsGiveTheSamePictureAsTheEncoderWasGiven() throws Exception {
        Path source = copy(dir, "src.png");
        byte[] given = DecodeFixtures.vipsRead(vips, source).pixels();
        assertThat(ours(vips, copy(dir, "rgb24.bmp")).pixels()).isEqualTo(given);
        assertThat(ours(vips, copy(dir, "rgb24-topdown.bmp")).pixels()).isEqualTo(given);
    }

    @Test
    void alphaFromAlphaBitfieldsAndFromAV5HeaderWithPlainRgbCompression() throws Exception {
        Path v5 = copy(dir, "rgba32.bmp");
        byte[] reference = magick(v5, "rgba", 8);
        byte[] b = Files.readAllBytes(v5);
        int offset = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(10);
        int pixels = b.length - offset;
        // The same pixels behind a 40-byte header with BI_ALPHABITFIELDS (6) and its four masks after the header.
        ByteBuffer abf = ByteBuffer.allocate(70 + pixels).order(ByteOrder.LITTLE_ENDIAN);
        abf.put((byte) 'B').put((byte) 'M').putInt(70 + pixels).putInt(0).putInt(70)
                .putInt(40).putInt(24).putInt(16).putShort((short) 1).putShort((short) 32).putInt(6).putInt(pixels)
                .putInt(0).putInt(0).putInt(0).putInt(0)
                .putInt(0x00FF0000).putInt(0x0000FF00).putInt(0x000000FF).putInt(0xFF000000)
                .put(b, offset, pixels);
        Path alphaBitfields = dir.resolve("abf.bmp");
        Files.write(alphaBitfields, abf.array());
        // The V5 file with its compression set to BI_RGB (0): the header's alpha mask still says where alpha is.
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(30, 0);
        Path plainRgb = dir.resolve("v5rgb.bmp");
        Files.write(plainRgb, b);
        for (Path p : new Path[]{alphaBitfields, plainRgb}) {
            DecodeFixtures.Px px = ours(vips, p);
            assertThat(px.bands()).as("bands of %s", p.getFileName()).isEqualTo(4);
            assertThat(maxDiff(px.pixels(), reference, false)).as("%s", p.getFileName()).isZero();
        }
    }

    @Test
    void rle4AsInTheFormatsPublishedExample() throws Exception {
        // The RLE4 example of Microsoft's "Bitmap Compression" page: runs, an odd literal run padded to a word,
        // a delta (5 right, 1 row on), end of line and end of bitmap. Palette: index i is grey i × 17.
        byte[] data = {3, 0x04, 5, 0x06, 0, 6, 0x45, 0x56, 0x67, 0, 4, 0x78, 0, 2, 5, 1, 4, 0x78, 0, 0, 9, 0x1E,
                0, 1};
        int width = 32;
        ByteBuffer f = ByteBuffer.allocate(54 + 64 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        f.put((byte) 'B').put((byte) 'M').putInt(f.capacity()).putInt(0).putInt(54 + 64)
                .putInt(40).putInt(width).putInt(3).putShort((short) 1).putShort((short) 4).putInt(2)
                .putInt(data.length).putInt(0).putInt(0).putInt(16).putInt(0);
        for (int i = 0; i < 16; i++) {
            f.put((byte) (i * 17)).put((byte) (i * 17)).put((byte) (i * 17)).put((byte) 0);
        }
        f.put(data);
        Path file = dir.resolve("rle4.bmp");
        Files.write(file, f.array());
        int[][] expected = new int[3][width];   // top row first; bottom-up in the file
        int[] first = {0, 4, 0, 0, 6, 0, 6, 0, 4, 5, 5, 6, 6, 7, 7, 8, 7, 8};
        System.arraycopy(first, 0, expected[2], 0, first.length);
        System.arraycopy(new int[]{7, 8, 7, 8}, 0, expected[1], 18 + 5, 4);
        System.arraycopy(new int[]{1, 14, 1, 14, 1, 14, 1, 14, 1}, 0, expected[0], 0, 9);
        DecodeFixtures.Px px = ours(vips, file);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(px.pixels()[(y * width + x) * 3] & 0xff).as("pixel %d,%d", x, y)
                        .isEqualTo(expected[y][x] * 17);
            }
        }
    }

    @Test
    void allZeroAlphaMeansOpaque() throws Exception {
        // The alpha fixture with every alpha byte cleared: tools that ignore alpha write such files.
        Path file = copy(dir, "rgba32.bmp");
        byte[] b = Files.readAllBytes(file);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int offset = bb.getInt(10);
        for (int i = offset + 3; i < b.length; i += 4) {
            b[i] = 0;
        }
        Files.write(file, b);
        DecodeFixtures.Px px = ours(vips, file);
        assertThat(px.bands()).isEqualTo(3);
        byte[] rgb = magick(copy(dir, "src.png"), "rgb", 8);
        assertThat(maxDiff(px.pixels(), rgb, false)).isLessThanOrEqualTo(1);
    }

    @Test
    void paletteIndexesPastTheStoredPaletteShowBlack() throws Exception {
        // pal8.bmp declares 256 colours; claim 2: every pixel then is colour 0, colour 1, or black (as Windows).
        Path file = copy(dir, "pal8.bmp");
        byte[] b = Files.readAllBytes(file);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(46, 2);
        Files.write(file, b);
        int paletteStart = 14 + 40;
        List<List<Integer>> allowed = List.of(
                List.of(b[paletteStart + 2] & 0xff, b[paletteStart + 1] & 0xff, b[paletteStart] & 0xff),
                List.of(b[paletteStart + 6] & 0xff, b[paletteStart + 5] & 0xff, b[paletteStart + 4] & 0xff),
                List.of(0, 0, 0));
        byte[] px = ours(vips, file).pixels();
        int black = 0;
        for (int i = 0; i < px.length; i += 3) {
            List<Integer> rgb = List.of(px[i] & 0xff, px[i + 1] & 0xff, px[i + 2] & 0xff);
            assertThat(allowed).as("pixel %d", i / 3).contains(rgb);
            black += rgb.equals(List.of(0, 0, 0)) ? 1 : 0;
        }
        assertThat(black).isGreaterThan(px.length / 3 / 2);
    }

    @Test
    void anEmbeddedV5ProfileIsAttachedAndApplied() throws Exception {
        DecodeFixtures.assertAdobeRgbApplied(vips, pipeline, dir, copy(dir, "adobergb.bmp"));
    }

    @Test
    void aBmpGoesThroughThePipelineToWebp() throws Exception {
        Path file = copy(dir, "rgb24.bmp");
        EncodedImage out = pipeline.encode(file, "Scan 12.bmp", EncodeSettings.defaults()
                .withFormat(OutputFormat.WEBP).withQuality(new Quality.Fixed(95)), Set.of());
        assertThat(out.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(out.fileName()).isEqualTo("Scan 12.webp");
        Fixtures.Decoded d = Fixtures.decode(vips, out.bytes());
        assertThat(d.width()).isEqualTo(24);
        assertThat(d.height()).isEqualTo(16);
        EncodedImage viaPng = pipeline.encode(copy(dir, "src.png"), "src.png", EncodeSettings.defaults()
                .withFormat(OutputFormat.WEBP).withQuality(new Quality.Fixed(95)), Set.of());
        assertThat(DeltaE2000.mean(d.pixels(), Fixtures.decode(vips, viaPng.bytes()).pixels(), d.bands()))
                .isLessThanOrEqualTo(1.0);
    }

    @Test
    void aBombHeaderIsRefusedBeforeAnyPixelMemory() throws Exception {
        // 54 bytes announcing 100000 × 100000 24-bit pixels (30 GB decoded) and no pixel data at all.
        ByteBuffer b = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54)
                .putInt(40).putInt(100_000).putInt(100_000).putShort((short) 1).putShort((short) 24).putInt(0);
        Path bomb = dir.resolve("bomb.bmp");
        Files.write(bomb, b.array());
        assertThatThrownBy(() -> pipeline.encode(bomb, "bomb.bmp", EncodeSettings.defaults(), Set.of()))
                .isInstanceOfSatisfying(LumasyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.GIVE_UP);
                    assertThat(e.getMessage()).startsWith(
                            "bomb.bmp: refused: 100000 × 100000 is 10000 megapixels, more than the limit of 200");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rgb24.bmp", "rle8.bmp", "rgba32.bmp", "pal8.bmp"})
    void aTruncatedBmpIsAPlainError(String name) throws Exception {
        Path cut = DecodeFixtures.truncated(copy(dir, name), 0.6);
        assertThatThrownBy(() -> pipeline.encode(cut, name, EncodeSettings.defaults(), Set.of()))
                .isInstanceOf(LumasyncException.class)
                .hasMessage(name + ": the file is truncated or corrupt (it ends before the picture data its header "
                        + "announces), so it cannot be converted. Copy it again from the original source and retry.");
    }

    @Test
    void aCorruptHeaderIsAPlainError() throws Exception {
        Path file = copy(dir, "rgb24.bmp");
        byte[] b = Files.readAllBytes(file);
        b[28] = 7;   // 7 bits per pixel does not exist
        Files.write(file, b);
        assertThatThrownBy(() -> pipeline.encode(file, "odd.bmp", EncodeSettings.defaults(), Set.of()))
                .hasMessage("odd.bmp: this BMP file uses a kind of storage Lumasync cannot read (7 bits per pixel, "
                        + "compression 0). Save it as PNG and publish that.");
        Files.write(file, new byte[]{'B', 'M', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
        assertThatThrownBy(() -> pipeline.encode(file, "short.bmp", EncodeSettings.defaults(), Set.of()))
                .hasMessageStartingWith("short.bmp: the file is truncated or corrupt");
    }
}
