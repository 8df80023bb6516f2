package io.lumasync.ui.common;

import io.lumasync.image.HostileFiles;
import io.lumasync.ui.FxTestSupport;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** Browse previews come from the image engine under its limits; JavaFX never decodes a stranger's file. */
@ExtendWith(ApplicationExtension.class)
class ThumbnailsTest {
    static {
        FxTestSupport.headless();
    }

    @TempDir
    Path dir;

    @Test
    void aPhotoGetsASmallPreview() throws Exception {
        BufferedImage photo = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        photo.setRGB(0, 0, 0xff0000);
        Path file = dir.resolve("photo.png");
        ImageIO.write(photo, "png", file.toFile());
        try (Thumbnails thumbs = new Thumbnails(dir.resolve("cache"), new SameThreadTasks())) {
            Image img = thumbs.make(file);
            assertThat(img).isNotNull();
            assertThat(img.getWidth()).isEqualTo(Thumbnails.SIZE);
            assertThat(img.getHeight()).isBetween(106.0, 107.0);
            assertThat(thumbs.make(file).getWidth()).as("from the disk cache").isEqualTo(Thumbnails.SIZE);
        }
    }

    @Test
    void aHugePngGetsAPlaceholderWithoutFillingTheHeap() throws Exception {
        Path png = HostileFiles.hugePng(dir, "grey.png", 30000);
        assertThat(Files.size(png)).isLessThan(1_000_000);
        try (Thumbnails thumbs = new Thumbnails(dir.resolve("cache"), new SameThreadTasks())) {
            long before = allocated();
            Image img = thumbs.make(png);
            long used = allocated() - before;
            assertThat(img).isNull();
            assertThat(used).as("bytes allocated on the heap for it").isLessThan(32L << 20);
        }
    }

    @Test
    void anSvgPosingAsAvifGetsAPlaceholder() throws Exception {
        Path svg = HostileFiles.svgAsAvif(dir, "nested.avif");
        try (Thumbnails thumbs = new Thumbnails(dir.resolve("cache"), new SameThreadTasks())) {
            assertThat(thumbs.make(svg)).isNull();
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
