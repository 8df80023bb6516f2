package io.lumasync.image.decode;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Where things are in a Photoshop file (PSD, or PSB for large documents) and what its header and resources say:
 * size, depth, colour mode, the ICC profile (resource 1039), whether the flattened composite is real (resource
 * 1057) and whether its first extra channel is transparency. Layers are only looked at, never rendered.
 */
final class PsdLayout {
    static final int BITMAP = 0;
    static final int GREYSCALE = 1;
    static final int INDEXED = 2;
    static final int RGB = 3;
    static final int CMYK = 4;
    static final int DUOTONE = 8;
    /** Global blocks that say "the merged image has transparency". */
    private static final Set<String> MERGED_TRANSPARENCY = Set.of("Mtrn", "Mt16", "Mt32");
    /** Blocks whose length is 8 bytes in a PSB file. */
    private static final Set<String> LONG_IN_PSB = Set.of("LMsk", "Lr16", "Lr32", "Layr", "Mt16", "Mt32", "Mtrn",
            "Alph", "FMsk", "lnk2", "FEid", "FXid", "PxSD");

    final boolean psb;
    final int channels;
    final int width;
    final int height;
    final int depth;
    final int mode;
    final byte[] colourModeData;
    byte[] icc;
    /** False when resource 1057 says the composite is not the real merged picture ("Maximize Compatibility" off). */
    boolean realComposite = true;
    boolean alphaIdsAllPositive;
    int layerCount;
    boolean mergedTransparency;
    final long imageData;
    /**
     * Set when a length in the layer section points outside it. Other damage there is forgiven (only hints are
     * read), but a well-formed file never has this, and a file built around it is not published.
     */
    private String layerDamage;

    PsdLayout(Bytes in) throws DecodeException {
        PixelReader.Size size = size(in);
        psb = in.u16be(4) == 2;
        channels = in.u16be(12);
        height = size.height();
        width = size.width();
        depth = in.u16be(22);
        mode = in.u16be(24);
        if (channels < 1 || channels > 56) {
            throw DecodeException.corrupt("its header gives " + channels + " channels");
        }
        long p = 26;
        long len = in.u32be(p);
        colourModeData = mode == INDEXED ? in.copy(p + 4, Math.min(len, 768)) : new byte[0];
        p += 4 + len;
        len = in.u32be(p);
        resources(in, p + 4, p + 4 + len);
        p += 4 + len;
        len = psb ? in.u64be(p) : in.u32be(p);
        long layersStart = p + (psb ? 8 : 4);
        imageData = layersStart + len;
        if (len < 0 || imageData > in.length()) {
            throw DecodeException.truncated();
        }
        if (len > 0) {
            try {
                layers(in, layersStart, imageData);
            } catch (DecodeException e) {
                // Only hints are read from the layers; the composite after them is what counts.
            }
            if (layerDamage != null) {
                throw DecodeException.corrupt(layerDamage);
            }
        }
    }

    /** The size in a Photoshop file's first 26 bytes, checked against the format's own limits. */
    static PixelReader.Size size(Bytes in) throws DecodeException {
        if (!in.ascii(0, "8BPS")) {
            throw DecodeException.corrupt("it does not start like a Photoshop file");
        }
        int version = in.u16be(4);
        if (version != 1 && version != 2) {
            throw DecodeException.corrupt("unknown Photoshop file version " + version);
        }
        long h = in.u32be(14);
        long w = in.u32be(18);
        int most = version == 2 ? 300_000 : 30_000;
        if (w < 1 || h < 1 || w > most || h > most) {
            throw DecodeException.corrupt("its header gives a size of " + w + " × " + h + " pixels");
        }
        return new PixelReader.Size((int) w, (int) h);
    }

    private void resources(Bytes in, long p, long end) throws DecodeException {
        in.need(p, end - p);
        while (p + 12 <= end && in.ascii(p, "8BIM")) {
            int id = in.u16be(p + 4);
            long q = p + 6 + ((in.u8(p + 6) + 2) & ~1);   // Pascal name, padded to an even length
            long size = in.u32be(q);
            long data = q + 4;
            if (data + size > end) {
                throw DecodeException.corrupt("an image resource runs past its section");
            }
            switch (id) {
                case 1039 -> icc = size > 0 ? in.copy(data, size) : null;
                case 1057 -> realComposite = size < 5 || in.u8(data + 4) != 0;
                case 1053 -> alphaIdsAllPositive = allPositive(in, data, size);
                default -> {
                }
            }
            p = data + ((size + 1) & ~1);
        }
    }

    private static boolean allPositive(Bytes in, long data, long size) throws DecodeException {
        for (long o = 0; o + 4 <= size; o += 4) {
            if (in.u32be(data + o) == 0) {
                return false;
            }
        }
        return size >= 4;
    }

    private void layers(Bytes in, long p, long end) throws DecodeException {
        long infoLen = psb ? in.u64be(p) : in.u32be(p);
        long info = p + (psb ? 8 : 4);
        if (infoLen >= 2) {
            layerCount = (short) in.u16be(info);
        }
        if (infoLen < 0 || infoLen > end - info) {
            layerDamage = "the layer section's length runs outside the file";
            return;
        }
        long mask = info + infoLen;
        long t = mask + 4 + in.u32be(mask);
        while (t + 12 <= end && (in.ascii(t, "8BIM") || in.ascii(t, "8B64"))) {
            String key = new String(in.copy(t + 4, 4), StandardCharsets.ISO_8859_1);
            boolean wide = psb && LONG_IN_PSB.contains(key);
            long size = wide ? in.u64be(t + 8) : in.u32be(t + 8);
            long data = t + (wide ? 16 : 12);
            if (MERGED_TRANSPARENCY.contains(key)) {
                mergedTransparency = true;
            }
            if ((key.equals("Lr16") || key.equals("Lr32") || key.equals("Layr")) && size >= 2 && layerCount == 0) {
                layerCount = (short) in.u16be(data);   // 16/32-bit documents keep their layers here
            }
            if (size < 0 || size > end - data) {
                // A 64-bit length is signed on disk: a negative one would send the walk backwards for ever.
                layerDamage = "a layer block's length runs outside its section";
                return;
            }
            t = data + size;
            if (!in.ascii(t, "8BIM") && !in.ascii(t, "8B64")) {
                t = data + ((size + 3) & ~3);   // some writers pad blocks to 4 bytes outside the length
            }
        }
    }

    /** Colour channels of the mode (before any alpha or spot channels). */
    int colourChannels() {
        return switch (mode) {
            case RGB -> 3;
            case CMYK -> 4;
            default -> 1;
        };
    }

    /**
     * Whether the first channel after the colour ones is the composite's transparency (rather than a saved
     * selection or spot colour): Photoshop marks it with a negative layer count or a "merged transparency" block;
     * files without either count it as transparency unless every extra channel has a declared alpha identifier.
     */
    boolean transparency() {
        if (channels <= colourChannels() || mode == INDEXED || mode == BITMAP) {
            return false;
        }
        return layerCount < 0 || mergedTransparency || !alphaIdsAllPositive;
    }
}
