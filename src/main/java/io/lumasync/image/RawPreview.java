package io.lumasync.image;

import java.util.Optional;

/**
 * Finds the largest JPEG a camera embedded in its RAW file (NEF, CR2, CR3, ARW, RAF, ORF, RW2, DNG all carry
 * one: the camera's own rendering, which is what Lumasync publishes). Container-agnostic: it walks every JPEG
 * start marker in the file and measures each stream by its frame header, so it needs no per-brand parser.
 */
final class RawPreview {
    /** One embedded JPEG: where it is and its pixel size. */
    record Found(int offset, int length, int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    private RawPreview() {
    }

    static Optional<Found> largest(byte[] raw) {
        Found best = null;
        for (int i = 0; i + 4 < raw.length; i++) {
            if ((raw[i] & 0xff) == 0xFF && (raw[i + 1] & 0xff) == 0xD8 && (raw[i + 2] & 0xff) == 0xFF) {
                Found f = measure(raw, i);
                if (f != null) {
                    if (best == null || f.pixels() > best.pixels()) {
                        best = f;
                    }
                    i += f.length() - 1;   // a preview never holds another one worth more
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Parses marker segments up to the scan, then skips entropy-coded data to EOI; null if not a whole JPEG. */
    private static Found measure(byte[] b, int start) {
        int p = start + 2;
        int width = 0;
        int height = 0;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xff) != 0xFF) {
                return null;
            }
            int marker = b[p + 1] & 0xff;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            int len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (len < 2 || p + 2 + len > b.length) {
                return null;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && len >= 7) {
                height = ((b[p + 5] & 0xff) << 8) | (b[p + 6] & 0xff);
                width = ((b[p + 7] & 0xff) << 8) | (b[p + 8] & 0xff);
            }
            p += 2 + len;
            if (marker == 0xDA) {
                // Entropy-coded data (possibly several scans): ends at EOI, FF00 is stuffing, FFD0-D7 restarts.
                while (p + 1 < b.length) {
                    if ((b[p] & 0xff) == 0xFF) {
                        int m = b[p + 1] & 0xff;
                        if (m == 0xD9) {
                            return width > 0 && height > 0 ? new Found(start, p + 2 - start, width, height) : null;
                        }
                        if (m != 0x00 && !(m >= 0xD0 && m <= 0xD7) && m != 0xFF) {
                            break;   // another segment (next progressive scan's DHT/SOS): parse it
                        }
                    }
                    p++;
                }
            }
        }
        return null;
    }
}
