package io.lumasync.image.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Optional;

/**
 * Windows bitmaps (BMP), which the bundled libvips cannot read: BITMAPCOREHEADER, BITMAPINFOHEADER and its V2–V5
 * successors; 1/2/4/8-bit palette, 16-bit (5-5-5 or bit fields), 24-bit, 32-bit (alpha from a V3–V5 alpha mask,
 * also with BI_RGB in a V4/V5 header, or BI_ALPHABITFIELDS); RLE8 and RLE4; bottom-up and top-down rows; a V5 embedded ICC profile. Output: 8-bit RGB,
 * plus alpha when the file has a non-empty alpha channel (an all-zero one means "no alpha", as browsers read it).
 */
public final class BmpReader implements PixelReader {
    private static final int BI_RGB = 0;
    private static final int BI_RLE8 = 1;
    private static final int BI_RLE4 = 2;
    private static final int BI_BITFIELDS = 3;
    private static final int BI_JPEG = 4;
    private static final int BI_PNG = 5;
    private static final int BI_ALPHABITFIELDS = 6;
    /**
     * The longest side libvips can hold (its VIPS_MAX_COORD). Checked from the header because a row buffer is
     * allocated before any pixel is read: a tiny RLE file declaring 200,000,000 × 1 would otherwise take
     * over a gigabyte before failing.
     */
    static final int MAX_SIDE = 10_000_000;
    /** bV5CSType of a profile stored inside the file ('MBED'). */
    private static final long PROFILE_EMBEDDED = 0x4D424544L;

    private final Bytes in;
    private final int width;
    private final int height;
    private final boolean topDown;
    private final int bpp;
    private final int compression;
    private final long dataOffset;
    private final int[] palette;
    private final Channel[] channels;   // red, green, blue, alpha (bit fields; unused for palette and 24-bit)
    private final byte[] icc;

    public BmpReader(MemorySegment file) throws DecodeException {
        in = new Bytes(file);
        if (!in.ascii(0, "BM")) {
            throw DecodeException.corrupt("it does not start like a BMP file");
        }
        dataOffset = in.u32le(10);
        long headerSize = in.u32le(14);
        Size size = size(in);
        width = size.width();
        height = size.height();
        topDown = rawHeight(in) < 0;
        if (headerSize == 12) {            // OS/2 and Windows 2 BITMAPCOREHEADER
            bpp = in.u16le(24);
            compression = BI_RGB;
        } else {
            bpp = in.u16le(28);
            compression = (int) in.u32le(30);
        }
        int clrUsed = headerSize == 12 ? 0 : (int) Math.min(in.u32le(46), 1 << 16);
        checkCombination(headerSize);

        channels = masks(headerSize);
        long paletteStart = 14 + headerSize + (headerSize == 40 && compression == BI_BITFIELDS ? 12
                : headerSize == 40 && compression == BI_ALPHABITFIELDS ? 16 : 0);
        palette = bpp <= 8 ? palette(paletteStart, headerSize == 12 ? 3 : 4, clrUsed) : new int[0];
        icc = headerSize >= 124 && in.u32le(14 + 56) == PROFILE_EMBEDDED
                ? in.copy(14 + in.u32le(14 + 112), in.u32le(14 + 116)) : null;
    }

    /**
     * The size announced by the first bytes of a BMP file (26 are enough), so a decompression bomb can be refused
     * before the rest of the file is even read.
     */
    public static Size size(byte[] head) throws DecodeException {
        return size(new Bytes(MemorySegment.ofArray(head)));
    }

    private static Size size(Bytes in) throws DecodeException {
        int w = in.u32le(14) == 12 ? in.u16le(18) : in.i32le(18);
        int h = rawHeight(in);
        if (w <= 0 || h == 0 || h == Integer.MIN_VALUE || w > MAX_SIDE || Math.abs(h) > MAX_SIDE) {
            throw DecodeException.corrupt("its header gives a size of " + w + " × " + h + " pixels");
        }
        return new Size(w, Math.abs(h));
    }

    /** The header's height: negative for top-down rows. */
    private static int rawHeight(Bytes in) throws DecodeException {
        long headerSize = in.u32le(14);
        if (headerSize == 12) {
            return (short) in.u16le(20);
        }
        if (headerSize < 40 || headerSize > 1024) {
            throw DecodeException.corrupt("its header is of an unknown kind");
        }
        return in.i32le(22);
    }

    private void checkCombination(long headerSize) throws DecodeException {
        if (compression == BI_JPEG || compression == BI_PNG) {
            throw new DecodeException("this BMP file holds a compressed " + (compression == BI_JPEG ? "JPEG" : "PNG")
                    + " picture inside, a rare kind Lumasync cannot read. Save it as JPEG or PNG and publish that.");
        }
        boolean ok = switch (compression) {
            case BI_RGB -> bpp == 1 || bpp == 2 || bpp == 4 || bpp == 8 || bpp == 16 || bpp == 24 || bpp == 32;
            case BI_RLE8 -> bpp == 8 && !topDown;
            case BI_RLE4 -> bpp == 4 && !topDown;
            case BI_BITFIELDS, BI_ALPHABITFIELDS -> (bpp == 16 || bpp == 32) && headerSize != 64;
            default -> false;
        };
        if (!ok) {
            throw new DecodeException("this BMP file uses a kind of storage Lumasync cannot read (" + bpp
                    + " bits per pixel, compression " + compression + "). Save it as PNG and publish that.");
        }
        if ((long) width * 4 > Integer.MAX_VALUE / 2) {
            throw DecodeException.corrupt("it claims to be " + width + " pixels wide");
        }
    }

    private Channel[] masks(long headerSize) throws DecodeException {
        if (compression == BI_BITFIELDS || compression == BI_ALPHABITFIELDS) {
            // Masks follow a 40-byte header, or sit inside the larger headers at the same place.
            boolean alphaMask = compression == BI_ALPHABITFIELDS || headerSize >= 56;
            return new Channel[]{Channel.of(in.u32le(54)), Channel.of(in.u32le(58)), Channel.of(in.u32le(62)),
                    alphaMask ? Channel.of(in.u32le(66)) : Channel.NONE};
        }
        if (bpp == 16) {
            return new Channel[]{Channel.of(0x7C00), Channel.of(0x03E0), Channel.of(0x001F), Channel.NONE};
        }
        // V4/V5 headers carry an alpha mask even for BI_RGB; a writer that fills it in (clear of the colour bits)
        // means it. An all-zero alpha channel still reads as opaque.
        long alpha = bpp == 32 && headerSize >= 108 ? in.u32le(66) : 0;
        return new Channel[]{Channel.of(0xFF0000), Channel.of(0xFF00), Channel.of(0xFF),
                (alpha & 0xFFFFFF) == 0 ? Channel.of(alpha) : Channel.NONE};
    }

    private int[] palette(long start, int entrySize, int clrUsed) throws DecodeException {
        int n = clrUsed == 0 || clrUsed > 1 << bpp ? 1 << bpp : clrUsed;
        // Some writers announce more colours than they store before the pixels: keep those that are there.
        long room = (dataOffset - start) / entrySize;
        if (room >= 1 && room < n) {
            n = (int) room;
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            long o = start + (long) i * entrySize;
            p[i] = in.u8(o + 2) << 16 | in.u8(o + 1) << 8 | in.u8(o);
        }
        return p;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public long decodedBytes() {
        return (long) width * height * 4;
    }

    @Override
    public Decoded read(SegmentAllocator memory) throws DecodeException {
        long rowBytes = ((long) width * bpp + 31) / 32 * 4;
        boolean rle = compression == BI_RLE8 || compression == BI_RLE4;
        if (!rle) {
            // Tolerate a missing pad after the last row, nothing more.
            in.need(dataOffset, rowBytes * (height - 1) + ((long) width * bpp + 7) / 8);
        }
        boolean alpha = !rle && channels[3] != Channel.NONE && anyAlpha(rowBytes);
        int bands = alpha ? 4 : 3;
        MemorySegment out = memory.allocate((long) width * height * bands);
        Rows rows = new Rows(out, width, bands);
        if (rle) {
            new Rle(in, dataOffset, width, height, compression == BI_RLE4, rows, palette).decode();
        } else {
            for (int r = 0; r < height; r++) {
                unpackRow(dataOffset + r * rowBytes, rows.buffer, bands);
                rows.put(topDown ? r : height - 1 - r);
            }
        }
        return new Decoded(width, height, bands, false, Decoded.Space.RGB, out, Optional.ofNullable(icc), List.of());
    }

    /** Whether any pixel's alpha bits are set: an all-zero alpha channel is written by tools that ignore it. */
    private boolean anyAlpha(long rowBytes) throws DecodeException {
        int step = bpp / 8;
        for (int r = 0; r < height; r++) {
            long o = dataOffset + r * rowBytes;
            for (int x = 0; x < width; x++) {
                if ((pixel(o + (long) x * step) & channels[3].mask) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private long pixel(long at) throws DecodeException {
        return bpp == 16 ? in.u16le(at) : in.u32le(at);
    }

    private void unpackRow(long start, byte[] row, int bands) throws DecodeException {
        for (int x = 0; x < width; x++) {
            int o = x * bands;
            if (bpp <= 8) {
                long bit = (long) x * bpp;
                int index = (in.u8(start + bit / 8) >> (8 - bpp - (int) (bit % 8))) & ((1 << bpp) - 1);
                putRgb(row, o, colour(palette, index));
            } else if (bpp == 24) {
                long p = start + x * 3L;
                row[o] = (byte) in.u8(p + 2);
                row[o + 1] = (byte) in.u8(p + 1);
                row[o + 2] = (byte) in.u8(p);
            } else {
                long v = pixel(start + (long) x * (bpp / 8));
                for (int c = 0; c < bands; c++) {
                    row[o + c] = (byte) channels[c].scale(v);
                }
            }
        }
    }

    /** A palette entry; an index past the palette's end shows black, as Windows does. */
    static int colour(int[] palette, int index) {
        return index < palette.length ? palette[index] : 0;
    }

    static void putRgb(byte[] row, int o, int rgb) {
        row[o] = (byte) (rgb >> 16);
        row[o + 1] = (byte) (rgb >> 8);
        row[o + 2] = (byte) rgb;
    }

    /** One colour channel of a bit-field pixel, scaled to 8 bits. */
    private record Channel(long mask, int shift, long max) {
        static final Channel NONE = new Channel(0, 0, 1);

        static Channel of(long mask) {
            return mask == 0 ? NONE : new Channel(mask, Long.numberOfTrailingZeros(mask),
                    (1L << Long.bitCount(mask)) - 1);
        }

        int scale(long pixel) {
            if (this == NONE) {
                return 0;
            }
            long v = Math.min((pixel & mask) >>> shift, max);   // a mask with holes must not overflow
            return (int) ((v * 255 + max / 2) / max);
        }
    }

    /** A reusable row buffer and where each finished row goes in the output. */
    static final class Rows {
        final byte[] buffer;
        private final MemorySegment out;
        private final int rowBytes;

        Rows(MemorySegment out, int width, int bands) {
            this.out = out;
            this.rowBytes = width * bands;
            this.buffer = new byte[rowBytes];
        }

        void put(int imageRow) {
            MemorySegment.copy(buffer, 0, out, ValueLayout.JAVA_BYTE, (long) imageRow * rowBytes, rowBytes);
        }
    }
}
