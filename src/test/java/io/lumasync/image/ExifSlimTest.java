package io.lumasync.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The EXIF rebuild of the "never bigger" path, on TIFF blocks laid out by hand as the TIFF 6 / Exif 2.3 specs say. */
class ExifSlimTest {
    private static final int ARTIST = 0x013B;
    private static final int COPYRIGHT = 0x8298;
    private static final int EXIF_IFD = 0x8769;
    private static final int GPS_IFD = 0x8825;
    private static final int EXPOSURE_TIME = 0x829A;
    private static final int BODY_SERIAL = 0xA431;
    private static final int MAKER_NOTE = 0x927C;

    /**
     * IFD0 {Artist, Copyright, Exif pointer, GPS pointer, an unknown vendor tag}, a link to IFD1 (thumbnail),
     * Exif IFD {ExposureTime, MakerNote, BodySerialNumber}, GPS IFD {GPSLatitudeRef}.
     */
    static byte[] cameraTiff(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(512).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[]{'I', 'I'} : new byte[]{'M', 'M'}).putShort((short) 42)
                .putInt(8);
        // IFD0 at 8: 5 entries → 2 + 60 + 4 = 66 bytes; data from 74.
        b.putShort((short) 5);
        entry(b, ARTIST, 2, 11, 200);
        entry(b, EXIF_IFD, 4, 1, 100);
        entry(b, GPS_IFD, 4, 1, 160);
        entry(b, COPYRIGHT, 2, 4, 0);
        b.put(b.position() - 4, "(c)\0".getBytes(StandardCharsets.US_ASCII));
        entry(b, 0xC4A5, 7, 8, 220);
        b.putInt(300);   // IFD1
        // Exif IFD at 100: 3 entries → 42 bytes, to 142.
        b.position(100).putShort((short) 3);
        entry(b, EXPOSURE_TIME, 5, 1, 240);
        entry(b, MAKER_NOTE, 7, 6, 250);
        entry(b, BODY_SERIAL, 2, 8, 260);
        b.putInt(0);
        // GPS IFD at 160.
        b.position(160).putShort((short) 1);
        entry(b, 1, 2, 2, 0);
        b.put(b.position() - 4, (byte) 'N');
        b.putInt(0);
        b.put(200, "Ada Müller\0".getBytes(StandardCharsets.ISO_8859_1));
        b.put(220, "PrintIM!".getBytes(StandardCharsets.US_ASCII));
        b.putInt(240, 1).putInt(244, 250);
        b.put(250, "MAKER!".getBytes(StandardCharsets.US_ASCII));
        b.put(260, "CAM1234\0".getBytes(StandardCharsets.US_ASCII));
        b.position(300).putShort((short) 0).putInt(0);
        return Arrays.copyOf(b.array(), 320);
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** Tag → raw value bytes of one directory, read back independently of ExifSlim. */
    static Map<Integer, byte[]> directory(byte[] tiff, int at) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        Map<Integer, byte[]> tags = new LinkedHashMap<>();
        int n = b.getShort(at);
        for (int i = 0; i < n; i++) {
            int p = at + 2 + 12 * i;
            int type = b.getShort(p + 2);
            int size = b.getInt(p + 4) * new int[]{0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8}[type];
            int from = size <= 4 ? p + 8 : b.getInt(p + 8);
            tags.put(b.getShort(p) & 0xffff, Arrays.copyOfRange(tiff, from, from + size));
        }
        assertThat(b.getInt(at + 2 + 12 * n)).as("no next directory (thumbnail)").isZero();
        return tags;
    }

    @ParameterizedTest
    @ValueSource(strings = {"II", "MM"})
    void keepsCreditsAndExposureAndDropsGpsSerialsMakerNotesAndThumbnail(String orderName) {
        ByteOrder order = orderName.equals("II") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        byte[] slim = ExifSlim.slim(cameraTiff(order)).orElseThrow();
        assertThat(new String(slim, 0, 2, StandardCharsets.US_ASCII)).isEqualTo(orderName);
        Map<Integer, byte[]> main = directory(slim, ByteBuffer.wrap(slim).order(order).getInt(4));
        assertThat(main).containsOnlyKeys(ARTIST, COPYRIGHT, EXIF_IFD);
        assertThat(new String(main.get(ARTIST), StandardCharsets.ISO_8859_1)).isEqualTo("Ada Müller\0");
        assertThat(new String(main.get(COPYRIGHT), StandardCharsets.US_ASCII)).isEqualTo("(c)\0");
        Map<Integer, byte[]> exif = directory(slim, ByteBuffer.wrap(main.get(EXIF_IFD)).order(order).getInt());
        assertThat(exif).containsOnlyKeys(EXPOSURE_TIME);
        ByteBuffer rational = ByteBuffer.wrap(exif.get(EXPOSURE_TIME)).order(order);
        assertThat(rational.getInt()).isEqualTo(1);
        assertThat(rational.getInt()).isEqualTo(250);
        String text = new String(slim, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("CAM1234", "MAKER", "PrintIM");
        assertThat(ExifSlim.slim(slim)).hasValueSatisfying(again -> assertThat(again).isEqualTo(slim));
    }

    @Test
    void damagedOrEmptyBlocksAreDroppedWithoutAnException() {
        byte[] tiff = cameraTiff(ByteOrder.BIG_ENDIAN);
        for (int n = 0; n < 268; n++) {   // every cut before the end of the last value (the serial number)
            byte[] cut = Arrays.copyOf(tiff, n);
            assertThatCode(() -> ExifSlim.slim(cut)).doesNotThrowAnyException();
            assertThat(ExifSlim.slim(cut)).as("cut at %d", n).isEmpty();
        }
        Random rnd = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = tiff.clone();
            junk[8 + rnd.nextInt(200)] = (byte) rnd.nextInt();
            assertThatCode(() -> ExifSlim.slim(junk)).doesNotThrowAnyException();
        }
        assertThat(ExifSlim.slim("nothing here".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
