package io.lumasync.cli;

import io.lumasync.image.HostileFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared folder full of files built to hurt an image reader, beside one good photo, pushed through the packaged
 * launcher and the real engine: the run ends quickly, each hostile file is named with a plain reason, none of them
 * (nor the private file one of them points at) is published, and the good photo is.
 */
class HostileBatchIT {
    @TempDir
    Path tmp;

    @Test
    void aBatchOfHostileFilesFailsItemByItemAndTheGoodPhotoIsPublished() throws Exception {
        Dist cli = new Dist(Files.createDirectories(tmp.resolve("home")), Map.of());
        Path batch = Files.createDirectories(tmp.resolve("shared"));
        Path out = tmp.resolve("out");
        Files.createDirectories(tmp.resolve("private"));
        Files.write(tmp.resolve("private/secret.png"), Images.png(300, 200, 250));
        Files.write(batch.resolve("good.png"), Images.png(300, 200, 40));

        HostileFiles.svgAsAvif(batch, "nested.avif");
        HostileFiles.svgWithNeighbour(batch, "innocent.avif", "../private/secret.png");
        HostileFiles.psbNegativeBlock(batch, "loop.psb");
        HostileFiles.bmpBomb(batch, "bomb.bmp");
        HostileFiles.rleOverrun(batch, "overrun.bmp");
        HostileFiles.hugePng(batch, "huge.png", 30000);
        Files.write(batch.resolve("photo.jpg"), jpeg());
        HostileFiles.truncated(batch.resolve("photo.jpg"), batch, "truncated.jpg", 0.5);
        Files.delete(batch.resolve("photo.jpg"));
        Files.write(batch.resolve("empty.jpg"), new byte[0]);
        HostileFiles.wrongExtension(batch, "page.jpg");

        assertThat(cli.run("destinations", "add", "folder", "web", "--path", out.toString()).exit()).isZero();
        long start = System.nanoTime();
        Dist.Result r = cli.run("push", batch.toString(), "--to", "web", "--format", "webp", "--quality", "80");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("hostile batch of 11 files: " + took.toMillis() + " ms\n" + r.out());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        assertThat(r.out())
                .contains("nested.avif: this is not an image Lumasync can read")
                .contains("innocent.avif: this is not an image Lumasync can read")
                .contains("loop.psb: the file is corrupt (a layer block's length runs outside its section)")
                .contains("bomb.bmp: the file is corrupt (its header gives a size of 200000000 × 1 pixels)")
                .contains("overrun.bmp: the file is corrupt (its compressed pixels run past the end of a row)")
                .contains("huge.png: refused: 30000 × 30000 is 900 megapixels")
                .contains("truncated.jpg: the file is truncated or corrupt")
                .contains("empty.jpg: the file is empty (0 bytes).")
                .contains("page.jpg: this is not an image Lumasync can read")
                .contains("1 done, 0 skipped, 9 failed");
        try (Stream<Path> published = Files.list(out)) {
            assertThat(published.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList())
                    .isEqualTo(List.of("good.webp"));
        }
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                img.setRGB(x, y, (x * 255 / 400) << 16 | (y * 255 / 300) << 8 | ((x ^ y) & 0xff));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", bytes);
        return bytes.toByteArray();
    }
}
