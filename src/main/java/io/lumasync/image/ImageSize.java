package io.lumasync.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pixel size of an image read from its header alone (JPEG, PNG, WebP, GIF), without decoding it: what a rule
 * such as "at least 3,840 pixels wide" needs before anything is converted. Reads at most {@link #MAX_HEAD} bytes;
 * empty when the format is another one or the header is not where it should be. Orientation is not applied: a
 * portrait photo stored sideways reports its stored size.
 */
public final class ImageSize {
    /** Enough for JPEG files whose frame header follows large EXIF, ICC or XMP segments. */
    static final int MAX_HEAD = 1 << 20;

    /** Width and height in pixels. */
    public record Dimensions(int width, int height) {
    }

    private ImageSize() {
    }

    public static Optional<Dimensions> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(MAX_HEAD));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Optional<Dimensions> of(byte[] b) {
        if (b.length >= 24 && u32(b, 0) == 0x89504E47 && u32(b, 12) == 0x49484452) {
            return dims(u32(b, 16), u32(b, 20));
        }
        if (b.length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return dims(u16le(b, 6), u16le(b, 8));
        }
        if (b.length >= 30 && u32(b, 0) == 0x52494646 && u32(b, 8) == 0x57454250) {
            return webp(b);
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return jpeg(b);
        }
        return Optional.empty();
    }

    private static Optional<Dimensions> webp(byte[] b) {
        int chunk = u32(b, 12);
        if (chunk == 0x56503820 && b.length >= 30) { // "VP8 ": lossy, 14-bit sizes after the start code
            return dims(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
        }
        if (chunk == 0x5650384C && b.length >= 25) { // "VP8L": lossless, 14-bit sizes minus one, packed
            int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
            return dims((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
        }
        if (chunk == 0x56503858 && b.length >= 30) { // "VP8X": extended, 24-bit sizes minus one
            return dims(u24le(b, 24) + 1, u24le(b, 27) + 1);
        }
        return Optional.empty();
    }

    private static Optional<Dimensions> jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                return dims(u16(b, i + 7), u16(b, i + 5));
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return Optional.empty();
            }
            i += 2 + u16(b, i + 2);
        }
        return Optional.empty();
    }

    private static Optional<Dimensions> dims(int w, int h) {
        return w > 0 && h > 0 ? Optional.of(new Dimensions(w, h)) : Optional.empty();
    }

    private static int u32(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int u24le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
    }
}
