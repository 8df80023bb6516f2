package io.lumasync.image;

import io.lumasync.core.MetadataPolicy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Removes metadata from an original JPEG or WebP without touching its compressed pixels, for the "never bigger"
 * rule: when re-encoding would not make a file smaller, we keep the original bytes, but never its GPS position.
 * Coarse on purpose: EXIF and XMP blocks go whole (they are where location and serial numbers live); the IPTC
 * block (copyright, caption, keywords, credit) and the colour profile stay.
 */
final class ContainerStrip {
    private ContainerStrip() {
    }

    static Optional<byte[]> strip(byte[] file, MetadataPolicy policy) {
        if (policy == MetadataPolicy.KEEP_ALL) {
            return Optional.of(file);
        }
        if (file.length > 3 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xD8) {
            return jpeg(file, policy);
        }
        if (file.length > 12 && ascii(file, 0, "RIFF") && ascii(file, 8, "WEBP")) {
            return webp(file);
        }
        return Optional.empty();
    }

    private static Optional<byte[]> jpeg(byte[] b, MetadataPolicy policy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 2);
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xff) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[p + 1] & 0xff;
            if (marker == 0xDA) {
                out.write(b, p, b.length - p);   // the scan and everything after it, untouched
                return Optional.of(out.toByteArray());
            }
            int len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (len < 2 || p + 2 + len > b.length) {
                return Optional.empty();
            }
            boolean drop = marker == 0xE1                                       // EXIF, XMP
                    || (policy == MetadataPolicy.STRIP_ALL && (marker == 0xED || marker == 0xFE)); // IPTC, comment
            if (!drop) {
                out.write(b, p, 2 + len);
            }
            p += 2 + len;
        }
        return Optional.empty();
    }

    private static Optional<byte[]> webp(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int p = 12;
        int vp8x = -1;
        while (p + 8 <= b.length) {
            String id = new String(b, p, 4, StandardCharsets.US_ASCII);
            long size = (b[p + 4] & 0xffL) | (b[p + 5] & 0xffL) << 8 | (b[p + 6] & 0xffL) << 16 | (b[p + 7] & 0xffL) << 24;
            long whole = 8 + size + (size & 1);
            if (p + whole > b.length) {
                return Optional.empty();
            }
            if (!id.equals("EXIF") && !id.equals("XMP ")) {
                if (id.equals("VP8X")) {
                    vp8x = out.size() + 8;
                }
                out.write(b, p, (int) whole);
            }
            p += (int) whole;
        }
        byte[] body = out.toByteArray();
        if (vp8x >= 0) {
            body[vp8x] &= (byte) ~0x0C;   // clear the EXIF (0x08) and XMP (0x04) flags
        }
        byte[] result = new byte[12 + body.length];
        System.arraycopy(b, 0, result, 0, 12);
        int riff = 4 + body.length;
        result[4] = (byte) riff;
        result[5] = (byte) (riff >> 8);
        result[6] = (byte) (riff >> 16);
        result[7] = (byte) (riff >> 24);
        System.arraycopy(body, 0, result, 12, body.length);
        return Optional.of(result);
    }

    private static boolean ascii(byte[] b, int off, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
