package io.lumasync.ui;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.EncodedImage;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.Quality;
import io.lumasync.image.ImagePipeline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Re-encodes JPEGs with the JDK's encoder (enough to see Optimize shrink files without libvips). */
final class JpegTestPipeline implements ImagePipeline {
    @Override
    public EncodedImage encode(Path input, String sourceName, EncodeSettings settings, Set<ImageFormat> accepted)
            throws LumasyncException {
        try {
            BufferedImage img = ImageIO.read(input.toFile());
            if (img == null) {
                throw LumasyncException.giveUp(sourceName + " is not an image.");
            }
            int q = settings.quality() instanceof Quality.Fixed f ? f.value() : 60;
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(q / 100f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(img, null, null), p);
            }
            w.dispose();
            return new EncodedImage(out.toByteArray(), ImageFormat.JPEG, EncodedImage.renameFor(sourceName,
                    ImageFormat.JPEG), img.getWidth(), img.getHeight(), input.toFile().length(),
                    List.of("JPEG quality " + q));
        } catch (IOException e) {
            throw LumasyncException.giveUp(sourceName + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public String engineName() {
        return "JDK JPEG (tests)";
    }
}
