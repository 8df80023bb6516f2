package io.lumasync.image;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the EXIF block of a HEIF file (HEIC from phones, AVIF) lies: the item of type "Exif" that the {@code meta}
 * box lists in {@code iinf} and places in {@code iloc} (ISO/IEC 23008-12, 14496-12). Only the boxes are read; the
 * item itself usually sits in {@code mdat}, anywhere in the file. Bounded walks, never an exception: a damaged or
 * hostile file has no EXIF here.
 */
final class HeifExif {
    private static final int MAX_BOXES = 256;
    /** EXIF blocks are at most 64 kB in JPEG; HEIF writers stay near that. Larger claims are not read. */
    static final int MAX_LENGTH = 1 << 20;

    /** A byte range of the file. */
    record Extent(long offset, int length) {
    }

    private HeifExif() {
    }

    /** The EXIF item's place, from the file's first bytes (where {@code meta} is in every writer seen). */
    static Optional<Extent> locate(byte[] b) {
        try {
            if (b.length < 16 || !type(b, 4).equals("ftyp")) {
                return Optional.empty();
            }
            long p = 0;
            for (int i = 0; i < MAX_BOXES && p + 8 <= b.length; i++) {
                int at = (int) p;
                long size = u32(b, at);
                int header = 8;
                if (size == 1) {
                    size = u64(b, at + 8);
                    header = 16;
                } else if (size == 0) {
                    size = b.length - p;
                }
                if (size < header) {
                    return Optional.empty();
                }
                if (type(b, at + 4).equals("meta")) {
                    return inMeta(b, at + header + 4, (int) Math.min(b.length, p + size));
                }
                p += size;
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Extent> inMeta(byte[] b, int from, int to) {
        long exifId = -1;
        int iloc = -1;
        int ilocEnd = -1;
        int p = from;
        for (int i = 0; i < MAX_BOXES && p + 8 <= to; i++) {
            long size = u32(b, p);
            if (size < 8 || p + size > to) {
                return Optional.empty();
            }
            String type = type(b, p + 4);
            if (type.equals("iinf")) {
                exifId = exifItem(b, p + 8, (int) (p + size));
            } else if (type.equals("iloc")) {
                iloc = p + 8;
                ilocEnd = (int) (p + size);
            }
            p += (int) size;
        }
        return exifId < 0 || iloc < 0 ? Optional.empty() : place(b, iloc, ilocEnd, exifId);
    }

    /** The id of the item of type "Exif", or -1. */
    private static long exifItem(byte[] b, int from, int to) {
        int version = b[from] & 0xff;
        int p = from + 4 + (version == 0 ? 2 : 4);
        for (int i = 0; i < MAX_BOXES && p + 8 <= to; i++) {
            long size = u32(b, p);
            if (size < 8 || p + size > to) {
                return -1;
            }
            if (type(b, p + 4).equals("infe")) {
                int v = b[p + 8] & 0xff;
                if (v >= 2) {
                    int q = p + 12;
                    long id = v == 2 ? u16(b, q) : u32(b, q);
                    q += (v == 2 ? 2 : 4) + 2;
                    if (type(b, q).equals("Exif")) {
                        return id;
                    }
                }
            }
            p += (int) size;
        }
        return -1;
    }

    /** The single file extent of item {@code id} in the {@code iloc} box body at {@code from}. */
    private static Optional<Extent> place(byte[] b, int from, int to, long id) {
        int version = b[from] & 0xff;
        int p = from + 4;
        int offsetSize = (b[p] & 0xff) >> 4;
        int lengthSize = b[p] & 0x0f;
        int baseSize = (b[p + 1] & 0xff) >> 4;
        int indexSize = version == 1 || version == 2 ? b[p + 1] & 0x0f : 0;
        p += 2;
        long count = version < 2 ? u16(b, p) : u32(b, p);
        p += version < 2 ? 2 : 4;
        for (long i = 0; i < count && i < MAX_BOXES * 16L && p < to; i++) {
            long itemId = version < 2 ? u16(b, p) : u32(b, p);
            p += version < 2 ? 2 : 4;
            int method = 0;
            if (version == 1 || version == 2) {
                method = (int) (u16(b, p) & 0x0f);
                p += 2;
            }
            p += 2;   // data_reference_index
            long base = sized(b, p, baseSize);
            p += baseSize;
            int extents = (int) u16(b, p);
            p += 2;
            long offset = -1;
            long length = -1;
            for (int e = 0; e < extents; e++) {
                p += indexSize;
                long o = sized(b, p, offsetSize);
                p += offsetSize;
                long l = sized(b, p, lengthSize);
                p += lengthSize;
                if (e == 0) {
                    offset = base + o;
                    length = l;
                }
            }
            if (itemId == id) {
                boolean usable = method == 0 && extents == 1 && offset >= 0 && length > 0 && length <= MAX_LENGTH;
                return usable ? Optional.of(new Extent(offset, (int) length)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static long sized(byte[] b, int p, int size) {
        return switch (size) {
            case 0 -> 0;
            case 4 -> u32(b, p);
            case 8 -> u64(b, p);
            default -> throw new IllegalArgumentException("field size " + size);
        };
    }

    private static String type(byte[] b, int p) {
        return new String(b, p, 4, StandardCharsets.ISO_8859_1);
    }

    private static long u16(byte[] b, int p) {
        return ((b[p] & 0xffL) << 8) | (b[p + 1] & 0xffL);
    }

    private static long u32(byte[] b, int p) {
        return (u16(b, p) << 16) | u16(b, p + 2);
    }

    private static long u64(byte[] b, int p) {
        long v = (u32(b, p) << 32) | u32(b, p + 4);
        if (v < 0) {
            throw new IllegalArgumentException("box size out of range");
        }
        return v;
    }
}
