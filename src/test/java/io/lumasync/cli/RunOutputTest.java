package io.lumasync.cli;

import io.lumasync.sync.BatchProgress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RunOutputTest {

    @Test
    void theTerminalBarEstimatesTheTimeLeftOnceEnoughIsDone() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        RunOutput output = new RunOutput(new PrintWriter(text), false, true, clock::get);

        clock.set(1_000_000_000L);
        output.onBatch(new BatchProgress(100, 1, 0, 0));
        assertThat(text.toString()).endsWith("1/100");

        clock.set(20_000_000_000L);
        output.onBatch(new BatchProgress(100, 9, 0, 1));
        // 10 images in 20 s: 2 s each, 90 left.
        assertThat(text.toString()).endsWith("10/100  1 failed  about 3 min left");
    }
}
