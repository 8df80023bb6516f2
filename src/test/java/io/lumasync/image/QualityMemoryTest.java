package io.lumasync.image;

import io.lumasync.core.ImageFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QualityMemoryTest {
    private final QualityMemory memory = new QualityMemory();

    @Test
    void startsFromTheFittedCurveThenFromWhatTheSameCameraLastNeeded() {
        assertThat(memory.start("Canon|EOS R5", ImageFormat.AVIF, 80)).isEqualTo(72);
        assertThat(memory.start("Canon|EOS R5", ImageFormat.AVIF, 70)).isEqualTo(52);
        assertThat(memory.start("Canon|EOS R5", ImageFormat.WEBP, 80)).isEqualTo(90);
        assertThat(memory.start("Canon|EOS R5", ImageFormat.JPEG, 80)).isEqualTo(85);
        memory.remember("Canon|EOS R5", ImageFormat.AVIF, 80, 64);
        assertThat(memory.start("Canon|EOS R5", ImageFormat.AVIF, 80)).isEqualTo(64);
        assertThat(memory.start("Canon|EOS R5", ImageFormat.AVIF, 70)).as("another target").isEqualTo(52);
        assertThat(memory.start("Canon|EOS R5", ImageFormat.WEBP, 80)).as("another format").isEqualTo(90);
        assertThat(memory.start("Nikon|Z 8", ImageFormat.AVIF, 80)).as("another camera").isEqualTo(72);
    }

    @Test
    void staysBoundedWhateverTheNumberOfCameras() {
        for (int i = 0; i <= QualityMemory.MAX_ENTRIES + 10; i++) {
            memory.remember("camera " + i, ImageFormat.AVIF, 80, 60);
        }
        assertThat(memory.size()).isLessThanOrEqualTo(QualityMemory.MAX_ENTRIES);
        assertThat(memory.start("camera " + (QualityMemory.MAX_ENTRIES + 10), ImageFormat.AVIF, 80)).isEqualTo(60);
    }
}
