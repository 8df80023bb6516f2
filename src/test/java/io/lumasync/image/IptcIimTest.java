package io.lumasync.image;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The IPTC-IIM reader, on blocks laid out as IIM 4.2 and Photoshop's image resources describe. */
class IptcIimTest {
    private static final byte[] UTF8 = {0x1B, 0x25, 0x47};

    static void dataset(ByteArrayOutputStream out, int record, int dataset, byte[] value) {
        out.write(0x1C);
        out.write(record);
        out.write(dataset);
        out.write(value.length >> 8);
        out.write(value.length);
        out.writeBytes(value);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An IIM stream declaring UTF-8, with a caption, two keywords and a copyright. */
    static byte[] sampleIim() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dataset(out, 1, 90, UTF8);
        dataset(out, 2, 0, new byte[]{0, 4});   // record version: binary, ignored
        dataset(out, 2, IptcIim.CAPTION, utf8("Café & Müller, 日本"));
        dataset(out, 2, IptcIim.KEYWORDS, utf8("harbour"));
        dataset(out, 2, IptcIim.KEYWORDS, utf8("Zürich"));
        dataset(out, 2, IptcIim.COPYRIGHT, utf8("© 2026 Ada\0"));
        return out.toByteArray();
    }

    /** The APP13 payload: "Photoshop 3.0", an unrelated resource with an odd-length name, then 0x0404. */
    static byte[] photoshop(byte[] iim) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII));
        resource(out, 0x03ED, "abc", new byte[]{1, 2, 3, 4, 5});   // odd data length: padded
        resource(out, 0x0404, "", iim);
        return out.toByteArray();
    }

    private static void resource(ByteArrayOutputStream out, int id, String name, byte[] data) {
        out.writeBytes("8BIM".getBytes(StandardCharsets.US_ASCII));
        out.write(id >> 8);
        out.write(id);
        out.write(name.length());
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        if ((name.length() + 1) % 2 != 0) {
            out.write(0);
        }
        out.write(data.length >>> 24);
        out.write(data.length >> 16);
        out.write(data.length >> 8);
        out.write(data.length);
        out.writeBytes(data);
        if (data.length % 2 != 0) {
            out.write(0);
        }
    }

    @Test
    void readsTheIimResourceOfAPhotoshopBlock() {
        Map<Integer, List<String>> iim = IptcIim.read(photoshop(sampleIim()));
        assertThat(iim.get(IptcIim.CAPTION)).containsExactly("Café & Müller, 日本");
        assertThat(iim.get(IptcIim.KEYWORDS)).containsExactly("harbour", "Zürich");
        assertThat(iim.get(IptcIim.COPYRIGHT)).containsExactly("© 2026 Ada");   // trailing NUL dropped
    }

    @Test
    void readsABareIimStreamAsTiffFilesCarryIt() {
        assertThat(IptcIim.read(sampleIim()).get(IptcIim.KEYWORDS)).containsExactly("harbour", "Zürich");
    }

    @Test
    void withoutACharsetLatin1IsReadAsLatin1AndValidUtf8AsUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dataset(out, 2, IptcIim.CAPTION, "Café über".getBytes(StandardCharsets.ISO_8859_1));
        dataset(out, 2, IptcIim.BYLINE, utf8("Zoë"));
        Map<Integer, List<String>> iim = IptcIim.read(out.toByteArray());
        assertThat(iim.get(IptcIim.CAPTION)).containsExactly("Café über");
        assertThat(iim.get(IptcIim.BYLINE)).containsExactly("Zoë");
    }

    @Test
    void readsAnExtendedLengthDataset() {
        byte[] caption = utf8("x".repeat(40_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{0x1C, 2, (byte) IptcIim.CAPTION, (byte) 0x80, 4});   // 4 bytes of length follow
        out.writeBytes(new byte[]{0, 0, (byte) (caption.length >> 8), (byte) caption.length});
        out.writeBytes(caption);
        dataset(out, 2, IptcIim.CREDIT, utf8("Ada"));
        Map<Integer, List<String>> iim = IptcIim.read(out.toByteArray());
        assertThat(iim.get(IptcIim.CAPTION).getFirst()).hasSize(40_000);
        assertThat(iim.get(IptcIim.CREDIT)).containsExactly("Ada");
    }

    @Test
    void dropsControlCharactersThatXmlCannotCarry() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dataset(out, 2, IptcIim.CAPTION, utf8("line one\rline\u0007 two\u0000"));
        assertThat(IptcIim.read(out.toByteArray()).get(IptcIim.CAPTION)).containsExactly("line one\rline two");
    }

    @Test
    void aTruncatedBlockKeepsWhatCameBeforeTheCut() {
        byte[] iim = sampleIim();
        // Cut inside the copyright dataset, the last one.
        Map<Integer, List<String>> read = IptcIim.read(Arrays.copyOf(iim, iim.length - 3));
        assertThat(read.get(IptcIim.KEYWORDS)).containsExactly("harbour", "Zürich");
        assertThat(read).doesNotContainKey(IptcIim.COPYRIGHT);
    }

    @Test
    void everyTruncationAndRandomGarbageIsIgnoredWithoutAnException() {
        byte[] block = photoshop(sampleIim());
        for (int n = 0; n <= block.length; n++) {
            byte[] cut = Arrays.copyOf(block, n);
            assertThatCode(() -> IptcIim.read(cut)).doesNotThrowAnyException();
        }
        Random rnd = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = new byte[rnd.nextInt(64)];
            rnd.nextBytes(junk);
            if (i % 2 == 0 && junk.length > 0) {
                junk[0] = 0x1C;   // looks like IIM at first
            }
            assertThatCode(() -> IptcIim.read(junk)).doesNotThrowAnyException();
            byte[] wrapped = photoshop(junk);
            wrapped[wrapped.length - junk.length - 3] = (byte) rnd.nextInt();   // a damaged resource size
            assertThatCode(() -> IptcIim.read(wrapped)).doesNotThrowAnyException();
        }
        assertThat(IptcIim.read(new byte[]{0x1C, 2, 120, (byte) 0xFF, (byte) 0xFF})).isEmpty();
        assertThat(IptcIim.read("Photoshop 3.0\0garbage".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
