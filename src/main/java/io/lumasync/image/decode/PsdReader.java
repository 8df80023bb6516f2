package io.lumasync.image.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flattened composite of a Photoshop file (PSD or PSB), which the bundled libvips cannot read: the planar
 * "image data" section at the end, raw or PackBits, in RGB, Greyscale, CMYK (stored inverted), Indexed, Bitmap or
 * Duotone (read as its greyscale base), 8 or 16 bits, with alpha when the file marks the extra channel as
 * transparency. Layers are not rendered: a file saved without "Maximize Compatibility" has no usable composite and
 * is refused with a way out.
 */
public final class PsdReader implements PixelReader {
    static final String COMPOSITE_NOTE = "Photoshop file: published its flattened composite (layers are not "
            + "re-rendered).";
    private static final ValueLayout.OfShort SAMPLE16 = ValueLayout.JAVA_SHORT_UNALIGNED;

    private final Bytes in;
    private final PsdLayout psd;
    private final Decoded.Space space;
    private final boolean alpha;
    private final int bands;
    private final int sampleBytes;

    public PsdReader(MemorySegment file) throws DecodeException {
        in = new Bytes(file);
        psd = new PsdLayout(in);
        if (psd.mode == 7 || psd.mode == 9) {
            throw new DecodeException("this Photoshop file is in " + (psd.mode == 9 ? "Lab" : "Multichannel")
                    + " colour mode, which Lumasync cannot read. In Photoshop choose Image › Mode › RGB Color, "
                    + "save, and retry.");
        }
        boolean depthOk = switch (psd.mode) {
            case PsdLayout.BITMAP -> psd.depth == 1;
            case PsdLayout.INDEXED -> psd.depth == 8;
            default -> psd.depth == 8 || psd.depth == 16;
        };
        if (psd.mode > PsdLayout.DUOTONE || psd.mode == 5 || psd.mode == 6 || !depthOk) {
            throw new DecodeException("this Photoshop file uses " + psd.depth + " bits per channel in colour mode "
                    + psd.mode + ", which Lumasync cannot read. Save it as 8- or 16-bit RGB (or as a TIFF) and "
                    + "retry.");
        }
        if (psd.channels < psd.colourChannels()) {
            throw DecodeException.corrupt("it has fewer channels than its colour mode needs");
        }
        space = switch (psd.mode) {
            case PsdLayout.RGB, PsdLayout.INDEXED -> Decoded.Space.RGB;
            case PsdLayout.CMYK -> Decoded.Space.CMYK;
            default -> Decoded.Space.GREY;
        };
        alpha = psd.transparency();
        bands = space.colours() + (alpha ? 1 : 0);
        sampleBytes = psd.depth == 16 ? 2 : 1;
    }

    /**
     * The size announced by the first 26 bytes of a Photoshop file, so a decompression bomb can be refused before
     * the rest of the file is even read.
     */
    public static Size size(byte[] head) throws DecodeException {
        return PsdLayout.size(new Bytes(MemorySegment.ofArray(head)));
    }

    @Override
    public int width() {
        return psd.width;
    }

    @Override
    public int height() {
        return psd.height;
    }

    @Override
    public long decodedBytes() {
        return (long) psd.width * psd.height * bands * sampleBytes;
    }

    @Override
    public Decoded read(SegmentAllocator memory) throws DecodeException {
        if (!psd.realComposite) {
            throw noComposite("was saved without “Maximize Compatibility”, so it holds no flattened picture");
        }
        PsdChannels data = new PsdChannels(in, psd, alpha ? psd.colourChannels() + 1 : psd.colourChannels());
        MemorySegment out = memory.allocate(decodedBytes());
        boolean white = psd.mode != PsdLayout.INDEXED && psd.mode != PsdLayout.BITMAP;
        byte[] row = new byte[data.rowBytes()];
        for (int c = 0; c < data.count(); c++) {
            boolean colour = c < psd.colourChannels();
            for (int y = 0; y < psd.height; y++) {
                data.row(c, y, row);
                long base = (long) y * psd.width * bands;
                if (white && colour) {
                    white = allOnes(row);
                }
                if (psd.mode == PsdLayout.INDEXED && colour) {
                    palette(row, out, base);
                } else {
                    samples(row, out, base, colour ? c : space.colours());
                }
            }
        }
        if (white && psd.layerCount != 0) {
            throw noComposite("has layers but a blank white flattened picture: it was probably saved without "
                    + "“Maximize Compatibility”");
        }
        if (alpha) {
            Unmatte.fromWhite(out, (long) psd.width * psd.height, bands, sampleBytes == 2, space == Decoded.Space.CMYK);
        }
        List<String> notes = new ArrayList<>(List.of(COMPOSITE_NOTE));
        if (psd.mode == PsdLayout.DUOTONE) {
            notes.add("Duotone Photoshop file: published in greyscale (the duotone inks are not simulated).");
        }
        return new Decoded(psd.width, psd.height, bands, sampleBytes == 2, space, out,
                Optional.ofNullable(psd.icc), List.copyOf(notes));
    }

    private static DecodeException noComposite(String why) {
        return new DecodeException("this Photoshop file " + why + " — Lumasync publishes that picture and does "
                + "not render layers. In Photoshop turn on Preferences › File Handling › Maximize PSD and PSB File "
                + "Compatibility, save the file again, and retry (or export a JPEG, PNG or TIFF).");
    }

    private static boolean allOnes(byte[] row) {
        for (byte b : row) {
            if (b != -1) {
                return false;
            }
        }
        return true;
    }

    /** Writes one channel's row into its band: 16-bit big-endian to native order, CMYK un-inverted, bits to grey. */
    private void samples(byte[] row, MemorySegment out, long base, int band) {
        boolean invert = psd.mode == PsdLayout.CMYK && band < 4;
        for (int x = 0; x < psd.width; x++) {
            long at = base + (long) x * bands + band;
            if (psd.depth == 1) {   // Bitmap mode: 1 is black
                boolean black = (row[x >> 3] >> (7 - (x & 7)) & 1) != 0;
                out.set(ValueLayout.JAVA_BYTE, at, (byte) (black ? 0 : 255));
            } else if (sampleBytes == 1) {
                out.set(ValueLayout.JAVA_BYTE, at, (byte) (invert ? ~row[x] : row[x]));
            } else {
                int v = (row[2 * x] & 0xff) << 8 | (row[2 * x + 1] & 0xff);
                out.set(SAMPLE16, at * 2, (short) (invert ? 65535 - v : v));
            }
        }
    }

    private void palette(byte[] row, MemorySegment out, long base) {
        byte[] table = psd.colourModeData;   // 256 reds, 256 greens, 256 blues
        for (int x = 0; x < psd.width; x++) {
            int i = row[x] & 0xff;
            long at = base + (long) x * bands;
            for (int c = 0; c < 3; c++) {
                int t = c * 256 + i;
                out.set(ValueLayout.JAVA_BYTE, at + c, t < table.length ? table[t] : 0);
            }
        }
    }
}
