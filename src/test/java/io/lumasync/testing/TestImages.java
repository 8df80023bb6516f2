package io.lumasync.testing;

import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Tiny, real image files for adapter tests. PNG, JPEG and GIF are drawn with ImageIO (a seed changes the
 * colours, so two seeds give two different files); WebP, AVIF and TIFF are 1×1 files made once with ImageMagick
 * ({@code convert -size 1x1 xc:#336699 -strip one.avif}) and kept here, since the JDK cannot write them.
 */
public final class TestImages {
    private static final String WEBP = "UklGRjYAAABXRUJQVlA4ICoAAACwAQCdASoBAAEAAgA0JaACdLoABGaAAP7udn/3BmfV2OH9zcW5+hQAAAA=";
    private static final String AVIF = "AAAAHGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZgAAAOptZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0"
            + "AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAImlsb2MAAAAAREAAAQABAAAAAAEOAAEAAAAAAAAAGgAAACNpaW5mAAAAAAABAAAA"
            + "FWluZmUCAAAAAAEAAGF2MDEAAAAAamlwcnAAAABLaXBjbwAAABNjb2xybmNseAACAAIABoAAAAAMYXYxQ4EADAAAAAAUaXNwZQAAAAAA"
            + "AAABAAAAAQAAABBwaXhpAAAAAAMICAgAAAAXaXBtYQAAAAAAAAABAAEEgYIDhAAAACJtZGF0EgAKBRgABgQgMg8YAAooooQAALATdyH9WPg=";
    private static final String TIFF = "SUkqAA4AAAAzM2ZmmZkPAAABAwABAAAAAQAAAAEBAwABAAAAAQAAAAIBAwADAAAAyAAAAAMBAwAB"
            + "AAAAAQAAAAYBAwABAAAAAgAAAAoBAwABAAAAAQAAABEBBAABAAAACAAAABIBAwABAAAAAQAAABUBAwABAAAAAwAAABYBAwABAAAAAQAA"
            + "ABcBBAABAAAABgAAABwBAwABAAAAAQAAACkBAwACAAAAAAABAD4BBQACAAAA/gAAAD8BBQAGAAAAzgAAAAAAAAAQABAAEACF61EAAACA"
            + "AMP1qAAAAAACzcxMAAAAAAHNzEwAAACAAM3MTAAAAAACj8L1AAAAABA3GqAAAAAAAiuHCgAAACAA";

    private TestImages() {
    }

    /** A 4×4 PNG whose pixels depend on {@code seed}. */
    public static byte[] png(int seed) {
        return draw(seed, "png", BufferedImage.TYPE_INT_ARGB);
    }

    public static byte[] jpeg(int seed) {
        return draw(seed, "jpg", BufferedImage.TYPE_INT_RGB);
    }

    public static byte[] gif(int seed) {
        return draw(seed, "gif", BufferedImage.TYPE_INT_RGB);
    }

    /** A small valid file of the given format, when this class has one. */
    public static Optional<byte[]> sample(ImageFormat format) {
        return switch (format) {
            case PNG -> Optional.of(png(1));
            case JPEG -> Optional.of(jpeg(1));
            case GIF -> Optional.of(gif(1));
            case WEBP -> Optional.of(Base64.getDecoder().decode(WEBP));
            case AVIF -> Optional.of(Base64.getDecoder().decode(AVIF));
            case TIFF -> Optional.of(Base64.getDecoder().decode(TIFF));
            default -> Optional.empty();
        };
    }

    /** Wraps bytes as the pipeline's output, named {@code baseName.<ext>}. */
    public static EncodedImage encoded(String baseName, ImageFormat format, byte[] bytes) {
        return new EncodedImage(bytes, format, baseName + "." + format.extension(), 4, 4, bytes.length, List.of());
    }

    private static byte[] draw(int seed, String type, int imageType) {
        BufferedImage img = new BufferedImage(4, 4, imageType);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int v = (seed * 73 + x * 31 + y * 17) & 0xFF;
                img.setRGB(x, y, 0xFF000000 | (v << 16) | (((seed * 29) & 0xFF) << 8) | (255 - v));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, type, out)) {
                throw new IllegalStateException("ImageIO cannot write " + type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
