package io.lumasync.image;

import io.lumasync.core.LumasyncException;
import io.lumasync.image.vips.VipsScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Damaged copies of every fixture (bytes overwritten, the file cut short) either decode or fail with a plain
 * message naming the file: never an index error, an exception trace or a crash. Seeded, so a failure repeats.
 */
class DecoderFuzzTest extends PipelineTestBase {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rgb24.bmp", "rgb24-topdown.bmp", "rgba32.bmp", "pal8.bmp", "rle8.bmp", "rgb565.bmp",
            "mono.bmp", "adobergb.bmp", "rgb8.psd", "rgb8-raw.psd", "rgb8.psb", "rgb16.psd", "grey.psd",
            "cmyk.psd", "rgba.psd", "adobergb.psd", "indexed.psd", "bitmap.psd"})
    void damagedFilesDecodeOrFailPlainly(String name) throws Exception {
        byte[] good = Files.readAllBytes(DecodeFixtures.copy(dir, name));
        Random random = new Random(name.hashCode());
        int refused = 0;
        for (int round = 0; round < 100; round++) {
            byte[] bad = good.clone();
            int changes = 1 + random.nextInt(6);
            for (int i = 0; i < changes; i++) {
                // Mostly the headers, where one wrong byte changes the meaning of everything after it.
                int at = random.nextInt(4) == 0 ? random.nextInt(bad.length) : 2 + random.nextInt(Math.min(160,
                        bad.length - 2));
                bad[at] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                bad = Arrays.copyOf(bad, 20 + random.nextInt(bad.length - 20));
            }
            Path file = dir.resolve("bad-" + round + "-" + name);
            Files.write(file, bad);
            try (VipsScope scope = vips.scope()) {
                SourceFile source = SourceFile.open(file, "bad.x", ImageLimits.defaults());
                scope.pixels(source.decode(scope));
            } catch (LumasyncException e) {
                assertThat(e.getMessage()).startsWith("bad.x: ");
                refused++;
            } catch (RuntimeException | Error e) {
                fail("round " + round + " of " + name + ": " + e, e);
            }
            Files.delete(file);
        }
        assertThat(refused).as("some damage must be noticed").isPositive();
    }
}
