package io.lumasync.cli;

import io.lumasync.sync.BatchProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunOutputBarTest {

    @Test
    void theBarEndsWithTheTimeLeftOnceItIsKnown() {
        assertThat(RunOutput.barLine(new BatchProgress(100, 49, 1, 0), 10, "about 3 min left"))
                .isEqualTo("\r\033[K[#####     ] 50/100  about 3 min left");
        assertThat(RunOutput.barLine(new BatchProgress(100, 1, 0, 1), 10, ""))
                .isEqualTo("\r\033[K[          ] 2/100  1 failed");
    }
}
