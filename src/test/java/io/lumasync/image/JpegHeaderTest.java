package io.lumasync.image;

import io.lumasync.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame-header reader, on a real JPEG and on the headers of 12-bit and lossless files laid out by hand. */
class JpegHeaderTest {
    @TempDir
    Path dir;

    private OptionalInt precisionOf(byte[] bytes) throws Exception {
        Path f = Files.write(dir.resolve("f" + Arrays.hashCode(bytes) + ".jpg"), bytes);
        return JpegHeader.precision(f);
    }

    /** SOI, an APP0 segment, a few fill bytes, then a frame header of the given marker and precision. */
    private static byte[] header(int sofMarker, int precision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE0, 0, 7, 'J', 'F', 'I', 'F', 0});
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) sofMarker, 0, 11, (byte) precision,
                0, 8, 0, 8, 1, 1, 0x11, 0});
        return out.toByteArray();
    }

    @Test
    void aPhotoIsEightBit() throws Exception {
        assertThat(precisionOf(TestImages.jpeg(3))).hasValue(8);
    }

    @Test
    void twelveBitAndLosslessHeadersAreRecognised() throws Exception {
        assertThat(precisionOf(header(0xC1, 12))).hasValue(12);
        assertThat(precisionOf(header(0xC3, 16))).hasValue(16);
    }

    @Test
    void tablesSharingTheMarkerRangeAreNotFrameHeaders() throws Exception {
        assertThat(precisionOf(header(0xC4, 12))).isEmpty();
    }

    @Test
    void damagedOrForeignFilesHaveNoPrecision() throws Exception {
        byte[] good = header(0xC0, 8);
        int precisionAt = 17;
        assertThat(good[precisionAt]).isEqualTo((byte) 8);
        for (int cut = 0; cut <= precisionAt; cut++) {
            assertThat(precisionOf(Arrays.copyOf(good, cut))).as("cut at %d", cut).isEmpty();
        }
        byte[] fill = new byte[1 << 16];
        Arrays.fill(fill, (byte) 0xFF);
        fill[1] = (byte) 0xD8;
        assertThat(precisionOf(fill)).isEmpty();
        assertThat(precisionOf(TestImages.png(1))).isEmpty();
    }
}
