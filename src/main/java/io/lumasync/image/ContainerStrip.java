package io.lumasync.image;

import io.lumasync.core.MetadataPolicy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies the metadata policy to an original JPEG or WebP without touching its compressed pixels, for the "never
 * bigger" rule: when re-encoding would not make a file smaller, we keep the original bytes, but never its GPS
 * position. Under web-safe the EXIF block is rebuilt from known harmless tags ({@link ExifSlim}: copyright and artist
 * stay; GPS, serials, maker notes and the thumbnail go) and the XMP packet is filtered like the re-encode's
 * ({@link XmpFilter}); the IPTC block (copyright, caption, keywords, credit) and the colour profile stay. Strip-all
 * removes EXIF, XMP, IPTC and comments. A block that cannot be read is dropped whole.
 *
 * <p>Own code because no library on Maven Central rewrites a WebP's chunks: metadata-extractor only reads, and
 * Apache Commons Imaging 1.0.0-alpha6 reads WebP but writes metadata into JPEG only, so it would cover half the job
 * for 2.1 MB.
 */
final class ContainerStrip {
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    private static final int VP8X_XMP = 0x04;
    private static final int VP8X_EXIF = 0x08;

    private ContainerStrip() {
    }

    static Optional<byte[]> strip(byte[] file, MetadataPolicy policy) {
        if (policy == MetadataPolicy.KEEP_ALL) {
            return Optional.of(file);
        }
        boolean webSafe = policy == MetadataPolicy.WEB_SAFE;
        if (file.length > 3 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xD8) {
            return jpeg(file, webSafe);
        }
        return webp(file, webSafe);
    }

    private static Optional<byte[]> jpeg(byte[] b, boolean webSafe) {
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
            byte[] payload = Arrays.copyOfRange(b, p + 4, p + 2 + len);
            if (marker == 0xE1) {   // EXIF, XMP (and extended XMP or vendor data, which go)
                if (webSafe) {
                    webSafeApp1(payload).ifPresent(kept -> segment(out, marker, kept));
                }
            } else if (webSafe || (marker != 0xED && marker != 0xFE)) {   // strip-all: no IPTC, no comment
                out.write(b, p, 2 + len);
            }
            p += 2 + len;
        }
        return Optional.empty();
    }

    private static Optional<byte[]> webSafeApp1(byte[] payload) {
        if (startsWith(payload, EXIF_HEADER)) {
            return ExifSlim.slim(Arrays.copyOfRange(payload, EXIF_HEADER.length, payload.length))
                    .map(tiff -> concat(EXIF_HEADER, tiff));
        }
        if (startsWith(payload, XMP_HEADER)) {
            return XmpFilter.webSafe(Arrays.copyOfRange(payload, XMP_HEADER.length, payload.length))
                    .map(xmp -> concat(XMP_HEADER, xmp));
        }
        return Optional.empty();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        if (payload.length + 2 > 0xFFFF) {
            return;   // cannot happen for a slimmed block of a segment that fitted; never write a broken file
        }
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
    }

    private static Optional<byte[]> webp(byte[] b, boolean webSafe) {
        return rewriteWebp(b, (id, data) -> switch (id) {
            case "EXIF" -> webSafe ? webpExif(data) : Optional.empty();
            case "XMP " -> webSafe ? XmpFilter.webSafe(data) : Optional.empty();
            default -> Optional.of(data);
        });
    }

    /**
     * The WebP container keeps a bare TIFF block in its EXIF chunk, but libvips writes JPEG's "Exif\0\0" before it,
     * which strict readers reject (exiftool: "Improper EXIF header"). Returns {@code webp} with the prefix removed.
     */
    static byte[] bareWebpExif(byte[] webp) {
        return rewriteWebp(webp, (id, data) -> Optional.of(id.equals("EXIF") && startsWith(data, EXIF_HEADER)
                ? Arrays.copyOfRange(data, EXIF_HEADER.length, data.length) : data)).orElse(webp);
    }

    /**
     * Rebuilds a WebP file chunk by chunk: {@code edit} returns a chunk's new data, or empty to drop it. The VP8X
     * header's EXIF and XMP flags are set to match what is left. Empty when the file's chunks do not add up.
     */
    private static Optional<byte[]> rewriteWebp(byte[] b, BiFunction<String, byte[], Optional<byte[]>> edit) {
        if (b.length < 12 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int p = 12;
        int vp8x = -1;
        int flags = 0;
        while (p + 8 <= b.length) {
            String id = new String(b, p, 4, StandardCharsets.US_ASCII);
            long size = (b[p + 4] & 0xffL) | (b[p + 5] & 0xffL) << 8 | (b[p + 6] & 0xffL) << 16
                    | (b[p + 7] & 0xffL) << 24;
            long whole = 8 + size + (size & 1);
            if (p + 8 + size > b.length) {
                return Optional.empty();
            }
            Optional<byte[]> kept = edit.apply(id, Arrays.copyOfRange(b, p + 8, p + 8 + (int) size));
            if (kept.isPresent()) {
                if (id.equals("VP8X")) {
                    vp8x = out.size() + 8;
                }
                flags |= id.equals("EXIF") ? VP8X_EXIF : id.equals("XMP ") ? VP8X_XMP : 0;
                chunk(out, id, kept.get());
            }
            p += (int) Math.min(whole, b.length - p);
        }
        byte[] body = out.toByteArray();
        if (vp8x >= 0) {   // the header's flags must say which metadata chunks follow
            body[vp8x] = (byte) ((body[vp8x] & ~(VP8X_EXIF | VP8X_XMP)) | flags);
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

    /** WebP's EXIF chunk is a bare TIFF block; some writers put JPEG's "Exif\0\0" first, which is dropped here. */
    private static Optional<byte[]> webpExif(byte[] data) {
        return ExifSlim.slim(startsWith(data, EXIF_HEADER)
                ? Arrays.copyOfRange(data, EXIF_HEADER.length, data.length) : data);
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] data) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        int n = data.length;
        out.write(n);
        out.write(n >> 8);
        out.write(n >> 16);
        out.write(n >> 24);
        out.writeBytes(data);
        if ((n & 1) != 0) {
            out.write(0);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
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
