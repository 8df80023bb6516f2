package io.lumasync.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class EtaTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Eta eta = new Eta(now::get);

    private void after(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void imagesLeftTimesTheMeasuredTimePerImage() {
        after(Duration.ofSeconds(20));
        // 10 of 100 converted in 20 s: 2 s each, 90 left.
        assertThat(eta.left(new BatchProgress(100, 10, 0, 0))).contains(Duration.ofSeconds(180));
        assertThat(eta.text(new BatchProgress(100, 10, 0, 0))).isEqualTo("about 3 min left");
    }

    @Test
    void skippedImagesCountNeitherInTheRateNorInWhatIsLeft() {
        after(Duration.ofSeconds(30));
        // 40 unchanged images skipped in no time, 10 converted (3 s each); 50 left.
        assertThat(eta.left(new BatchProgress(100, 8, 40, 2))).contains(Duration.ofSeconds(150));
    }

    @Test
    void noGuessBeforeEnoughHasBeenMeasured() {
        after(Duration.ofSeconds(60));
        assertThat(eta.left(new BatchProgress(2000, 2, 0, 0))).isEmpty();
        assertThat(eta.text(new BatchProgress(2000, 2, 0, 0))).isEmpty();
        Eta fresh = new Eta(now::get);
        after(Duration.ofSeconds(2));
        assertThat(fresh.left(new BatchProgress(2000, 50, 0, 0))).as("too soon").isEmpty();
        assertThat(eta.left(new BatchProgress(10, 10, 0, 0))).as("nothing left").isEmpty();
    }

    @Test
    void wordsRoundToWhatAPersonReads() {
        assertThat(Eta.words(Duration.ofSeconds(12))).isEqualTo("about 15 s left");
        assertThat(Eta.words(Duration.ofSeconds(89))).isEqualTo("about 1 min left");
        assertThat(Eta.words(Duration.ofMinutes(125).plusSeconds(10))).isEqualTo("about 2 h 5 min left");
    }
}
