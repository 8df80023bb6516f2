package io.lumasync.destination.wordpress;

import io.lumasync.core.AssetMetadata;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.destination.Upload;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** Real image files for the WordPress tests, big enough (400×300) for WordPress to make thumbnails of. */
final class WpImages {
    private WpImages() {
    }

    static byte[] jpeg(int seed) {
        return jpeg(seed, 400, 300);
    }

    static byte[] jpeg(int seed, int width, int height) {
        return draw(seed, "jpg", BufferedImage.TYPE_INT_RGB, width, height);
    }

    static byte[] png(int seed) {
        return draw(seed, "png", BufferedImage.TYPE_INT_RGB, 400, 300);
    }

    private static byte[] draw(int seed, String type, int imageType, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, imageType);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(Color.HSBtoRGB((seed * 0.137f) % 1f, 0.7f, 0.9f)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(Color.HSBtoRGB((seed * 0.311f + 0.5f) % 1f, 0.8f, 0.5f)));
        g.fillOval(width / 8 + seed % 100, height / 8, width / 2, height * 2 / 3);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, type, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upload named {@code name-<random>.<ext>} so runs on the same site never collide. */
    static Upload upload(String name, ImageFormat format, byte[] bytes, AssetMetadata md) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        EncodedImage img = new EncodedImage(bytes, format, unique + "." + format.extension(), 400, 300, bytes.length, List.of());
        return new Upload(img, md, "sync-" + unique, "test", "src/" + unique, "");
    }

    static Upload jpegUpload(String name, int seed) {
        return upload(name, ImageFormat.JPEG, jpeg(seed), new AssetMetadata("Alt " + name, "Title " + name, "", ""));
    }
}
