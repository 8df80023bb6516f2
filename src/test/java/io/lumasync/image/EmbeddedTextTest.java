package io.lumasync.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Embedded caption, headline, title and keywords, from JPEG segments laid out as IPTC-IIM 4.2 and XMP part 3 say. */
class EmbeddedTextTest {
    private static final String XMP = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
            + "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" "
            + "photoshop:Headline=\"Tram 28\">"
            + "<dc:description><rdf:Alt><rdf:li xml:lang=\"pt\">Elétrico ao anoitecer</rdf:li>"
            + "<rdf:li xml:lang=\"x-default\">A yellow tram climbs a lane at dusk</rdf:li></rdf:Alt></dc:description>"
            + "<dc:subject><rdf:Bag><rdf:li>tram</rdf:li><rdf:li>Lisbon</rdf:li></rdf:Bag></dc:subject>"
            + "</rdf:Description></rdf:RDF></x:xmpmeta>";

    static byte[] jpeg(byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xDA, 0, 2, 1, 2, 3, (byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    static byte[] segment(int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] app1Xmp(String xmp) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII));
        p.writeBytes(xmp.getBytes(StandardCharsets.UTF_8));
        return segment(0xE1, p.toByteArray());
    }

    @Test
    void readsIptcCaptionAndKeywords() {
        EmbeddedText t = EmbeddedText.of(jpeg(segment(0xE0, new byte[14]),
                segment(0xED, IptcIimTest.photoshop(IptcIimTest.sampleIim()))));
        assertThat(t.caption()).isEqualTo("Café & Müller, 日本");
        assertThat(t.keywords()).containsExactly("harbour", "Zürich");
        assertThat(t.isEmpty()).isFalse();
    }

    @Test
    void xmpWinsOverIptcAndMergesKeywords() {
        EmbeddedText t = EmbeddedText.of(jpeg(app1Xmp(XMP),
                segment(0xED, IptcIimTest.photoshop(IptcIimTest.sampleIim()))));
        assertThat(t.caption()).isEqualTo("A yellow tram climbs a lane at dusk");
        assertThat(t.headline()).isEqualTo("Tram 28");
        assertThat(t.keywords()).containsExactly("tram", "Lisbon", "harbour", "Zürich");
    }

    @Test
    void findsXmpInOtherContainersByItsWrapper(@TempDir Path dir) throws Exception {
        // A PNG's iTXt chunk holds the packet uncompressed; the reader looks for the wrapper, not the container.
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        png.writeBytes("iTXtXML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        png.writeBytes(XMP.getBytes(StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("x.png"), png.toByteArray());
        assertThat(EmbeddedText.read(f).caption()).isEqualTo("A yellow tram climbs a lane at dusk");
    }

    @Test
    void aFileWithoutTextHasNone(@TempDir Path dir) throws Exception {
        assertThat(EmbeddedText.of(jpeg(segment(0xE0, new byte[14])))).isEqualTo(EmbeddedText.NONE);
        assertThat(EmbeddedText.read(dir.resolve("missing.jpg"))).isEqualTo(EmbeddedText.NONE);
    }

    @Test
    void damagedBlocksNeverThrow() {
        Random r = new Random(16);
        byte[] good = jpeg(app1Xmp(XMP), segment(0xED, IptcIimTest.photoshop(IptcIimTest.sampleIim())));
        for (int i = 0; i < 2000; i++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + r.nextInt(8); k++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            byte[] cut = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
            EmbeddedText t = EmbeddedText.of(cut);
            assertThat(t).isNotNull();
            assertThat(t.keywords()).isInstanceOf(List.class);
        }
    }

    @Test
    void aDoctypeInThePacketIsRefused() {
        String evil = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + XMP.replace("Tram 28", "&e;");
        EmbeddedText t = EmbeddedText.of(jpeg(app1Xmp(evil)));
        assertThat(t.headline()).doesNotContain("root");
    }
}
