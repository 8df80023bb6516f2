package io.lumasync.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;

/** Small real images for CLI tests, made with the JDK's own encoder. */
final class Images {
    private Images() {
    }

    static byte[] png(int w, int h, int shade) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (shade << 16) | ((x * 255 / w) << 8) | (y * 255 / h));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
