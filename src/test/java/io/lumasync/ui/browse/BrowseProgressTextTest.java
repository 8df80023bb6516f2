package io.lumasync.ui.browse;

import io.lumasync.sync.BatchProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowseProgressTextTest {

    @Test
    void progressSaysTheTimeLeftOnceItIsKnown() {
        assertThat(BrowseViewModel.progressLine(new BatchProgress(200, 10, 1, 1), "about 9 min left"))
                .isEqualTo("12 of 200 done · 1 failed · about 9 min left");
        assertThat(BrowseViewModel.progressLine(new BatchProgress(200, 2, 0, 0), "")).isEqualTo("2 of 200 done");
    }
}
