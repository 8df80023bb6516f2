package io.lumasync.image;

import io.lumasync.core.LumasyncException;
import io.lumasync.image.vips.VipsScope;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Files built against our own BMP and Photoshop decoders: each ends quickly, decoded or refused in plain words. */
class HostileDecodeTest extends PipelineTestBase {

    @Test
    void aPsbBlockWithANegativeLengthDoesNotLoop() throws Exception {
        Path file = HostileFiles.psbNegativeBlock(dir, "loop.psb");
        assertThat(file).hasSize(404);
        // The layer hints are dropped; the composite after them is a plain 8 × 8 picture.
        byte[] pixels = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> decode(file, "loop.psb"));
        assertThat(pixels).hasSize(8 * 8 * 3);
    }

    @Test
    void anRleBmpDeclaring200MillionPixelsInOneRowIsRefusedFromItsHeader() throws Exception {
        Path file = HostileFiles.bmpBomb(dir, "bomb.bmp");
        long before = allocatedBytes();
        assertThatThrownBy(() -> SourceFile.open(file, "bomb.bmp", ImageLimits.defaults()))
                .isInstanceOf(LumasyncException.class)
                .hasMessageStartingWith("bomb.bmp: the file is corrupt (its header gives a size of 200000000 × 1");
        assertThat(allocatedBytes() - before).as("heap allocated on the way").isLessThan(16L << 20);
    }

    @Test
    void runsPastTheRowEndAreCutAtTheRowNotCountedOn() throws Exception {
        Path file = HostileFiles.rleOverrun(dir, "overrun.bmp");
        byte[] pixels = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> decode(file, "overrun.bmp"));
        // The first file row is the bottom image row: four pixels of palette colour 7; the row above stays 0.
        assertThat(pixels).hasSize(4 * 2 * 3);
        for (int i = 0; i < 12; i++) {
            assertThat(pixels[12 + i]).isEqualTo((byte) 7);
            assertThat(pixels[i]).isZero();
        }
    }

    private byte[] decode(Path file, String name) throws Exception {
        try (VipsScope scope = vips.scope()) {
            SourceFile source = SourceFile.open(file, name, ImageLimits.defaults());
            return scope.pixels(source.decode(scope));
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }
}
