package io.lumasync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills `lumasync optimize` with SIGKILL at several points, restarts it, and checks the outcome against one
 * uninterrupted run of the same images: every image replaced exactly once (a second replace would recompress
 * the recompressed file and give other bytes), every original kept, and rollback restoring them byte for byte.
 */
class OptimizeCrashIT {
    private static final int IMAGES = 40;

    @TempDir
    Path tmp;

    @Test
    void killNineMidOptimizeResumesWithoutReplacingTwiceAndRollbackRestoresTheOriginals() throws Exception {
        Map<String, byte[]> originals = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < IMAGES; i++) {
            originals.put(String.format("photo-%02d.jpg", i), highQualityJpeg(320, 240, random));
        }
        Map<String, byte[]> expected = optimizeUninterrupted(originals);

        Path home = Files.createDirectories(tmp.resolve("home"));
        Path site = writeAll(tmp.resolve("site"), originals);
        // A pause before each replace stretches the run to a few seconds, so the kills land mid-run.
        Dist slow = new Dist(home, Map.of("LUMASYNC_UPLOAD_DELAY_MS", "60"));
        assertThat(slow.run("destinations", "add", "folder", "site", "--path", site.toString()).exit()).isZero();
        int killed = 0;
        boolean caughtHalfWay = false;
        for (int round = 0; round < 3; round++) {
            Process p = slow.builder("optimize", "site", "--quality", "60").redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("run-" + round + ".log").toFile()).start();
            // Kill as soon as this run has replaced one more image: mid-run however slow the machine is.
            long before = replaced(site, originals);
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && replaced(site, originals) <= before && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            if (p.isAlive()) {
                // SIGKILL: no shutdown hook, no cleanup; the journal and the backups are all that is left
                new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
                p.waitFor(10, TimeUnit.SECONDS);
                killed++;
                long replaced = replaced(site, originals);
                caughtHalfWay |= replaced > 0 && replaced < IMAGES;
            }
        }
        assertThat(killed).as("at least two runs must have been killed mid-way").isGreaterThanOrEqualTo(2);
        assertThat(caughtHalfWay).as("a kill left some images optimized and some not").isTrue();

        Dist.Result finish = new Dist(home, Map.of()).run("optimize", "site", "--quality", "60");
        assertThat(finish.exit()).as(finish.out() + finish.err()).isZero();
        for (var e : expected.entrySet()) {
            assertThat(Files.readAllBytes(site.resolve(e.getKey()))).as(e.getKey() + " replaced exactly once")
                    .isEqualTo(e.getValue());
        }
        List<byte[]> kept = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".orig")).toList()) {
                kept.add(Files.readAllBytes(p));
            }
        }
        assertThat(kept).as("one backup per image, each the original").hasSize(IMAGES)
                .allSatisfy(b -> assertThat(originals.values()).anySatisfy(o -> assertThat(b).isEqualTo(o)));

        Dist.Result again = new Dist(home, Map.of()).run("optimize", "site", "--quality", "60", "--json");
        assertThat(again.out()).contains("\"already_optimized\" : " + IMAGES);

        Dist.Result rollback = new Dist(home, Map.of()).run("optimize", "rollback", "site");
        assertThat(rollback.exit()).as(rollback.out() + rollback.err()).isZero();
        for (var e : originals.entrySet()) {
            assertThat(Files.readAllBytes(site.resolve(e.getKey()))).as(e.getKey() + " restored")
                    .isEqualTo(e.getValue());
        }
    }

    /** The bytes one run without interruption makes of the same originals. */
    private Map<String, byte[]> optimizeUninterrupted(Map<String, byte[]> originals) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("reference-home"));
        Path site = writeAll(tmp.resolve("reference-site"), originals);
        Dist dist = new Dist(home, Map.of());
        assertThat(dist.run("destinations", "add", "folder", "site", "--path", site.toString()).exit()).isZero();
        Dist.Result r = dist.run("optimize", "site", "--quality", "60");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(IMAGES + " done");
        Map<String, byte[]> out = new HashMap<>();
        for (String name : originals.keySet()) {
            out.put(name, Files.readAllBytes(site.resolve(name)));
            assertThat(out.get(name).length).isLessThan(originals.get(name).length);
        }
        return out;
    }

    private static long replaced(Path site, Map<String, byte[]> originals) {
        return originals.keySet().stream().filter(n -> !same(site.resolve(n), originals.get(n))).count();
    }

    private static boolean same(Path file, byte[] bytes) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false; // replaced at that very moment
        }
    }

    private static Path writeAll(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        for (var e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    /** A noisy photo-like JPEG at quality 0.95: recompressing it at 60 clearly shrinks it. */
    private static byte[] highQualityJpeg(int w, int h, Random random) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int base = random.nextInt(0xffffff);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = ((base >> 16) + x / 2 + random.nextInt(24)) & 0xff;
                int g = ((base >> 8) + y / 2 + random.nextInt(24)) & 0xff;
                int b = (base + (x + y) / 3 + random.nextInt(24)) & 0xff;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
