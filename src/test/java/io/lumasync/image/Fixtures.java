package io.lumasync.image;

import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/** Small test images made at test time (nothing big is committed). */
final class Fixtures {
    private Fixtures() {
    }

    /** Muted colours that sit inside sRGB, Adobe RGB, P3 and a press CMYK gamut alike. */
    static final Color[] PATCHES = {
            new Color(194, 150, 130), new Color(98, 122, 157), new Color(87, 108, 67), new Color(133, 128, 177),
            new Color(103, 189, 170), new Color(214, 126, 44), new Color(80, 91, 166), new Color(193, 90, 99),
            new Color(94, 60, 108), new Color(157, 188, 64), new Color(224, 163, 46), new Color(160, 160, 160),
            new Color(115, 82, 68), new Color(200, 200, 200), new Color(70, 70, 70), new Color(122, 122, 121)};

    /** A 64 × 64 grid of flat colour patches (16 × 16 px each), untagged sRGB PNG. */
    static Path patches(Path dir) throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < 16; i++) {
            g.setColor(PATCHES[i]);
            g.fillRect((i % 4) * 16, (i / 4) * 16, 16, 16);
        }
        g.dispose();
        Path p = dir.resolve("patches.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** A picture that shows which way is up: red top-left, green top-right, blue bottom-left, white bottom-right. */
    static Path quadrants(Path dir, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h / 2);
        g.setColor(Color.GREEN);
        g.fillRect(w / 2, 0, w - w / 2, h / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, h / 2, w / 2, h - h / 2);
        g.setColor(Color.WHITE);
        g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
        g.dispose();
        Path p = dir.resolve("quadrants-" + w + "x" + h + ".png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** Photo-like content (smooth gradients plus fine noise) so encoders have real work and sizes are realistic. */
    static Path photo(Path dir, int w, int h, long seed) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (double) x / w;
                double v = (double) y / h;
                int r = clamp(120 + 80 * Math.sin(6 * u + 2 * v) + rnd.nextGaussian() * 6);
                int gr = clamp(110 + 70 * Math.cos(5 * v - 3 * u) + rnd.nextGaussian() * 6);
                int b = clamp(100 + 60 * Math.sin(9 * u * v) + rnd.nextGaussian() * 6);
                img.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        Path p = dir.resolve("photo-" + w + "x" + h + ".png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** Soft shapes on a sky-like gradient: content on which AVIF is far ahead of WebP and JPEG. */
    static Path smoothScene(Path dir, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(70, 120, 200), 0, h,
                new java.awt.Color(230, 200, 160)));
        g.fillRect(0, 0, w, h);
        Random rnd = new Random(3);
        for (int i = 0; i < 12; i++) {
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            int r = 40 + rnd.nextInt(w / 6);
            g.setPaint(new java.awt.GradientPaint(x - r, y - r, new java.awt.Color(rnd.nextInt(0xffffff)), x + r,
                    y + r, new java.awt.Color(rnd.nextInt(0xffffff))));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        g.dispose();
        Path p = dir.resolve("scene-" + w + "x" + h + ".png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /**
     * A smooth gradient with bands of fine random detail placed between the tiles of the quality search's sample
     * (for 1536 px: rows and columns 400–620 and 1420–1536 are detailed, the tiles at 128, 640 and 1152 are not).
     */
    static Path hiddenDetail(Path dir, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean band = (x >= 400 && x < 620) || (y >= 400 && y < 620) || x >= 1420 || y >= 1420;
                double base = 90 + 60.0 * x / w + 40.0 * y / h;
                double noise = band ? rnd.nextGaussian() * 45 + ((x / 2 + y / 3) % 2 == 0 ? 30 : -30) : 0;
                int v = clamp(base + noise);
                img.setRGB(x, y, (v << 16) | (clamp(base * 0.9 + noise) << 8) | clamp(base * 0.8 + noise));
            }
        }
        Path p = dir.resolve("hidden-detail-" + w + "x" + h + ".png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Decoded pixels of an encoded output. */
    record Decoded(int width, int height, int bands, int pages, byte[] pixels) {
        int[] rgb(int x, int y) {
            int o = (y * width + x) * bands;
            return new int[]{pixels[o] & 0xff, pixels[o + 1] & 0xff, pixels[o + 2] & 0xff};
        }
    }

    static Decoded decode(Vips vips, byte[] encoded) throws VipsException {
        try (VipsScope scope = vips.scope()) {
            VipsImage img = scope.open(encoded, "");
            return new Decoded(img.width(), img.height(), img.bands(), img.pages(), scope.pixels(img));
        }
    }
}
