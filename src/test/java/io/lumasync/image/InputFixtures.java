package io.lumasync.image;

import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs in the formats photographers bring, made at test time from the colour patches of {@link Fixtures}:
 * through our own libvips binding where libvips writes the format, with the JDK's PNG writer where an independent
 * writer is worth having (16-bit and palette PNG), and by hand for a 12-bit JPEG, which nothing here writes.
 */
final class InputFixtures {
    /** Alpha of each of the 16 patches: mostly opaque, one half transparent, one fully transparent. */
    static final int[] PATCH_ALPHA = {255, 255, 255, 255, 255, 128, 255, 255, 255, 255, 0, 255, 255, 255, 255, 255};

    private InputFixtures() {
    }

    /** One step applied to the decoded patches before saving, e.g. a conversion to 16 bits. */
    interface Step {
        VipsImage apply(VipsScope scope, VipsImage in) throws VipsException;
    }

    /** Saves {@code source} with a libvips {@code vips_*save_buffer} saver and the given options. */
    static Path save(Vips vips, Path source, Path target, Step step, String saver, Opt... opts)
            throws VipsException, IOException {
        try (VipsScope scope = vips.scope()) {
            VipsImage img = step.apply(scope, scope.open(source));
            Files.write(target, scope.save(saver, img, opts));
        }
        return target;
    }

    static Path save(Vips vips, Path source, Path target, String saver, Opt... opts)
            throws VipsException, IOException {
        return save(vips, source, target, (scope, in) -> in, saver, opts);
    }

    /** The 64 × 64 patches with the alpha of {@link #PATCH_ALPHA}, as a 16-bit RGBA PNG from the JDK's writer. */
    static Path sixteenBitPngWithAlpha(Path dir) throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[]{16, 16, 16, 16}, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(64, 64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int i = patch(x, y);
                Color c = Fixtures.PATCHES[i];
                r.setPixel(x, y, new int[]{c.getRed() * 257, c.getGreen() * 257, c.getBlue() * 257,
                        PATCH_ALPHA[i] * 257});
            }
        }
        Path p = dir.resolve("rgba16.png");
        ImageIO.write(new BufferedImage(cm, r, false, null), "png", p.toFile());
        return p;
    }

    /** The patches as an 8-bit RGBA PNG (the reference for the alpha inputs). */
    static Path patchesWithAlpha(Path dir) throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int i = patch(x, y);
                img.setRGB(x, y, (PATCH_ALPHA[i] << 24) | (Fixtures.PATCHES[i].getRGB() & 0xffffff));
            }
        }
        Path p = dir.resolve("rgba8.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** The patches as a palette PNG (PLTE + tRNS): 16 colours, patch 10 fully transparent, patch 5 half. */
    static Path palettePngWithTransparency(Path dir) throws IOException {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        byte[] a = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) Fixtures.PATCHES[i].getRed();
            g[i] = (byte) Fixtures.PATCHES[i].getGreen();
            b[i] = (byte) Fixtures.PATCHES[i].getBlue();
            a[i] = (byte) PATCH_ALPHA[i];
        }
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(4, 16, r, g, b, a));
        WritableRaster raster = img.getRaster();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                raster.setSample(x, y, 0, patch(x, y));
            }
        }
        Path p = dir.resolve("palette.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private static int patch(int x, int y) {
        return (y / 16) * 4 + x / 16;
    }

    /**
     * A valid 12-bit greyscale JPEG (SOF1, extended sequential Huffman) of {@code w} × {@code h} flat 8 × 8 blocks
     * in a grey ramp: DC coefficients only, every AC block ends at once. Written by hand because no encoder here
     * (libjpeg-turbo 2.1, ImageMagick, the JDK, mozjpeg) writes 12-bit JPEG.
     */
    static byte[] twelveBitJpeg(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, 0xD8, null);
        byte[] dqt = new byte[65];                       // table 0, 8-bit entries, all 16
        java.util.Arrays.fill(dqt, 1, 65, (byte) 16);
        marker(out, 0xDB, dqt);
        marker(out, 0xC1, new byte[]{12, (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 1, 1, 0x11, 0});
        // DC table: categories 0–11, all with 4-bit codes (0000…1011); AC table: EOB alone, code "0".
        byte[] dcht = new byte[1 + 16 + 12];
        dcht[0] = 0x00;
        dcht[4] = 12;
        for (int i = 0; i < 12; i++) {
            dcht[17 + i] = (byte) i;
        }
        marker(out, 0xC4, dcht);
        byte[] acht = new byte[1 + 16 + 1];
        acht[0] = 0x10;
        acht[1] = 1;
        marker(out, 0xC4, acht);
        marker(out, 0xDA, new byte[]{1, 1, 0x00, 0, 63, 0});
        Bits bits = new Bits();
        int previous = 0;
        for (int by = 0; by < (h + 7) / 8; by++) {
            for (int bx = 0; bx < (w + 7) / 8; bx++) {
                int level = 300 + 3400 * bx / Math.max(1, (w + 7) / 8 - 1);   // 12-bit grey, 300…3700
                int dc = (level - 2048) * 8 / 16;                                // flat block: 8 × mean / q
                int diff = dc - previous;
                previous = dc;
                int category = diff == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
                bits.put(category, 4);
                if (category > 0) {
                    bits.put(diff > 0 ? diff : diff + (1 << category) - 1, category);
                }
                bits.put(0, 1);                                                  // EOB
            }
        }
        out.writeBytes(bits.finish());
        marker(out, 0xD9, null);
        return out.toByteArray();
    }

    private static void marker(ByteArrayOutputStream out, int code, byte[] payload) {
        out.write(0xFF);
        out.write(code);
        if (payload != null) {
            out.write((payload.length + 2) >> 8);
            out.write(payload.length + 2);
            out.writeBytes(payload);
        }
    }

    /** Entropy-coded bits, MSB first, with 0xFF byte stuffing and 1-bit padding. */
    private static final class Bits {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int acc;
        private int n;

        void put(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                acc = (acc << 1) | ((value >> i) & 1);
                if (++n == 8) {
                    flush();
                }
            }
        }

        private void flush() {
            bytes.write(acc);
            if (acc == 0xFF) {
                bytes.write(0);
            }
            acc = 0;
            n = 0;
        }

        byte[] finish() {
            while (n != 0) {
                put(1, 1);
            }
            return bytes.toByteArray();
        }
    }

    /** The frame durations (ms) of an animated WebP, read from its ANMF chunks; empty for a still WebP. */
    static List<Integer> webpFrameDurations(byte[] webp) {
        ByteBuffer b = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> durations = new ArrayList<>();
        int pos = 12;
        while (pos + 8 <= webp.length) {
            String id = new String(webp, pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("ANMF")) {
                int d = pos + 8 + 12;
                durations.add((webp[d] & 0xff) | (webp[d + 1] & 0xff) << 8 | (webp[d + 2] & 0xff) << 16);
            }
            pos += 8 + size + (size & 1);
        }
        return durations;
    }
}
