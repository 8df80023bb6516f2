package io.lumasync.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EtaTest {

    @Test
    void itemsLeftTimesTheMeasuredRate() {
        // 10 items in 20 s: 2 s each, 90 left.
        assertThat(Eta.remaining(Duration.ofSeconds(20), 10, 100)).contains(Duration.ofSeconds(180));
        assertThat(Eta.remaining(Duration.ofSeconds(30), 3, 4)).contains(Duration.ofSeconds(10));
    }

    @Test
    void saysNothingUntilEnoughIsMeasuredOrWhenDone() {
        assertThat(Eta.remaining(Duration.ofSeconds(60), 1, 100)).isEmpty();
        assertThat(Eta.remaining(Duration.ofMillis(2_000), 50, 100)).isEmpty();
        assertThat(Eta.remaining(Duration.ofSeconds(60), 100, 100)).isEmpty();
        assertThat(Eta.remaining(Duration.ofSeconds(60), 0, 0)).isEmpty();
    }

    @Test
    void inWordsAPhotographerReads() {
        assertThat(Eta.words(Duration.ofSeconds(7))).isEqualTo("about 7 s left");
        assertThat(Eta.words(Duration.ofSeconds(41))).isEqualTo("about 45 s left");
        assertThat(Eta.words(Duration.ofSeconds(180))).isEqualTo("about 3 min left");
        assertThat(Eta.words(Duration.ofMinutes(125))).isEqualTo("about 2 h 5 min left");
        assertThat(Eta.words(Duration.ZERO)).isEqualTo("about 1 s left");
    }
}
