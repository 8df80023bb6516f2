package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import io.lumasync.image.decode.BmpReader;
import io.lumasync.image.decode.DecodeException;
import io.lumasync.image.decode.PixelReader;
import io.lumasync.image.decode.PsdReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A seeded mutation fuzzer over the format sniffer and our own BMP and Photoshop decoders, run for a bounded time
 * in every build ({@code -Dlumasync.fuzz.seconds}, default 20). A decoder may accept a mutant or refuse it with a
 * {@link DecodeException}; anything else — another exception, an error, or more than {@link #PER_INPUT} on one
 * input — is a crash: the input is saved under target/fuzz-crashes and the test fails. Copy a saved crash into
 * src/test/resources/fuzz/crashes, where {@link #theCrashCorpusStaysFixed} replays every file on each build.
 */
class InputFuzzTest {
    private static final Path CORPUS = Path.of("src/test/resources/fuzz/crashes");
    private static final long PER_INPUT = 3_000;
    /** Mutants announcing more pixels than this only have their headers read: decoding them would be slow. */
    private static final long DECODE_PIXELS = 4_000_000;
    private static final int MAX_INPUT = 1 << 16;
    private static final int[] INTERESTING = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000,
            0xffffffff};

    @TempDir
    Path dir;

    @Test
    void mutantsOfEveryFixtureDecodeOrFailPlainly() throws Exception {
        long seconds = Long.getLong("lumasync.fuzz.seconds", 20);
        List<byte[]> seeds = seeds();
        long seed = Long.getLong("lumasync.fuzz.seed", 20261206L);
        Random random = new Random(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-target");
            t.setDaemon(true);   // a hung input must not keep the build's JVM alive
            return t;
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int runs = 0;
        try {
            while (System.nanoTime() < end) {
                byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
                Future<?> run = worker.submit(() -> {
                    target(input);
                    return null;
                });
                try {
                    run.get(PER_INPUT, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    fail("an input ran for more than " + PER_INPUT + " ms; saved as " + save(input));
                } catch (java.util.concurrent.ExecutionException e) {
                    fail("an input crashed the decoders (" + e.getCause() + "); saved as " + save(input), e.getCause());
                }
                runs++;
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("fuzz: %d inputs in %d s from seed %d%n", runs, seconds, seed);
        assertThat(runs).isGreaterThan(100);
    }

    static Stream<Path> crashes() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(InputFuzzTest::isCrash).sorted().toList().stream();
        }
    }

    private static boolean isCrash(Path p) {
        return Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashes")
    void theCrashCorpusStaysFixed(Path file) throws Exception {
        byte[] input = Files.readAllBytes(file);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-replay");
            t.setDaemon(true);
            return t;
        });
        try {
            worker.submit(() -> {
                target(input);
                return null;
            }).get(PER_INPUT, TimeUnit.MILLISECONDS);
        } finally {
            worker.shutdownNow();
        }
    }

    /** What is fuzzed: sniff, then our decoder for BMP and Photoshop (header, and pixels when small enough). */
    private static void target(byte[] input) throws Exception {
        ImageFormat format = FormatSniffer.sniff(input).orElse(null);
        if (format != ImageFormat.BMP && format != ImageFormat.PSD) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment file = arena.allocate(Math.max(1, input.length));
            MemorySegment.copy(input, 0, file, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, input.length);
            if (format == ImageFormat.BMP) {
                BmpReader.size(Arrays.copyOf(input, Math.min(input.length, FormatSniffer.HEAD)));
            }
            PixelReader reader = format == ImageFormat.BMP ? new BmpReader(file) : new PsdReader(file);
            if ((long) reader.width() * reader.height() <= DECODE_PIXELS) {
                reader.read(arena);
            }
        } catch (DecodeException e) {
            assertThat(e.getMessage()).as("a sentence for a photographer").isNotBlank();
        }
    }

    private List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : List.of("rgb24.bmp", "rgba32.bmp", "pal8.bmp", "rle8.bmp", "rgb565.bmp", "mono.bmp",
                "adobergb.bmp", "rgb8.psd", "rgb8-raw.psd", "rgb8.psb", "rgb16.psd", "cmyk.psd", "rgba.psd",
                "indexed.psd")) {
            byte[] bytes = Files.readAllBytes(DecodeFixtures.copy(dir, name));
            if (bytes.length <= MAX_INPUT) {
                seeds.add(bytes);
            }
        }
        seeds.add(Files.readAllBytes(HostileFiles.psbNegativeBlock(dir, "loop.psb")));
        seeds.add(Files.readAllBytes(HostileFiles.svgAsAvif(dir, "svg.avif")));
        // The start of an AVIF: 'ftyp' (major brand, minor version, two compatible brands), then 'meta'.
        seeds.add(HexFormat.of().parseHex("0000001866747970617669660000000061766966"
                + "6d6966310000002c6d65746100000000"));
        seeds.add(Files.readAllBytes(HostileFiles.rleBmp(dir, "rle.bmp", 64, 64, new byte[]{10, 3, 0, 0, 0, 1})));
        for (Path p : crashes().toList()) {
            seeds.add(Files.readAllBytes(p));
        }
        return seeds;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && b.length > 2; i++) {
            // Headers decide how everything after them is read: aim most edits at the first bytes.
            int at = random.nextInt(3) > 0 ? random.nextInt(Math.min(b.length, 256)) : random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> {
                    int v = INTERESTING[random.nextInt(INTERESTING.length)];
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) (random.nextBoolean() ? v >>> (24 - 8 * k) : v >>> (8 * k));
                    }
                }
                case 3 -> b = Arrays.copyOf(b, 2 + random.nextInt(b.length - 1));
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] grown = Arrays.copyOf(b, Math.min(MAX_INPUT, b.length + len));
                    System.arraycopy(b, at, grown, at + len, grown.length - at - len);
                    b = grown;
                }
                default -> b[at] = b[random.nextInt(b.length)];
            }
        }
        return b;
    }

    private static Path save(byte[] input) throws Exception {
        Path out = Path.of("target/fuzz-crashes");
        Files.createDirectories(out);
        String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input), 0, 8) + ".bin";
        return Files.write(out.resolve(name), input).toAbsolutePath();
    }
}
