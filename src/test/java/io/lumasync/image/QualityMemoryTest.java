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
    void aFormatRuledOutTwiceInARowIsLeftOutExceptOnRegularRechecks() {
        assertThat(memory.settled(ImageFormat.WEBP, 80)).as("nothing known yet").isFalse();
        memory.outcome(ImageFormat.WEBP, 80, true);
        assertThat(memory.settled(ImageFormat.WEBP, 80)).as("one rule-out is not a habit").isFalse();
        memory.outcome(ImageFormat.WEBP, 80, true);
        StringBuilder pattern = new StringBuilder();
        for (int photo = 0; photo < 2 * QualityMemory.RECHECK; photo++) {
            boolean settled = memory.settled(ImageFormat.WEBP, 80);
            pattern.append(settled ? '-' : 'T');
            if (!settled) {
                memory.outcome(ImageFormat.WEBP, 80, true);   // tried again, and ruled out again
            }
        }
        assertThat(pattern).hasToString("---T---T");
        assertThat(memory.settled(ImageFormat.WEBP, 70)).as("another target").isFalse();
        assertThat(memory.settled(ImageFormat.JPEG, 80)).as("another format").isFalse();
    }

    @Test
    void aFormatThatIsNotRuledOutOnceIsTriedAgainFromThenOn() {
        memory.outcome(ImageFormat.WEBP, 80, true);
        memory.outcome(ImageFormat.WEBP, 80, true);
        for (int photo = 1; photo < QualityMemory.RECHECK; photo++) {
            assertThat(memory.settled(ImageFormat.WEBP, 80)).isTrue();
        }
        assertThat(memory.settled(ImageFormat.WEBP, 80)).as("the re-check").isFalse();
        memory.outcome(ImageFormat.WEBP, 80, false);
        assertThat(memory.settled(ImageFormat.WEBP, 80)).isFalse();
        assertThat(memory.settled(ImageFormat.WEBP, 80)).isFalse();
    }

    @Test
    void theHintsASearchGetsAreThisMemory() {
        memory.remember("Canon|EOS R5", ImageFormat.AVIF, 80, 64);
        QualitySearch.Hints hints = memory.hints("Canon|EOS R5", 80);
        assertThat(hints.start(ImageFormat.AVIF)).isEqualTo(64);
        hints.outcome(ImageFormat.WEBP, true);
        hints.outcome(ImageFormat.WEBP, true);
        assertThat(memory.hints("Nikon|Z 8", 80).settled(ImageFormat.WEBP)).as("any camera, same target").isTrue();
        assertThat(memory.hints("Canon|EOS R5", 70).settled(ImageFormat.WEBP)).as("another target").isFalse();
    }

    @Test
    void staysBoundedWhateverTheNumberOfCameras() {
        for (int i = 0; i <= QualityMemory.MAX_ENTRIES + 10; i++) {
            memory.remember("camera " + i, ImageFormat.AVIF, 80, 60);
            memory.outcome(ImageFormat.WEBP, 80 + i % 7, true);
        }
        assertThat(memory.size()).isLessThanOrEqualTo(QualityMemory.MAX_ENTRIES + 7);
        assertThat(memory.start("camera " + (QualityMemory.MAX_ENTRIES + 10), ImageFormat.AVIF, 80)).isEqualTo(60);
    }
}
