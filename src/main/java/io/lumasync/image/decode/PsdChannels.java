package io.lumasync.image.decode;

import java.util.Arrays;

/**
 * The composite's channel planes in the "image data" section: raw, or PackBits-compressed rows with a table of
 * row lengths in front (2 bytes each in PSD, 4 in PSB). Everything is bounds-checked before it is read.
 */
final class PsdChannels {
    private final Bytes in;
    private final int height;
    private final int rowBytes;
    private final int count;
    private final boolean rle;
    private final long[] channelStart;
    private final long table;
    private final int countSize;
    private long next;
    private int nextIndex = -1;

    PsdChannels(Bytes in, PsdLayout psd, int count) throws DecodeException {
        this.in = in;
        this.height = psd.height;
        this.count = count;
        long bits = (long) psd.width * psd.depth;
        if ((bits + 7) / 8 > Integer.MAX_VALUE - 16) {
            throw DecodeException.corrupt("its rows are too long");
        }
        this.rowBytes = (int) ((bits + 7) / 8);
        int compression = in.u16be(psd.imageData);
        this.table = psd.imageData + 2;
        this.countSize = psd.psb ? 4 : 2;
        this.channelStart = new long[count];
        if (compression == 0) {
            rle = false;
            long plane = (long) rowBytes * height;
            in.need(table, plane * count);
            for (int c = 0; c < count; c++) {
                channelStart[c] = table + plane * c;
            }
        } else if (compression == 1) {
            rle = true;
            in.need(table, (long) psd.channels * height * countSize);
            long p = table + (long) psd.channels * height * countSize;
            for (int c = 0; c < count; c++) {
                channelStart[c] = p;
                for (int y = 0; y < height; y++) {
                    p += rowLength(c, y);
                }
            }
            in.need(channelStart[0], p - channelStart[0]);
        } else {
            throw new DecodeException("this Photoshop file stores its flattened picture ZIP-compressed, which "
                    + "Photoshop itself does not write; Lumasync cannot read it. Save it again from Photoshop, or "
                    + "export a TIFF, and retry.");
        }
    }

    int count() {
        return count;
    }

    int rowBytes() {
        return rowBytes;
    }

    private long rowLength(int c, int y) throws DecodeException {
        long at = table + ((long) c * height + y) * countSize;
        return countSize == 2 ? in.u16be(at) : in.u32be(at);
    }

    /** Reads row {@code y} of channel {@code c} into {@code out} (rowBytes long). Rows are read in order. */
    void row(int c, int y, byte[] out) throws DecodeException {
        if (!rle) {
            in.copy(channelStart[c] + (long) y * rowBytes, out, 0, rowBytes);
            return;
        }
        if (nextIndex != c * height + y) {
            next = channelStart[c];
            for (int i = 0; i < y; i++) {
                next += rowLength(c, i);
            }
        }
        long len = rowLength(c, y);
        unpackBits(next, len, out);
        next += len;
        nextIndex = c * height + y + 1;
    }

    /** PackBits: n ≥ 0 copies n + 1 bytes, −127 ≤ n ≤ −1 repeats the next byte 1 − n times, −128 is a no-op. */
    private void unpackBits(long p, long len, byte[] out) throws DecodeException {
        long end = p + len;
        int o = 0;
        while (o < out.length) {
            if (p >= end) {
                throw badRow();
            }
            int n = (byte) in.u8(p++);
            if (n >= 0) {
                if (p + n + 1 > end || o + n + 1 > out.length) {
                    throw badRow();
                }
                in.copy(p, out, o, n + 1);
                p += n + 1;
                o += n + 1;
            } else if (n != -128) {
                if (p >= end || o + 1 - n > out.length) {
                    throw badRow();
                }
                Arrays.fill(out, o, o + 1 - n, (byte) in.u8(p++));
                o += 1 - n;
            }
        }
    }

    private static DecodeException badRow() {
        return DecodeException.corrupt("a compressed row of the picture does not match its recorded length");
    }
}
