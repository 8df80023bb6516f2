package io.lumasync.image;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.LumasyncException;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import io.lumasync.image.vips.VipsScope;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libvips keeps one error log for the whole process. Several workers failing at the same moment must still each
 * be told their own file's problem: a photographer must never read "photo A is truncated" when photo B was.
 */
class ConcurrentErrorsTest extends PipelineTestBase {
    private static final int THREADS = 8;
    private static final int ROUNDS = 25;

    @Test
    void eachFailingImageGetsItsOwnMessageWhenManyFailAtOnce() throws Exception {
        byte[] jpeg;
        try (VipsScope scope = vips.scope()) {
            jpeg = scope.save("vips_jpegsave_buffer", scope.open(Fixtures.photo(dir, 320, 240, 11)));
        }
        // Two causes that libvips words differently: a JPEG cut short (found while decoding pixels, in libvips'
        // worker threads) and a TIFF whose header is garbage (found while opening, naming the file).
        List<Path> files = new ArrayList<>();
        Random rnd = new Random(5);
        for (int t = 0; t < THREADS; t++) {
            Path cut = dir.resolve("cut-" + t + ".jpg");
            Files.write(cut, Arrays.copyOf(jpeg, jpeg.length / 2 + t * 7));
            byte[] tiff = new byte[600];
            rnd.nextBytes(tiff);
            System.arraycopy(new byte[]{'I', 'I', '*', 0}, 0, tiff, 0, 4);
            Path bad = dir.resolve("bad-" + t + ".tif");
            Files.write(bad, tiff);
            files.add(t % 2 == 0 ? cut : bad);
        }
        EncodeSettings settings = EncodeSettings.defaults().withFormat(OutputFormat.WEBP)
                .withQuality(new Quality.Fixed(80));
        CyclicBarrier together = new CyclicBarrier(THREADS);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Path file = files.get(t);
                done.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        together.await();
                        try {
                            pipeline.encode(file, file.getFileName().toString(), settings, Set.of());
                            wrong.add(file.getFileName() + ": converted although it is broken");
                        } catch (LumasyncException e) {
                            String problem = problem(file, e.getMessage());
                            if (problem != null) {
                                wrong.add(problem);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wrong).as("messages about the wrong file or cause, of %d", THREADS * ROUNDS).isEmpty();
    }

    /** What is wrong with the message for {@code file}, or null when it names its own file and cause alone. */
    private static String problem(Path file, String message) {
        String name = file.getFileName().toString();
        String libvips = message.contains("(libvips: ") ? message.substring(message.indexOf("(libvips: ")) : "";
        boolean jpeg = name.endsWith(".jpg");
        String wantStart = name + (jpeg ? ": the file is truncated or corrupt"
                : ": the file starts like a TIFF image but the rest cannot be read");
        boolean ownCause = jpeg ? libvips.contains("VipsJpeg") && !libvips.contains("not a known file format")
                : (libvips.contains("/" + name + "\"") || libvips.contains("/" + name + ":"))
                && !libvips.contains("VipsJpeg");
        boolean foreignName = libvips.replace(name, "").matches("(?s).*(cut|bad)-\\d+\\.(jpg|tif).*");
        return message.startsWith(wantStart) && ownCause && !foreignName ? null : message;
    }
}
