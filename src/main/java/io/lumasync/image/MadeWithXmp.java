package io.lumasync.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Writes into a generated image how it was made, so the file itself says so wherever it goes: an XMP packet with
 * the prompt as {@code dc:description}, the model as {@code xmp:CreatorTool}, both again under Lumasync's own
 * namespace, and the IPTC digital source type "trained algorithmic media" that marks AI-made pictures. The pipeline's
 * metadata policy then decides, as for any photo, whether the packet reaches the destination (web-safe and keep-all
 * keep it, strip-all drops it).
 *
 * <p>PNG gets an {@code iTXt} chunk "XML:com.adobe.xmp" right after IHDR, JPEG an APP1 XMP segment after the
 * leading APPn segments (XMP specification part 3, 1.1.3 and 1.1.5), WebP an "XMP " chunk; an XMP packet already in
 * the file is replaced. Other formats come back unchanged, as does a file whose structure cannot be walked.
 */
public final class MadeWithXmp {
    /** Lumasync's XMP namespace. */
    public static final String NS = "https://lumasync.io/ns/generation/1.0/";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String PNG_KEYWORD = "XML:com.adobe.xmp";
    private static final byte[] JPEG_XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_CHUNKS = 10_000;
    private static final int MAX_TEXT = 16_000;

    private MadeWithXmp() {
    }

    /** The file with the packet in it, or the same bytes when its format has no place for one here. */
    public static byte[] stamp(byte[] file, String prompt, String model) {
        byte[] packet = packet(prompt, model);
        try {
            if (file.length > PNG_SIGNATURE.length && Arrays.equals(file, 0, 8, PNG_SIGNATURE, 0, 8)) {
                return png(file, packet);
            }
            if (file.length > 4 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xD8) {
                return jpeg(file, packet);
            }
            if (file.length > 20 && new String(file, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                    && new String(file, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
                return webp(file, packet);
            }
        } catch (RuntimeException e) {
            return file;   // a damaged file is published as it came; its description still says how it was made
        }
        return file;
    }

    /** The packet itself, UTF-8 in its xpacket wrapper. */
    static byte[] packet(String prompt, String model) {
        String p = xml(prompt);
        String m = xml(model);
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"" + XmpPacket.RDF + "\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"" + IptcToXmp.DC + "\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
                + " xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""
                + " xmlns:lumasync=\"" + NS + "\""
                + " xmp:CreatorTool=\"" + m + "\""
                + " Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/"
                + "trainedAlgorithmicMedia\" lumasync:Model=\"" + m + "\" lumasync:Prompt=\"" + p + "\">"
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + p + "</rdf:li></rdf:Alt>"
                + "</dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        return xmp.getBytes(StandardCharsets.UTF_8);
    }

    /** Text safe inside XML: markup escaped, characters XML 1.0 forbids dropped, length capped. */
    private static String xml(String text) {
        String s = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t', '\n', '\r' -> out.append("&#").append(c).append(';');
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && (c < 0xD800 || c > 0xDFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static byte[] png(byte[] b, byte[] packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + packet.length + 64);
        out.write(b, 0, 8);
        int p = 8;
        for (int i = 0; i < MAX_CHUNKS && p + 12 <= b.length; i++) {
            int len = ByteBuffer.wrap(b, p, 4).getInt();
            if (len < 0 || p + 12L + len > b.length) {
                return b;
            }
            String type = new String(b, p + 4, 4, StandardCharsets.US_ASCII);
            boolean oldXmp = type.equals("iTXt") && startsWith(b, p + 8, len,
                    (PNG_KEYWORD + "\0").getBytes(StandardCharsets.US_ASCII));
            if (!oldXmp) {
                out.write(b, p, 12 + len);
            }
            if (type.equals("IHDR")) {
                writePngXmp(out, packet);
            }
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
            p += 12 + len;
        }
        return b;
    }

    private static void writePngXmp(ByteArrayOutputStream out, byte[] packet) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(packet.length + 24);
        data.writeBytes(PNG_KEYWORD.getBytes(StandardCharsets.US_ASCII));
        data.writeBytes(new byte[]{0, 0, 0, 0, 0});   // keyword end, uncompressed, method, no language, no translation
        data.writeBytes(packet);
        byte[] d = data.toByteArray();
        byte[] type = "iTXt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(d);
        out.writeBytes(ByteBuffer.allocate(4).putInt(d.length).array());
        out.writeBytes(type);
        out.writeBytes(d);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] jpeg(byte[] b, byte[] packet) {
        if (JPEG_XMP.length + packet.length + 2 > 0xFFFF) {
            return b;   // a prompt too long for one segment: the description field still carries it
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + packet.length + 64);
        out.write(b, 0, 2);
        boolean written = false;
        int p = 2;
        for (int i = 0; i < MAX_CHUNKS && p + 4 <= b.length; i++) {
            if ((b[p] & 0xff) != 0xFF) {
                return b;
            }
            int marker = b[p + 1] & 0xff;
            if (!written && (marker < 0xE0 || marker > 0xEF)) {
                int len = JPEG_XMP.length + packet.length + 2;
                out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len});
                out.writeBytes(JPEG_XMP);
                out.writeBytes(packet);
                written = true;
            }
            if (marker == 0xDA) {
                out.write(b, p, b.length - p);
                return out.toByteArray();
            }
            int len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (len < 2 || p + 2 + len > b.length) {
                return b;
            }
            if (!(marker == 0xE1 && startsWith(b, p + 4, len - 2, JPEG_XMP))) {
                out.write(b, p, 2 + len);
            }
            p += 2 + len;
        }
        return b;
    }

    /**
     * WebP: the extended format's "XMP " chunk after the image data, with the XMP flag set in VP8X; a simple file
     * (one VP8 or VP8L chunk) gets the VP8X header first, its canvas the image's size and its alpha flag the
     * lossless bitstream's own (WebP container specification, "Extended File Format").
     */
    private static byte[] webp(byte[] b, byte[] packet) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(b.length + packet.length + 32);
        int p = 12;
        boolean extended = false;
        for (int i = 0; i < MAX_CHUNKS && p + 8 <= b.length; i++) {
            String type = new String(b, p, 4, StandardCharsets.US_ASCII);
            long size = ByteBuffer.wrap(b, p + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            long padded = size + (size & 1);
            if (p + 8 + size > b.length) {
                return b;
            }
            if (i == 0) {
                if (type.equals("VP8X")) {
                    extended = true;
                } else if (type.equals("VP8 ") || type.equals("VP8L")) {
                    Optional<ImageSize.Dimensions> d = ImageSize.of(b);
                    if (d.isEmpty()) {
                        return b;
                    }
                    boolean alpha = type.equals("VP8L") && size >= 5 && (b[p + 8 + 4] & 0x10) != 0;
                    body.writeBytes(vp8x(d.get(), alpha));
                } else {
                    return b;
                }
            }
            if (!type.equals("XMP ")) {
                int n = (int) Math.min(8 + padded, b.length - p);
                body.write(b, p, n);
            }
            p += (int) (8 + padded);
        }
        byte[] out = body.toByteArray();
        if (extended) {
            out[8] |= 0x04;   // the XMP flag of VP8X
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream(out.length + packet.length + 24);
        int chunk = packet.length + (packet.length & 1);
        int riff = 4 + out.length + 8 + chunk;
        file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(riff).array());
        file.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(out);
        file.writeBytes("XMP ".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(packet.length).array());
        file.writeBytes(packet);
        if ((packet.length & 1) == 1) {
            file.write(0);
        }
        return file.toByteArray();
    }

    private static byte[] vp8x(ImageSize.Dimensions d, boolean alpha) {
        ByteBuffer c = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        c.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
        c.put((byte) (0x04 | (alpha ? 0x10 : 0))).put(new byte[3]);
        int w = d.width() - 1;
        int h = d.height() - 1;
        c.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16));
        c.put((byte) h).put((byte) (h >> 8)).put((byte) (h >> 16));
        return c.array();
    }

    private static boolean startsWith(byte[] b, int from, int length, byte[] prefix) {
        return length >= prefix.length && Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length);
    }
}
