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
    void aPsbBlockWithANegativeLengthIsRefusedInsteadOfLooping() throws Exception {
        Path file = HostileFiles.psbNegativeBlock(dir, "loop.psb");
        assertThat(file).hasSize(404);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> decode(file, "loop.psb"))
                .isInstanceOf(LumasyncException.class)
                .hasMessageStartingWith("loop.psb: the file is corrupt (a layer block's length runs outside its "
                        + "section)"));
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
    void runsForARowAlreadyFullAreRefusedNotCountedOn() throws Exception {
        Path file = HostileFiles.rleOverrun(dir, "overrun.bmp");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> decode(file, "overrun.bmp"))
                .isInstanceOf(LumasyncException.class)
                .hasMessageStartingWith("overrun.bmp: the file is corrupt (its compressed pixels run past the end "
                        + "of a row)"));
    }

    @Test
    void theRunThatFillsARowMayOvershootIt() throws Exception {
        // 4 pixels wide: a run of 6 fills the first row, end of row, a run of 4, end of bitmap.
        Path file = HostileFiles.rleBmp(dir, "overshoot.bmp", 4, 2, new byte[]{6, 7, 0, 0, 4, 9, 0, 1});
        byte[] pixels = decode(file, "overshoot.bmp");
        assertThat(pixels).hasSize(4 * 2 * 3);
        assertThat(pixels[0]).isEqualTo((byte) 9);    // top image row = second file row
        assertThat(pixels[12]).isEqualTo((byte) 7);
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
