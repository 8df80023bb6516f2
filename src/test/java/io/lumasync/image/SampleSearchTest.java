package io.lumasync.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleSearchTest {

    @Test
    void theNextTryGoesWhereTheMeasuredSlopeSaysTheTargetIs() {
        SampleSearch.Slope slope = new SampleSearch.Slope();
        slope.add(60, 76.0, 81);
        // One failing try: move by the typical slope (0.5 point per step), 5 points short → 10 steps up.
        assertThat(slope.next(60, 76.0, 81)).isEqualTo(70);
        slope.add(70, 83.0, 81);
        // Bracketed: 7 points over 10 steps; from the passing try, 2 points of spare → 2 steps down (not 3).
        assertThat(slope.value()).isEqualTo(0.7);
        assertThat(slope.next(70, 83.0, 81)).isEqualTo(68);
    }

    @Test
    void aTryAlwaysMovesAtLeastOneStep() {
        SampleSearch.Slope slope = new SampleSearch.Slope();
        assertThat(slope.next(50, 80.9, 81)).isEqualTo(51);
        assertThat(slope.next(50, 81.1, 81)).isEqualTo(49);
    }
}
