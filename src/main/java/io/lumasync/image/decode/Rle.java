package io.lumasync.image.decode;

import java.util.Arrays;

/**
 * BMP run-length decoding (RLE8 and RLE4). Rows are bottom-up; a "delta" escape skips pixels, which stay palette
 * colour 0 here. Data that ends before the last row is a truncated file, not a picture with a grey bottom.
 */
final class Rle {
    private final Bytes in;
    private final long start;
    private final int width;
    private final int height;
    private final boolean nibbles;
    private final BmpReader.Rows rows;
    private final int[] palette;
    private final byte[] index;

    Rle(Bytes in, long start, int width, int height, boolean nibbles, BmpReader.Rows rows, int[] palette) {
        this.in = in;
        this.start = start;
        this.width = width;
        this.height = height;
        this.nibbles = nibbles;
        this.rows = rows;
        this.palette = palette;
        this.index = new byte[width];
    }

    void decode() throws DecodeException {
        long p = start;
        int x = 0;
        int y = 0;
        while (y < height) {
            int n = in.u8(p);
            int c = in.u8(p + 1);
            p += 2;
            if ((n > 0 || c > 2) && x >= width) {
                // Writers may let the run that fills a row overshoot it a little; pixels for a row that is
                // already full are damage (or a file built to make a decoder count for ever).
                throw DecodeException.corrupt("its compressed pixels run past the end of a row");
            }
            if (n > 0) {                       // a run of n pixels (RLE4: two alternating colours)
                for (int i = 0; i < n && x + i < width; i++) {
                    set(x + i, nibbles ? (i % 2 == 0 ? c >> 4 : c & 15) : c);
                }
                x = advance(x, n);
            } else if (c == 0) {               // end of row
                emit(y++);
                x = 0;
            } else if (c == 1) {               // end of bitmap: the rest stays colour 0
                while (y < height) {
                    emit(y++);
                }
            } else if (c == 2) {               // move right and up
                int dx = in.u8(p);
                int dy = in.u8(p + 1);
                p += 2;
                for (int i = 0; i < dy && y < height; i++) {
                    emit(y++);
                }
                x = advance(x, dx);
            } else {                           // c literal pixels, padded to a 16-bit boundary
                int bytes = nibbles ? (c + 1) / 2 : c;
                in.need(p, bytes);
                for (int i = 0; i < c && x + i < width; i++) {
                    int b = in.u8(p + (nibbles ? i / 2 : i));
                    set(x + i, nibbles ? (i % 2 == 0 ? b >> 4 : b & 15) : b);
                }
                x = advance(x, c);
                p += (bytes + 1) & ~1;
            }
        }
    }

    /** The column after {@code n} more pixels, held at the row's end (pixels past it are dropped). */
    private int advance(int x, int n) {
        return Math.min(width, x + n);
    }

    private void set(int x, int value) {
        index[x] = (byte) value;
    }

    private void emit(int fileRow) {
        for (int x = 0; x < width; x++) {
            BmpReader.putRgb(rows.buffer, x * 3, BmpReader.colour(palette, index[x] & 0xff));
        }
        rows.put(height - 1 - fileRow);
        Arrays.fill(index, (byte) 0);
    }
}
